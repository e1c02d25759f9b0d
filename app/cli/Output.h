#pragma once
// Standard output for tessera-cli. Ordinary text is buffered; secret bytes are written with
// write(2) straight from secure memory after the buffered text, so no stdio or QString buffer
// ever holds a copy of them.

#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <cstddef>

namespace tessera::cli {

class Output {
public:
    enum class SecretStyle {
        Raw,     // the bytes exactly (for scripts)
        Display, // control characters other than newline and tab shown as '?'
        Json,    // escaped for the inside of a JSON string
    };

    explicit Output(int fd);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    void text(const QString& text);
    void line(const QString& text);
    void bytes(QByteArrayView bytes);
    void secret(const SecureBuffer& value, SecretStyle style);
    void secret(const unsigned char* data, std::size_t size, SecretStyle style);

    // Writes what is buffered. false once any write failed (e.g. a closed pipe).
    bool flush();

private:
    void appendUtf8(QStringView text, bool newline);
    void writeAll(const void* data, std::size_t size);

    int m_fd;
    QByteArray m_buffer;
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    bool m_failed = false;
};

// JSON string escaping of UTF-8 bytes that need it; nullptr if the byte goes through as it is.
const char* jsonEscape(unsigned char byte, char (&scratch)[8]);

} // namespace tessera::cli
