// tessera-cli totp end to end: codes from a base32 secret and from otpauth:// URIs (the RFC 6238
// seeds, so the expected codes are the RFC's), JSON output, HOTP counters, and --totp-prompt
// refusing what does not parse.

#include "CliSandbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {

// RFC 6238 Appendix B seeds in base32: "1234567890" repeated to 20, 32 and 64 bytes.
const QByteArray Sha1Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const QByteArray Sha256Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
const QByteArray Sha512Seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                              "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA";

QStringList at(qint64 time) {
    return {QStringLiteral("--at"), QString::number(time)};
}

} // namespace

class TestCliTotp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
    }
    void cleanup() { m_sandbox.reset(); }

    void codes_data() {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("base32 seed, 6 digits") << Sha1Seed << qint64(59) << QByteArray("287082");
        QTest::newRow("lower case in groups")
            << QByteArray("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") << qint64(59)
            << QByteArray("287082");
        QTest::newRow("otpauth, 8 digits")
            << "otpauth://totp/ACME:alice?secret=" + Sha1Seed + "&issuer=ACME&digits=8"
            << qint64(59) << QByteArray("94287082");
        QTest::newRow("SHA256 beyond 2038")
            << "otpauth://totp/x?algorithm=SHA256&digits=8&secret=" + Sha256Seed
            << qint64(20000000000) << QByteArray("77737706");
        QTest::newRow("SHA512") << "otpauth://totp/x?algorithm=SHA512&digits=8&secret=" + Sha512Seed
                                << qint64(1111111109) << QByteArray("25091201");
    }
    void codes() {
        QFETCH(QByteArray, secret);
        QFETCH(qint64, time);
        QFETCH(QByteArray, code);
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("GitHub"),
                            QStringLiteral("--totp-prompt")},
                           {secret})
                     .isEmpty());
        const CliResult result = m_sandbox->runOnVault(
            QStringLiteral("totp"), QStringList{QStringLiteral("github")} + at(time));
        CLI_EXPECT(result, 0);
        QCOMPARE(result.out, code + '\n');
        QVERIFY2(result.err.contains("valid for"), result.err.constData());
    }

    void json() {
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("Bank"),
                            QStringLiteral("--totp-prompt")},
                           {"otpauth://totp/ACME%20Bank:alice?secret=" + Sha1Seed + "&digits=8"})
                     .isEmpty());
        const CliResult result = m_sandbox->runOnVault(
            QStringLiteral("totp"),
            QStringList{QStringLiteral("Bank"), QStringLiteral("--json")} + at(59));
        CLI_EXPECT(result, 0);
        const QJsonObject object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value(QLatin1String("code")).toString(), QStringLiteral("94287082"));
        QCOMPARE(object.value(QLatin1String("secondsLeft")).toInt(), 1);
        QCOMPARE(object.value(QLatin1String("period")).toInt(), 30);
        QCOMPARE(object.value(QLatin1String("digits")).toInt(), 8);
        QCOMPARE(object.value(QLatin1String("algorithm")).toString(), QStringLiteral("SHA1"));
        QCOMPARE(object.value(QLatin1String("issuer")).toString(), QStringLiteral("ACME Bank"));
        QCOMPARE(object.value(QLatin1String("account")).toString(), QStringLiteral("alice"));
        QVERIFY(result.err.isEmpty());
    }

    void nowByDefault() {
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("x"),
                            QStringLiteral("--totp-prompt")},
                           {Sha1Seed})
                     .isEmpty());
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("totp"), {QStringLiteral("x")});
        CLI_EXPECT(result, 0);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9]{6}\n$")).match(result.outText()).hasMatch(),
            result.out.constData());
    }

    void hotp() {
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("Token"),
                            QStringLiteral("--totp-prompt")},
                           {"otpauth://hotp/Token?secret=" + Sha1Seed + "&counter=1"})
                     .isEmpty());
        CliResult result = m_sandbox->runOnVault(QStringLiteral("totp"), {QStringLiteral("Token")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.out, QByteArray("287082\n")); // RFC 4226 Appendix D, counter 1
        result = m_sandbox->runOnVault(
            QStringLiteral("totp"),
            {QStringLiteral("Token"), QStringLiteral("--counter"), QStringLiteral("9")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.out, QByteArray("520489\n"));
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("totp"),
                                         QStringList{QStringLiteral("Token")} + at(59)),
                   1);
    }

    void badTotpPrompt_data() {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("message");
        QTest::newRow("not base32") << QByteArray("not base32!") << QStringLiteral("'!'");
        QTest::newRow("impossible length") << QByteArray("GEZDGNBVG") << QStringLiteral("length");
        QTest::newRow("bad scheme")
            << "https://example.com/?secret=" + Sha1Seed << QStringLiteral("scheme 'https'");
        QTest::newRow("missing secret")
            << QByteArray("otpauth://totp/x?issuer=ACME") << QStringLiteral("no secret");
        QTest::newRow("digits 9") << "otpauth://totp/x?digits=9&secret=" + Sha1Seed
                                  << QStringLiteral("digits must be 6, 7 or 8");
        QTest::newRow("period 0") << "otpauth://totp/x?period=0&secret=" + Sha1Seed
                                  << QStringLiteral("period must be");
        QTest::newRow("duplicate") << "otpauth://totp/x?secret=" + Sha1Seed + "&secret=" + Sha1Seed
                                   << QStringLiteral("more than once");
    }
    void badTotpPrompt() {
        QFETCH(QByteArray, secret);
        QFETCH(QString, message);
        CliResult result = m_sandbox->runOnVault(
            QStringLiteral("add"),
            {QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--totp-prompt")},
            {secret});
        CLI_EXPECT(result, 1);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY2(result.errText().contains(message), result.err.constData());
        result = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(result, 0);
        QVERIFY(result.out.isEmpty()); // nothing was added
    }

    void badEditKeepsTheOldSecret() {
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("x"),
                            QStringLiteral("--totp-prompt")},
                           {Sha1Seed})
                     .isEmpty());
        const CliResult edited = m_sandbox->runOnVault(
            QStringLiteral("edit"), {QStringLiteral("x"), QStringLiteral("--totp-prompt")},
            {"otpauth://totp/x?secret=" + Sha1Seed + "&algorithm=MD5"});
        CLI_EXPECT(edited, 1);
        QVERIFY2(edited.errText().contains(QLatin1String("algorithm 'MD5'")),
                 edited.err.constData());
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("totp"),
                                                       QStringList{QStringLiteral("x")} + at(59));
        CLI_EXPECT(result, 0);
        QCOMPARE(result.out, QByteArray("287082\n"));
    }

    void errors() {
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("No TOTP")}).isEmpty());
        CliResult result =
            m_sandbox->runOnVault(QStringLiteral("totp"), {QStringLiteral("No TOTP")});
        CLI_EXPECT(result, 4);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY(result.out.isEmpty());
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("totp"), {QStringLiteral("missing")}), 4);
        for (const char* time : {"-5", "soon", ""}) {
            result = m_sandbox->runOnVault(
                QStringLiteral("totp"),
                {QStringLiteral("No TOTP"), QStringLiteral("--at"), QString::fromLatin1(time)});
            CLI_EXPECT(result, 1);
            QVERIFY(isOneErrorLine(result.err));
        }
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliTotp)
#include "tst_cli_totp.moc"
