#pragma once
// Key epochs (core/FORMAT.md "epochs"): every master-password change makes a new vault key and a
// link from the previous one, so a device at an older epoch can verify its way up to today's key.

#include "KeyRing.h"
#include "common/Result.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <vector>

namespace tessera {

struct EpochRecord {
    quint64 epoch = 0;
    QByteArray header;
    QByteArray keyHash;
    QByteArray link;        // empty for epoch 0
    QByteArray previousKey; // VK_(epoch-1) sealed under a subkey of VK_epoch; empty for epoch 0
};

// Reads the epochs table (rows checked against their MACs), oldest first, contiguous from 0.
Result<std::vector<EpochRecord>> readEpochs(Database& db, const RowMacKey& rowMacKey);
Status writeEpoch(Database& db, const RowMacKey& rowMacKey, const EpochRecord& record);

// The record for a new epoch whose key is newKey, linked to previousKey (nullptr for epoch 0).
EpochRecord makeEpoch(QByteArrayView vaultId, quint64 epoch, QByteArrayView header,
                      const Key& newKey, const Key* previousKey);

// Walks from the current key down to epoch target, verifying every key hash and link on the way;
// returns VK_target. Tampered if any step fails.
Result<Key> walkBack(const std::vector<EpochRecord>& chain, QByteArrayView vaultId,
                     const Key& currentKey, quint64 target);

} // namespace tessera
