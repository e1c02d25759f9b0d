// tessera-cli add VAULT --title T ...: a new entry. Prints its id.

#include "CliCommon.h"
#include "Commands.h"
#include "EntryOptions.h"
#include "Format.h"

namespace tessera::cli {

int runAdd(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("add"),
        QStringLiteral("Add an entry and print its id. Secrets are read from stdin after "
                       "the master password, one line per prompting option, in the "
                       "order given."),
        QStringLiteral("VAULT --title TITLE"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    addEntryOptions(cl, EntryOptionSet::Add);
    if (auto exitCode = cl.parse(withGenerateDefault(args), 1, 1))
        return *exitCode;
    auto changes = entryChangesFromOptions(cl, EntryOptionSet::Add);
    if (!changes)
        return ExitUsage;

    auto open = unlockVault(context, cl.positional().constFirst(), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    if (auto read = readPromptedSecrets(cl, context.secrets(), *changes); !read)
        return fail(read.error());
    auto id = (*open)->add(std::move(*changes));
    if (!id)
        return fail(id.error());
    return publishAndReport(context, *open->vault, idHex(*id));
}

} // namespace tessera::cli
