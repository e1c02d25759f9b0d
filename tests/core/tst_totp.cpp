// core/totp/Totp.h: every RFC 6238 Appendix B and RFC 4226 Appendix D vector, the otpauth:// and
// bare base32 cases of tests/data/otpauth.vec (each valid one with its code, each bad one with
// its error), and the time arithmetic (period boundaries, beyond 2038, before 1970).

#include "TestData.h"

#include "crypto/Crypto.h"
#include "totp/Totp.h"

#include <QTest>

using namespace tessera;
using tessera::test::readVectors;
using tessera::test::Vector;

namespace {

// The error's message, or nothing when there is none (for failure descriptions, which are
// evaluated whether or not the check fails).
template <typename T> QByteArray messageOf(const Result<T>& result) {
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

SecureBuffer secureOf(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

HmacAlgorithm algorithmNamed(const QString& name) {
    if (name == QLatin1String("SHA1"))
        return HmacAlgorithm::Sha1;
    if (name == QLatin1String("SHA256"))
        return HmacAlgorithm::Sha256;
    if (name == QLatin1String("SHA512"))
        return HmacAlgorithm::Sha512;
    qFatal("unknown algorithm %s", qPrintable(name));
    return HmacAlgorithm::Sha1;
}

TotpSpec rfcSpec(const QByteArray& seed, HmacAlgorithm algorithm, int digits = 8) {
    TotpSpec spec;
    spec.secret = secureOf(seed);
    spec.algorithm = algorithm;
    spec.digits = digits;
    return spec;
}

} // namespace

Q_DECLARE_METATYPE(tessera::test::Vector)

class TestTotp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void rfc6238_data() {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<quint64>("counter");
        QTest::addColumn<QByteArray>("code");
        const QList<Vector> vectors = readVectors(QStringLiteral("totp-rfc6238.vec"));
        QCOMPARE(vectors.size(), 18); // 3 algorithms x 6 times
        for (const Vector& v : vectors)
            QTest::newRow(v.tag())
                << v.hex(QStringLiteral("seed")) << v.text(QStringLiteral("algorithm"))
                << v.integer(QStringLiteral("time"))
                << v.text(QStringLiteral("counter")).toULongLong(nullptr, 16)
                << v.text(QStringLiteral("code")).toLatin1();
    }
    void rfc6238() {
        QFETCH(QByteArray, seed);
        QFETCH(QString, algorithm);
        QFETCH(qint64, time);
        QFETCH(quint64, counter);
        QFETCH(QByteArray, code);
        const TotpSpec spec = rfcSpec(seed, algorithmNamed(algorithm));
        auto totp = totpCode(spec, time);
        QVERIFY2(totp.ok(), messageOf(totp).constData());
        QCOMPARE(bytesOf(*totp), code);
        auto hotp = hotpCode(spec.algorithm, spec.secret, counter, spec.digits);
        QVERIFY(hotp.ok());
        QCOMPARE(bytesOf(*hotp), code);
    }

    void rfc4226_data() {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<quint64>("counter");
        QTest::addColumn<quint32>("truncated");
        QTest::addColumn<QByteArray>("code");
        const QList<Vector> vectors = readVectors(QStringLiteral("hotp-rfc4226.vec"));
        QCOMPARE(vectors.size(), 10);
        for (const Vector& v : vectors)
            QTest::newRow(v.tag())
                << v.hex(QStringLiteral("seed")) << quint64(v.integer(QStringLiteral("counter")))
                << quint32(v.integer(QStringLiteral("truncated")))
                << v.text(QStringLiteral("code")).toLatin1();
    }
    void rfc4226() {
        QFETCH(QByteArray, seed);
        QFETCH(quint64, counter);
        QFETCH(quint32, truncated);
        QFETCH(QByteArray, code);
        const SecureBuffer secret = secureOf(seed);
        auto six = hotpCode(HmacAlgorithm::Sha1, secret, counter, 6);
        QVERIFY(six.ok());
        QCOMPARE(bytesOf(*six), code);
        // The same truncated value gives the 7- and 8-digit codes.
        for (const int digits : {7, 8}) {
            auto longer = hotpCode(HmacAlgorithm::Sha1, secret, counter, digits);
            QVERIFY(longer.ok());
            quint32 modulus = 1;
            for (int i = 0; i < digits; ++i)
                modulus *= 10;
            QCOMPARE(bytesOf(*longer),
                     QByteArray::number(truncated % modulus).rightJustified(digits, '0'));
        }
    }

    void otpauth_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Vector>("vector");
        for (const Vector& v : readVectors(QStringLiteral("otpauth.vec")))
            QTest::newRow(v.tag()) << v.text(QStringLiteral("input")).toUtf8() << v;
    }
    void otpauth() {
        QFETCH(QByteArray, input);
        QFETCH(Vector, vector);
        auto spec = parseTotp(secureOf(input));
        if (vector.text(QStringLiteral("expect")) == QLatin1String("error")) {
            QVERIFY2(!spec.ok(), "parsed a bad TOTP text");
            QCOMPARE(spec.code(), ErrorCode::InvalidArgument);
            const QString message = spec.error().message;
            QVERIFY2(message.contains(vector.text(QStringLiteral("error"))), qPrintable(message));
            QVERIFY(!message.contains(QLatin1Char('\n')));
            return;
        }
        QVERIFY2(spec.ok(), messageOf(spec).constData());
        const bool hotp = vector.text(QStringLiteral("type")) == QLatin1String("hotp");
        QCOMPARE(spec->type, hotp ? OtpType::Hotp : OtpType::Totp);
        QCOMPARE(bytesOf(spec->secret).toHex(), vector.text(QStringLiteral("secret")).toLatin1());
        QCOMPARE(algorithmName(spec->algorithm), vector.text(QStringLiteral("algorithm")));
        QCOMPARE(qint64(spec->digits), vector.integer(QStringLiteral("digits")));
        QCOMPARE(spec->periodSeconds, vector.integer(QStringLiteral("period")));
        QCOMPARE(spec->counter, vector.text(QStringLiteral("counter")).toULongLong());
        QCOMPARE(spec->issuer, vector.text(QStringLiteral("issuer")));
        QCOMPARE(spec->account, vector.text(QStringLiteral("account")));
        auto code = hotp ? hotpCode(spec->algorithm, spec->secret, spec->counter, spec->digits)
                         : totpCode(*spec, vector.integer(QStringLiteral("time")));
        QVERIFY2(code.ok(), messageOf(code).constData());
        QCOMPARE(bytesOf(*code), vector.text(QStringLiteral("code")).toLatin1());
    }

