// tessera-cli end to end: the create/add/show round trip, prompts in command-line order, listing
// and search, and JSON output.

#include "CliSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCliRoundTrip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void createAddShowRoundTrip() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const QString id = m_sandbox->add(
            {QStringLiteral("--title"), QStringLiteral("Mail"), QStringLiteral("--username"),
             QStringLiteral("alice@example.org"), QStringLiteral("--url"),
             QStringLiteral("https://mail.example.org"), QStringLiteral("--url"),
             QStringLiteral("https://webmail.example.org"), QStringLiteral("--tag"),
             QStringLiteral("work"), QStringLiteral("--folder"), QStringLiteral("Work/Email"),
             QStringLiteral("--notes"), QStringLiteral("second factor on the phone"),
             QStringLiteral("--field"), QStringLiteral("account=12345"),
             QStringLiteral("--password-prompt"), QStringLiteral("--expires"),
             QStringLiteral("2031-02-03")},
            {"s3cret-Pa55 word"});
        QCOMPARE(id.size(), 32);

        // Every command opens the vault file afresh: this is the reopen.
        CliResult shown = m_sandbox->runOnVault(QStringLiteral("show"), {QStringLiteral("mail")});
        CLI_EXPECT(shown, 0);
        for (const char* expected : {"Mail", "alice@example.org", "https://mail.example.org",
                                     "https://webmail.example.org", "work", "Work/Email",
                                     "second factor on the phone", "account: 12345", "2031-02-03"})
            QVERIFY2(shown.out.contains(expected), expected);
        QVERIFY(!shown.out.contains("s3cret-Pa55 word"));

        CliResult password = m_sandbox->runOnVault(
            QStringLiteral("show"), {id, QStringLiteral("--field"), QStringLiteral("password")});
        CLI_EXPECT(password, 0);
        QCOMPARE(password.out, QByteArray("s3cret-Pa55 word\n"));

        shown =
            m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--show-protected")});
        CLI_EXPECT(shown, 0);
        QVERIFY(shown.out.contains("s3cret-Pa55 word"));
    }

    void promptsFollowCommandLineOrder() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const QString id = m_sandbox->add(
            {QStringLiteral("--title"), QStringLiteral("Bank"), QStringLiteral("--protected-field"),
             QStringLiteral("pin"), QStringLiteral("--totp-prompt"),
             QStringLiteral("--password-prompt"), QStringLiteral("--protected-field=puk")},
            {"1234", "otpauth://totp/Bank?secret=JBSWY3DPEHPK3PXP", "bank-password\r", "99887766"});
        QVERIFY(!id.isEmpty());
        const QList<std::pair<const char*, QByteArray>> expected = {
            {"pin", "1234\n"},
            {"totp", "otpauth://totp/Bank?secret=JBSWY3DPEHPK3PXP\n"},
            {"password", "bank-password\n"}, // "\r\n" line endings are accepted
            {"puk", "99887766\n"}};
        for (const auto& [field, value] : expected) {
            const CliResult result = m_sandbox->runOnVault(
                QStringLiteral("show"), {id, QStringLiteral("--field"), QLatin1String(field)});
            CLI_EXPECT(result, 0);
            QCOMPARE(result.out, value);
        }
        const CliResult shown = m_sandbox->runOnVault(QStringLiteral("show"), {id});
        QVERIFY(shown.out.contains("pin: (protected)"));
        QVERIFY(!shown.out.contains("1234") && !shown.out.contains("99887766"));
    }

    void listSearchAndJson() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const QString mail =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Mail"),
                            QStringLiteral("--username"), QStringLiteral("alice"),
                            QStringLiteral("--url"), QStringLiteral("https://mail.example.org")});
        const QString bank = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Bank"),
                                             QStringLiteral("--folder"), QStringLiteral("Money")});
        const QString chat = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Chat"),
                                             QStringLiteral("--tag"), QStringLiteral("mail")});
        QVERIFY(!mail.isEmpty() && !bank.isEmpty() && !chat.isEmpty());

        CliResult listed = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(listed, 0);
        const QStringList lines = listed.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).split(QLatin1Char('\t')).value(0), bank); // sorted by title
        QCOMPARE(lines.at(2).split(QLatin1Char('\t')),
                 (QStringList{mail, QStringLiteral("Mail"), QStringLiteral("alice"), QString()}));

        listed = m_sandbox->runOnVault(QStringLiteral("ls"), {QStringLiteral("--json")});
        CLI_EXPECT(listed, 0);
        const QJsonArray all = parseJson(listed.out).array();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(1).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("Chat"));
        QCOMPARE(all.at(1).toObject().value(QLatin1String("tags")).toArray().at(0).toString(),
                 QStringLiteral("mail"));

        // "mail" matches a title, a URL and a tag; "MAIL example" needs both terms.
        CliResult found = m_sandbox->runOnVault(QStringLiteral("search"),
                                                {QStringLiteral("mail"), QStringLiteral("--json")});
        CLI_EXPECT(found, 0);
        QCOMPARE(parseJson(found.out).array().size(), 2);
        found = m_sandbox->runOnVault(QStringLiteral("search"),
                                      {QStringLiteral("MAIL"), QStringLiteral("example")});
        CLI_EXPECT(found, 0);
        QCOMPARE(found.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
        QVERIFY(found.outText().startsWith(mail));

        const CliResult info =
            m_sandbox->runOnVault(QStringLiteral("info"), {QStringLiteral("--json")});
        CLI_EXPECT(info, 0);
        const QJsonObject vault = parseJson(info.out).object();
        QCOMPARE(vault.value(QLatin1String("name")).toString(), QStringLiteral("test"));
        QCOMPARE(vault.value(QLatin1String("entries")).toInt(), 3);
        QCOMPARE(
            vault.value(QLatin1String("kdf")).toObject().value(QLatin1String("opsLimit")).toInt(),
            1);
        QCOMPARE(
            vault.value(QLatin1String("kdf")).toObject().value(QLatin1String("memLog2")).toInt(),
            20);

        const CliResult shown =
            m_sandbox->runOnVault(QStringLiteral("show"), {mail, QStringLiteral("--json")});
        CLI_EXPECT(shown, 0);
        const QJsonObject entry = parseJson(shown.out).object();
        QCOMPARE(entry.value(QLatin1String("id")).toString(), mail);
        QCOMPARE(entry.value(QLatin1String("urls")).toArray().at(0).toString(),
                 QStringLiteral("https://mail.example.org"));
        QVERIFY(!entry.contains(QLatin1String("password")));
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliRoundTrip)
#include "tst_cli_roundtrip.moc"
