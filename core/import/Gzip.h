#pragma once
// gzip decompression (RFC 1952) for the attachments KeePassXC writes into its XML export
// (<Binary Compressed="True">), straight into secure memory, refusing more than maxBytes of
// output (a small file must not inflate into gigabytes). zlib's own window holds pieces of the
// plaintext in ordinary memory while it works; that is the one copy we cannot wipe.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArrayView>

namespace tessera {

Result<SecureBuffer> gunzip(QByteArrayView compressed, std::size_t maxBytes);

} // namespace tessera
