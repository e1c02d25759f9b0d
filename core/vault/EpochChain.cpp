#include "EpochChain.h"

#include "Integrity.h"
#include "KeyRing.h"

namespace tessera {

namespace {
Error brokenChain() {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: the key epoch chain is broken"));
}
} // namespace

Result<std::vector<EpochRecord>> readEpochs(Database& db, const RowMacKey& rowMacKey) {
    const QByteArray sql = selectWithMac(Table::Epochs) + " ORDER BY t.epoch";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    std::vector<EpochRecord> chain;
    RowMacs macs(rowMacKey, Table::Epochs);
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        EpochRecord record{quint64(row.int64(0)), row.blob(1), row.blob(2), row.blob(3),
                           row.blob(4)};
        if (record.epoch != chain.size())
            return brokenChain();
        chain.push_back(std::move(record));
        return {};
    }));
    if (chain.empty())
        return brokenChain();
    return chain;
}

Status writeEpoch(Database& db, const RowMacKey& rowMacKey, const EpochRecord& record) {
    auto stmt = db.prepare("INSERT OR REPLACE INTO epochs (epoch, header, key_hash, link, "
                           "previous_key) VALUES (?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, qint64(record.epoch))
        .bind(2, record.header)
        .bind(3, record.keyHash)
        .bind(4, record.link)
        .bind(5, record.previousKey);
    TESSERA_TRY(stmt->run());
    return updateRowMac(db, rowMacKey, Table::Epochs, qint64(record.epoch));
}

EpochRecord makeEpoch(QByteArrayView vaultId, quint64 epoch, QByteArrayView header,
                      const Key& newKey, const Key* previousKey) {
    EpochRecord record{epoch, header.toByteArray(), hashKey(newKey), {}, {}};
    if (previousKey) {
        record.link = epochLink(*previousKey, vaultId, epoch, header, record.keyHash);
        const Key wrap = deriveSubkey(newKey, KeyPurpose::PreviousKey);
        record.previousKey =
            seal(wrap, previousKey->data(), previousKey->size(), previousKeyAd(vaultId, epoch));
    }
    return record;
}

Result<Key> walkBack(const std::vector<EpochRecord>& chain, QByteArrayView vaultId,
                     const Key& currentKey, quint64 target) {
    if (chain.empty() || target >= chain.size())
        return brokenChain();
    Key key = currentKey.clone();
    if (!constantTimeEqual(hashKey(key), chain.back().keyHash))
        return brokenChain();
    for (quint64 epoch = chain.size() - 1; epoch > target; --epoch) {
        const EpochRecord& record = chain[epoch];
        const Key wrap = deriveSubkey(key, KeyPurpose::PreviousKey);
        auto previous = openKey(wrap, record.previousKey, previousKeyAd(vaultId, epoch));
        if (!previous || !constantTimeEqual(hashKey(*previous), chain[epoch - 1].keyHash))
            return brokenChain();
        if (!constantTimeEqual(epochLink(*previous, vaultId, epoch, record.header, record.keyHash),
                               record.link))
            return brokenChain();
        key = std::move(*previous);
    }
    return key;
}

} // namespace tessera
