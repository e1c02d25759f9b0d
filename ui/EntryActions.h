#pragma once
// The vault view's entry actions, with their shortcuts (shown in SHELL's Entry menu too):
// Copy username Ctrl+B, Copy password Ctrl+C, Open URL Ctrl+U, Copy TOTP Ctrl+T, Edit Ctrl+E,
// New entry Ctrl+N, Trash Delete, Restore, Delete permanently (Delete inside the Trash), Move to
// folder…, Search Ctrl+F. They act on the list's current entry (copy, open, edit) or on every
// selected entry (trash, restore, purge, move).

#include "EntryClipboard.h"
#include "vault/Entry.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace tessera::ui {

class AppSettings;
class ClipboardGuard;
class VaultController;

class EntryActions : public QObject {
    Q_OBJECT
public:
    EntryActions(VaultController& controller, ClipboardGuard& clipboard, AppSettings& settings,
                 QWidget* parent);

    QList<QAction*> all() const;
    QAction* copyUsername() const { return m_copyUsername; }
    QAction* copyPassword() const { return m_copyPassword; }
    QAction* copyUrl() const { return m_copyUrl; }
    QAction* openUrl() const { return m_openUrl; }
    QAction* copyTotp() const { return m_copyTotp; }
    QAction* edit() const { return m_edit; }
    QAction* newEntry() const { return m_newEntry; }
    QAction* trash() const { return m_trash; }
    QAction* restore() const { return m_restore; }
    QAction* purge() const { return m_purge; }
    QAction* moveToFolder() const { return m_moveToFolder; }
    QAction* search() const { return m_search; }

    // What the actions act on; inTrash switches Delete from "trash" to "delete permanently".
    void setSelection(const EntryId& current, const QList<QByteArray>& selected, bool inTrash);
    // The folders the editor and "Move to folder" offer, and where a new entry starts.
    void setFolders(const QStringList& folders) { m_folders = folders; }
    void setNewEntryFolder(const QString& folder) { m_newFolder = folder; }
    // Asks the user before purging (replaceable in tests); returns true to go ahead.
    void setConfirm(std::function<bool(const QString& question)> confirm) {
        m_confirm = std::move(confirm);
    }

    int trashSelected();
    int restoreSelected();
    int purgeSelected(); // asks first
    int moveSelectedTo(const QString& folder);

Q_SIGNALS:
    void message(const QString& text);
    void searchRequested();
    // An editor was saved (new or existing entry): the view selects it.
    void entrySaved(const QByteArray& id);

private:
    QAction* make(const QString& text, const QString& icon, const QString& theme,
                  const QKeySequence& shortcut);
    void report(const Status& status);
    void openEditor(const EntryId& id);
    void askMoveToFolder();
    int forEachSelected(Status (VaultController::*change)(const EntryId&), const char* done);

    VaultController& m_controller;
    EntryClipboard m_clipboard;
    AppSettings& m_settings;
    QWidget* m_parent;
    EntryId m_current;
    QList<QByteArray> m_selected;
    bool m_inTrash = false;
    QStringList m_folders;
    QString m_newFolder;
    std::function<bool(const QString&)> m_confirm;

    QAction* m_copyUsername;
    QAction* m_copyPassword;
    QAction* m_copyUrl;
    QAction* m_openUrl;
    QAction* m_copyTotp;
    QAction* m_edit;
    QAction* m_newEntry;
    QAction* m_trash;
    QAction* m_restore;
    QAction* m_purge;
    QAction* m_moveToFolder;
    QAction* m_search;
};

} // namespace tessera::ui
