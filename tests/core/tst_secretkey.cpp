// The secret key's text form (core/vault/SecretKey.h, core/FORMAT.md "Secret key") and where a
// device keeps it (core/vault/SecretKeyStore.h): known answers computed independently (Python's
// hashlib, see the comment at knownAnswer), round trips, forgiving input, every one-character
// typo of a key caught, and the 0600/0700 file store. The desktop keyring (qtkeychain) is not
// tested here: CI has no Secret Service; the file store is what runs without one.

#include "crypto/Crypto.h"
#include "vault/SecretKey.h"
#include "vault/SecretKeyStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace tessera;

namespace {

SecureBuffer bytes(const QByteArray& raw) {
    return SecureBuffer::copyOf(raw.constData(), std::size_t(raw.size()));
}

QByteArray plain(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

QByteArray counting() {
    QByteArray key(int(SecretKeyBytes), '\0');
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(i);
    return key;
}

const QByteArray CountingText = "T1-000G4-0R40M-30E20-9185G-R38E1-WTQC1";

bool writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestSecretKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void knownAnswer_data();
    void knownAnswer();
    void roundTrip();
    void generatedKeysDiffer();
    void forgivingInput_data();
    void forgivingInput();
    void everySingleTypoIsCaught();
    void adjacentSwapsAreCaught();
    void refused_data();
    void refused();

    void fileStoreRoundTrip();
    void fileStoreIsPrivate();
    void fileStoreRefusesExposedFile();
    void fileStoreRejectsBadVaultId();
    void keyFileWithComments();
    void keyFileRefused_data();
    void keyFileRefused();
    void keyFileReadableByOthersIsReported();
};

void TestSecretKey::knownAnswer_data() {
    // Computed with Python: 128 bits + 2 zero bits as 26 Crockford digits, then the first 20 bits
    // of hashlib.blake2b(b"tessera secret key T1 checksum" + key, digest_size=32) as 4 digits.
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("00..0f") << counting() << CountingText;
    QTest::newRow("all ones") << QByteArray(int(SecretKeyBytes), '\xff')
                              << QByteArray("T1-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-WGGFZ");
    QTest::newRow("all zero") << QByteArray(int(SecretKeyBytes), '\0')
                              << QByteArray("T1-00000-00000-00000-00000-00000-01X9E");
}

void TestSecretKey::knownAnswer() {
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, text);
    const SecureBuffer formatted = formatSecretKey(bytes(key));
    QCOMPARE(plain(formatted), text);
    QCOMPARE(formatted.size(), SecretKeyTextBytes);
    auto parsed = parseSecretKey(formatted.view());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(plain(*parsed), key);
}

void TestSecretKey::roundTrip() {
    for (int i = 0; i < 200; ++i) {
        const SecureBuffer key = generateSecretKey();
        QCOMPARE(key.size(), SecretKeyBytes);
        const SecureBuffer text = formatSecretKey(key);
        QVERIFY(text.view().substr(0, 3) == "T1-");
        auto parsed = parseSecretKey(text.view());
        QVERIFY2(parsed.ok(), text.view().data());
        QVERIFY(parsed->equals(key));
    }
}

void TestSecretKey::generatedKeysDiffer() {
    const SecureBuffer a = generateSecretKey();
    const SecureBuffer b = generateSecretKey();
    QVERIFY(!a.equals(b));
}

void TestSecretKey::forgivingInput_data() {
    QTest::addColumn<QByteArray>("typed");
    QTest::newRow("canonical") << CountingText;
    QTest::newRow("lower case") << CountingText.toLower();
    QTest::newRow("no separators") << QByteArray("T1000G40R40M30E209185GR38E1WTQC1");
    QTest::newRow("spaces") << QByteArray("T1 000G4 0R40M 30E20 9185G R38E1 WTQC1");
    QTest::newRow("white space around") << QByteArray("  \t" + CountingText + "\r\n");
    QTest::newRow("O for zero") << QByteArray("T1-OOOG4-0R40M-30E20-9185G-R38E1-WTQC1");
    QTest::newRow("I and L for one") << QByteArray("T1-000G4-0R40M-30E20-9I85G-R38El-WTQCi");
    QTest::newRow("TI prefix") << QByteArray("TI-000G4-0R40M-30E20-9185G-R38E1-WTQC1");
}

