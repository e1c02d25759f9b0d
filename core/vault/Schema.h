#pragma once
// The schema and its exact check (core/FORMAT.md "Tables"). Format versions 1 and 2 share the
// schema; they differ in what an entries row's MAC covers (core/FORMAT.md "Integrity").

#include "common/Result.h"
#include "storage/Database.h"

#include <QByteArray>

namespace tessera {

inline constexpr int SchemaVersion = 2;       // PRAGMA user_version of the files Tessera creates
inline constexpr int OldestSchemaVersion = 1; // the oldest it still reads and writes

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
// sqlite_master must equal what createSchema makes, row for row; user_version must be one of
// OldestSchemaVersion..SchemaVersion, which it returns.
Result<int> checkSchema(Database& db);
// Hash of the DDL text, bound into the manifest.
QByteArray schemaHash();
// Every table a reader may touch (for the read-only authorizer).
QStringList readableTables();

} // namespace tessera
