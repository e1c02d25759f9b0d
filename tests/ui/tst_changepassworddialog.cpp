// ChangePasswordDialog: a new master password (typed twice) replaces the old one; "only the unlock
// cost" needs today's password, refuses a wrong one and changes nothing, and keeps the password.
#include "ChangePasswordDialog.h"
#include "SecurePasswordEdit.h"
#include "VaultController.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using namespace tessera::ui;

namespace {

constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
constexpr KdfParams OtherFastKdf{2, MinMemLog2};
constexpr int WaitMs = 20000;

void type(QWidget* widget, const QString& text) {
    for (const uint cp : text.toUcs4()) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier,
                        QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1));
        QApplication::sendEvent(widget, &press);
    }
}

} // namespace

class TestChangePasswordDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_controller = std::make_unique<VaultController>(
            Device{m_dir->filePath(QStringLiteral("data")), &m_clock});
        m_path = m_dir->filePath(QStringLiteral("v.tessera"));
        m_controller->create(m_path, SecureBuffer::copyOf("old password"), QStringLiteral("V"),
                             FastKdf);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->isUnlocked(), WaitMs);
    }
    void cleanup() {
        m_controller.reset();
        m_dir.reset();
    }

    void newPassword() {
        ChangePasswordDialog dialog(*m_controller);
        dialog.setKdfParams(FastKdf);
        type(dialog.passwordField(), QStringLiteral("new pässword"));
        QVERIFY(!dialog.changeButton()->isEnabled());
        type(dialog.repeatField(), QStringLiteral("new pässwor"));
        QVERIFY(!dialog.changeButton()->isEnabled()); // not the same
        type(dialog.repeatField(), QStringLiteral("d"));
        QVERIFY(dialog.changeButton()->isEnabled());
        QTest::mouseClick(dialog.changeButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.passwordField()->isEmpty());
        QCOMPARE(m_controller->vault()->info().keyEpoch, quint32(1));
        QVERIFY(unlocksWith("new pässword"));
        QVERIFY(!unlocksWith("old password"));
    }

    void costOnly() {
        ChangePasswordDialog dialog(*m_controller);
        dialog.setKdfParams(OtherFastKdf);
        dialog.setCostOnly(true);
        QVERIFY(!dialog.changeButton()->isEnabled());
        type(dialog.currentField(), QStringLiteral("not it"));
        QTest::mouseClick(dialog.changeButton(), Qt::LeftButton);
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("wrong")));
        QVERIFY(dialog.currentField()->isEmpty());
        QCOMPARE(m_controller->vault()->info().kdf, FastKdf); // nothing changed

        type(dialog.currentField(), QStringLiteral("old password"));
        QTest::mouseClick(dialog.changeButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_controller->vault()->info().kdf, OtherFastKdf);
        QCOMPARE(m_controller->vault()->info().keyEpoch, quint32(0)); // same key, same epoch
        QVERIFY(unlocksWith("old password"));
    }

private:
    bool unlocksWith(const char* password) {
        m_controller->lock();
        QSignalSpy unlocked(m_controller.get(), &VaultController::unlocked);
        QSignalSpy failed(m_controller.get(), &VaultController::unlockFailed);
        m_controller->unlock(m_path, SecureBuffer::copyOf(password));
        if (!QTest::qWaitFor([&] { return unlocked.count() + failed.count() > 0; }, WaitMs))
            return false;
        return unlocked.count() == 1;
    }

    SystemClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<VaultController> m_controller;
    QString m_path;
};

QTEST_MAIN(TestChangePasswordDialog)
#include "tst_changepassworddialog.moc"
