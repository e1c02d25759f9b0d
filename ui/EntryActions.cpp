#include "EntryActions.h"

#include "EntryEditor.h"
#include "VaultController.h"
#include "ViewIcons.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>
#include <QWidget>

namespace tessera::ui {

EntryActions::EntryActions(VaultController& controller, ClipboardGuard& clipboard,
                           AppSettings& settings, QWidget* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_clipboard(controller, clipboard)
    , m_settings(settings)
    , m_parent(parent) {
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(m_parent, tr("Delete permanently"), question,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_copyUsername = make(tr("Copy &username"), QStringLiteral("copy-username"),
                          QStringLiteral("edit-copy"), QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_copyUsername, &QAction::triggered, this,
            [this] { report(m_clipboard.copyUsername(m_current)); });
    m_copyPassword = make(tr("Copy &password"), QStringLiteral("copy-password"),
                          QStringLiteral("edit-copy"), QKeySequence(Qt::CTRL | Qt::Key_C));
    connect(m_copyPassword, &QAction::triggered, this,
            [this] { report(m_clipboard.copyPassword(m_current)); });
    m_copyUrl = make(tr("Copy U&RL"), QStringLiteral("copy-url"), QStringLiteral("edit-copy"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_copyUrl, &QAction::triggered, this,
            [this] { report(m_clipboard.copyUrl(m_current)); });
    m_openUrl = make(tr("&Open URL"), QStringLiteral("open-url"),
                     QStringLiteral("internet-web-browser"), QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_openUrl, &QAction::triggered, this,
            [this] { report(m_clipboard.openUrl(m_current)); });
    m_copyTotp = make(tr("Copy one-time &code"), QStringLiteral("totp"),
                      QStringLiteral("chronometer"), QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_copyTotp, &QAction::triggered, this,
            [this] { report(m_clipboard.copyTotp(m_current)); });
    m_edit = make(tr("&Edit entry…"), QStringLiteral("edit"), QStringLiteral("document-edit"),
                  QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_edit, &QAction::triggered, this, [this] {
        if (!m_current.isEmpty())
            openEditor(m_current);
    });
    m_newEntry = make(tr("&New entry…"), QStringLiteral("add"), QStringLiteral("list-add"),
                      QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_newEntry, &QAction::triggered, this, [this] { openEditor({}); });
    m_trash = make(tr("Move to &trash"), QStringLiteral("trash"), QStringLiteral("user-trash"),
                   QKeySequence(Qt::Key_Delete));
    connect(m_trash, &QAction::triggered, this, [this] { trashSelected(); });
    m_restore = make(tr("&Restore"), QStringLiteral("restore"), QStringLiteral("edit-undo"), {});
    connect(m_restore, &QAction::triggered, this, [this] { restoreSelected(); });
    m_purge = make(tr("&Delete permanently…"), QStringLiteral("purge"),
                   QStringLiteral("edit-delete"), {});
    connect(m_purge, &QAction::triggered, this, [this] { purgeSelected(); });
    m_moveToFolder = make(tr("&Move to folder…"), QStringLiteral("folder"),
                          QStringLiteral("folder"), QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_moveToFolder, &QAction::triggered, this, &EntryActions::askMoveToFolder);
    m_search = make(tr("&Search"), QStringLiteral("search"), QStringLiteral("edit-find"),
                    QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_search, &QAction::triggered, this, &EntryActions::searchRequested);
    setSelection({}, {}, false);
}

QAction* EntryActions::make(const QString& text, const QString& icon, const QString& theme,
                            const QKeySequence& shortcut) {
    auto* action = new QAction(viewIcon(icon, theme), text, this);
    action->setShortcut(shortcut);
    // Active while focus is anywhere in the vault view (search box included, see VaultView).
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(shortcut.isEmpty()
                           ? QString(text).remove(QLatin1Char('&'))
                           : tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                               shortcut.toString(QKeySequence::NativeText)));
    return action;
}

QList<QAction*> EntryActions::all() const {
    return {m_copyUsername, m_copyPassword, m_copyUrl, m_openUrl, m_copyTotp, m_edit,
            m_newEntry,     m_moveToFolder, m_trash,   m_restore, m_purge,    m_search};
}

void EntryActions::setSelection(const EntryId& current, const QList<QByteArray>& selected,
                                bool inTrash) {
    m_current = current;
    m_selected = selected;
    m_inTrash = inTrash;
    const bool unlocked = m_controller.vault() != nullptr;
    const bool one = unlocked && !current.isEmpty();
    const bool any = unlocked && !selected.isEmpty();
    for (QAction* action : {m_copyUsername, m_copyPassword, m_copyUrl, m_openUrl, m_copyTotp})
        action->setEnabled(one);
    m_edit->setEnabled(one && !inTrash);
    m_newEntry->setEnabled(unlocked);
    m_search->setEnabled(unlocked);
    m_moveToFolder->setEnabled(any && !inTrash);
    m_trash->setEnabled(any && !inTrash);
    m_trash->setVisible(!inTrash);
    m_restore->setEnabled(any && inTrash);
    m_restore->setVisible(inTrash);
    m_purge->setEnabled(any && inTrash);
    m_purge->setVisible(inTrash);
    // Delete means "to the trash" outside it and "for good" inside it (with a question first).
    m_trash->setShortcut(inTrash ? QKeySequence() : QKeySequence(Qt::Key_Delete));
    m_purge->setShortcut(inTrash ? QKeySequence(Qt::Key_Delete) : QKeySequence());
}

void EntryActions::report(const Status& status) {
    if (!status)
        Q_EMIT message(status.error().message);
}

int EntryActions::forEachSelected(Status (VaultController::*change)(const EntryId&),
                                  const char* done) {
    const QList<QByteArray> ids = m_selected; // changes re-select; keep our own copy
    int changed = 0;
    for (const QByteArray& id : ids) {
        const Status status = (m_controller.*change)(id);
        if (!status) {
            report(status);
            return changed;
        }
        ++changed;
    }
    if (changed > 0)
        Q_EMIT message(tr(done, nullptr, changed));
    return changed;
}

int EntryActions::trashSelected() {
    if (m_inTrash)
        return 0;
    return forEachSelected(&VaultController::trash, QT_TR_N_NOOP("Moved %n entries to the trash."));
}

int EntryActions::restoreSelected() {
    if (!m_inTrash)
        return 0;
    return forEachSelected(&VaultController::restore, QT_TR_N_NOOP("Restored %n entries."));
}

int EntryActions::purgeSelected() {
    if (!m_inTrash || m_selected.isEmpty())
        return 0;
    const QString question = m_selected.size() == 1
                                 ? tr("Delete this entry permanently? This cannot be undone.")
                                 : tr("Delete %n entries permanently? This cannot be undone.",
                                      nullptr, int(m_selected.size()));
    if (!m_confirm(question))
        return 0;
    return forEachSelected(&VaultController::purge,
                           QT_TR_N_NOOP("Deleted %n entries permanently."));
}

int EntryActions::moveSelectedTo(const QString& folder) {
    const QList<QByteArray> ids = m_selected;
    int moved = 0;
    for (const QByteArray& id : ids) {
        EntryChanges changes;
        changes.folder = folder;
        const Status status = m_controller.edit(id, std::move(changes));
        if (!status) {
            report(status);
            break;
        }
        ++moved;
    }
    return moved;
}

void EntryActions::askMoveToFolder() {
    if (m_selected.isEmpty())
        return;
    bool ok = false;
    QStringList choices = m_folders;
    choices.prepend(QString());
    const QString folder =
        QInputDialog::getItem(
            m_parent, tr("Move to folder"),
            tr("Folder for %n entries (empty: no folder):", nullptr, int(m_selected.size())),
            choices, 0, true, &ok)
            .trimmed();
    if (ok)
        moveSelectedTo(folder);
}

void EntryActions::openEditor(const EntryId& id) {
    if (!m_controller.vault())
        return;
    auto* editor = new EntryEditor(m_controller, m_settings, id, m_parent);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setFolders(m_folders);
    editor->setInitialFolder(m_newFolder);
    connect(editor, &QDialog::accepted, this,
            [this, editor] { Q_EMIT entrySaved(editor->entryId()); });
    editor->open();
}

} // namespace tessera::ui
