#pragma once
// Row MACs and the integrity manifest (core/FORMAT.md "Integrity"). SQLCipher authenticates pages
// but not which version of the file a page came from; these bind every row to today's file.

#include "Schema.h"
#include "common/Result.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <variant>

namespace tessera {

using RowKey = std::variant<qint64, QString, QByteArray>;
// device id -> latest HLC stamp of that device
using VersionVector = std::map<QByteArray, quint64>;

QByteArray encodeVersions(const VersionVector& versions);
Result<VersionVector> decodeVersions(QByteArrayView bytes);
// The element-wise maximum of two version vectors.
VersionVector mergedVersions(const VersionVector& a, const VersionVector& b);
// True if `file` is an older state than `known`: some device's latest stamp in it is older, and
// none is newer (a file with edits not seen yet is concurrent, not old). A possible rollback.
bool isBehind(const VersionVector& file, const VersionVector& known);

// "SELECT t.*, m.mac FROM table t LEFT JOIN row_macs m ..." plus an optional WHERE clause on t.
QByteArray selectWithMac(Table table, const char* where = nullptr);
// Row MACs of one table, for many rows in a row (unlock checks thousands).
class RowMacs {
public:
    RowMacs(const Key& rowMacKey, Table table);
    QByteArray of(const Statement& row); // over the table's columns, in order
    // For a row fetched with selectWithMac: compares with the stored MAC after the columns.
    Status check(const Statement& row);

private:
    Table m_table;
    Mac m_base;
    QByteArray m_columns;
};

// Checks a row fetched with selectWithMac against its stored MAC.
Status checkRow(const Key& rowMacKey, Table table, const Statement& row);

void bindKey(Statement& stmt, int index, const RowKey& key);
// Recomputes and stores the MAC of one row after it was written.
Status updateRowMac(Database& db, const Key& rowMacKey, Table table, const RowKey& key);
Status removeRowMac(Database& db, Table table, const RowKey& key);

struct ManifestBinding {
    QByteArray vaultId;
    QByteArray header;
    quint64 epoch = 0;
};

Status writeManifest(Database& db, const Key& manifestKey, const ManifestBinding& binding,
                     const VersionVector& versions);
// Checks row counts against row_macs and the manifest MAC; returns the version vector it covers.
Result<VersionVector> verifyManifest(Database& db, const Key& manifestKey,
                                     const ManifestBinding& binding);
// Checks every row of every table against its MAC (for files Tessera did not just write).
Status verifyAllRows(Database& db, const Key& rowMacKey);

} // namespace tessera
