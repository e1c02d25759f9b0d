#include "Rollback.h"

#include "DeviceStore.h"
#include "Publisher.h"

#include <QFile>
#include <QFileInfo>

namespace tessera {

namespace {

constexpr int KeepBackups = 10;

} // namespace

Result<RollbackDone> rollbackToBackup(const DeviceStore& store, const QString& vaultPath,
                                      const BackupFile& backup, const ReplicaInfo& verified,
                                      qint64 nowMs) {
    const QString target = canonicalVaultPath(vaultPath);
    auto lock = PublishLock::acquire(store.lockPath(target));
    if (!lock)
        return lock.error();
    auto state = store.loadState(target);
    if (!state)
        return state.error();
    if (!state->vaultId.isEmpty() && state->vaultId != verified.vaultId)
        return makeError(ErrorCode::OtherVault,
                         QStringLiteral("%1 is a backup of another vault").arg(backup.name));
    const QString backupDir = store.backupDir(target);
    RollbackDone done;

    // 1. Keep what is there now: the vault file and this device's working copy.
    QByteArray currentHash;
    QByteArray currentIdentity;
    if (QFileInfo::exists(target)) {
        currentIdentity = fileIdentity(target);
        auto hash = hashFile(target);
        if (!hash)
            return hash.error();
        currentHash = *hash;
        auto kept = keepInSetAside(target, backupDir, QStringLiteral("before-rollback"), nowMs);
        if (!kept)
            return kept.error();
        done.keptVaultFile = *kept;
    }
    const QString working = store.workingCopyPath(target);
    if (QFileInfo::exists(working)) {
        auto kept =
            keepInSetAside(working, backupDir, QStringLiteral("superseded-working-copy"), nowMs);
        if (!kept)
            return kept.error();
        done.keptWorkingCopy = *kept;
    }

    // 2. The backup becomes the working copy (through a private temporary: never half a file).
    const QString incoming = store.folderFor(target) + QStringLiteral("/rollback.tessera");
    auto copied = copyFile(backup.path, incoming);
    if (!copied) {
        QFile::remove(incoming);
        return copied.error();
    }
    QFile::remove(working);
    if (!QFile::rename(incoming, working)) {
        QFile::remove(incoming);
        return makeError(ErrorCode::Io, QStringLiteral("cannot replace the working copy %1; the "
                                                       "previous one is kept in %2")
                                            .arg(working, done.keptWorkingCopy));
    }

    // 3. ... and the vault file, published the usual way (temporary file, fsync, rename).
    const PublishRequest request{working,   target,      currentHash, currentIdentity,
                                 backupDir, KeepBackups, nowMs};
    auto published = publishFile(request);
    if (!published)
        return published.error();

    // 4. This device now holds the backup's version; its versions are the highest it accepts.
    VaultFileState next = *state;
    next.vaultId = verified.vaultId;
    next.publishedHash = published->hash;
    next.identity = published->identity;
    next.header = verified.header;
    next.unpublished = false;
    next.versions = encodeVersions(verified.versions);
    TESSERA_TRY(store.saveState(target, next));
    return done;
}

} // namespace tessera
