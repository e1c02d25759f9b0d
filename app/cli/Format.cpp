#include "Format.h"

#include <QDate>
#include <QDateTime>

namespace tessera::cli {

QString idHex(const QByteArray& id) {
    QString hex;
    appendHex(hex, id);
    return hex;
}

void appendHex(QString& out, QByteArrayView bytes) {
    static constexpr char16_t Digits[] = u"0123456789abcdef";
    const qsizetype at = out.size();
    out.resize(at + 2 * bytes.size());
    char16_t* to = reinterpret_cast<char16_t*>(out.data()) + at;
    for (const char byte : bytes) {
        *to++ = Digits[quint8(byte) >> 4];
        *to++ = Digits[quint8(byte) & 0xf];
    }
}

QString displayTime(qint64 msSinceEpoch) {
    if (msSinceEpoch == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString isoTime(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString displayExpiry(qint64 msSinceEpoch) {
    if (msSinceEpoch == 0)
        return QStringLiteral("never");
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).date().toString(Qt::ISODate);
}

Result<qint64> parseExpiry(const QString& text) {
    if (text == QLatin1String("never"))
        return qint64(0);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("--expires takes YYYY-MM-DD or \"never\", not '%1'").arg(text));
    return date.startOfDay().toMSecsSinceEpoch();
}

qint64 stampTimeMs(const Stamp& stamp) {
    return qint64(stamp.hlc >> HlcCounterBits);
}

QString displaySize(qint64 bytes) {
    constexpr qint64 KiB = 1024;
    if (bytes < KiB)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < KiB * KiB)
        return QStringLiteral("%1 KiB").arg(double(bytes) / double(KiB), 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(bytes) / double(KiB * KiB), 0, 'f', 1);
}

namespace {

// Unicode's control characters (category Cc) are exactly U+0000..U+001F and U+007F..U+009F.
bool isControl(char16_t c) {
    return c < 0x20 || char16_t(c - 0x7f) <= 0x20;
}

} // namespace

void appendDisplaySafe(QString& out, QStringView text) {
    const qsizetype at = out.size();
    out.append(text);
    char16_t* chars = reinterpret_cast<char16_t*>(out.data()) + at;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (isControl(chars[i]))
            chars[i] = u'?';
}

QString displaySafe(const QString& text) {
    const auto* chars = reinterpret_cast<const char16_t*>(text.constData());
    bool any = false; // no early exit: the compiler vectorises the loop
    for (qsizetype i = 0; i < text.size(); ++i)
        any |= isControl(chars[i]);
    if (!any)
        return text; // shared, no copy: nearly every title and user name
    QString safe = text;
    for (QChar& c : safe) {
        if (isControl(c.unicode()))
            c = QLatin1Char('?');
    }
    return safe;
}

} // namespace tessera::cli
