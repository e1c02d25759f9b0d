#include "ViewIcons.h"

#include <QApplication>
#include <QColor>
#include <QFile>
#include <QFont>
#include <QPainter>

namespace tessera::ui {

namespace {

constexpr int AvatarHues = 12; // distinct colours the avatars cycle through
constexpr int AvatarSaturation = 140;
constexpr int AvatarValue = 190;

QChar avatarLetter(const QString& trimmed) {
    return trimmed.isEmpty() ? QLatin1Char('?') : trimmed.at(0).toUpper();
}

int avatarHue(const QString& trimmed) {
    return int(qHash(trimmed.toCaseFolded()) % AvatarHues);
}

} // namespace

quint32 avatarKey(const QString& title) {
    const QString trimmed = title.trimmed();
    return (quint32(avatarLetter(trimmed).unicode()) << 8) | quint32(avatarHue(trimmed));
}

QPixmap letterAvatar(const QString& title, int pixels) {
    const QString trimmed = title.trimmed();
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(
        QColor::fromHsv(avatarHue(trimmed) * 360 / AvatarHues, AvatarSaturation, AvatarValue));
    const qreal inset = pixels / 32.0;
    painter.drawRoundedRect(QRectF(inset, inset, pixels - 2 * inset, pixels - 2 * inset),
                            pixels / 4.5, pixels / 4.5);
    QFont font;
    font.setBold(true);
    font.setPixelSize(pixels * 5 / 8);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, pixels, pixels), Qt::AlignCenter, QString(avatarLetter(trimmed)));
    return pixmap;
}

QIcon viewIcon(const QString& resourceName, const QString& themeName,
               QStyle::StandardPixmap fallback) {
    const QString resource = QStringLiteral(":/icons/%1.svg").arg(resourceName);
    if (QFile::exists(resource))
        return QIcon(resource);
    if (QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    if (fallback != QStyle::SP_CustomBase)
        return QApplication::style()->standardIcon(fallback);
    return {};
}

} // namespace tessera::ui
