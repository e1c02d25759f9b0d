#pragma once
// Shows a vault's new secret key once (after "Protect with a secret key" on creation, or after
// turning the key on) and offers to save the Emergency Kit PDF. The key is held in a SecureBuffer;
// QLabel needs a QString, which is kept here and wiped in place when the dialog closes.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/Vault.h"

#include <QDialog>
#include <QString>

class QLabel;
class QPushButton;

namespace tessera::ui {

class SecretKeyDialog : public QDialog {
    Q_OBJECT
public:
    SecretKeyDialog(const VaultInfo& vault, const SecureBuffer& key, QWidget* parent = nullptr);
    ~SecretKeyDialog() override;

    // Writes the Emergency Kit to path (0600, replacing a file the user chose to overwrite).
    Status saveKitTo(const QString& path);
    QLabel* keyLabel() const { return m_keyLabel; }
    QPushButton* saveKitButton() const { return m_saveKit; }
    QLabel* statusLabel() const { return m_status; }

    // Asks where to save the kit (a file dialog) and writes it; false if cancelled or failed
    // (the failure is shown to the user).
    static bool saveKitInteractively(QWidget* parent, const VaultInfo& vault,
                                     const SecureBuffer& key);

protected:
    void done(int result) override;

private:
    VaultInfo m_vault;
    SecureBuffer m_key;
    QString m_shown; // the text form QLabel needs; wiped in place on close
    QLabel* m_keyLabel;
    QLabel* m_status;
    QPushButton* m_saveKit;
};

} // namespace tessera::ui
