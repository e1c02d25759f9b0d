#pragma once
// Icons for the vault view: Tessera's own SVG from resources (":/icons/NAME.svg") when it is
// there, else the desktop theme's icon, else a Qt style icon, so every action has one.

#include <QIcon>
#include <QPixmap>
#include <QStyle>

namespace tessera::ui {

QIcon viewIcon(const QString& resourceName, const QString& themeName,
               QStyle::StandardPixmap fallback = QStyle::SP_CustomBase);

// A favicon-free entry icon: the title's first letter on a rounded square whose colour follows
// the title, drawn at pixels x pixels. avatarKey() tells which titles share one avatar.
QPixmap letterAvatar(const QString& title, int pixels);
quint32 avatarKey(const QString& title);

} // namespace tessera::ui
