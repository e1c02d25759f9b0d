// DetailsPane over a real vault: the selected entry's fields, the password masked until revealed,
// copy buttons putting the password on the clipboard with the password manager hint (the username
// without it), notes only on demand, protected custom fields masked, attachments listed, and every
// secret wiped when another entry is shown, when the selection empties and when the vault locks.
#include "DetailsPane.h"
#include "SecretLabel.h"
#include "TotpWidget.h"
#include "ViewFixture.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::DetailsPane;
using tessera::ui::SecretLabel;

namespace {

QToolButton* buttonNamed(QWidget* root, const QString& accessibleName) {
    const auto buttons = root->findChildren<QToolButton*>();
    for (QToolButton* button : buttons)
        if (button->accessibleName() == accessibleName && button->isVisibleTo(root))
            return button;
    return nullptr;
}

bool showsText(QWidget* root, const QString& text) {
    const auto labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels)
        if (label->text().contains(text) && label->isVisibleTo(root))
            return true;
    return false;
}

const QString Mask = QString(8, QChar(0x2022));

} // namespace

class TestDetailsPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY2(m_f.open(6), qPrintable(m_f.error()));
        VAULT_VERIFY_OK(m_f.controller->attach(m_f.ids()[0], QStringLiteral("recovery.txt"),
                                               secret("recovery codes 1234")));
        EntryChanges withCode;
        withCode.title = QStringLiteral("With a one-time code");
        withCode.password = secret("pw");
        withCode.notes = secret("a note");
        withCode.totp =
            secret("otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        auto added = m_f.controller->add(std::move(withCode));
        VAULT_VERIFY_OK(added);
        m_withCode = *added;
    }

    void showsTheEntry() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.resize(500, 700);
        pane.showEntry(m_f.ids()[0]); // GitHub 0: favourite, two URLs, PIN, attachment
        QVERIFY(showsText(&pane, sampleTitle(0)));
        QVERIFY(showsText(&pane, QStringLiteral("user0@example.com")));
        QVERIFY(showsText(&pane, QStringLiteral("https://github.com/login")));
        QVERIFY(showsText(&pane, QStringLiteral("https://github.com/account/0")));
        QVERIFY(showsText(&pane, QStringLiteral("Work/Code")));
        QVERIFY(showsText(&pane, QStringLiteral("dev, important")));
        QVERIFY(showsText(&pane, QStringLiteral("recovery.txt")));
        QVERIFY(showsText(&pane, QStringLiteral("C-100000"))); // a plain custom field
        QCOMPARE(pane.passwordLabel()->shownText(), Mask);
        // The protected PIN is masked like the password.
        const auto secrets = pane.findChildren<SecretLabel*>();
        int masked = 0;
        for (const SecretLabel* label : secrets)
            masked += label->shownText() == Mask ? 1 : 0;
        QCOMPARE(masked, 2);
        for (const QLabel* label : pane.findChildren<QLabel*>())
            QVERIFY(label->text() != QStringLiteral("1000")); // the PIN (1000 + 0 * 37)
        QVERIFY(!pane.notesShown());
    }

    void revealAndHide() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_f.ids()[2]);
        const QString password = QString::fromUtf8(m_f.passwordOf(m_f.ids()[2]));
        pane.passwordLabel()->revealButton()->click();
        QCOMPARE(pane.passwordLabel()->shownText(), password);
        pane.passwordLabel()->revealButton()->click();
        QCOMPARE(pane.passwordLabel()->shownText(), Mask);
    }

    void copyPutsThePasswordWithTheHint() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_f.ids()[3]);
        pane.passwordLabel()->copyButton()->click();
        QCOMPARE(clipboardText().toUtf8(), m_f.passwordOf(m_f.ids()[3]));
        QCOMPARE(clipboardHint(), QByteArray("secret"));
        QToolButton* copyUsername = buttonNamed(&pane, QStringLiteral("Copy username"));
        QVERIFY(copyUsername);
        copyUsername->click();
        QCOMPARE(clipboardText(), QStringLiteral("user3@example.com"));
        QCOMPARE(clipboardHint(), QByteArray()); // a username is not a secret
    }

    void notesOnDemand() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_f.ids()[1]);
        auto* view = pane.findChild<QPlainTextEdit*>();
        QVERIFY(view);
        QVERIFY(view->toPlainText().isEmpty());
        pane.setNotesShown(true);
        QVERIFY(pane.notesShown());
        QVERIFY(view->toPlainText().startsWith(QStringLiteral("Notes for entry 1.")));
        pane.setNotesShown(false);
        QVERIFY(view->toPlainText().isEmpty());
    }

    void otherEntryWipes() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_f.ids()[0]);
        // A merely selected entry's secrets are not held (opened again when revealed or
        // copied); only a one-time code being shown needs its secret, and unprotected custom
        // fields are shown as plain text.
        int plainFields = 0;
        for (const SecretLabel* label : pane.findChildren<SecretLabel*>())
            plainFields += label->revealButton()->isHidden() ? 1 : 0;
        QCOMPARE(pane.secretsHeld(), plainFields + (pane.totpWidget()->hasCode() ? 1 : 0));
        pane.passwordLabel()->setRevealed(true);
        pane.setNotesShown(true);
        QVERIFY(pane.secretsHeld() >= 2);
        pane.showEntry(m_f.ids()[5]);
        QVERIFY(!pane.passwordLabel()->isRevealed());
        QVERIFY(!pane.notesShown());
        QCOMPARE(pane.passwordLabel()->shownText(), Mask);
        pane.showEntry({});
        QCOMPARE(pane.secretsHeld(), 0);
        QVERIFY(pane.entryId().isEmpty());
    }

    void oneTimeCode() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_withCode);
        QVERIFY(pane.totpWidget()->hasCode());
        QVERIFY(pane.totpWidget()->isVisibleTo(&pane));
        QCOMPARE(pane.totpWidget()->displayedCode().remove(QLatin1Char(' ')).size(), 6);
        pane.showEntry(m_f.ids()[2]);
        QVERIFY(!pane.totpWidget()->hasCode());
        QVERIFY(!pane.totpWidget()->isVisibleTo(&pane));
    }

    void followsEdits() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_f.ids()[4]);
        EntryChanges c;
        c.username = QStringLiteral("changed@example.com");
        VAULT_VERIFY_OK(m_f.controller->edit(m_f.ids()[4], std::move(c)));
        QVERIFY(showsText(&pane, QStringLiteral("changed@example.com")));
    }

    // Last: it locks the shared vault.
    void lockClearsThePane() {
        DetailsPane pane(*m_f.controller, *m_f.clipboard);
        pane.showEntry(m_withCode);
        pane.passwordLabel()->setRevealed(true);
        pane.setNotesShown(true);
        QVERIFY(pane.secretsHeld() > 0);
        QVERIFY(pane.totpWidget()->hasCode());
        m_f.controller->lock();
        QCOMPARE(pane.secretsHeld(), 0);
        QVERIFY(!pane.totpWidget()->hasCode());
        QVERIFY(pane.entryId().isEmpty());
        QVERIFY(pane.passwordLabel()->shownText().isEmpty());
        QVERIFY(pane.findChild<QPlainTextEdit*>()->toPlainText().isEmpty());
        QCOMPARE(pane.findChild<QStackedWidget*>()->currentIndex(), 0);
    }

private:
    ViewFixture m_f;
    EntryId m_withCode;
};

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
