// tessera-cli end to end: --version, help for the program and every command, usage errors
// (exit 1) and bad secret input.

#include "CliSandbox.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

const QStringList Commands = {
    QStringLiteral("create"), QStringLiteral("info"),   QStringLiteral("ls"),
    QStringLiteral("search"), QStringLiteral("show"),   QStringLiteral("add"),
    QStringLiteral("edit"),   QStringLiteral("rm"),     QStringLiteral("restore"),
    QStringLiteral("passwd"), QStringLiteral("attach"), QStringLiteral("attachment-export"),
    QStringLiteral("detach")};

} // namespace

class TestCliUsage : public QObject {
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

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
