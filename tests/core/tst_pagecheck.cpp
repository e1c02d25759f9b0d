// checkSqlcipherPage (core/crypto/PageCheck.h) against real files written by SQLCipher through
// tessera::Database: every page authentic under the right key, nothing under a wrong key, salt or
// page number, and every authenticated byte really authenticated (only the 12 padding bytes not).

#include "SqlcipherFixture.h"

#include "crypto/Crypto.h"
#include "crypto/PageCheck.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr int FixtureRows = 200;
constexpr qsizetype PageBytes = qsizetype(SqlcipherPageBytes);
constexpr qsizetype IvOffset = PageBytes - qsizetype(SqlcipherReserveBytes);    // 4048
constexpr qsizetype HmacOffset = IvOffset + qsizetype(SqlcipherIvBytes);        // 4064
constexpr qsizetype PaddingOffset = HmacOffset + qsizetype(SqlcipherHmacBytes); // 4084

static_assert(SqlcipherPageBytes == std::size_t(PageSize), "PageCheck and Database disagree");
static_assert(SqlcipherSaltBytes == SaltBytes);

const char* authName(PageAuth auth) {
    return auth == PageAuth::Authentic ? "Authentic" : "NotAuthentic";
}

} // namespace

class TestPageCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void fileLayout();
    void everyPageAuthentic_data();
    void everyPageAuthentic();
    void wrongKey_data();
    void wrongKey();
    void wrongSaltOrPageNumber_data();
    void wrongSaltOrPageNumber();
    void flippedByte_data();
    void flippedByte();
    void malformedPage_data();
    void malformedPage();
    void sqlcipherAgrees_data();
    void sqlcipherAgrees();
    void damagedFirstPageToldFromWrongKey();

private:
    QByteArray page(int number) const { return m_file.mid((number - 1) * PageBytes, PageBytes); }
    int pageCount() const { return int(m_file.size() / PageBytes); }
    void addPageRows() const;

    QTemporaryDir m_dir;
    QString m_path;
    Key m_key;
    QByteArray m_salt;
    QByteArray m_file;
};

void TestPageCheck::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("pages.db"));
    m_key = randomKey();
    m_salt = randomBytes(SqlcipherSaltBytes);
    const Status created = createFixtureDatabase(m_path, m_key, m_salt, FixtureRows);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    m_file = readWholeFile(m_path);
    QVERIFY(pageCount() >= 3);
}

void TestPageCheck::addPageRows() const {
    QTest::addColumn<int>("pageNumber");
    for (int number = 1; number <= pageCount(); ++number)
        QTest::addRow("page %d", number) << number;
}

void TestPageCheck::fileLayout() {
    QCOMPARE(m_file.size() % PageBytes, qsizetype(0));
    QCOMPARE(m_file.left(qsizetype(SqlcipherSaltBytes)), m_salt); // the salt, in the clear
    QCOMPARE(PaddingOffset + qsizetype(SqlcipherPaddingBytes), PageBytes);
    QCOMPARE(SqlcipherPaddingBytes, std::size_t{12});
}

void TestPageCheck::everyPageAuthentic_data() {
    addPageRows();
}

void TestPageCheck::everyPageAuthentic() {
    QFETCH(int, pageNumber);
    QCOMPARE(authName(checkSqlcipherPage(page(pageNumber), quint32(pageNumber), m_key, m_salt)),
             authName(PageAuth::Authentic));
}

void TestPageCheck::wrongKey_data() {
    addPageRows();
}

void TestPageCheck::wrongKey() {
    QFETCH(int, pageNumber);
    const QByteArray bytes = page(pageNumber);
    QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber), randomKey(), m_salt)),
             authName(PageAuth::NotAuthentic));
    Key oneBitOff = m_key.clone();
    oneBitOff.data()[0] ^= 0x01;
    QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber), oneBitOff, m_salt)),
             authName(PageAuth::NotAuthentic));
}

void TestPageCheck::wrongSaltOrPageNumber_data() {
    addPageRows();
}

void TestPageCheck::wrongSaltOrPageNumber() {
    QFETCH(int, pageNumber);
    const QByteArray bytes = page(pageNumber);
    QByteArray otherSalt = m_salt;
    otherSalt[15] = char(otherSalt[15] ^ 0x01);
    QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber), m_key, otherSalt)),
             authName(PageAuth::NotAuthentic));
    // The page number is under the HMAC, so pages cannot be moved around the file.
    QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber + 1), m_key, m_salt)),
             authName(PageAuth::NotAuthentic));
    if (pageNumber > 1)
        QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber - 1), m_key, m_salt)),
                 authName(PageAuth::NotAuthentic));
}

void TestPageCheck::flippedByte_data() {
    QTest::addColumn<int>("pageNumber");
    QTest::addColumn<int>("offset"); // within the page
    QTest::addColumn<bool>("authentic");
    const QList<int> pages = {1, 2, 3, pageCount()};
    for (int number : pages) {
        const int first = number == 1 ? int(SqlcipherSaltBytes) : 0;
        const QList<QPair<const char*, int>> authenticated = {
            {"ciphertext first", first},       {"ciphertext middle", 2000},
            {"ciphertext last", IvOffset - 1}, {"iv first", IvOffset},
            {"iv last", HmacOffset - 1},       {"hmac first", HmacOffset},
            {"hmac last", PaddingOffset - 1},
        };
        for (const auto& [what, offset] : authenticated)
            QTest::addRow("page %d %s (%d)", number, what, offset) << number << offset << false;
        for (int offset = PaddingOffset; offset < PageBytes; ++offset)
            QTest::addRow("page %d padding (%d)", number, offset) << number << offset << true;
    }
    // Page 1's salt is read by SQLCipher but not authenticated by it (nor by this check, which is
    // given the salt separately): a changed header must be caught by the key derivation instead.
    QTest::newRow("page 1 salt byte 0") << 1 << 0 << true;
    QTest::newRow("page 1 salt byte 15") << 1 << 15 << true;
}

