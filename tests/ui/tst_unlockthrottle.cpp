// Unlock throttling (ui/UnlockThrottle.h) and its countdown on the unlock page, with real widgets
// and a real vault: three free wrong passwords, then 1, 2, 4 … 30 s per vault file, the Unlock
// button disabled while the wait runs, reset by a successful unlock. Time comes from a clock the
// test moves: no sleeping, no timing assertions.

#include "AppSettings.h"
#include "SecurePasswordEdit.h"
#include "UnlockPage.h"
#include "UnlockThrottle.h"
#include "VaultController.h"

#include "crypto/Crypto.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using namespace tessera::ui;

namespace {

constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
constexpr int WaitMs = 20000;

class TestClock final : public Clock {
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 1'700'000'000'000;
};

void type(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
    }
}

} // namespace

class TestUnlockThrottle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void delayAfter_data();
    void delayAfter();
    void perVaultFileAndReset();
    void unlockPageCountsDown();
    void explanationNamesTheRealProtection();
};

void TestUnlockThrottle::delayAfter_data() {
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delayMs");
    QTest::newRow("none") << 0 << qint64(0);
    QTest::newRow("1") << 1 << qint64(0);
    QTest::newRow("3") << 3 << qint64(0);
    QTest::newRow("4") << 4 << qint64(1000);
    QTest::newRow("5") << 5 << qint64(2000);
    QTest::newRow("6") << 6 << qint64(4000);
    QTest::newRow("7") << 7 << qint64(8000);
    QTest::newRow("8") << 8 << qint64(16000);
    QTest::newRow("9: capped") << 9 << qint64(30000);
    QTest::newRow("1000: capped") << 1000 << qint64(30000);
}

void TestUnlockThrottle::delayAfter() {
    QFETCH(int, failures);
    QFETCH(qint64, delayMs);
    QCOMPARE(UnlockThrottle::delayAfter(failures), delayMs);
}

void TestUnlockThrottle::perVaultFileAndReset() {
    TestClock clock;
    UnlockThrottle throttle(clock);
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.tessera"));
    const QString b = dir.filePath(QStringLiteral("b.tessera"));
    for (int i = 0; i < 3; ++i)
        throttle.recordFailure(a);
    QCOMPARE(throttle.remainingMs(a), qint64(0));
    throttle.recordFailure(a);
    QCOMPARE(throttle.remainingMs(a), qint64(1000));
    QCOMPARE(throttle.remainingMs(b), qint64(0)); // another vault file is not slowed down
    QCOMPARE(throttle.remainingMs(dir.path() + QStringLiteral("/./a.tessera")), qint64(1000));
    clock.advance(400);
    QCOMPARE(throttle.remainingMs(a), qint64(600));
    clock.advance(600);
    QCOMPARE(throttle.remainingMs(a), qint64(0));
    throttle.recordFailure(a);
    QCOMPARE(throttle.remainingMs(a), qint64(2000));
    throttle.recordSuccess(a);
    QCOMPARE(throttle.remainingMs(a), qint64(0));
    QCOMPARE(throttle.failures(a), 0);
}

void TestUnlockThrottle::unlockPageCountsDown() {
    QTemporaryDir dir;
    TestClock clock;
    VaultController controller(Device{dir.filePath(QStringLiteral("data")), &clock});
    controller.setSecretKeyStore(
        std::make_unique<FileSecretKeyStore>(dir.filePath(QStringLiteral("data"))));
    const QString path = dir.filePath(QStringLiteral("v.tessera"));
    controller.create(path, SecureBuffer::copyOf("right password"), QStringLiteral("V"), FastKdf);
    QTRY_VERIFY_WITH_TIMEOUT(controller.isUnlocked(), WaitMs);
    controller.lock();

    AppSettings settings(dir.filePath(QStringLiteral("app.conf")));
    UnlockPage page(controller, settings);
    page.setVault(path);
    page.show();
    const auto tryPassword = [&](const QString& password) {
        page.passwordField()->clear();
        type(page.passwordField(), password);
        QTest::mouseClick(page.unlockButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isBusy(), WaitMs);
    };
    for (int i = 0; i < 3; ++i) {
        tryPassword(QStringLiteral("wrong"));
        QVERIFY(page.unlockButton()->isEnabled());
        QVERIFY(page.throttleLabel()->isHidden());
    }
    tryPassword(QStringLiteral("wrong"));
    QVERIFY(!page.unlockButton()->isEnabled());
    QVERIFY(page.throttleLabel()->isVisible());
    QVERIFY2(page.throttleLabel()->text().contains(QStringLiteral("1 second")),
             qPrintable(page.throttleLabel()->text()));
    QCOMPARE(controller.throttle().failures(path), 4);

    // Return in the field does nothing while the wait runs (even the right password).
    page.passwordField()->clear();
    type(page.passwordField(), QStringLiteral("right password"));
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QApplication::sendEvent(page.passwordField(), &enter);
    QVERIFY(!controller.isBusy());
    QVERIFY(!controller.isUnlocked());

    clock.advance(1000);
    page.refreshThrottle();
    QVERIFY(page.unlockButton()->isEnabled());
    QVERIFY(page.throttleLabel()->isHidden());
    tryPassword(QStringLiteral("still wrong"));
    QVERIFY(page.throttleLabel()->text().contains(QStringLiteral("2 second")));
    clock.advance(1500);
    page.refreshThrottle();
    QVERIFY(page.throttleLabel()->text().contains(QStringLiteral("1 second")));
    QVERIFY(!page.unlockButton()->isEnabled());
    clock.advance(500);
    page.refreshThrottle();
    tryPassword(QStringLiteral("right password"));
    QTRY_VERIFY_WITH_TIMEOUT(controller.isUnlocked(), WaitMs);
    QCOMPARE(controller.throttle().failures(path), 0);
    QCOMPARE(controller.throttle().remainingMs(path), qint64(0));
}

void TestUnlockThrottle::explanationNamesTheRealProtection() {
    const QString text = UnlockPage::throttleExplanation();
    QVERIFY(text.contains(QStringLiteral("copy of the vault file")));
    QVERIFY(text.contains(QStringLiteral("key derivation")));
    QVERIFY(text.contains(QStringLiteral("secret key")));
}

QTEST_MAIN(TestUnlockThrottle)
#include "tst_unlockthrottle.moc"
