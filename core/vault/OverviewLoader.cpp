#include "OverviewLoader.h"

#include "RecordCodec.h"
#include "VaultSession.h"

namespace tessera {

Result<LoadedOverviews> loadOverviews(OpenVault& vault) {
    LoadedOverviews out;
    auto stmt = vault.db.prepare(selectWithMac(Table::Entries).constData());
    if (!stmt)
        return stmt.error();
    RowMacs macs(vault.keys.rowMac, Table::Entries);
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        TESSERA_TRY(checkRow(vault.keys.rowMac, Table::Entries, *stmt));
        const EntryId id = stmt->blob(0);
        auto plain = open(vault.keys.sealing, stmt->blob(2),
                          partAd(vault.vaultId, vault.epoch, id, Part::Overview));
        if (!plain)
            return plain.error();
        auto overview = decodeOverview(*plain, id);
        if (!overview)
            return overview.error();
        out.haystacks.push_back(searchText(*overview));
        out.overviews.push_back(std::move(*overview));
    }
    return out;
}

} // namespace tessera
