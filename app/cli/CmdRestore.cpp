// tessera-cli restore VAULT ENTRY: brings an entry back from the trash.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

namespace tessera::cli {

int runRestore(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("restore"), QStringLiteral("Bring an entry back from the trash."),
                   QStringLiteral("VAULT ENTRY"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"),
                     QStringLiteral("The trashed entry's id or exact title (see: ls --trash)."));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Trashed);
    if (!id)
        return fail(id.error());
    if (auto restored = vault.restore(*id); !restored)
        return fail(restored.error());
    const QString title = displaySafe(vault.entry(*id) ? vault.entry(*id)->title.value : QString());
    return publishAndReport(context, vault, QStringLiteral("Restored \"%1\"").arg(title));
}

} // namespace tessera::cli
