#include "Crypto.h"

#include <QString>

#include <sodium.h>

#include <cassert>
#include <cstring>
#include <new>

namespace tessera {

static_assert(KeyBytes == crypto_kdf_KEYBYTES);
static_assert(KeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(NonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(AeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(ArgonSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(MacBytes >= crypto_generichash_BYTES_MIN && MacBytes <= crypto_generichash_BYTES_MAX);

namespace {

struct SubkeyRecipe {
    std::uint64_t id;
    char context[crypto_kdf_CONTEXTBYTES];
};

SubkeyRecipe recipeFor(KeyPurpose purpose) {
    switch (purpose) {
    case KeyPurpose::DatabaseKey:
        return {1, {'T', 's', 'D', 'b', 'K', 'e', 'y', '1'}};
    case KeyPurpose::KeyWrapping:
        return {2, {'T', 's', 'K', 'W', 'r', 'a', 'p', '1'}};
    case KeyPurpose::RecordSealing:
        return {3, {'T', 's', 'S', 'e', 'a', 'l', '_', '1'}};
    case KeyPurpose::RowMac:
        return {4, {'T', 's', 'R', 'o', 'w', 'M', 'c', '1'}};
    case KeyPurpose::Manifest:
        return {5, {'T', 's', 'M', 'a', 'n', 'i', 'f', '1'}};
    case KeyPurpose::TitleIndex:
        return {6, {'T', 's', 'T', 'i', 't', 'l', 'e', '1'}};
    case KeyPurpose::EpochLink:
        return {7, {'T', 's', 'E', 'p', 'L', 'n', 'k', '1'}};
    case KeyPurpose::PreviousKey:
        return {8, {'T', 's', 'P', 'r', 'e', 'v', 'K', '1'}};
    }
    return {0, {}};
}

constexpr char SecretKeyPersonal[crypto_generichash_blake2b_PERSONALBYTES] = {
    'T', 'e', 's', 's', 'e', 'r', 'a', '-', 's', 'e', 'c', 'r', 'e', 't', 'k', '1'};
constexpr char KeyHashDomain[] = "tessera key hash v1";

} // namespace

Status initializeCrypto() {
    if (sodium_init() < 0)
        return makeError(ErrorCode::ResourceLimit,
                         QStringLiteral("libsodium could not be initialised"));
    return {};
}

void randomBytes(void* out, std::size_t size) {
    randombytes_buf(out, size);
}

QByteArray randomBytes(std::size_t size) {
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    randombytes_buf(bytes.data(), size);
    return bytes;
}

std::uint32_t uniformRandom(std::uint32_t upperBound) {
    assert(upperBound >= 1);
    return randombytes_uniform(upperBound);
}

Key randomKey() {
    Key key;
    crypto_kdf_keygen(key.data());
    return key;
}

Result<Key> argon2id(const SecureBuffer& password, QByteArrayView salt, Argon2Params params) {
    if (salt.size() != qsizetype(ArgonSaltBytes))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Argon2id salt must be 16 bytes"));
    Key key;
    const int rc =
        crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(password.data()),
                      password.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                      params.opsLimit, params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0)
        return makeError(ErrorCode::ResourceLimit,
                         QStringLiteral("not enough memory for the key derivation (%1 MiB)")
                             .arg(params.memLimitBytes >> 20));
    return key;
}

Key deriveSubkey(const Key& parent, KeyPurpose purpose) {
    const SubkeyRecipe recipe = recipeFor(purpose);
    Key subkey;
    crypto_kdf_derive_from_key(subkey.data(), subkey.size(), recipe.id, recipe.context,
                               parent.data());
    return subkey;
}

Key mixSecretKey(const Key& masterKey, const SecureBuffer& secretKey) {
    Key mixed;
    crypto_generichash_blake2b_salt_personal(
        mixed.data(), mixed.size(), masterKey.data(), masterKey.size(), secretKey.data(),
        secretKey.size(), nullptr, reinterpret_cast<const unsigned char*>(SecretKeyPersonal));
    return mixed;
}

QByteArray seal(const Key& key, const unsigned char* plain, std::size_t size, QByteArrayView ad) {
    QByteArray out(qsizetype(NonceBytes + size + AeadTagBytes), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, NonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NonceBytes, &written, plain, size,
                                               reinterpret_cast<const unsigned char*>(ad.data()),
                                               std::size_t(ad.size()), nullptr, nonce, key.data());
    return out;
}

Result<SecureBuffer> open(const Key& key, QByteArrayView sealed, QByteArrayView ad) {
    if (sealed.size() < qsizetype(NonceBytes + AeadTagBytes))
        return makeError(ErrorCode::Tampered, QStringLiteral("a sealed record is truncated"));
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    SecureBuffer plain(std::size_t(sealed.size()) - NonceBytes - AeadTagBytes);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &written, nullptr, nonce + NonceBytes,
            std::size_t(sealed.size()) - NonceBytes,
            reinterpret_cast<const unsigned char*>(ad.data()), std::size_t(ad.size()), nonce,
            key.data()) != 0)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("a sealed record failed authentication"));
    return plain;
}

Result<Key> openKey(const Key& key, QByteArrayView sealed, QByteArrayView ad) {
    auto plain = open(key, sealed, ad);
    if (!plain)
        return plain.error();
    if (plain->size() != KeyBytes)
        return makeError(ErrorCode::Tampered, QStringLiteral("a wrapped key has the wrong size"));
    Key out;
    std::memcpy(out.data(), plain->data(), KeyBytes);
    return out;
}

static_assert(sizeof(crypto_generichash_state) <= Mac::StateBytes);

Mac::Mac(const Key& key) {
    crypto_generichash_init(static_cast<crypto_generichash_state*>(state()), key.data(), key.size(),
                            MacBytes);
}

Mac::Mac() {
    crypto_generichash_init(static_cast<crypto_generichash_state*>(state()), nullptr, 0, HashBytes);
}

Mac::Mac(const Mac& other) {
    std::memcpy(m_state, other.m_state, sizeof m_state);
}

Mac::~Mac() {
    sodium_memzero(m_state, sizeof m_state);
}

void Mac::add(const unsigned char* bytes, std::size_t size) {
    crypto_generichash_update(static_cast<crypto_generichash_state*>(state()), bytes, size);
}

void Mac::add(QByteArrayView bytes) {
    add(reinterpret_cast<const unsigned char*>(bytes.data()), std::size_t(bytes.size()));
}

void Mac::addU64(std::uint64_t value) {
    unsigned char le[8];
    for (int i = 0; i < 8; ++i)
        le[i] = static_cast<unsigned char>(value >> (8 * i));
    add(le, sizeof le);
}

void Mac::addField(QByteArrayView bytes) {
    addU64(std::uint64_t(bytes.size()));
    add(bytes);
}

QByteArray Mac::finish() {
    QByteArray out(qsizetype(MacBytes), Qt::Uninitialized);
    crypto_generichash_final(static_cast<crypto_generichash_state*>(state()),
                             reinterpret_cast<unsigned char*>(out.data()), MacBytes);
    return out;
}

QByteArray mac(const Key& key, QByteArrayView bytes) {
    Mac m(key);
    m.add(bytes);
    return m.finish();
}

QByteArray hash(QByteArrayView bytes) {
    Mac m;
    m.add(bytes);
    return m.finish();
}

QByteArray hashKey(const Key& key) {
    Mac m;
    m.add(QByteArrayView(KeyHashDomain));
    m.add(key.data(), key.size());
    return m.finish();
}

bool constantTimeEqual(QByteArrayView a, QByteArrayView b) {
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || sodium_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

void wipe(void* bytes, std::size_t size) {
    sodium_memzero(bytes, size);
}

// Wipes the buffer in place without detaching: a detach would copy the secret first. Literal
// (static, read-only) data has no allocation and is left alone.
void wipe(QByteArray& bytes) {
    if (!bytes.isEmpty() && bytes.data_ptr().d_ptr())
        sodium_memzero(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
    bytes.clear();
}

void wipe(QString& text) {
    if (!text.isEmpty() && text.data_ptr().d_ptr())
        sodium_memzero(const_cast<QChar*>(text.constData()),
                       std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

SecureBuffer normalizePassword(const SecureBuffer& utf8) {
    bool ascii = true;
    for (std::size_t i = 0; i < utf8.size() && ascii; ++i)
        ascii = utf8.data()[i] < 0x80;
    if (ascii)
        return utf8.clone();
    QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(utf8.data()), qsizetype(utf8.size()));
    QString normal = text.normalized(QString::NormalizationForm_C);
    QByteArray bytes = normal.toUtf8();
    SecureBuffer out = SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
    wipe(bytes);
    wipe(normal);
    wipe(text);
    return out;
}

} // namespace tessera
