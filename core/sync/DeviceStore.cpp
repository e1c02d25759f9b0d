#include "DeviceStore.h"

#include "crypto/Crypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tessera {

namespace {

constexpr qsizetype DeviceIdSize = 16;
constexpr qsizetype FolderNameBytes = 16;

Error ioError(const QString& what) {
    return makeError(ErrorCode::Io, what);
}

} // namespace

QString canonicalVaultPath(const QString& path) {
    const QFileInfo info(path);
    const QString dir = info.absoluteDir().canonicalPath();
    return (dir.isEmpty() ? info.absolutePath() : dir) + QLatin1Char('/') + info.fileName();
}

QString defaultDataDir() {
    const QString explicitDir = qEnvironmentVariable("TESSERA_DATA_DIR");
    if (!explicitDir.isEmpty())
        return explicitDir;
    const QString xdg = qEnvironmentVariable("XDG_DATA_HOME");
    if (!xdg.isEmpty())
        return xdg + QLatin1String("/tessera");
    return QDir::homePath() + QLatin1String("/.local/share/tessera");
}

Status makePrivateDir(const QString& path) {
    if (!QDir().mkpath(path))
        return ioError(QStringLiteral("cannot create %1").arg(path));
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ExeOwner))
        return ioError(QStringLiteral("cannot make %1 private").arg(path));
    return {};
}

Status writeFileAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return ioError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<DeviceStore> DeviceStore::open(const QString& dataDir) {
    TESSERA_TRY(makePrivateDir(dataDir));
    const QString idPath = dataDir + QStringLiteral("/device-id");
    QFile idFile(idPath);
    QByteArray id;
    if (idFile.open(QIODevice::ReadOnly))
        id = QByteArray::fromHex(idFile.readAll().trimmed());
    if (id.size() != DeviceIdSize) {
        id = randomBytes(DeviceIdSize);
        TESSERA_TRY(writeFileAtomically(idPath, id.toHex() + '\n'));
    }
    return DeviceStore(dataDir, id);
}

QString DeviceStore::folderFor(const QString& vaultPath) const {
    const QByteArray key =
        hash(canonicalVaultPath(vaultPath).toUtf8()).left(FolderNameBytes).toHex();
    return m_dataDir + QStringLiteral("/vaults/") + QString::fromLatin1(key);
}

QString DeviceStore::workingCopyPath(const QString& vaultPath) const {
    return folderFor(vaultPath) + QStringLiteral("/working.tessera");
}

QString DeviceStore::backupDir(const QString& vaultPath) const {
    return folderFor(vaultPath) + QStringLiteral("/backups");
}

QString DeviceStore::lockPath(const QString& vaultPath) const {
    return folderFor(vaultPath) + QStringLiteral("/lock");
}

Status DeviceStore::ensureFolder(const QString& vaultPath) const {
    TESSERA_TRY(makePrivateDir(m_dataDir + QStringLiteral("/vaults")));
    TESSERA_TRY(makePrivateDir(folderFor(vaultPath)));
    TESSERA_TRY(makePrivateDir(backupDir(vaultPath)));
    // A note for people looking around the folder.
    const QString pathNote = folderFor(vaultPath) + QStringLiteral("/vault-path");
    if (!QFile::exists(pathNote))
        TESSERA_TRY(writeFileAtomically(pathNote, canonicalVaultPath(vaultPath).toUtf8() + '\n'));
    return {};
}

Result<VaultFileState> DeviceStore::loadState(const QString& vaultPath) const {
    VaultFileState state;
    QFile file(folderFor(vaultPath) + QStringLiteral("/state"));
    if (!file.open(QIODevice::ReadOnly))
        return state; // never seen
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray name = line.left(eq);
        const QByteArray value = line.mid(eq + 1);
        if (name == "vault-id")
            state.vaultId = QByteArray::fromHex(value);
        else if (name == "published-hash")
            state.publishedHash = QByteArray::fromHex(value);
        else if (name == "header")
            state.header = QByteArray::fromHex(value);
        else if (name == "identity")
            state.identity = value;
        else if (name == "unpublished")
            state.unpublished = value == "1";
        else if (name == "versions")
            state.versions = QByteArray::fromHex(value);
        else if (name == "key-epoch")
            state.keyEpoch = value.toULongLong();
    }
    return state;
}

Status DeviceStore::saveState(const QString& vaultPath, const VaultFileState& state) const {
    TESSERA_TRY(ensureFolder(vaultPath));
    QByteArray text;
    text += "vault-id=" + state.vaultId.toHex() + '\n';
    text += "published-hash=" + state.publishedHash.toHex() + '\n';
    text += "header=" + state.header.toHex() + '\n';
    text += "identity=" + state.identity + '\n';
    text += QByteArray("unpublished=") + (state.unpublished ? "1" : "0") + '\n';
    text += "versions=" + state.versions.toHex() + '\n';
    text += "key-epoch=" + QByteArray::number(state.keyEpoch) + '\n';
    return writeFileAtomically(folderFor(vaultPath) + QStringLiteral("/state"), text);
}

} // namespace tessera
