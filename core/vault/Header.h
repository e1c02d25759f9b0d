#pragma once
// The 16-byte unlock header: the first 16 bytes of the vault file, which SQLCipher stores in the
// clear as its salt. All 16 bytes are the Argon2id salt, so the KDF parameters are bound to the
// key. See core/FORMAT.md "Unlock header".

#include "common/Result.h"

#include <QByteArray>

#include <array>
#include <cstdint>

namespace tessera {

inline constexpr std::size_t HeaderBytes = 16;
inline constexpr std::uint8_t FormatVersion = 1;
inline constexpr std::uint8_t FlagSecretKey = 0x01;
inline constexpr std::uint8_t KnownFlags = FlagSecretKey;
inline constexpr std::uint8_t MinOpsLimit = 1;
inline constexpr std::uint8_t MaxOpsLimit = 64; // sane cap: far above any calibration result
inline constexpr std::uint8_t MinMemLog2 = 13;  // 8 KiB
inline constexpr std::uint8_t MaxMemLog2 = 32;  // 4 GiB
inline constexpr std::uint8_t DefaultOpsLimit = 3;
inline constexpr std::uint8_t DefaultMemLog2 = 28; // 256 MiB (libsodium's MODERATE)
inline constexpr std::size_t HeaderRandomBytes = 12;

struct KdfParams {
    std::uint8_t opsLimit = DefaultOpsLimit;
    std::uint8_t memLog2 = DefaultMemLog2;
    std::uint64_t memBytes() const { return std::uint64_t{1} << memLog2; }
    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

struct Header {
    std::uint8_t flags = 0;
    KdfParams kdf;
    std::array<unsigned char, HeaderRandomBytes> random{};

    bool requiresSecretKey() const { return flags & FlagSecretKey; }
    QByteArray bytes() const;

    // A new header with fresh random bytes.
    static Header fresh(KdfParams kdf, bool secretKey);
    // Validates structure only: NotAVault, NewerVersion, or a Header.
    static Result<Header> parse(QByteArrayView bytes);
};

// Whether this machine can afford the parameters: memory at most half the physical RAM, iterations
// at most MaxOpsLimit. physicalRamBytes = 0 means "ask the system".
Status checkAffordable(KdfParams kdf, std::uint64_t physicalRamBytes = 0);

} // namespace tessera
