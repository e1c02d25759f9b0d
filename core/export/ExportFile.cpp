#include "ExportFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tessera {

Status writePrivateFile(const QString& path, const SecureBuffer& content, bool replace) {
    const QByteArray name = QFile::encodeName(path);
    const auto ioError = [&path](const char* what) {
        return makeError(ErrorCode::Io, QStringLiteral("cannot %1 %2: %3")
                                            .arg(QLatin1String(what), path,
                                                 QString::fromLocal8Bit(std::strerror(errno))));
    };
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replace ? O_TRUNC : O_EXCL);
    const int fd = ::open(name.constData(), flags, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return errno == EEXIST
                   ? makeError(ErrorCode::Io, QStringLiteral("%1 already exists").arg(path))
                   : ioError("create");
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) { // a replaced file would keep its old mode
        const Error error = ioError("protect");
        ::close(fd);
        return error;
    }
    const unsigned char* bytes = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, bytes, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            const Error error = ioError("write");
            ::close(fd);
            return error;
        }
        bytes += written;
        left -= std::size_t(written);
    }
    if (::fsync(fd) != 0) {
        const Error error = ioError("write");
        ::close(fd);
        return error;
    }
    if (::close(fd) != 0)
        return ioError("write");
    return {};
}

} // namespace tessera
