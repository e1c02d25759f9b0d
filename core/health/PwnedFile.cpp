#include "PwnedFile.h"

#include <QByteArray>

#include <openssl/evp.h>

#include <cstring>

namespace tessera {

namespace {

constexpr int HashHexDigits = 2 * int(Sha1Bytes);
constexpr int NtlmHexDigits = 32;  // the other edition of the list: MD4 of UTF-16
constexpr int MaxCountDigits = 19; // fits in quint64
// "HASH:COUNT\r" is at most 61 bytes; anything much longer is not this format.
constexpr qint64 MaxLineBytes = 128;

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isHexRun(const QByteArray& text, int digits) {
    if (text.size() < digits)
        return false;
    for (int i = 0; i < digits; ++i) {
        if (hexValue(text[i]) < 0)
            return false;
    }
    return true;
}

} // namespace

Sha1Digest pwnedHash(const SecureBuffer& password) {
    Sha1Digest digest;
    unsigned int size = 0;
    // EVP_Digest frees its context with EVP_MD_CTX_free, which clears the hash state.
    EVP_Digest(password.data(), password.size(), digest.data(), &size, EVP_sha1(), nullptr);
    Q_ASSERT(size == Sha1Bytes);
    return digest;
}

struct PwnedFile::Line {
    qint64 start = 0; // offset of the line's first byte; == file size: no line
    qint64 next = 0;  // offset of the following line
    unsigned char hash[Sha1Bytes] = {};
    quint64 count = 0;
};

PwnedFile::PwnedFile() = default;
PwnedFile::PwnedFile(PwnedFile&&) noexcept = default;
PwnedFile& PwnedFile::operator=(PwnedFile&&) noexcept = default;
PwnedFile::~PwnedFile() = default;

QString PwnedFile::path() const {
    return m_file ? m_file->fileName() : QString();
}

Result<PwnedFile> PwnedFile::open(const QString& path) {
    PwnedFile pwned;
    pwned.m_file = std::make_unique<QFile>(path);
    if (!pwned.m_file->open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot open the Pwned Passwords file %1: %2")
                             .arg(path, pwned.m_file->errorString()));
    pwned.m_size = pwned.m_file->size();
    const QByteArray head = pwned.m_file->read(MaxLineBytes);
    if (isHexRun(head, NtlmHexDigits) && head.size() > NtlmHexDigits && head[NtlmHexDigits] == ':')
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is the NTLM edition of Pwned Passwords; Tessera "
                                        "needs the SHA-1 edition")
                             .arg(path));
    auto first = pwned.lineAtOrAfter(0);
    if (!first || first->start == pwned.m_size)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 is not a Pwned Passwords SHA-1 file (lines "
                                        "HASH:COUNT ordered by hash)")
                             .arg(path));
    return pwned;
}

Result<PwnedFile::Line> PwnedFile::lineAtOrAfter(qint64 offset) {
    Line line;
    const auto damaged = [this](qint64 at) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1: the line at byte %2 is not HASH:COUNT")
                             .arg(m_file->fileName())
                             .arg(at));
    };
    // The first line that starts at or after offset: the one after the newline at or after
    // offset - 1.
    const qint64 readFrom = offset == 0 ? 0 : offset - 1;
    if (!m_file->seek(readFrom))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1").arg(m_file->fileName()));
    const QByteArray chunk = m_file->read(2 * MaxLineBytes);
    qsizetype begin = 0;
    if (offset != 0) {
        const qsizetype newline = chunk.indexOf('\n');
        if (newline < 0) {
            if (readFrom + chunk.size() < m_size)
                return damaged(offset);
            line.start = line.next = m_size; // inside the last line
            return line;
        }
        begin = newline + 1;
    }
    line.start = readFrom + begin;
    if (line.start >= m_size) {
        line.start = line.next = m_size;
        return line;
    }
    qsizetype end = chunk.indexOf('\n', begin);
    if (end < 0) {
        if (readFrom + chunk.size() < m_size)
            return damaged(line.start);
        end = chunk.size(); // the last line, without a newline
    }
    line.next = readFrom + qMin<qsizetype>(end + 1, chunk.size());
    QByteArray text = chunk.mid(begin, end - begin);
    if (text.endsWith('\r'))
        text.chop(1);
    const qsizetype countDigits = text.size() - HashHexDigits - 1;
    if (!isHexRun(text, HashHexDigits) || text.size() < HashHexDigits + 2 ||
        text[HashHexDigits] != ':' || countDigits > MaxCountDigits)
        return damaged(line.start);
    for (std::size_t i = 0; i < Sha1Bytes; ++i)
        line.hash[i] = static_cast<unsigned char>(hexValue(text[qsizetype(2 * i)]) * 16 +
                                                  hexValue(text[qsizetype(2 * i + 1)]));
    for (qsizetype i = HashHexDigits + 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9')
            return damaged(line.start);
        line.count = line.count * 10 + quint64(text[i] - '0');
    }
    return line;
}

Result<quint64> PwnedFile::count(const Sha1Digest& digest) {
    // Lines that start in [low, high) are the candidates. The line found from the middle either
    // is the one, or rules out everything before its end (smaller hash) or from the middle on.
    qint64 low = 0;
    qint64 high = m_size;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        auto line = lineAtOrAfter(middle);
        if (!line)
            return line.error();
        if (line->start >= high) {
            high = middle;
            continue;
        }
        const int order = std::memcmp(line->hash, digest.data(), Sha1Bytes);
        if (order == 0)
            return line->count;
        if (order < 0)
            low = line->next;
        else
            high = middle;
    }
    return quint64(0);
}

} // namespace tessera
