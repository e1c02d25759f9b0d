#include "DeviceSecretKeyStore.h"

namespace tessera {

DeviceSecretKeyStore::DeviceSecretKeyStore(const QString& dataDir,
                                           Result<std::unique_ptr<SecretKeyStore>> keyring)
    : m_file(dataDir) {
    if (keyring)
        m_keyring = std::move(*keyring);
    else
        m_keyringUnreachable = keyring.error();
}

DeviceSecretKeyStore::~DeviceSecretKeyStore() = default;
DeviceSecretKeyStore::DeviceSecretKeyStore(DeviceSecretKeyStore&&) noexcept = default;

QString DeviceSecretKeyStore::location() const {
    return m_keyring ? m_keyring->location() : m_file.location();
}

Result<SecureBuffer> DeviceSecretKeyStore::load(const QByteArray& vaultId) const {
    if (m_keyring) {
        auto key = m_keyring->load(vaultId);
        if (key.ok() || key.code() != ErrorCode::NotFound)
            return key;
    }
    auto key = m_file.load(vaultId);
    if (!key && key.code() == ErrorCode::NotFound && m_keyringUnreachable)
        return makeError(ErrorCode::Io, QStringLiteral("no secret key for this vault in %1, and %2")
                                            .arg(m_file.location(), m_keyringUnreachable->message));
    return key;
}

Status DeviceSecretKeyStore::save(const QByteArray& vaultId, const SecureBuffer& key) {
    if (m_keyringUnreachable)
        return *m_keyringUnreachable;
    if (!m_keyring)
        return m_file.save(vaultId, key);
    TESSERA_TRY(m_keyring->save(vaultId, key));
    return m_file.remove(vaultId); // one place per key
}

Status DeviceSecretKeyStore::remove(const QByteArray& vaultId) {
    if (m_keyring)
        TESSERA_TRY(m_keyring->remove(vaultId));
    TESSERA_TRY(m_file.remove(vaultId));
    if (m_keyringUnreachable)
        return *m_keyringUnreachable;
    return {};
}

} // namespace tessera
