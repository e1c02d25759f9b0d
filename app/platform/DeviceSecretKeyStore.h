#pragma once
// The secret key store of this device, for the app and tessera-cli: the desktop keyring when
// there is one (see DesktopKeyring.h), else (and also for keys stored before a keyring was there)
// core's FileSecretKeyStore under the data folder. TESSERA_SECRET_KEY_STORE=file uses the file
// store only (tests, headless machines, users who prefer it).
//
// This class needs QtCore only: the keyring itself (qtkeychain over D-Bus) comes from outside,
// linked into the app, or from the tessera-desktop module that tessera-cli loads (DesktopModule.h).

#include "DesktopKeyring.h"

#include "vault/SecretKeyStore.h"

#include <memory>
#include <optional>

namespace tessera {

class DeviceSecretKeyStore final : public SecretKeyStore {
public:
    // keyring: the desktop keyring, null when this device has none (or keys go to files only),
    // or why it could not be reached. Unreachable: load reads the file store only, save fails
    // with that error (a key meant for the keyring never lands in a file unasked), remove removes
    // the file copy and then reports it.
    DeviceSecretKeyStore(const QString& dataDir, Result<std::unique_ptr<SecretKeyStore>> keyring);
    // The app's: the keyring linked into it (DesktopKeyring.h; not available in tessera-cli).
    explicit DeviceSecretKeyStore(const QString& dataDir)
        : DeviceSecretKeyStore(dataDir, openDesktopKeyring()) {}
    ~DeviceSecretKeyStore() override;
    DeviceSecretKeyStore(DeviceSecretKeyStore&&) noexcept;
    bool usesKeyring() const { return m_keyring != nullptr; }
    // Why the keyring could not be reached, if it could not.
    const std::optional<Error>& keyringError() const { return m_keyringUnreachable; }

    QString location() const override;
    // The keyring first, then the file.
    Result<SecureBuffer> load(const QByteArray& vaultId) const override;
    // Into the keyring when there is one (and the file copy, if any, removed), else the file.
    Status save(const QByteArray& vaultId, const SecureBuffer& key) override;
    Status remove(const QByteArray& vaultId) override; // from both

private:
    std::unique_ptr<SecretKeyStore> m_keyring;
    std::optional<Error> m_keyringUnreachable;
    FileSecretKeyStore m_file;
};

// False when TESSERA_SECRET_KEY_STORE=file: secret keys stay in the file store, no keyring is
// asked (and tessera-cli loads no module for them).
inline bool keyringAllowed() {
    return qEnvironmentVariable("TESSERA_SECRET_KEY_STORE") != QLatin1String("file");
}

} // namespace tessera