void TestSecretKey::forgivingInput() {
    QFETCH(QByteArray, typed);
    auto parsed = parseSecretKey(std::string_view(typed.constData(), std::size_t(typed.size())));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(plain(*parsed), counting());
}

void TestSecretKey::everySingleTypoIsCaught() {
    // Every position of the 30 digits, every other digit of the alphabet: 30 x 31 typos, each
    // reported as a typo (never as a valid, different key).
    const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const std::string text(CountingText.constData());
    int checked = 0;
    for (std::size_t i = 3; i < text.size(); ++i) {
        if (text[i] == '-')
            continue;
        for (const char replacement : alphabet) {
            if (replacement == text[i])
                continue;
            std::string typo = text;
            typo[i] = replacement;
            auto parsed = parseSecretKey(typo);
            QVERIFY2(!parsed.ok(), typo.c_str());
            QCOMPARE(parsed.code(), ErrorCode::InvalidArgument);
            QVERIFY2(parsed.error().message.contains(QLatin1String("typo")), typo.c_str());
            ++checked;
        }
    }
    QCOMPARE(checked, 30 * 31);
}

void TestSecretKey::adjacentSwapsAreCaught() {
    std::string digits = "000G40R40M30E209185GR38E1WTQC1";
    int checked = 0;
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        if (digits[i] == digits[i + 1])
            continue;
        std::string swapped = digits;
        std::swap(swapped[i], swapped[i + 1]);
        auto parsed = parseSecretKey("T1-" + swapped);
        QVERIFY2(!parsed.ok(), swapped.c_str());
        ++checked;
    }
    QVERIFY(checked > 20);
}

void TestSecretKey::refused_data() {
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const int invalid = int(ErrorCode::InvalidArgument);
    QTest::newRow("empty") << QByteArray() << invalid << QStringLiteral("not a Tessera secret key");
    QTest::newRow("a password") << QByteArray("hunter2") << invalid
                                << QStringLiteral("not a Tessera secret key");
    QTest::newRow("other prefix") << QByteArray("A3-000G4-0R40M-30E20-9185G-R38E1-WTQC1") << invalid
                                  << QStringLiteral("not a Tessera secret key");
    QTest::newRow("newer version") << QByteArray("T2-000G4-0R40M-30E20-9185G-R38E1-WTQC1")
                                   << int(ErrorCode::NewerVersion) << QStringLiteral("newer");
    QTest::newRow("letter U") << QByteArray("T1-000G4-0R40M-30E20-9185G-R38E1-WTQCU") << invalid
                              << QStringLiteral("no letter U");
    QTest::newRow("punctuation") << QByteArray("T1-000G4-0R40M-30E20-9185G-R38E1-WTQC.") << invalid
                                 << QStringLiteral("only digits and letters");
    QTest::newRow("one digit short") << QByteArray("T1-000G4-0R40M-30E20-9185G-R38E1-WTQC")
                                     << invalid << QStringLiteral("incomplete");
    QTest::newRow("one digit more") << QByteArray("T1-000G4-0R40M-30E20-9185G-R38E1-WTQC1-1")
                                    << invalid << QStringLiteral("too long");
    // The 26th digit carries 3 key bits and 2 zero bits: '1' (00001) sets a padding bit.
    QTest::newRow("padding bits set") << QByteArray("T1-00000-00000-00000-00000-00001-01X9E")
                                      << invalid << QStringLiteral("typo");
}

void TestSecretKey::refused() {
    QFETCH(QByteArray, typed);
    QFETCH(int, code);
    QFETCH(QString, message);
    auto parsed = parseSecretKey(std::string_view(typed.constData(), std::size_t(typed.size())));
    QVERIFY(!parsed.ok());
    QCOMPARE(int(parsed.code()), code);
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
}

