#include "PageCheck.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>
#include <cassert>
#include <memory>

namespace tessera {

namespace {

// SQLCipher 3's compile-time constants (crypto.h: HMAC_SALT_MASK, FAST_PBKDF2_ITER).
constexpr unsigned char HmacSaltMask = 0x3a;
constexpr int HmacKeyIterations = 2;
constexpr std::size_t PageNumberBytes = 4;

constexpr std::size_t UsableBytes = SqlcipherPageBytes - SqlcipherReserveBytes; // 4048
constexpr std::size_t IvOffset = UsableBytes;
constexpr std::size_t HmacOffset = IvOffset + SqlcipherIvBytes;
static_assert(HmacOffset + SqlcipherHmacBytes + SqlcipherPaddingBytes == SqlcipherPageBytes);
static_assert(SqlcipherReserveBytes % SqlcipherIvBytes == 0);

struct MacDeleter {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); } // cleanses the key
};

// PBKDF2-HMAC-SHA1(raw key, salt ^ mask, 2 iterations): SQLCipher's page HMAC key.
bool deriveHmacKey(const Key& rawKey, QByteArrayView salt, Key& hmacKey) {
    std::array<unsigned char, SqlcipherSaltBytes> maskedSalt{};
    for (std::size_t i = 0; i < maskedSalt.size(); ++i)
        maskedSalt[i] = static_cast<unsigned char>(salt[qsizetype(i)]) ^ HmacSaltMask;
    return PKCS5_PBKDF2_HMAC_SHA1(reinterpret_cast<const char*>(rawKey.data()), int(rawKey.size()),
                                  maskedSalt.data(), int(maskedSalt.size()), HmacKeyIterations,
                                  int(hmacKey.size()), hmacKey.data()) == 1;
}

bool pageHmac(const Key& hmacKey, const unsigned char* input, std::size_t size,
              std::uint32_t pageNumber, unsigned char (&out)[SqlcipherHmacBytes]) {
    const std::unique_ptr<EVP_MAC, MacDeleter> hmac(
        EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    if (!hmac)
        return false;
    const std::unique_ptr<EVP_MAC_CTX, MacDeleter> context(EVP_MAC_CTX_new(hmac.get()));
    if (!context)
        return false;
    char digest[] = OSSL_DIGEST_NAME_SHA1;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    // SQLCipher 3 defaults to a little-endian page number whatever the host's byte order.
    const unsigned char pageNumberLe[PageNumberBytes] = {
        static_cast<unsigned char>(pageNumber), static_cast<unsigned char>(pageNumber >> 8),
        static_cast<unsigned char>(pageNumber >> 16), static_cast<unsigned char>(pageNumber >> 24)};
    std::size_t written = 0;
    return EVP_MAC_init(context.get(), hmacKey.data(), hmacKey.size(), params) == 1 &&
           EVP_MAC_update(context.get(), input, size) == 1 &&
           EVP_MAC_update(context.get(), pageNumberLe, sizeof pageNumberLe) == 1 &&
           EVP_MAC_final(context.get(), out, &written, sizeof out) == 1 &&
           written == SqlcipherHmacBytes;
}

struct CipherDeleter {
    void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};

} // namespace

PageAuth checkSqlcipherPage(QByteArrayView page, std::uint32_t pageNumber, const Key& rawKey,
                            QByteArrayView salt) {
    assert(pageNumber >= 1 && salt.size() == qsizetype(SqlcipherSaltBytes));
    if (pageNumber == 0 || salt.size() != qsizetype(SqlcipherSaltBytes) ||
        page.size() != qsizetype(SqlcipherPageBytes))
        return PageAuth::NotAuthentic;

    Key hmacKey;
    if (!deriveHmacKey(rawKey, salt, hmacKey))
        return PageAuth::NotAuthentic;

    // Page 1's clear salt is not part of the encrypted page, so it is not under the HMAC either.
    const std::size_t start = pageNumber == 1 ? SqlcipherSaltBytes : 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(page.data());
    unsigned char computed[SqlcipherHmacBytes];
    if (!pageHmac(hmacKey, bytes + start, HmacOffset - start, pageNumber, computed))
        return PageAuth::NotAuthentic;
    const QByteArrayView stored = page.sliced(qsizetype(HmacOffset), qsizetype(SqlcipherHmacBytes));
    return constantTimeEqual(QByteArrayView(computed, qsizetype(sizeof computed)), stored)
               ? PageAuth::Authentic
               : PageAuth::NotAuthentic;
}

std::optional<SqliteHeaderFields> readSqlcipherFirstPage(QByteArrayView page, const Key& rawKey,
                                                         QByteArrayView salt) {
    if (checkSqlcipherPage(page, 1, rawKey, salt) != PageAuth::Authentic)
        return std::nullopt;
    // The SQLite header's bytes 16..31 are the first AES-CBC block after the clear salt.
    const auto* bytes = reinterpret_cast<const unsigned char*>(page.data());
    unsigned char block[SqlcipherIvBytes];
    int written = 0;
    const std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter> context(EVP_CIPHER_CTX_new());
    if (!context ||
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_cbc(), nullptr, rawKey.data(),
                           bytes + IvOffset) != 1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1 ||
        EVP_DecryptUpdate(context.get(), block, &written, bytes + SqlcipherSaltBytes,
                          int(sizeof block)) != 1 ||
        written != int(sizeof block))
        return std::nullopt;
    SqliteHeaderFields fields;
    fields.pageSize = std::uint32_t(block[0]) << 8 | block[1];
    if (fields.pageSize == 1)
        fields.pageSize = 65536;
    fields.reservedBytes = block[4];
    OPENSSL_cleanse(block, sizeof block);
    return fields;
}

} // namespace tessera
