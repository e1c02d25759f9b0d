#include "ChildChannel.h"

#include "crypto/Crypto.h"

#include <unistd.h>

namespace tessera::test {

namespace {

bool readByte(unsigned char* byte) {
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, byte, 1);
        if (got == 1)
            return true;
        if (got < 0 && errno == EINTR)
            continue;
        return false;
    }
}

void writeAll(const void* bytes, std::size_t size) {
    const auto* at = static_cast<const unsigned char*>(bytes);
    while (size > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, at, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return;
        at += written;
        size -= std::size_t(written);
    }
}

} // namespace

QByteArray readCommand() {
    QByteArray line;
    unsigned char byte = 0;
    while (readByte(&byte) && byte != '\n')
        line.append(char(byte));
    return line;
}

SecureBuffer readSecretLine() {
    SecureBuffer secret;
    unsigned char byte = 0;
    while (readByte(&byte) && byte != '\n')
        secret.appendByte(byte);
    wipe(&byte, sizeof byte);
    return secret;
}

void reply(const QByteArray& line) {
    writeAll(line.constData(), std::size_t(line.size()));
    writeAll("\n", 1);
}

void replyHex(const SecureBuffer& bytes) {
    static constexpr char Digits[] = "0123456789abcdef";
    SecureBuffer hex(bytes.size() * 2 + 1);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        hex.data()[2 * i] = static_cast<unsigned char>(Digits[bytes.data()[i] >> 4]);
        hex.data()[2 * i + 1] = static_cast<unsigned char>(Digits[bytes.data()[i] & 0x0F]);
    }
    hex.data()[hex.size() - 1] = '\n';
    writeAll(hex.data(), hex.size());
}

} // namespace tessera::test
