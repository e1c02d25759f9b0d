// Bitwarden's CSV export (personal vault): folder, favorite, type, name, notes, fields, reprompt,
// login_uri, login_username, login_password, login_totp. Several URIs are separated by commas;
// custom fields are "name: value" lines in the fields column (a line without ": " continues the
// previous value). An organisation export's "collections" column becomes tags.
#include "CsvColumns.h"
#include "ImportText.h"
#include "Importers.h"

namespace tessera {

namespace {

// Parses the fields cell without any QString holding a value.
void addFieldsCell(EntryChanges& c, const SecureBuffer& cell) {
    const std::string_view text = cell.view();
    QString name;
    SecureBuffer value;
    bool open = false;
    const auto flush = [&] {
        if (open)
            addField(c, name, std::move(value), false);
        value = SecureBuffer();
        open = false;
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const std::size_t colon = line.find(": ");
        if (colon != std::string_view::npos && colon > 0) {
            flush();
            name = QString::fromUtf8(line.data(), qsizetype(colon)).trimmed();
            value.append(line.substr(colon + 2));
            open = true;
        } else if (open) {
            value.appendByte('\n');
            value.append(line);
        } else if (!line.empty()) {
            name = QString::fromUtf8(line.data(), qsizetype(line.size())).trimmed();
            open = true; // a field name with an empty value
        }
        start = end + 1;
    }
    flush();
}

} // namespace

Result<ParsedImport> importBitwardenCsv(const SecureBuffer& bytes) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    TESSERA_TRY(requireColumns(*table, {"type", "name", "login_username", "login_password"},
                               QStringLiteral("Bitwarden CSV")));
    const auto specs = specsFromHeader(table->header, {{"folder", ColumnRole::Folder},
                                                       {"favorite", ColumnRole::Favourite},
                                                       {"type", ColumnRole::Ignore},
                                                       {"name", ColumnRole::Title},
                                                       {"notes", ColumnRole::Notes},
                                                       {"fields", ColumnRole::Ignore},
                                                       {"reprompt", ColumnRole::Ignore},
                                                       {"collections", ColumnRole::Tags},
                                                       {"login_uri", ColumnRole::UrlList},
                                                       {"login_username", ColumnRole::Username},
                                                       {"login_password", ColumnRole::Password},
                                                       {"login_totp", ColumnRole::Totp}});
    const int type = table->columnOf(QStringLiteral("type"));
    const int fields = table->columnOf(QStringLiteral("fields"));
    const int reprompt = table->columnOf(QStringLiteral("reprompt"));
    return mapCsv(*table, specs, [=](ImportRecord& record, CsvRecord& source) {
        EntryChanges& c = record.entry.changes;
        if (fields >= 0)
            addFieldsCell(c, source.cells[std::size_t(fields)]);
        const QString kind = textOf(source.cells[std::size_t(type)]).trimmed().toLower();
        if (!kind.isEmpty() && kind != QLatin1String("login") && kind != QLatin1String("note"))
            addField(c, QStringLiteral("Bitwarden type"), SecureBuffer::copyOf(kind.toStdString()),
                     false);
        if (reprompt >= 0) {
            const SecureBuffer& cell = source.cells[std::size_t(reprompt)];
            if (!cell.empty() && cell.view() != std::string_view("0"))
                addField(c, QStringLiteral("Bitwarden reprompt"), cell.clone(), false);
        }
        return std::optional<QString>();
    });
}

} // namespace tessera
