#pragma once
// Where the generators' randomness comes from, passed in rather than reached for (no process-wide
// singleton): libsodium's CSPRNG in the product, a scripted sequence in tests that need to steer
// a draw.

#include "crypto/Crypto.h"

#include <cstdint>

namespace tessera {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    // A uniformly distributed integer in [0, upperBound), upperBound >= 1, with no modulo bias.
    virtual std::uint32_t uniform(std::uint32_t upperBound) = 0;
};

// libsodium's randombytes_uniform through core/crypto.
class CsprngSource final : public RandomSource {
public:
    std::uint32_t uniform(std::uint32_t upperBound) override { return uniformRandom(upperBound); }
};

} // namespace tessera
