#include "PasswordText.h"

#include "crypto/Crypto.h"

#include <QAccessibleWidget>
#include <QWidget>

namespace tessera::ui {

namespace {

constexpr char32_t Replacement = 0xFFFD;

// What assistive technology sees: an editable, protected text field that never reports its text.
class PasswordAccessible : public QAccessibleWidget {
public:
    explicit PasswordAccessible(QWidget* widget)
        : QAccessibleWidget(widget, QAccessible::EditableText) {}
    QString text(QAccessible::Text t) const override {
        if (t == QAccessible::Value)
            return {};
        return QAccessibleWidget::text(t);
    }
    QAccessible::State state() const override {
        QAccessible::State s = QAccessibleWidget::state();
        s.passwordEdit = true;
        s.editable = true;
        return s;
    }
};

} // namespace

QAccessibleInterface* passwordAccessibleFactory(const QString& className, QObject* object) {
    if (className == QLatin1String("tessera::ui::SecurePasswordEdit") && object &&
        object->isWidgetType())
        return new PasswordAccessible(static_cast<QWidget*>(object));
    return nullptr;
}

// Byte offset of the code point with that index in a UTF-8 buffer.
std::size_t byteOffset(const SecureBuffer& text, int index) {
    std::size_t offset = 0;
    for (int seen = 0; offset < text.size(); ++offset) {
        if (!isContinuation(text.data()[offset])) {
            if (seen == index)
                return offset;
            ++seen;
        }
    }
    return text.size();
}

int countCodePoints(const SecureBuffer& text) {
    int count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        count += isContinuation(text.data()[i]) ? 0 : 1;
    return count;
}

// Decodes the code point starting at offset (the buffer is valid UTF-8: it is only ever built
// from QString::toUtf8). Returns the number of bytes read.
std::size_t decodeAt(const SecureBuffer& text, std::size_t offset, char32_t* out) {
    const unsigned char* p = text.data() + offset;
    const std::size_t left = text.size() - offset;
    std::size_t length = 1;
    if (p[0] >= 0xF0)
        length = 4;
    else if (p[0] >= 0xE0)
        length = 3;
    else if (p[0] >= 0xC0)
        length = 2;
    if (length > left) {
        *out = Replacement;
        return left;
    }
    char32_t value = length == 1 ? p[0] : p[0] & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i)
        value = (value << 6) | (p[i] & 0x3F);
    *out = value;
    return length;
}

Glyph::Glyph(char32_t cp) {
    if (cp > 0xFFFF) {
        units[0] = QChar::highSurrogate(cp);
        units[1] = QChar::lowSurrogate(cp);
        size = 2;
    } else {
        units[0] = char16_t(cp);
        size = 1;
    }
}

Glyph::~Glyph() {
    wipe(units, sizeof units);
}

} // namespace tessera::ui
