#pragma once
// Export the vault: to a NEW encrypted Tessera vault under a new master password (its own id and
// key, never merged back), or to a plaintext file for another password manager — only after the
// user ticks that they understand the file holds every password unencrypted. Plaintext files are
// created readable by the user only (0600). What a format cannot hold is shown afterwards.

#include "export/Exporter.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace tessera::ui {

class SecurePasswordEdit;

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    // vault must stay unlocked while the dialog is open (close it on VaultController::aboutToLock).
    ExportDialog(const Vault& vault, const Device& device, QWidget* parent = nullptr);

    // For tests.
    void setChoice(ExportFormat format, const QString& path);
    QCheckBox* plaintextConfirmation() const { return m_understand; }
    SecurePasswordEdit* newPassword() const { return m_password; }
    SecurePasswordEdit* repeatPassword() const { return m_repeat; }
    QPushButton* exportButton() const { return m_export; }
    QString errorText() const;
    QStringList warnings() const { return m_warnings; }
    bool isDone() const { return m_done; }

public Q_SLOTS:
    // accept() on success; when the format could not hold something, the dialog first stays
    // open listing what was left out, and the button closes it.
    void runExport();

private:
    ExportFormat format() const;
    void updateState();
    void browse();
    void showError(const QString& message);

    const Vault& m_vault;
    const Device& m_device;
    QComboBox* m_format;
    QLineEdit* m_file;
    QWidget* m_passwordRows;
    SecurePasswordEdit* m_password;
    SecurePasswordEdit* m_repeat;
    QCheckBox* m_understand;
    QLabel* m_error;
    QPushButton* m_export;
    QStringList m_warnings;
    QString m_confirmedPath; // chosen in the file dialog, which asked before replacing it
    bool m_done = false;     // exported; the button closes
};

} // namespace tessera::ui
