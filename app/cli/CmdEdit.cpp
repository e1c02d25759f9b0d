// tessera-cli edit VAULT ENTRY ...: changes fields of an entry; replaced values go to its history.

#include "CliCommon.h"
#include "Commands.h"
#include "EntryOptions.h"
#include "Format.h"

namespace tessera::cli {

int runEdit(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("edit"),
        QStringLiteral("Change an entry; fields not named stay as they are, and replaced "
                       "values are kept in the entry's history. Secrets are read from "
                       "stdin after the master password, in the order given."),
        QStringLiteral("VAULT ENTRY"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    addEntryOptions(cl, EntryOptionSet::Edit);
    if (auto exitCode = cl.parse(withGenerateDefault(args), 2, 2))
        return *exitCode;
    auto changes = entryChangesFromOptions(cl, EntryOptionSet::Edit);
    if (!changes)
        return ExitUsage;
    if (!hasChanges(*changes, cl))
        return cl.usageError(QStringLiteral("nothing to change"));

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    auto id = (*open)->resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    if (auto read = readPromptedSecrets(cl, context.secrets(), *changes); !read)
        return fail(read.error());
    if (auto edited = (*open)->edit(*id, std::move(*changes)); !edited)
        return fail(edited.error());
    return publishAndReport(context, *open->vault,
                            QStringLiteral("Changed entry %1").arg(idHex(*id)));
}

} // namespace tessera::cli
