#include "OverviewLoader.h"

#include "RecordCodec.h"
#include "VaultSession.h"

#include <QSet>

namespace tessera {

namespace {

Error entriesDamaged(const QString& what) {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: entries %1").arg(what));
}

} // namespace

Result<LoadedOverviews> loadOverviews(OpenVault& vault) {
    LoadedOverviews out;
    // The working copy is opened without PRAGMA integrity_check, and the row count check at open
    // counts an index, not the table. So a table b-tree that shows a row twice (a leaf page stored
    // twice: each copy has a valid MAC) or lost rows is caught here: every row's MAC is checked
    // against row_macs, so no duplicate and as many rows as row MACs mean exactly the MAC'd set.
    // Found by tests/fuzz/fuzz_vault_open.
    QSet<EntryId> seen;
    auto stmt = vault.db.prepare(selectWithMac(Table::Entries).constData());
    if (!stmt)
        return stmt.error();
    RowMacs macs(vault.keys.rowMac, Table::Entries);
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        const EntryId id = row.blob(0);
        if (seen.contains(id))
            return entriesDamaged(QStringLiteral("stored twice"));
        seen.insert(id);
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
    const QByteArray countMacs =
        "SELECT count(*) FROM row_macs WHERE tbl = " + QByteArray::number(int(Table::Entries));
    auto macCount = vault.db.queryInt(countMacs.constData());
    if (!macCount)
        return macCount.error();
    if (*macCount != qint64(out.overviews.size()))
        return entriesDamaged(QStringLiteral("missing"));
    return out;
}

} // namespace tessera
