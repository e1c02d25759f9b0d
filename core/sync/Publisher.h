#pragma once
// Publishing the working copy to the vault file in a (possibly cloud-synced) folder without SQLite
// ever writing there: copy to a temporary file beside it, fsync, rename over, fsync the folder.

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace tessera {

// An advisory lock (flock) held for the life of the object; serialises processes on this machine.
class PublishLock {
public:
    static Result<PublishLock> acquire(const QString& lockPath);
    PublishLock(PublishLock&& other) noexcept;
    PublishLock& operator=(PublishLock&&) = delete;
    ~PublishLock();

private:
    explicit PublishLock(int fd)
        : m_fd(fd) {}
    int m_fd = -1;
};

// SHA-256 of a file's bytes (crypto/FileDigest.h). NotFound if it does not exist.
Result<QByteArray> hashFile(const QString& path);

// What stat(2) says identifies one version of a file: device, inode, size, mtime and ctime (which
// no write can leave unchanged). Equal identities mean equal bytes; different ones mean "hash it".
// Empty if the file does not exist.
QByteArray fileIdentity(const QString& path);

// Copies a file to a private path (0600), fsync-ed; returns the hash of the bytes copied.
Result<QByteArray> copyFile(const QString& from, const QString& to);

struct PublishRequest {
    QString source;              // the working copy
    QString target;              // the vault file
    QByteArray expectedHash;     // what the target must still be; empty = the target must not exist
    QByteArray expectedIdentity; // fileIdentity() of that version, if known: saves hashing it
    QString backupDir;           // the previous target is kept here (hard link where possible)
    int keepBackups = 10;
    qint64 nowMs = 0; // names the backup
};

// A free path for a backup: the time first, so names sort by age whatever their label.
QString backupPath(const QString& backupDir, qint64 nowMs, const QString& label = {});

struct Published {
    QByteArray hash;
    QByteArray identity;
};

// ChangedOnDisk if the target is not what was expected.
Result<Published> publishFile(const PublishRequest& request);

} // namespace tessera
