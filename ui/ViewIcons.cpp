#include "ViewIcons.h"

#include <QApplication>
#include <QFile>

namespace tessera::ui {

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
