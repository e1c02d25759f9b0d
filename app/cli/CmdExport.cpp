// tessera-cli export VAULT --format FORMAT [--output FILE]: take the vault out. `tessera` makes a
// NEW encrypted vault (own id, own vault key) under a new master password; the other formats are
// plaintext that other password managers import, and need --i-understand-plaintext.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

#include "export/ExportFile.h"
#include "export/Exporter.h"

#include <QFileInfo>

namespace tessera::cli {

int runExport(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("export"),
        QStringLiteral(
            "Export the vault. --format tessera writes a NEW encrypted vault (its own id and "
            "key, never merged with this one) under a new master password, read after the "
            "current one. The other formats are PLAINTEXT: anyone who gets the file reads every "
            "password, so they need --i-understand-plaintext; the file is created readable by "
            "you only. Delete it once it is imported.\nFormats: %1. What a format cannot hold "
            "is listed as a warning.")
            .arg(exportFormatNames().join(QStringLiteral(", "))),
        QStringLiteral("VAULT --format FORMAT [--output FILE]"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString formatOption = QStringLiteral("format");
    const QString outputOption = QStringLiteral("output");
    const QString forceOption = QStringLiteral("force");
    const QString plaintextOption = QStringLiteral("i-understand-plaintext");
    cl.addOption(QCommandLineOption(formatOption,
                                    QStringLiteral("The format (required): %1.")
                                        .arg(exportFormatNames().join(QStringLiteral(", "))),
                                    QStringLiteral("FORMAT")));
    cl.addOption(QCommandLineOption(
        {QStringLiteral("o"), outputOption},
        QStringLiteral("Where to write (default: stdout; required for tessera)."),
        QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(
        forceOption, QStringLiteral("Replace an existing output file (plaintext formats).")));
    cl.addOption(QCommandLineOption(
        plaintextOption, QStringLiteral("Required for every format but tessera: the output holds "
                                        "every secret unencrypted.")));
    addKdfOptions(cl, KdfDefaults::KeepVaults);
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;
    if (!cl.isSet(formatOption))
        return cl.usageError(QStringLiteral("--format FORMAT is required (%1)")
                                 .arg(exportFormatNames().join(QStringLiteral(", "))));
    const auto format = exportFormatNamed(cl.value(formatOption));
    if (!format)
        return cl.usageError(
            QStringLiteral("unknown export format \"%1\" (formats: %2)")
                .arg(cl.value(formatOption), exportFormatNames().join(QStringLiteral(", "))));
    const QString output = cl.value(outputOption);
    const bool toStdout = output.isEmpty() || output == QLatin1String("-");
    const auto choice = kdfChoice(cl);
    if (!choice)
        return ExitUsage;

    if (*format == ExportFormat::Tessera) {
        if (toStdout)
            return cl.usageError(QStringLiteral("--format tessera needs --output FILE"));
        if (QFileInfo::exists(output))
            return fail(makeError(ErrorCode::Io, QStringLiteral("%1 already exists; a Tessera "
                                                                "export is always a new file")
                                                     .arg(output)));
        auto open = unlockVault(context, cl.positional().constFirst());
        if (!open)
            return fail(open.error());
        const KdfParams kdf = choice->over((*open)->info().kdf);
        if (auto affordable = checkAffordable(kdf); !affordable)
            return fail(affordable.error());
        auto password = context.secrets().readNew(QStringLiteral("new vault's master password"));
        if (!password)
            return fail(password.error());
        auto info = exportToNewVault(*open->vault, *open->device, output, *password, kdf);
        if (!info)
            return fail(info.error());
        context.out().line(QStringLiteral("Exported %1 entries to a new vault at %2 (id %3)")
                               .arg(info->entryCount + info->trashedCount)
                               .arg(output, idHex(info->id)));
        return ExitOk;
    }

    if (!cl.isSet(plaintextOption))
        return cl.usageError(
            QStringLiteral("%1 is plaintext: anyone who gets the output reads every password. "
                           "Add --i-understand-plaintext to export anyway (or use --format "
                           "tessera for an encrypted copy)")
                .arg(cl.value(formatOption)));
    if (choice->any())
        return cl.usageError(QStringLiteral("--kdf-* options are only for --format tessera"));
    if (!toStdout && !cl.isSet(forceOption) && QFileInfo::exists(output))
        return fail(makeError(
            ErrorCode::Io, QStringLiteral("%1 already exists (--force replaces it)").arg(output)));

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    auto exported = exportPlaintext(*open->vault, *format);
    if (!exported)
        return fail(exported.error());
    for (const QString& warning : exported->warnings)
        printWarning(warning);
    if (toStdout) {
        context.out().secret(exported->bytes, Output::SecretStyle::Raw);
        return ExitOk;
    }
    if (auto written = writePrivateFile(output, exported->bytes, cl.isSet(forceOption)); !written)
        return fail(
            written.code() == ErrorCode::Io && QFileInfo::exists(output) && !cl.isSet(forceOption)
                ? makeError(ErrorCode::Io,
                            QStringLiteral("%1 already exists (--force replaces it)").arg(output))
                : written.error());
    context.out().line(QStringLiteral("Exported %1 entries to %2 (%3, plaintext: delete it once "
                                      "it is imported)")
                           .arg(exported->entries)
                           .arg(output, cl.value(formatOption)));
    return ExitOk;
}

} // namespace tessera::cli
