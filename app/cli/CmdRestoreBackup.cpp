// tessera-cli restore-backup VAULT BACKUP [--rollback]: brings back what a backup holds. By
// default the backup is merged like any replica: entries it has that were changed or deleted
// since come back, newer edits stay, nothing is lost. --rollback instead makes the backup the
// vault file (the user's explicit choice); the current file is kept as a backup.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "SyncFormat.h"

#include "sync/Backups.h"
#include "sync/DeviceStore.h"
#include "sync/ReplicaProbe.h"
#include "sync/Rollback.h"

#include <QFileInfo>

namespace tessera::cli {

namespace {

int rollBack(CliContext& context, UnlockedVault& unlocked, const BackupFile& backup) {
    const VaultInfo info = unlocked.open->info();
    // Opened the hardened way with the vault's password: a backup of another vault, or one this
    // password does not open, is never put in the vault's place.
    auto verified =
        probeReplica(backup.path, {}, unlocked.password, unlocked.open.secretKeyOrNull());
    if (!verified)
        return fail(verified.error());
    if (verified->vaultId != info.id)
        return fail(makeError(ErrorCode::OtherVault,
                              QStringLiteral("%1 is a backup of another vault; nothing was changed")
                                  .arg(backup.name)));
    unlocked.open.vault->lock();
    auto store = DeviceStore::open(unlocked.open.device->dataDir);
    if (!store)
        return fail(store.error());
    auto done = rollbackToBackup(*store, info.path, backup, *verified, context.clock().nowMs());
    if (!done)
        return fail(done.error());
    Output& out = context.out();
    out.line(QStringLiteral("Rolled the vault file back to %1 (last edit %2)")
                 .arg(backup.name, displayTime(verified->lastEditMs)));
    if (!done->keptVaultFile.isEmpty())
        out.line(
            QStringLiteral("The vault file it replaced is kept as backup %1")
                .arg(QStringLiteral("set-aside/") + QFileInfo(done->keptVaultFile).fileName()));
    printWarning(QStringLiteral("other devices that saw newer versions will report this file as "
                                "a possible rollback and keep their own edits"));
    return ExitOk;
}

} // namespace

int runRestoreBackup(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("restore-backup"),
                   QStringLiteral("Restore a backup (see: backups). By default it is merged like "
                                  "any copy of the vault: whatever it holds that the vault lacks "
                                  "comes back, newer edits stay (older values are in each "
                                  "entry's history), nothing is lost; then the vault file is "
                                  "published. With --rollback the backup REPLACES the vault file "
                                  "and this device's working copy instead; both are kept as "
                                  "backups first."),
                   QStringLiteral("VAULT BACKUP"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("BACKUP"),
                     QStringLiteral("A backup's name as `backups` lists it, or its path."));
    const QString rollbackOption = QStringLiteral("rollback");
    cl.addOption(QCommandLineOption(
        rollbackOption, QStringLiteral("Replace the vault file with the backup instead of merging "
                                       "it (your explicit choice: newer edits are set aside).")));
    const QString oldPasswordOption = QStringLiteral("old-password-prompt");
    cl.addOption(QCommandLineOption(
        oldPasswordOption,
        QStringLiteral("The backup was made under an older master password: read it (the line "
                       "after the current password) and merge the backup anyway.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    if (cl.isSet(rollbackOption) && cl.isSet(oldPasswordOption))
        return cl.usageError(QStringLiteral("--rollback cannot use an older master password"));

    auto unlocked = unlockKeepingPassword(context, cl.positional().at(0));
    if (!unlocked)
        return fail(unlocked.error());
    Vault& vault = *unlocked->open.vault;
    auto backup = findBackup(vault.info().backupDir, cl.positional().at(1));
    if (!backup)
        return fail(backup.error());
    if (cl.isSet(rollbackOption))
        return rollBack(context, *unlocked, *backup);

    MergeOptions options;
    options.acceptRollback = true; // a backup is older by nature; merging loses nothing
    options.otherSecretKey = unlocked->open.secretKeyOrNull();
    std::optional<SecureBuffer> oldPassword;
    if (cl.isSet(oldPasswordOption)) {
        auto read = context.secrets().read(QStringLiteral("old master password"));
        if (!read)
            return fail(read.error());
        oldPassword = std::move(*read);
        options.otherPassword = &*oldPassword;
        options.allowOlderEpoch = true;
    }
    auto merged = vault.merge(backup->path, options);
    if (!merged)
        return fail(merged.error());
    for (const QString& warning : merged->warnings)
        printWarning(warning);
    auto synced = vault.sync({});
    if (!synced)
        return fail(synced.error());
    Output& out = context.out();
    out.line(
        QStringLiteral("Merged %1 from backup %2").arg(describeChanges(*merged), backup->name));
    for (const QString& title : merged->changedTitles)
        out.line(QStringLiteral("  changed: %1").arg(displaySafe(title)));
    if (synced->merged)
        out.line(QStringLiteral("Merged %1 from the vault file (another device changed it)")
                     .arg(describeChanges(*synced)));
    out.line(synced->published ? QStringLiteral("Published the vault file")
                               : QStringLiteral("The vault file is up to date"));
    return ExitOk;
}

} // namespace tessera::cli
