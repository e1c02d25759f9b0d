// core/health/Strength.h: zxcvbn's entropy and what Tessera derives from it (score, guesses,
// crack-time phrase), with the boundaries of each derivation.

#include "crypto/Crypto.h"
#include "health/Strength.h"

#include <QTest>

#include <cmath>

using namespace tessera;

namespace {

SecureBuffer secureOf(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

// A password of `length` characters drawn uniformly (rejection sampling) from 94 printable ASCII
// characters: about 6.55 bits each.
SecureBuffer randomPassword(int length) {
    constexpr unsigned char First = '!';
    constexpr unsigned char Count = '~' - '!' + 1;
    constexpr unsigned char Limit = 256 - 256 % Count;
    SecureBuffer password;
    while (password.size() < std::size_t(length)) {
        unsigned char byte = 0;
        randomBytes(&byte, 1);
        if (byte < Limit)
            password.appendByte(First + byte % Count);
    }
    return password;
}

constexpr double Minute = 60;
constexpr double Hour = 3600;
constexpr double Day = 24 * Hour;
constexpr double Month = 31 * Day;
constexpr double Year = 12 * Month;

} // namespace

class TestStrength : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void knownPasswords_data() {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("minScore");
        QTest::addColumn<int>("maxScore");
        QTest::newRow("password") << QByteArray("password") << 0 << 0;
        QTest::newRow("123456") << QByteArray("123456") << 0 << 0;
        QTest::newRow("qwertyuiop") << QByteArray("qwertyuiop") << 0 << 1;
        QTest::newRow("P@ssw0rd! (l33t)") << QByteArray("P@ssw0rd!") << 0 << 0;
        QTest::newRow("correct horse battery staple")
            << QByteArray("correct horse battery staple") << 3 << 4;
        QTest::newRow("20 random printable") << QByteArray("xK9#mQ2$vL7!pZ4@nW8^") << 4 << 4;
        QTest::newRow("empty") << QByteArray() << 0 << 0;
    }
    void knownPasswords() {
        QFETCH(QByteArray, password);
        QFETCH(int, minScore);
        QFETCH(int, maxScore);
        const StrengthEstimate estimate = estimateStrength(secureOf(password));
        QVERIFY2(estimate.score >= minScore && estimate.score <= maxScore,
                 qPrintable(QStringLiteral("score %1 (%2 bits)")
                                .arg(estimate.score)
                                .arg(estimate.entropyBits)));
        QCOMPARE(estimate.isWeak(), estimate.score <= WeakScoreMax);
        QCOMPARE(estimate.log10Guesses, estimate.entropyBits * std::log10(2.0));
    }

    void passphraseBeatsPassword() {
        const auto password = estimateStrength(secureOf("password"));
        const auto passphrase = estimateStrength(secureOf("correct horse battery staple"));
        QCOMPARE(password.score, 0);
        QCOMPARE(password.crackTime, QStringLiteral("less than a second"));
        QVERIFY(passphrase.score > password.score);
        QVERIFY(passphrase.entropyBits > password.entropyBits);
    }

    void randomTwentyCharactersScoreFour() {
        for (int round = 0; round < 20; ++round) {
            const SecureBuffer password = randomPassword(20);
            const StrengthEstimate estimate = estimateStrength(password);
            QCOMPARE(estimate.score, MaxScore);
            QCOMPARE(estimate.crackTime, QStringLiteral("centuries"));
        }
    }

    // Words of the entry (title, user name, site) are what an attacker tries first.
    void userInputsLowerTheEstimate() {
        const SecureBuffer password = secureOf("githubalice");
        const auto alone = estimateStrength(password);
        const auto withInputs =
            estimateStrength(password, {QStringLiteral("GitHub"), QStringLiteral("Alice")});
        QVERIFY2(withInputs.entropyBits < alone.entropyBits,
                 qPrintable(QStringLiteral("%1 vs %2 bits")
                                .arg(withInputs.entropyBits)
                                .arg(alone.entropyBits)));
        QVERIFY(withInputs.isWeak());
        // Empty and blank inputs are ignored, not passed as empty words.
        const auto blank = estimateStrength(password, {QString(), QStringLiteral("  ")});
        QCOMPARE(blank.entropyBits, alone.entropyBits);
    }

