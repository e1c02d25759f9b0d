#include "FileDigest.h"

#include <openssl/evp.h>

namespace tessera {

struct FileDigest::State {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(context); }
};

FileDigest::FileDigest()
    : m_state(std::make_unique<State>()) {
    EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr);
}

FileDigest::~FileDigest() = default;

void FileDigest::add(QByteArrayView bytes) {
    EVP_DigestUpdate(m_state->context, bytes.data(), std::size_t(bytes.size()));
}

QByteArray FileDigest::finish() {
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_state->context, reinterpret_cast<unsigned char*>(out.data()), &size);
    out.truncate(qsizetype(size));
    return out;
}

} // namespace tessera
