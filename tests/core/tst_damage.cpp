// A damaged vault file never crashes Tessera, is never mistaken for a wrong password, and never
// opens with different content; and whatever the damage, the device's working copy is untouched.
//
// One vault of ~30 entries (several pages, an attachment on overflow pages) is published once;
// every row writes a damaged copy of it to the vault path and unlocks it from a data folder that
// has loaded the intact version (a copy of one prepared data folder per row) or from a fresh one.
//
// What the rows expect (core/FORMAT.md, core/crypto/PageCheck.h):
// - A byte of a page's ciphertext, IV or HMAC: Damaged or Tampered. A damaged first page is told
//   from a wrong password by page 2's HMAC (FORMAT.md "Unlock header").
// - A byte of a page's last 12 bytes (padding after the HMAC, which nothing authenticates): the
//   vault opens with identical content.
// - Header bytes 0..3: NotAVault or NewerVersion where the header is malformed or from a newer
//   version; a valid but different KDF value or flag gives Tampered on a device that knows the
//   vault (it knows the header) and WrongPassword on a fresh one (the header is the Argon2 salt,
//   so other parameters derive another key), or ResourceLimit above the iteration cap.
// - Header bytes 4..15 (the random part of the salt): WrongPassword on every device. Even a
//   device that knows the vault cannot tell them from a re-key made by another device (a new
//   password comes with new random bytes), so "wrong password" is the honest answer.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "crypto/PageCheck.h"
#include "storage/Database.h"
#include "vault/KeyRing.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTest>

#include <set>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr int EntryCount = 30;
constexpr int MinFlipRows = 220;
constexpr qsizetype Page = PageSize;
constexpr qsizetype IvStart = Page - qsizetype(SqlcipherReserveBytes);        // 4048
constexpr qsizetype HmacStart = IvStart + qsizetype(SqlcipherIvBytes);        // 4064
constexpr qsizetype PaddingStart = HmacStart + qsizetype(SqlcipherHmacBytes); // 4084
static_assert(PaddingStart == Page - 12);

// What a row accepts.
enum class Expect {
    DamagedOrTampered, // refused as damaged or tampered
    Identical,         // opens, with exactly the original content
    Code,              // refused with exactly the code in the row
};

} // namespace

Q_DECLARE_METATYPE(Expect)

class TestDamage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void flippedByte_data();
    void flippedByte();
    void headerByte_data();
    void headerByte();
    void wholeFile_data();
    void wholeFile();

private:
    // Writes bytes to the vault path and unlocks it from a known or fresh device; checks the
    // outcome, that the vault file was not touched, and that nothing of the device was lost.
    void check(const QByteArray& damaged, bool freshDevice, Expect expect, ErrorCode code);
    QString knownDevice(); // a copy of the data folder that loaded the intact version
    QString freshDevice();
    QByteArray flipped(qsizetype offset, quint8 mask) const;

    VaultSandbox m_box;
    QByteArray m_original; // the published file
    QByteArray m_dump;     // its content
    QByteArray m_working;  // the known device's working copy
    QString m_pristineData;
    int m_devices = 0;
};

void TestDamage::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_box.isValid());
    {
        VAULT_TAKE(vault, m_box.create());
        VAULT_TAKE(ids, addSampleEntries(*vault, EntryCount));
        QByteArray scan(9000, '\0');
        for (qsizetype i = 0; i < scan.size(); ++i)
            scan[i] = char(i * 7 % 251);
        VAULT_VERIFY_OK(vault->attach(ids[4], QStringLiteral("scan.png"), secret(scan)));
        VAULT_VERIFY_OK(vault->trash(ids[7]));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        m_dump = dump;
    }
    m_original = readFile(m_box.vaultPath());
    QVERIFY(m_original.size() % Page == 0);
    QVERIFY2(m_original.size() >= 8 * Page, QByteArray::number(m_original.size()).constData());
    m_working = readFile(m_box.workingCopy());
    QCOMPARE(m_working, m_original);
    m_pristineData = m_box.path(QStringLiteral("pristine-data"));
    QVERIFY(copyDirectory(m_box.dataDir(), m_pristineData));
    qInfo("vault file: %lld bytes, %lld pages", qint64(m_original.size()),
          qint64(m_original.size() / Page));
}

