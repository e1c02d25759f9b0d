#pragma once
// The optional secret key (DESIGN.md "Key schedule", core/FORMAT.md "Secret key"): 128 random bits
// mixed into the master key, so a copy of the vault file alone cannot be guessed at even when the
// master password is weak. People see it in a typo-resistant text form:
//
//     T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX
//
// "T1" is the form's version; then 26 Crockford base32 digits of the key and 4 of a checksum,
// in groups of five. Reading is forgiving where Crockford is (case, O for 0, I and L for 1,
// spaces or hyphens anywhere); a mistyped key is reported as a typo, never as a wrong password.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <string_view>

namespace tessera {

inline constexpr std::size_t SecretKeyTextDigits = 30; // 26 key digits + 4 checksum digits
inline constexpr std::size_t SecretKeyGroupDigits = 5;
// "T1-" + 6 groups of 5 joined by hyphens.
inline constexpr std::size_t SecretKeyTextBytes =
    3 + SecretKeyTextDigits + SecretKeyTextDigits / SecretKeyGroupDigits - 1;

// A new random secret key (SecretKeyBytes bytes, in secure memory).
SecureBuffer generateSecretKey();

// The text form of a SecretKeyBytes-byte key, in secure memory.
SecureBuffer formatSecretKey(const SecureBuffer& key);

// The key from its text form. Errors (InvalidArgument unless said): not a Tessera secret key;
// NewerVersion for a form from a newer Tessera ("T2-…"); a letter that is never part of a key;
// too few or too many digits; a typo (the checksum does not match).
Result<SecureBuffer> parseSecretKey(std::string_view text);

} // namespace tessera
