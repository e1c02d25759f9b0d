// tessera-cli create VAULT: a new vault file, with the master password read once from stdin
// (twice on a terminal).

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "MasterStrength.h"
#include "SecretKeyOutput.h"

#include "vault/SecretKey.h"
#include "vault/SecretKeyStore.h"

#include <QFileInfo>

namespace tessera::cli {

int runCreate(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("create"),
        QStringLiteral("Create a new vault file (it must not exist yet). Reads the new "
                       "master password from stdin, or asks twice on a terminal.\nWithout "
                       "--kdf-* options the key derivation is calibrated to about one "
                       "second on this machine."),
        QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"),
                     QStringLiteral("The vault file, e.g. Personal.tessera."));
    const QString nameOption = QStringLiteral("name");
    cl.addOption(QCommandLineOption(
        nameOption, QStringLiteral("The vault's name (default: the file's base name)."),
        QStringLiteral("NAME")));
    const QString secretKeyOption = QStringLiteral("secret-key");
    cl.addOption(QCommandLineOption(
        secretKeyOption,
        QStringLiteral("Protect the vault with a secret key as well: a new random key, printed "
                       "once and stored on this device (with --secret-key-file FILE: that key).")));
    const QString kitOption = QStringLiteral("emergency-kit");
    cl.addOption(QCommandLineOption(
        kitOption, QStringLiteral("With --secret-key: write the Emergency Kit PDF to FILE."),
        QStringLiteral("FILE")));
    addKdfOptions(cl, KdfDefaults::Calibrated);
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;
    const bool withKey = cl.isSet(secretKeyOption);
    if (cl.isSet(kitOption) && !withKey)
        return cl.usageError(QStringLiteral("--emergency-kit needs --secret-key"));
    if (!context.secretKeyFile().isEmpty() && !withKey)
        return cl.usageError(QStringLiteral("--secret-key-file with create needs --secret-key"));
    if (cl.isSet(kitOption) && QFileInfo::exists(cl.value(kitOption)))
        return cl.usageError(QStringLiteral("%1 already exists").arg(cl.value(kitOption)));
    const auto choice = kdfChoice(cl);
    if (!choice)
        return ExitUsage;

    const QString path = cl.positional().constFirst();
    const QFileInfo file(path);
    if (file.exists()) {
        printError(QStringLiteral("%1 already exists; create never overwrites a file").arg(path));
        return ExitIo;
    }
    Vault::CreateOptions options;
    options.name = cl.isSet(nameOption) ? cl.value(nameOption) : file.completeBaseName();
    if (options.name.trimmed().isEmpty())
        return cl.usageError(QStringLiteral("the vault name must not be empty"));

    auto device = context.device();
    if (!device)
        return fail(device.error());
    auto password = context.secrets().readNew(QStringLiteral("master password"));
    if (!password)
        return fail(password.error());

    if (choice->opsLimit) {
        options.kdf = choice->over(KdfParams{});
    } else {
        // Calibration only raises the iterations: a vault made here still opens on a small laptop.
        const KdfParams base = choice->over(KdfParams{});
        if (auto affordable = checkAffordable(base); !affordable)
            return fail(affordable.error());
        options.kdf = calibrateKdf(context.clock(), base.memLog2);
    }
    if (auto affordable = checkAffordable(options.kdf); !affordable)
        return fail(affordable.error());
    warnIfWeak(options.kdf);

    std::optional<SecureBuffer> secretKey;
    if (withKey) {
        if (context.secretKeyFile().isEmpty()) {
            secretKey = generateSecretKey();
        } else {
            auto read = readSecretKeyFile(context.secretKeyFile());
            if (!read)
                return fail(read.error());
            secretKey = std::move(read->key);
        }
        options.secretKey = &*secretKey;
    }

    auto vault = Vault::create(*device, path, *password, options);
    if (!vault)
        return fail(vault.error());
    const VaultInfo info = (*vault)->info();
    if (auto published = (*vault)->publish(); !published)
        return fail(published.error());
    context.out().line(QStringLiteral("Created vault \"%1\" (%2) at %3")
                           .arg(displaySafe(info.name), idHex(info.id), path));
    context.out().line(QStringLiteral("Key derivation: %1").arg(describeKdf(info.kdf)));
    int exitCode = ExitOk;
    if (secretKey) {
        storeAndShowNewKey(context, **vault, *secretKey);
        if (cl.isSet(kitOption)) {
            if (auto kit = writeKitFor(**vault, *secretKey, cl.value(kitOption), false); kit)
                context.out().line(
                    QStringLiteral("Wrote the Emergency Kit to %1: print it, then delete the file.")
                        .arg(cl.value(kitOption)));
            else
                exitCode = fail(kit.error());
        }
    }
    reportMasterStrength(*password, {info.name, file.completeBaseName()});
    return exitCode;
}

} // namespace tessera::cli
