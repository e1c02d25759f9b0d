// libFuzzer target: the unlock header parser (core/vault/Header.cpp), checked against the
// classification written in core/FORMAT.md "Unlock header", and the affordability check.

#include "FuzzVault.h"

#include "vault/Header.h"

using namespace tessera;

namespace {

// core/FORMAT.md, independently of Header.cpp.
ErrorCode expectedRefusal(const std::uint8_t* data, std::size_t size, bool& accepted) {
    accepted = false;
    if (size < HeaderBytes)
        return ErrorCode::NotAVault;
    const bool paramsValid = data[2] >= 1 && data[3] >= 13 && data[3] <= 32;
    if (data[0] == 1 && paramsValid) {
        if (data[1] & ~0x01)
            return ErrorCode::NewerVersion;
        accepted = true;
        return ErrorCode::InvalidArgument;
    }
    if (data[0] >= 2 && data[0] <= 15 && paramsValid)
        return ErrorCode::NewerVersion;
    return ErrorCode::NotAVault;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    bool accepted = false;
    const ErrorCode expected = expectedRefusal(data, size, accepted);
    auto header = Header::parse(bytes);
    if (header.ok() != accepted)
        fuzz::fail(accepted ? "a valid header was refused" : "an invalid header was accepted");
    if (!header) {
        if (header.code() != expected)
            fuzz::fail("header refused with the wrong code", header.error().message);
        return 0;
    }
    // Canonical: the parsed header is exactly the bytes it came from.
    if (header->bytes() != bytes.first(qsizetype(HeaderBytes)))
        fuzz::fail("the parsed header does not give its bytes back");
    const KdfParams kdf = header->kdf;
    const Status affordable = checkAffordable(kdf, std::uint64_t{16} << 30);
    const bool shouldAfford = kdf.opsLimit <= MaxOpsLimit && kdf.memLog2 <= 33;
    if (affordable.ok() != shouldAfford)
        fuzz::fail("affordability check disagrees with FORMAT.md");
    return 0;
}
