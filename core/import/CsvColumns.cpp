#include "CsvColumns.h"

#include "ImportText.h"

#include <QRegularExpression>

namespace tessera {

namespace {

void appendUrls(EntryChanges& changes, const QStringList& urls) {
    if (urls.isEmpty())
        return;
    if (!changes.urls)
        changes.urls = QStringList();
    for (const QString& url : urls)
        if (!changes.urls->contains(url))
            changes.urls->append(url);
}

// A flag or time column whose text is not one: kept as a custom field instead.
void keepAsField(EntryChanges& changes, const QString& name, SecureBuffer cell) {
    addField(changes, name, std::move(cell), false);
}

void applyCell(EntryChanges& c, IncomingEntry& entry, const ColumnSpec& spec, const QString& header,
               SecureBuffer cell) {
    if (cell.empty())
        return;
    switch (spec.role) {
    case ColumnRole::Title:
        c.title = textOf(cell).trimmed();
        return;
    case ColumnRole::Username:
        c.username = textOf(cell).trimmed();
        return;
    case ColumnRole::Password:
        c.password = std::move(cell);
        return;
    case ColumnRole::Notes:
        c.notes = std::move(cell);
        return;
    case ColumnRole::Totp:
        c.totp = std::move(cell);
        return;
    case ColumnRole::Url:
        appendUrls(c, splitLines(textOf(cell)));
        return;
    case ColumnRole::UrlList: {
        static const QRegularExpression separators(QStringLiteral("[,\r\n]+"));
        QStringList urls;
        for (const QString& url : textOf(cell).split(separators, Qt::SkipEmptyParts))
            if (!url.trimmed().isEmpty())
                urls.append(url.trimmed());
        appendUrls(c, urls);
        return;
    }
    case ColumnRole::Folder: {
        const QString folder = textOf(cell).trimmed();
        if (!folder.isEmpty())
            c.folder = folder;
        return;
    }
    case ColumnRole::Tags: {
        QStringList tags = c.tags.value_or(QStringList());
        for (const QString& tag : splitTags(textOf(cell)))
            if (!tags.contains(tag))
                tags.append(tag);
        c.tags = tags;
        return;
    }
    case ColumnRole::Favourite:
    case ColumnRole::Trashed: {
        const auto flag = parseFlag(textOf(cell));
        if (!flag)
            return keepAsField(c, header, std::move(cell));
        if (spec.role == ColumnRole::Favourite)
            c.favourite = *flag;
        else
            entry.trashed = *flag;
        return;
    }
    case ColumnRole::Expires:
    case ColumnRole::Created:
    case ColumnRole::Modified: {
        const auto ms = parseTimeMs(textOf(cell), true);
        if (!ms)
            return keepAsField(c, header, std::move(cell));
        if (spec.role == ColumnRole::Expires)
            c.expires = *ms;
        else if (spec.role == ColumnRole::Created)
            entry.created = *ms;
        else
            entry.modified = *ms;
        return;
    }
    case ColumnRole::Field:
    case ColumnRole::ProtectedField:
        addField(c, spec.fieldName.isEmpty() ? header : spec.fieldName, std::move(cell),
                 spec.role == ColumnRole::ProtectedField);
        return;
    case ColumnRole::Ignore:
        return;
    }
}

} // namespace

std::vector<ColumnSpec> specsFromHeader(const QStringList& header, KnownColumns known) {
    std::vector<ColumnSpec> specs;
    for (qsizetype i = 0; i < header.size(); ++i) {
        ColumnSpec spec{ColumnRole::Field, header.at(i).isEmpty()
                                               ? QStringLiteral("Column %1").arg(i + 1)
                                               : header.at(i)};
        for (const auto& [name, role] : known) {
            if (header.at(i).compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
                spec.role = role;
                break;
            }
        }
        specs.push_back(spec);
    }
    return specs;
}

Status requireColumns(const CsvTable& table, std::initializer_list<const char*> names,
                      const QString& format) {
    for (const char* name : names)
        if (table.columnOf(QLatin1String(name)) < 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("not a %1 export: the header has no \"%2\" column")
                                 .arg(format, QLatin1String(name)));
    return {};
}

bool isEmptyEntry(const EntryChanges& c) {
    const auto blank = [](const std::optional<QString>& text) {
        return !text || text->trimmed().isEmpty();
    };
    const auto none = [](const std::optional<SecureBuffer>& secret) {
        return !secret || secret->empty();
    };
    return blank(c.title) && blank(c.username) && none(c.password) && none(c.notes) &&
           none(c.totp) && (!c.urls || c.urls->isEmpty()) && c.fields.empty();
}

void ensureTitle(EntryChanges& c) {
    if (c.title && !c.title->trimmed().isEmpty())
        return;
    if (c.urls && !c.urls->isEmpty())
        c.title = titleFromUrl(c.urls->constFirst());
    else if (c.username && !c.username->isEmpty())
        c.title = *c.username;
    else
        c.title = QStringLiteral("(untitled)");
}

ParsedImport mapCsv(CsvTable& table, const std::vector<ColumnSpec>& columns, const CsvHook& hook) {
    ParsedImport parsed;
    for (CsvRecord& source : table.records) {
        ImportRecord record;
        record.where = source.where();
        for (std::size_t i = 0; i < columns.size() && i < source.cells.size(); ++i)
            if (columns[i].role != ColumnRole::Ignore) // the hook reads those
                applyCell(record.entry.changes, record.entry, columns[i],
                          table.header.at(qsizetype(i)), std::move(source.cells[i]));
        if (hook) {
            if (auto reason = hook(record, source)) {
                parsed.skipped.push_back({record.where, *reason});
                continue;
            }
        }
        if (isEmptyEntry(record.entry.changes)) {
            parsed.skipped.push_back({record.where, QStringLiteral("empty record")});
            continue;
        }
        ensureTitle(record.entry.changes);
        parsed.records.push_back(std::move(record));
    }
    return parsed;
}

} // namespace tessera
