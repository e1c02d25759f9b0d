// AppSettings: every setting round-trips through the file, bad values are clamped, recent vaults
// stay unique and short, and nothing but the documented keys reaches the file.
#include "AppSettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tessera::ui::AppSettings;

class TestAppSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("t.conf")));
        QCOMPARE(settings.clipboardSeconds(), 20);
        QCOMPARE(settings.idleLockMinutes(), 5);
        QVERIFY(!settings.lockOnMinimise());
        QVERIFY(settings.lockOnScreenLock());
        QVERIFY(!settings.startMinimised());
        QVERIFY(!settings.showPasswordsInList());
        QVERIFY(settings.recentVaults().isEmpty());
        QVERIFY(settings.lastVault().isEmpty());
    }

    void roundTrip() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("t.conf"));
        {
            AppSettings settings(file);
            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setClipboardSeconds(45);
            settings.setIdleLockMinutes(0);
            settings.setLockOnMinimise(true);
            settings.setLockOnScreenLock(false);
            settings.setStartMinimised(true);
            settings.setShowPasswordsInList(true);
            settings.setGeneratorSpec(QStringLiteral("len=24,upper,lower,digits"));
            settings.setWindowGeometry(QByteArray("\x01\x02geometry", 10));
            settings.addRecentVault(dir.filePath(QStringLiteral("a.tessera")));
            settings.addRecentVault(dir.filePath(QStringLiteral("b.tessera")));
            settings.addRecentVault(dir.filePath(QStringLiteral("a.tessera")));
            QVERIFY(changed.count() >= 9);
            const int before = changed.count();
            settings.setClipboardSeconds(45); // unchanged value: no signal
            QCOMPARE(changed.count(), before);
            settings.sync();
        }
        AppSettings settings(file);
        QCOMPARE(settings.clipboardSeconds(), 45);
        QCOMPARE(settings.idleLockMinutes(), 0);
        QVERIFY(settings.lockOnMinimise());
        QVERIFY(!settings.lockOnScreenLock());
        QVERIFY(settings.startMinimised());
        QVERIFY(settings.showPasswordsInList());
        QCOMPARE(settings.generatorSpec(), QStringLiteral("len=24,upper,lower,digits"));
        QCOMPARE(settings.windowGeometry(), QByteArray("\x01\x02geometry", 10));
        QCOMPARE(settings.recentVaults(), (QStringList{dir.filePath(QStringLiteral("a.tessera")),
                                                       dir.filePath(QStringLiteral("b.tessera"))}));
        QCOMPARE(settings.lastVault(), dir.filePath(QStringLiteral("a.tessera")));
        settings.removeRecentVault(dir.filePath(QStringLiteral("a.tessera")));
        QCOMPARE(settings.lastVault(), dir.filePath(QStringLiteral("b.tessera")));
    }

    void clamps_data() {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("expectedSeconds");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("expectedMinutes");
        QTest::newRow("negative") << -5 << 1 << -1 << 0;
        QTest::newRow("huge") << 100000 << 3600 << 100000 << 1440;
        QTest::newRow("fine") << 30 << 30 << 10 << 10;
    }
    void clamps() {
        QFETCH(int, seconds);
        QFETCH(int, expectedSeconds);
        QFETCH(int, minutes);
        QFETCH(int, expectedMinutes);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("t.conf")));
        settings.setClipboardSeconds(seconds);
        settings.setIdleLockMinutes(minutes);
        QCOMPARE(settings.clipboardSeconds(), expectedSeconds);
        QCOMPARE(settings.idleLockMinutes(), expectedMinutes);
    }

    void recentListIsBounded() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("t.conf")));
        for (int i = 0; i < AppSettings::MaxRecentVaults + 5; ++i)
            settings.addRecentVault(dir.filePath(QStringLiteral("v%1.tessera").arg(i)));
        QCOMPARE(settings.recentVaults().size(), AppSettings::MaxRecentVaults);
        QCOMPARE(settings.recentVaults().first(),
                 dir.filePath(QStringLiteral("v%1.tessera").arg(AppSettings::MaxRecentVaults + 4)));
    }

    void onlyKnownKeysInFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("t.conf"));
        {
            AppSettings settings(file);
            settings.setClipboardSeconds(9);
            settings.setShowPasswordsInList(true);
            settings.addRecentVault(dir.filePath(QStringLiteral("x.tessera")));
            settings.sync();
        }
        QSettings raw(file, QSettings::IniFormat);
        const QStringList allowed{QStringLiteral("clipboard/seconds"),
                                  QStringLiteral("view/showPasswordsInList"),
                                  QStringLiteral("vaults/recent"), QStringLiteral("vaults/last")};
        for (const QString& key : raw.allKeys())
            QVERIFY2(allowed.contains(key), qPrintable(key));
        QFile content(file);
        QVERIFY(content.open(QIODevice::ReadOnly));
        const QByteArray text = content.readAll().toLower();
        QVERIFY(!text.contains("password="));
        QVERIFY(!text.contains("secret"));
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
