#pragma once
// The unlock screen: which vault (recent vaults to switch to), the master password in a
// SecurePasswordEdit, a Caps Lock warning, one clear line per unlock failure, and a busy indicator
// while the KDF runs on VaultController's worker (the window keeps responding).

#include "common/Result.h"

#include <QString>
#include <QWidget>

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
};

} // namespace tessera::ui
