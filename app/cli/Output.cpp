#include "Output.h"

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace tessera::cli {

namespace {

constexpr qsizetype FlushThreshold = 64 * 1024;

bool isDisplayControl(unsigned char byte) {
    return (byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f;
}

} // namespace

const char* jsonEscape(unsigned char byte, char (&scratch)[8]) {
    switch (byte) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        break;
    }
    if (byte < 0x20 || byte == 0x7f) {
        std::snprintf(scratch, sizeof scratch, "\\u%04x", unsigned(byte));
        return scratch;
    }
    return nullptr;
}

Output::Output(int fd)
    : m_fd(fd) {
}

Output::~Output() {
    flush();
}

void Output::text(const QString& text) {
    appendUtf8(text, false);
}

void Output::line(const QString& text) {
    appendUtf8(text, true);
}

void Output::appendUtf8(QStringView text, bool newline) {
    // Encoded straight into the buffer: no temporary per line (ls prints 100k of them).
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + m_utf8.requiredSpace(text.size()) + 1);
    char* end = m_utf8.appendToBuffer(m_buffer.data() + at, text);
    if (newline)
        *end++ = '\n';
    m_buffer.resize(end - m_buffer.constData()); // shrinking keeps the capacity
    if (m_buffer.size() >= FlushThreshold)
        flush();
}

void Output::bytes(QByteArrayView bytes) {
    m_buffer.append(bytes);
}

void Output::secret(const SecureBuffer& value, SecretStyle style) {
    secret(value.data(), value.size(), style);
}

void Output::secret(const unsigned char* data, std::size_t size, SecretStyle style) {
    flush();
    if (style == SecretStyle::Raw) {
        writeAll(data, size);
        return;
    }
    // Runs of bytes that need no change go out directly; only the replacements are buffered.
    std::size_t runStart = 0;
    char scratch[8];
    for (std::size_t i = 0; i < size; ++i) {
        const char* replacement = nullptr;
        if (style == SecretStyle::Json)
            replacement = jsonEscape(data[i], scratch);
        else if (isDisplayControl(data[i]))
            replacement = "?";
        if (!replacement)
            continue;
        writeAll(data + runStart, i - runStart);
        m_buffer += replacement;
        flush();
        runStart = i + 1;
    }
    writeAll(data + runStart, size - runStart);
}

bool Output::flush() {
    if (!m_buffer.isEmpty()) {
        writeAll(m_buffer.constData(), std::size_t(m_buffer.size()));
        m_buffer.clear();
    }
    return !m_failed;
}

void Output::writeAll(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0 && !m_failed) {
        const ssize_t written = ::write(m_fd, bytes, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            m_failed = true;
            return;
        }
        bytes += written;
        size -= std::size_t(written);
    }
}

} // namespace tessera::cli
