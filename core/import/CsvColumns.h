#pragma once
// Turns the records of a CSV export into entries, one column role per header column. Every
// importer of a CSV format only says which column means what (and fixes up what is special about
// its source in a hook); a column without a role becomes a custom field named after its header,
// so nothing the file held is dropped.

#include "CsvReader.h"
#include "ImportTypes.h"

#include <functional>
#include <initializer_list>
#include <optional>
#include <utility>

namespace tessera {

enum class ColumnRole {
    Title,
    Username,
    Password,
    Url,     // one URL per line
    UrlList, // URLs separated by commas or line breaks
    Notes,
    Folder, // "A/B"
    Tags,   // separated by commas or semicolons
    Totp,
    Favourite,
    Expires,
    Trashed,
    Created,  // ISO 8601 or ms since 1970
    Modified, // ISO 8601 or ms since 1970
    Field,
    ProtectedField,
    Ignore, // only for columns whose content is kept elsewhere (e.g. an icon number 0)
};

struct ColumnSpec {
    ColumnRole role = ColumnRole::Field;
    QString fieldName; // Field / ProtectedField
};

using KnownColumns = std::initializer_list<std::pair<const char*, ColumnRole>>;

// One spec per header column: known names (case-insensitive) get their role, the rest become
// custom fields named after the header.
std::vector<ColumnSpec> specsFromHeader(const QStringList& header, KnownColumns known);
// InvalidArgument "not a FORMAT export: no \"name\" column" unless every name is a column.
Status requireColumns(const CsvTable& table, std::initializer_list<const char*> names,
                      const QString& format);

// Called per record after the columns were applied: may change the entry, or return a reason to
// skip the record.
using CsvHook = std::function<std::optional<QString>(ImportRecord& record, CsvRecord& source)>;

ParsedImport mapCsv(CsvTable& table, const std::vector<ColumnSpec>& columns,
                    const CsvHook& hook = {});

// An entry with nothing in it: no title, username, password, URL, notes, TOTP or field.
bool isEmptyEntry(const EntryChanges& changes);
// Gives an untitled entry a title: the first URL's host, else the username.
void ensureTitle(EntryChanges& changes);

} // namespace tessera
