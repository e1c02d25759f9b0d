#define SQLITE_HAS_CODEC 1
#include "Database.h"

#include <sqlcipher/sqlite3.h>

#include <QFile>
#include <QUrl>

#include <cstring>
#include <utility>

namespace tessera {

namespace {

constexpr int MaxValueBytes = 96 * 1024 * 1024; // above any attachment Tessera accepts
constexpr int MaxSqlBytes = 64 * 1024;
constexpr int BusyTimeoutMs = 10000;

Error storageError(sqlite3* db, int rc, const QString& what) {
    const int primary = rc & 0xff;
    const QString detail =
        db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (primary == SQLITE_NOTADB)
        return makeError(ErrorCode::WrongPassword, what + QStringLiteral(": ") + detail);
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_FULL ||
        primary == SQLITE_READONLY || primary == SQLITE_PERM)
        return makeError(ErrorCode::Io, what + QStringLiteral(": ") + detail);
    return makeError(ErrorCode::Damaged, what + QStringLiteral(": ") + detail);
}

// The raw-key form SQLCipher accepts: x'<64 hex key><32 hex salt>', built in secure memory.
SecureBuffer rawKeySpec(const Key& key, QByteArrayView salt) {
    static constexpr char Hex[] = "0123456789abcdef";
    SecureBuffer spec;
    spec.append("x'");
    auto appendHex = [&spec](const unsigned char* bytes, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            spec.appendByte(static_cast<unsigned char>(Hex[bytes[i] >> 4]));
            spec.appendByte(static_cast<unsigned char>(Hex[bytes[i] & 0xf]));
        }
    };
    appendHex(key.data(), key.size());
    appendHex(reinterpret_cast<const unsigned char*>(salt.data()), std::size_t(salt.size()));
    spec.append("'");
    return spec;
}

void applyLimits(sqlite3* db) {
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, MaxValueBytes);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, MaxSqlBytes);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 64);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 64);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 4);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 50000);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 64);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 64);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
}

int readOnlyAuthorizer(void* userData, int action, const char* arg1, const char*, const char*,
                       const char*) {
    const auto* tables = static_cast<const QStringList*>(userData);
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
        return SQLITE_OK;
    case SQLITE_READ:
        return arg1 && tables->contains(QString::fromUtf8(arg1)) ? SQLITE_OK : SQLITE_DENY;
    default:
        return SQLITE_DENY;
    }
}

} // namespace

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db) {
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, QByteArrayView blob) {
    // A zero-length blob must still bind as a blob, not NULL.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? &empty : blob.data(), int(blob.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bindText(int index, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindSecret(int index, const SecureBuffer& blob) {
    // SQLITE_STATIC: SQLite reads the bytes in place during step; the caller keeps them alive.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, blob.empty() ? static_cast<const void*>(&empty) : blob.data(),
                      int(blob.size()), SQLITE_STATIC);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return storageError(m_db, rc, QStringLiteral("database read failed"));
}

Status Statement::run() {
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}
bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray Statement::blob(int column) const {
    const void* bytes = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return QByteArray(static_cast<const char*>(bytes), size);
}

QByteArrayView Statement::blobView(int column) const {
    const void* bytes = sqlite3_column_blob(m_stmt, column);
    return QByteArrayView(static_cast<const char*>(bytes), sqlite3_column_bytes(m_stmt, column));
}

QString Statement::text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_stmt, column));
}

void Statement::appendCanonical(int column, QByteArray& out) const {
    const int type = sqlite3_column_type(m_stmt, column);
    if (type == SQLITE_FLOAT) {
        out.append(char(type));
        out.append(QByteArray::number(sqlite3_column_double(m_stmt, column), 'g', 17));
        return;
    }
    // One resize and plain copies: unlock and the manifest pass append ~300k columns at 100k.
    quint64 number = 0;
    const char* bytes = nullptr;
    qsizetype size = 0;
    if (type == SQLITE_INTEGER) {
        number = quint64(sqlite3_column_int64(m_stmt, column));
    } else if (type == SQLITE_BLOB || type == SQLITE_TEXT) {
        bytes = static_cast<const char*>(
            type == SQLITE_BLOB ? sqlite3_column_blob(m_stmt, column)
                                : static_cast<const void*>(sqlite3_column_text(m_stmt, column)));
        size = sqlite3_column_bytes(m_stmt, column);
        number = quint64(size);
    }
    const bool hasNumber = type != SQLITE_NULL;
    const qsizetype at = out.size();
    out.resize(at + 1 + (hasNumber ? 8 : 0) + size);
    char* to = out.data() + at;
    *to++ = char(type);
    if (hasNumber)
        for (int i = 0; i < 8; ++i)
            *to++ = char(number >> (8 * i));
    if (size > 0)
        std::memcpy(to, bytes, std::size_t(size));
}

