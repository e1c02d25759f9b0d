#pragma once
// The backups this device keeps of the open vault (core/sync/Backups.h), newest first, with when
// each was kept, what it is, its size and who last edited it (once known). A backup is restored
// by MERGING it like any copy of the vault (nothing newer is lost), or, after a confirmation
// with the master password, by ROLLING BACK: the backup replaces the vault file and this
// device's working copy, both kept as backups first. The provider's version history keeps old
// copies too.

#include "sync/Backups.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace tessera::ui {

class VaultController;

class BackupsDialog : public QDialog {
    Q_OBJECT
public:
    explicit BackupsDialog(VaultController& controller, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QPushButton* mergeButton() const { return m_merge; }
    QPushButton* rollbackButton() const { return m_rollback; }
    QLabel* message() const { return m_message; }
    const std::vector<BackupFile>& backups() const { return m_backups; }

    void reload();
    // Merges the selected backup into the vault (also the merge button).
    void restoreSelectedByMerging();
    // Asks for the master password, then rolls back to the selected backup (the rollback
    // button). rollBackTo() does it without asking (the password is the confirmation).
    void rollBackSelected();
    void rollBackTo(const BackupFile& backup, SecureBuffer password);

private:
    const BackupFile* selected() const;
    void updateButtons();

    VaultController& m_controller;
    std::vector<BackupFile> m_backups;
    QTreeWidget* m_list;
    QPushButton* m_merge;
    QPushButton* m_rollback;
    QLabel* m_message;
};

} // namespace tessera::ui
