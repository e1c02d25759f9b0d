// tessera-cli backups VAULT: the backups this device keeps of the vault: published versions it
// replaced, conflict copies it merged, working copies and files it set aside; with when, size and
// the device that last edited each.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"
#include "SyncFormat.h"

#include "sync/Backups.h"

namespace tessera::cli {

namespace {

const char* kindName(BackupKind kind) {
    switch (kind) {
    case BackupKind::Published:
        return "published";
    case BackupKind::ConflictCopy:
        return "conflict-copy";
    case BackupKind::BeforeRollback:
        return "before-rollback";
    case BackupKind::WorkingCopy:
        return "working-copy";
    }
    return "published";
}

QString describeKind(const BackupFile& backup) {
    switch (backup.kind) {
    case BackupKind::Published:
        return QStringLiteral("published version");
    case BackupKind::ConflictCopy:
        return backup.origin.isEmpty() ? QStringLiteral("conflict copy (from elsewhere)")
                                       : QStringLiteral("conflict copy \"%1\" (from elsewhere)")
                                             .arg(displaySafe(backup.origin));
    case BackupKind::BeforeRollback:
        return QStringLiteral("vault file before a rollback");
    case BackupKind::WorkingCopy:
        return QStringLiteral("set-aside working copy");
    }
    return {};
}

QString describeDevice(const BackupFile& backup, const QByteArray& self) {
    if (!backup.identified)
        return QStringLiteral("unknown (another password?)");
    if (backup.otherVault)
        return QStringLiteral("another vault");
    return QStringLiteral("%1%2, %3")
        .arg(shortDevice(backup.lastDevice),
             backup.lastDevice == self ? QStringLiteral(" (this device)") : QString(),
             displayTime(backup.lastEditMs));
}

} // namespace

int runBackups(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("backups"),
                   QStringLiteral("List the backups this device keeps of the vault, newest "
                                  "first: published versions it replaced (the last 10), conflict "
                                  "copies it merged (the last 20), and working copies and vault "
                                  "files it set aside (kept for good). Restore one with "
                                  "restore-backup. Your cloud provider's version history keeps "
                                  "old copies too."),
                   QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto unlocked = unlockKeepingPassword(context, cl.positional().constFirst());
    if (!unlocked)
        return fail(unlocked.error());
    const Vault& vault = *unlocked->open.vault;
    const VaultInfo info = vault.info();
    auto backups = listBackups(info.backupDir);
    if (!backups)
        return fail(backups.error());
    identifyBackups(*backups, info.backupDir, info.id, unlocked->password,
                    unlocked->open.secretKeyOrNull());
    const QByteArray self = vault.deviceId();

    Output& out = context.out();
    if (cl.isSet(jsonOption)) {
        JsonWriter json(out);
        json.beginArray();
        for (const BackupFile& backup : *backups) {
            json.beginObject();
            json.field("name", backup.name);
            json.field("time", isoTime(backup.time));
            json.field("size", backup.size);
            json.field("kind", QString::fromLatin1(kindName(backup.kind)));
            json.field("fromElsewhere", backup.fromElsewhere());
            if (!backup.origin.isEmpty())
                json.field("origin", backup.origin);
            json.field("identified", backup.identified);
            if (backup.identified) {
                json.field("otherVault", backup.otherVault);
                json.field("lastDevice", idHex(backup.lastDevice));
                json.field("lastDeviceIsThisDevice", backup.lastDevice == self);
                json.field("lastEdit", isoTime(backup.lastEditMs));
                json.field("keyEpoch", qint64(backup.keyEpoch));
            }
            json.field("path", backup.path);
            json.endObject();
        }
        json.endArray();
        json.finish();
        return ExitOk;
    }
    if (backups->empty()) {
        out.line(QStringLiteral("No backups yet (one is kept each time this device replaces the "
                                "vault file)"));
        return ExitOk;
    }
    for (const BackupFile& backup : *backups) {
        out.line(QStringLiteral("%1  %2  %3  %4")
                     .arg(backup.name, displayTime(backup.time), displaySize(backup.size),
                          describeKind(backup)));
        out.line(QStringLiteral("    last edit: %1").arg(describeDevice(backup, self)));
    }
    return ExitOk;
}

} // namespace tessera::cli
