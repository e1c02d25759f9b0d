#include "Schema.h"

#include <QStringList>

namespace tessera {

namespace {

constexpr const char* Ddl[] = {
    "CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value NOT NULL) WITHOUT ROWID",
    "CREATE TABLE keyring (id INTEGER PRIMARY KEY CHECK (id = 1), wrapped_key BLOB NOT NULL)",
    "CREATE TABLE epochs (epoch INTEGER PRIMARY KEY, header BLOB NOT NULL, key_hash BLOB NOT NULL, "
    "link BLOB NOT NULL, previous_key BLOB NOT NULL)",
    "CREATE TABLE entries (id BLOB PRIMARY KEY NOT NULL, title_index BLOB NOT NULL, overview BLOB "
    "NOT NULL)",
    "CREATE INDEX entries_title ON entries (title_index)",
    "CREATE TABLE details (id BLOB PRIMARY KEY NOT NULL, sealed BLOB NOT NULL)",
    "CREATE TABLE attachments (id BLOB PRIMARY KEY NOT NULL, entry BLOB NOT NULL, info BLOB NOT "
    "NULL, "
    "content BLOB NOT NULL)",
    "CREATE INDEX attachments_entry ON attachments (entry)",
    "CREATE TABLE tombstones (id BLOB PRIMARY KEY NOT NULL, stamp BLOB NOT NULL)",
    "CREATE TABLE row_macs (tbl INTEGER NOT NULL, id BLOB NOT NULL, mac BLOB NOT NULL, PRIMARY KEY "
    "(tbl, id)) "
    "WITHOUT ROWID",
    "CREATE TABLE manifest (id INTEGER PRIMARY KEY CHECK (id = 1), versions BLOB NOT NULL, mac "
    "BLOB NOT NULL)",
};

constexpr const char* MasterQuery =
    "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY name";

Result<QStringList> masterRows(Database& db) {
    auto stmt = db.prepare(MasterQuery);
    if (!stmt)
        return stmt.error();
    QStringList rows;
    TESSERA_TRY(stmt->forEachRow([&rows](const Statement& row) -> Status {
        rows.append(row.text(0) + QLatin1Char('\x1f') + row.text(1) + QLatin1Char('\x1f') +
                    row.text(2) + QLatin1Char('\x1f') + row.text(3));
        return {};
    }));
    return rows;
}

// What sqlite_master looks like after createSchema, learnt once from an in-memory database so that
// SQLite's own spelling of auto-indexes is what we compare against.
const QStringList& expectedMaster() {
    static const QStringList rows = [] {
        Key key; // in-memory throw-away database; the key is irrelevant
        auto db = Database::open(QStringLiteral(":memory:"), key, QByteArray(16, '\0'),
                                 Database::Mode::ReadWrite);
        if (!db || !createSchema(*db))
            return QStringList();
        auto master = masterRows(*db);
        return master ? *master : QStringList();
    }();
    return rows;
}

} // namespace

const char* tableName(Table table) {
    switch (table) {
    case Table::Meta:
        return "meta";
    case Table::Keyring:
        return "keyring";
    case Table::Epochs:
        return "epochs";
    case Table::Entries:
        return "entries";
    case Table::Details:
        return "details";
    case Table::Attachments:
        return "attachments";
    case Table::Tombstones:
        return "tombstones";
    }
    return "";
}

const char* keyColumn(Table table) {
    switch (table) {
    case Table::Meta:
        return "name";
    case Table::Epochs:
        return "epoch";
    default:
        return "id";
    }
}

int columnCount(Table table) {
    switch (table) {
    case Table::Meta:
    case Table::Keyring:
    case Table::Details:
    case Table::Tombstones:
        return 2;
    case Table::Entries:
        return 3;
    case Table::Attachments:
        return 4;
    case Table::Epochs:
        return 5;
    }
    return 0;
}

Status createSchema(Database& db) {
    for (const char* statement : Ddl)
        TESSERA_TRY(db.exec(statement));
    const QByteArray version = "PRAGMA user_version = " + QByteArray::number(SchemaVersion);
    return db.exec(version.constData());
}

Result<int> checkSchema(Database& db) {
    const auto tampered =
        makeError(ErrorCode::Tampered, QStringLiteral("the vault's schema is not Tessera's"));
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    if (*version > SchemaVersion)
        return makeError(
            ErrorCode::NewerVersion,
            QStringLiteral("made by a newer version of Tessera (schema %1)").arg(*version));
    auto rows = masterRows(db);
    if (!rows)
        return rows.error();
    const QStringList& expected = expectedMaster();
    if (expected.isEmpty() || *version < OldestSchemaVersion || *rows != expected)
        return tampered;
    return int(*version);
}

QByteArray schemaHash() {
    Mac hasher;
    for (const char* statement : Ddl)
        hasher.addField(QByteArrayView(statement));
    return hasher.finish();
}

QStringList readableTables() {
    QStringList tables;
    for (Table table : AllTables)
        tables.append(QString::fromLatin1(tableName(table)));
    tables.append(QStringLiteral("row_macs"));
    tables.append(QStringLiteral("manifest"));
    return tables;
}

} // namespace tessera
