#include "ImportText.h"

#include "vault/Entry.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <cstring>

namespace tessera {

namespace {

// Length of the UTF-8 sequence at text[i], or 0 if it is not a valid one (overlongs, surrogates
// and code points above U+10FFFF included).
std::size_t utf8SequenceAt(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned int min = 0;
    unsigned int cp = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        min = 0x80;
        cp = lead & 0x1f;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        min = 0x800;
        cp = lead & 0x0f;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        min = 0x10000;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return length;
}

std::size_t firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = utf8SequenceAt(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::string_view::npos;
}

} // namespace

int lineAt(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
}

bool isUtf8(std::string_view text) {
    return firstInvalidUtf8(text) == std::string_view::npos;
}

Status checkUtf8(std::string_view text, const QString& what) {
    const std::size_t bad = firstInvalidUtf8(text);
    if (bad == std::string_view::npos)
        return {};
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("line %1: %2 is not UTF-8 text (byte 0x%3); save the export "
                                    "as UTF-8 and try again")
                         .arg(lineAt(text, bad))
                         .arg(what)
                         .arg(static_cast<unsigned char>(text[bad]), 2, 16, QLatin1Char('0')));
}

SecureBuffer takeSecret(QString& text) {
    QByteArray bytes = text.toUtf8();
    SecureBuffer secret = SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
    wipe(bytes);
    wipe(text);
    return secret;
}

QString textOf(const SecureBuffer& buffer) {
    const std::string_view view = buffer.view();
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

std::optional<qint64> parseTimeMs(const QString& text, bool digitsAreMs) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (digitsAreMs) {
        bool ok = false;
        const qint64 ms = trimmed.toLongLong(&ok);
        if (ok)
            return ms;
    }
    QString iso = trimmed;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime && !iso.contains(QLatin1Char('T')))
        time.setTimeZone(QTimeZone::utc()); // a bare date means that day, wherever we are
    else if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc()); // exports without a zone write UTC
    return time.toMSecsSinceEpoch();
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); // "...Z"
}

std::optional<bool> parseFlag(const QString& text) {
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("0") || value == QLatin1String("false") ||
        value == QLatin1String("no"))
        return false;
    if (value == QLatin1String("1") || value == QLatin1String("true") ||
        value == QLatin1String("yes") || value == QLatin1String("x"))
        return true;
    return std::nullopt;
}

QStringList splitTags(const QString& text) {
    QStringList tags;
    static const QRegularExpression separators(QStringLiteral("[,;]"));
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QStringList splitLines(const QString& text) {
    QStringList lines;
    static const QRegularExpression newline(QStringLiteral("[\r\n]+"));
    for (const QString& part : text.split(newline, Qt::SkipEmptyParts)) {
        const QString line = part.trimmed();
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

QString titleFromUrl(const QString& url) {
    const QUrl parsed = QUrl::fromUserInput(url.trimmed());
    QString host = parsed.host();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    return host.isEmpty() ? url.trimmed() : host;
}

void addField(EntryChanges& changes, const QString& name, SecureBuffer value, bool isProtected) {
    for (EntryChanges::Field& field : changes.fields) {
        if (field.name == name) {
            field.value = std::move(value);
            field.isProtected = isProtected;
            return;
        }
    }
    changes.fields.push_back({name, std::move(value), isProtected});
}

SecureBuffer otpauthUri(std::string_view base32Secret, const QString& label, int digits,
                        qint64 period, const QString& algorithm) {
    SecureBuffer uri;
    uri.append(std::string_view("otpauth://totp/"));
    const QByteArray encodedLabel =
        QUrl::toPercentEncoding(label.isEmpty() ? QStringLiteral("OTP") : label);
    uri.append(encodedLabel.constData(), std::size_t(encodedLabel.size()));
    uri.append(std::string_view("?secret="));
    for (const char c : base32Secret)
        if (c != ' ' && c != '=' && c != '-')
            uri.appendByte(static_cast<unsigned char>(c));
    const QByteArray rest = QStringLiteral("&period=%1&digits=%2&algorithm=%3")
                                .arg(period)
                                .arg(digits)
                                .arg(algorithm)
                                .toLatin1();
    uri.append(rest.constData(), std::size_t(rest.size()));
    return uri;
}

} // namespace tessera
