// The app's language: translations::install with a German locale turns real widgets German (the
// welcome page, the main window's menus, Qt's own standard buttons when Debian's Qt translations
// are installed), plural messages pick their form by count in German and in English, a language
// without a translation stays English, and the real binary started with LANGUAGE=de shows German.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CrackTimeText.h"
#include "MainWindow.h"
#include "Translations.h"
#include "VaultController.h"
#include "WelcomePage.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tessera;
using namespace tessera::ui;

namespace {

constexpr int ProcessWaitMs = 60000; // a loaded CI machine

QStringList buttonTexts(const QWidget& widget) {
    QStringList texts;
    for (const QPushButton* button : widget.findChildren<QPushButton*>())
        texts << button->text();
    return texts;
}

QStringList menuTitles(const MainWindow& window) {
    QStringList titles;
    for (const QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void cleanup() { translations::install(*qApp, QLocale(QLocale::English)); }

    void germanWidgets() {
        QCOMPARE(translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("de"));

        const WelcomePage welcome;
        const QStringList buttons = buttonTexts(welcome);
        QVERIFY2(buttons.contains(QStringLiteral("&Neuen Tresor anlegen…")),
                 qPrintable(buttons.join(QLatin1String(" | "))));
        QVERIFY(buttons.contains(QStringLiteral("&Tresordatei öffnen…")));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SystemClock clock;
        AppSettings settings(dir.filePath(QStringLiteral("app.conf")));
        VaultController controller(Device{dir.filePath(QStringLiteral("data")), &clock});
        ClipboardGuard clipboard(settings);
        const MainWindow window(controller, settings, clipboard);
        QCOMPARE(menuTitles(window),
                 (QStringList{QStringLiteral("&Tresor"), QStringLiteral("&Eintrag"),
                              QStringLiteral("E&xtras"), QStringLiteral("&Hilfe")}));
        QCOMPARE(window.windowTitle(), QStringLiteral("Tessera"));
    }

    void qtStandardButtonsGerman() {
        const QString qtBase = QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                                   .filePath(QStringLiteral("qtbase_de.qm"));
        if (!QFile::exists(qtBase))
            QSKIP("Qt's own German translation is not installed (Debian: qt6-translations-l10n)");
        translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany));
        const QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void englishStaysEnglish_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedKingdom);
        QTest::newRow("no translation (Finnish)") << QLocale(QLocale::Finnish);
    }

    void englishStaysEnglish() {
        QFETCH(QLocale, locale);
        // After German, so the German translator must be gone again.
        translations::install(*qApp, QLocale(QLocale::German));
        QCOMPARE(translations::install(*qApp, locale), QString());
        const WelcomePage welcome;
        QVERIFY(buttonTexts(welcome).contains(QStringLiteral("&Create a new vault…")));
    }

    void plurals_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected");
        const QLocale de(QLocale::German, QLocale::Germany);
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QByteArray health("tessera::ui::HealthDialog");
        const QByteArray sidebar("tessera::ui::SidebarModel");
        const QByteArray actions("tessera::ui::EntryActions");
        QTest::newRow("de entries 1")
            << de << health << QByteArray("%n entries") << 1 << QStringLiteral("1 Eintrag");
        QTest::newRow("de entries 2")
            << de << health << QByteArray("%n entries") << 2 << QStringLiteral("2 Einträge");
        QTest::newRow("de folder 1") << de << sidebar << QByteArray("%1, %n entries") << 1
                                     << QStringLiteral("%1, 1 Eintrag");
        QTest::newRow("de trash 2")
            << de << actions << QByteArray("Moved %n entries to the trash.") << 2
            << QStringLiteral("2 Einträge in den Papierkorb verschoben.");
        QTest::newRow("de months 1") << de << health << QByteArray("Old passwords (over %n months)")
                                     << 1 << QStringLiteral("Alte Passwörter (über einen Monat)");
        QTest::newRow("de months 2") << de << health << QByteArray("Old passwords (over %n months)")
                                     << 2 << QStringLiteral("Alte Passwörter (über 2 Monate)");
        QTest::newRow("en entries 1")
            << en << health << QByteArray("%n entries") << 1 << QStringLiteral("1 entry");
        QTest::newRow("en entries 2")
            << en << health << QByteArray("%n entries") << 2 << QStringLiteral("2 entries");
        QTest::newRow("en trash 1") << en << actions << QByteArray("Moved %n entries to the trash.")
                                    << 1 << QStringLiteral("Moved 1 entry to the trash.");
        QTest::newRow("en months 1") << en << health << QByteArray("Old passwords (over %n months)")
                                     << 1 << QStringLiteral("Old passwords (over a month)");
    }

    void plurals() {
        QFETCH(QLocale, locale);
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(int, count);
        QFETCH(QString, expected);
        translations::install(*qApp, locale);
        QCOMPARE(
            QCoreApplication::translate(context.constData(), source.constData(), nullptr, count),
            expected);
    }

    // core's crack-time phrases (core/health/Strength.cpp) through the UI's plural messages.
    void crackTimes_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<QString>("expected");
        const QLocale de(QLocale::German, QLocale::Germany);
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("de 1 hour") << de << QStringLiteral("1 hour") << QStringLiteral("1 Stunde");
        QTest::newRow("de 3 days") << de << QStringLiteral("3 days") << QStringLiteral("3 Tage");
        QTest::newRow("de 52 seconds")
            << de << QStringLiteral("52 seconds") << QStringLiteral("52 Sekunden");
        QTest::newRow("de centuries")
            << de << QStringLiteral("centuries") << QStringLiteral("Jahrhunderte");
        QTest::newRow("de under a second")
            << de << QStringLiteral("less than a second") << QStringLiteral("unter einer Sekunde");
        QTest::newRow("de unknown wording kept")
            << de << QStringLiteral("2 fortnights") << QStringLiteral("2 fortnights");
        QTest::newRow("en 1 month") << en << QStringLiteral("1 month") << QStringLiteral("1 month");
        QTest::newRow("en 7 years") << en << QStringLiteral("7 years") << QStringLiteral("7 years");
    }

    void crackTimes() {
        QFETCH(QLocale, locale);
        QFETCH(QString, phrase);
        QFETCH(QString, expected);
        translations::install(*qApp, locale);
        QCOMPARE(crackTimeText(phrase), expected);
    }

    // The real binary, first run, with only LANGUAGE saying German (LC_ALL=C.UTF-8, as on a
    // machine without the German glibc locale): the welcome page's focused button is German.
    void realAppInGerman() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString run = dir.filePath(QStringLiteral("run"));
        QVERIFY(QDir().mkpath(run));
        QVERIFY(QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), run);
        env.insert(QStringLiteral("TESSERA_DATA_DIR"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("TESSERA_SMOKE_EXIT_MS"), QStringLiteral("1500"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(TESSERA_APP), {});
        if (!app.waitForFinished(ProcessWaitMs)) {
            app.kill();
            app.waitForFinished();
            QFAIL("tessera did not quit");
        }
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(app.readAllStandardOutput()),
                 QStringLiteral("page=welcome focus=Einen neuen Tresor anlegen\n"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