void TestPageCheck::flippedByte() {
    QFETCH(int, pageNumber);
    QFETCH(int, offset);
    QFETCH(bool, authentic);
    for (const char mask : {'\x01', '\x80'}) {
        QByteArray bytes = page(pageNumber);
        bytes[offset] = char(bytes[offset] ^ mask);
        QCOMPARE(authName(checkSqlcipherPage(bytes, quint32(pageNumber), m_key, m_salt)),
                 authName(authentic ? PageAuth::Authentic : PageAuth::NotAuthentic));
    }
}

void TestPageCheck::malformedPage_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte short") << page(2).left(PageBytes - 1);
    QTest::newRow("one byte long") << page(2) + '\0';
    QTest::newRow("all zero (SQLCipher reads it as a short read)") << QByteArray(PageBytes, '\0');
    QTest::newRow("page 3 in place of page 2") << page(3);
}

void TestPageCheck::malformedPage() {
    QFETCH(QByteArray, bytes);
    QCOMPARE(authName(checkSqlcipherPage(bytes, 2, m_key, m_salt)),
             authName(PageAuth::NotAuthentic));
}

// The same flips, given to SQLCipher itself: what checkSqlcipherPage calls authentic, SQLCipher
// reads without complaint, and what it rejects, SQLCipher cannot read.
void TestPageCheck::sqlcipherAgrees_data() {
    QTest::addColumn<int>("offset"); // in the file
    QTest::addColumn<bool>("authentic");
    const qsizetype last = m_file.size() - PageBytes;
    QTest::newRow("page 2 padding") << int(PageBytes + PaddingOffset) << true;
    QTest::newRow("last page last byte") << int(m_file.size() - 1) << true;
    QTest::newRow("page 1 padding") << int(PaddingOffset) << true;
    QTest::newRow("page 2 hmac") << int(PageBytes + HmacOffset) << false;
    QTest::newRow("page 3 iv") << int(2 * PageBytes + IvOffset) << false;
    QTest::newRow("last page ciphertext") << int(last + 100) << false;
    QTest::newRow("last page hmac last byte") << int(last + PaddingOffset - 1) << false;
}

void TestPageCheck::sqlcipherAgrees() {
    QFETCH(int, offset);
    QFETCH(bool, authentic);
    QByteArray damaged = m_file;
    damaged[offset] = char(damaged[offset] ^ 0x01);
    const int number = offset / int(PageBytes) + 1;
    QCOMPARE(authName(checkSqlcipherPage(damaged.mid((number - 1) * PageBytes, PageBytes),
                                         quint32(number), m_key, m_salt)),
             authName(authentic ? PageAuth::Authentic : PageAuth::NotAuthentic));

    const QString path = m_dir.filePath(QStringLiteral("flip-%1.db").arg(offset));
    QVERIFY(writeWholeFile(path, damaged));
    bool readable = false;
    if (auto db = Database::open(path, m_key, m_salt, Database::Mode::Hostile)) {
        auto check = db->prepare("PRAGMA quick_check");
        auto rows = db->queryInt("SELECT count(*) FROM t WHERE length(v) = 300");
        readable = check.ok() && check->step().ok() && check->text(0) == QLatin1String("ok") &&
                   rows.ok() && *rows == FixtureRows;
    }
    QCOMPARE(readable, authentic);
}

// The reason PageCheck exists: SQLCipher gives the same error for a damaged page 1 and a wrong
// key; page 2's HMAC tells them apart.
void TestPageCheck::damagedFirstPageToldFromWrongKey() {
    QByteArray damaged = m_file;
    damaged[100] = char(damaged[100] ^ 0x01);
    const QString path = m_dir.filePath(QStringLiteral("page1-damaged.db"));
    QVERIFY(writeWholeFile(path, damaged));

    auto rightKey = Database::open(path, m_key, m_salt, Database::Mode::Hostile);
    QVERIFY(!rightKey.ok());
    const Key otherKey = randomKey();
    auto wrongKey = Database::open(m_path, otherKey, m_salt, Database::Mode::Hostile);
    QVERIFY(!wrongKey.ok());
    QCOMPARE(rightKey.code(), wrongKey.code()); // indistinguishable to SQLCipher

    QCOMPARE(authName(checkSqlcipherPage(damaged.mid(PageBytes, PageBytes), 2, m_key, m_salt)),
             authName(PageAuth::Authentic)); // right key: page 1 is damaged
    QCOMPARE(authName(checkSqlcipherPage(m_file.mid(PageBytes, PageBytes), 2, otherKey, m_salt)),
             authName(PageAuth::NotAuthentic)); // wrong key
}

QTEST_GUILESS_MAIN(TestPageCheck)
#include "tst_pagecheck.moc"
