#include "AttachmentFiles.h"

#include "export/ExportFile.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace tessera::ui {

namespace {

constexpr mode_t PrivateDirMode = 0700;
constexpr qint64 WipeChunkBytes = 64 * 1024;

Error ioError(const QString& path) {
    return Error{ErrorCode::Io, AttachmentFiles::tr("Could not write %1: %2")
                                    .arg(QDir::toNativeSeparators(path),
                                         QString::fromLocal8Bit(std::strerror(errno)))};
}

// The last path component only, without anything a file system would read as a path.
QString safeFileName(const QString& name) {
    QString base = QFileInfo(name).fileName();
    base.replace(QLatin1Char('/'), QLatin1Char('_'));
    if (base.isEmpty() || base == QLatin1String(".") || base == QLatin1String(".."))
        base = QStringLiteral("attachment");
    return base;
}

} // namespace

AttachmentFiles::AttachmentFiles(QString dataDir)
    : m_dataDir(std::move(dataDir)) {
}

QString AttachmentFiles::folder() const {
    return QDir(m_dataDir).filePath(QStringLiteral("opened-attachments"));
}

Status AttachmentFiles::saveTo(const QString& path, const SecureBuffer& content) {
    return writePrivateFile(path, content, true);
}

Result<QString> AttachmentFiles::writePrivate(const QString& name,
                                              const SecureBuffer& content) const {
    const QString dir = folder();
    if (!QDir().mkpath(dir))
        return ioError(dir);
    if (::chmod(QFile::encodeName(dir).constData(), PrivateDirMode) != 0)
        return ioError(dir);
    // One subfolder per open keeps the user's file name (what the viewer shows) without clashes.
    QString sub;
    for (int n = 1;; ++n) {
        sub = QDir(dir).filePath(QString::number(n));
        if (::mkdir(QFile::encodeName(sub).constData(), PrivateDirMode) == 0)
            break;
        if (errno != EEXIST)
            return ioError(sub);
    }
    const QString path = QDir(sub).filePath(safeFileName(name));
    TESSERA_TRY(saveTo(path, content));
    return path;
}

Status AttachmentFiles::open(const QString& name, const SecureBuffer& content) const {
    Result<QString> path = writePrivate(name, content);
    if (!path)
        return path.error();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(*path)))
        return Error{ErrorCode::Io, tr("No program on this desktop opens %1.").arg(name)};
    return {};
}

void AttachmentFiles::removeAll() const {
    QDir dir(folder());
    if (!dir.exists())
        return;
    const std::vector<char> zeros(std::size_t(WipeChunkBytes), 0);
    const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString& sub : subs) {
        QDir subDir(dir.filePath(sub));
        const QStringList files = subDir.entryList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QString& file : files) {
            const QString path = subDir.filePath(file);
            QFile f(path);
            if (f.open(QIODevice::ReadWrite)) { // overwrite before unlinking (best effort)
                for (qint64 left = f.size(); left > 0; left -= WipeChunkBytes)
                    f.write(zeros.data(), std::min(left, WipeChunkBytes));
                f.flush();
                ::fsync(f.handle());
                f.close();
            }
            QFile::remove(path);
        }
        dir.rmdir(sub);
    }
}

} // namespace tessera::ui
