#pragma once
// Secret keys in the desktop keyring (the freedesktop Secret Service: GNOME Keyring, KWallet)
// through qtkeychain. Entries: service "Tessera secret keys", key = the vault id in hex, data =
// the key's text form. qtkeychain's plaintext fallback is never enabled. qtkeychain's jobs are
// asynchronous; each call here waits for its job in a local event loop (milliseconds, or as long
// as the keyring's own unlock prompt is open).

#include "vault/SecretKeyStore.h"

namespace tessera {

class KeyringSecretKeyStore final : public SecretKeyStore {
public:
    QString location() const override;
    Result<SecureBuffer> load(const QByteArray& vaultId) const override;
    Status save(const QByteArray& vaultId, const SecureBuffer& key) override;
    Status remove(const QByteArray& vaultId) override;
};

} // namespace tessera
