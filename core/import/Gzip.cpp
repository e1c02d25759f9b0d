#include "Gzip.h"

#include <zlib.h>

namespace tessera {

namespace {

constexpr int GzipWindowBits = 16 + MAX_WBITS; // 16: expect a gzip header and trailer
constexpr std::size_t ChunkBytes = 64 * 1024;

} // namespace

Result<SecureBuffer> gunzip(QByteArrayView compressed, std::size_t maxBytes) {
    z_stream stream{};
    if (inflateInit2(&stream, GzipWindowBits) != Z_OK)
        return makeError(ErrorCode::ResourceLimit, QStringLiteral("cannot start gzip decoding"));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    SecureBuffer out;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        const std::size_t used = out.size();
        if (used >= maxBytes + 1) {
            inflateEnd(&stream);
            return makeError(
                ErrorCode::TooLarge,
                QStringLiteral("decompresses to more than %1 MiB").arg(maxBytes >> 20));
        }
        const std::size_t room = std::min(ChunkBytes, maxBytes + 1 - used);
        out.append(SecureBuffer(room).data(), room); // grow; zero-filled
        stream.next_out = out.data() + used;
        stream.avail_out = uInt(room);
        status = inflate(&stream, Z_NO_FLUSH);
        out.truncate(used + (room - stream.avail_out));
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("damaged gzip data"));
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("truncated gzip data"));
        }
    }
    inflateEnd(&stream);
    if (out.size() > maxBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("decompresses to more than %1 MiB").arg(maxBytes >> 20));
    return out;
}

} // namespace tessera
