// The desktop app flow of the memory residue test (tst_residue_app): the real main window
// (offscreen), driven the way a user drives it — the master password typed key by key into the
// unlock page, an entry selected in the list, its password revealed and hidden and its notes
// shown and hidden in the details pane, its password copied and the clipboard cleared, the entry
// editor opened, a new password typed, one generated in the generator dialog, saved and closed,
// and the vault locked. The parent scans this process's memory after every command. Not hardened
// on purpose (PR_SET_DUMPABLE stays 1), so its parent may read /proc/PID/mem.
//
// usage: residue_app_child VAULT_FILE DATA_DIR SETTINGS_FILE   commands on stdin (ChildChannel.h)

#include "AppSettings.h"
#include "ChildChannel.h"
#include "ClipboardGuard.h"
#include "DetailsPane.h"
#include "EntryEditor.h"
#include "GeneratorDialog.h"
#include "MainWindow.h"
#include "PasswordText.h"
#include "SecretLabel.h"
#include "SecurePasswordEdit.h"
#include "UnlockPage.h"
#include "VaultController.h"
#include "VaultView.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QKeyEvent>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>

#include <functional>
#include <memory>

using namespace tessera;
using namespace tessera::test;
using namespace tessera::ui;

namespace {

constexpr int WaitMs = 30000;

QByteArray g_canaryUtf8; // positive controls, see residue_core_child.cpp
QString g_canaryUtf16;

// Lets the event loop run until done() or the time is up.
bool waitFor(const std::function<bool()>& done, int timeoutMs = WaitMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void settle() {
    waitFor([] { return false; }, 150);
}

// Types the secret into a widget one key event per character, as a keyboard does: each event
// carries one character, never the whole text.
void type(QWidget* widget, const SecureBuffer& text) {
    for (std::size_t offset = 0; offset < text.size();) {
        char32_t cp = 0;
        offset += decodeAt(text, offset, &cp);
        const Glyph glyph(cp);
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, glyph.view());
        QApplication::sendEvent(widget, &press);
        wipe(&cp, sizeof cp);
    }
}

class AppFlow {
public:
    AppFlow(const QString& path, const QString& dataDir, const QString& settingsFile)
        : m_path(path)
        , m_settings(settingsFile)
        , m_controller(Device{dataDir, &m_clock})
        , m_clipboard(m_settings)
        , m_window(m_controller, m_settings, m_clipboard) {
        m_window.openVault(path);
        m_window.show();
    }

    QByteArray run(const QByteArray& command) {
        const qsizetype space = command.indexOf(' ');
        const QByteArray verb = space < 0 ? command : command.left(space);
        const QString argument = space < 0 ? QString() : QString::fromUtf8(command.mid(space + 1));
        if (verb == "canary") {
            const SecureBuffer canary = readSecretLine();
            g_canaryUtf8 =
                QByteArray(reinterpret_cast<const char*>(canary.data()), qsizetype(canary.size()));
            g_canaryUtf16 = QString::fromUtf8(g_canaryUtf8);
            settle();
            return "ok";
        }
        if (verb == "unlock") {
            const SecureBuffer password = readSecretLine();
            UnlockPage* page = m_window.unlockPage();
            if (m_window.currentPage() != page)
                return "error: the unlock page is not showing";
            type(page->passwordField(), password);
            page->unlockButton()->click();
            if (!waitFor([this] { return m_controller.isUnlocked(); }))
                return "error: not unlocked: " + page->errorText().toUtf8();
            settle();
            return "ok";
        }
        if (verb == "idle") {
            settle();
            return "ok";
        }
        if (!m_controller.isUnlocked())
            return "error: locked";
        VaultView* view = m_window.vaultView();
        DetailsPane* details = view->details();
        if (verb == "select") {
            auto id = m_controller.vault()->resolve(argument);
            if (!id)
                return "error: " + id.error().message.toUtf8();
            view->selectEntry(*id);
            settle();
            return details->entryId() == *id ? "ok" : "error: not shown";
        }
        if (verb == "deselect") {
            view->selectEntry({});
            settle();
            return details->secretsHeld() == 0 ? "ok" : "error: the details pane holds secrets";
        }
        if (verb == "reveal" || verb == "hide") {
            const bool reveal = verb == "reveal";
            if (details->passwordLabel()->isRevealed() != reveal)
                details->passwordLabel()->revealButton()->click();
            details->setNotesShown(reveal);
            settle();
            return details->passwordLabel()->isRevealed() == reveal &&
                           details->notesShown() == reveal
                       ? "ok"
                       : "error: not toggled";
        }
        if (verb == "copy") {
            details->passwordLabel()->copyButton()->click();
            settle();
            return m_clipboard.holdsSecret() ? "ok" : "error: not copied";
        }
        if (verb == "clipclear") {
            m_clipboard.clearNow();
            settle();
            return m_clipboard.holdsOurData() ? "error: not cleared" : "ok";
        }
        if (verb == "edit") {
            auto id = m_controller.vault()->resolve(argument);
            if (!id)
                return "error: " + id.error().message.toUtf8();
            m_editor = new EntryEditor(m_controller, m_settings, *id, &m_window);
            m_editor->setAttribute(Qt::WA_DeleteOnClose);
            m_editor->show();
            settle();
            return "ok";
        }
        if (verb == "type-password") { // select all and type over it, as a user would
            SecureBuffer password = readSecretLine();
            if (!m_editor)
                return "error: no editor";
            m_editor->passwordEdit()->setFocus();
            m_editor->passwordEdit()->selectAll();
            type(m_editor->passwordEdit(), password);
            settle();
            return m_editor->passwordEdit()->password().equals(password) ? "ok"
                                                                         : "error: not typed";
        }
        if (verb == "generate") { // Generate… in the editor, report the password, then Use
            if (!m_editor)
                return "error: no editor";
            m_editor->generateButton()->click();
            settle();
            auto* generator = m_editor->findChild<GeneratorDialog*>();
            if (!generator || generator->password().empty())
                return "error: no generator";
            replyHex(generator->password());
            generator->findChild<QPushButton*>(QStringLiteral("use"))->click();
            settle();
            return m_editor->findChild<GeneratorDialog*>() ? "error: generator still open" : "ok";
        }
        if (verb == "save") {
            if (!m_editor)
                return "error: no editor";
            if (!m_editor->save())
                return "error: not saved";
            waitFor([this] { return m_editor.isNull(); });
            settle();
            return m_editor ? "error: editor still open" : "ok";
        }
        if (verb == "lock") {
            m_window.lockVault();
            waitFor([this] { return !m_controller.isUnlocked(); });
            settle();
            return m_controller.isUnlocked() ? "error: still unlocked" : "ok";
        }
        return "error: unknown command " + verb;
    }

private:
    QString m_path;
    SystemClock m_clock;
    AppSettings m_settings;
    VaultController m_controller;
    ClipboardGuard m_clipboard;
    MainWindow m_window;
    QPointer<EntryEditor> m_editor;
};

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    if (argc != 4 || !initializeCrypto().ok()) {
        reply("error: usage: residue_app_child VAULT_FILE DATA_DIR SETTINGS_FILE");
        return 2;
    }
    AppFlow flow(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]),
                 QString::fromLocal8Bit(argv[3]));
    for (;;) {
        const QByteArray command = readCommand();
        if (command.isEmpty() || command == "quit")
            return 0;
        reply(flow.run(command));
    }
}