QString TestDamage::knownDevice() {
    const QString name = QStringLiteral("known%1").arg(++m_devices);
    if (!copyDirectory(m_pristineData, m_box.dataDir(name)))
        qFatal("cannot copy the data folder");
    return name;
}

QString TestDamage::freshDevice() {
    return QStringLiteral("fresh%1").arg(++m_devices);
}

QByteArray TestDamage::flipped(qsizetype offset, quint8 mask) const {
    QByteArray bytes = m_original;
    bytes[offset] = char(quint8(bytes[offset]) ^ mask);
    return bytes;
}

void TestDamage::check(const QByteArray& damaged, bool fresh, Expect expect, ErrorCode code) {
    const QString device = fresh ? freshDevice() : knownDevice();
    QVERIFY(writeFile(m_box.vaultPath(), damaged));
    {
        auto vault = m_box.unlock(device);
        if (expect == Expect::Identical) {
            QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().message));
            VAULT_TAKE(dump, dumpVault(**vault));
            QVERIFY2(dump == m_dump, "opened with different content");
            return;
        }
        if (vault.ok()) {
            auto dump = dumpVault(**vault);
            QFAIL(dump && *dump == m_dump ? "opened a damaged file (identical content)"
                                          : "opened a damaged file WITH DIFFERENT CONTENT");
        }
        const ErrorCode got = vault.code();
        const QByteArray message =
            QByteArray(codeName(got)) + ": " + vault.error().message.toUtf8();
        qDebug("%s", message.constData());
        if (expect == Expect::Code)
            QVERIFY2(got == code,
                     (QByteArray("expected ") + codeName(code) + ", got " + message).constData());
        else
            QVERIFY2(got == ErrorCode::Damaged || got == ErrorCode::Tampered, message.constData());
        QVERIFY2(!vault.error().message.isEmpty(), "an error without a message");
    }
    // Unlocking never writes to the vault file, and loses nothing of the device.
    QVERIFY(readFile(m_box.vaultPath()) == damaged);
    const QString working = m_box.workingCopy(device);
    if (fresh) {
        QVERIFY2(!QFileInfo::exists(working), "a working copy was made from a damaged file");
    } else {
        QVERIFY2(readFile(working) == m_working, "the working copy changed");
    }
    const QStringList leftovers = filesUnder(QFileInfo(working).absolutePath());
    for (const QString& file : leftovers)
        QVERIFY2(!file.endsWith(QLatin1String("incoming.tessera")), qPrintable(file));
    // With the intact file back, the device opens the original content.
    QVERIFY(writeFile(m_box.vaultPath(), m_original));
    VAULT_TAKE(vault, m_box.unlock(device));
    VAULT_TAKE(dump, dumpVault(*vault));
    QVERIFY2(dump == m_dump, "the original content did not survive");
}

// ---- One flipped byte at >= 200 offsets over the whole file ----

void TestDamage::flippedByte_data() {
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("mask");
    QTest::addColumn<bool>("fresh");
    const qsizetype size = m_original.size();
    const qsizetype pages = size / Page;
    std::set<qsizetype> offsets;
    // Page 1: past the 16-byte header, the SQLite header, the b-tree, the reserve.
    for (qsizetype in : {16, 17, 23, 50, 99, 100, 101, 1000, 2048, 4000, 4047})
        offsets.insert(in);
    // Every page: start, middle, last ciphertext byte, IV, HMAC, padding.
    for (qsizetype p = 0; p < pages; ++p)
        for (qsizetype in :
             {qsizetype(0), qsizetype(1), qsizetype(100), qsizetype(2048), IvStart - 1, IvStart,
              IvStart + 7, HmacStart - 1, HmacStart, HmacStart + 11, PaddingStart - 1, PaddingStart,
              PaddingStart + 5, Page - 1})
            if (p * Page + in >= qsizetype(HeaderBytes))
                offsets.insert(p * Page + in);
    // And evenly spread over the whole file, so no region is missed.
    const qsizetype spread = std::max<qsizetype>(60, MinFlipRows - qsizetype(offsets.size()));
    for (qsizetype k = 0; k < spread; ++k)
        offsets.insert(qsizetype(HeaderBytes) + (size - qsizetype(HeaderBytes)) * k / spread +
                       k % 13);
    const int masks[] = {0xff, 0x01, 0x80, 0x5a};
    int row = 0;
    for (qsizetype offset : offsets) {
        if (offset >= size)
            continue;
        const bool fresh = row % 5 == 4;
        const int mask = masks[row % 4];
        QTest::addRow("offset %lld (page %lld +%lld) ^%02x%s", qint64(offset),
                      qint64(offset / Page + 1), qint64(offset % Page), mask,
                      fresh ? " fresh device" : "")
            << offset << mask << fresh;
        ++row;
    }
    QVERIFY(row >= 200);
}

