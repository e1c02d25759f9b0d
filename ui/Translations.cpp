#include "Translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace tessera::ui::translations {

namespace {

const QString EmbeddedDir = QStringLiteral(":/i18n");
// Marks the translators install() owns, so a second call replaces them.
const char* const OwnedProperty = "tesseraTranslator";

QTranslator* addTranslator(QCoreApplication& app) {
    auto* translator = new QTranslator(&app);
    translator->setProperty(OwnedProperty, true);
    return translator;
}

} // namespace

QString install(QCoreApplication& app, const QLocale& locale) {
    for (QTranslator* old : app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
        if (old->property(OwnedProperty).toBool()) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }

    // Installed first, so searched last: the source strings are English, but "%n entries" needs
    // its singular from here whatever else is loaded.
    QTranslator* plurals = addTranslator(app);
    if (plurals->load(QStringLiteral("tessera_en"), EmbeddedDir))
        QCoreApplication::installTranslator(plurals);

    // Qt's own strings (Cancel, Yes, the file dialog), where Debian's qt6-translations-l10n put
    // them; an English UI, or a system without them, just keeps Qt's English.
    QTranslator* qtBase = addTranslator(app);
    if (qtBase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);

    // QTranslator::load(locale, ...) walks locale.uiLanguages() in order ("de-AT", "de", ...).
    // The English plural file is not a translation of its own.
    QTranslator* tessera = addTranslator(app);
    if (!tessera->load(locale, QStringLiteral("tessera"), QStringLiteral("_"), EmbeddedDir) ||
        QFileInfo(tessera->filePath()).baseName() == QLatin1String("tessera_en"))
        return {};
    QCoreApplication::installTranslator(tessera);
    return tessera->language().section(QLatin1Char('_'), 0, 0);
}

} // namespace tessera::ui::translations
