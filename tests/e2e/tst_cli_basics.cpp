// tessera-cli end to end: help, version, usage errors, the create/add/show round trip, listing
// and search with JSON, and the exit codes for wrong passwords, non-vaults and missing entries.

#include "CliSandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {

const QStringList Commands = {
    QStringLiteral("create"), QStringLiteral("info"),   QStringLiteral("ls"),
    QStringLiteral("search"), QStringLiteral("show"),   QStringLiteral("add"),
    QStringLiteral("edit"),   QStringLiteral("rm"),     QStringLiteral("restore"),
    QStringLiteral("passwd"), QStringLiteral("attach"), QStringLiteral("attachment-export"),
    QStringLiteral("detach")};

QJsonDocument parseJson(const QByteArray& bytes) {
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON: %s in %s", qPrintable(error.errorString()), bytes.constData());
    return document;
}

bool isOneErrorLine(const QByteArray& err) {
    return err.startsWith("tessera-cli: ") && err.endsWith('\n') && err.count('\n') == 1;
}

} // namespace

class TestCliBasics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void versionNamesSqlcipher() {
        const CliResult result = m_sandbox->run({QStringLiteral("--version")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.outText().contains(QLatin1String("tessera-cli 0.1.0")));
        // The runtime proof that SQLCipher, not plain SQLite, answers PRAGMA cipher_version.
        QVERIFY2(
            result.outText().contains(QRegularExpression(QStringLiteral("SQLCipher \\d+\\.\\d+"))),
            result.out.constData());
    }

