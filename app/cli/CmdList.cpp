// tessera-cli ls VAULT and search VAULT TERM...: entry overviews, one per line or as JSON.

#include "CliCommon.h"
#include "Commands.h"
#include "EntryFormat.h"

namespace tessera::cli {

namespace {

const QString JsonOption = QStringLiteral("json");

void addCommon(CommandLine& cl) {
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addOption(QCommandLineOption(JsonOption, QStringLiteral("Print a JSON array.")));
}

} // namespace

int runLs(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("ls"),
                   QStringLiteral("List entries: id, title, user name and folder, tab-separated, "
                                  "sorted by title."),
                   QStringLiteral("VAULT"));
    addCommon(cl);
    const QString trashOption = QStringLiteral("trash");
    cl.addOption(
        QCommandLineOption(trashOption, QStringLiteral("List the entries in the trash instead.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    const bool trash = cl.isSet(trashOption);
    std::vector<const EntryOverview*> shown;
    for (const EntryOverview& entry : (*open)->entries()) {
        if (entry.trashed.value == trash)
            shown.push_back(&entry);
    }
    printOverviews(context.out(), shown, cl.isSet(JsonOption));
    return ExitOk;
}

int runSearch(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("search"),
        QStringLiteral("List entries (not in the trash) where every term matches the title, "
                       "user name, a URL, a tag or the folder, ignoring case."),
        QStringLiteral("VAULT TERM..."));
    addCommon(cl);
    cl.addPositional(QStringLiteral("TERM"), QStringLiteral("A search term (one or more)."));
    if (auto exitCode = cl.parse(args, 2, -1))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().constFirst(), nullptr, Overviews::SearchOnce);
    if (!open)
        return fail(open.error());
    const QString query = cl.positional().mid(1).join(QLatin1Char(' '));
    auto found = (*open)->searchOnce(query);
    if (!found)
        return fail(found.error());
    printOverviews(context.out(), *found, cl.isSet(JsonOption));
    return ExitOk;
}

} // namespace tessera::cli
