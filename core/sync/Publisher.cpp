#include "Publisher.h"

#include "crypto/Crypto.h"
#include "crypto/FileDigest.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace tessera {

namespace {

constexpr qint64 CopyChunk = 1 << 20;

Error ioError(const QString& what) {
    return makeError(ErrorCode::Io,
                     what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno)));
}

Status fsyncPath(const QString& path, int flags) {
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("cannot open %1").arg(path));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return ioError(QStringLiteral("cannot sync %1").arg(path));
    return {};
}

// Streams from -> to, hashing as it goes; to is created 0600 and fsync-ed. With lockedFd, `to` is
// flock-ed from its creation on and stays open and locked for the caller to close: a temporary
// file a live publish is writing is never taken for a stale one (removeStaleTemporaries).
Result<QByteArray> copyAndHash(const QString& from, const QString& to, int* lockedFd = nullptr) {
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(in.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(from, in.errorString()));
    const int fd =
        ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("cannot create %1").arg(to));
    if (lockedFd)
        ::flock(fd, LOCK_EX);
    FileDigest hasher;
    bool failed = false;
    while (!in.atEnd() && !failed) {
        const QByteArray chunk = in.read(CopyChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError) {
            failed = true;
            break;
        }
        hasher.add(chunk);
        for (qsizetype done = 0; done < chunk.size();) {
            const ssize_t written =
                ::write(fd, chunk.constData() + done, std::size_t(chunk.size() - done));
            if (written <= 0) {
                failed = true;
                break;
            }
            done += written;
        }
    }
    const bool synced = !failed && ::fsync(fd) == 0;
    if (!synced || !lockedFd)
        ::close(fd);
    if (!synced) {
        QFile::remove(to);
        return ioError(QStringLiteral("cannot write %1").arg(to));
    }
    if (lockedFd)
        *lockedFd = fd;
    return hasher.finish();
}

// An advisory lock on the vault's FOLDER (flock on the directory itself: no file is created in
// the cloud folder), held from the check of the target to the rename. The publish lock in the
// data folder serialises the processes of one device; this one also serialises devices whose
// data folders differ but share this machine (several users of one shared folder, tests), so
// that no rename replaces a version its publisher did not check. Across machines the sync
// client's conflict copies play that role. Where the file system refuses such locks (some
// network file systems), publishing goes on without it.
class FolderLock {
public:
    explicit FolderLock(const QString& folder)
        : m_fd(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~FolderLock() {
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd;
};

void keepBackup(const PublishRequest& request) {
    QDir().mkpath(request.backupDir);
    const QString backup = backupPath(request.backupDir, request.nowMs);
    // A hard link costs nothing; the rename below replaces the name, not these bytes.
    if (::link(QFile::encodeName(request.target).constData(),
               QFile::encodeName(backup).constData()) != 0)
        (void)copyAndHash(request.target, backup);
    QDir dir(request.backupDir);
    const QStringList backups =
        dir.entryList({QStringLiteral("*.tessera")}, QDir::Files, QDir::Name);
    for (qsizetype i = 0; i + request.keepBackups < backups.size(); ++i)
        dir.remove(backups[i]);
}

// A publish killed between writing its temporary file and renaming it leaves that file behind.
// A live publish (of any process on this machine, whatever its data folder) holds an flock on
// its temporary file until the rename; a killed one's lock died with it. So a file of our exact
// naming (".NAME.tmp-" and 8 hex digits) that can be locked is stale and removed. One a sync
// client carried here from another machine is garbage as well.
void removeStaleTemporaries(const QFileInfo& target) {
    const QString prefix = QStringLiteral(".") + target.fileName() + QStringLiteral(".tmp-");
    constexpr qsizetype TagDigits = 8;
    const QDir folder = target.absoluteDir();
    const QStringList names = folder.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        if (!name.startsWith(prefix))
            continue;
        const QString tag = name.mid(prefix.size());
        bool hex = tag.size() == TagDigits;
        for (const QChar c : tag)
            hex = hex && ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'));
        if (!hex)
            continue;
        const QString path = folder.filePath(name);
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            QFile::remove(path);
        ::close(fd);
    }
}

} // namespace

