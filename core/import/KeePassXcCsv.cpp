// KeePassXC's CSV export (checked against keepassxc-cli 2.7.4 `export --format csv`): the group
// path starts with the root group's name, which is not a folder; the recycle bin's entries sit
// under "<root>/Recycle Bin".
#include "CsvColumns.h"
#include "ImportText.h"
#include "Importers.h"

namespace tessera {

namespace {

const QString RecycleBin = QStringLiteral("Recycle Bin");

std::optional<QString> fixGroup(ImportRecord& record, CsvRecord&) {
    EntryChanges& c = record.entry.changes;
    if (c.folder) {
        const qsizetype slash = c.folder->indexOf(QLatin1Char('/'));
        QString folder = slash < 0 ? QString() : c.folder->mid(slash + 1);
        if (folder == RecycleBin || folder.startsWith(RecycleBin + QLatin1Char('/'))) {
            record.entry.trashed = true;
            folder = folder.mid(RecycleBin.size() + 1);
        }
        if (folder.isEmpty())
            c.folder.reset();
        else
            c.folder = folder;
    }
    // The default icon carries nothing; another icon number is kept as a field.
    std::erase_if(c.fields, [](const EntryChanges::Field& field) {
        return field.name == QLatin1String("Icon") && field.value &&
               field.value->view() == std::string_view("0");
    });
    return std::nullopt;
}

} // namespace

Result<ParsedImport> importKeePassXcCsv(const SecureBuffer& bytes) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    TESSERA_TRY(requireColumns(*table, {"Group", "Title", "Username", "Password", "URL", "Notes"},
                               QStringLiteral("KeePassXC CSV")));
    const auto specs = specsFromHeader(table->header, {{"Group", ColumnRole::Folder},
                                                       {"Title", ColumnRole::Title},
                                                       {"Username", ColumnRole::Username},
                                                       {"Password", ColumnRole::Password},
                                                       {"URL", ColumnRole::Url},
                                                       {"Notes", ColumnRole::Notes},
                                                       {"TOTP", ColumnRole::Totp},
                                                       {"Last Modified", ColumnRole::Modified},
                                                       {"Created", ColumnRole::Created}});
    return mapCsv(*table, specs, fixGroup);
}

} // namespace tessera
