#pragma once
// Reading what a file of a vault says about itself (vault id, key epoch, version vector) without
// merging it: for `status` (is the vault file behind what this device has seen?) and for the
// list of backups (who last edited each). The file is opened the hardened way (DESIGN.md
// "Opening files Tessera did not just write"), from a private copy when it is not private.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/Integrity.h"

#include <QByteArray>
#include <QString>

namespace tessera {

struct ReplicaInfo {
    QByteArray vaultId;
    QByteArray header;
    quint64 keyEpoch = 0;
    VersionVector versions;
    // The device with the latest stamp (the last to edit it), and that stamp's wall time.
    QByteArray lastDevice;
    qint64 lastEditMs = 0;
};

// privateCopy: where to copy the file first (in the data folder), or empty if the file already is
// private (a backup). The copy is removed afterwards. Errors: those of unlocking a file.
Result<ReplicaInfo> probeReplica(const QString& file, const QString& privateCopy,
                                 const SecureBuffer& password, const SecureBuffer* secretKey);

// The latest stamp's device and wall time of a version vector.
void lastEdit(const VersionVector& versions, QByteArray& device, qint64& wallMs);

} // namespace tessera
