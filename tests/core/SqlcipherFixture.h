#pragma once
// Shared fixture for suites that need a real SQLCipher file: creates one through
// tessera::Database with a table t(id, v) holding enough rows to span several pages.

#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace tessera::test {

inline constexpr qsizetype FixtureValueBytes = 300; // ~13 rows per 4096-byte page

// The value stored in row `row` of t: printable, unique per row, and easy to search the file for.
inline QByteArray fixtureValue(int row) {
    QByteArray value = "tessera-plaintext-marker-" + QByteArray::number(row) + '-';
    while (value.size() < FixtureValueBytes)
        value.append(char('a' + value.size() % 26));
    return value;
}

// Creates path with `rows` rows in t; on failure returns the error.
inline Status createFixtureDatabase(const QString& path, const Key& key, QByteArrayView salt,
                                    int rows) {
    auto db = Database::open(path, key, salt, Database::Mode::Create);
    if (!db)
        return db.error();
    TESSERA_TRY(db->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB NOT NULL)"));
    auto transaction = Transaction::begin(*db);
    if (!transaction)
        return transaction.error();
    auto insert = db->prepare("INSERT INTO t(id, v) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    for (int row = 0; row < rows; ++row) {
        insert->bind(1, qint64(row)).bind(2, fixtureValue(row));
        TESSERA_TRY(insert->run());
        insert->reset();
    }
    return transaction->commit();
}

inline QByteArray readWholeFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeWholeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

} // namespace tessera::test
