#pragma once
// Restoring a backup by ROLLING BACK (the user's explicit choice; the default restore merges the
// backup like any replica and loses nothing): the vault file and this device's working copy are
// replaced by the backup, the current ones are kept in the backup folder, and this device accepts
// the older version vector as the highest it has seen. Other devices, which have seen newer
// versions, report the file as a possible rollback and keep their edits until they accept it.

#include "Backups.h"
#include "ReplicaProbe.h"
#include "common/Result.h"

#include <QString>

namespace tessera {

class DeviceStore;

struct RollbackDone {
    QString keptVaultFile;   // the vault file as it was, in set-aside/ (empty if there was none)
    QString keptWorkingCopy; // this device's working copy as it was, in set-aside/
};

// The vault must be locked (no session open on it in this process). verified: what probing the
// backup with the vault's password found (same vault id as the vault; checked by the caller).
Result<RollbackDone> rollbackToBackup(const DeviceStore& store, const QString& vaultPath,
                                      const BackupFile& backup, const ReplicaInfo& verified,
                                      qint64 nowMs);

} // namespace tessera