void TestSecretKey::fileStoreRoundTrip() {
    QTemporaryDir dir;
    FileSecretKeyStore store(dir.path());
    const QByteArray vaultA = randomBytes(16);
    const QByteArray vaultB = randomBytes(16);
    QCOMPARE(store.load(vaultA).code(), ErrorCode::NotFound);
    const SecureBuffer keyA = generateSecretKey();
    const SecureBuffer keyB = generateSecretKey();
    QVERIFY(store.save(vaultA, keyA).ok());
    QVERIFY(store.save(vaultB, keyB).ok());
    auto loaded = store.load(vaultA);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->equals(keyA));
    // Saving again replaces the key (a re-enabled key on another device).
    const SecureBuffer keyC = generateSecretKey();
    QVERIFY(store.save(vaultA, keyC).ok());
    QVERIFY(store.load(vaultA)->equals(keyC));
    QVERIFY(store.remove(vaultA).ok());
    QCOMPARE(store.load(vaultA).code(), ErrorCode::NotFound);
    QVERIFY(store.remove(vaultA).ok()); // nothing stored: still fine
    QVERIFY(store.load(vaultB)->equals(keyB));
    // The file holds the text form, so a user can read it back into an Emergency Kit.
    auto file = readSecretKeyFile(store.pathFor(vaultB));
    QVERIFY(file.ok());
    QVERIFY(file->key.equals(keyB));
    QVERIFY(!file->readableByOthers);
}

void TestSecretKey::fileStoreIsPrivate() {
    QTemporaryDir dir;
    FileSecretKeyStore store(dir.path());
    const QByteArray vault = randomBytes(16);
    QVERIFY(store.save(vault, generateSecretKey()).ok());
    const QFileInfo file(store.pathFor(vault));
    QCOMPARE(file.permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                     QFileDevice::ReadUser | QFileDevice::WriteUser);
    const QFileInfo folder(store.location());
    QCOMPARE(folder.permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner | QFileDevice::ReadUser |
                                       QFileDevice::WriteUser | QFileDevice::ExeUser);
    QCOMPARE(QDir(store.location()).entryList(QDir::Files).size(), 1); // no temporary left
}

void TestSecretKey::fileStoreRefusesExposedFile() {
    QTemporaryDir dir;
    FileSecretKeyStore store(dir.path());
    const QByteArray vault = randomBytes(16);
    QVERIFY(store.save(vault, generateSecretKey()).ok());
    QVERIFY(QFile::setPermissions(store.pathFor(vault), QFileDevice::ReadOwner |
                                                            QFileDevice::WriteOwner |
                                                            QFileDevice::ReadOther));
    auto loaded = store.load(vault);
    QCOMPARE(loaded.code(), ErrorCode::Io);
    QVERIFY(loaded.error().message.contains(QLatin1String("readable by other users")));
}

void TestSecretKey::fileStoreRejectsBadVaultId() {
    QTemporaryDir dir;
    FileSecretKeyStore store(dir.path());
    QCOMPARE(store.load(QByteArray("../../etc")).code(), ErrorCode::InvalidArgument);
    QVERIFY(!store.save(QByteArray(3, 'x'), generateSecretKey()).ok());
    QVERIFY(!QFileInfo::exists(store.location()));
}

void TestSecretKey::keyFileWithComments() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.txt"));
    QVERIFY(writeText(path, "# Tessera secret key for Personal\n\n  " + CountingText.toLower() +
                                "  \n# keep it safe\n"));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto read = readSecretKeyFile(path);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(plain(read->key), counting());
}

void TestSecretKey::keyFileRefused_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("one secret key line");
    QTest::newRow("two keys") << QByteArray(CountingText + "\n" + CountingText + "\n")
                              << QStringLiteral("one secret key line");
    QTest::newRow("typo") << QByteArray("T1-000G4-0R40M-30E20-9185G-R38E1-WTQC2\n")
                          << QStringLiteral("typo");
    QTest::newRow("too big") << QByteArray(8192, 'A') << QStringLiteral("not a secret key file");
}

void TestSecretKey::keyFileRefused() {
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.txt"));
    QVERIFY(writeText(path, content));
    auto read = readSecretKeyFile(path);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains(message), qPrintable(read.error().message));
    QVERIFY(read.error().message.contains(path)); // names the file
}

void TestSecretKey::keyFileReadableByOthersIsReported() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.txt"));
    QVERIFY(writeText(path, CountingText));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadGroup | QFileDevice::ReadOther));
    auto read = readSecretKeyFile(path);
    QVERIFY(read.ok());
    QVERIFY(read->readableByOthers);
    QCOMPARE(readSecretKeyFile(dir.path()).code(), ErrorCode::InvalidArgument); // a folder
    QCOMPARE(readSecretKeyFile(dir.filePath(QStringLiteral("missing"))).code(), ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestSecretKey)
#include "tst_secretkey.moc"
