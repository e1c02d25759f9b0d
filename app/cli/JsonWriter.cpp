#include "JsonWriter.h"

#include <QLocale>

#include <cassert>
#include <cmath>

namespace tessera::cli {

namespace {

constexpr int IndentWidth = 2;

QByteArray quoted(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    QByteArray result;
    result.reserve(utf8.size() + 2);
    result += '"';
    char scratch[8];
    for (const char c : utf8) {
        if (const char* escaped = jsonEscape(static_cast<unsigned char>(c), scratch))
            result += escaped;
        else
            result += c;
    }
    result += '"';
    return result;
}

} // namespace

void JsonWriter::indent() {
    m_out.bytes("\n");
    m_out.bytes(QByteArray(qsizetype(m_levels.size()) * IndentWidth, ' '));
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    if (!m_levels.back().empty)
        m_out.bytes(",");
    m_levels.back().empty = false;
    indent();
}

void JsonWriter::begin(char bracket) {
    beforeValue();
    m_out.bytes(QByteArrayView(&bracket, 1));
    m_levels.push_back({});
}

void JsonWriter::end(char bracket) {
    assert(!m_levels.empty());
    const bool wasEmpty = m_levels.back().empty;
    m_levels.pop_back();
    if (!wasEmpty)
        indent();
    m_out.bytes(QByteArrayView(&bracket, 1));
}

void JsonWriter::beginObject() {
    begin('{');
}
void JsonWriter::endObject() {
    end('}');
}
void JsonWriter::beginArray() {
    begin('[');
}
void JsonWriter::endArray() {
    end(']');
}

void JsonWriter::key(const char* asciiName) {
    beforeValue();
    m_out.bytes(quoted(QLatin1String(asciiName)));
    m_out.bytes(": ");
    m_afterKey = true;
}

void JsonWriter::value(const QString& text) {
    beforeValue();
    m_out.bytes(quoted(text));
}

void JsonWriter::value(qint64 number) {
    beforeValue();
    m_out.bytes(QByteArray::number(number));
}

void JsonWriter::value(double number) {
    if (!std::isfinite(number)) {
        null();
        return;
    }
    beforeValue();
    m_out.bytes(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::value(bool flag) {
    beforeValue();
    m_out.bytes(flag ? "true" : "false");
}

void JsonWriter::value(const QStringList& texts) {
    beginArray();
    for (const QString& text : texts)
        value(text);
    endArray();
}

void JsonWriter::secretValue(const SecureBuffer& secret) {
    beforeValue();
    m_out.bytes("\"");
    m_out.secret(secret, Output::SecretStyle::Json);
    m_out.bytes("\"");
}

void JsonWriter::null() {
    beforeValue();
    m_out.bytes("null");
}

void JsonWriter::finish() {
    m_out.bytes("\n");
}

} // namespace tessera::cli
