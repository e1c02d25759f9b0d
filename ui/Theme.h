#pragma once
// Light or dark, judged by the palette (Qt 6.4 has no colour-scheme hint), and Tessera's SVG icons
// drawn in the palette's text colour at whatever size and device pixel ratio they are asked for,
// so they stay visible and sharp on dark themes and high-DPI screens.

#include <QIcon>
#include <QPalette>
#include <QString>

namespace tessera::ui::theme {

// Registers resources/tessera.qrc (the library is static: call once before using an icon).
void initResources();

// A dark palette: the window background is darker than its text.
bool isDark(const QPalette& palette);
bool isDark(); // the application's palette

// ":/icons/NAME.svg" recoloured to the palette (disabled and selected states included); the
// desktop theme's icon themeName, or an empty icon, if there is no such resource.
QIcon icon(const QString& name, const QString& themeName = {});
// The app icon (its own colours).
QIcon appIcon();

} // namespace tessera::ui::theme
