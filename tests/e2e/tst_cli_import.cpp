// tessera-cli import and export end to end: an import and its report, --dry-run changing
// nothing, a second import adding nothing, a malformed file refused with its line and nothing
// imported, --map; plaintext exports refused without --i-understand-plaintext, written 0600,
// never over an existing file without --force, and imported back; a Tessera export that opens
// with its own password only.

#include "CliSandbox.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

namespace {

const QByteArray ChromeCsv = "name,url,username,password,note\n"
                             "Shop,https://shop.example,me,shop-pass,\"two\nlines\"\n"
                             "Mail,https://mail.example,me@mail.example,mail-pass,\n";
const QByteArray NewVaultPassword = "another long passphrase for the copy";

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

mode_t modeOf(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

class TestCliImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
        m_csv = m_sandbox->filePath(QStringLiteral("chrome.csv"));
        QVERIFY(writeFile(m_csv, ChromeCsv));
    }
    void cleanup() { m_sandbox.reset(); }

    void importReportsAndDoesNotDuplicate() {
        const QStringList args{QStringLiteral("--format"), QStringLiteral("chrome-csv"), m_csv};
        const CliResult dry = m_sandbox->runOnVault(
            QStringLiteral("import"), args + QStringList{QStringLiteral("--dry-run")});
        CLI_EXPECT(dry, 0);
        QVERIFY2(dry.out.contains("would import 2 new"), dry.out.constData());
        QVERIFY(dry.out.contains("add        Shop (me)"));
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("ls")), 0);
        QVERIFY(m_sandbox->runOnVault(QStringLiteral("ls")).out.trimmed().isEmpty());

        const CliResult first = m_sandbox->runOnVault(QStringLiteral("import"), args);
        CLI_EXPECT(first, 0);
        QVERIFY2(first.out.contains("Imported 2 new, 0 updated"), first.out.constData());
        const CliResult shown = m_sandbox->runOnVault(
            QStringLiteral("show"), {QStringLiteral("Shop"), QStringLiteral("--show-protected")});
        CLI_EXPECT(shown, 0);
        QVERIFY2(shown.out.contains("shop-pass") && shown.out.contains("two"),
                 shown.out.constData());

        const CliResult second = m_sandbox->runOnVault(QStringLiteral("import"), args);
        CLI_EXPECT(second, 0);
        QVERIFY2(second.out.contains(
                     "Imported 0 new, 0 updated (old values kept in their history), 2 duplicate"),
                 second.out.constData());
        const QByteArray list = m_sandbox->runOnVault(QStringLiteral("ls")).out;
        QCOMPARE(list.count('\n'), 2);
    }

    void malformedFileImportsNothing_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("unterminated quote")
            << ChromeCsv + "Bank,https://bank.example,me,\"open\n"
            << QByteArray("line 5, record 3: unterminated quoted field");
        QTest::newRow("not UTF-8") << ChromeCsv + "Caf\xE9,,me,p,\n"
                                   << QByteArray("line 5: the file is not UTF-8 text");
        QTest::newRow("missing column")
            << ChromeCsv + "Bank,https://bank.example\n"
            << QByteArray("line 5, record 3: 2 fields, but the header has 5");
    }
    void malformedFileImportsNothing() {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, error);
        QVERIFY(writeFile(m_csv, content));
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("import"), {QStringLiteral("--format"),
                                                             QStringLiteral("chrome-csv"), m_csv});
        CLI_EXPECT(result, 1);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY2(result.err.contains(error), result.err.constData());
        QVERIFY(m_sandbox->runOnVault(QStringLiteral("ls")).out.trimmed().isEmpty());
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("no format") << QStringList{} << QByteArray("--format FORMAT is required");
        QTest::newRow("unknown format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("lastpass")}
            << QByteArray("unknown import format \"lastpass\"");
        QTest::newRow("--map for another format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("chrome-csv"),
                           QStringLiteral("--map"), QStringLiteral("title=name")}
            << QByteArray("--map is only for --format csv");
        QTest::newRow("bad --map")
            << QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                           QStringLiteral("--map"), QStringLiteral("colour=name")}
            << QByteArray("unknown role \"colour\"");
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, error);
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("import"), args + QStringList{m_csv});
        CLI_EXPECT(result, 1);
        QVERIFY2(result.err.contains(error), result.err.constData());
    }

    void genericCsvWithMap() {
        const QString csv = m_sandbox->filePath(QStringLiteral("generic.csv"));
        QVERIFY(writeFile(
            csv, "Name,Login,Secret,Where,Colour\nRouter,admin,r0uter,http://10.0.0.1,blue\n"));
        const CliResult result = m_sandbox->runOnVault(
            QStringLiteral("import"),
            {QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--map"),
             QStringLiteral("title=Name,username=Login,password=Secret,url=Where"), csv});
        CLI_EXPECT(result, 0);
        const CliResult shown = m_sandbox->runOnVault(
            QStringLiteral("show"), {QStringLiteral("Router"), QStringLiteral("--show-protected")});
        QVERIFY2(shown.out.contains("r0uter") && shown.out.contains("Colour") &&
                     shown.out.contains("blue"),
                 shown.out.constData());
    }

    void plaintextExportNeedsTheFlag() {
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("import"), {QStringLiteral("--format"),
                                                             QStringLiteral("chrome-csv"), m_csv}),
            0);
        const QString out = m_sandbox->filePath(QStringLiteral("out.csv"));
        const CliResult refused = m_sandbox->runOnVault(
            QStringLiteral("export"),
            {QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), out});
        CLI_EXPECT(refused, 1);
        QVERIFY2(refused.err.contains("--i-understand-plaintext"), refused.err.constData());
        QVERIFY(!QFileInfo::exists(out));

        const QStringList args{QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("--output"), out,
                               QStringLiteral("--i-understand-plaintext")};
        const CliResult written = m_sandbox->runOnVault(QStringLiteral("export"), args);
        CLI_EXPECT(written, 0);
        QCOMPARE(modeOf(out), mode_t(0600));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.contains("shop-pass") && csv.contains("\"two\nlines\""), csv.constData());

        // Never over an existing file without --force; with it, still 0600.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("export"), args), 6);
        QVERIFY(
            QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("export"),
                                         args + QStringList{QStringLiteral("--force")}),
                   0);
        QCOMPARE(modeOf(out), mode_t(0600));

        // To stdout, with the warnings on stderr.
        const CliResult toStdout = m_sandbox->runOnVault(
            QStringLiteral("export"), {QStringLiteral("--format"), QStringLiteral("bitwarden-json"),
                                       QStringLiteral("--i-understand-plaintext")});
        CLI_EXPECT(toStdout, 0);
        QVERIFY(parseJson(toStdout.out).isObject());

        // And back into another vault.
        const QString copy = m_sandbox->vaultPath(QStringLiteral("copy"));
        CLI_EXPECT(m_sandbox->create(CliSandbox::MasterPassword, copy), 0);
        const CliResult back =
            m_sandbox->run({QStringLiteral("import"), copy, QStringLiteral("--format"),
                            QStringLiteral("csv"), out},
                           {CliSandbox::MasterPassword});
        CLI_EXPECT(back, 0);
        QVERIFY2(back.out.contains("Imported 2 new"), back.out.constData());
    }

    void tesseraExport() {
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("import"), {QStringLiteral("--format"),
                                                             QStringLiteral("chrome-csv"), m_csv}),
            0);
        const QString copy = m_sandbox->vaultPath(QStringLiteral("exported"));
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("export"),
                                  {QStringLiteral("--format"), QStringLiteral("tessera"),
                                   QStringLiteral("--output"), copy},
                                  {NewVaultPassword});
        CLI_EXPECT(result, 0);
        QVERIFY2(result.out.contains("Exported 2 entries to a new vault"), result.out.constData());
        // The new password opens it (the old one does not), with everything in it.
        const CliResult shown =
            m_sandbox->run({QStringLiteral("show"), copy, QStringLiteral("Shop"),
                            QStringLiteral("--show-protected")},
                           {NewVaultPassword});
        CLI_EXPECT(shown, 0);
        QVERIFY(shown.out.contains("shop-pass"));
        CLI_EXPECT(m_sandbox->run({QStringLiteral("ls"), copy}, {CliSandbox::MasterPassword}), 2);
        // Its own id: not a replica of the original.
        const QByteArray original = m_sandbox->runOnVault(QStringLiteral("info")).out;
        const QByteArray exported =
            m_sandbox->run({QStringLiteral("info"), copy}, {NewVaultPassword}).out;
        QVERIFY(!original.isEmpty() && !exported.isEmpty());
        const auto idLine = [](const QByteArray& info) {
            for (const QByteArray& line : info.split('\n'))
                if (line.contains("Id") || line.contains("id:"))
                    return line;
            return QByteArray();
        };
        QVERIFY2(!idLine(original).isEmpty() && idLine(original) != idLine(exported),
                 (original + exported).constData());
        // Never over an existing file.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("export"),
                                         {QStringLiteral("--format"), QStringLiteral("tessera"),
                                          QStringLiteral("--output"), copy},
                                         {NewVaultPassword}),
                   6);
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
    QString m_csv;
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
