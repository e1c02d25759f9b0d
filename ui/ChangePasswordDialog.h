#pragma once
// Changing the master password of the unlocked vault: the new one twice (strength shown), and
// optionally new key derivation parameters; the vault is open, so the current password is not
// asked again (a new password makes a new vault key and key epoch). Or only the unlock cost: then
// today's password is asked for, and the vault key and epoch stay. The KDF runs while a busy
// indicator shows.

#include "vault/Header.h"

#include <QDialog>

class QLabel;
class QRadioButton;
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
    // Only the unlock cost, with today's password (instead of a new password).
    void setCostOnly(bool costOnly);
    SecurePasswordEdit* currentField() const { return m_current; }
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
    QRadioButton* m_newPassword;
    QRadioButton* m_costOnly;
    QWidget* m_currentRow;
    QWidget* m_newRows;
    SecurePasswordEdit* m_current;
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