    // zxcvbn's guesses_to_score: < 10^3 + 5 -> 0, < 10^6 + 5 -> 1, < 10^8 + 5 -> 2,
    // < 10^10 + 5 -> 3, else 4.
    void scoreBoundaries_data() {
        QTest::addColumn<double>("guesses");
        QTest::addColumn<int>("score");
        QTest::newRow("1") << 1.0 << 0;
        QTest::newRow("1000") << 1000.0 << 0;
        QTest::newRow("1004.9") << 1004.9 << 0;
        QTest::newRow("1005.1") << 1005.1 << 1;
        QTest::newRow("1e6 + 4") << 1e6 + 4 << 1;
        QTest::newRow("1e6 + 6") << 1e6 + 6 << 2;
        QTest::newRow("1e8 + 4") << 1e8 + 4 << 2;
        QTest::newRow("1e8 + 6") << 1e8 + 6 << 3;
        QTest::newRow("1e10") << 1e10 << 3;
        QTest::newRow("1e10 + 10") << 1e10 + 10 << 4;
        QTest::newRow("1e300") << 1e300 << 4;
    }
    void scoreBoundaries() {
        QFETCH(double, guesses);
        QFETCH(int, score);
        QCOMPARE(scoreForLog10Guesses(std::log10(guesses)), score);
    }
    void scoreBeyondDoubleRange() { QCOMPARE(scoreForLog10Guesses(400), MaxScore); }

    void crackTimePhrases_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("phrase");
        const auto row = [](const char* name, double seconds, const char* phrase) {
            QTest::newRow(name) << seconds << QString::fromLatin1(phrase);
        };
        row("zero", 0, "less than a second");
        row("just under a second", 0.999, "less than a second");
        row("one second", 1, "1 second");
        row("rounds to one", 1.4, "1 second");
        row("two seconds", 2, "2 seconds");
        row("59 seconds", 59, "59 seconds");
        row("one minute", Minute, "1 minute");
        row("90 seconds", 90, "2 minutes");
        row("59 minutes", 59 * Minute, "59 minutes");
        row("one hour", Hour, "1 hour");
        row("23 hours", 23 * Hour, "23 hours");
        row("one day", Day, "1 day");
        row("30 days", 30 * Day, "30 days");
        row("one month (31 days)", Month, "1 month");
        row("11 months", 11 * Month, "11 months");
        row("one year (12 months)", Year, "1 year");
        row("99 years", 99 * Year, "99 years");
        row("just under a century", 100 * Year - 1, "100 years");
        row("a century", 100 * Year, "centuries");
        row("forever", 1e300, "centuries");
    }
    void crackTimePhrases() {
        QFETCH(double, seconds);
        QFETCH(QString, phrase);
        QCOMPARE(crackTimePhrase(seconds), phrase);
    }

    // guesses = 2^bits; crack time = guesses / 10^4 per second.
    void fromEntropy_data() {
        QTest::addColumn<double>("bits");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("crackTime");
        QTest::newRow("0 bits: 1 guess") << 0.0 << 0 << QStringLiteral("less than a second");
        QTest::newRow("10 bits: 1024") << 10.0 << 1 << QStringLiteral("less than a second");
        QTest::newRow("20 bits: 1048576") << 20.0 << 2 << QStringLiteral("2 minutes");
        QTest::newRow("30 bits: ~1.07e9") << 30.0 << 3 << QStringLiteral("1 day");
        QTest::newRow("40 bits: ~1.1e12") << 40.0 << 4 << QStringLiteral("3 years");
        QTest::newRow("128 bits") << 128.0 << 4 << QStringLiteral("centuries");
        QTest::newRow("negative clamps to 0") << -3.0 << 0 << QStringLiteral("less than a second");
    }
    void fromEntropy() {
        QFETCH(double, bits);
        QFETCH(int, score);
        QFETCH(QString, crackTime);
        const StrengthEstimate estimate = strengthFromEntropy(bits);
        QCOMPARE(estimate.score, score);
        QCOMPARE(estimate.crackTime, crackTime);
        QCOMPARE(estimate.log10Guesses, qMax(bits, 0.0) * std::log10(2.0));
    }
};

QTEST_GUILESS_MAIN(TestStrength)
#include "tst_strength.moc"
