#pragma once
// The main window: a stack of pages (welcome on first run, unlock, the vault view), the menus, the
// status bar (clipboard countdown, save errors) and everything that locks the vault: Ctrl+L, idle
// time, suspend and screen lock, minimising (if chosen). With a tray icon, closing hides to the
// tray; without one, closing quits (after publishing and locking), so no unreachable process is
// left behind.

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;

namespace tessera::ui {

class AppSettings;
class ClipboardGuard;
class IdleLock;
class QuickAccessWindow;
class SessionWatcher;
class TrayIcon;
class UnlockPage;
class VaultController;
class VaultFileActions;
class VaultView;
class WelcomePage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(VaultController& controller, AppSettings& settings, ClipboardGuard& clipboard,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the unlock page for a vault file (or the welcome page for an empty path).
    void openVault(const QString& path);
    // What a launch asked for: [VAULT_FILE] and/or --quick (also from a second launch).
    void handleArguments(const QStringList& arguments);
    // Shows the window (from the tray or a second launch) and raises it.
    void present();
    bool hasTray() const { return m_tray != nullptr; }

    WelcomePage* welcomePage() const { return m_welcome; }
    UnlockPage* unlockPage() const { return m_unlock; }
    VaultView* vaultView() const { return m_view; }
    IdleLock* idleLock() const { return m_idle; }
    SessionWatcher* sessionWatcher() const { return m_session; }
    QWidget* currentPage() const;
    QLabel* clipboardStatus() const { return m_clipboardStatus; }
    QAction* lockAction() const { return m_lockAction; }
    VaultFileActions* fileActions() const { return m_fileActions; }

public Q_SLOTS:
    void lockVault();
    void showQuickAccess();
    void createVault();
    void openVaultFile();
    void changePassword();
    void showSettings();
    void showGenerator();
    void showHealth();
    void showAbout();
    // Publishes, locks, clears the clipboard and quits the application.
    void quitApp();

protected:
    void closeEvent(QCloseEvent* event) override;
    // The Vault and Tools menus' shortcuts (Ctrl+L, Ctrl+Q, Ctrl+G…) win over a focused line
    // edit, which under X11 takes Ctrl+letter keys for itself otherwise.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void buildTray();
    void onUnlocked();
    void onAboutToLock();
    void onLocked();
    void onCountdown(int secondsLeft, const QString& what);
    void updateTitle();
    void saveGeometry();

    VaultController& m_controller;
    AppSettings& m_settings;
    ClipboardGuard& m_clipboard;
    QStackedWidget* m_pages;
    WelcomePage* m_welcome;
    UnlockPage* m_unlock;
    VaultView* m_view;
    IdleLock* m_idle;
    SessionWatcher* m_session;
    TrayIcon* m_tray = nullptr;
    VaultFileActions* m_fileActions = nullptr;
    std::unique_ptr<QuickAccessWindow> m_quick;
    QLabel* m_clipboardStatus;
    QMenu* m_vaultMenu = nullptr;
    QMenu* m_toolsMenu = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_changePasswordAction = nullptr;
    QAction* m_healthAction = nullptr;
    bool m_quickAfterUnlock = false;
    bool m_quitting = false;
};

} // namespace tessera::ui
