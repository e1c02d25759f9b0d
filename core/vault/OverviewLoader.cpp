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
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        const EntryId id = row.blob(0);
        auto plain = open(vault.keys.sealing, row.blobView(2),
                          partAd(vault.vaultId, vault.epoch, id, Part::Overview));
        if (!plain)
            return plain.error();
        auto overview = decodeOverview(*plain, id);
        if (!overview)
            return overview.error();
        out.haystacks.push_back(searchText(*overview));
        out.overviews.push_back(std::move(*overview));
        return {};
    }));
    return out;
}

} // namespace tessera
