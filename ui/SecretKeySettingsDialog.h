#pragma once
// Vault ▸ Secret key…: whether the unlocked vault has a secret key, turning it on (a new key,
// shown once in SecretKeyDialog), making a new one, turning it off, and saving the Emergency Kit.
// Turning it on or off needs today's master password and is a new key epoch (like changing the
// password): other devices need the new key once.

#include <QDialog>

class QLabel;
class QPushButton;

namespace tessera::ui {

class SecurePasswordEdit;
class VaultController;

class SecretKeySettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SecretKeySettingsDialog(VaultController& controller, QWidget* parent = nullptr);

    SecurePasswordEdit* passwordField() const { return m_password; }
    QPushButton* turnOnButton() const { return m_turnOn; }
    QPushButton* turnOffButton() const { return m_turnOff; }
    QPushButton* saveKitButton() const { return m_saveKit; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* errorLabel() const { return m_error; }

public Q_SLOTS:
    // Turn on (or make a new key): shows the new key in a SecretKeyDialog unless showKey is false
    // (tests). Turn off. Both read the master password field.
    bool turnOn(bool showKey = true);
    bool turnOff();

private:
    void refresh();

    VaultController& m_controller;
    QLabel* m_status;
    SecurePasswordEdit* m_password;
    QLabel* m_error;
    QPushButton* m_turnOn;
    QPushButton* m_turnOff;
    QPushButton* m_saveKit;
};

} // namespace tessera::ui
