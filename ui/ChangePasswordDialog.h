#pragma once
// Changing the master password of the unlocked vault: the new one twice (strength shown), and
// optionally new key derivation parameters. The vault is open, so the current password is not
// asked again. The change re-keys the vault; the KDF runs while a busy indicator shows.

#include "vault/Header.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tessera::ui {

class KdfPresetBox;
class SecurePasswordEdit;
class StrengthMeter;
class VaultController;

class ChangePasswordDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChangePasswordDialog(VaultController& controller, QWidget* parent = nullptr);

    void setKdfParams(KdfParams params); // tests: skip calibration
    SecurePasswordEdit* passwordField() const { return m_password; }
    SecurePasswordEdit* repeatField() const { return m_repeat; }
    QPushButton* changeButton() const { return m_change; }
    QLabel* errorLabel() const { return m_error; }

public Q_SLOTS:
    void change();

protected:
    void reject() override;

private:
    void updateState();

    VaultController& m_controller;
    SecurePasswordEdit* m_password;
    SecurePasswordEdit* m_repeat;
    StrengthMeter* m_strength;
    QLabel* m_match;
    KdfPresetBox* m_kdf;
    QLabel* m_error;
    QProgressBar* m_busy;
    QPushButton* m_change;
};

} // namespace tessera::ui
