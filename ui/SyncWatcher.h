#pragma once
// Keeps an unlocked vault in step with its cloud folder (DESIGN.md "Sync through a cloud
// folder"): watches the vault file AND its folder (a file renamed over by a sync client or
// another device drops out of QFileSystemWatcher, so it is added again), checks every 30 s as
// well (network and FUSE folders may not notify), and on a change runs core's sync through
// VaultController::sync(): conflict copies and the changed vault file merged, then published.
// Its state is one line for the status bar.

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

namespace tessera {
struct SyncReport;
}

namespace tessera::ui {

class VaultController;

enum class SyncState {
    Locked,             // nothing to watch
    UpToDate,           // the vault file holds everything; nothing came in
    MergedChanges,      // the last sync merged changes made on another device
    ConflictCopyMerged, // the last sync merged a sync client's conflict copy
    FolderUnavailable,  // the folder is gone (unmounted, offline): changes are kept locally
    RollbackWarning,    // the vault file is older than what this device has seen: not accepted
    Problem,            // something needs the user: a copy left in place, another password, ...
};

class SyncWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int PeriodicCheckMs = 30 * 1000;
    // Sync clients write in bursts (a temporary file, a rename, a conflict copy): wait this long
    // after the last change before syncing.
    static constexpr int SettleMs = 300;

    explicit SyncWatcher(VaultController& controller, QObject* parent = nullptr);

    SyncState state() const { return m_state; }
    QString text() const { return m_text; }
    // For tests: how often the periodic check runs.
    void setPeriodicCheckMs(int ms) { m_periodic.setInterval(ms); }
    const QFileSystemWatcher& watcher() const { return m_watcher; }

    // The state a sync report leads to (with the state before, since "merged N changes" stays
    // shown until something else happens), and its line for the status bar.
    static SyncState stateFor(const SyncReport& report, SyncState before);
    static QString textFor(SyncState state, const SyncReport& report);

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void stateChanged(tessera::ui::SyncState state, const QString& text);
    // After every sync that ran (for views that show details).
    void synced();

private:
    void start();
    void stop();
    void watchPaths();
    void setState(SyncState state, const QString& text);

    VaultController& m_controller;
    QString m_path; // the vault file, as the vault resolved it
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QTimer m_periodic;
    SyncState m_state = SyncState::Locked;
    QString m_text;
    bool m_syncing = false;
};

} // namespace tessera::ui
