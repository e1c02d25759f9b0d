#pragma once
// Icons for the vault view: Tessera's own SVG from resources (":/icons/NAME.svg") when it is
// there, else the desktop theme's icon, else a Qt style icon, so every action has one.

#include <QIcon>
#include <QStyle>

namespace tessera::ui {

QIcon viewIcon(const QString& resourceName, const QString& themeName,
               QStyle::StandardPixmap fallback = QStyle::SP_CustomBase);

} // namespace tessera::ui
