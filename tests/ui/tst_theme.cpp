// Theme: light or dark judged by the palette, and icons drawn in the palette's text colour so
// they stay visible on dark themes, at any size and device pixel ratio.
#include "Theme.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace tessera::ui;

namespace {

QPalette palette(QColor window, QColor text) {
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Disabled, QPalette::WindowText, text.darker(150));
    return p;
}

// The average lightness of the icon's visible pixels.
int inkLightness(const QPixmap& pixmap) {
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > 200) {
                sum += c.lightness();
                ++count;
            }
        }
    }
    return count ? int(sum / count) : -1;
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QApplication::setPalette(QPalette()); }

    void darkness_data() {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("text");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black) << false;
        QTest::newRow("dark") << QColor(0x2b, 0x2e, 0x33) << QColor(0xe6, 0xe6, 0xe6) << true;
        QTest::newRow("solarized dark")
            << QColor(0x00, 0x2b, 0x36) << QColor(0x93, 0xa1, 0xa1) << true;
    }
    void darkness() {
        QFETCH(QColor, window);
        QFETCH(QColor, text);
        QFETCH(bool, dark);
        QCOMPARE(theme::isDark(palette(window, text)), dark);
    }

    void iconsFollowPalette() {
        QApplication::setPalette(palette(QColor(0xef, 0xef, 0xef), QColor(Qt::black)));
        const QIcon lightIcon = theme::icon(QStringLiteral("lock"));
        QVERIFY(!lightIcon.isNull());
        const int onLight = inkLightness(lightIcon.pixmap(32, 32));
        QApplication::setPalette(palette(QColor(0x2b, 0x2e, 0x33), QColor(0xf0, 0xf0, 0xf0)));
        const int onDark = inkLightness(theme::icon(QStringLiteral("lock")).pixmap(32, 32));
        QVERIFY2(onLight >= 0 && onLight < 60, qPrintable(QString::number(onLight)));
        QVERIFY2(onDark > 200, qPrintable(QString::number(onDark)));
    }

    void sharpAtHighDpi() {
        const QIcon icon = theme::icon(QStringLiteral("key"));
        const QPixmap pixmap = icon.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(pixmap.size(), QSize(48, 48));
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
    }

    void everyIconRenders_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"lock", "unlock",    "key",       "copy",     "user",   "link",
                                 "add",  "edit",      "trash",     "restore",  "folder", "star",
                                 "tag",  "search",    "settings",  "generate", "clock",  "reveal",
                                 "hide", "all-items", "favourite", "remove"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void everyIconRenders() {
        QFETCH(QString, name);
        const QPixmap pixmap = theme::icon(name).pixmap(24, 24);
        QVERIFY(!pixmap.isNull());
        QVERIFY2(inkLightness(pixmap) >= 0, "the icon drew nothing");
    }

    void appIcon() {
        const QPixmap pixmap = theme::appIcon().pixmap(64, 64);
        QCOMPARE(pixmap.size(), QSize(64, 64));
        QVERIFY(inkLightness(pixmap) >= 0);
    }

    void unknownNameFallsBack() { QVERIFY(theme::icon(QStringLiteral("no-such-icon")).isNull()); }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
