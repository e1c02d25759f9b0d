#include "DesktopKeyring.h"

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

Result<std::unique_ptr<SecretKeyStore>> openDesktopKeyring() {
#ifdef TESSERA_HAVE_QTKEYCHAIN
    if (keyringAllowed() && secretServiceAvailable())
        return std::unique_ptr<SecretKeyStore>(std::make_unique<KeyringSecretKeyStore>());
#endif
    return std::unique_ptr<SecretKeyStore>();
}

} // namespace tessera
