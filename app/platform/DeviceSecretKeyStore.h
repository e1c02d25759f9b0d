#pragma once
// The secret key store of this device, for the app and tessera-cli: the desktop keyring when
// Tessera was built with qtkeychain and a Secret Service answers on the session bus, else (and
// also for keys stored before a keyring was there) core's FileSecretKeyStore under the data
// folder. TESSERA_SECRET_KEY_STORE=file uses the file store only (tests, headless machines, users
// who prefer it).

#include "vault/SecretKeyStore.h"

#include <memory>

namespace tessera {

class DeviceSecretKeyStore final : public SecretKeyStore {
public:
    explicit DeviceSecretKeyStore(const QString& dataDir);
    ~DeviceSecretKeyStore() override;
    bool usesKeyring() const { return m_keyring != nullptr; }

    QString location() const override;
    // The keyring first, then the file.
    Result<SecureBuffer> load(const QByteArray& vaultId) const override;
    // Into the keyring when there is one (and the file copy, if any, removed), else the file.
    Status save(const QByteArray& vaultId, const SecureBuffer& key) override;
    Status remove(const QByteArray& vaultId) override; // from both

private:
    std::unique_ptr<SecretKeyStore> m_keyring;
    FileSecretKeyStore m_file;
};

// Whether a freedesktop Secret Service is running or can be started on the session bus.
bool secretServiceAvailable();

} // namespace tessera
