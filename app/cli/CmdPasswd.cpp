// tessera-cli passwd VAULT: a new master password (new vault key, every record re-sealed, next
// key epoch) and optionally new KDF parameters.

#include "CliCommon.h"
#include "Commands.h"
#include "MasterStrength.h"

namespace tessera::cli {

int runPasswd(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("passwd"),
        QStringLiteral("Change the master password. Reads the current password, then "
                       "the new one (asked twice on a terminal). Without --kdf-* options "
                       "the vault keeps its key derivation parameters."),
        QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    addKdfOptions(cl, KdfDefaults::KeepVaults);
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;
    const auto choice = kdfChoice(cl);
    if (!choice)
        return ExitUsage;

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    const KdfParams kdf = choice->over(vault.info().kdf);
    if (auto affordable = checkAffordable(kdf); !affordable)
        return fail(affordable.error());
    if (choice->any())
        warnIfWeak(kdf);

    auto newPassword = context.secrets().readNew(QStringLiteral("new master password"));
    if (!newPassword)
        return fail(newPassword.error());
    // The secret key stays: only the password changes (secret-key enable/disable for the key).
    const SecureBuffer* keepKey =
        vault.info().requiresSecretKey ? open->secretKeyOrNull() : nullptr;
    if (auto changed = vault.changePassword(*newPassword, kdf, keepKey); !changed)
        return fail(changed.error());
    const int exitCode =
        publishAndReport(context, vault,
                         QStringLiteral("Changed the master password (key epoch %1; %2)")
                             .arg(vault.info().keyEpoch)
                             .arg(describeKdf(kdf)));
    if (exitCode == ExitOk)
        reportMasterStrength(*newPassword, {vault.info().name});
    return exitCode;
}

} // namespace tessera::cli
