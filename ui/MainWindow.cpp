#include "MainWindow.h"

#include "AppSettings.h"
#include "ChangePasswordDialog.h"
#include "ClipboardGuard.h"
#include "CreateVaultDialog.h"
#include "GeneratorDialog.h"
#include "HealthDialog.h"
#include "IdleLock.h"
#include "QuickAccessWindow.h"
#include "SecretKeySettingsDialog.h"
#include "SecurePasswordEdit.h"
#include "SessionWatcher.h"
#include "SettingsDialog.h"
#include "Theme.h"
#include "TrayIcon.h"
#include "UnlockPage.h"
#include "VaultController.h"
#include "VaultFileActions.h"
#include "VaultView.h"
#include "WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace tessera::ui {

namespace {

constexpr int MessageMs = 6000;
constexpr QSize DefaultSize(1100, 700);

} // namespace

MainWindow::MainWindow(VaultController& controller, AppSettings& settings,
                       ClipboardGuard& clipboard, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_clipboard(clipboard)
    , m_pages(new QStackedWidget(this))
    , m_welcome(new WelcomePage(m_pages))
    , m_unlock(new UnlockPage(controller, settings, m_pages))
    , m_view(new VaultView(controller, clipboard, settings, m_pages))
    , m_idle(new IdleLock(settings, this))
    , m_session(new SessionWatcher(this))
    , m_clipboardStatus(new QLabel(this)) {
    setWindowIcon(theme::appIcon());
    setObjectName(QStringLiteral("MainWindow"));
    m_welcome->setObjectName(QStringLiteral("welcome"));
    m_unlock->setObjectName(QStringLiteral("unlock"));
    m_view->setObjectName(QStringLiteral("vault"));
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_unlock);
    m_pages->addWidget(m_view);
    setCentralWidget(m_pages);
    statusBar()->addPermanentWidget(m_clipboardStatus);
    m_clipboardStatus->setAccessibleName(tr("Clipboard"));
    buildMenus();
    buildTray();

    connect(m_welcome, &WelcomePage::createRequested, this, &MainWindow::createVault);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openVaultFile);
    connect(m_unlock, &UnlockPage::createRequested, this, &MainWindow::createVault);
    connect(m_unlock, &UnlockPage::openOtherRequested, this, &MainWindow::openVaultFile);
    connect(&m_controller, &VaultController::unlocked, this, &MainWindow::onUnlocked);
    connect(&m_controller, &VaultController::aboutToLock, this, &MainWindow::onAboutToLock);
    connect(&m_controller, &VaultController::locked, this, &MainWindow::onLocked);
    connect(&m_controller, &VaultController::publishFailed, this, [this](const Error& error) {
        statusBar()->showMessage(tr("Not saved to the vault file: %1").arg(error.message));
    });
    connect(&m_controller, &VaultController::published, this, [this] {
        if (statusBar()->currentMessage().startsWith(tr("Not saved")))
            statusBar()->showMessage(tr("Saved to the vault file."), MessageMs);
    });
    connect(m_view, &VaultView::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, MessageMs); });
    connect(&m_clipboard, &ClipboardGuard::countdown, this, &MainWindow::onCountdown);
    connect(&m_clipboard, &ClipboardGuard::cleared, this, [this] { m_clipboardStatus->clear(); });
    connect(m_idle, &IdleLock::idle, this, &MainWindow::lockVault);
    auto lockForSession = [this] {
        if (m_settings.lockOnScreenLock())
            lockVault();
    };
    connect(m_session, &SessionWatcher::aboutToSleep, this, lockForSession);
    connect(m_session, &SessionWatcher::screenLocked, this, lockForSession);
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_controller.lock();
        m_clipboard.clearNow();
    });

    qApp->installEventFilter(this);
    resize(DefaultSize);
    restoreGeometry(m_settings.windowGeometry());
    m_pages->setCurrentWidget(m_welcome);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu* vault = m_vaultMenu = menuBar()->addMenu(tr("&Vault"));
    vault->addAction(theme::icon(QStringLiteral("new-vault")), tr("&New vault…"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                     &MainWindow::createVault);
    vault->addAction(theme::icon(QStringLiteral("open")), tr("&Open vault…"), QKeySequence::Open,
                     this, &MainWindow::openVaultFile);
    m_lockAction =
        vault->addAction(theme::icon(QStringLiteral("lock")), tr("&Lock"),
                         QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockVault);
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    vault->addSeparator();
    m_changePasswordAction =
        vault->addAction(theme::icon(QStringLiteral("key")), tr("&Change master password…"), this,
                         &MainWindow::changePassword);
    // Secret key on/off and the Emergency Kit (SecretKeySettingsDialog); while unlocked only.
    QAction* secretKey =
        vault->addAction(theme::icon(QStringLiteral("key")), tr("Secret &key…"), this, [this] {
            SecretKeySettingsDialog dialog(m_controller, this);
            dialog.exec();
        });
    secretKey->setEnabled(false);
    connect(&m_controller, &VaultController::unlocked, secretKey,
            [secretKey] { secretKey->setEnabled(true); });
    connect(&m_controller, &VaultController::locked, secretKey,
            [secretKey] { secretKey->setEnabled(false); });
    m_fileActions = new VaultFileActions(m_controller, *this, *vault);
    vault->addSeparator();
    vault->addAction(theme::icon(QStringLiteral("settings")), tr("&Settings…"),
                     QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::showSettings);
    vault->addSeparator();
    m_quitAction = vault->addAction(theme::icon(QStringLiteral("quit")), tr("&Quit"),
                                    QKeySequence(Qt::CTRL | Qt::Key_Q), this, &MainWindow::quitApp);
    m_quitAction->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* entry = menuBar()->addMenu(tr("&Entry"));
    entry->addActions(m_view->entryActions());

    QMenu* tools = m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(theme::icon(QStringLiteral("generate")), tr("&Generate password…"),
                     QKeySequence(Qt::CTRL | Qt::Key_G), this, &MainWindow::showGenerator);
    m_healthAction = tools->addAction(theme::icon(QStringLiteral("health")),
                                      tr("Password &health…"), this, &MainWindow::showHealth);
    tools->addAction(theme::icon(QStringLiteral("search")), tr("&Quick access"),
                     QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Space), this,
                     &MainWindow::showQuickAccess);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(theme::icon(QStringLiteral("about")), tr("&About Tessera"), this,
                    &MainWindow::showAbout);
    m_lockAction->setEnabled(false);
    m_changePasswordAction->setEnabled(false);
    m_healthAction->setEnabled(false);
}

