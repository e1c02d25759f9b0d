#include "PageCodec.h"

#include "crypto/PageCheck.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

namespace tessera::fuzz {

namespace {

constexpr std::size_t PageBytes = SqlcipherPageBytes;
constexpr std::size_t UsableBytes = PageBytes - SqlcipherReserveBytes; // 4048: ciphertext ends
constexpr std::size_t HmacOffset = UsableBytes + SqlcipherIvBytes;
constexpr unsigned char HmacSaltMask = 0x3a;      // SQLCipher 3: HMAC_SALT_MASK
constexpr int HmacKeyIterations = 2;              // SQLCipher 3: FAST_PBKDF2_ITER
constexpr char SqliteMagic[] = "SQLite format 3"; // 15 characters and the NUL: 16 bytes

struct CipherDeleter {
    void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};

bool aesCbc(bool encrypt, const Key& key, const unsigned char* iv, const unsigned char* in,
            std::size_t size, unsigned char* out) {
    const std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter> context(EVP_CIPHER_CTX_new());
    int written = 0;
    int last = 0;
    return context &&
           EVP_CipherInit_ex(context.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv,
                             encrypt ? 1 : 0) == 1 &&
           EVP_CIPHER_CTX_set_padding(context.get(), 0) == 1 &&
           EVP_CipherUpdate(context.get(), out, &written, in, int(size)) == 1 &&
           EVP_CipherFinal_ex(context.get(), out + written, &last) == 1 &&
           std::size_t(written + last) == size;
}

QByteArray hmacKey(const Key& databaseKey, QByteArrayView salt) {
    QByteArray masked(salt.toByteArray());
    for (char& byte : masked)
        byte = char(byte ^ HmacSaltMask);
    QByteArray key(32, '\0');
    PKCS5_PBKDF2_HMAC_SHA1(
        reinterpret_cast<const char*>(databaseKey.data()), int(databaseKey.size()),
        reinterpret_cast<const unsigned char*>(masked.constData()), int(masked.size()),
        HmacKeyIterations, int(key.size()), reinterpret_cast<unsigned char*>(key.data()));
    return key;
}

// HMAC-SHA1(ciphertext || IV || u32le page number) into page[HmacOffset..).
void signPage(const QByteArray& key, unsigned char* page, std::size_t start, quint32 number) {
    unsigned char input[PageBytes + 4];
    const std::size_t size = HmacOffset - start;
    std::copy(page + start, page + HmacOffset, input);
    for (int i = 0; i < 4; ++i)
        input[size + std::size_t(i)] = static_cast<unsigned char>(number >> (8 * i));
    unsigned int macSize = 0;
    HMAC(EVP_sha1(), key.constData(), int(key.size()), input, size + 4, page + HmacOffset,
         &macSize);
}

} // namespace

QByteArray decryptPages(QByteArrayView file, const Key& databaseKey, QByteArrayView salt) {
    if (file.isEmpty() || std::size_t(file.size()) % PageBytes != 0)
        return {};
    QByteArray plain(file.size(), '\0');
    const qsizetype pages = file.size() / qsizetype(PageBytes);
    for (qsizetype i = 0; i < pages; ++i) {
        const QByteArrayView page = file.sliced(i * qsizetype(PageBytes), qsizetype(PageBytes));
        if (checkSqlcipherPage(page, quint32(i + 1), databaseKey, salt) != PageAuth::Authentic)
            return {};
        const std::size_t start = i == 0 ? SqlcipherSaltBytes : 0;
        const auto* in = reinterpret_cast<const unsigned char*>(page.data());
        auto* out = reinterpret_cast<unsigned char*>(plain.data()) + i * qsizetype(PageBytes);
        if (!aesCbc(false, databaseKey, in + UsableBytes, in + start, UsableBytes - start,
                    out + start))
            return {};
        std::copy(in + UsableBytes, in + PageBytes, out + UsableBytes);
        if (i == 0)
            std::copy(SqliteMagic, SqliteMagic + sizeof SqliteMagic, out);
    }
    return plain;
}

QByteArray encryptPages(QByteArrayView plain, const Key& databaseKey, QByteArrayView salt) {
    if (std::size_t(plain.size()) % PageBytes != 0 || salt.size() != qsizetype(SqlcipherSaltBytes))
        return {};
    const QByteArray macKey = hmacKey(databaseKey, salt);
    QByteArray file(plain.size(), '\0');
    const qsizetype pages = plain.size() / qsizetype(PageBytes);
    for (qsizetype i = 0; i < pages; ++i) {
        const auto* in =
            reinterpret_cast<const unsigned char*>(plain.data()) + i * qsizetype(PageBytes);
        auto* out = reinterpret_cast<unsigned char*>(file.data()) + i * qsizetype(PageBytes);
        const std::size_t start = i == 0 ? SqlcipherSaltBytes : 0;
        // IV = SHA-256(page number || plaintext), first 16 bytes: deterministic, per page.
        const quint32 number = quint32(i + 1);
        unsigned char input[sizeof number + UsableBytes];
        std::copy(reinterpret_cast<const unsigned char*>(&number),
                  reinterpret_cast<const unsigned char*>(&number) + sizeof number, input);
        std::copy(in, in + UsableBytes, input + sizeof number);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestSize = 0;
        EVP_Digest(input, sizeof input, digest, &digestSize, EVP_sha256(), nullptr);
        unsigned char iv[SqlcipherIvBytes];
        std::copy(digest, digest + sizeof iv, iv);
        aesCbc(true, databaseKey, iv, in + start, UsableBytes - start, out + start);
        std::copy(iv, iv + sizeof iv, out + UsableBytes);
        if (i == 0)
            std::copy(salt.data(), salt.data() + salt.size(), reinterpret_cast<char*>(out));
        signPage(macKey, out, start, number);
        // The 12 padding bytes after the HMAC stay zero: nothing reads them.
    }
    return file;
}

} // namespace tessera::fuzz
