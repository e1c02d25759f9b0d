// libFuzzer target: the record decoder (core/vault/RecordCodec.cpp), i.e. what a sealed record's
// plaintext turns into once its AEAD tag verified. The first byte picks the part (overview,
// details, attachment info); the rest is the plaintext. Oracle: the format is canonical
// (core/FORMAT.md "Sealed parts"), so whatever decodes must encode back to the same bytes.

#include "FuzzVault.h"

#include "vault/RecordCodec.h"

using namespace tessera;

namespace {

const EntryId RecordId(16, '\x11');
const EntryId OwnerId(16, '\x22');

bool sameBytes(const SecureBuffer& a, const std::uint8_t* data, std::size_t size) {
    return a.size() == size && std::equal(data, data + size, a.data());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const std::uint8_t part = data[0] % 3;
    ++data;
    --size;
    const SecureBuffer plain = fuzz::secureInput(data, size);
    switch (part) {
    case 0: {
        auto overview = decodeOverview(plain, RecordId);
        if (overview && !sameBytes(encodeOverview(*overview), data, size))
            fuzz::fail("an overview decoded from non-canonical bytes");
        if (overview && overview->id != RecordId)
            fuzz::fail("the decoded overview lost its id");
        if (!overview && !fuzz::isRefusal(overview.code()))
            fuzz::fail("overview refused with an unexpected code", overview.error().message);
        break;
    }
    case 1: {
        auto details = decodeDetails(plain);
        if (details && !sameBytes(encodeDetails(*details), data, size))
            fuzz::fail("details decoded from non-canonical bytes");
        if (!details && !fuzz::isRefusal(details.code()))
            fuzz::fail("details refused with an unexpected code", details.error().message);
        break;
    }
    default: {
        const QByteArray id(16, '\x33');
        auto info = decodeAttachmentInfo(plain, id, OwnerId);
        if (info && !sameBytes(encodeAttachmentInfo(*info), data, size))
            fuzz::fail("attachment info decoded from non-canonical bytes");
        if (!info && !fuzz::isRefusal(info.code()))
            fuzz::fail("attachment info refused with an unexpected code", info.error().message);
        break;
    }
    }
    return 0;
}
