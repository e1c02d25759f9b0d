#pragma once
// The unlock screen: which vault (recent vaults to switch to), the master password in a
// SecurePasswordEdit, a Caps Lock warning, one clear line per unlock failure, and a busy indicator
// while the KDF runs on VaultController's worker (the window keeps responding). A vault that needs
// a secret key this device has not stored gets a second SecurePasswordEdit for it and "Remember on
// this device". After repeated wrong passwords the Unlock button waits out a countdown
// (VaultController::throttle(), UnlockThrottle.h).

#include "common/Result.h"

#include <QString>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace tessera::ui {

class AppSettings;
class SecurePasswordEdit;
class VaultController;

class UnlockPage : public QWidget {
    Q_OBJECT
public:
    UnlockPage(VaultController& controller, AppSettings& settings, QWidget* parent = nullptr);

    void setVault(const QString& path);
    QString vaultPath() const { return m_path; }
    // Clears the field and any error, refreshes the recent list, focuses the field.
    void reset();
    void showError(const QString& message);
    QString errorText() const;

    // The one-line message for an unlock failure.
    static QString describe(const Error& error);

    SecurePasswordEdit* passwordField() const { return m_password; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLabel* errorLabel() const { return m_error; }
    QProgressBar* busyIndicator() const { return m_busy; }
    // The secret key part (shown only when the vault needs a key this device has not stored).
    QWidget* secretKeyBox() const { return m_keyBox; }
    SecurePasswordEdit* secretKeyField() const { return m_secretKey; }
    QCheckBox* rememberKeyBox() const { return m_rememberKey; }
    QLabel* throttleLabel() const { return m_throttle; }
    // Updates the countdown and the Unlock button from the controller's throttle (also every
    // quarter second while a wait is on).
    void refreshThrottle();
    // Why the wait exists, and what really protects the vault file (tooltip, help text).
    static QString throttleExplanation();

Q_SIGNALS:
    void openOtherRequested();
    void createRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void unlock();
    void setBusy(bool busy);
    void refreshRecent();
    void updateCapsLock();
    void updateSecretKeyBox();
    bool throttled() const;

    VaultController& m_controller;
    AppSettings& m_settings;
    QString m_path;
    QListWidget* m_recent;
    QLabel* m_title;
    QLabel* m_location;
    SecurePasswordEdit* m_password;
    QToolButton* m_reveal;
    QLabel* m_capsLock;
    QLabel* m_error;
    QProgressBar* m_busy;
    QPushButton* m_unlock;
    QPushButton* m_openOther;
    QPushButton* m_create;
    QWidget* m_keyBox;
    SecurePasswordEdit* m_secretKey;
    QCheckBox* m_rememberKey;
    QLabel* m_throttle;
    QTimer m_throttleTimer;
    bool m_busyNow = false;
};

} // namespace tessera::ui