    void surroundingWhiteSpaceIgnored() {
        for (const char* text : {"  GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\r\n",
                                 "\totpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ \n"}) {
            auto spec = parseTotp(SecureBuffer::copyOf(std::string_view(text)));
            QVERIFY2(spec.ok(), text);
            auto code = totpCode(*spec, 59);
            QVERIFY(code.ok());
            QCOMPARE(bytesOf(*code), QByteArray("287082"));
        }
    }

    void secondsLeft_data() {
        QTest::addColumn<qint64>("period");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<qint64>("left");
        QTest::newRow("start of the epoch") << qint64(30) << qint64(0) << qint64(30);
        QTest::newRow("last second of a period") << qint64(30) << qint64(59) << qint64(1);
        QTest::newRow("first second of a period") << qint64(30) << qint64(60) << qint64(30);
        QTest::newRow("beyond 2038") << qint64(30) << qint64(20000000000) << qint64(10);
        QTest::newRow("period 1") << qint64(1) << qint64(1234567890) << qint64(1);
        QTest::newRow("period of a day") << qint64(86400) << qint64(86400 + 3600) << qint64(82800);
    }
    void secondsLeft() {
        QFETCH(qint64, period);
        QFETCH(qint64, time);
        QFETCH(qint64, left);
        TotpSpec spec = rfcSpec("12345678901234567890", HmacAlgorithm::Sha1);
        spec.periodSeconds = period;
        QCOMPARE(totpSecondsLeft(spec, time), left);
    }

    // The code changes exactly at period boundaries and nowhere else.
    void codeChangesAtPeriodBoundaries() {
        const TotpSpec spec = rfcSpec("12345678901234567890", HmacAlgorithm::Sha1, 6);
        auto first = totpCode(spec, 30);
        auto last = totpCode(spec, 59);
        auto next = totpCode(spec, 60);
        QVERIFY(first.ok() && last.ok() && next.ok());
        QCOMPARE(bytesOf(*first), bytesOf(*last));
        QCOMPARE(bytesOf(*last), QByteArray("287082")); // RFC 4226 counter 1
        QCOMPARE(bytesOf(*next), QByteArray("359152")); // counter 2
    }

    void refusesImpossibleRequests() {
        TotpSpec spec = rfcSpec("12345678901234567890", HmacAlgorithm::Sha1, 6);
        auto before1970 = totpCode(spec, -1);
        QVERIFY(!before1970.ok());
        QCOMPARE(before1970.code(), ErrorCode::InvalidArgument);
        for (const int digits : {0, 5, 9, 10}) {
            auto code = hotpCode(HmacAlgorithm::Sha1, spec.secret, 0, digits);
            QVERIFY(!code.ok());
            QVERIFY(code.error().message.contains(QLatin1String("6 to 8 digits")));
        }
        spec.periodSeconds = 0;
        QVERIFY(!totpCode(spec, 59).ok());
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
