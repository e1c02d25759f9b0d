// The desktop app driven through its real widgets (offscreen): create a vault in the create
// dialog, lock, unlock with a wrong then the right password (inline error, then the vault page),
// the event loop keeps running while the KDF runs, idle auto-lock wipes the view, and lock clears
// a copied secret from the clipboard.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CreateVaultDialog.h"
#include "EntryModel.h"
#include "IdleLock.h"
#include "KdfPresetBox.h"
#include "MainWindow.h"
#include "QuickAccessWindow.h"
#include "SecurePasswordEdit.h"
#include "SessionWatcher.h"
#include "SyncWatcher.h"
#include "UnlockPage.h"
#include "VaultController.h"
#include "VaultFileActions.h"
#include "VaultView.h"
#include "WelcomePage.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace tessera;
using namespace tessera::ui;

namespace {

// Tests use the minimum Argon2id cost, like tests/core/VaultFixture (1 iteration, 8 KiB) ...
constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
// ... except where the KDF must take a while, to watch the event loop during it (16 MiB).
constexpr KdfParams SlowerKdf{3, 24};
constexpr int WaitMs = 20000; // a loaded CI machine; QTRY returns as soon as it holds
const char* const Password = "correct horse ü battery";

void type(QWidget* widget, const QString& text) {
    for (const uint cp : text.toUcs4()) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier,
                        QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1));
        QApplication::sendEvent(widget, &press);
    }
}

} // namespace

class TestAppFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("data"))));
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("cloud"))));
        m_settings = std::make_unique<AppSettings>(m_dir->filePath(QStringLiteral("app.conf")));
        m_controller = std::make_unique<VaultController>(
            Device{m_dir->filePath(QStringLiteral("data")), &m_clock});
        m_clipboard = std::make_unique<ClipboardGuard>(*m_settings);
        m_window = std::make_unique<MainWindow>(*m_controller, *m_settings, *m_clipboard);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() {
        m_window.reset();
        m_clipboard.reset();
        m_controller.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void firstRunShowsWelcome() {
        m_window->openVault({});
        QCOMPARE(m_window->currentPage(), m_window->welcomePage());
    }

    void createDialogChecksInput() {
        CreateVaultDialog dialog(*m_controller, m_window.get());
        dialog.setFolder(cloud());
        dialog.setKdfParams(FastKdf);
        dialog.show();
        QVERIFY(!dialog.createButton()->isEnabled());
        type(dialog.passwordField(), QString::fromUtf8(Password));
        type(dialog.repeatField(), QStringLiteral("something else"));
        QVERIFY(!dialog.createButton()->isEnabled()); // passwords differ
        dialog.repeatField()->clear();
        type(dialog.repeatField(), QString::fromUtf8(Password));
        QVERIFY(dialog.createButton()->isEnabled());
        dialog.nameField()->setText(QString());
        QVERIFY(!dialog.createButton()->isEnabled()); // no name, no file
        dialog.nameField()->setText(QStringLiteral("../Work/Vault"));
        QCOMPARE(dialog.vaultPath(), cloud() + QStringLiteral("/Work-Vault.tessera"));
        // An existing file is never overwritten.
        QFile existing(dialog.vaultPath());
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.close();
        dialog.nameField()->setText(QStringLiteral("Work/Vault")); // the same file name
        QVERIFY(dialog.pathLabel()->text().contains(QStringLiteral("already exists")));
        QVERIFY(!dialog.createButton()->isEnabled());
        dialog.create();
        QVERIFY(!m_controller->isBusy());
        QCOMPARE(QFileInfo(dialog.vaultPath()).size(), 0);
    }

    void createLockUnlock() {
        QString path;
        createVault(SlowerKdf, &path);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_window->currentPage(), m_window->vaultView());
        QCOMPARE(m_settings->recentVaults().value(0), path);
        QVERIFY(addEntry(QStringLiteral("Mail")));

        // Ctrl+L locks and shows the unlock page for the same vault.
        QApplication::setActiveWindow(m_window.get());
        QTest::keyClick(m_window->vaultView()->searchField(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isUnlocked(), WaitMs);
        UnlockPage* page = m_window->unlockPage();
        QCOMPARE(m_window->currentPage(), page);
        QCOMPARE(page->vaultPath(), path);
        QCOMPARE(m_window->vaultView()->entryModel()->rowCount(), 0);
        QVERIFY(page->passwordField()->hasFocus() || !QApplication::focusWidget());

        // A wrong password: an inline error, still the unlock page. The event loop keeps running
        // while the KDF works: a zero-interval timer ticks while the controller is busy.
        int ticksWhileBusy = 0;
        bool indicatorShown = false;
        QTimer ticker;
        ticker.setInterval(0);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (m_controller->isBusy()) {
                ++ticksWhileBusy;
                indicatorShown |= page->busyIndicator()->isVisibleTo(page);
            }
        });
        ticker.start();
        type(page->passwordField(), QStringLiteral("wrong password"));
        QTest::keyClick(page->passwordField(), Qt::Key_Return);
        QVERIFY(m_controller->isBusy());
        QVERIFY(page->passwordField()->isEmpty()); // moved to the worker, nothing left behind
        QTRY_VERIFY_WITH_TIMEOUT(!page->errorText().isEmpty(), WaitMs);
        ticker.stop();
        QVERIFY2(ticksWhileBusy > 0, "the GUI thread was blocked during the KDF");
        QVERIFY(indicatorShown);
        QCOMPARE(page->errorText(), UnlockPage::describe({ErrorCode::WrongPassword, {}}));
        QCOMPARE(m_window->currentPage(), page);
        QVERIFY(!m_controller->isUnlocked());

        // The right password: the vault page with the entry.
        type(page->passwordField(), QString::fromUtf8(Password));
        QVERIFY(page->errorText().isEmpty()); // typing clears the error
        QTest::mouseClick(page->unlockButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->isUnlocked(), WaitMs);
        QCOMPARE(m_window->currentPage(), m_window->vaultView());
        QCOMPARE(m_window->vaultView()->entryModel()->rowCount(), 1);
    }

    void idleLockWipesView() {
        createVault(FastKdf);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(addEntry(QStringLiteral("Bank")));
        QCOMPARE(m_window->vaultView()->entryModel()->rowCount(), 1);
        QVERIFY(m_window->idleLock()->isActive());
        m_window->idleLock()->setTimeoutMs(300);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isUnlocked(), WaitMs);
        QCOMPARE(m_window->currentPage(), m_window->unlockPage());
        QCOMPARE(m_window->vaultView()->entryModel()->rowCount(), 0);
        QVERIFY(!m_window->idleLock()->isActive());
    }

    void lockClearsClipboard() {
        createVault(FastKdf);
        if (QTest::currentTestFailed())
            return;
        m_clipboard->copySecret(SecureBuffer::copyOf("s3cret"), QStringLiteral("password"));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s3cret"));
        QTRY_VERIFY(m_window->clipboardStatus()->text().contains(QStringLiteral("20")));
        m_window->lockAction()->trigger();
        QVERIFY(!m_controller->isUnlocked());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(m_window->clipboardStatus()->text().isEmpty());
    }

    // The Vault menu's file actions (sync now, backups, import, export) follow the lock state,
    // and the sync line in the status bar reports a sync.
    void vaultMenuFileActions() {
        createVault(FastKdf);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(addEntry(QStringLiteral("Bank")));
        QVERIFY(m_window->fileActions()->syncStatus()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->fileActions()->syncStatus()->text().isEmpty(), WaitMs);
        m_window->fileActions()->syncWatcher().syncNow();
        QCOMPARE(m_window->fileActions()->syncWatcher().state(), SyncState::UpToDate);
        QCOMPARE(m_window->fileActions()->syncStatus()->text(),
                 m_window->fileActions()->syncWatcher().text());
        const auto enabledCount = [this] {
            int enabled = 0;
            for (QAction* action : m_window->menuBar()->actions().first()->menu()->actions())
                enabled +=
                    action->isEnabled() && (action->text().contains(QLatin1String("Import")) ||
                                            action->text().contains(QLatin1String("Export")) ||
                                            action->text().contains(QLatin1String("Backups")));
            return enabled;
        };
        QCOMPARE(enabledCount(), 3);
        m_window->lockAction()->trigger();
        QCOMPARE(enabledCount(), 0);
    }

    void sessionEventsLock_data() {
        QTest::addColumn<bool>("setting");
        QTest::addColumn<int>("event");
        QTest::newRow("suspend") << true << 0;
        QTest::newRow("screen lock") << true << 1;
        QTest::newRow("minimise") << true << 2;
        QTest::newRow("suspend, setting off") << false << 0;
        QTest::newRow("screen lock, setting off") << false << 1;
        QTest::newRow("minimise, setting off") << false << 2;
    }
    void sessionEventsLock() {
        QFETCH(bool, setting);
        QFETCH(int, event);
        createVault(FastKdf);
        if (QTest::currentTestFailed())
            return;
        m_settings->setLockOnScreenLock(setting);
        m_settings->setLockOnMinimise(setting);
        SessionWatcher* watcher = m_window->sessionWatcher();
        if (event == 0) {
            watcher->onPrepareForSleep(false); // resuming never locks
            QVERIFY(m_controller->isUnlocked());
            watcher->onPrepareForSleep(true);
        } else if (event == 1) {
            watcher->onScreenSaverActiveChanged(false);
            QVERIFY(m_controller->isUnlocked());
            watcher->onScreenSaverActiveChanged(true);
        } else {
            m_window->setWindowState(Qt::WindowMinimized);
        }
        QCOMPARE(m_controller->isUnlocked(), !setting);
        QCOMPARE(m_window->currentPage() == m_window->unlockPage(), setting);
    }

    void quickAccessUnlocksFirst() {
        QString path;
        createVault(FastKdf, &path);
        if (QTest::currentTestFailed())
            return;
        m_controller->lock();
        m_window->handleArguments({QStringLiteral("--quick")});
        QCOMPARE(m_window->currentPage(), m_window->unlockPage());
        QCOMPARE(quickAccess(), nullptr);
        type(m_window->unlockPage()->passwordField(), QString::fromUtf8(Password));
        QTest::keyClick(m_window->unlockPage()->passwordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(quickAccess() != nullptr, WaitMs);
        m_controller->lock();
        QCOMPARE(quickAccess(), nullptr); // locking hides it
    }

    void unlockErrors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("code");
        QTest::newRow("not a vault")
            << QByteArray("just some text, no vault\n").repeated(200) << int(ErrorCode::NotAVault);
        QByteArray newer(4096, '\0');
        newer[0] = 7;  // format version 7
        newer[2] = 1;  // iterations
        newer[3] = 13; // 8 KiB
        QTest::newRow("newer version") << newer << int(ErrorCode::NewerVersion);
    }
    void unlockErrors() {
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        const QString path = cloud() + QStringLiteral("/odd.tessera");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        m_window->openVault(path);
        UnlockPage* page = m_window->unlockPage();
        QCOMPARE(m_window->currentPage(), page);
        type(page->passwordField(), QStringLiteral("whatever"));
        QTest::keyClick(page->passwordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!page->errorText().isEmpty(), WaitMs);
        QCOMPARE(page->errorText(), UnlockPage::describe({ErrorCode(code), {}}));
        QCOMPARE(QFile(path).size(), qint64(content.size())); // untouched
    }

