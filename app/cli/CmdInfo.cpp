// tessera-cli info VAULT: what the vault is (name, id, format, key epoch, KDF, counts, files).

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"

namespace tessera::cli {

int runInfo(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("info"),
                   QStringLiteral("Show the vault's name, id, format, key epoch, key derivation, "
                                  "entry counts and where its files are."),
                   QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    const VaultInfo info = (*open)->info();
    Output& out = context.out();
    if (cl.isSet(jsonOption)) {
        JsonWriter json(out);
        json.beginObject();
        json.field("name", info.name);
        json.field("id", idHex(info.id));
        json.field("formatVersion", info.formatVersion);
        json.field("keyEpoch", qint64(info.keyEpoch));
        json.key("kdf");
        json.beginObject();
        json.field("algorithm", QStringLiteral("argon2id"));
        json.field("opsLimit", int(info.kdf.opsLimit));
        json.field("memLog2", int(info.kdf.memLog2));
        json.field("memBytes", qint64(info.kdf.memBytes()));
        json.endObject();
        json.field("requiresSecretKey", info.requiresSecretKey);
        json.field("created", isoTime(info.created));
        json.field("entries", info.entryCount);
        json.field("trashed", info.trashedCount);
        json.field("path", info.path);
        json.field("workingCopy", info.workingCopy);
        json.field("backupDir", info.backupDir);
        json.field("unpublishedChanges", info.unpublishedChanges);
        json.endObject();
        json.finish();
        return ExitOk;
    }
    const auto row = [&out](const char* label, const QString& value) {
        out.line(
            QStringLiteral("%1 %2").arg(QString(QLatin1String(label)).leftJustified(15), value));
    };
    row("Name:", displaySafe(info.name));
    row("Id:", idHex(info.id));
    row("Format:", QString::number(info.formatVersion));
    row("Key epoch:", QString::number(info.keyEpoch));
    row("Key derivation:", describeKdf(info.kdf));
    row("Secret key:", info.requiresSecretKey ? QStringLiteral("required") : QStringLiteral("no"));
    row("Created:", displayTime(info.created));
    row("Entries:",
        QStringLiteral("%1 (%2 in the trash)").arg(info.entryCount).arg(info.trashedCount));
    row("File:", info.path);
    row("Working copy:", info.workingCopy);
    row("Backups:", info.backupDir);
    if (info.unpublishedChanges)
        row("Unpublished:",
            QStringLiteral("yes: the working copy has changes not yet in the file"));
    return ExitOk;
}

} // namespace tessera::cli
