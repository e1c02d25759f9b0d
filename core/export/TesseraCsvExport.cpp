// Tessera's own CSV: every overview and details field in its own column, one column per custom
// field name ("field:NAME", or "protected:NAME" for protected values). `tessera-cli import
// --format csv` reads it back without a mapping. Only the history and attachments do not fit.
#include "ExportText.h"
#include "Exporter.h"

#include "import/ImportText.h"

#include <map>

namespace tessera {

namespace {

const char* const FixedColumns[] = {"title",   "username", "password", "urls",      "notes",
                                    "folder",  "tags",     "totp",     "favourite", "expires",
                                    "trashed", "created",  "modified"};

QString columnFor(const CustomField& field) {
    return (field.isProtected ? QStringLiteral("protected:") : QStringLiteral("field:")) +
           field.name;
}

} // namespace

PlainExport writeTesseraCsv(std::vector<ExportItem>& items) {
    PlainExport out;
    QStringList fieldColumns;
    for (const ExportItem& item : items)
        for (const CustomField* field : item.details.liveFields())
            if (!fieldColumns.contains(columnFor(*field)))
                fieldColumns.append(columnFor(*field));
    fieldColumns.sort();

    bool first = true;
    const auto separator = [&] {
        if (!first)
            out.bytes.appendByte(',');
        first = false;
    };
    for (const char* column : FixedColumns) {
        separator();
        appendCsvCell(out.bytes, std::string_view(column));
    }
    for (const QString& column : std::as_const(fieldColumns)) {
        separator();
        appendCsvCell(out.bytes, column);
    }
    out.bytes.append(std::string_view("\r\n"));

    int history = 0;
    for (const ExportItem& item : items) {
        const EntryOverview& o = *item.overview;
        const EntryDetails& d = item.details;
        first = true;
        const auto text = [&](const QString& value) {
            separator();
            appendCsvCell(out.bytes, value);
        };
        const auto secret = [&](const SecureBuffer& value) {
            separator();
            appendCsvCell(out.bytes, value.view());
        };
        text(o.title.value);
        text(o.username.value);
        secret(d.password.value);
        text(o.urlList().join(QLatin1Char('\n')));
        secret(d.notes.value);
        text(o.folder.value);
        text(o.tagList().join(QStringLiteral(", ")));
        secret(d.totp.value);
        text(o.favourite.value ? QStringLiteral("true") : QStringLiteral("false"));
        text(o.expires.value > 0 ? isoTime(o.expires.value) : QString());
        text(o.trashed.value ? QStringLiteral("true") : QStringLiteral("false"));
        text(isoTime(o.created));
        text(isoTime(o.modified));
        const auto live = d.liveFields();
        for (const QString& column : std::as_const(fieldColumns)) {
            const auto found = std::find_if(live.begin(), live.end(), [&](const CustomField* f) {
                return columnFor(*f) == column;
            });
            if (found != live.end())
                secret((*found)->value);
            else
                text(QString());
        }
        out.bytes.append(std::string_view("\r\n"));
        history += int(d.history.size());
        ++out.entries;
    }
    if (history > 0)
        out.warnings.append(
            QStringLiteral("%1 history item(s) not exported: CSV has no place for previous "
                           "values (keepass-xml and tessera keep them)")
                .arg(history));
    return out;
}

} // namespace tessera