private:
    static QuickAccessWindow* quickAccess() {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* quick = qobject_cast<QuickAccessWindow*>(widget); quick && quick->isVisible())
                return quick;
        }
        return nullptr;
    }

    QString cloud() const { return m_dir->filePath(QStringLiteral("cloud")); }

    // Creates a vault through the create dialog, as a user would.
    void createVault(KdfParams kdf, QString* created = nullptr) {
        CreateVaultDialog dialog(*m_controller, m_window.get());
        dialog.setFolder(cloud());
        dialog.setKdfParams(kdf);
        dialog.nameField()->setText(QStringLiteral("Family"));
        type(dialog.passwordField(), QString::fromUtf8(Password));
        type(dialog.repeatField(), QString::fromUtf8(Password));
        dialog.show();
        const QString path = dialog.vaultPath();
        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), WaitMs);
        QVERIFY(m_controller->isUnlocked());
        QVERIFY(QFileInfo::exists(path));
        if (created)
            *created = path;
    }

    bool addEntry(const QString& title) {
        EntryChanges changes;
        changes.title = title;
        changes.password = SecureBuffer::copyOf("entry password");
        return m_controller->add(std::move(changes)).ok();
    }

    SystemClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<VaultController> m_controller;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestAppFlow)
#include "tst_appflow.moc"
