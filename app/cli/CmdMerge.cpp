// tessera-cli merge VAULT OTHER...: merges other copies of the vault (a copy from a USB stick, a
// conflict copy, a file from another folder) into it field by field, then publishes. Each OTHER is
// opened the hardened way and never written; one that is damaged, of another vault, or under a
// password not given is reported and left out, and the others are still merged.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "SyncFormat.h"

#include <QFileInfo>

#include <optional>

namespace tessera::cli {

namespace {

QString hintFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::PossibleRollback:
        return QStringLiteral(" (--accept-rollback merges it anyway)");
    case ErrorCode::PasswordNeeded:
        return QStringLiteral(" (--other-password-prompt reads its password)");
    case ErrorCode::OlderEpoch:
        return QStringLiteral(" (--old-password-prompt reads that old password)");
    default:
        return QString();
    }
}

} // namespace

int runMerge(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("merge"),
                   QStringLiteral("Merge other copies of the vault into it, field by field, then "
                                  "publish. Nothing either copy holds is lost: where both changed "
                                  "one field, the later edit wins and the other value goes to the "
                                  "entry's history; purged entries stay purged."),
                   QStringLiteral("VAULT OTHER..."));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("OTHER"),
                     QStringLiteral("Copies of the same vault to merge in (never written)."));
    const QString otherPasswordOption = QStringLiteral("other-password-prompt");
    cl.addOption(QCommandLineOption(
        otherPasswordOption,
        QStringLiteral("The copies are under another master password (changed on another "
                       "device): read it (the line after VAULT's password). A copy at a newer "
                       "key epoch moves this vault up to it.")));
    const QString oldPasswordOption = QStringLiteral("old-password-prompt");
    cl.addOption(QCommandLineOption(
        oldPasswordOption,
        QStringLiteral("The copies were made under an OLDER master password: read it (the line "
                       "after VAULT's password) and merge them anyway, with a warning.")));
    const QString rollbackOption = QStringLiteral("accept-rollback");
    cl.addOption(QCommandLineOption(
        rollbackOption, QStringLiteral("Merge copies that lack edits this device has already "
                                       "seen (a possible rollback; merging loses nothing).")));
    if (auto exitCode = cl.parse(args, 2, -1))
        return *exitCode;
    if (cl.isSet(otherPasswordOption) && cl.isSet(oldPasswordOption))
        return cl.usageError(
            QStringLiteral("give either --other-password-prompt or --old-password-prompt"));

    auto open = unlockVault(context, cl.positional().at(0));
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    MergeOptions options;
    options.acceptRollback = cl.isSet(rollbackOption);
    options.allowOlderEpoch = cl.isSet(oldPasswordOption);
    options.otherSecretKey = open->secretKeyOrNull();
    std::optional<SecureBuffer> otherPassword;
    if (cl.isSet(otherPasswordOption) || cl.isSet(oldPasswordOption)) {
        auto read = context.secrets().read(options.allowOlderEpoch
                                               ? QStringLiteral("old master password")
                                               : QStringLiteral("other copies' master password"));
        if (!read)
            return fail(read.error());
        otherPassword = std::move(*read);
        options.otherPassword = &*otherPassword;
    }

    Output& out = context.out();
    int exitCode = ExitOk;
    const QString vaultPath = QFileInfo(cl.positional().at(0)).absoluteFilePath();
    for (qsizetype i = 1; i < cl.positional().size(); ++i) {
        const QString& other = cl.positional().at(i);
        if (QFileInfo(other).absoluteFilePath() == vaultPath) {
            printError(QStringLiteral("%1 is the vault itself; use sync to merge the vault file")
                           .arg(other));
            exitCode = exitCode == ExitOk ? int(ExitUsage) : exitCode;
            continue;
        }
        auto merged = vault.merge(other, options);
        if (!merged) {
            printError(merged.error().message + hintFor(merged.code()));
            if (exitCode == ExitOk)
                exitCode = exitCodeFor(merged.code());
            continue;
        }
        for (const QString& warning : merged->warnings)
            printWarning(warning);
        out.line(QStringLiteral("Merged %1 from %2")
                     .arg(describeChanges(*merged), displaySafe(QFileInfo(other).fileName())));
        if (merged->movedToEpoch)
            out.line(QStringLiteral("  this vault now uses that copy's newer master password "
                                    "(key epoch %1)")
                         .arg(merged->keyEpoch));
        for (const QString& title : merged->changedTitles)
            out.line(QStringLiteral("  changed: %1").arg(displaySafe(title)));
    }

    auto synced = vault.sync(MergeOptions{});
    if (!synced)
        return fail(synced.error());
    for (const QString& warning : synced->warnings)
        printWarning(warning);
    if (synced->merged)
        out.line(QStringLiteral("Merged %1 from the vault file (another device changed it)")
                     .arg(describeChanges(*synced)));
    out.line(synced->published ? QStringLiteral("Published the vault file")
                               : QStringLiteral("The vault file is up to date"));
    return exitCode;
}

} // namespace tessera::cli
