#include "DeviceSecretKeyStore.h"

#ifdef TESSERA_HAVE_QTKEYCHAIN
#include "KeyringSecretKeyStore.h"
#endif

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>

namespace tessera {

namespace {
const QString SecretServiceName = QStringLiteral("org.freedesktop.secrets");
}

bool secretServiceAvailable() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(SecretServiceName))
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(SecretServiceName);
}

DeviceSecretKeyStore::DeviceSecretKeyStore(const QString& dataDir)
    : m_file(dataDir) {
#ifdef TESSERA_HAVE_QTKEYCHAIN
    if (qEnvironmentVariable("TESSERA_SECRET_KEY_STORE") != QLatin1String("file") &&
        secretServiceAvailable())
        m_keyring = std::make_unique<KeyringSecretKeyStore>();
#endif
}

DeviceSecretKeyStore::~DeviceSecretKeyStore() = default;

QString DeviceSecretKeyStore::location() const {
    return m_keyring ? m_keyring->location() : m_file.location();
}

Result<SecureBuffer> DeviceSecretKeyStore::load(const QByteArray& vaultId) const {
    if (m_keyring) {
        auto key = m_keyring->load(vaultId);
        if (key.ok() || key.code() != ErrorCode::NotFound)
            return key;
    }
    return m_file.load(vaultId);
}

Status DeviceSecretKeyStore::save(const QByteArray& vaultId, const SecureBuffer& key) {
    if (!m_keyring)
        return m_file.save(vaultId, key);
    TESSERA_TRY(m_keyring->save(vaultId, key));
    return m_file.remove(vaultId); // one place per key
}

Status DeviceSecretKeyStore::remove(const QByteArray& vaultId) {
    if (m_keyring)
        TESSERA_TRY(m_keyring->remove(vaultId));
    return m_file.remove(vaultId);
}

} // namespace tessera
