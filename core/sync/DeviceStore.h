#pragma once
// Tessera's local data folder: this device's id, and per vault file the private working copy, what
// this device last saw of the published file, the publish lock and the backups. Nothing secret is
// stored here besides the working copy, which is SQLCipher ciphertext. Folders 0700, files 0600.

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace tessera {

struct VaultFileState {
    QByteArray vaultId; // empty until known
    QByteArray
        publishedHash; // SHA-256 of the vault file as this device last loaded or published it
    QByteArray header; // its 16-byte header
    bool unpublished = false; // the working copy has changes the vault file does not
    QByteArray versions;      // the highest version vector seen for this vault (encoded)
    QByteArray identity;      // fileIdentity() of the version in publishedHash (sync/Publisher.h)
    quint64 keyEpoch = 0;     // the highest key epoch this device has used for this vault: a file
                              // at a lower one was made under an old master password
};

class DeviceStore {
public:
    // Creates the folder (0700) and this device's id on first use.
    static Result<DeviceStore> open(const QString& dataDir);

    const QByteArray& deviceId() const { return m_deviceId; }
    const QString& dataDir() const { return m_dataDir; }

    // Per vault file (by absolute path): a folder of its own.
    QString folderFor(const QString& vaultPath) const;
    QString workingCopyPath(const QString& vaultPath) const;
    QString backupDir(const QString& vaultPath) const;
    QString lockPath(const QString& vaultPath) const;
    Status ensureFolder(const QString& vaultPath) const;

    Result<VaultFileState> loadState(const QString& vaultPath) const;
    Status saveState(const QString& vaultPath, const VaultFileState& state) const;

private:
    DeviceStore(QString dataDir, QByteArray deviceId)
        : m_dataDir(std::move(dataDir))
        , m_deviceId(std::move(deviceId)) {}
    QString m_dataDir;
    QByteArray m_deviceId;
};

// Tessera's local data folder, shared by the app and the CLI: $TESSERA_DATA_DIR, else
// $XDG_DATA_HOME/tessera, else ~/.local/share/tessera. Not created here.
QString defaultDataDir();

// Absolute path of a vault file, with its folder's symlinks resolved (the file may not exist yet).
QString canonicalVaultPath(const QString& path);
// Makes a folder (and parents) private to the user.
Status makePrivateDir(const QString& path);
// Writes bytes to path atomically (temporary file, fsync, rename), mode 0600.
Status writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace tessera
