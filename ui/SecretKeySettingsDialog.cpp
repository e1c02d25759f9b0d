#include "SecretKeySettingsDialog.h"

#include "SecretKeyDialog.h"
#include "SecurePasswordEdit.h"
#include "VaultController.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

SecretKeySettingsDialog::SecretKeySettingsDialog(VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_status(new QLabel(this))
    , m_password(new SecurePasswordEdit(this))
    , m_error(new QLabel(this))
    , m_turnOn(new QPushButton(this))
    , m_turnOff(new QPushButton(tr("Turn &off"), this))
    , m_saveKit(new QPushButton(tr("&Save Emergency Kit…"), this)) {
    setWindowTitle(tr("Secret key"));
    auto* about = new QLabel(
        tr("A secret key is 128 random bits needed besides the master password. A copy of the "
           "vault file (from the cloud, a backup, a stolen laptop) then cannot be opened by "
           "guessing the password, however weak it is. Each device keeps the key once it has "
           "been typed; it is printed on the Emergency Kit for new devices."),
        this);
    about->setWordWrap(true);
    m_status->setWordWrap(true);
    m_password->setAccessibleName(tr("Master password"));
    m_password->setPlaceholderText(tr("Master password"));
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(errorPalette);
    m_error->setWordWrap(true);
    connect(m_password, &SecurePasswordEdit::changed, this, [this] { m_error->clear(); });
    connect(m_turnOn, &QPushButton::clicked, this, [this] { (void)turnOn(); });
    connect(m_turnOff, &QPushButton::clicked, this, &SecretKeySettingsDialog::turnOff);
    connect(m_saveKit, &QPushButton::clicked, this, [this] {
        if (const SecureBuffer* key = m_controller.secretKey(); key && m_controller.vault())
            (void)SecretKeyDialog::saveKitInteractively(this, m_controller.vault()->info(), *key);
    });

    auto* form = new QFormLayout;
    form->addRow(tr("Master &password:"), m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_turnOn, QDialogButtonBox::ActionRole);
    buttons->addButton(m_turnOff, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveKit, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_status);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    refresh();
}

void SecretKeySettingsDialog::refresh() {
    const bool on = m_controller.vault() && m_controller.vault()->info().requiresSecretKey;
    m_status->setText(on ? tr("<b>This vault has a secret key.</b> It opens only with the master "
                              "password and the key. Turning the key off or making a new one "
                              "changes the vault's keys: other devices need the new state once "
                              "and old Emergency Kits stop working.")
                         : tr("<b>This vault has no secret key.</b> The master password alone "
                              "opens it."));
    m_turnOn->setText(on ? tr("Make a &new key") : tr("Turn &on"));
    m_turnOff->setVisible(on);
    m_saveKit->setVisible(on);
    m_saveKit->setEnabled(m_controller.secretKey() != nullptr);
}

bool SecretKeySettingsDialog::turnOn(bool showKey) {
    if (m_password->isEmpty()) {
        m_error->setText(tr("Type the master password first."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto key = m_controller.enableSecretKey(m_password->password());
    QApplication::restoreOverrideCursor();
    m_password->clear();
    if (!key) {
        m_error->setText(
            key.code() == ErrorCode::WrongPassword
                ? tr("Wrong master password: nothing was changed.")
                : tr("The secret key could not be turned on: %1").arg(key.error().message));
        return false;
    }
    refresh();
    if (showKey) {
        SecretKeyDialog dialog(m_controller.vault()->info(), *key, this);
        dialog.exec();
    }
    return true;
}

bool SecretKeySettingsDialog::turnOff() {
    if (m_password->isEmpty()) {
        m_error->setText(tr("Type the master password first."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status off = m_controller.disableSecretKey(m_password->password());
    QApplication::restoreOverrideCursor();
    m_password->clear();
    refresh();
    if (!off) {
        m_error->setText(
            off.code() == ErrorCode::WrongPassword
                ? tr("Wrong master password or secret key: nothing was changed.")
                : tr("The secret key could not be turned off: %1").arg(off.error().message));
        return false;
    }
    return true;
}

} // namespace tessera::ui
