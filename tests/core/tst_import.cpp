// Importers (core/import): each fixture in tests/data/import (written from the format's public
// documentation, or produced by the real keepassxc-cli 2.7.4) gives exactly the records in the
// .expected file beside it, every field included; malformed input is refused with the line or
// record and nothing imported; importing twice does not duplicate; a changed password updates
// the entry and keeps the old one in its history.

#include "ImportTestSupport.h"
#include "TestData.h"
#include "VaultFixture.h"

#include "import/CsvReader.h"
#include "import/Importer.h"

#include <QFile>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

Q_DECLARE_METATYPE(tessera::ImportFormat)

namespace {

// TESSERA_WRITE_EXPECTED=1 rewrites the .expected files (then review them by hand!).
bool writeExpected() {
    return qEnvironmentVariableIsSet("TESSERA_WRITE_EXPECTED");
}

Result<ParsedImport> parse(ImportFormat format, const QByteArray& bytes,
                           const ColumnMapping& mapping = {}) {
    return parseImport(format, SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size())),
                       mapping);
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ImportFormat>("format");
        QTest::addColumn<QString>("mapping");
        QTest::newRow("KeePassXC CSV (keepassxc-cli 2.7.4)")
            << "keepassxc-export.csv" << ImportFormat::KeePassXcCsv << QString();
        QTest::newRow("KeePassXC XML (keepassxc-cli 2.7.4)")
            << "keepassxc-export.xml" << ImportFormat::KeePassXml << QString();
        QTest::newRow("KeePass 2 XML")
            << "keepass2-source.xml" << ImportFormat::KeePassXml << QString();
        QTest::newRow("Bitwarden JSON")
            << "bitwarden.json" << ImportFormat::BitwardenJson << QString();
        QTest::newRow("Bitwarden CSV")
            << "bitwarden.csv" << ImportFormat::BitwardenCsv << QString();
        QTest::newRow("1Password 8 CSV")
            << "1password.csv" << ImportFormat::OnePasswordCsv << QString();
        QTest::newRow("Chrome CSV") << "chrome.csv" << ImportFormat::ChromeCsv << QString();
        QTest::newRow("Firefox CSV") << "firefox.csv" << ImportFormat::FirefoxCsv << QString();
        QTest::newRow("generic CSV with a mapping")
            << "generic.csv" << ImportFormat::GenericCsv
            << "title=Name,username=Login,password=Pass,url=Site,notes=Comment,folder=Group,"
               "tags=Labels";
    }
    void fixtures() {
        QFETCH(QString, file);
        QFETCH(ImportFormat, format);
        QFETCH(QString, mapping);
        const SecureBuffer bytes = fixtureBytes(file);
        QVERIFY2(!bytes.empty(), qPrintable(file));
        ColumnMapping map;
        if (!mapping.isEmpty()) {
            VAULT_TAKE(parsedMap, parseColumnMapping(mapping));
            map = parsedMap;
        }
        VAULT_TAKE(parsed, parseImport(format, bytes, map));
        const QByteArray dump = dumpParsed(parsed);
        const QString expectedPath =
            dataPath(QStringLiteral("import/") + file + QStringLiteral(".expected"));
        if (writeExpected())
            QVERIFY(writeFile(expectedPath, dump));
        const QByteArray expected = readFile(expectedPath);
        QVERIFY2(!expected.isEmpty(), qPrintable(expectedPath));
        QCOMPARE(dump, expected);
    }

    // The importers accept RFC 4180 in all its forms.
    void csvForms_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("notes");
        QTest::newRow("LF") << QByteArray("name,url,username,password,note\nx,,u,p1,n\n")
                            << QByteArray("p1") << QByteArray("n");
        QTest::newRow("CRLF, no final line end")
            << QByteArray("name,url,username,password,note\r\nx,,u,p1,n") << QByteArray("p1")
            << QByteArray("n");
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFname,url,username,password,note\nx,,u,p,")
                             << QByteArray("p") << QByteArray();
        QTest::newRow("quotes, commas, CRLF inside")
            << QByteArray(
                   "name,url,username,password,note\r\nx,,u,\"a,\"\"b\"\"\",\"l1\r\nl2\"\r\n")
            << QByteArray("a,\"b\"") << QByteArray("l1\r\nl2");
        QTest::newRow("blank lines between records")
            << QByteArray("name,url,username,password,note\n\n\nx,,u,p,n\n\n") << QByteArray("p")
            << QByteArray("n");
        QTest::newRow("empty quoted field")
            << QByteArray("name,url,username,password,note\nx,,u,\"\",n") << QByteArray()
            << QByteArray("n");
    }
    void csvForms() {
        QFETCH(QByteArray, csv);
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, notes);
        VAULT_TAKE(parsed, parse(ImportFormat::ChromeCsv, csv));
        QCOMPARE(parsed.records.size(), std::size_t(1));
        const EntryChanges& c = parsed.records.front().entry.changes;
        QCOMPARE(c.password ? bytesOf(*c.password) : QByteArray(), password);
        QCOMPARE(c.notes ? bytesOf(*c.notes) : QByteArray(), notes);
    }

    void malformed_data() {
        QTest::addColumn<ImportFormat>("format");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("message");
        const QByteArray header = "name,url,username,password,note\n";
        QTest::newRow("unterminated quote")
            << ImportFormat::ChromeCsv << header + "a,,u,p,n\nb,,u,\"open\nnever closed\n"
            << ErrorCode::InvalidArgument << "line 3, record 2: unterminated quoted field";
        QTest::newRow("text after a closing quote")
            << ImportFormat::ChromeCsv << header + "a,,u,\"p\"x,n\n"
            << ErrorCode::InvalidArgument
            << "line 2, record 1: unexpected text after a closing quote";
        QTest::newRow("too few columns")
            << ImportFormat::ChromeCsv << header + "a,,u,p,n\nb,,u\n"
            << ErrorCode::InvalidArgument << "line 3, record 2: 3 fields, but the header has 5";
        QTest::newRow("too many columns")
            << ImportFormat::FirefoxCsv << QByteArray("url,username,password\nu,n,p,extra\n")
            << ErrorCode::InvalidArgument << "line 2, record 1: 4 fields, but the header has 3";
        QTest::newRow("not UTF-8")
            << ImportFormat::ChromeCsv << header + "a,,u,p,n\nb,,u,caf\xE9,n\n"
            << ErrorCode::InvalidArgument << "line 3: the file is not UTF-8 text (byte 0xe9)";
        QTest::newRow("huge field")
            << ImportFormat::ChromeCsv
            << header + "a,,u," + QByteArray(MaxImportFieldBytes + 1, 'x') + ",n\n"
            << ErrorCode::InvalidArgument << "line 2, record 1: a field is larger than 1 MiB";
        QTest::newRow("wrong header")
            << ImportFormat::FirefoxCsv << QByteArray("name,login,pass\na,b,c\n")
            << ErrorCode::InvalidArgument
            << "not a Firefox export: the header has no \"url\" column";
        QTest::newRow("empty file") << ImportFormat::BitwardenCsv << QByteArray()
                                    << ErrorCode::InvalidArgument << "the file is empty";
        QTest::newRow("bad JSON") << ImportFormat::BitwardenJson
                                  << QByteArray("{\n  \"items\": [\n    {\"name\": }\n  ]\n}\n")
                                  << ErrorCode::InvalidArgument << "line 3: not valid JSON";
        QTest::newRow("encrypted Bitwarden export")
            << ImportFormat::BitwardenJson
            << QByteArray("{\"encrypted\": true, \"passwordProtected\": true, \"data\": \"2.x\"}")
            << ErrorCode::InvalidArgument << "this is an encrypted Bitwarden export";
        QTest::newRow("JSON that is not Bitwarden's")
            << ImportFormat::BitwardenJson << QByteArray("[1, 2]") << ErrorCode::InvalidArgument
            << "not a Bitwarden JSON export";
        QTest::newRow("XML with a DTD (billion laughs)")
            << ImportFormat::KeePassXml
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                          " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                          "]>\n<KeePassFile><Root><Group><Entry><String><Key>Title</Key>"
                          "<Value>&lol2;</Value></String></Entry></Group></Root></KeePassFile>\n")
            << ErrorCode::InvalidArgument << "XML with a DTD or entities is refused";
        QTest::newRow("XML with an external entity")
            << ImportFormat::KeePassXml
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "
                          "\"file:///etc/passwd\">]>\n<KeePassFile>&e;</KeePassFile>\n")
            << ErrorCode::InvalidArgument << "XML with a DTD or entities is refused";
        QTest::newRow("broken XML")
            << ImportFormat::KeePassXml
            << QByteArray("<KeePassFile>\n<Root>\n<Group><Name>x</Nme></Group>\n</Root>\n")
            << ErrorCode::InvalidArgument << "line 3: ";
        QTest::newRow("not KeePass XML") << ImportFormat::KeePassXml << QByteArray("<html/>")
                                         << ErrorCode::InvalidArgument << "not a KeePass XML file";
        QTest::newRow("huge XML value")
            << ImportFormat::KeePassXml
            << "<KeePassFile><Root><Group><Entry><String><Key>Notes</Key><Value>" +
                   QByteArray(MaxImportFieldBytes + 1, 'x') +
                   "</Value></String></Entry></Group></Root></KeePassFile>"
            << ErrorCode::TooLarge << "line 1: a value is larger than 1 MiB";
        QTest::newRow("unknown --map column")
            << ImportFormat::GenericCsv << QByteArray("A,B\n1,2\n") << ErrorCode::InvalidArgument
            << "--map: the header has no column \"Name\"";
    }
    void columnMappedTwice() {
        const auto parsed = parse(ImportFormat::GenericCsv, "Name,B\n1,2\n",
                                  {{QStringLiteral("title"), QStringLiteral("Name")},
                                   {QStringLiteral("notes"), QStringLiteral("name")}});
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(QLatin1String("mapped to two roles")),
                 qPrintable(parsed.error().message));
    }

    void malformed() {
        QFETCH(ImportFormat, format);
        QFETCH(QByteArray, input);
        QFETCH(ErrorCode, code);
        QFETCH(QString, message);
        ColumnMapping mapping;
        if (format == ImportFormat::GenericCsv)
            mapping = {{QStringLiteral("title"), QStringLiteral("Name")}};
        const auto parsed = parse(format, input, mapping);
        QVERIFY2(!parsed.ok(), "a malformed file was accepted");
        QCOMPARE(parsed.code(), code);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().message.contains(QLatin1Char('\n')));
    }

    void mappingErrors_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("no =") << "title"
                              << "\"title\" is not ROLE=COLUMN";
        QTest::newRow("unknown role") << "colour=Name"
                                      << "unknown role \"colour\"";
        QTest::newRow("twice") << "title=A,title=B"
                               << "\"title\" is mapped twice";
    }
    void mappingErrors() {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto mapping = parseColumnMapping(spec);
        QVERIFY(!mapping.ok());
        QVERIFY2(mapping.error().message.contains(message), qPrintable(mapping.error().message));
    }

    // A generic CSV without a mapping needs at least one column named like a role.
    void genericWithoutRoles() {
        const auto parsed = parse(ImportFormat::GenericCsv, "A,B\n1,2\n");
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(QLatin1String("--map")));
    }

    void reimportDoesNotDuplicate() {
        VaultSandbox box;
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(first, parseImport(ImportFormat::BitwardenJson,
                                      fixtureBytes(QStringLiteral("bitwarden.json"))));
        VAULT_TAKE(report1, importInto(*vault, std::move(first)));
        QCOMPARE(report1.count(ImportPlanItem::Action::Add), 5);
        const QByteArray before = dumpVault(*vault).value();
        VAULT_TAKE(second, parseImport(ImportFormat::BitwardenJson,
                                       fixtureBytes(QStringLiteral("bitwarden.json"))));
        VAULT_TAKE(report2, importInto(*vault, std::move(second)));
        QCOMPARE(report2.count(ImportPlanItem::Action::Add), 0);
        QCOMPARE(report2.count(ImportPlanItem::Action::Update), 0);
        QCOMPARE(report2.count(ImportPlanItem::Action::Duplicate), 5);
        QCOMPARE(vault->entries().size(), std::size_t(5));
        QCOMPARE(dumpVault(*vault).value(), before);
    }

    void changedPasswordUpdatesWithHistory() {
        VaultSandbox box;
        VAULT_TAKE(vault, box.create());
        const QByteArray header = "name,url,username,password,note\n";
        VAULT_TAKE(first,
                   parse(ImportFormat::ChromeCsv, header + "Shop,https://shop.example,me,old-pw,\n"
                                                           "Other,https://o.example,me,o,\n"));
        VAULT_TAKE(r1, importInto(*vault, std::move(first)));
        QCOMPARE(r1.count(ImportPlanItem::Action::Add), 2);
        // Same title, username and URL, new password: an update; the title is matched without
        // regard to case.
        VAULT_TAKE(second, parse(ImportFormat::ChromeCsv,
                                 header + "shop,https://shop.example,me,new-pw,\n"
                                          "Other,https://o.example,me,o,\n"
                                          "Shop,https://shop.example,someone else,x,\n"));
        VAULT_TAKE(plan, planImport(*vault, second));
        QCOMPARE(plan.count(ImportPlanItem::Action::Update), 1);
        QCOMPARE(plan.count(ImportPlanItem::Action::Duplicate), 1);
        QCOMPARE(plan.count(ImportPlanItem::Action::Add), 1);
        QCOMPARE(vault->entries().size(), std::size_t(2)); // planning changed nothing
        VAULT_TAKE(r2, importInto(*vault, std::move(second)));
        QCOMPARE(vault->entries().size(), std::size_t(3));
        const EntryId shop = r2.items.front().existing;
        VAULT_TAKE(details, vault->details(shop));
        QCOMPARE(bytesOf(details.password.value), QByteArray("new-pw"));
        QVERIFY(findHistory(details, QStringLiteral("password"), "old-pw"));
        // The same file a third time: nothing left to do.
        VAULT_TAKE(third, parse(ImportFormat::ChromeCsv,
                                header + "shop,https://shop.example,me,new-pw,\n"));
        VAULT_TAKE(r3, importInto(*vault, std::move(third)));
        QCOMPARE(r3.count(ImportPlanItem::Action::Duplicate), 1);
    }

    // A batch that fails half-way leaves the vault as it was.
    void allOrNothing() {
        VaultSandbox box;
        VAULT_TAKE(vault, box.create());
        VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
        const QByteArray before = dumpVault(*vault).value();
        VAULT_TAKE(parsed,
                   parse(ImportFormat::ChromeCsv, "name,url,username,password\na,,u,p\nb,,u,p\n"));
        IncomingAttachment huge{QStringLiteral("big.bin"),
                                SecureBuffer(std::size_t(MaxAttachmentBytes) + 1)};
        parsed.records.back().entry.attachments.push_back(std::move(huge));
        const auto result = importInto(*vault, std::move(parsed));
        QVERIFY(!result.ok());
        QCOMPARE(result.code(), ErrorCode::TooLarge);
        QCOMPARE(dumpVault(*vault).value(), before);
        VAULT_TAKE(reopened, box.unlock());
        QCOMPARE(reopened->entries().size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
