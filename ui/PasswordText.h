#pragma once
// What SecurePasswordEdit needs to edit and paint UTF-8 held in a SecureBuffer without a QString
// of the whole text: code point counting and decoding, one code point at a time as UTF-16 in
// wiped storage, and the accessibility interface that reports a protected field, never its text.

#include "crypto/SecureBuffer.h"

#include <QString>

#include <cstddef>

class QAccessibleInterface;
class QObject;

namespace tessera::ui {

inline bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}
// Byte offset of the code point with that index.
std::size_t byteOffset(const SecureBuffer& text, int index);
int countCodePoints(const SecureBuffer& text);
// Decodes the code point at offset; returns the bytes read (U+FFFD for a cut sequence).
std::size_t decodeAt(const SecureBuffer& text, std::size_t offset, char32_t* out);

// One code point as UTF-16 in storage wiped on destruction, viewed by a QString that does not
// copy it.
struct Glyph {
    explicit Glyph(char32_t cp);
    ~Glyph();
    Glyph(const Glyph&) = delete;
    Glyph& operator=(const Glyph&) = delete;
    QString view() const {
        return QString::fromRawData(reinterpret_cast<const QChar*>(units), size);
    }
    char16_t units[2] = {};
    qsizetype size = 0;
};

// QAccessible factory: SecurePasswordEdit is an EditableText with the passwordEdit state and no
// Value text.
QAccessibleInterface* passwordAccessibleFactory(const QString& className, QObject* object);

} // namespace tessera::ui
