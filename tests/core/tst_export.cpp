// Exports (core/export): every plaintext format, imported back into a new vault, gives the same
// entries field by field, as far as the format can hold them (history, attachments, tags, ...
// where it can); the KeePass XML is accepted by the REAL keepassxc-cli (Debian's keepassxc
// package) with folders, custom fields, TOTP, history and attachments intact; a Tessera export is
// a new vault (own id and key) under its own password with everything in it.

#include "ImportTestSupport.h"
#include "VaultFixture.h"

#include "export/Exporter.h"
#include "import/Importer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

Q_DECLARE_METATYPE(tessera::ImportFormat)
Q_DECLARE_METATYPE(tessera::ExportFormat)
Q_DECLARE_METATYPE(tessera::test::Fidelity)

namespace {

constexpr int SampleCount = 6;
const QByteArray KeePassPassword = "keepassxc test password";

// Sample entries plus what exports find hard: quotes, commas, line breaks (LF and CRLF), XML
// specials, non-ASCII, a bare base32 TOTP, history, an attachment, a trashed entry.
Status populate(Vault& vault, FixedClock& clock) {
    auto ids = addSampleEntries(vault, SampleCount);
    if (!ids)
        return ids.error();
    EntryChanges odd;
    odd.title = QStringLiteral("Ünïcödé \"quoted\", <tag> & co");
    odd.username = QStringLiteral("o'neil, jr");
    odd.urls = QStringList{QStringLiteral("https://odd.example/?a=1&b=2")};
    odd.folder = QStringLiteral("Deep/Er/Folder");
    odd.tags = QStringList{QStringLiteral("x y"), QStringLiteral("z")};
    odd.password = secret("p\"a,s;s<w>o&r'd\\ ünï");
    odd.notes = secret("line 1\nline 2, \"two\"\r\nline 3 <b>&amp;</b>\ttab");
    odd.totp = secret("JBSWY3DPEHPK3PXP");
    odd.fields.push_back({QStringLiteral("Multi-line"), secret("a\nb"), false});
    odd.fields.push_back({QStringLiteral("Secret, field"), secret("s\"e\"c"), true});
    auto oddId = vault.add(std::move(odd));
    if (!oddId)
        return oddId.error();
    clock.advance(Minute);
    EntryChanges change;
    change.password = secret("second password");
    TESSERA_TRY(vault.edit(ids->at(1), std::move(change)));
    clock.advance(Minute);
    EntryChanges again;
    again.password = secret("third password");
    again.notes = secret("changed notes");
    TESSERA_TRY(vault.edit(ids->at(1), std::move(again)));
    auto attached =
        vault.attach(ids->at(2), QStringLiteral("scan.pdf"), secret("%PDF-1.4 \x01\x02"));
    if (!attached)
        return attached.error();
    TESSERA_TRY(vault.trash(ids->at(3)));
    return {};
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<ExportFormat>("exportFormat");
        QTest::addColumn<ImportFormat>("importFormat");
        QTest::addColumn<Fidelity>("fidelity");
        QTest::addColumn<QStringList>("warnings"); // what the export must say it left out
        Fidelity csv;
        csv.history = csv.passwordHistory = csv.attachments = false;
        QTest::newRow("csv") << ExportFormat::Csv << ImportFormat::GenericCsv << csv
                             << QStringList{QStringLiteral("history item(s) not exported"),
                                            QStringLiteral("attachment(s) not exported")};
        Fidelity keepassxcCsv;
        keepassxcCsv.allUrls = keepassxcCsv.tags = keepassxcCsv.favourite = false;
        keepassxcCsv.expiry = keepassxcCsv.fields = keepassxcCsv.history = false;
        keepassxcCsv.passwordHistory = keepassxcCsv.attachments = false;
        QTest::newRow("keepassxc-csv")
            << ExportFormat::KeePassXcCsv << ImportFormat::KeePassXcCsv << keepassxcCsv
            << QStringList{QStringLiteral("additional URL(s) not exported"),
                           QStringLiteral("custom field(s) not exported"),
                           QStringLiteral("history item(s) not exported"),
                           QStringLiteral("favourite mark(s) not exported")};
        Fidelity keepassXml;
        keepassXml.favourite = false;
        QTest::newRow("keepass-xml")
            << ExportFormat::KeePassXml << ImportFormat::KeePassXml << keepassXml
            << QStringList{QStringLiteral("favourite mark(s) not exported")};
        Fidelity bitwarden;
        bitwarden.tags = bitwarden.expiry = bitwarden.history = bitwarden.attachments = false;
        bitwarden.ignoredFields = {QStringLiteral("Tags"), QStringLiteral("Expires")};
        QTest::newRow("bitwarden-json")
            << ExportFormat::BitwardenJson << ImportFormat::BitwardenJson << bitwarden
            << QStringList{QStringLiteral("history item(s) of fields other than the password"),
                           QStringLiteral("attachment(s) not exported")};
    }
    void roundTrip() {
        QFETCH(ExportFormat, exportFormat);
        QFETCH(ImportFormat, importFormat);
        QFETCH(Fidelity, fidelity);
        QFETCH(QStringList, warnings);
        VaultSandbox box;
        VAULT_TAKE(source, box.create());
        VAULT_VERIFY_OK(populate(*source, box.clock()));
        VAULT_TAKE(exported, exportPlaintext(*source, exportFormat));
        QCOMPARE(exported.entries, SampleCount + 1);
        for (const QString& warning : warnings)
            QVERIFY2(exported.warnings.join(QLatin1Char('\n')).contains(warning),
                     qPrintable(exported.warnings.join(QStringLiteral("; "))));

        VAULT_TAKE(parsed, parseImport(importFormat, exported.bytes));
        QVERIFY2(parsed.skipped.empty(),
                 parsed.skipped.empty() ? "" : qPrintable(parsed.skipped.front().reason));
        VAULT_TAKE(copy, box.create(QStringLiteral("b"), VaultSandbox::MasterPassword,
                                    QStringLiteral("copy")));
        VAULT_TAKE(report, importInto(*copy, std::move(parsed)));
        QCOMPARE(report.count(ImportPlanItem::Action::Add), SampleCount + 1);
        VAULT_TAKE(expected, dumpVaultFor(*source, fidelity));
        VAULT_TAKE(actual, dumpVaultFor(*copy, fidelity));
        QVERIFY2(actual == expected, firstDifference(actual, expected).constData());

        // The export imported again adds nothing.
        VAULT_TAKE(again, parseImport(importFormat, exported.bytes));
        VAULT_TAKE(second, importInto(*copy, std::move(again)));
        QCOMPARE(second.count(ImportPlanItem::Action::Add), 0);
        QCOMPARE(second.count(ImportPlanItem::Action::Duplicate), SampleCount + 1);
    }

