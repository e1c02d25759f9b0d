// tessera-cli rm VAULT ENTRY [--purge]: to the trash, or for good (a permanent tombstone).

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

namespace tessera::cli {

int runRm(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("rm"),
        QStringLiteral("Move an entry to the trash (restore brings it back). With --purge, "
                       "delete it for good, from the trash or not."),
        QStringLiteral("VAULT ENTRY"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    const QString purgeOption = QStringLiteral("purge");
    cl.addOption(
        QCommandLineOption(purgeOption, QStringLiteral("Delete for good; cannot be undone.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    const bool purge = cl.isSet(purgeOption);

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), purge ? Scope::Any : Scope::Live);
    if (!id)
        return fail(id.error());
    const QString title = displaySafe(vault.entry(*id) ? vault.entry(*id)->title.value : QString());
    if (auto removed = purge ? vault.purge(*id) : vault.trash(*id); !removed)
        return fail(removed.error());
    return publishAndReport(context, vault,
                            purge ? QStringLiteral("Deleted \"%1\" for good").arg(title)
                                  : QStringLiteral("Moved \"%1\" to the trash").arg(title));
}

} // namespace tessera::cli