QString backupPath(const QString& backupDir, qint64 nowMs, const QString& label) {
    const QString stamp = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)
                              .toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const QString base = backupDir + QLatin1Char('/') + stamp +
                         (label.isEmpty() ? QString() : QLatin1Char('-') + label);
    QString path = base + QStringLiteral(".tessera");
    for (int n = 2; QFileInfo::exists(path); ++n) // two in one millisecond: never overwrite one
        path = base + QStringLiteral("-%1.tessera").arg(n);
    return path;
}

Result<PublishLock> PublishLock::acquire(const QString& lockPath) {
    const int fd =
        ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("cannot open the lock file %1").arg(lockPath));
    if (::flock(fd, LOCK_EX) != 0) {
        ::close(fd);
        return ioError(QStringLiteral("cannot lock %1").arg(lockPath));
    }
    return PublishLock(fd);
}

PublishLock::PublishLock(PublishLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)) {
}

PublishLock::~PublishLock() {
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

Result<QByteArray> hashFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    FileDigest hasher;
    while (!file.atEnd())
        hasher.add(file.read(CopyChunk));
    return hasher.finish();
}

QByteArray fileIdentity(const QString& path) {
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    QByteArray identity;
    for (const qint64 field : {qint64(info.st_dev), qint64(info.st_ino), qint64(info.st_size),
                               qint64(info.st_mtim.tv_sec), qint64(info.st_mtim.tv_nsec),
                               qint64(info.st_ctim.tv_sec), qint64(info.st_ctim.tv_nsec)})
        identity += QByteArray::number(field) + ':';
    return identity;
}

Result<QByteArray> copyFile(const QString& from, const QString& to) {
    QFile::remove(to);
    return copyAndHash(from, to);
}

Result<Published> publishFile(const PublishRequest& request) {
    const FolderLock folderLock(QFileInfo(request.target).absolutePath());
    const bool exists = QFileInfo::exists(request.target);
    if (request.expectedHash.isEmpty() && exists)
        return makeError(ErrorCode::ChangedOnDisk,
                         QStringLiteral("%1 already exists").arg(request.target));
    if (exists) {
        // The same identity (device, inode, size, mtime and ctime to the nanosecond) is the
        // version that was hashed: a sync client's write or rename changes it. Only a changed
        // identity costs reading and hashing the whole file again.
        const bool sameVersion = !request.expectedIdentity.isEmpty() &&
                                 fileIdentity(request.target) == request.expectedIdentity;
        auto current = sameVersion ? Result<QByteArray>(request.expectedHash)
                                   : hashFile(request.target);
        if (!current)
            return current.error();
        if (!constantTimeEqual(*current, request.expectedHash))
            return makeError(
                ErrorCode::ChangedOnDisk,
                QStringLiteral("the vault file changed on disk since this device loaded it"));
        keepBackup(request);
    }
    const QFileInfo target(request.target);
    removeStaleTemporaries(target);
    const QString temporary = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                              QStringLiteral(".tmp-") + QString::fromLatin1(randomBytes(4).toHex());
    int lockedFd = -1;
    auto written = copyAndHash(request.source, temporary, &lockedFd);
    if (!written)
        return written.error();
    const bool renamed = ::rename(QFile::encodeName(temporary).constData(),
                                  QFile::encodeName(request.target).constData()) == 0;
    if (!renamed) {
        const Error error = ioError(QStringLiteral("cannot replace %1").arg(request.target));
        QFile::remove(temporary);
        ::close(lockedFd);
        return error;
    }
    ::close(lockedFd);
    TESSERA_TRY(fsyncPath(target.absolutePath(), O_RDONLY | O_DIRECTORY));
    return Published{*written, fileIdentity(request.target)};
}

} // namespace tessera
