// tessera-cli secret-key enable|disable|remember|forget VAULT: turn a vault's secret key on (a new
// one, shown once and stored on this device), off, or store/forget the key on this device.
// Turning it on or off is a new key epoch under the same master password, so other devices need
// the new key once (and a key turned off is never asked for again).

#include "CliCommon.h"
#include "Commands.h"
#include "DesktopModule.h"
#include "Format.h"
#include "SecretKeyOutput.h"

#include "sync/DeviceStore.h"
#include "vault/SecretKey.h"

#include <QFileInfo>

namespace tessera::cli {

namespace {

int enable(CliContext& context, const QString& path, bool replace, const QString& kitPath) {
    SecureBuffer password;
    auto open = unlockVault(context, path, &password);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    if (vault.info().requiresSecretKey && !replace) {
        printError(QStringLiteral("this vault already has a secret key (--replace makes a new "
                                  "one; the old one then stops working everywhere)"));
        return ExitUsage;
    }
    const SecureBuffer key = generateSecretKey();
    if (auto changed = vault.changeSecretKey(password, open->secretKeyOrNull(), &key); !changed)
        return fail(changed.error());
    password.clear();
    storeAndShowNewKey(context, vault, key);
    int exitCode = ExitOk;
    if (!kitPath.isEmpty()) {
        if (auto written = writeKitFor(vault, key, kitPath, false); written)
            context.out().line(
                QStringLiteral("Wrote the Emergency Kit to %1: print it, then delete the file.")
                    .arg(kitPath));
        else
            exitCode = fail(written.error());
    }
    const int published = publishAndReport(
        context, vault,
        QStringLiteral("Turned the secret key on (key epoch %1)").arg(vault.info().keyEpoch));
    return published != ExitOk ? published : exitCode;
}

int disable(CliContext& context, const QString& path) {
    SecureBuffer password;
    auto open = unlockVault(context, path, &password);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    if (!vault.info().requiresSecretKey) {
        printError(QStringLiteral("this vault has no secret key"));
        return ExitUsage;
    }
    if (auto changed = vault.changeSecretKey(password, open->secretKeyOrNull(), nullptr); !changed)
        return fail(changed.error());
    password.clear();
    DeviceSecretKeyStore keys = deviceSecretKeyStore(defaultDataDir());
    if (auto removed = keys.remove(vault.info().id); !removed)
        printWarning(removed.error().message);
    return publishAndReport(context, vault,
                            QStringLiteral("Turned the secret key off (key epoch %1): the master "
                                           "password alone opens the vault; old Emergency Kits "
                                           "no longer matter")
                                .arg(vault.info().keyEpoch));
}

int remember(CliContext& context, const QString& path) {
    if (context.secretKeyFile().isEmpty()) {
        printError(QStringLiteral("give the key with --secret-key-file FILE"));
        return ExitUsage;
    }
    // Unlocking proves the key (with the password) is this vault's before it is stored.
    auto open = unlockVault(context, path);
    if (!open)
        return fail(open.error());
    const VaultInfo info = open->vault->info();
    if (!info.requiresSecretKey) {
        printError(QStringLiteral("this vault has no secret key"));
        return ExitUsage;
    }
    DeviceSecretKeyStore keys = deviceSecretKeyStore(defaultDataDir());
    if (auto saved = keys.save(info.id, *open->secretKey); !saved)
        return fail(saved.error());
    context.out().line(QStringLiteral("Stored the secret key of \"%1\" on this device (%2)")
                           .arg(displaySafe(info.name), keys.location()));
    return ExitOk;
}

int forget(CliContext& context, const QString& path) {
    const QString dataDir = defaultDataDir();
    auto vaultId = knownVaultId(dataDir, path);
    if (!vaultId)
        return fail(vaultId.error());
    if (vaultId->isEmpty()) {
        printError(QStringLiteral("this device has not opened %1").arg(path));
        return ExitNotFound;
    }
    DeviceSecretKeyStore keys = deviceSecretKeyStore(dataDir);
    if (auto removed = keys.remove(*vaultId); !removed)
        return fail(removed.error());
    context.out().line(
        QStringLiteral("This device no longer stores a secret key for %1").arg(path));
    return ExitOk;
}

} // namespace

int runSecretKey(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("secret-key"),
        QStringLiteral(
            "A secret key is 128 random bits needed besides the master password, so a copy of the "
            "vault file cannot be guessed at even if the password is weak.\n"
            "  enable    turn it on (or, with --replace, make a new one): reads the master "
            "password, prints the new key ONCE and stores it on this device\n"
            "  disable   turn it off: the master password alone opens the vault again\n"
            "  remember  store the key given with --secret-key-file on this device\n"
            "  forget    remove the key stored on this device (needs no password)\n"
            "enable and disable are a new key epoch, like passwd: other devices give the new key "
            "once (--secret-key-file)."),
        QStringLiteral("enable|disable|remember|forget VAULT"));
    cl.addPositional(QStringLiteral("ACTION"), QStringLiteral("enable, disable, remember, forget"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString kitOption = QStringLiteral("emergency-kit");
    cl.addOption(QCommandLineOption(
        kitOption, QStringLiteral("enable: also write the Emergency Kit PDF to FILE (0600)."),
        QStringLiteral("FILE")));
    const QString replaceOption = QStringLiteral("replace");
    cl.addOption(QCommandLineOption(
        replaceOption, QStringLiteral("enable: replace the vault's current secret key.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    const QString action = cl.positional().at(0);
    const QString path = cl.positional().at(1);
    if ((cl.isSet(kitOption) || cl.isSet(replaceOption)) && action != QLatin1String("enable"))
        return cl.usageError(QStringLiteral("--emergency-kit and --replace are for enable"));
    if (cl.isSet(kitOption) && QFileInfo::exists(cl.value(kitOption)))
        return cl.usageError(QStringLiteral("%1 already exists").arg(cl.value(kitOption)));
    if (action == QLatin1String("enable"))
        return enable(context, path, cl.isSet(replaceOption), cl.value(kitOption));
    if (action == QLatin1String("disable"))
        return disable(context, path);
    if (action == QLatin1String("remember"))
        return remember(context, path);
    if (action == QLatin1String("forget"))
        return forget(context, path);
    return cl.usageError(
        QStringLiteral("unknown action '%1' (enable, disable, remember, forget)").arg(action));
}

} // namespace tessera::cli