    void help_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("usage");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                                << QStringLiteral("Usage: tessera-cli COMMAND");
        QTest::newRow("help") << QStringList{QStringLiteral("help")}
                              << QStringLiteral("Exit codes:");
        for (const QString& command : Commands) {
            const QString usage = QStringLiteral("Usage: tessera-cli %1 ").arg(command);
            QTest::newRow(qPrintable(command + QLatin1String(" --help")))
                << QStringList{command, QStringLiteral("--help")} << usage;
            QTest::newRow(qPrintable(QLatin1String("help ") + command))
                << QStringList{QStringLiteral("help"), command} << usage;
        }
    }
    void help() {
        QFETCH(QStringList, args);
        QFETCH(QString, usage);
        const CliResult result = m_sandbox->run(args);
        CLI_EXPECT(result, 0);
        QVERIFY2(result.outText().contains(usage), result.out.constData());
        QVERIFY(!QFile::exists(m_sandbox->dataDir())); // help touches nothing
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        // "@vault" becomes the sandbox's vault path at run time (the sandbox is made in init()).
        const auto row = [](const char* name, QStringList args) { QTest::newRow(name) << args; };
        row("no command", {});
        row("unknown command", {QStringLiteral("frobnicate")});
        row("kdf-mem not a power of two", {QStringLiteral("create"), QStringLiteral("@vault"),
                                           QStringLiteral("--kdf-mem"), QStringLiteral("3")});
        row("kdf-mem too big", {QStringLiteral("create"), QStringLiteral("@vault"),
                                QStringLiteral("--kdf-mem"), QStringLiteral("8192")});
        row("kdf-ops zero", {QStringLiteral("create"), QStringLiteral("@vault"),
                             QStringLiteral("--kdf-ops"), QStringLiteral("0")});
        row("kdf-ops too many", {QStringLiteral("create"), QStringLiteral("@vault"),
                                 QStringLiteral("--kdf-ops"), QStringLiteral("65")});
        row("missing vault argument", {QStringLiteral("ls")});
        row("extra argument",
            {QStringLiteral("ls"), QStringLiteral("@vault"), QStringLiteral("x")});
        row("unknown option",
            {QStringLiteral("ls"), QStringLiteral("@vault"), QStringLiteral("--bogus")});
        row("show without entry", {QStringLiteral("show"), QStringLiteral("@vault")});
        row("add without title", {QStringLiteral("add"), QStringLiteral("@vault")});
        row("favourite both ways",
            {QStringLiteral("add"), QStringLiteral("@vault"), QStringLiteral("--title"),
             QStringLiteral("t"), QStringLiteral("--favourite"), QStringLiteral("--no-favourite")});
        row("bad expiry",
            {QStringLiteral("add"), QStringLiteral("@vault"), QStringLiteral("--title"),
             QStringLiteral("t"), QStringLiteral("--expires"), QStringLiteral("2024-13-01")});
        row("field without value",
            {QStringLiteral("add"), QStringLiteral("@vault"), QStringLiteral("--title"),
             QStringLiteral("t"), QStringLiteral("--field"), QStringLiteral("novalue")});
        row("edit without changes",
            {QStringLiteral("edit"), QStringLiteral("@vault"), QStringLiteral("t")});
        row("export without output", {QStringLiteral("attachment-export"), QStringLiteral("@vault"),
                                      QStringLiteral("t"), QStringLiteral("n")});
        row("show --field with --json",
            {QStringLiteral("show"), QStringLiteral("@vault"), QStringLiteral("t"),
             QStringLiteral("--field"), QStringLiteral("password"), QStringLiteral("--json")});
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("@vault"), m_sandbox->vaultPath());
        const CliResult result = m_sandbox->run(args, {CliSandbox::MasterPassword});
        CLI_EXPECT(result, 1);
        if (!args.isEmpty())
            QVERIFY2(isOneErrorLine(result.err), result.err.constData());
        QVERIFY(!QFile::exists(m_sandbox->vaultPath()));
    }

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

    void secretInputErrors_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArrayList>("lines");
        QTest::newRow("stdin ends early")
            << QStringList{QStringLiteral("--password-prompt")} << QByteArrayList{};
        QTest::newRow("not a TOTP secret")
            << QStringList{QStringLiteral("--totp-prompt")} << QByteArrayList{"not base32!"};
    }
    void secretInputErrors() {
        QFETCH(QStringList, options);
        QFETCH(QByteArrayList, lines);
        CLI_EXPECT(m_sandbox->create(), 0);
        const CliResult result = m_sandbox->runOnVault(
            QStringLiteral("add"),
            QStringList{QStringLiteral("--title"), QStringLiteral("x")} + options, lines);
        CLI_EXPECT(result, 1);
        QVERIFY(isOneErrorLine(result.err));
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

    void wrongPasswordExits2() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const CliResult result =
            m_sandbox->run({QStringLiteral("ls"), m_sandbox->vaultPath()}, {"not the password"});
        CLI_EXPECT(result, 2);
        QVERIFY(isOneErrorLine(result.err));
    }

    void notAVault_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("text file") << QByteArray("hello, this is not a vault\n").repeated(200) << 3;
        QTest::newRow("empty file") << QByteArray() << 3;
        QTest::newRow("sqlite header")
            << QByteArray("SQLite format 3").append('\0').append(4080, 'x') << 3;
        QByteArray newer(4096, '\x5a');
        newer[0] = 2; // format version 2 with valid parameters: a newer Tessera
        newer[1] = 0;
        newer[2] = 3;
        newer[3] = 28;
        QTest::newRow("newer version") << newer << 3;
    }
    void notAVault() {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFile file(m_sandbox->vaultPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(result, exitCode);
        QVERIFY(isOneErrorLine(result.err));
    }

    void damagedOrTampered_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("sameDevice");
        QTest::addColumn<int>("exitCode");
        // A device that knows the vault recognises an edited header; a fresh device cannot tell
        // weaker parameters from a wrong password (the header is the Argon2id salt).
        QTest::newRow("header iterations, known device") << 2 << true << 3;
        QTest::newRow("header iterations, new device") << 2 << false << 2;
        QTest::newRow("second page") << 5000 << false << 3;
        QTest::newRow("first page body") << 100 << false << 3;
    }
    void damagedOrTampered() {
        QFETCH(int, offset);
        QFETCH(bool, sameDevice);
        QFETCH(int, exitCode);
        CLI_EXPECT(m_sandbox->create(), 0);
        QVERIFY(
            !m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Something")}).isEmpty());
        QFile file(m_sandbox->vaultPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(offset));
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        QVERIFY(file.seek(offset));
        QVERIFY(file.putChar(char(byte ^ 0x02))); // iterations 1 -> 3: still a valid header
        file.close();
        const QString dataDir =
            sameDevice ? QString() : m_sandbox->filePath(QStringLiteral("other"));
        const CliResult result = m_sandbox->run({QStringLiteral("ls"), m_sandbox->vaultPath()},
                                                {CliSandbox::MasterPassword}, dataDir);
        CLI_EXPECT(result, exitCode);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY(!result.out.contains("Something"));
    }

    void missingVaultFileIsAnIoError() {
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("ls")), 6);
    }

    void missingEntryExits4_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("entry");
        QTest::newRow("show by title") << QStringLiteral("show") << QStringLiteral("Nope");
        QTest::newRow("show by id") << QStringLiteral("show") << QString(32, QLatin1Char('a'));
        QTest::newRow("rm") << QStringLiteral("rm") << QStringLiteral("Nope");
        QTest::newRow("restore a live entry")
            << QStringLiteral("restore") << QStringLiteral("Present");
    }
    void missingEntryExits4() {
        QFETCH(QString, command);
        QFETCH(QString, entry);
        CLI_EXPECT(m_sandbox->create(), 0);
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Present")}).isEmpty());
        const CliResult result = m_sandbox->runOnVault(command, {entry});
        CLI_EXPECT(result, 4);
        QVERIFY(isOneErrorLine(result.err));
    }

    void ambiguousTitleListsCandidates() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const QString first =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Mail"),
                            QStringLiteral("--username"), QStringLiteral("alice")});
        const QString second =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("mail"),
                            QStringLiteral("--username"), QStringLiteral("bob")});
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("show"), {QStringLiteral("MAIL")});
        CLI_EXPECT(result, 4);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY2(result.errText().contains(first) && result.errText().contains(second),
                 result.err.constData());
        // The id picks one.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("show"), {second}), 0);
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
