// TotpWidget: the RFC 6238 secret at fixed times gives the RFC codes (the clock is injected, never
// the wall clock); the ring shows the part of the period left and turns urgent at five seconds;
// a bad secret shows the parser's error; Copy goes through the ClipboardGuard; the timer runs only
// while the widget is visible; the otpauth:// URI renders as a QR code with its finder patterns
// (and decodes back to the URI with zbarimg).
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "QrCode.h"
#include "QrCodeDialog.h"
#include "TotpWidget.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using tessera::SecureBuffer;
using tessera::ui::AppSettings;
using tessera::ui::ClipboardGuard;
using tessera::ui::TotpWidget;

namespace {

// RFC 6238 Appendix B's SHA-1 seed "12345678901234567890" in base32.
constexpr const char* RfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
constexpr qint64 Second = 1000;

class TestClock final : public tessera::Clock {
public:
    qint64 nowMs() const override { return m_nowMs; }
    qint64 m_nowMs = 0;
};

SecureBuffer secret(const QByteArray& text) {
    return SecureBuffer::copyOf(text.constData(), std::size_t(text.size()));
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

// Whether the module at (x, y) of a rendered code is dark.
bool dark(const tessera::ui::QrImage& qr, int x, int y) {
    const int scale = qr.pixelsPerModule;
    const int px = (x + tessera::ui::QrQuietZoneModules) * scale + scale / 2;
    const int py = (y + tessera::ui::QrQuietZoneModules) * scale + scale / 2;
    return qGray(qr.image.pixel(px, py)) < 128;
}

// The 7x7 finder pattern with its top-left module at (left, top): dark ring, light ring, dark 3x3.
bool isFinder(const tessera::ui::QrImage& qr, int left, int top) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const int ring = std::min({x, y, 6 - x, 6 - y});
            const bool expected = ring != 1;
            if (dark(qr, left + x, top + y) != expected)
                return false;
        }
    }
    return true;
}

} // namespace

class TestTotpWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tessera::initializeCrypto().ok());
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("t.conf")));
        m_clipboard = std::make_unique<ClipboardGuard>(*m_settings);
    }
    void cleanupTestCase() {
        m_clipboard.reset();
        m_settings.reset();
    }

    void rfcCodes_data() {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<qint64>("unixTime");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<int>("secondsLeft");
        const QByteArray bare(RfcSecret);
        const QByteArray eight = QByteArray("otpauth://totp/Example:alice?secret=") + RfcSecret +
                                 "&issuer=Example&digits=8";
        // RFC 6238 Appendix B (SHA-1): 94287082, 07081804, 14050471, 89005924, 69279037;
        // six digits are the last six.
        QTest::newRow("59 s, 6 digits") << bare << qint64(59) << QStringLiteral("287 082") << 1;
        QTest::newRow("1111111109, 6 digits")
            << bare << qint64(1111111109) << QStringLiteral("081 804") << 1;
        QTest::newRow("1234567890, 6 digits")
            << bare << qint64(1234567890) << QStringLiteral("005 924") << 30;
        QTest::newRow("59 s, 8 digits") << eight << qint64(59) << QStringLiteral("9428 7082") << 1;
        QTest::newRow("1111111111, 8 digits")
            << eight << qint64(1111111111) << QStringLiteral("1405 0471") << 29;
        QTest::newRow("2000000000, 8 digits")
            << eight << qint64(2000000000) << QStringLiteral("6927 9037") << 10;
        QTest::newRow("lower case, spaces, hyphens")
            << QByteArray("  gezd gnbv gy3t-qojq gezd gnbv gy3t qojq  ") << qint64(59)
            << QStringLiteral("287 082") << 1;
    }
    void rfcCodes() {
        QFETCH(QByteArray, stored);
        QFETCH(qint64, unixTime);
        QFETCH(QString, shown);
        QFETCH(int, secondsLeft);
        TestClock clock;
        clock.m_nowMs = unixTime * Second;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(stored));
        QVERIFY(widget.hasCode());
        QVERIFY(widget.errorText().isEmpty());
        QCOMPARE(widget.displayedCode(), shown);
        QCOMPARE(widget.secondsLeft(), secondsLeft);
    }

    void codeFollowsTheClock() {
        TestClock clock;
        clock.m_nowMs = 59 * Second;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(RfcSecret));
        QCOMPARE(widget.displayedCode(), QStringLiteral("287 082"));
        clock.m_nowMs = 1111111109 * Second;
        widget.refresh();
        QCOMPARE(widget.displayedCode(), QStringLiteral("081 804"));
    }

    void hotpShowsTheStoredCounter() {
        TestClock clock;
        clock.m_nowMs = 59 * Second;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        // RFC 4226 Appendix D: counter 1 gives 287082 (and 0 gives 755224).
        widget.setSecret(
            secret(QByteArray("otpauth://hotp/Example:alice?secret=") + RfcSecret + "&counter=1"));
        QVERIFY(widget.hasCode());
        QCOMPARE(widget.displayedCode(), QStringLiteral("287 082"));
        QVERIFY(!widget.isUrgent()); // no period, no ring
        clock.m_nowMs = 1111111109 * Second;
        widget.refresh();
        QCOMPARE(widget.displayedCode(), QStringLiteral("287 082")); // not time-based
    }

    void ring_data() {
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<int>("secondsLeft");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<bool>("urgent");
        QTest::newRow("period start") << qint64(30 * Second) << 30 << 1.0 << false;
        QTest::newRow("half") << qint64(45 * Second) << 15 << 0.5 << false;
        QTest::newRow("six left") << qint64(54 * Second) << 6 << 0.2 << false;
        QTest::newRow("five left") << qint64(55 * Second) << 5 << 5.0 / 30 << true;
        QTest::newRow("mid-second") << qint64(59 * Second + 500) << 1 << 0.5 / 30 << true;
    }
    void ring() {
        QFETCH(qint64, nowMs);
        QFETCH(int, secondsLeft);
        QFETCH(double, fraction);
        QFETCH(bool, urgent);
        TestClock clock;
        clock.m_nowMs = nowMs;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(RfcSecret));
        QCOMPARE(widget.secondsLeft(), secondsLeft);
        QVERIFY2(qAbs(widget.remainingFraction() - fraction) < 1e-9,
                 qPrintable(QString::number(widget.remainingFraction())));
        QCOMPARE(widget.isUrgent(), urgent);
    }

    void invalidSecretShowsTheError_data() {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("not base32") << QByteArray("GEZDGNBV1Y3TQOJQ");
        QTest::newRow("bad algorithm")
            << (QByteArray("otpauth://totp/x?secret=") + RfcSecret + "&algorithm=MD5");
        QTest::newRow("no secret") << QByteArray("otpauth://totp/x?issuer=Example");
    }
    void invalidSecretShowsTheError() {
        QFETCH(QByteArray, stored);
        TestClock clock;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(stored));
        QVERIFY(!widget.hasCode());
        QVERIFY(widget.displayedCode().isEmpty());
        QVERIFY(!widget.errorText().isEmpty());
        QVERIFY(!widget.errorText().contains(QLatin1Char('\n')));
        QVERIFY(!widget.isHidden()); // the error is shown, not hidden away
        m_clipboard->clearNow();
        widget.copyCode();
        QVERIFY(!m_clipboard->holdsOurData());
    }

    void emptyHidesAndClearWipes() {
        TestClock clock;
        clock.m_nowMs = 59 * Second;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(SecureBuffer());
        QVERIFY(widget.isHidden());
        QVERIFY(!widget.hasCode());
        widget.setSecret(secret(RfcSecret));
        QVERIFY(!widget.isHidden());
        widget.clear();
        QVERIFY(widget.isHidden());
        QVERIFY(!widget.hasCode());
        QVERIFY(widget.displayedCode().isEmpty());
        QVERIFY(widget.otpauthUri().empty());
    }

    void copyGoesThroughTheGuard() {
        TestClock clock;
        clock.m_nowMs = 59 * Second;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(RfcSecret));
        QSignalSpy copied(&widget, &TotpWidget::codeCopied);
        widget.copyCode();
        QCOMPARE(copied.count(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("287082"));
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->data(ClipboardGuard::PasswordManagerHint), QByteArray("secret"));
        QVERIFY(m_clipboard->holdsSecret());
        m_clipboard->clearNow();
    }

    void ticksOnlyWhileVisible() {
        TestClock clock;
        clock.m_nowMs = 59 * Second;
        QWidget window;
        auto* widget = new TotpWidget(*m_clipboard, &window, &clock);
        widget->setSecret(secret(RfcSecret));
        QVERIFY(!widget->isTicking()); // the window is not shown
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(widget->isTicking());
        window.hide();
        QVERIFY(!widget->isTicking());
        window.show();
        QVERIFY(widget->isTicking());
        widget->clear();
        QVERIFY(!widget->isTicking());
    }

    void otpauthUri() {
        TestClock clock;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setAccount(QStringLiteral("Example Co"), QStringLiteral("alice@example.com"));
        widget.setSecret(secret(QByteArray(" gezd-gnbv gy3tqojqgezdgnbvgy3tqojq ")));
        QCOMPARE(bytesOf(widget.otpauthUri()),
                 QByteArray("otpauth://totp/Example%20Co%3Aalice@example.com?secret=") + RfcSecret +
                     "&issuer=Example%20Co");
        const QByteArray uri = "otpauth://totp/GitHub:bob?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";
        widget.setSecret(secret("\n" + uri + "\n"));
        QCOMPARE(bytesOf(widget.otpauthUri()), uri); // a URI is shown as stored
    }

    void qrCodeHasFinderPatterns() {
        const QByteArray uri =
            QByteArray("otpauth://totp/Example:alice?secret=") + RfcSecret + "&issuer=Example";
        auto qr = tessera::ui::renderQrCode(secret(uri), 4);
        QVERIFY(qr.ok());
        // Version v is 17 + 4v modules wide; this URI needs a version between 3 and 10.
        QVERIFY2(qr->modules >= 29 && qr->modules <= 57, qPrintable(QString::number(qr->modules)));
        QCOMPARE((qr->modules - 17) % 4, 0);
        const int side = (qr->modules + 2 * tessera::ui::QrQuietZoneModules) * 4;
        QCOMPARE(qr->image.width(), side);
        QCOMPARE(qr->image.height(), side);
        const int last = qr->modules - 7;
        QVERIFY(isFinder(*qr, 0, 0));
        QVERIFY(isFinder(*qr, last, 0));
        QVERIFY(isFinder(*qr, 0, last));
        QVERIFY(!isFinder(*qr, last, last)); // the fourth corner has none
        // Quiet zone all light; the timing pattern alternates along row 6.
        for (int x = 0; x < qr->image.width(); ++x)
            QCOMPARE(qGray(qr->image.pixel(x, 0)), 255);
        for (int x = 8; x < qr->modules - 8; ++x)
            QCOMPARE(dark(*qr, x, 6), x % 2 == 0);
        // Only whole pixels per module: every pixel is black or white.
        for (int y = 0; y < qr->image.height(); ++y)
            for (int x = 0; x < qr->image.width(); ++x)
                QVERIFY(qGray(qr->image.pixel(x, y)) == 0 || qGray(qr->image.pixel(x, y)) == 255);

        // What a phone reads back: zbarimg (zbar-tools, in .ci/dev) decodes the image.
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        QVERIFY2(!zbarimg.isEmpty(), "zbarimg not found: install zbar-tools (.ci/dev lists it)");
        const QString png = m_dir.filePath(QStringLiteral("code.png"));
        QVERIFY(qr->image.save(png));
        QProcess zbar;
        zbar.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), png});
        QVERIFY(zbar.waitForFinished(30000));
        QCOMPARE(zbar.exitCode(), 0);
        QCOMPARE(zbar.readAllStandardOutput().trimmed(), uri);

        tessera::ui::wipeQrImage(qr->image);
        QCOMPARE(qGray(qr->image.pixel(side / 2, side / 2)), 255);
    }

    void qrErrors() {
        QCOMPARE(tessera::ui::renderQrCode(SecureBuffer(), 4).code(),
                 tessera::ErrorCode::InvalidArgument);
        QCOMPARE(tessera::ui::renderQrCode(secret(QByteArray(8000, 'a')), 1).code(),
                 tessera::ErrorCode::TooLarge);
    }

    void qrDialog() {
        TestClock clock;
        TotpWidget widget(*m_clipboard, nullptr, &clock);
        widget.setSecret(secret(RfcSecret));
        tessera::ui::QrCodeDialog dialog(widget.otpauthUri(), QStringLiteral("Example"));
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(!dialog.image().isNull());
        QVERIFY(dialog.image().width() >= 200); // big enough for a phone camera
        const QImage shown = dialog.image();    // a copy before closing
        QCOMPARE(qGray(shown.pixel(shown.width() / 2, 0)), 255);
        dialog.reject();
        // Closing wipes the image the dialog held.
        const QImage& wiped = dialog.image();
        for (int y = 0; y < wiped.height(); y += 7)
            for (int x = 0; x < wiped.width(); x += 7)
                QCOMPARE(qGray(wiped.pixel(x, y)), 255);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ClipboardGuard> m_clipboard;
};

QTEST_MAIN(TestTotpWidget)
#include "tst_totpwidget.moc"
