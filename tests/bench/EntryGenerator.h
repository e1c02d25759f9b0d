#pragma once
// Realistic vault entries for the benchmark, the same for the same index on every call, so the
// measuring process can name an entry without reading the vault back. Not for secrets: the values
// come from a seeded, non-cryptographic generator.

#include "vault/Entry.h"

#include <cstdint>

namespace tessera::bench {

class EntryGenerator {
public:
    static constexpr std::uint64_t DefaultSeed = 0x7e55e7a2026ULL;

    explicit EntryGenerator(std::uint64_t seed = DefaultSeed)
        : m_seed(seed) {}

    // Entry `index`: a title such as "GitHub — work 1234" (unique per index), an email user name,
    // 1-3 URLs, 0-3 tags, a folder such as "Work/Email", a password; notes, custom fields, a TOTP
    // secret and the favourite flag on some.
    EntryChanges entry(int index) const;
    QString title(int index) const;

private:
    std::uint64_t m_seed;
};

} // namespace tessera::bench
