#include "SecretKeyStore.h"

#include "SecretKey.h"
#include "VaultFile.h"
#include "export/ExportFile.h"
#include "sync/DeviceStore.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tessera {

namespace {

constexpr std::size_t MaxKeyFileBytes = 4096; // a key line, maybe with comments around it
constexpr qsizetype VaultIdSize = 16;

Error ioError(const QString& what, const QString& path) {
    return makeError(ErrorCode::Io,
                     QStringLiteral("cannot %1 %2: %3")
                         .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

Status checkVaultId(const QByteArray& vaultId) {
    if (vaultId.size() != VaultIdSize)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a vault id"));
    return {};
}

} // namespace

FileSecretKeyStore::FileSecretKeyStore(QString dataDir)
    : m_folder(std::move(dataDir) + QStringLiteral("/secret-keys")) {
}

QString FileSecretKeyStore::location() const {
    return m_folder;
}

QString FileSecretKeyStore::pathFor(const QByteArray& vaultId) const {
    return m_folder + QLatin1Char('/') + QString::fromLatin1(vaultId.toHex()) +
           QStringLiteral(".key");
}

Result<SecureBuffer> FileSecretKeyStore::load(const QByteArray& vaultId) const {
    TESSERA_TRY(checkVaultId(vaultId));
    const QString path = pathFor(vaultId);
    if (!QFile::exists(path))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no secret key stored on this device for this vault"));
    auto read = readSecretKeyFile(path);
    if (!read)
        return read.error();
    if (read->readableByOthers) // Tessera writes 0600: someone changed it
        return makeError(ErrorCode::Io,
                         QStringLiteral("%1 is readable by other users: remove it and store the "
                                        "secret key again")
                             .arg(path));
    return std::move(read->key);
}

Status FileSecretKeyStore::save(const QByteArray& vaultId, const SecureBuffer& key) {
    TESSERA_TRY(checkVaultId(vaultId));
    TESSERA_TRY(makePrivateDir(m_folder));
    SecureBuffer text = formatSecretKey(key);
    text.appendByte('\n');
    // Written beside the target and renamed over it, so a crash never leaves half a key.
    const QString path = pathFor(vaultId);
    const QString fresh = path + QStringLiteral(".new");
    QFile::remove(fresh);
    TESSERA_TRY(writePrivateFile(fresh, text, false));
    if (std::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(path).constData()) !=
        0) {
        const Error error = ioError(QStringLiteral("write"), path);
        QFile::remove(fresh);
        return error;
    }
    return {};
}

Status FileSecretKeyStore::remove(const QByteArray& vaultId) {
    TESSERA_TRY(checkVaultId(vaultId));
    const QString path = pathFor(vaultId);
    if (QFile::exists(path) && !QFile::remove(path))
        return makeError(ErrorCode::Io, QStringLiteral("cannot remove %1").arg(path));
    return {};
}

Result<SecretKeyFile> readSecretKeyFile(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return ioError(QStringLiteral("read the secret key file"), path);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) ||
        std::size_t(info.st_size) > MaxKeyFileBytes) {
        ::close(fd);
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is not a secret key file").arg(path));
    }
    SecureBuffer bytes(MaxKeyFileBytes);
    std::size_t size = 0;
    while (size < MaxKeyFileBytes) {
        const ssize_t got = ::read(fd, bytes.data() + size, MaxKeyFileBytes - size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const Error error = ioError(QStringLiteral("read"), path);
            ::close(fd);
            return error;
        }
        if (got == 0)
            break;
        size += std::size_t(got);
    }
    ::close(fd);
    bytes.truncate(size);
    // The key is the one line that is not blank and not a # comment.
    std::string_view text = bytes.view();
    std::string_view keyLine;
    int keyLines = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        keyLine = line;
        ++keyLines;
    }
    if (keyLines != 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must hold one secret key line (T1-…)").arg(path));
    auto key = parseSecretKey(keyLine);
    if (!key)
        return makeError(key.code(), QStringLiteral("%1: %2").arg(path, key.error().message));
    return SecretKeyFile{std::move(*key), (info.st_mode & (S_IRGRP | S_IROTH)) != 0};
}

Result<QByteArray> knownVaultId(const QString& dataDir, const QString& vaultPath) {
    auto store = DeviceStore::open(dataDir);
    if (!store)
        return store.error();
    auto state = store->loadState(canonicalVaultPath(vaultPath));
    if (!state)
        return state.error();
    return state->vaultId;
}

} // namespace tessera

namespace tessera {

bool vaultNeedsSecretKey(const QString& dataDir, const QString& vaultPath) {
    const QString target = canonicalVaultPath(vaultPath);
    const bool published = QFile::exists(target);
    if (published) {
        if (auto header = inspectFile(target); header && header->requiresSecretKey())
            return true;
    }
    auto store = DeviceStore::open(dataDir);
    if (!store)
        return false;
    auto state = store->loadState(target);
    const QString working = store->workingCopyPath(target);
    if (!QFile::exists(working) || (published && !(state && state->unpublished)))
        return false;
    auto header = inspectFile(working);
    return header && header->requiresSecretKey();
}

} // namespace tessera