    // The real keepassxc-cli imports our KeePass XML; what it exports again (its own XML) holds
    // every folder, custom field, TOTP, history item and attachment.
    void keepassxcCliAcceptsOurXml() {
        const QString cli = QStandardPaths::findExecutable(QStringLiteral("keepassxc-cli"));
        if (cli.isEmpty())
            QSKIP("keepassxc-cli is not installed (Debian package keepassxc; .ci/dev installs it)");
        VaultSandbox box;
        VAULT_TAKE(source, box.create());
        VAULT_VERIFY_OK(populate(*source, box.clock()));
        VAULT_TAKE(exported, exportPlaintext(*source, ExportFormat::KeePassXml));
        const QString xml = box.path(QStringLiteral("export.xml"));
        const QString kdbx = box.path(QStringLiteral("imported.kdbx"));
        QVERIFY(writeFile(xml, bytesOf(exported.bytes)));

        QProcess import;
        import.start(cli, {QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("-p"),
                           QStringLiteral("-t"), QStringLiteral("100"), xml, kdbx});
        import.write(KeePassPassword + '\n' + KeePassPassword + '\n');
        import.closeWriteChannel();
        QVERIFY(import.waitForFinished(60000));
        QVERIFY2(import.exitStatus() == QProcess::NormalExit && import.exitCode() == 0,
                 import.readAllStandardError().constData());

        QProcess list;
        list.start(cli, {QStringLiteral("ls"), QStringLiteral("-q"), QStringLiteral("-R"),
                         QStringLiteral("-f"), kdbx});
        list.write(KeePassPassword + '\n');
        list.closeWriteChannel();
        QVERIFY(list.waitForFinished(60000));
        const QByteArray paths = list.readAllStandardOutput();
        QVERIFY2(paths.contains("Deep/Er/Folder/"), paths.constData());

        QProcess show;
        show.start(cli, {QStringLiteral("show"), QStringLiteral("-q"), QStringLiteral("-t"), kdbx,
                         QStringLiteral("Deep/Er/Folder/") +
                             QString::fromUtf8("Ünïcödé \"quoted\", <tag> & co")});
        show.write(KeePassPassword + '\n');
        show.closeWriteChannel();
        QVERIFY(show.waitForFinished(60000));
        // KeePassXC computes a current code from the TOTP it read: six digits.
        QVERIFY2(show.exitCode() == 0 &&
                     QByteArray(show.readAllStandardOutput()).trimmed().size() == 6,
                 show.readAllStandardError().constData());

        QProcess back;
        back.start(cli, {QStringLiteral("export"), QStringLiteral("-q"), QStringLiteral("-f"),
                         QStringLiteral("xml"), kdbx});
        back.write(KeePassPassword + '\n');
        back.closeWriteChannel();
        QVERIFY(back.waitForFinished(60000));
        QVERIFY2(back.exitCode() == 0, back.readAllStandardError().constData());
        const QByteArray theirs = back.readAllStandardOutput();

        VAULT_TAKE(parsed, parseImport(ImportFormat::KeePassXml,
                                       SecureBuffer::copyOf(theirs.constData(),
                                                            std::size_t(theirs.size()))));
        VAULT_TAKE(copy, box.create(QStringLiteral("b"), VaultSandbox::MasterPassword,
                                    QStringLiteral("copy")));
        VAULT_VERIFY_OK(importInto(*copy, std::move(parsed)));
        Fidelity fidelity;
        fidelity.favourite = false; // KeePass has no favourites
        VAULT_TAKE(expected, dumpVaultFor(*source, fidelity));
        VAULT_TAKE(actual, dumpVaultFor(*copy, fidelity));
        // KeePassXC stores line ends as LF: the one change it makes to what it was given.
        expected.replace("\\r\\n", "\\n");
        QVERIFY2(actual == expected, firstDifference(actual, expected).constData());
    }

