// tessera-cli emergency-kit VAULT FILE.pdf: the printable Emergency Kit of a vault with a secret
// key (vault name, id and file, the key, a blank for the master password).

#include "CliCommon.h"
#include "Commands.h"
#include "SecretKeyOutput.h"

namespace tessera::cli {

int runEmergencyKit(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("emergency-kit"),
                   QStringLiteral("Write the vault's Emergency Kit: one A4 page (PDF, readable by "
                                  "you only) with the vault's name, id and file, its secret key "
                                  "and a box for the master password, to be written by hand. "
                                  "Print it and delete the file. Needs the secret key (stored "
                                  "on this device, or --secret-key-file)."),
                   QStringLiteral("VAULT FILE.pdf"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("FILE.pdf"), QStringLiteral("Where to write the kit."));
    const QString forceOption = QStringLiteral("force");
    cl.addOption(QCommandLineOption(forceOption, QStringLiteral("Replace FILE.pdf if it exists.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    const QString pdf = cl.positional().at(1);
    auto open = unlockVault(context, cl.positional().at(0));
    if (!open)
        return fail(open.error());
    if (!open->vault->info().requiresSecretKey || !open->secretKey) {
        printError(QStringLiteral("this vault has no secret key, so it needs no Emergency Kit "
                                  "(turn one on with: tessera-cli secret-key enable VAULT)"));
        return ExitUsage;
    }
    if (auto written = writeKitFor(*open->vault, *open->secretKey, pdf, cl.isSet(forceOption));
        !written)
        return fail(written.error());
    context.out().line(
        QStringLiteral("Wrote the Emergency Kit to %1: print it, then delete the file.").arg(pdf));
    return ExitOk;
}

} // namespace tessera::cli
