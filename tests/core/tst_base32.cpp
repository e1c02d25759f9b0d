// core/totp/Base32.h: RFC 4648 section 10 vectors padded and unpadded, the lenient input it
// accepts (case, spaces, hyphens, trailing bits) and every malformed input it refuses, from
// tests/data/base32.vec.

#include "TestData.h"

#include "crypto/Crypto.h"
#include "totp/Base32.h"

#include <QTest>

using namespace tessera;
using tessera::test::readVectors;
using tessera::test::Vector;

namespace {

const QString ErrorPrefix = QStringLiteral("error: ");

// The error's message, or nothing when there is none (for failure descriptions, which are
// evaluated whether or not the check fails).
template <typename T> QByteArray messageOf(const Result<T>& result) {
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

} // namespace

class TestBase32 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void vectors_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expect");
        for (const Vector& v : readVectors(QStringLiteral("base32.vec")))
            QTest::newRow(v.tag())
                << v.text(QStringLiteral("input")).toUtf8() << v.text(QStringLiteral("expect"));
    }
    void vectors() {
        QFETCH(QByteArray, input);
        QFETCH(QString, expect);
        auto decoded = decodeBase32(std::string_view(input.constData(), std::size_t(input.size())));
        if (expect.startsWith(ErrorPrefix)) {
            QVERIFY2(!decoded.ok(), "decoded bad base32");
            QCOMPARE(decoded.code(), ErrorCode::InvalidArgument);
            const QString message = decoded.error().message;
            QVERIFY2(message.contains(expect.mid(ErrorPrefix.size())), qPrintable(message));
            QVERIFY(!message.contains(QLatin1Char('\n')));
        } else {
            QVERIFY2(decoded.ok(), messageOf(decoded).constData());
            QCOMPARE(bytesOf(*decoded).toHex(), expect.toLatin1());
        }
    }

    // Every byte value survives encode -> decode, at every length remainder.
    void roundTripsEveryByte() {
        for (int length = 1; length <= 40; ++length) {
            QByteArray bytes;
            for (int i = 0; i < length; ++i)
                bytes.append(char((i * 37 + length * 11) & 0xff));
            const QByteArray encoded = encode(bytes);
            auto decoded =
                decodeBase32(std::string_view(encoded.constData(), std::size_t(encoded.size())));
            QVERIFY2(decoded.ok(), encoded.constData());
            QCOMPARE(bytesOf(*decoded), bytes);
        }
    }

    void refusesHugeSecrets() {
        const QByteArray huge(qsizetype((MaxOtpSecretBytes / 5 + 1) * Base32BlockChars), 'A');
        auto decoded = decodeBase32(std::string_view(huge.constData(), std::size_t(huge.size())));
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.code(), ErrorCode::TooLarge);
    }

private:
    // A plain RFC 4648 encoder for the round trip (unpadded).
    static QByteArray encode(const QByteArray& bytes) {
        static const char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        QByteArray out;
        unsigned buffer = 0;
        int bits = 0;
        for (const char byte : bytes) {
            buffer = (buffer << 8) | static_cast<unsigned char>(byte);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(Alphabet[(buffer >> bits) & 31]);
            }
        }
        if (bits > 0)
            out.append(Alphabet[(buffer << (5 - bits)) & 31]);
        return out;
    }
};

QTEST_GUILESS_MAIN(TestBase32)
#include "tst_base32.moc"
