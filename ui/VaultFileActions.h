#pragma once
// What the Vault menu does with files beyond the open vault: import from another password
// manager, export, list and restore backups, sync with the cloud folder now. Also keeps the
// SyncWatcher and its line in the status bar. MainWindow owns one; its lock handling closes
// these dialogs (they read the vault) before the keys go.

#include <QObject>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;

namespace tessera::ui {

class SyncWatcher;
class VaultController;

class VaultFileActions : public QObject {
    Q_OBJECT
public:
    // Adds its actions to menu and its sync line to window's status bar.
    VaultFileActions(VaultController& controller, QMainWindow& window, QMenu& menu);

    SyncWatcher& syncWatcher() const { return *m_watcher; }
    QLabel* syncStatus() const { return m_syncStatus; }

public Q_SLOTS:
    void importEntries();
    void exportVault();
    void showBackups();

private:
    void setUnlocked(bool unlocked);

    VaultController& m_controller;
    QMainWindow& m_window;
    SyncWatcher* m_watcher;
    QLabel* m_syncStatus;
    QList<QAction*> m_actions; // enabled while unlocked
};

} // namespace tessera::ui
