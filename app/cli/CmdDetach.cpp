// tessera-cli detach VAULT ENTRY NAME: removes an attachment from an entry.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

namespace tessera::cli {

int runDetach(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("detach"), QStringLiteral("Remove an attachment from an entry."),
                   QStringLiteral("VAULT ENTRY NAME"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("The attachment's name."));
    if (auto exitCode = cl.parse(args, 3, 3))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    const QString name = cl.positional().at(2);
    if (auto detached = vault.detach(*id, name); !detached)
        return fail(detached.error());
    return publishAndReport(context, vault,
                            QStringLiteral("Removed \"%1\"").arg(displaySafe(name)));
}

} // namespace tessera::cli