// ---- Database ----

Result<Database> Database::open(const QString& path, const Key& key, QByteArrayView salt,
                                Mode mode) {
    if (salt.size() != qsizetype(SaltBytes))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the database salt must be 16 bytes"));
    if (mode == Mode::Create && QFile::exists(path))
        return makeError(ErrorCode::Io, QStringLiteral("%1 already exists").arg(path));

    QByteArray name;
    int flags = SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::Hostile) {
        name = QUrl::fromLocalFile(path).toEncoded() + "?mode=ro&immutable=1";
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    } else if (mode == Mode::ReadOnly) {
        name = QFile::encodeName(path);
        flags |= SQLITE_OPEN_READONLY;
    } else {
        name = QFile::encodeName(path);
        flags |= SQLITE_OPEN_READWRITE | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.constData(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK)
        return storageError(raw, rc, QStringLiteral("cannot open %1").arg(path));

    sqlite3_extended_result_codes(raw, 1);
    // Several processes of one device (the app, tessera-cli) may write the same working copy.
    sqlite3_busy_timeout(raw, BusyTimeoutMs);
    if (mode == Mode::Hostile)
        sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    applyLimits(raw);

    const SecureBuffer spec = rawKeySpec(key, salt);
    if (sqlite3_key_v2(raw, "main", spec.data(), int(spec.size())) != SQLITE_OK)
        return makeError(ErrorCode::Io, QStringLiteral("SQLCipher refused the key"));
    TESSERA_TRY(db.exec("PRAGMA cipher_page_size = 4096"));
    if (mode == Mode::Create) {
        TESSERA_TRY(db.exec("PRAGMA auto_vacuum = FULL"));
    }
    if (mode == Mode::ReadWrite || mode == Mode::Create) {
        TESSERA_TRY(db.exec("PRAGMA secure_delete = ON"));
        TESSERA_TRY(db.exec("PRAGMA foreign_keys = OFF"));
    }
    // The first read decides whether the key fits (SQLITE_NOTADB otherwise).
    auto probe = db.queryInt("SELECT count(*) FROM sqlite_master");
    if (!probe)
        return probe.error();
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_readableTables(std::move(other.m_readableTables)) {
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_readableTables = std::move(other.m_readableTables);
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() {
    if (m_db)
        sqlite3_close_v2(m_db); // SQLCipher wipes its key material on close
    m_db = nullptr;
}

Status Database::exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return storageError(m_db, rc, QStringLiteral("database statement failed"));
    return {};
}

Result<Statement> Database::prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return storageError(m_db, rc, QStringLiteral("database query failed"));
    return Statement(stmt, m_db);
}

bool Database::isReadOnly() const {
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

qint64 Database::totalChanges() const {
    return m_db ? sqlite3_total_changes(m_db) : 0;
}

Result<qint64> Database::queryInt(const char* sql) {
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Damaged, QStringLiteral("a query returned no row"));
    return stmt->int64(0);
}

void Database::restrictToReading(const QStringList& tables) {
    m_readableTables = std::make_unique<QStringList>(tables);
    sqlite3_set_authorizer(m_db, readOnlyAuthorizer, m_readableTables.get());
}

QString Database::lastError() const {
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db) {
    TESSERA_TRY(db.exec("BEGIN IMMEDIATE"));
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {
}

Transaction::~Transaction() {
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Status Transaction::commit() {
    Database* db = std::exchange(m_db, nullptr);
    auto status = db->exec("COMMIT");
    if (!status.ok())
        (void)db->exec("ROLLBACK");
    return status;
}

QString sqlcipherVersion() {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return {};
    }
    QString version;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        version = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
    return version;
}

} // namespace tessera