    void tesseraExportIsANewVault() {
        VaultSandbox box;
        VAULT_TAKE(source, box.create());
        VAULT_VERIFY_OK(populate(*source, box.clock()));
        const QString path = box.vaultPath(QStringLiteral("exported"));
        const Device device = box.device();
        VAULT_TAKE(info,
                   exportToNewVault(*source, device, path, secret("new vault password"), FastKdf));
        QVERIFY(info.id != source->info().id);
        QCOMPARE(info.entryCount + info.trashedCount, SampleCount + 1);
        QCOMPARE(info.trashedCount, 1);

        // Opened on another device with the new password only: everything is there.
        VAULT_TAKE(copy, Vault::unlock(box.device(QStringLiteral("c")), path,
                                       secret("new vault password")));
        QCOMPARE(copy->info().name, source->info().name);
        const Fidelity everything;
        VAULT_TAKE(expected, dumpVaultFor(*source, everything));
        VAULT_TAKE(actual, dumpVaultFor(*copy, everything));
        QVERIFY2(actual == expected, firstDifference(actual, expected).constData());
        // The old password does not open it.
        const auto wrong = Vault::unlock(box.device(QStringLiteral("d")), path,
                                         secret(VaultSandbox::MasterPassword));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.code(), ErrorCode::WrongPassword);
        // An existing file is never overwritten.
        const auto again = exportToNewVault(*source, device, path, secret("x"), FastKdf);
        QVERIFY(!again.ok());
        QCOMPARE(again.code(), ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
