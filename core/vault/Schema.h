#pragma once
// The schema of format version 1 and its exact check (core/FORMAT.md "Tables").

#include "common/Result.h"
#include "storage/Database.h"

#include <QByteArray>

namespace tessera {

inline constexpr int SchemaVersion = 1; // PRAGMA user_version

enum class Table {
    Meta = 1,
    Keyring = 2,
    Epochs = 3,
    Entries = 4,
    Details = 5,
    Attachments = 6,
    Tombstones = 7
};
inline constexpr Table AllTables[] = {Table::Meta,      Table::Keyring, Table::Epochs,
                                      Table::Entries,   Table::Details, Table::Attachments,
                                      Table::Tombstones};

const char* tableName(Table table);
const char* keyColumn(Table table);
int columnCount(Table table);

Status createSchema(Database& db);
// sqlite_master must equal what createSchema makes, row for row; user_version must be
// SchemaVersion.
Status checkSchema(Database& db);
// Hash of the DDL text, bound into the manifest.
QByteArray schemaHash();
// Every table a reader may touch (for the read-only authorizer).
QStringList readableTables();

} // namespace tessera