void MainWindow::buildTray() {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new TrayIcon(this);
    connect(m_tray, &TrayIcon::toggleWindowRequested, this, [this] {
        if (isVisible() && !isMinimized() && isActiveWindow())
            hide();
        else
            present();
    });
    connect(m_tray, &TrayIcon::lockRequested, this, &MainWindow::lockVault);
    connect(m_tray, &TrayIcon::unlockRequested, this, &MainWindow::present);
    connect(m_tray, &TrayIcon::quickAccessRequested, this, &MainWindow::showQuickAccess);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quitApp);
    m_tray->show();
}

QWidget* MainWindow::currentPage() const {
    return m_pages->currentWidget();
}

void MainWindow::openVault(const QString& path) {
    if (path.isEmpty()) {
        if (!m_controller.isUnlocked()) {
            m_pages->setCurrentWidget(m_welcome);
            m_welcome->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_controller.isUnlocked() && m_controller.path() == absolute) {
        m_pages->setCurrentWidget(m_view);
        return;
    }
    m_controller.lock(); // another vault: the open one locks first
    m_unlock->setVault(absolute);
    m_pages->setCurrentWidget(m_unlock);
    m_unlock->reset();
    if (!QFileInfo::exists(absolute))
        m_unlock->showError(tr("There is no vault file at %1.").arg(absolute));
    updateTitle();
}

void MainWindow::handleArguments(const QStringList& arguments) {
    bool quick = false;
    QString path;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--quick"))
            quick = true;
        else if (!argument.startsWith(QLatin1String("--")))
            path = argument;
    }
    if (!path.isEmpty())
        openVault(path);
    if (quick) {
        showQuickAccess();
        return;
    }
    present();
}

