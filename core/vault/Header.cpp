#include "Header.h"

#include "crypto/Crypto.h"

#include <unistd.h>

namespace tessera {

namespace {

bool opsInRange(std::uint8_t ops) {
    return ops >= MinOpsLimit;
}
bool memInRange(std::uint8_t memLog2) {
    return memLog2 >= MinMemLog2 && memLog2 <= MaxMemLog2;
}

std::uint64_t systemRamBytes() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? std::uint64_t(pages) * std::uint64_t(pageSize) : 0;
}

} // namespace

QByteArray Header::bytes() const {
    QByteArray out(qsizetype(HeaderBytes), '\0');
    out[0] = char(FormatVersion);
    out[1] = char(flags);
    out[2] = char(kdf.opsLimit);
    out[3] = char(kdf.memLog2);
    for (std::size_t i = 0; i < HeaderRandomBytes; ++i)
        out[qsizetype(4 + i)] = char(random[i]);
    return out;
}

Header Header::fresh(KdfParams kdf, bool secretKey) {
    Header header;
    header.flags = secretKey ? FlagSecretKey : 0;
    header.kdf = kdf;
    randomBytes(header.random.data(), header.random.size());
    return header;
}

Result<Header> Header::parse(QByteArrayView bytes) {
    const auto notAVault = makeError(ErrorCode::NotAVault, QStringLiteral("not a Tessera vault"));
    if (bytes.size() < qsizetype(HeaderBytes))
        return notAVault;
    const auto version = std::uint8_t(bytes[0]);
    const auto flags = std::uint8_t(bytes[1]);
    const auto ops = std::uint8_t(bytes[2]);
    const auto mem = std::uint8_t(bytes[3]);
    if (version >= 2 && version <= 15 && opsInRange(ops) && memInRange(mem))
        return makeError(
            ErrorCode::NewerVersion,
            QStringLiteral("made by a newer version of Tessera (format %1)").arg(version));
    if (version != FormatVersion || !opsInRange(ops) || !memInRange(mem))
        return notAVault;
    if (flags & ~KnownFlags)
        return makeError(
            ErrorCode::NewerVersion,
            QStringLiteral("made by a newer version of Tessera (unknown header flags)"));
    Header header;
    header.flags = flags;
    header.kdf = {ops, mem};
    for (std::size_t i = 0; i < HeaderRandomBytes; ++i)
        header.random[i] = static_cast<unsigned char>(bytes[qsizetype(4 + i)]);
    return header;
}

Status checkAffordable(KdfParams kdf, std::uint64_t physicalRamBytes) {
    if (kdf.opsLimit < MinOpsLimit || kdf.opsLimit > MaxOpsLimit)
        return makeError(ErrorCode::ResourceLimit,
                         QStringLiteral("key derivation iterations %1 are outside 1..%2")
                             .arg(kdf.opsLimit)
                             .arg(MaxOpsLimit));
    if (!memInRange(kdf.memLog2))
        return makeError(ErrorCode::ResourceLimit,
                         QStringLiteral("key derivation memory is out of range"));
    const std::uint64_t ram = physicalRamBytes ? physicalRamBytes : systemRamBytes();
    if (ram && kdf.memBytes() > ram / 2)
        return makeError(
            ErrorCode::ResourceLimit,
            QStringLiteral("this vault needs %1 MiB for its key derivation, more than half of "
                           "this machine's memory (%2 MiB)")
                .arg(kdf.memBytes() >> 20)
                .arg(ram >> 20));
    return {};
}

} // namespace tessera
