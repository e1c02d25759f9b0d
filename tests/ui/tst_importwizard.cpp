// ImportWizard: the preview lists every record with what will happen to it (new, update,
// duplicate), skipped records and warnings; the generic CSV's columns come from the file's
// header; a malformed file shows its line and imports nothing; Import applies it all at once.

#include "ImportWizard.h"
#include "VaultFixture.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::ImportWizard;

namespace {

const QByteArray ChromeCsv = "name,url,username,password,note\n"
                             "Shop,https://shop.example,me,shop-pass,\n"
                             "Mail,https://mail.example,me,mail-pass,\n"
                             ",,,,\n";

} // namespace

class TestImportWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_box = std::make_unique<VaultSandbox>();
        auto vault = m_box->create();
        QVERIFY(vault.ok());
        m_vault = std::move(*vault);
        m_applied = 0;
    }
    void cleanup() {
        m_vault.reset();
        m_box.reset();
    }

    void previewThenImport() {
        EntryChanges existing;
        existing.title = QStringLiteral("Shop");
        existing.username = QStringLiteral("me");
        existing.urls = QStringList{QStringLiteral("https://shop.example")};
        existing.password = secret("shop-pass");
        VAULT_VERIFY_OK(m_vault->add(std::move(existing)));
        const QString path = m_box->path(QStringLiteral("chrome.csv"));
        QVERIFY(writeFile(path, ChromeCsv));

        ImportWizard wizard(*m_vault, apply());
        wizard.setSource(ImportFormat::ChromeCsv, path);
        wizard.showPreview();
        QVERIFY2(wizard.errorText().isEmpty(), qPrintable(wizard.errorText()));
        QTableWidget* table = wizard.previewTable();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Shop"));
        QVERIFY(table->item(0, 0)->text().startsWith(QLatin1String("Duplicate")));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("New"));
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("record 2 (line 3)"));
        QCOMPARE(m_vault->entries().size(), std::size_t(1)); // the preview changed nothing

        wizard.runImport();
        QCOMPARE(wizard.QDialog::result(), int(QDialog::Accepted));
        QCOMPARE(m_applied, 1);
        QVERIFY(wizard.importReport().has_value());
        QCOMPARE(wizard.importReport()->count(ImportPlanItem::Action::Add), 1);
        QCOMPARE(wizard.importReport()->skipped.size(), std::size_t(1));
        QCOMPARE(m_vault->entries().size(), std::size_t(2));
    }

    void genericCsvColumnsFromTheHeader() {
        const QString path = m_box->path(QStringLiteral("generic.csv"));
        QVERIFY(writeFile(path, "Name,Login,Secret,Colour\nRouter,admin,r0uter,blue\n"));
        ImportWizard wizard(*m_vault, apply());
        wizard.setSource(ImportFormat::GenericCsv, path);
        auto* titleColumn = wizard.findChild<QComboBox*>();
        QVERIFY(titleColumn);
        wizard.setMapping({{QStringLiteral("title"), QStringLiteral("Name")},
                           {QStringLiteral("username"), QStringLiteral("Login")},
                           {QStringLiteral("password"), QStringLiteral("Secret")}});
        wizard.showPreview();
        QVERIFY2(wizard.errorText().isEmpty(), qPrintable(wizard.errorText()));
        QCOMPARE(wizard.previewTable()->rowCount(), 1);
        QCOMPARE(wizard.previewTable()->item(0, 1)->text(), QStringLiteral("Router"));
        QCOMPARE(wizard.previewTable()->item(0, 2)->text(), QStringLiteral("admin"));
        wizard.runImport();
        const EntryOverview& entry = m_vault->entries().front();
        VAULT_TAKE(details, m_vault->details(entry.id));
        QCOMPARE(bytesOf(details.password.value), QByteArray("r0uter"));
        QCOMPARE(details.liveFields().size(), std::size_t(1)); // Colour, as a custom field
        QCOMPARE(details.liveFields().front()->name, QStringLiteral("Colour"));
    }

    void malformedFileImportsNothing() {
        const QString path = m_box->path(QStringLiteral("bad.csv"));
        QVERIFY(writeFile(path, ChromeCsv + "x,,u,\"never closed\n"));
        ImportWizard wizard(*m_vault, apply());
        wizard.setSource(ImportFormat::ChromeCsv, path);
        wizard.showPreview();
        QVERIFY2(wizard.errorText().contains(QLatin1String("line 5, record 4: unterminated")),
                 qPrintable(wizard.errorText()));
        QCOMPARE(wizard.previewTable()->rowCount(), 0);
        wizard.runImport(); // nothing parsed: nothing to apply
        QCOMPARE(m_applied, 0);
        QVERIFY(m_vault->entries().empty());
    }

private:
    ImportWizard::ImportFunction apply() {
        return [this](ParsedImport parsed) {
            ++m_applied;
            return importInto(*m_vault, std::move(parsed));
        };
    }

    std::unique_ptr<VaultSandbox> m_box;
    std::unique_ptr<Vault> m_vault;
    int m_applied = 0;
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
