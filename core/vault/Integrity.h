#pragma once
// Row MACs and the integrity manifest (core/FORMAT.md "Integrity"). SQLCipher authenticates pages
// but not which version of the file a page came from; these bind every row to today's file.

#include "KeyRing.h"
#include "Schema.h"
#include "common/Result.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <variant>
#include <vector>

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
    RowMacs(const RowMacKey& rowMacKey, Table table);
    QByteArray of(const Statement& row); // over the table's columns, in order
    // Over columns already in canonical form (Statement::appendCanonical of each, in order), the
    // last one starting at `lastAt`.
    QByteArray ofColumns(QByteArrayView columns, qsizetype lastAt) const;
    // For a row fetched with selectWithMac: compares with the stored MAC after the columns.
    Status check(const Statement& row);
    // The same for a row read earlier; no `stored` when the row had no MAC.
    Status check(QByteArrayView columns, qsizetype lastAt,
                 std::optional<QByteArrayView> stored) const;

private:
    qsizetype canonicalColumns(const Statement& row); // into m_columns; where the last starts

    Table m_table;
    bool m_sealedByTag; // format 2 entries: the overview counts by its length, nonce and tag
    Mac m_base;
    QByteArray m_columns;
};

// The row MACs of one table whose keys are entry ids, in row_macs order (sorted by id), as one
// flat array: unlock looks up every entries row here instead of joining row_macs row by row (a
// join reads a random row_macs page per row: three times the file at 100k entries).
class RowMacIndex {
public:
    static constexpr qsizetype IdBytes = 16;
    static constexpr qsizetype MacBytes = 32;

    // Rows come in row_macs order; a key or MAC of another size makes the index malformed.
    void add(const Statement& row, int idColumn, int macColumn);
    // The rows of another index, whose ids all come after this one's.
    void append(const RowMacIndex& later) {
        m_records.append(later.m_records);
        m_malformed = m_malformed || later.m_malformed;
    }
    bool malformed() const { return m_malformed; }
    // Notes where each range of leading id bits starts, so that find() searches a few records
    // instead of all of them (ids are random: ~1 per range). Call after the last add() or
    // append(), before find() runs on several threads.
    void indexRanges();
    qsizetype size() const { return m_records.size() / RecordBytes; }
    // The position of `id`, or -1.
    qsizetype find(QByteArrayView id) const;
    QByteArrayView mac(qsizetype at) const {
        return QByteArrayView(m_records).sliced(at * RecordBytes + IdBytes, MacBytes);
    }

private:
    static constexpr qsizetype RecordBytes = IdBytes + MacBytes;
    QByteArray m_records;
    bool m_malformed = false;
    std::vector<quint32> m_rangeStart; // by leading id bits; empty: find() searches everything
    int m_rangeShift = 64;
};

// The index of one table read from row_macs.
Result<RowMacIndex> readRowMacs(Database& db, Table table);

// Checks a row fetched with selectWithMac against its stored MAC.
Status checkRow(const RowMacKey& rowMacKey, Table table, const Statement& row);

void bindKey(Statement& stmt, int index, const RowKey& key);
// Recomputes and stores the MAC of one row after it was written.
Status updateRowMac(Database& db, const RowMacKey& rowMacKey, Table table, const RowKey& key);
Status removeRowMac(Database& db, Table table, const RowKey& key);

struct ManifestBinding {
    QByteArray vaultId;
    QByteArray header;
    quint64 epoch = 0;
    int format = SchemaVersion;
};

Status writeManifest(Database& db, const Key& manifestKey, const ManifestBinding& binding,
                     const VersionVector& versions);
// Checks row counts against row_macs and the manifest MAC; returns the version vector it covers.
// With `entryMacs`, also collects the entries table's row MACs on the way. With `helper` (a
// second connection to the same file, not in a transaction), half of the work runs on it in a
// second thread; `db` must not be in a transaction then.
Result<VersionVector> verifyManifest(Database& db, const Key& manifestKey,
                                     const ManifestBinding& binding,
                                     RowMacIndex* entryMacs = nullptr, Database* helper = nullptr);
// Checks every row of every table against its MAC (for files Tessera did not just write).
Status verifyAllRows(Database& db, const RowMacKey& rowMacKey);

} // namespace tessera
