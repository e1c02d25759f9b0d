#pragma once
// Where a device keeps the secret keys of the vaults it opens, by vault id, so the user types a
// key once per device. The desktop keyring (app/platform/KeyringSecretKeyStore, through qtkeychain)
// when a Secret Service answers; otherwise FileSecretKeyStore: one 0600 file per vault in a 0700
// folder of Tessera's local data folder. The vault file never holds its secret key: a copy of the
// vault file (the cloud folder, a backup) cannot be guessed at without it.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>

namespace tessera {

class SecretKeyStore {
public:
    virtual ~SecretKeyStore() = default;
    // Where the keys are, for the user ("the desktop keyring", a folder).
    virtual QString location() const = 0;
    // The key stored for this vault id (16 bytes); NotFound when there is none.
    virtual Result<SecureBuffer> load(const QByteArray& vaultId) const = 0;
    virtual Status save(const QByteArray& vaultId, const SecureBuffer& key) = 0;
    // Succeeds when no key was stored.
    virtual Status remove(const QByteArray& vaultId) = 0;
};

class FileSecretKeyStore final : public SecretKeyStore {
public:
    // Keys live in dataDir/secret-keys/<vault id in hex>.key, as their text form.
    explicit FileSecretKeyStore(QString dataDir);
    QString location() const override;
    Result<SecureBuffer> load(const QByteArray& vaultId) const override;
    Status save(const QByteArray& vaultId, const SecureBuffer& key) override;
    Status remove(const QByteArray& vaultId) override;
    QString pathFor(const QByteArray& vaultId) const;

private:
    QString m_folder;
};

// A secret key read from a file holding its text form (an Emergency Kit's line, a key file the
// user wrote, a FileSecretKeyStore file). Straight into secure memory. Io errors, or the errors of
// parseSecretKey naming the file. readableByOthers: the file's mode lets group or others read it.
struct SecretKeyFile {
    SecureBuffer key;
    bool readableByOthers = false;
};
Result<SecretKeyFile> readSecretKeyFile(const QString& path);

// Whether unlocking the vault file at path on this device needs a secret key: the published file
// needs one, or this device's working copy needs one and holds changes the file does not have (or
// the file is gone). Reads headers only; never runs the KDF.
bool vaultNeedsSecretKey(const QString& dataDir, const QString& vaultPath);

// The vault id this device last saw at a vault file's path (empty if it never opened it): what
// its secret key is stored under.
Result<QByteArray> knownVaultId(const QString& dataDir, const QString& vaultPath);

} // namespace tessera
