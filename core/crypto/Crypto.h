#pragma once
// Tessera's cryptographic primitives, all from libsodium. This room is the only code that sees
// sodium.h; the rest of core/ works with these functions and the secure types.

#include "SecureBuffer.h"
#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace tessera {

inline constexpr std::size_t KeyBytes = 32;       // crypto_kdf_KEYBYTES, XChaCha20 key size
inline constexpr std::size_t NonceBytes = 24;     // XChaCha20-Poly1305-IETF nonce
inline constexpr std::size_t AeadTagBytes = 16;   // Poly1305 tag
inline constexpr std::size_t MacBytes = 32;       // keyed BLAKE2b-256
inline constexpr std::size_t HashBytes = 32;      // BLAKE2b-256
inline constexpr std::size_t ArgonSaltBytes = 16; // crypto_pwhash_SALTBYTES
inline constexpr std::size_t SecretKeyBytes = 16; // the optional secret key: 128 random bits

using Key = FixedSecret<KeyBytes>;

// Every subkey has its own crypto_kdf context and id; no subkey serves two purposes.
enum class KeyPurpose {
    DatabaseKey,   // from MK: the SQLCipher raw key
    KeyWrapping,   // from MK: wraps the vault key
    RecordSealing, // from VK: seals overview/details/attachment parts
    RowMac,        // from VK: per-row MACs
    Manifest,      // from VK: the integrity manifest
    TitleIndex,    // from VK: keyed index of normalised titles
    EpochLink,     // from VK_(i-1): MAC linking epoch i to i-1
    PreviousKey,   // from VK_i: wraps VK_(i-1)
};

// Must be called once before any other function here (idempotent, thread-safe).
Status initializeCrypto();

void randomBytes(void* out, std::size_t size);
QByteArray randomBytes(std::size_t size);
Key randomKey();
// A uniformly distributed integer in [0, upperBound) with no modulo bias (rejection inside
// libsodium). upperBound must be at least 1.
std::uint32_t uniformRandom(std::uint32_t upperBound);

struct Argon2Params {
    std::uint32_t opsLimit;
    std::uint64_t memLimitBytes;
};
// Argon2id over the password with the 16-byte salt. Fails only when memory cannot be had.
Result<Key> argon2id(const SecureBuffer& password, QByteArrayView salt, Argon2Params params);
Key deriveSubkey(const Key& parent, KeyPurpose purpose);
// MK' = BLAKE2b(key = secret key, MK) with Tessera's personalisation.
Key mixSecretKey(const Key& masterKey, const SecureBuffer& secretKey);

// XChaCha20-Poly1305-IETF with a fresh random nonce: returns nonce || ciphertext || tag.
QByteArray seal(const Key& key, const unsigned char* plain, std::size_t size, QByteArrayView ad);
inline QByteArray seal(const Key& key, const SecureBuffer& plain, QByteArrayView ad) {
    return seal(key, plain.data(), plain.size(), ad);
}
// Verifies before it decrypts; on failure nothing is released.
Result<SecureBuffer> open(const Key& key, QByteArrayView sealed, QByteArrayView ad);
Result<Key> openKey(const Key& key, QByteArrayView sealed, QByteArrayView ad);

// Keyed BLAKE2b-256, incrementally. The state lives inside the object (hashing is on hot paths:
// one per row read) and is wiped when the object goes.
class Mac {
public:
    explicit Mac(const Key& key);
    explicit Mac(); // unkeyed: a plain BLAKE2b-256 hash
    ~Mac();
    Mac(const Mac& other); // continues from the same state (e.g. after a common prefix)
    Mac& operator=(const Mac&) = delete;
    void add(QByteArrayView bytes);
    void add(const unsigned char* bytes, std::size_t size);
    void addU64(std::uint64_t value);    // 8 bytes little-endian
    void addField(QByteArrayView bytes); // length-prefixed, so fields cannot run together
    QByteArray finish();

    static constexpr std::size_t StateBytes = 384; // crypto_generichash_statebytes() in 1.0.18

private:
    void* state() { return m_state; }
    alignas(64) unsigned char m_state[StateBytes];
};

QByteArray mac(const Key& key, QByteArrayView bytes);
QByteArray hash(QByteArrayView bytes);
QByteArray hashKey(const Key& key); // BLAKE2b of a key, with its own domain prefix

bool constantTimeEqual(QByteArrayView a, QByteArrayView b);
void wipe(void* bytes, std::size_t size);
void wipe(QByteArray& bytes);
void wipe(QString& text);

// Passwords are NFC-normalised UTF-8. ASCII passes through untouched; otherwise the one QString
// copy the normalisation needs is wiped before return.
SecureBuffer normalizePassword(const SecureBuffer& utf8);

} // namespace tessera
