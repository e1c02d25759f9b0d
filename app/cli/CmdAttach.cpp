// tessera-cli attach VAULT ENTRY FILE: seals a file's bytes into the vault, bound to the entry.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tessera::cli {

namespace {

// The file's bytes go straight into secure memory: an attachment may be as secret as a password.
Result<SecureBuffer> readFile(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot open %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    constexpr std::size_t ChunkBytes = 64 * 1024;
    SecureBuffer content;
    SecureBuffer chunk(ChunkBytes);
    for (;;) {
        const ssize_t got = ::read(fd, chunk.data(), ChunkBytes);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            ::close(fd);
            return makeError(ErrorCode::Io, QStringLiteral("cannot read %1").arg(path));
        }
        if (got == 0)
            break;
        if (content.size() + std::size_t(got) > std::size_t(MaxAttachmentBytes)) {
            ::close(fd);
            return makeError(ErrorCode::TooLarge, QString()); // grew while being read
        }
        content.append(chunk.data(), std::size_t(got));
    }
    ::close(fd);
    return content;
}

Error tooLarge(const QString& path, qint64 size) {
    return makeError(ErrorCode::TooLarge,
                     QStringLiteral("%1 is %2; attachments are limited to %3")
                         .arg(path, displaySize(size), displaySize(MaxAttachmentBytes)));
}

} // namespace

int runAttach(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("attach"),
                   QStringLiteral("Attach a file (at most 16 MiB) to an entry. An attachment of "
                                  "the same name is replaced."),
                   QStringLiteral("VAULT ENTRY FILE"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to attach."));
    const QString nameOption = QStringLiteral("name");
    cl.addOption(QCommandLineOption(
        nameOption, QStringLiteral("The attachment's name (default: the file's name)."),
        QStringLiteral("NAME")));
    if (auto exitCode = cl.parse(args, 3, 3))
        return *exitCode;
    const QString path = cl.positional().at(2);
    const QFileInfo file(path);
    const QString name = cl.isSet(nameOption) ? cl.value(nameOption) : file.fileName();
    if (name.isEmpty())
        return cl.usageError(QStringLiteral("the attachment name must not be empty"));
    // Refuse before the password is asked for and before anything is read into memory.
    if (!file.isFile())
        return fail(
            makeError(ErrorCode::Io, QStringLiteral("%1 is not a readable file").arg(path)));
    if (file.size() > MaxAttachmentBytes)
        return fail(tooLarge(path, file.size()));

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    auto content = readFile(path);
    if (!content)
        return fail(content.code() == ErrorCode::TooLarge ? tooLarge(path, QFileInfo(path).size())
                                                          : content.error());
    auto attached = vault.attach(*id, name, *content);
    if (!attached)
        return fail(attached.error());
    return publishAndReport(context, vault,
                            QStringLiteral("Attached \"%1\" (%2)")
                                .arg(displaySafe(attached->name), displaySize(attached->size)));
}

} // namespace tessera::cli