void TestDamage::flippedByte() {
    QFETCH(qsizetype, offset);
    QFETCH(int, mask);
    QFETCH(bool, fresh);
    const bool padding = offset % Page >= PaddingStart;
    check(flipped(offset, quint8(mask)), fresh,
          padding ? Expect::Identical : Expect::DamagedOrTampered, ErrorCode::Damaged);
}

// ---- The clear header ----

void TestDamage::headerByte_data() {
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("value"); // the byte's new value
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<ErrorCode>("expected");
    const auto both = [](const char* name, qsizetype offset, int value, ErrorCode known,
                         ErrorCode fresh) {
        QTest::addRow("%s, known device", name) << offset << value << false << known;
        QTest::addRow("%s, fresh device", name) << offset << value << true << fresh;
    };
    // Byte 0: the format version (1).
    both("byte 0 = 0", 0, 0x00, ErrorCode::NotAVault, ErrorCode::NotAVault);
    both("byte 0 = 2 (newer)", 0, 0x02, ErrorCode::NewerVersion, ErrorCode::NewerVersion);
    both("byte 0 = 15 (newer)", 0, 0x0f, ErrorCode::NewerVersion, ErrorCode::NewerVersion);
    both("byte 0 = 16", 0, 0x10, ErrorCode::NotAVault, ErrorCode::NotAVault);
    both("byte 0 = 0xfe", 0, 0xfe, ErrorCode::NotAVault, ErrorCode::NotAVault);
    // Byte 1: flags (0). Bit 0 is known (secret key required); others are a newer version.
    both("byte 1 = 1 (secret key flag)", 1, 0x01, ErrorCode::Tampered, ErrorCode::WrongPassword);
    both("byte 1 = 2 (unknown flag)", 1, 0x02, ErrorCode::NewerVersion, ErrorCode::NewerVersion);
    both("byte 1 = 0x80 (unknown flag)", 1, 0x80, ErrorCode::NewerVersion, ErrorCode::NewerVersion);
    // Byte 2: Argon2 iterations (1): 0 is malformed; above 64 is refused before any KDF.
    both("byte 2 = 0", 2, 0x00, ErrorCode::NotAVault, ErrorCode::NotAVault);
    both("byte 2 = 2", 2, 0x02, ErrorCode::Tampered, ErrorCode::WrongPassword);
    both("byte 2 = 64", 2, 0x40, ErrorCode::Tampered, ErrorCode::WrongPassword);
    both("byte 2 = 65 (above the cap)", 2, 0x41, ErrorCode::Tampered, ErrorCode::ResourceLimit);
    both("byte 2 = 255", 2, 0xff, ErrorCode::Tampered, ErrorCode::ResourceLimit);
    // Byte 3: log2 of Argon2 memory (13): 13..32 valid.
    both("byte 3 = 12", 3, 0x0c, ErrorCode::NotAVault, ErrorCode::NotAVault);
    both("byte 3 = 14", 3, 0x0e, ErrorCode::Tampered, ErrorCode::WrongPassword);
    both("byte 3 = 33", 3, 0x21, ErrorCode::NotAVault, ErrorCode::NotAVault);
    both("byte 3 = 0xff", 3, 0xff, ErrorCode::NotAVault, ErrorCode::NotAVault);
    // A known device refuses an edited header before it runs any KDF: even 4 GiB is no cost.
    QTest::addRow("byte 3 = 32 (4 GiB), known device")
        << qsizetype(3) << 0x20 << false << ErrorCode::Tampered;
    // Bytes 4..15: the random part of the salt.
    for (qsizetype offset = 4; offset < qsizetype(HeaderBytes); ++offset) {
        const int value = quint8(m_original[offset]) ^ (offset % 2 ? 0xff : 0x01);
        const QByteArray name = "byte " + QByteArray::number(offset) + " (salt)";
        both(name.constData(), offset, value, ErrorCode::WrongPassword, ErrorCode::WrongPassword);
    }
}

