#pragma once
// The create-vault flow: where the vault file lives (the cloud folders that exist, or any folder),
// its name, the master password twice with a live strength estimate and a plain warning that it
// cannot be recovered, and the key derivation preset with its unlock time on this machine. On
// Create it asks VaultController to create the vault (on its worker) and closes once it is open.
// "Protect with a secret key" adds a random 128-bit key (stored on this device), shown once after
// creation with the offer to save the Emergency Kit.

#include "crypto/SecureBuffer.h"
#include "vault/Header.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace tessera::ui {

class KdfPresetBox;
class SecurePasswordEdit;
class StrengthMeter;
class VaultController;

class CreateVaultDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateVaultDialog(VaultController& controller, QWidget* parent = nullptr);
    ~CreateVaultDialog() override;

    // The cloud folders that exist in home (Dropbox, Nextcloud, OneDrive, Sync, Google Drive).
    static QStringList cloudFolders(const QString& home);

    void setFolder(const QString& folder);
    QString folder() const;
    QString vaultPath() const; // where the file will be created
    // Skips calibration (tests): the vault gets exactly these parameters.
    void setKdfParams(KdfParams params);

    QLineEdit* nameField() const { return m_name; }
    SecurePasswordEdit* passwordField() const { return m_password; }
    SecurePasswordEdit* repeatField() const { return m_repeat; }
    QPushButton* createButton() const { return m_createButton; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* pathLabel() const { return m_path; }
    KdfPresetBox* kdfBox() const { return m_kdf; }
    QCheckBox* secretKeyBox() const { return m_secretKeyBox; }
    // Tests: do not show the new key's dialog after creating (it would wait for a click).
    void setShowNewKey(bool show) { m_showNewKey = show; }

public Q_SLOTS:
    void create();

protected:
    void reject() override;

private:
    void browse();
    void proposeFreeName();
    void updateState();
    void setBusy(bool busy);

    VaultController& m_controller;
    QComboBox* m_folder;
    QLineEdit* m_name;
    QLabel* m_path;
    SecurePasswordEdit* m_password;
    SecurePasswordEdit* m_repeat;
    StrengthMeter* m_strength;
    QLabel* m_match;
    KdfPresetBox* m_kdf;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    QPushButton* m_createButton;
    QCheckBox* m_secretKeyBox;
    std::optional<SecureBuffer> m_newKey; // until it was shown
    bool m_showNewKey = true;
    bool m_creating = false;
};

} // namespace tessera::ui
