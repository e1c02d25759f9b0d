// tessera-cli import VAULT --format FORMAT [--map ...] [--dry-run] FILE: brings entries over from
// another password manager's export. The file is read and parsed before the master password is
// asked for (a malformed file costs nothing); then every record is matched against the vault and
// all of them are added/updated in one transaction, or none.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

#include "import/Importer.h"

namespace tessera::cli {

namespace {

QString describe(const ImportPlanItem& item) {
    QString text = displaySafe(item.title);
    if (!item.username.isEmpty())
        text += QStringLiteral(" (%1)").arg(displaySafe(item.username));
    if (!item.folder.isEmpty())
        text += QStringLiteral(" in %1").arg(displaySafe(item.folder));
    return text;
}

const char* actionName(ImportPlanItem::Action action) {
    switch (action) {
    case ImportPlanItem::Action::Add:
        return "add      ";
    case ImportPlanItem::Action::Update:
        return "update   ";
    case ImportPlanItem::Action::Duplicate:
        return "duplicate";
    }
    return "";
}

void printReport(Output& out, const ImportReport& report, bool dryRun) {
    using Action = ImportPlanItem::Action;
    if (dryRun)
        for (const ImportPlanItem& item : report.items)
            out.line(QStringLiteral("%1  %2  [%3]")
                         .arg(QLatin1String(actionName(item.action)), describe(item), item.where));
    for (const SkippedRecord& skipped : report.skipped)
        out.line(
            QStringLiteral("skipped    %1: %2").arg(skipped.where, displaySafe(skipped.reason)));
    for (const QString& warning : report.warnings)
        printWarning(displaySafe(warning));
    out.line(QStringLiteral("%1 %2 new, %3 updated (old values kept in their history), %4 "
                            "duplicate(s) unchanged, %5 skipped%6")
                 .arg(dryRun ? QStringLiteral("Dry run, nothing changed: would import")
                             : QStringLiteral("Imported"))
                 .arg(report.count(Action::Add))
                 .arg(report.count(Action::Update))
                 .arg(report.count(Action::Duplicate))
                 .arg(report.skipped.size())
                 .arg(dryRun ? QString() : QStringLiteral(".")));
}

} // namespace

int runImport(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("import"),
        QStringLiteral(
            "Import another password manager's export into the vault, all or nothing. An entry "
            "with the same title, username and URLs as an existing one is a duplicate when the "
            "password is the same too (left alone), otherwise the existing entry is updated and "
            "its old password kept in its history: importing a file twice adds nothing.\n"
            "Formats: %1.\nDelete the export file afterwards: it holds every password in plain "
            "text.")
            .arg(importFormatNames().join(QStringLiteral(", "))),
        QStringLiteral("VAULT --format FORMAT FILE"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The export file to import."));
    const QString formatOption = QStringLiteral("format");
    const QString mapOption = QStringLiteral("map");
    const QString dryRunOption = QStringLiteral("dry-run");
    cl.addOption(QCommandLineOption(formatOption,
                                    QStringLiteral("The export's format (required): %1.")
                                        .arg(importFormatNames().join(QStringLiteral(", "))),
                                    QStringLiteral("FORMAT")));
    cl.addOption(QCommandLineOption(
        mapOption,
        QStringLiteral("For --format csv: which column holds what, e.g. "
                       "title=Name,username=Login,password=Pass (roles: %1). Without it, columns "
                       "named like the roles are used. Other columns become custom fields.")
            .arg(mappingRoles().join(QStringLiteral(", "))),
        QStringLiteral("ROLE=COLUMN,...")));
    cl.addOption(QCommandLineOption(
        dryRunOption, QStringLiteral("Show what would be imported; change nothing.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    if (!cl.isSet(formatOption))
        return cl.usageError(QStringLiteral("--format FORMAT is required (%1)")
                                 .arg(importFormatNames().join(QStringLiteral(", "))));
    const auto format = importFormatNamed(cl.value(formatOption));
    if (!format)
        return cl.usageError(
            QStringLiteral("unknown import format \"%1\" (formats: %2)")
                .arg(cl.value(formatOption), importFormatNames().join(QStringLiteral(", "))));
    ColumnMapping mapping;
    if (cl.isSet(mapOption)) {
        if (*format != ImportFormat::GenericCsv)
            return cl.usageError(QStringLiteral("--map is only for --format csv"));
        auto parsedMap = parseColumnMapping(cl.value(mapOption));
        if (!parsedMap)
            return cl.usageError(parsedMap.error().message);
        mapping = std::move(*parsedMap);
    }

    const QString file = cl.positional().at(1);
    auto bytes = readImportFile(file);
    if (!bytes)
        return fail(bytes.error());
    auto parsed = parseImport(*format, *bytes, mapping);
    bytes->clear(); // the plaintext export is not kept in memory longer than the parse
    if (!parsed)
        return fail(makeError(parsed.error().code,
                              QStringLiteral("%1: %2").arg(file, parsed.error().message)));

    auto open = unlockVault(context, cl.positional().at(0));
    if (!open)
        return fail(open.error());
    const bool dryRun = cl.isSet(dryRunOption);
    if (dryRun) {
        auto report = planImport(*open->vault, *parsed);
        if (!report)
            return fail(report.error());
        printReport(context.out(), *report, true);
        return ExitOk;
    }
    auto report = importInto(*open->vault, std::move(*parsed));
    if (!report)
        return fail(report.error());
    printReport(context.out(), *report, false);
    return publishAndReport(context, *open->vault, QString());
}

} // namespace tessera::cli
