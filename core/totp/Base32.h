#pragma once
// RFC 4648 base32 decoding of TOTP/HOTP secrets, straight into secure memory.
//
// Accepted: A-Z and 2-7 in either case; '=' padding or none; spaces and hyphens anywhere (secrets
// are shown in groups, "JBSW Y3DP ..." or "JBSW-Y3DP-..."), as phone authenticators accept them.
// Rejected, each with its own message: any other character, a length that no byte string
// encodes (1, 3 or 6 characters past a multiple of 8: one is missing or extra), padding that does
// not match the length, anything after the padding, no characters at all.
// Not rejected: non-zero bits after the last whole byte. Services that draw random base32
// characters instead of encoding bytes produce them, and every authenticator drops them, so a
// stricter check would refuse secrets the user's phone accepts. They are dropped here too.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <cstddef>
#include <string_view>

namespace tessera {

inline constexpr std::size_t Base32BitsPerChar = 5;
inline constexpr std::size_t Base32BlockChars = 8; // 8 characters encode 5 bytes
inline constexpr std::size_t MaxOtpSecretBytes = 1024;

// Error messages (InvalidArgument, or TooLarge above MaxOtpSecretBytes) complete the sentence
// "the secret ...", e.g. "is not base32: '1' at position 7 (base32 uses A-Z and 2-7)". They never
// quote a valid base32 character, which would be part of the secret.
Result<SecureBuffer> decodeBase32(std::string_view text);

} // namespace tessera
