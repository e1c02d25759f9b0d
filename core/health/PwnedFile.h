#pragma once
// An offline copy of Have I Been Pwned's "Pwned Passwords" list, SHA-1 edition, ordered by hash:
// one "HASH:COUNT" line per password (40 upper-case hex digits, the number of breaches it was
// seen in), LF or CRLF line ends. The file is tens of gigabytes, so it is never read whole: a
// lookup is a binary search that seeks to the middle of the remaining range and reads one line.
// Nothing leaves the machine.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QFile>
#include <QString>

#include <memory>

namespace tessera {

inline constexpr std::size_t Sha1Bytes = 20;
using Sha1Digest = FixedSecret<Sha1Bytes>; // the hash of a password is as good as the password

// SHA-1 (OpenSSL) of the bytes, computed from and into secure memory.
Sha1Digest pwnedHash(const SecureBuffer& password);

class PwnedFile {
public:
    // Opens the file and checks that its first line is "SHA1HEX:COUNT". InvalidArgument for a
    // file in another format (e.g. the NTLM edition), NotFound/Io when it cannot be read.
    static Result<PwnedFile> open(const QString& path);

    PwnedFile(PwnedFile&&) noexcept;
    PwnedFile& operator=(PwnedFile&&) noexcept;
    ~PwnedFile();

    // How often the password with this SHA-1 was seen in breaches; 0 if it is not in the file.
    // Damaged when a line on the way is not "HASH:COUNT".
    Result<quint64> count(const Sha1Digest& digest);
    Result<quint64> count(const SecureBuffer& password) { return count(pwnedHash(password)); }

    QString path() const;

private:
    PwnedFile();
    struct Line;
    Result<Line> lineAtOrAfter(qint64 offset);

    std::unique_ptr<QFile> m_file;
    qint64 m_size = 0;
};

} // namespace tessera
