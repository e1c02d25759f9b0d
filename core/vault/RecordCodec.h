#pragma once
// The plaintext encoding of sealed parts (core/FORMAT.md "Sealed parts"): a canonical TLV list.
// Details are encoded and decoded entirely within secure memory.

#include "Entry.h"
#include "common/Result.h"
#include "crypto/SecureBuffer.h"

namespace tessera {

inline constexpr std::size_t StampBytes = 8 + DeviceIdBytes;

SecureBuffer encodeOverview(const EntryOverview& overview);
Result<EntryOverview> decodeOverview(const SecureBuffer& plain, const EntryId& id);
// The same into an existing overview (unlock decodes 100k of them into their places).
Status decodeOverviewInto(const SecureBuffer& plain, const EntryId& id, EntryOverview& out);

SecureBuffer encodeDetails(const EntryDetails& details);
Result<EntryDetails> decodeDetails(const SecureBuffer& plain);

SecureBuffer encodeAttachmentInfo(const AttachmentInfo& info);
Result<AttachmentInfo> decodeAttachmentInfo(const SecureBuffer& plain, const QByteArray& id,
                                            const EntryId& entry);

QByteArray encodeStamp(const Stamp& stamp);
Result<Stamp> decodeStamp(QByteArrayView bytes);

} // namespace tessera
