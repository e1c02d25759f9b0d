#pragma once
// A thin RAII wrapper over SQLCipher's C API. This room is the only code that sees sqlite3.h.
// Keys go to sqlite3_key_v2 straight from secure memory as a raw key plus explicit salt.

#include "common/Result.h"
#include "crypto/Crypto.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace tessera {

inline constexpr int PageSize = 4096; // PRAGMA cipher_page_size on every open (see FORMAT.md)
inline constexpr std::size_t SaltBytes = 16;

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    Statement& bind(int index, QByteArrayView blob);
    Statement& bind(int index, qint64 value);
    Statement& bindText(int index, const QString& text);
    // Binds secret bytes without copying them out of secure memory.
    Statement& bindSecret(int index, const SecureBuffer& blob);

    // true: a row is ready; false: done.
    Result<bool> step();
    // Steps through every row, handing each to visit (Status visit(const Statement&)); stops at
    // the first error, the statement's or visit's.
    template <typename Visit> Status forEachRow(Visit&& visit) {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            if (Status status = visit(static_cast<const Statement&>(*this)); !status.ok())
                return status;
        }
    }
    // Steps to completion (for statements that return no rows).
    Status run();
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    QByteArray blob(int column) const;
    // The bytes without a copy: valid until the next step, reset or the statement's end.
    QByteArrayView blobView(int column) const;
    QString text(int column) const;
    // Appends the value of a column exactly as stored, for row MACs: type tag, then an integer as
    // 8 bytes little-endian, or text/blob as 8-byte length and bytes.
    void appendCanonical(int column, QByteArray& out) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db)
        : m_stmt(stmt)
        , m_db(db) {}
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

class Database {
public:
    enum class Mode {
        Create,    // a new file (refuses an existing one)
        ReadWrite, // Tessera's own private working copy
        ReadOnly,  // a second connection to the working copy, for reading in another thread
        Hostile,   // a file Tessera did not just write: read-only, immutable, triggers off
    };

    static Result<Database> open(const QString& path, const Key& key, QByteArrayView salt,
                                 Mode mode);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    ~Database();

    Status exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    Result<qint64> queryInt(const char* sql);

    // After the checks of a hostile open: only SELECTs reading these tables are allowed.
    void restrictToReading(const QStringList& tables);

    bool isOpen() const { return m_db != nullptr; }
    bool isReadOnly() const;
    // Rows this connection has inserted, updated or deleted since it opened: tells whether
    // something derived from the file is still current (with PRAGMA data_version for others).
    qint64 totalChanges() const;
    QString lastError() const;
    void close();

private:
    explicit Database(sqlite3* db)
        : m_db(db) {}
    sqlite3* m_db = nullptr;
    std::unique_ptr<QStringList> m_readableTables;
};

class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction(); // rolls back unless committed
    Status commit();

private:
    explicit Transaction(Database* db)
        : m_db(db) {}
    Database* m_db = nullptr;
};

// Runtime proof that SQLCipher (not plain SQLite) is linked: PRAGMA cipher_version on a
// throw-away in-memory database.
QString sqlcipherVersion();

} // namespace tessera
