#include "ChangePasswordDialog.h"

#include "KdfPresetBox.h"
#include "SecurePasswordEdit.h"
#include "StrengthMeter.h"
#include "VaultController.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

ChangePasswordDialog::ChangePasswordDialog(VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_password(new SecurePasswordEdit(this))
    , m_repeat(new SecurePasswordEdit(this))
    , m_strength(new StrengthMeter(this))
    , m_match(new QLabel(this))
    , m_kdf(new KdfPresetBox(this))
    , m_error(new QLabel(this))
    , m_busy(new QProgressBar(this)) {
    setWindowTitle(tr("Change master password"));
    if (const Vault* vault = m_controller.vault())
        m_kdf->offerKeepCurrent(vault->info().kdf);
    m_password->setAccessibleName(tr("New master password"));
    m_repeat->setAccessibleName(tr("Repeat new master password"));
    m_match->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);
    auto* note = new QLabel(
        tr("Other devices ask for the new password once. Nobody can recover a forgotten master "
           "password."),
        this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_change = buttons->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole);
    m_change->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::change);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&New password:"), m_password);
    form->addRow(QString(), m_strength);
    form->addRow(tr("&Repeat:"), m_repeat);
    form->addRow(QString(), m_match);
    form->addRow(tr("&Unlock cost:"), m_kdf);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(m_password, &SecurePasswordEdit::changed, this, [this] {
        m_strength->setPassword(m_password->password());
        updateState();
    });
    connect(m_repeat, &SecurePasswordEdit::changed, this, &ChangePasswordDialog::updateState);
    connect(m_kdf, &KdfPresetBox::ready, this, &ChangePasswordDialog::updateState);
    updateState();
}

void ChangePasswordDialog::setKdfParams(KdfParams params) {
    m_kdf->setFixedParams(params);
    updateState();
}

void ChangePasswordDialog::updateState() {
    const bool both = !m_password->isEmpty() && !m_repeat->isEmpty();
    const bool same = both && m_password->password().equals(m_repeat->password());
    m_match->setText(!both  ? QString()
                     : same ? tr("The passwords match.")
                            : tr("The passwords do not match."));
    m_change->setEnabled(same && m_kdf->params().has_value() && m_controller.isUnlocked());
}

void ChangePasswordDialog::change() {
    if (!m_change->isEnabled())
        return;
    const std::optional<KdfParams> kdf = m_kdf->params();
    if (!kdf || !m_password->password().equals(m_repeat->password()))
        return;
    // The re-key derives the new key on this thread; show that something is happening first.
    m_busy->setVisible(true);
    m_error->setText(tr("Changing the master password…"));
    setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    repaint();
    const Status status = m_controller.changePassword(m_password->password(), *kdf);
    QApplication::restoreOverrideCursor();
    setEnabled(true);
    m_busy->setVisible(false);
    if (!status) {
        m_error->setText(tr("The password was not changed: %1").arg(status.error().message));
        return;
    }
    m_password->clear();
    m_repeat->clear();
    (void)m_controller.publishNow(); // a failure shows in the status bar
    accept();
}

void ChangePasswordDialog::reject() {
    m_password->clear();
    m_repeat->clear();
    QDialog::reject();
}

} // namespace tessera::ui
