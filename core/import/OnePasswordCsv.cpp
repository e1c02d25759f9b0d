// 1Password 8's CSV export: Title, Url, Username, Password, OTPAuth, Favorite, Archived, Tags,
// Notes (older versions name the columns URL/Website and "One-time password"; both accepted).
// An archived item is imported with the tag "Archived" (Tessera's trash is for deleted items).
#include "CsvColumns.h"
#include "ImportText.h"
#include "Importers.h"

namespace tessera {

Result<ParsedImport> importOnePasswordCsv(const SecureBuffer& bytes) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    TESSERA_TRY(
        requireColumns(*table, {"Title", "Username", "Password"}, QStringLiteral("1Password CSV")));
    const auto specs = specsFromHeader(table->header, {{"Title", ColumnRole::Title},
                                                       {"Url", ColumnRole::Url},
                                                       {"Website", ColumnRole::Url},
                                                       {"Username", ColumnRole::Username},
                                                       {"Password", ColumnRole::Password},
                                                       {"OTPAuth", ColumnRole::Totp},
                                                       {"One-time password", ColumnRole::Totp},
                                                       {"Favorite", ColumnRole::Favourite},
                                                       {"Archived", ColumnRole::Ignore},
                                                       {"Tags", ColumnRole::Tags},
                                                       {"Notes", ColumnRole::Notes}});
    const int archived = table->columnOf(QStringLiteral("Archived"));
    return mapCsv(*table, specs, [archived](ImportRecord& record, CsvRecord& source) {
        if (archived < 0)
            return std::optional<QString>();
        const SecureBuffer& cell = source.cells[std::size_t(archived)];
        const auto flag = parseFlag(textOf(cell));
        EntryChanges& c = record.entry.changes;
        if (flag.value_or(true) && !cell.empty()) {
            QStringList tags = c.tags.value_or(QStringList());
            tags.append(QStringLiteral("Archived"));
            c.tags = tags;
        }
        return std::optional<QString>();
    });
}

} // namespace tessera
