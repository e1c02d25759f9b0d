#pragma once
// The desktop keyring (the freedesktop Secret Service) as a SecretKeyStore. Needs QtDBus and,
// for the keyring itself, qtkeychain: linked into the app, and into the tessera-desktop module
// that tessera-cli loads only when it needs it (DesktopModule.h). tessera-cli itself never links
// this code.

#include "common/Result.h"
#include "vault/SecretKeyStore.h"

#include <memory>

namespace tessera {

// Whether a freedesktop Secret Service is running or can be started on the session bus.
bool secretServiceAvailable();

// The keyring store when Tessera was built with qtkeychain, keys may go to a keyring
// (keyringAllowed(), DeviceSecretKeyStore.h) and a Secret Service answers; else null (never an
// error: the caller then uses the file store, as on any machine without a keyring).
Result<std::unique_ptr<SecretKeyStore>> openDesktopKeyring();

} // namespace tessera