void MainWindow::present() {
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (m_pages->currentWidget() == m_unlock)
        m_unlock->passwordField()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showQuickAccess() {
    if (!m_controller.isUnlocked()) {
        // Unlock first; quick access opens once the vault is open.
        m_quickAfterUnlock = true;
        if (m_pages->currentWidget() == m_welcome) {
            present();
            return;
        }
        m_pages->setCurrentWidget(m_unlock);
        present();
        return;
    }
    if (!m_quick)
        m_quick = std::make_unique<QuickAccessWindow>(m_controller, m_clipboard);
    m_quick->present();
}

void MainWindow::lockVault() {
    m_controller.lock();
}

void MainWindow::onUnlocked() {
    m_settings.addRecentVault(m_controller.path());
    m_pages->setCurrentWidget(m_view);
    m_lockAction->setEnabled(true);
    m_changePasswordAction->setEnabled(true);
    m_healthAction->setEnabled(true);
    if (m_tray)
        m_tray->setUnlocked(true);
    m_idle->start();
    updateTitle();
    if (m_quickAfterUnlock) {
        m_quickAfterUnlock = false;
        showQuickAccess();
    } else {
        m_view->focusSearch();
    }
}

void MainWindow::onAboutToLock() {
    // Every open dialog may show a secret (editor, generator, history): close them all.
    const QList<QDialog*> dialogs = findChildren<QDialog*>();
    for (QDialog* dialog : dialogs) {
        if (dialog->isVisible())
            dialog->reject();
    }
    if (m_quick)
        m_quick->hide();
    if (m_clipboard.holdsSecret())
        m_clipboard.clearNow();
}

void MainWindow::onLocked() {
    m_idle->stop();
    m_lockAction->setEnabled(false);
    m_changePasswordAction->setEnabled(false);
    m_healthAction->setEnabled(false);
    if (m_tray)
        m_tray->setUnlocked(false);
    if (m_quitting)
        return;
    m_unlock->setVault(m_controller.path());
    m_pages->setCurrentWidget(m_unlock);
    m_unlock->reset();
    statusBar()->showMessage(tr("Locked."), MessageMs);
    updateTitle();
}

void MainWindow::onCountdown(int secondsLeft, const QString& what) {
    m_clipboardStatus->setText(
        what.isEmpty()
            ? tr("Clipboard clears in %n s", nullptr, secondsLeft)
            : tr("%1 copied · clipboard clears in %n s", nullptr, secondsLeft).arg(what));
}

void MainWindow::updateTitle() {
    QString title;
    if (m_controller.isUnlocked() && m_controller.vault())
        title = m_controller.vault()->info().name;
    else if (!m_unlock->vaultPath().isEmpty())
        title = tr("%1 (locked)").arg(QFileInfo(m_unlock->vaultPath()).completeBaseName());
    setWindowTitle(title.isEmpty() ? tr("Tessera") : tr("%1 — Tessera").arg(title));
}

void MainWindow::createVault() {
    CreateVaultDialog dialog(m_controller, this);
    dialog.exec(); // on success the controller emits unlocked() and the vault page shows
}

void MainWindow::openVaultFile() {
    const QString start = m_unlock->vaultPath().isEmpty()
                              ? QString()
                              : QFileInfo(m_unlock->vaultPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a vault file"), start, tr("Tessera vaults (*.tessera);;All files (*)"));
    if (!path.isEmpty())
        openVault(path);
}

void MainWindow::changePassword() {
    if (!m_controller.isUnlocked())
        return;
    ChangePasswordDialog dialog(m_controller, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Master password changed."), MessageMs);
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_settings, m_controller.isUnlocked(), this);
    connect(&dialog, &SettingsDialog::changePasswordRequested, this, &MainWindow::changePassword,
            Qt::QueuedConnection);
    if (dialog.exec() == QDialog::Accepted && m_controller.isUnlocked())
        m_idle->start(); // a new idle time applies from now
}

void MainWindow::showGenerator() {
    GeneratorDialog dialog(m_settings, this, &m_clipboard);
    dialog.setStandalone(true);
    dialog.exec();
}

void MainWindow::showHealth() {
    if (!m_controller.isUnlocked())
        return;
    auto* dialog = new HealthDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HealthDialog::entryActivated, m_view, &VaultView::selectEntry);
    dialog->show();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Tessera"),
        tr("<h3>Tessera %1</h3><p>A zero-knowledge password manager: your vault is one encrypted "
           "file, and everything is encrypted on this computer before it touches the disk.</p>"
           "<p>Argon2id and XChaCha20-Poly1305 (libsodium), SQLCipher, Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::saveGeometry() {
    m_settings.setWindowGeometry(QMainWindow::saveGeometry());
}

void MainWindow::quitApp() {
    m_quitting = true;
    saveGeometry();
    m_controller.lock(); // publishes what is pending, then wipes the keys
    m_clipboard.clearNow();
    if (m_quick)
        m_quick->hide();
    m_settings.sync();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_tray && m_tray->isVisible() && !m_quitting) {
        saveGeometry();
        hide(); // the tray icon brings it back
        event->ignore();
        return;
    }
    // No tray: closing the window is quitting, never a hidden process nobody can reach.
    event->accept();
    quitApp();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QMenu* menu : {m_vaultMenu, m_toolsMenu}) {
            for (const QAction* action : menu->actions()) {
                if (!action->isEnabled() || action->shortcut().isEmpty() ||
                    action->shortcut() != pressed)
                    continue;
                event->ignore(); // not overridden: the shortcut fires
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && isMinimized() &&
        m_settings.lockOnMinimise() && m_controller.isUnlocked())
        m_controller.lock();
}

} // namespace tessera::ui
