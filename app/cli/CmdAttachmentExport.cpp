// tessera-cli attachment-export VAULT ENTRY NAME --output FILE: writes an attachment's bytes out
// of the vault, straight from secure memory, into a file only the user can read.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "export/ExportFile.h"

namespace tessera::cli {

int runAttachmentExport(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("attachment-export"),
                   QStringLiteral("Write an attachment to a file (created readable by you only; an "
                                  "existing file is replaced). --output - writes to stdout."),
                   QStringLiteral("VAULT ENTRY NAME --output FILE"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("The attachment's name."));
    const QString outputOption = QStringLiteral("output");
    cl.addOption(QCommandLineOption({QStringLiteral("o"), outputOption},
                                    QStringLiteral("Where to write it (required)."),
                                    QStringLiteral("FILE")));
    if (auto exitCode = cl.parse(args, 3, 3))
        return *exitCode;
    const QString output = cl.value(outputOption);
    if (output.isEmpty())
        return cl.usageError(QStringLiteral("--output FILE is required"));

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    const Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    auto content = vault.attachmentContent(*id, cl.positional().at(2));
    if (!content)
        return fail(content.error());
    if (output == QLatin1String("-")) {
        context.out().secret(*content, Output::SecretStyle::Raw);
        return ExitOk;
    }
    if (auto written = writePrivateFile(output, *content, true); !written)
        return fail(written.error());
    context.out().line(
        QStringLiteral("Wrote %1 to %2").arg(displaySize(qint64(content->size())), output));
    return ExitOk;
}

} // namespace tessera::cli
