#pragma once
// The desktop app's language: Tessera's own messages (embedded under :/i18n/, see
// resources/translations/) and Qt's standard ones (button boxes, file dialogs) for the first of
// the locale's UI languages that has a translation. The command line stays English.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace tessera::ui::translations {

// Installs the translators for `locale` into `app`, replacing any this function installed
// before. English plural forms ("1 entry") are always installed underneath. Returns the language
// of Tessera's translation that was loaded ("de"), or an empty string if none matched (English).
QString install(QCoreApplication& app, const QLocale& locale);

} // namespace tessera::ui::translations
