#include "Hmac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cassert>
#include <memory>

namespace tessera {

namespace {

struct MacDeleter {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); } // cleanses the key
};

const char* digestName(HmacAlgorithm algorithm) {
    switch (algorithm) {
    case HmacAlgorithm::Sha1:
        return OSSL_DIGEST_NAME_SHA1;
    case HmacAlgorithm::Sha256:
        return OSSL_DIGEST_NAME_SHA2_256;
    case HmacAlgorithm::Sha512:
        return OSSL_DIGEST_NAME_SHA2_512;
    }
    return OSSL_DIGEST_NAME_SHA1;
}

Error unavailable() {
    return makeError(ErrorCode::ResourceLimit, QStringLiteral("OpenSSL cannot compute an HMAC"));
}

} // namespace

Result<SecureBuffer> hmac(HmacAlgorithm algorithm, const SecureBuffer& key,
                          const unsigned char* message, std::size_t size) {
    assert(!key.empty());
    if (key.empty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an HMAC key is empty"));
    const std::unique_ptr<EVP_MAC, MacDeleter> mac(
        EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    if (!mac)
        return unavailable();
    const std::unique_ptr<EVP_MAC_CTX, MacDeleter> context(EVP_MAC_CTX_new(mac.get()));
    if (!context)
        return unavailable();
    // OSSL_PARAM wants a mutable pointer but only reads the name.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                         const_cast<char*>(digestName(algorithm)), 0),
        OSSL_PARAM_construct_end(),
    };
    SecureBuffer out(hmacBytes(algorithm));
    std::size_t written = 0;
    if (EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), message, size) != 1 ||
        EVP_MAC_final(context.get(), out.data(), &written, out.size()) != 1 ||
        written != out.size())
        return unavailable();
    return out;
}

} // namespace tessera