void TestDamage::headerByte() {
    QFETCH(qsizetype, offset);
    QFETCH(int, value);
    QFETCH(bool, fresh);
    QFETCH(ErrorCode, expected);
    QVERIFY(quint8(m_original[offset]) != quint8(value));
    QByteArray damaged = m_original;
    damaged[offset] = char(value);
    check(damaged, fresh, Expect::Code, expected);
}

// ---- Truncated, extended, replaced ----

void TestDamage::wholeFile_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("fresh");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<ErrorCode>("code");
    const qsizetype size = m_original.size();
    QRandomGenerator random(20240611);
    const auto randomBytes = [&random](qsizetype count) {
        QByteArray bytes(count, Qt::Uninitialized);
        for (qsizetype i = 0; i < count; ++i)
            bytes[i] = char(random.bounded(256));
        return bytes;
    };
    const QByteArray randomPage = randomBytes(Page);

    struct Row {
        const char* name;
        QByteArray bytes;
        Expect expect;
        ErrorCode code;
    };
    const Expect damaged = Expect::DamagedOrTampered;
    const ErrorCode any = ErrorCode::Damaged;
    std::vector<Row> rows{
        {"truncated to half (whole pages)", m_original.left(size / 2 / Page * Page), damaged, any},
        {"truncated to half (not whole pages)", m_original.left(size / 2 + 123), damaged, any},
        {"truncated to two pages", m_original.left(2 * Page), damaged, any},
        {"truncated to one page", m_original.left(Page), damaged, any},
        {"truncated by one page", m_original.left(size - Page), damaged, any},
        {"truncated by 12 bytes (the padding)", m_original.left(size - 12), damaged, any},
        {"truncated by one byte", m_original.left(size - 1), damaged, any},
        {"truncated to the 16-byte header", m_original.left(16), damaged, any},
        {"one byte appended", m_original + QByteArray(1, '\0'), damaged, any},
        {"a few bytes appended", m_original + QByteArray("\x01\x02\x03\x04\x05"), damaged, any},
        {"a page of zeros appended", m_original + QByteArray(Page, '\0'), damaged, any},
        {"a random page appended", m_original + randomPage, damaged, any},
        {"its own last page appended", m_original + m_original.right(Page), damaged, any},
        {"its own second page appended", m_original + m_original.mid(Page, Page), damaged, any},
        {"a page of zeros instead of the last", m_original.left(size - Page) + QByteArray(Page, 0),
         damaged, any},
        {"pages 1 and 2 damaged",
         [&] {
             QByteArray b = flipped(200, 0xff);
             b[Page + 200] = char(b[Page + 200] ^ 0xff);
             return b;
         }(),
         damaged, any},
        {"page 2 damaged in two places",
         [&] {
             QByteArray b = flipped(Page + 10, 0x01);
             b[Page + 3000] = char(b[Page + 3000] ^ 0x01);
             return b;
         }(),
         damaged, any},
        {"empty file", QByteArray(), Expect::Code, ErrorCode::NotAVault},
    };
    QByteArray noise = randomBytes(8 * Page);
    noise[0] = char(0xa7); // not a version byte
    rows.push_back({"random bytes", noise, Expect::Code, ErrorCode::NotAVault});
    rows.push_back({"zeros", QByteArray(8 * Page, '\0'), Expect::Code, ErrorCode::NotAVault});

    // A genuine empty plain SQLite 3 database (a single leaf page for sqlite_master).
    QByteArray sqlite(Page, '\0');
    sqlite.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    const unsigned char sqliteHeader[] = {0x10, 0x00, 1, 1, 0, 64, 32, 32, 0, 0, 0, 1, 0, 0, 0, 1};
    sqlite.replace(16, 16, QByteArray(reinterpret_cast<const char*>(sqliteHeader), 16));
    sqlite[47] = 4;     // schema format
    sqlite[59] = 1;     // text encoding UTF-8
    sqlite[95] = 1;     // version-valid-for = the change counter
    sqlite[100] = 0x0d; // leaf table b-tree page, no cells, content starts at 4096
    sqlite[105] = 0x10;
    rows.push_back({"a plain SQLite database", sqlite, Expect::Code, ErrorCode::NotAVault});

    // SQLCipher files that are not this vault.
    {
        const QString path = m_box.path(QStringLiteral("other-sqlcipher.db"));
        QByteArray salt = tessera::randomBytes(SaltBytes);
        salt[0] = char(0xc3);
        auto db = Database::open(path, randomKey(), salt, Database::Mode::Create);
        QVERIFY(db.ok());
        QVERIFY(db->exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").ok());
        QVERIFY(db->exec("INSERT INTO notes (body) VALUES ('hello')").ok());
        db->close();
        rows.push_back({"a SQLCipher database (not a vault)", readFile(path), Expect::Code,
                        ErrorCode::NotAVault});
    }
    {
        // Salt = a valid version-1 header with this vault's parameters, another key: nothing in
        // it can be told from this vault under a wrong password.
        const QString path = m_box.path(QStringLiteral("lookalike.db"));
        const QByteArray salt = Header::fresh(FastKdf, false).bytes();
        auto db = Database::open(path, randomKey(), salt, Database::Mode::Create);
        QVERIFY(db.ok());
        QVERIFY(db->exec("CREATE TABLE t (x)").ok());
        db->close();
        rows.push_back({"a SQLCipher database with a Tessera-like header", readFile(path),
                        Expect::Code, ErrorCode::WrongPassword});
    }
    {
        // This vault's header and the key derived from the right password, but not Tessera's
        // tables: the key is right, the content is not a vault.
        const QString path = m_box.path(QStringLiteral("same-key.db"));
        auto header = Header::parse(m_original.left(16));
        QVERIFY(header.ok());
        auto master = deriveMasterKeys(secret(VaultSandbox::MasterPassword), *header, nullptr);
        QVERIFY(master.ok());
        auto db =
            Database::open(path, master->databaseKey, header->bytes(), Database::Mode::Create);
        QVERIFY(db.ok());
        QVERIFY(db->exec("PRAGMA auto_vacuum = FULL").ok());
        QVERIFY(db->exec("CREATE TABLE entries (id BLOB PRIMARY KEY, overview BLOB)").ok());
        QVERIFY(db->exec("INSERT INTO entries VALUES (x'00', x'00')").ok());
        db->close();
        rows.push_back({"a SQLCipher database under this vault's key, other tables", readFile(path),
                        Expect::Code, ErrorCode::Tampered});
    }

    for (const Row& row : rows)
        for (bool fresh : {false, true})
            QTest::addRow("%s%s", row.name, fresh ? ", fresh device" : ", known device")
                << row.bytes << fresh << row.expect << row.code;

    // Random bytes behind this vault's own header: no page authenticates, so a fresh device
    // cannot tell this from a wrong password (documented limitation, not a crash).
    const QByteArray behindHeader = m_original.left(16) + randomBytes(size - 16);
    QTest::addRow("random bytes behind this vault's header, fresh device")
        << behindHeader << true << Expect::Code << ErrorCode::WrongPassword;
}

void TestDamage::wholeFile() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, fresh);
    QFETCH(Expect, expect);
    QFETCH(ErrorCode, code);
    check(bytes, fresh, expect, code);
}

QTEST_GUILESS_MAIN(TestDamage)
#include "tst_damage.moc"
