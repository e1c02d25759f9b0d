#pragma once
// The backups this device keeps of one vault file, in its local data folder (DeviceStore::
// backupDir): the published versions it replaced (rotated, core/sync/Publisher.cpp), and in
// set-aside/ the files it moved out of the way: working copies it superseded, conflict copies it
// merged, the vault file it replaced by a rollback. Rotation of published backups never touches
// set-aside/; conflict copies there have a quota of their own (they come from elsewhere, so a
// flood of them must not grow the folder without bound), which never removes anything else.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace tessera {

enum class BackupKind {
    Published,      // a version of the vault file, kept before this device replaced it
    ConflictCopy,   // a sync client's conflict copy, merged and moved here from the vault's folder
    BeforeRollback, // the vault file as it was before a restore with --rollback replaced it
    WorkingCopy,    // a working copy of this device that another version superseded
};

// How many merged conflict copies set-aside/ keeps (oldest removed first).
inline constexpr int KeepConflictCopies = 20;

struct BackupFile {
    QString path;
    QString name;    // file name in the backup folder (set-aside/NAME for set-aside files)
    qint64 time = 0; // ms since epoch: when it was kept (from its name)
    qint64 size = 0;
    int sequence = 0; // of backups kept within one millisecond (2, 3, ...), for the order
    BackupKind kind = BackupKind::Published;
    QString origin; // for conflict copies: its name in the vault's folder

    // Filled by identifyBackups() when the file opens with the password given, and by
    // listBackups() from what an earlier identifyBackups() found.
    bool identified = false;
    bool otherVault = false;
    QByteArray lastDevice; // the device with the latest stamp in its version vector
    qint64 lastEditMs = 0; // that stamp's wall time
    quint64 keyEpoch = 0;

    // From another device or program, not a version this device published or worked on.
    bool fromElsewhere() const { return kind == BackupKind::ConflictCopy; }
};

// Every backup of the vault, newest first. An empty list if the folder does not exist.
Result<std::vector<BackupFile>> listBackups(const QString& backupDir);
// BACKUP as users type it: a name from listBackups (with or without "set-aside/"), or a path.
Result<BackupFile> findBackup(const QString& backupDir, const QString& nameOrPath);

// Opens each backup not identified yet the hardened way with keys from the password (one key
// derivation per header seen) and fills in who last edited it; remembers what it found in the
// backup folder, where listBackups() reads it back (so the app shows it without the password).
// Files under another password stay unidentified; files of another vault are marked. Never fails
// as a whole: what cannot be read is left unidentified.
void identifyBackups(std::vector<BackupFile>& backups, const QString& backupDir,
                     const QByteArray& vaultId, const SecureBuffer& password,
                     const SecureBuffer* secretKey = nullptr);

// Moves a merged conflict copy from the vault's folder into set-aside/ (a rename where the file
// system allows, else copy and remove), remembering its name, then applies the quota for
// conflict copies. Returns the new path.
Result<QString> setAsideConflictCopy(const QString& copyPath, const QString& backupDir,
                                     qint64 nowMs);

// Keeps a copy of a file in set-aside/ under the given label (a hard link where possible).
Result<QString> keepInSetAside(const QString& file, const QString& backupDir, const QString& label,
                               qint64 nowMs);

} // namespace tessera
