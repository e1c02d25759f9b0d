// Firefox's password export (about:logins → Export): url, username, password, httpRealm,
// formActionOrigin, guid, timeCreated, timeLastUsed, timePasswordChanged (times in ms since
// 1970). Firefox has no titles: the entry is titled after the URL's host. httpRealm,
// formActionOrigin and guid are kept as custom fields; the last use as an ISO date field.
#include "CsvColumns.h"
#include "ImportText.h"
#include "Importers.h"

namespace tessera {

namespace {

std::optional<QString> lastUsedAsDate(ImportRecord& record, CsvRecord&) {
    for (EntryChanges::Field& field : record.entry.changes.fields) {
        if (field.name != QLatin1String("timeLastUsed") || !field.value)
            continue;
        if (const auto ms = parseTimeMs(textOf(*field.value), true)) {
            field.name = QStringLiteral("Last used");
            field.value = SecureBuffer::copyOf(isoTime(*ms).toStdString());
        }
    }
    return std::nullopt;
}

} // namespace

Result<ParsedImport> importFirefoxCsv(const SecureBuffer& bytes) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    TESSERA_TRY(requireColumns(*table, {"url", "username", "password"}, QStringLiteral("Firefox")));
    const auto specs =
        specsFromHeader(table->header, {{"url", ColumnRole::Url},
                                        {"username", ColumnRole::Username},
                                        {"password", ColumnRole::Password},
                                        {"timeCreated", ColumnRole::Created},
                                        {"timePasswordChanged", ColumnRole::Modified}});
    return mapCsv(*table, specs, lastUsedAsDate);
}

} // namespace tessera
