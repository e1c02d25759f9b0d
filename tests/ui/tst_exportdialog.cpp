// ExportDialog: a plaintext export only after the "I understand" box is ticked, written 0600,
// never over a file the user did not choose in the file dialog, with what the format cannot hold
// listed; a Tessera export only with two matching new passwords, and it opens with that password.

#include "ExportDialog.h"
#include "SecurePasswordEdit.h"
#include "VaultFixture.h"

#include <QCheckBox>
#include <QFile>
#include <QPushButton>
#include <QTest>

#include <sys/stat.h>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::ExportDialog;

namespace {

mode_t modeOf(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_box = std::make_unique<VaultSandbox>();
        auto vault = m_box->create();
        QVERIFY(vault.ok());
        m_vault = std::move(*vault);
        VAULT_VERIFY_OK(addSampleEntries(*m_vault, 3));
        EntryChanges change;
        change.password = secret("changed");
        VAULT_VERIFY_OK(m_vault->edit(m_vault->entries().front().id, std::move(change)));
        m_device = m_box->device();
    }
    void cleanup() {
        m_vault.reset();
        m_box.reset();
    }

    void plaintextNeedsTheConfirmation() {
        const QString path = m_box->path(QStringLiteral("out.csv"));
        ExportDialog dialog(*m_vault, m_device);
        dialog.setChoice(ExportFormat::Csv, path);
        QVERIFY(dialog.plaintextConfirmation()->isVisibleTo(&dialog));
        QVERIFY(!dialog.exportButton()->isEnabled());
        dialog.runExport();
        QVERIFY(!QFile::exists(path));
        dialog.plaintextConfirmation()->setChecked(true);
        QVERIFY(dialog.exportButton()->isEnabled());
        dialog.runExport();
        QVERIFY2(dialog.errorText().startsWith(QLatin1String("Exported.")),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.isDone()); // the history did not fit into CSV: said so
        QVERIFY(dialog.warnings().join(QLatin1Char(' ')).contains(QLatin1String("history")));
        QCOMPARE(modeOf(path), mode_t(0600));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("changed"));
        dialog.runExport();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void existingFileNotReplacedUnasked() {
        const QString path = m_box->path(QStringLiteral("keep.json"));
        QVERIFY(writeFile(path, "precious"));
        ExportDialog dialog(*m_vault, m_device);
        dialog.setChoice(ExportFormat::BitwardenJson, path);
        dialog.plaintextConfirmation()->setChecked(true);
        dialog.runExport();
        QVERIFY2(dialog.errorText().contains(QLatin1String("already exists")),
                 qPrintable(dialog.errorText()));
        QCOMPARE(readFile(path), QByteArray("precious"));
    }

    void tesseraNeedsMatchingPasswords() {
        const QString path = m_box->vaultPath(QStringLiteral("exported"));
        ExportDialog dialog(*m_vault, m_device);
        dialog.setChoice(ExportFormat::Tessera, path);
        QVERIFY(!dialog.plaintextConfirmation()->isVisibleTo(&dialog));
        dialog.newPassword()->setPassword(secret("a new vault password"));
        dialog.repeatPassword()->setPassword(secret("a new vault passwore"));
        QVERIFY(!dialog.exportButton()->isEnabled());
        dialog.repeatPassword()->setPassword(secret("a new vault password"));
        QVERIFY(dialog.exportButton()->isEnabled());
        dialog.runExport();
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        VAULT_TAKE(copy, Vault::unlock(m_box->device(QStringLiteral("other")), path,
                                       secret("a new vault password")));
        QCOMPARE(copy->entries().size(), std::size_t(3));
        QVERIFY(copy->info().id != m_vault->info().id);
    }

private:
    std::unique_ptr<VaultSandbox> m_box;
    std::unique_ptr<Vault> m_vault;
    Device m_device;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
