// tessera-cli attachment-export VAULT ENTRY NAME --output FILE: writes an attachment's bytes out
// of the vault, straight from secure memory, into a file only the user can read.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tessera::cli {

namespace {

Status writeFile(const QString& path, const SecureBuffer& content) {
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    const auto ioError = [&path](const char* what) {
        return makeError(ErrorCode::Io, QStringLiteral("cannot %1 %2: %3")
                                            .arg(QLatin1String(what), path,
                                                 QString::fromLocal8Bit(std::strerror(errno))));
    };
    if (fd < 0)
        return ioError("create");
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
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        return ioError("write");
    return {};
}

} // namespace

int runAttachmentExport(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("attachment-export"),
                   QStringLiteral("Write an attachment to a file (created readable by you only; an "
                                  "existing file is replaced). --output - writes to stdout."),
                   QStringLiteral("VAULT ENTRY NAME --output FILE"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addPositional(QStringLiteral("NAME"), QStringLiteral("The attachment's name."));
    const QString outputOption = QStringLiteral("output");
    cl.addOption(QCommandLineOption({QStringLiteral("o"), outputOption},
                                    QStringLiteral("Where to write it (required)."),
                                    QStringLiteral("FILE")));
    if (auto exitCode = cl.parse(args, 3, 3))
        return *exitCode;
    const QString output = cl.value(outputOption);
    if (output.isEmpty())
        return cl.usageError(QStringLiteral("--output FILE is required"));

    auto open = unlockVault(context, cl.positional().at(0));
    if (!open)
        return fail(open.error());
    const Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    auto content = vault.attachmentContent(*id, cl.positional().at(2));
    if (!content)
        return fail(content.error());
    if (output == QLatin1String("-")) {
        context.out().secret(*content, Output::SecretStyle::Raw);
        return ExitOk;
    }
    if (auto written = writeFile(output, *content); !written)
        return fail(written.error());
    context.out().line(
        QStringLiteral("Wrote %1 to %2").arg(displaySize(qint64(content->size())), output));
    return ExitOk;
}

} // namespace tessera::cli
