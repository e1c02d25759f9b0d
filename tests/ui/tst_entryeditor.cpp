// EntryEditor over a real vault: every field set through the dialog's widgets is what the vault
// holds after saving (new entry and edit), the history lists replaced values and puts an old
// password back, bad input (no title, a TOTP secret parseTotp refuses, two fields of one name)
// gives a one-line error and saves nothing, and locking closes the dialog with its fields wiped.
#include "AttachmentsEditor.h"
#include "CustomFieldsEditor.h"
#include "EntryEditor.h"
#include "GeneratorDialog.h"
#include "HistoryView.h"
#include "SecurePasswordEdit.h"
#include "ViewFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryEditor;

namespace {

QByteArray bytes(const SecureBuffer& buffer) {
    return bytesOf(buffer);
}

} // namespace

class TestEntryEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_files.isValid());
    }

    void newEntryRoundTrip() {
        ViewFixture f;
        QVERIFY2(f.open(2), qPrintable(f.error()));
        EntryEditor editor(*f.controller, *f.settings, {});
        QVERIFY(editor.isNewEntry());
        QTest::keyClicks(editor.titleEdit(), QStringLiteral("Bank of Tessera"));
        QTest::keyClicks(editor.usernameEdit(), QStringLiteral("alice"));
        QTest::keyClicks(editor.passwordEdit(), QStringLiteral("correct horse battery"));
        editor.addUrl(QStringLiteral("https://bank.example/login"));
        editor.addUrl(QStringLiteral("bank.example"));
        editor.addUrl(QStringLiteral("   ")); // blank rows are dropped
        editor.tagsEdit()->setText(QStringLiteral("finance, important,finance"));
        editor.folderBox()->setCurrentText(QStringLiteral("Money/Banks/"));
        editor.favouriteBox()->setChecked(true);
        editor.expiresBox()->setChecked(true);
        editor.expiresDate()->setDate(QDate(2031, 5, 17));
        QTest::keyClicks(editor.totpEdit(), QStringLiteral("JBSWY3DPEHPK3PXP"));
        editor.notesEdit()->setPlainText(QStringLiteral("Branch: Main St.\nPIN letter in drawer"));
        const int plain = editor.customFields()->addField();
        editor.customFields()->nameEdit(plain)->setText(QStringLiteral("Account"));
        QTest::keyClicks(editor.customFields()->valueEdit(plain), QStringLiteral("DE89 3704"));
        const int hidden = editor.customFields()->addField();
        editor.customFields()->nameEdit(hidden)->setText(QStringLiteral("Online PIN"));
        editor.customFields()->valueEdit(hidden)->setPassword(secret("4711"));
        editor.customFields()->protectedBox(hidden)->setChecked(true);
        QVERIFY(!editor.customFields()->valueEdit(hidden)->isRevealed());
        const QString file = m_files.filePath(QStringLiteral("statement.pdf"));
        QVERIFY(writeFile(file, QByteArray("%PDF-1.4 statement\0bytes", 24)));
        VAULT_VERIFY_OK(editor.attachments()->addFile(file));

        QVERIFY2(editor.save(), qPrintable(editor.errorLabel()->text()));
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        const EntryId id = editor.entryId();
        QVERIFY(!id.isEmpty());
        // Saving wiped the dialog's secrets.
        QVERIFY(editor.passwordEdit()->isEmpty());
        QVERIFY(editor.totpEdit()->isEmpty());
        QVERIFY(editor.notesEdit()->toPlainText().isEmpty());

        const Vault& vault = *f.controller->vault();
        const EntryOverview* entry = vault.entry(id);
        QVERIFY(entry);
        QCOMPARE(entry->title.value, QStringLiteral("Bank of Tessera"));
        QCOMPARE(entry->username.value, QStringLiteral("alice"));
        QStringList urls = entry->urlList(); // a set: the vault keeps its own order
        urls.sort();
        QCOMPARE(urls, (QStringList{QStringLiteral("bank.example"),
                                    QStringLiteral("https://bank.example/login")}));
        QCOMPARE(entry->tagList(),
                 (QStringList{QStringLiteral("finance"), QStringLiteral("important")}));
        QCOMPARE(entry->folder.value, QStringLiteral("Money/Banks"));
        QVERIFY(entry->favourite.value);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(entry->expires.value).date(), QDate(2031, 5, 17));
        VAULT_TAKE(details, vault.details(id));
        QCOMPARE(bytes(details.password.value), QByteArray("correct horse battery"));
        QCOMPARE(bytes(details.totp.value), QByteArray("JBSWY3DPEHPK3PXP"));
        QCOMPARE(bytes(details.notes.value), QByteArray("Branch: Main St.\nPIN letter in drawer"));
        const auto fields = details.liveFields();
        QCOMPARE(int(fields.size()), 2);
        QCOMPARE(fields[0]->name, QStringLiteral("Account"));
        QCOMPARE(bytes(fields[0]->value), QByteArray("DE89 3704"));
        QVERIFY(!fields[0]->isProtected);
        QCOMPARE(fields[1]->name, QStringLiteral("Online PIN"));
        QCOMPARE(bytes(fields[1]->value), QByteArray("4711"));
        QVERIFY(fields[1]->isProtected);
        QVERIFY(details.history.empty());
        VAULT_TAKE(files, vault.attachments(id));
        QCOMPARE(int(files.size()), 1);
        QCOMPARE(files[0].name, QStringLiteral("statement.pdf"));
        VAULT_TAKE(content, vault.attachmentContent(id, QStringLiteral("statement.pdf")));
        QCOMPARE(bytes(content), QByteArray("%PDF-1.4 statement\0bytes", 24));
    }

    void editLoadsAndSaves() {
        ViewFixture f;
        QVERIFY2(f.open(3), qPrintable(f.error()));
        const EntryId id = f.ids()[2]; // Deutsche Bank 2: two URLs, PIN, no TOTP
        const QByteArray oldPassword = f.passwordOf(id);
        {
            EntryEditor editor(*f.controller, *f.settings, id);
            QCOMPARE(editor.titleEdit()->text(), sampleTitle(2));
            QCOMPARE(bytes(editor.passwordEdit()->password()), oldPassword);
            QCOMPARE(editor.urlList()->count(), 2);
            QCOMPARE(editor.folderBox()->currentText(), QStringLiteral("Personal/Finance"));
            QVERIFY(
                editor.notesEdit()->toPlainText().startsWith(QStringLiteral("Notes for entry 2")));
            QCOMPARE(editor.customFields()->rowCount(), 2);
            QVERIFY(!editor.favouriteBox()->isChecked());
            editor.passwordEdit()->setPassword(secret("n3w-p4ssw0rd"));
            // Remove the PIN and the second URL; untouched fields stay as they were.
            for (int r = 0; r < editor.customFields()->rowCount(); ++r)
                if (editor.customFields()->nameEdit(r)->text() == QLatin1String("PIN"))
                    editor.customFields()->removeField(r);
            delete editor.urlList()->item(1);
            QVERIFY2(editor.save(), qPrintable(editor.errorLabel()->text()));
        }
        const Vault& vault = *f.controller->vault();
        QCOMPARE(vault.entry(id)->urlList().size(), 1);
        VAULT_TAKE(details, vault.details(id));
        QCOMPARE(bytes(details.password.value), QByteArray("n3w-p4ssw0rd"));
        QCOMPARE(int(details.liveFields().size()), 1);
        QVERIFY(findHistory(details, QStringLiteral("password"), oldPassword));
        QVERIFY(bytes(details.notes.value).startsWith("Notes for entry 2"));

        // The history lists the old password; "Use this password" puts it back.
        EntryEditor editor(*f.controller, *f.settings, id);
        QTreeWidget* tree = editor.history()->tree();
        int passwordRow = -1;
        for (int r = 0; r < tree->topLevelItemCount(); ++r)
            if (tree->topLevelItem(r)->text(1) == QLatin1String("Password"))
                passwordRow = r;
        QVERIFY(passwordRow >= 0);
        tree->setCurrentItem(tree->topLevelItem(passwordRow));
        QCOMPARE(tree->topLevelItem(passwordRow)->text(2), QString(8, QChar(0x2022)));
        editor.history()->revealSelected(true);
        QCOMPARE(tree->topLevelItem(passwordRow)->text(2).toUtf8(), oldPassword);
        editor.history()->revealSelected(false);
        QCOMPARE(tree->topLevelItem(passwordRow)->text(2), QString(8, QChar(0x2022)));
        editor.history()->restoreSelected();
        QCOMPARE(bytes(editor.passwordEdit()->password()), oldPassword);
        QVERIFY(editor.save());
        VAULT_TAKE(after, vault.details(id));
        QCOMPARE(bytes(after.password.value), oldPassword);
    }

    void badInputSavesNothing_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QByteArray>("totp");
        QTest::addColumn<bool>("twinFields");
        QTest::addColumn<QString>("error");
        QTest::newRow("no title") << QString() << QByteArray() << false
                                  << QStringLiteral("A title is required.");
        QTest::newRow("blank title") << QStringLiteral("   ") << QByteArray() << false
                                     << QStringLiteral("A title is required.");
        QTest::newRow("bad base32") << QStringLiteral("T") << QByteArray("not base32 !!") << false
                                    << QStringLiteral("One-time code: ");
        QTest::newRow("bad otpauth")
            << QStringLiteral("T") << QByteArray("otpauth://totp/x?digits=12&secret=JBSWY3DP")
            << false << QStringLiteral("One-time code: ");
        QTest::newRow("same field twice") << QStringLiteral("T") << QByteArray() << true
                                          << QStringLiteral("There are two custom fields");
    }
    void badInputSavesNothing() {
        QFETCH(QString, title);
        QFETCH(QByteArray, totp);
        QFETCH(bool, twinFields);
        QFETCH(QString, error);
        ViewFixture f;
        QVERIFY2(f.open(1), qPrintable(f.error()));
        const QByteArray before = dumpVault(*f.controller->vault()).value();
        EntryEditor editor(*f.controller, *f.settings, {});
        editor.titleEdit()->setText(title);
        editor.passwordEdit()->setPassword(secret("pw"));
        if (!totp.isEmpty())
            editor.totpEdit()->setPassword(secret(totp));
        if (twinFields) {
            for (int i = 0; i < 2; ++i) {
                const int row = editor.customFields()->addField();
                editor.customFields()->nameEdit(row)->setText(QStringLiteral("Same"));
            }
        }
        QVERIFY(!editor.save());
        QVERIFY(editor.errorLabel()->isVisibleTo(&editor));
        QVERIFY2(editor.errorLabel()->text().startsWith(error),
                 qPrintable(editor.errorLabel()->text()));
        QVERIFY(!editor.errorLabel()->text().contains(QLatin1Char('\n')));
        QCOMPARE(dumpVault(*f.controller->vault()).value(), before);
        QCOMPARE(editor.result(), int(QDialog::Rejected)); // still open
        QVERIFY(!editor.passwordEdit()->isEmpty());        // nothing typed is lost
    }

    void removeAttachment() {
        ViewFixture f;
        QVERIFY2(f.open(1), qPrintable(f.error()));
        const EntryId id = f.ids()[0];
        VAULT_VERIFY_OK(f.controller->attach(id, QStringLiteral("a.txt"), secret("A")));
        VAULT_VERIFY_OK(f.controller->attach(id, QStringLiteral("b.txt"), secret("B")));
        EntryEditor editor(*f.controller, *f.settings, id);
        QCOMPARE(editor.attachments()->names(),
                 (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")}));
        editor.attachments()->removeAttachment(QStringLiteral("a.txt"));
        QVERIFY(editor.save());
        VAULT_TAKE(files, f.controller->vault()->attachments(id));
        QCOMPARE(int(files.size()), 1);
        QCOMPARE(files[0].name, QStringLiteral("b.txt"));
    }

    void tooLargeAttachmentIsRefused() {
        const QString file = m_files.filePath(QStringLiteral("huge.bin"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.resize(MaxAttachmentBytes + 1)); // sparse: no 16 MiB written
        out.close();
        ui::AttachmentsEditor attachments;
        const Status added = attachments.addFile(file);
        QVERIFY(!added);
        QCOMPARE(added.code(), ErrorCode::TooLarge);
        QVERIFY(attachments.names().isEmpty());
    }

    void generateFillsThePassword() {
        ViewFixture f;
        QVERIFY2(f.open(1), qPrintable(f.error()));
        EntryEditor editor(*f.controller, *f.settings, f.ids()[0]);
        const QByteArray before = bytes(editor.passwordEdit()->password());
        editor.generateButton()->click();
        auto* generator = editor.findChild<ui::GeneratorDialog*>();
        QVERIFY(generator);
        const QByteArray generated = bytes(generator->password());
        QVERIFY(generated.size() >= 12);
        generator->reject(); // Cancel keeps the old password
        QCOMPARE(bytes(editor.passwordEdit()->password()), before);
        QTRY_VERIFY(!editor.findChild<ui::GeneratorDialog*>());
        editor.generateButton()->click();
        generator = editor.findChild<ui::GeneratorDialog*>();
        QVERIFY(generator);
        const QByteArray offered = bytes(generator->password());
        generator->accept(); // Use
        QCOMPARE(bytes(editor.passwordEdit()->password()), offered);
        QVERIFY(offered != before);
    }

    void lockClosesTheEditor() {
        ViewFixture f;
        QVERIFY2(f.open(1), qPrintable(f.error()));
        EntryEditor editor(*f.controller, *f.settings, f.ids()[0]);
        editor.open();
        QVERIFY(editor.isVisible());
        QVERIFY(!editor.passwordEdit()->isEmpty());
        f.controller->lock();
        QVERIFY(!editor.isVisible());
        QVERIFY(editor.passwordEdit()->isEmpty());
        QVERIFY(editor.totpEdit()->isEmpty());
        QVERIFY(editor.notesEdit()->toPlainText().isEmpty());
        QCOMPARE(editor.history()->tree()->topLevelItemCount(), 0);
    }

    void everyControlHasAnAccessibleName() {
        ViewFixture f;
        QVERIFY2(f.open(1), qPrintable(f.error()));
        EntryEditor editor(*f.controller, *f.settings, f.ids()[0]);
        const auto widgets = editor.findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            const bool control = qobject_cast<QLineEdit*>(w) || qobject_cast<QCheckBox*>(w) ||
                                 qobject_cast<QComboBox*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                                 qobject_cast<ui::SecurePasswordEdit*>(w) ||
                                 qobject_cast<QAbstractButton*>(w);
            if (!control || qobject_cast<QLineEdit*>(w->parentWidget()) ||
                qobject_cast<QComboBox*>(w->parentWidget()) ||
                qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
                continue; // parts of a composite control
            const QString name = w->accessibleName();
            const auto* button = qobject_cast<QAbstractButton*>(w);
            QVERIFY2(!name.isEmpty() || (button && !button->text().isEmpty()),
                     w->metaObject()->className());
        }
    }

private:
    QTemporaryDir m_files;
};

QTEST_MAIN(TestEntryEditor)
#include "tst_entryeditor.moc"
