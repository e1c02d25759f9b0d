#include "ExportText.h"

#include "import/ImportText.h"

namespace tessera {

namespace {

std::string_view utf8View(const QByteArray& bytes) {
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

void appendText(SecureBuffer& out, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    out.append(utf8View(bytes));
}

void appendCsvCell(SecureBuffer& out, std::string_view value) {
    out.appendByte('"');
    for (const char c : value) {
        if (c == '"')
            out.appendByte('"');
        out.appendByte(static_cast<unsigned char>(c));
    }
    out.appendByte('"');
}

void appendCsvCell(SecureBuffer& out, const QString& value) {
    appendCsvCell(out, utf8View(value.toUtf8()));
}

void appendXmlText(SecureBuffer& out, std::string_view value) {
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '&':
            out.append(std::string_view("&amp;"));
            break;
        case '<':
            out.append(std::string_view("&lt;"));
            break;
        case '>':
            out.append(std::string_view("&gt;"));
            break;
        case '"':
            out.append(std::string_view("&quot;"));
            break;
        case '\r':
            out.append(std::string_view("&#13;"));
            break;
        default:
            if (byte < 0x20 && c != '\n' && c != '\t')
                break; // not allowed in XML 1.0, not even as a reference
            out.appendByte(byte);
        }
    }
}

void appendXmlText(SecureBuffer& out, const QString& value) {
    appendXmlText(out, utf8View(value.toUtf8()));
}

void appendJsonString(SecureBuffer& out, std::string_view value) {
    static constexpr char Hex[] = "0123456789abcdef";
    out.appendByte('"');
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append(std::string_view("\\\""));
            break;
        case '\\':
            out.append(std::string_view("\\\\"));
            break;
        case '\n':
            out.append(std::string_view("\\n"));
            break;
        case '\r':
            out.append(std::string_view("\\r"));
            break;
        case '\t':
            out.append(std::string_view("\\t"));
            break;
        default:
            if (byte < 0x20) {
                const char escaped[] = {'\\', 'u', '0', '0', Hex[byte >> 4], Hex[byte & 15]};
                out.append(escaped, sizeof escaped);
            } else {
                out.appendByte(byte);
            }
        }
    }
    out.appendByte('"');
}

void appendJsonString(SecureBuffer& out, const QString& value) {
    appendJsonString(out, utf8View(value.toUtf8()));
}

SecureBuffer totpAsUri(const SecureBuffer& totp, const QString& label) {
    const std::string_view text = totp.view();
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n'))
        ++start;
    if (text.substr(start, 10) == std::string_view("otpauth://"))
        return totp.clone();
    return otpauthUri(text, label, 6, 30, QStringLiteral("SHA1"));
}

} // namespace tessera
