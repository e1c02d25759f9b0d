// core/health/PwnedFile.h: SHA-1 from secure memory and the binary search over an offline
// Pwned Passwords file (LF and CRLF, with and without a final newline), first and last lines,
// neighbours and absent hashes, files in the wrong format.
//
// tests/data/pwned-sha1-sample.txt is a tiny file in the published format: the SHA-1s of a few
// common passwords ("password", "123456", "qwerty", "letmein", "monkey", "dragon", "hunter2",
// "Summer2023!"; the counts are made up), plus 00..01 as the first line, FF..FE as the last and
// the neighbours ...FD6 and ...FD9 of "password"'s 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8.

#include "TestData.h"

#include "crypto/Crypto.h"
#include "health/PwnedFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace tessera;
using tessera::test::dataPath;

namespace {

const QString SampleFile = QStringLiteral("pwned-sha1-sample.txt");

Sha1Digest digestOf(const QByteArray& hex) {
    const QByteArray raw = QByteArray::fromHex(hex);
    Q_ASSERT(raw.size() == qsizetype(Sha1Bytes));
    Sha1Digest digest;
    std::memcpy(digest.data(), raw.constData(), Sha1Bytes);
    return digest;
}

QByteArray hexOf(const Sha1Digest& digest) {
    return QByteArray(reinterpret_cast<const char*>(digest.data()), qsizetype(Sha1Bytes))
        .toHex()
        .toUpper();
}

QByteArray sample() {
    QFile file(dataPath(SampleFile));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPwnedFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_dir.isValid());
        QVERIFY(!sample().isEmpty());
    }

    void sha1FromSecureMemory() {
        const SecureBuffer password = SecureBuffer::copyOf(std::string_view("password"));
        QCOMPARE(hexOf(pwnedHash(password)),
                 QByteArray("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"));
        QCOMPARE(hexOf(pwnedHash(SecureBuffer())),
                 QByteArray("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709"));
    }

    // Every row is looked up in four spellings of the same file.
    void lookups_data() {
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<quint64>("count");
        const auto row = [](const char* name, const char* hash, quint64 count) {
            QTest::newRow(name) << QByteArray(hash) << count;
        };
        row("first line", "0000000000000000000000000000000000000001", 1);
        row("last line", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE", 2);
        row("password", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", 9545824);
        row("before password", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD6", 3);
        row("after password", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD9", 4);
        row("123456", "7C4A8D09CA3762AF61E59520943DC26494F8941B", 37359195);
        row("Summer2023!", "FD68D303E5C01C188D5518526CEE844721646A36", 57);
        row("absent: before the first", "0000000000000000000000000000000000000000", 0);
        row("absent: after the last", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 0);
        row("absent: between neighbours", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD7", 0);
        row("absent: after a neighbour", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FDA", 0);
        row("absent: middle", "8000000000000000000000000000000000000000", 0);
    }
    void lookups() {
        QFETCH(QByteArray, hash);
        QFETCH(quint64, count);
        QByteArray crlf = sample();
        crlf.replace("\n", "\r\n");
        QByteArray noFinalNewline = sample();
        noFinalNewline.chop(1);
        QByteArray crlfNoFinalNewline = crlf;
        crlfNoFinalNewline.chop(2);
        const QList<std::pair<const char*, QByteArray>> spellings = {
            {"lf", sample()},
            {"crlf", crlf},
            {"lf-no-final-newline", noFinalNewline},
            {"crlf-no-final-newline", crlfNoFinalNewline}};
        for (const auto& [name, content] : spellings) {
            auto pwned = PwnedFile::open(write(QString::fromLatin1(name), content));
            QVERIFY2(pwned.ok(), name);
            auto found = pwned->count(digestOf(hash));
            QVERIFY2(found.ok(), name);
            QVERIFY2(*found == count, qPrintable(QStringLiteral("%1: %2 instead of %3")
                                                     .arg(QLatin1String(name))
                                                     .arg(*found)
                                                     .arg(count)));
        }
    }

    void passwordLookup() {
        auto pwned = PwnedFile::open(dataPath(SampleFile));
        QVERIFY(pwned.ok());
        auto found = pwned->count(SecureBuffer::copyOf(std::string_view("password")));
        QVERIFY(found.ok());
        QCOMPARE(*found, quint64(9545824));
        found = pwned->count(SecureBuffer::copyOf(std::string_view("not in the sample file")));
        QVERIFY(found.ok());
        QCOMPARE(*found, quint64(0));
    }

    // Thousands of lines with counts of every width: every present hash is found, and hashes
    // between them are not.
    void largeFile() {
        QList<QByteArray> hashes;
        for (int i = 0; i < 5000; ++i)
            hashes.append(randomBytes(Sha1Bytes).toHex().toUpper());
        std::sort(hashes.begin(), hashes.end());
        hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
        QByteArray content;
        for (qsizetype i = 0; i < hashes.size(); ++i)
            content += hashes[i] + ':' + QByteArray::number(quint64(1) << (i % 60)) + "\r\n";
        auto pwned = PwnedFile::open(write(QStringLiteral("large"), content));
        QVERIFY(pwned.ok());
        for (qsizetype i = 0; i < hashes.size(); ++i) {
            auto found = pwned->count(digestOf(hashes[i]));
            QVERIFY(found.ok());
            QCOMPARE(*found, quint64(1) << (i % 60));
        }
        for (int i = 0; i < 500; ++i) {
            const QByteArray absent = randomBytes(Sha1Bytes).toHex().toUpper();
            if (std::binary_search(hashes.begin(), hashes.end(), absent))
                continue;
            auto found = pwned->count(digestOf(absent));
            QVERIFY(found.ok());
            QCOMPARE(*found, quint64(0));
        }
    }

    void wrongFiles_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("NTLM edition") << QByteArray("00000000000000000000000000000001:3\n");
        QTest::newRow("text") << QByteArray("hello world\n");
        QTest::newRow("no count") << QByteArray("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8\n");
        QTest::newRow("bad count") << QByteArray("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:x\n");
        QTest::newRow("huge count")
            << QByteArray("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:123456789012345678901\n");
        QTest::newRow("one long line") << QByteArray(4096, 'A');
    }
    void wrongFiles() {
        QFETCH(QByteArray, content);
        auto pwned = PwnedFile::open(write(QString::fromLatin1(QTest::currentDataTag()), content));
        QVERIFY(!pwned.ok());
        QCOMPARE(pwned.code(), ErrorCode::InvalidArgument);
        QVERIFY(!pwned.error().message.isEmpty());
    }

    void missingFile() {
        auto pwned = PwnedFile::open(m_dir.filePath(QStringLiteral("does-not-exist.txt")));
        QVERIFY(!pwned.ok());
        QCOMPARE(pwned.code(), ErrorCode::Io);
    }

    // A damaged line met on the way is an error, not "not found".
    void damagedLineOnTheWay() {
        QByteArray content = sample();
        const qsizetype at = content.indexOf("7C4A8D09");
        content.replace(at, 8, "not-hex!");
        auto pwned = PwnedFile::open(write(QStringLiteral("damaged"), content));
        QVERIFY(pwned.ok()); // the first line is fine
        auto found = pwned->count(digestOf("7C4A8D09CA3762AF61E59520943DC26494F8941B"));
        QVERIFY(!found.ok());
        QCOMPARE(found.code(), ErrorCode::InvalidArgument);
    }

private:
    QString write(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name + QStringLiteral(".txt"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPwnedFile)
#include "tst_pwnedfile.moc"
