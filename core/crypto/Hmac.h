#pragma once
// HMAC-SHA1/SHA-256/SHA-512 through OpenSSL's EVP_MAC, for the RFC 4226/6238 one-time codes
// (libsodium has no SHA-1). The key is handed to OpenSSL straight from secure memory and the MAC
// comes back in secure memory: a one-time code is a function of it. QMessageAuthenticationCode is
// not used because it copies the key into a QByteArray that nothing wipes.

#include "SecureBuffer.h"
#include "common/Result.h"

#include <cstddef>

namespace tessera {

enum class HmacAlgorithm { Sha1, Sha256, Sha512 };

inline constexpr std::size_t Sha1Bytes = 20;
inline constexpr std::size_t Sha256Bytes = 32;
inline constexpr std::size_t Sha512Bytes = 64;

constexpr std::size_t hmacBytes(HmacAlgorithm algorithm) {
    switch (algorithm) {
    case HmacAlgorithm::Sha1:
        return Sha1Bytes;
    case HmacAlgorithm::Sha256:
        return Sha256Bytes;
    case HmacAlgorithm::Sha512:
        return Sha512Bytes;
    }
    return 0;
}

// HMAC(key, message). The key must not be empty. Fails only when OpenSSL cannot provide the
// algorithm (a broken installation).
Result<SecureBuffer> hmac(HmacAlgorithm algorithm, const SecureBuffer& key,
                          const unsigned char* message, std::size_t size);

} // namespace tessera
