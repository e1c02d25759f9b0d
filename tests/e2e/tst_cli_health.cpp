// tessera-cli health end to end on a vault built through the CLI: exactly the planted weak and
// reused passwords, the text report and its summary, an offline Pwned Passwords file, option
// errors; and the master password strength that create and passwd print on stderr.

#include "CliSandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

const QByteArray Passphrase = "correct horse battery staple";
const QByteArray ShopPassword = "hT5$wq9!Lm2#xR8z";
// SHA-1 of "password", with made-up neighbours and count.
const QByteArray PwnedSample = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD6:3\r\n"
                               "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:42\r\n"
                               "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD9:4\r\n";

QStringList titlesOf(const QJsonArray& entries) {
    QStringList titles;
    for (const QJsonValue& entry : entries)
        titles.append(entry.toObject().value(QLatin1String("title")).toString());
    return titles;
}

} // namespace

class TestCliHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
    }
    void cleanup() { m_sandbox.reset(); }

    void jsonFindsExactlyThePlantedProblems() {
        plant();
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("health"), {QStringLiteral("--json")});
        CLI_EXPECT(result, 0); // findings are not a failure
        const QJsonObject report = parseJson(result.out).object();
        QCOMPARE(report.value(QLatin1String("entriesChecked")).toInt(), 8);
        QCOMPARE(report.value(QLatin1String("passwordsChecked")).toInt(), 7);
        QCOMPARE(report.value(QLatin1String("findings")).toInt(), 3);

        const QJsonArray weak = report.value(QLatin1String("weak")).toArray();
        QCOMPARE(titlesOf(weak), QStringList{QStringLiteral("Router")});
        QCOMPARE(weak.first().toObject().value(QLatin1String("id")).toString(), m_routerId);
        QCOMPARE(weak.first().toObject().value(QLatin1String("score")).toInt(), 0);

        const QJsonArray reused = report.value(QLatin1String("reused")).toArray();
        QCOMPARE(reused.size(), 2);
        QCOMPARE(titlesOf(reused[0].toObject().value(QLatin1String("entries")).toArray()),
                 (QStringList{QStringLiteral("Forum A"), QStringLiteral("Forum B"),
                              QStringLiteral("Forum C")}));
        QCOMPARE(reused[0].toObject().value(QLatin1String("count")).toInt(), 3);
        QCOMPARE(titlesOf(reused[1].toObject().value(QLatin1String("entries")).toArray()),
                 (QStringList{QStringLiteral("Shop 1"), QStringLiteral("Shop 2")}));

        QVERIFY(report.value(QLatin1String("old")).toArray().isEmpty());
        QVERIFY(report.value(QLatin1String("expired")).toArray().isEmpty());
        QVERIFY(report.value(QLatin1String("pwned")).toArray().isEmpty());
        QCOMPARE(report.value(QLatin1String("pwnedChecked")).toBool(), false);
        // No password appears anywhere in the report.
        QVERIFY(!result.out.contains(Passphrase) && !result.out.contains(ShopPassword));
    }

    void textReportGroupedByKind() {
        plant();
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("health"));
        CLI_EXPECT(result, 0);
        const QString text = result.outText();
        QVERIFY2(text.contains(QLatin1String("Weak passwords (1):")), result.out.constData());
        QVERIFY(text.contains(m_routerId + QLatin1String("  Router")));
        QVERIFY(text.contains(QLatin1String("Reused passwords (2 groups):")));
        QVERIFY(text.contains(QLatin1String("one password in 3 entries:")));
        QVERIFY(text.contains(QLatin1String("Passwords older than 12 months: none")));
        QVERIFY(text.contains(QLatin1String("Expired entries: none")));
        QVERIFY(
            text.contains(QLatin1String("Summary: 3 finding(s): 1 weak, 2 reused (5 entries)")));
    }

    void emptyVaultIsHealthy() {
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("health"));
        CLI_EXPECT(result, 0);
        QVERIFY2(result.outText().contains(QLatin1String("Summary: no problems found.")),
                 result.out.constData());
    }

    void pwnedFile() {
        plant();
        const QString path = m_sandbox->filePath(QStringLiteral("pwned.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(PwnedSample), PwnedSample.size());
        file.close();
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("health"),
                                  {QStringLiteral("--json"), QStringLiteral("--pwned-file"), path});
        CLI_EXPECT(result, 0);
        const QJsonObject report = parseJson(result.out).object();
        QCOMPARE(report.value(QLatin1String("pwnedChecked")).toBool(), true);
        const QJsonArray pwned = report.value(QLatin1String("pwned")).toArray();
        QCOMPARE(titlesOf(pwned), QStringList{QStringLiteral("Router")});
        QCOMPARE(pwned.first().toObject().value(QLatin1String("count")).toInt(), 42);
    }

    void optionErrors_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("age 0") << QStringList{QStringLiteral("--max-age-months"),
                                              QStringLiteral("0")}
                               << 1;
        QTest::newRow("age not a number")
            << QStringList{QStringLiteral("--max-age-months"), QStringLiteral("twelve")} << 1;
        QTest::newRow("missing pwned file")
            << QStringList{QStringLiteral("--pwned-file"), QStringLiteral("no-such-file.txt")} << 6;
    }
    void optionErrors() {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("health"), options);
        CLI_EXPECT(result, exitCode);
        QVERIFY2(isOneErrorLine(result.err), result.err.constData());
    }

    void maxAgeMonthsAccepted() {
        const CliResult result = m_sandbox->runOnVault(
            QStringLiteral("health"), {QStringLiteral("--max-age-months"), QStringLiteral("1")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.outText().contains(QLatin1String("Passwords older than 1 month: none")));
    }

    // The strength goes to stderr; stdout stays what scripts read.
    void createReportsMasterStrength() {
        const QString weakVault = m_sandbox->vaultPath(QStringLiteral("weak"));
        CliResult result = m_sandbox->create("password", weakVault);
        CLI_EXPECT(result, 0);
        QVERIFY2(result.errText().contains(QLatin1String("Master password strength: 0 of 4")),
                 result.err.constData());
        QVERIFY(result.errText().contains(QLatin1String("less than a second")));
        QVERIFY(result.errText().contains(QLatin1String("warning: the master password is weak")));
        QVERIFY(!result.outText().contains(QLatin1String("strength")));

        const QString strongVault = m_sandbox->vaultPath(QStringLiteral("strong"));
        result = m_sandbox->create("violet-Anchor-92-quietly-Seventeen", strongVault);
        CLI_EXPECT(result, 0);
        QVERIFY2(result.errText().contains(QLatin1String("Master password strength: 4 of 4")),
                 result.err.constData());
        QVERIFY(!result.errText().contains(QLatin1String("is weak")));
    }

    void passwdReportsMasterStrength() {
        const CliResult result = m_sandbox->run({QStringLiteral("passwd"), m_sandbox->vaultPath()},
                                                {CliSandbox::MasterPassword, "letmein"});
        CLI_EXPECT(result, 0);
        QVERIFY2(result.errText().contains(QLatin1String("warning: the master password is weak")),
                 result.err.constData());
    }

private:
    // Router: weak ("password"); Forum A-C: one passphrase; Shop 1-2: one password; Bank:
    // strong and unique; a note without a password.
    void plant() {
        m_routerId = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Router"),
                                     QStringLiteral("--password-prompt")},
                                    {"password"});
        QVERIFY(!m_routerId.isEmpty());
        const QList<std::pair<const char*, QByteArray>> entries = {
            {"Forum A", Passphrase},  {"Forum B", Passphrase},  {"Forum C", Passphrase},
            {"Shop 1", ShopPassword}, {"Shop 2", ShopPassword}, {"Bank", "Vq8!rT3#zL6$wN1@7919&Kp"},
        };
        for (const auto& [title, password] : entries)
            QVERIFY(!m_sandbox
                         ->add({QStringLiteral("--title"), QString::fromLatin1(title),
                                QStringLiteral("--password-prompt")},
                               {password})
                         .isEmpty());
        QVERIFY(
            !m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Note only")}).isEmpty());
    }

    std::unique_ptr<CliSandbox> m_sandbox;
    QString m_routerId;
};

QTEST_GUILESS_MAIN(TestCliHealth)
#include "tst_cli_health.moc"
