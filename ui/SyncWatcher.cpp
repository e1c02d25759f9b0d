#include "SyncWatcher.h"

#include "VaultController.h"

#include "sync/Sync.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

namespace tessera::ui {

namespace {

int changes(const MergeReport& report) {
    return report.added + report.updated + report.trashed + report.restored + report.purged +
           report.attachmentsAdded + report.attachmentsRemoved + (report.renamed ? 1 : 0);
}

QString folderOf(const QString& path) {
    return QFileInfo(path).absolutePath();
}

} // namespace

SyncWatcher::SyncWatcher(VaultController& controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    m_periodic.setInterval(PeriodicCheckMs);
    connect(&m_settle, &QTimer::timeout, this, &SyncWatcher::syncNow);
    connect(&m_periodic, &QTimer::timeout, this, &SyncWatcher::syncNow);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watchPaths(); // renamed over: the path is no longer watched
        m_settle.start();
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchPaths();
        m_settle.start();
    });
    connect(&m_controller, &VaultController::unlocked, this, &SyncWatcher::start);
    connect(&m_controller, &VaultController::locked, this, &SyncWatcher::stop);
    if (m_controller.isUnlocked())
        start();
}

void SyncWatcher::start() {
    m_path = m_controller.vault() ? m_controller.vault()->info().path : m_controller.path();
    watchPaths();
    m_periodic.start();
    syncNow();
}

void SyncWatcher::stop() {
    m_settle.stop();
    m_periodic.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    setState(SyncState::Locked, QString());
}

void SyncWatcher::watchPaths() {
    if (!m_controller.isUnlocked())
        return;
    const QString& path = m_path;
    const QString folder = folderOf(path);
    if (QFileInfo(path).isFile() && !m_watcher.files().contains(path))
        m_watcher.addPath(path);
    if (QFileInfo(folder).isDir() && !m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
}

void SyncWatcher::syncNow() {
    if (m_syncing || !m_controller.isUnlocked() || m_controller.isBusy())
        return;
    watchPaths();
    if (!QFileInfo(folderOf(m_path)).isDir()) {
        setState(SyncState::FolderUnavailable,
                 tr("Folder unavailable: changes are kept on this device"));
        return;
    }
    m_syncing = true;
    auto report = m_controller.sync();
    m_syncing = false;
    if (!report)
        return; // locked meanwhile
    const SyncState next = stateFor(*report, m_state);
    // "Merged N changes" stays as it was (with its time) while nothing new comes in.
    const bool sticky = next == m_state && changes(report->file) == 0 && report->merged() == 0 &&
                        (next == SyncState::MergedChanges || next == SyncState::ConflictCopyMerged);
    if (!sticky)
        setState(next, textFor(next, *report));
    watchPaths();
    Q_EMIT synced();
}

SyncState SyncWatcher::stateFor(const SyncReport& report, SyncState before) {
    if (report.rollbackSuspected())
        return SyncState::RollbackWarning;
    if (report.fileError) {
        const ErrorCode code = report.fileError->code;
        if (code == ErrorCode::Io || code == ErrorCode::NotFound)
            return SyncState::FolderUnavailable;
        return SyncState::Problem;
    }
    if (report.leftInPlace() > 0)
        return SyncState::Problem;
    if (report.merged() > 0)
        return SyncState::ConflictCopyMerged;
    if (report.file.merged && changes(report.file) > 0)
        return SyncState::MergedChanges;
    // Nothing new: what the last sync merged stays shown (our own publish comes back as a
    // change of the file, which must not wipe "merged 3 changes" a moment later).
    if (before == SyncState::MergedChanges || before == SyncState::ConflictCopyMerged)
        return before;
    return SyncState::UpToDate;
}

QString SyncWatcher::textFor(SyncState state, const SyncReport& report) {
    const QString time =
        QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    switch (state) {
    case SyncState::Locked:
        return {};
    case SyncState::UpToDate:
        return tr("Up to date");
    case SyncState::MergedChanges:
        return tr("Merged %n change(s) from another device (%1)", nullptr, changes(report.file))
            .arg(time);
    case SyncState::ConflictCopyMerged: {
        int merged = changes(report.file);
        for (const ConflictCopyResult& copy : report.copies)
            merged += changes(copy.merge);
        return tr("Conflict copy merged: %n change(s) (%1)", nullptr, merged).arg(time);
    }
    case SyncState::FolderUnavailable:
        return tr("Folder unavailable: changes are kept on this device");
    case SyncState::RollbackWarning:
        return tr("Warning: the vault file is older than what this device has seen (possible "
                  "rollback); it was not accepted");
    case SyncState::Problem:
        for (const ConflictCopyResult& copy : report.copies) {
            if (copy.outcome == ConflictCopyResult::Outcome::LeftInPlace)
                return tr("Conflict copy \"%1\" left in place: %2").arg(copy.fileName, copy.reason);
        }
        return report.fileError ? tr("Not synced: %1").arg(report.fileError->message)
                                : tr("Not synced");
    }
    return {};
}

void SyncWatcher::setState(SyncState state, const QString& text) {
    if (state == m_state && text == m_text)
        return;
    m_state = state;
    m_text = text;
    Q_EMIT stateChanged(state, text);
}

} // namespace tessera::ui
