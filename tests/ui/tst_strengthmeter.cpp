// StrengthMeter: zxcvbn's score becomes lit steps, words and a crack time; user inputs lower the
// score of a password built from them; empty clears the meter.
#include "StrengthMeter.h"
#include "crypto/Crypto.h"

#include <QSignalSpy>
#include <QTest>

using tessera::SecureBuffer;
using tessera::ui::StrengthMeter;

namespace {

SecureBuffer secret(const char* text) {
    return SecureBuffer::copyOf(std::string_view(text));
}

} // namespace

class TestStrengthMeter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(tessera::initializeCrypto().ok()); }

    void scoreToBar_data() {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("words");
        QTest::newRow("password") << QByteArray("password") << 0 << QStringLiteral("Very weak");
        QTest::newRow("dictionary word + digits")
            << QByteArray("sunshine2019") << 1 << QStringLiteral("Weak");
        QTest::newRow("long random")
            << QByteArray("r7#Kq9!vTz2$Lm4@Xw8&Pb6^") << 4 << QStringLiteral("Very strong");
    }
    void scoreToBar() {
        QFETCH(QByteArray, password);
        QFETCH(int, score);
        QFETCH(QString, words);
        StrengthMeter meter;
        QSignalSpy changed(&meter, &StrengthMeter::estimateChanged);
        meter.setPassword(SecureBuffer::copyOf(password.constData(), std::size_t(password.size())));
        QCOMPARE(changed.count(), 1);
        QVERIFY(meter.hasEstimate());
        QCOMPARE(meter.score(), score);
        QCOMPARE(meter.filledSteps(), score + 1);
        QCOMPARE(meter.strengthText(), words);
        QVERIFY2(meter.summaryText().startsWith(words + QStringLiteral(" · time to crack: ")),
                 qPrintable(meter.summaryText()));
        QVERIFY(meter.summaryText().endsWith(meter.estimate()->crackTime));
        QCOMPARE(meter.accessibleDescription(), meter.summaryText());
        QCOMPARE(meter.accessibleName(), QStringLiteral("Password strength"));
    }

    void weakAndStrongLookApart() {
        StrengthMeter weak, strong;
        weak.setPassword(secret("password"));
        strong.setPassword(secret("r7#Kq9!vTz2$Lm4@Xw8&Pb6^"));
        QCOMPARE(weak.estimate()->crackTime, QStringLiteral("less than a second"));
        QCOMPARE(strong.estimate()->crackTime, QStringLiteral("centuries"));
        QVERIFY(StrengthMeter::scoreColor(weak.score()) !=
                StrengthMeter::scoreColor(strong.score()));
        // The painted bar: the first step is lit in the weak colour, the last only when strong.
        weak.resize(200, 40);
        strong.resize(200, 40);
        const QImage weakImage = weak.grab().toImage();
        const QImage strongImage = strong.grab().toImage();
        const int y = 3; // inside the bar
        QCOMPARE(weakImage.pixelColor(5, y).rgb(), StrengthMeter::scoreColor(0).rgb());
        QVERIFY(weakImage.pixelColor(195, y).rgb() != StrengthMeter::scoreColor(0).rgb());
        QCOMPARE(strongImage.pixelColor(195, y).rgb(), StrengthMeter::scoreColor(4).rgb());
    }

    void userInputsLowerTheScore() {
        const char* password = "zanzibar-quokka";
        StrengthMeter plain, informed;
        plain.setPassword(secret(password));
        informed.setUserInputs({QStringLiteral("Zanzibar"), QStringLiteral("quokka")});
        informed.setPassword(secret(password));
        QVERIFY2(informed.estimate()->entropyBits < plain.estimate()->entropyBits,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(informed.estimate()->entropyBits)
                                .arg(plain.estimate()->entropyBits)));
    }

    void emptyClears() {
        StrengthMeter meter;
        meter.setPassword(secret("password"));
        QVERIFY(meter.hasEstimate());
        meter.setPassword(SecureBuffer());
        QVERIFY(!meter.hasEstimate());
        QCOMPARE(meter.score(), -1);
        QCOMPARE(meter.filledSteps(), 0);
        QVERIFY(meter.summaryText().isEmpty());
        QCOMPARE(meter.accessibleDescription(), QStringLiteral("No password entered"));
        meter.setPassword(secret("password"));
        meter.clear();
        QVERIFY(!meter.hasEstimate());
    }

    void estimateFromEntropy() {
        StrengthMeter meter;
        meter.setEstimate(tessera::strengthFromEntropy(130.9));
        QCOMPARE(meter.score(), 4);
        QCOMPARE(meter.estimate()->crackTime, QStringLiteral("centuries"));
    }
};

QTEST_MAIN(TestStrengthMeter)
#include "tst_strengthmeter.moc"
