// tessera-cli sync VAULT: merges the conflict copies sync clients left beside the vault file and
// the vault file itself if another device changed it, publishes, and says what changed.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"
#include "SyncFormat.h"

#include "sync/Sync.h"

namespace tessera::cli {

namespace {

const char* outcomeName(ConflictCopyResult::Outcome outcome) {
    switch (outcome) {
    case ConflictCopyResult::Outcome::Merged:
        return "merged";
    case ConflictCopyResult::Outcome::LeftInPlace:
        return "left";
    case ConflictCopyResult::Outcome::Unrelated:
        return "ignored";
    }
    return "left";
}

void printJson(Output& out, const SyncReport& report) {
    JsonWriter json(out);
    json.beginObject();
    json.key("conflictCopies");
    json.beginArray();
    for (const ConflictCopyResult& copy : report.copies) {
        if (copy.outcome == ConflictCopyResult::Outcome::Unrelated)
            continue;
        json.beginObject();
        json.field("file", copy.fileName);
        json.field("kind", describe(copy.style));
        json.field("outcome", QString::fromLatin1(outcomeName(copy.outcome)));
        if (copy.outcome == ConflictCopyResult::Outcome::Merged) {
            writeMergeFields(json, copy.merge);
            json.field("movedTo", copy.movedTo);
        } else {
            json.field("reason", copy.reason);
        }
        json.endObject();
    }
    json.endArray();
    json.key("vaultFile");
    json.beginObject();
    json.field("merged", report.file.merged);
    if (report.file.merged)
        writeMergeFields(json, report.file);
    json.field("published", report.published());
    if (report.fileError)
        json.field("error", report.fileError->message);
    json.endObject();
    json.field("rollbackSuspected", report.rollbackSuspected());
    json.endObject();
    json.finish();
}

void printText(Output& out, const SyncReport& report) {
    for (const ConflictCopyResult& copy : report.copies) {
        const QString name = displaySafe(copy.fileName);
        switch (copy.outcome) {
        case ConflictCopyResult::Outcome::Merged:
            out.line(QStringLiteral("Merged %1 from conflict copy \"%2\" (%3); moved it to the "
                                    "backups")
                         .arg(describeChanges(copy.merge), name, describe(copy.style)));
            break;
        case ConflictCopyResult::Outcome::LeftInPlace:
            printWarning(QStringLiteral("conflict copy \"%1\" was left in place: %2")
                             .arg(name, copy.reason));
            break;
        case ConflictCopyResult::Outcome::Unrelated:
            break;
        }
        for (const QString& warning : copy.merge.warnings)
            printWarning(warning);
    }
    if (report.file.merged)
        out.line(QStringLiteral("Merged %1 from the vault file (another device changed it)")
                     .arg(describeChanges(report.file)));
    for (const QString& warning : report.file.warnings)
        printWarning(warning);
    QStringList titles;
    for (const ConflictCopyResult& copy : report.copies)
        titles << copy.merge.changedTitles;
    titles << report.file.changedTitles;
    titles.removeDuplicates();
    titles.sort(Qt::CaseInsensitive);
    for (const QString& title : titles)
        out.line(QStringLiteral("  changed: %1").arg(displaySafe(title)));
    if (report.fileError)
        return;
    out.line(report.published() ? QStringLiteral("Published the vault file")
                                : QStringLiteral("The vault file is up to date"));
}

} // namespace

int runSync(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("sync"),
                   QStringLiteral("Merge the conflict copies sync clients left beside the vault "
                                  "file (then move them to the backups) and the vault file if "
                                  "another device changed it, publish, and print what changed. "
                                  "A conflict copy that is damaged, of another vault or under "
                                  "another password is left in place and reported (exit code "
                                  "3); a vault file that looks like a rollback is not accepted."),
                   QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString newPasswordOption = QStringLiteral("new-password-prompt");
    cl.addOption(QCommandLineOption(
        newPasswordOption,
        QStringLiteral("The master password was changed on another device: read the new one "
                       "(the line after the current password) to move this device to it.")));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto unlocked = unlockKeepingPassword(context, cl.positional().constFirst());
    if (!unlocked)
        return fail(unlocked.error());
    std::optional<SecureBuffer> newPassword;
    SyncOptions options;
    options.password = &unlocked->password;
    options.secretKey = unlocked->open.secretKeyOrNull();
    options.file.otherSecretKey = options.secretKey; // a key turned on elsewhere: --secret-key-file
    if (cl.isSet(newPasswordOption)) {
        auto read = context.secrets().read(QStringLiteral("new master password"));
        if (!read)
            return fail(read.error());
        newPassword = std::move(*read);
        options.file.otherPassword = &*newPassword;
    }
    auto report = syncVault(*unlocked->open.vault, context.clock(), options);
    if (!report)
        return fail(report.error());
    if (cl.isSet(jsonOption))
        printJson(context.out(), *report);
    else
        printText(context.out(), *report);
    if (report->fileError)
        return fail(*report->fileError);
    return report->leftInPlace() > 0 ? int(ExitBadVault) : int(ExitOk);
}

} // namespace tessera::cli
