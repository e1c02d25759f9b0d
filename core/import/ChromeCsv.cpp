// Chrome, Chromium and Edge password export: name,url,username,password and, in newer versions,
// note. An entry without a name is titled after its URL's host.
#include "CsvColumns.h"
#include "Importers.h"

namespace tessera {

Result<ParsedImport> importChromeCsv(const SecureBuffer& bytes) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    TESSERA_TRY(requireColumns(*table, {"name", "url", "username", "password"},
                               QStringLiteral("Chrome/Chromium/Edge")));
    const auto specs = specsFromHeader(table->header, {{"name", ColumnRole::Title},
                                                       {"url", ColumnRole::Url},
                                                       {"username", ColumnRole::Username},
                                                       {"password", ColumnRole::Password},
                                                       {"note", ColumnRole::Notes}});
    return mapCsv(*table, specs);
}

} // namespace tessera
