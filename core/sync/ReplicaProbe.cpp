#include "ReplicaProbe.h"

#include "Publisher.h"
#include "vault/Entry.h"
#include "vault/VaultFile.h"

#include <QFile>

namespace tessera {

namespace {

constexpr int HlcCounterBits = 16; // core/FORMAT.md: 48-bit ms wall time << 16 | counter

} // namespace

void lastEdit(const VersionVector& versions, QByteArray& device, qint64& wallMs) {
    quint64 latest = 0;
    device.clear();
    wallMs = 0;
    for (const auto& [id, hlc] : versions) {
        if (device.isEmpty() || hlc > latest) {
            latest = hlc;
            device = id;
        }
    }
    wallMs = qint64(latest >> HlcCounterBits);
}

Result<ReplicaInfo> probeReplica(const QString& file, const QString& privateCopy,
                                 const SecureBuffer& password, const SecureBuffer* secretKey) {
    QString path = file;
    if (!privateCopy.isEmpty()) {
        auto copied = copyFile(file, privateCopy);
        if (!copied)
            return copied.error();
        path = privateCopy;
    }
    struct RemoveCopy {
        QString path;
        ~RemoveCopy() {
            if (!path.isEmpty())
                QFile::remove(path);
        }
    } removeCopy{privateCopy};

    auto header = inspectFile(path);
    if (!header)
        return header.error();
    auto master = deriveMasterKeys(password, *header, secretKey);
    if (!master)
        return master.error();
    auto opened = openVaultFile(path, *header, *master, Trust::Foreign);
    if (!opened)
        return opened.error();
    ReplicaInfo info{opened->vaultId, header->bytes(), opened->epoch, opened->versions, {}, 0};
    lastEdit(info.versions, info.lastDevice, info.lastEditMs);
    return info;
}

} // namespace tessera
