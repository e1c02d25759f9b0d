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
#include <QRadioButton>
#include <QVBoxLayout>

namespace tessera::ui {

ChangePasswordDialog::ChangePasswordDialog(VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_newPassword(new QRadioButton(tr("A &new master password"), this))
    , m_costOnly(new QRadioButton(tr("Only the unlock &cost (keeps the password)"), this))
    , m_currentRow(new QWidget(this))
    , m_newRows(new QWidget(this))
    , m_current(new SecurePasswordEdit(m_currentRow))
    , m_password(new SecurePasswordEdit(m_newRows))
    , m_repeat(new SecurePasswordEdit(m_newRows))
    , m_strength(new StrengthMeter(m_newRows))
    , m_match(new QLabel(m_newRows))
    , m_kdf(new KdfPresetBox(this))
    , m_error(new QLabel(this))
    , m_busy(new QProgressBar(this)) {
    setWindowTitle(tr("Change master password"));
    if (const Vault* vault = m_controller.vault())
        m_kdf->offerKeepCurrent(vault->info().kdf);
    m_newPassword->setChecked(true);
    m_current->setAccessibleName(tr("Current master password"));
    m_password->setAccessibleName(tr("New master password"));
    m_repeat->setAccessibleName(tr("Repeat new master password"));
    m_match->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);
    auto* note = new QLabel(
        tr("Other devices ask for a new password once. Nobody can recover a forgotten master "
           "password."),
        this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_change = buttons->addButton(tr("C&hange"), QDialogButtonBox::AcceptRole);
    m_change->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::change);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);

    auto* currentForm = new QFormLayout(m_currentRow);
    currentForm->setContentsMargins(0, 0, 0, 0);
    currentForm->addRow(tr("C&urrent password:"), m_current);
    auto* newForm = new QFormLayout(m_newRows);
    newForm->setContentsMargins(0, 0, 0, 0);
    newForm->addRow(tr("&New password:"), m_password);
    newForm->addRow(QString(), m_strength);
    newForm->addRow(tr("&Repeat:"), m_repeat);
    newForm->addRow(QString(), m_match);
    auto* costForm = new QFormLayout;
    costForm->addRow(tr("Unlock cost:"), m_kdf);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_newPassword);
    layout->addWidget(m_costOnly);
    layout->addWidget(m_currentRow);
    layout->addWidget(m_newRows);
    layout->addLayout(costForm);
    layout->addWidget(note);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(540);
    m_currentRow->setVisible(false);

    connect(m_costOnly, &QRadioButton::toggled, this, &ChangePasswordDialog::setCostOnly);
    connect(m_current, &SecurePasswordEdit::changed, this, &ChangePasswordDialog::updateState);
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

void ChangePasswordDialog::setCostOnly(bool costOnly) {
    m_costOnly->setChecked(costOnly);
    m_currentRow->setVisible(costOnly);
    m_newRows->setVisible(!costOnly);
    if (costOnly && m_kdf->preset() == KdfPresetBox::KeepCurrent)
        m_kdf->setPreset(KdfPresetBox::Standard);
    (costOnly ? m_current : m_password)->setFocus(Qt::OtherFocusReason);
    updateState();
}

void ChangePasswordDialog::updateState() {
    m_error->clear();
    if (m_costOnly->isChecked()) {
        m_change->setEnabled(!m_current->isEmpty() && m_kdf->params().has_value() &&
                             m_controller.isUnlocked());
        return;
    }
    const bool both = !m_password->isEmpty() && !m_repeat->isEmpty();
    // Lengths are not secret; equals() compares the bytes in constant time.
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
    if (!kdf)
        return;
    const bool costOnly = m_costOnly->isChecked();
    if (!costOnly && !m_password->password().equals(m_repeat->password()))
        return;
    // The re-key derives keys on this thread; show that something is happening first.
    m_busy->setVisible(true);
    m_error->setText(costOnly ? tr("Changing the unlock cost…")
                              : tr("Changing the master password…"));
    setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    repaint();
    const Status status = costOnly ? m_controller.changeKdf(m_current->password(), *kdf)
                                   : m_controller.changePassword(m_password->password(), *kdf);
    QApplication::restoreOverrideCursor();
    setEnabled(true);
    m_busy->setVisible(false);
    if (!status) {
        m_current->clear(); // before the message: editing a field clears it
        m_error->setText(status.code() == ErrorCode::WrongPassword
                             ? tr("The current password is wrong; nothing was changed.")
                             : tr("Nothing was changed: %1").arg(status.error().message));
        return;
    }
    m_current->clear();
    m_password->clear();
    m_repeat->clear();
    (void)m_controller.publishNow(); // a failure shows in the status bar
    accept();
}

void ChangePasswordDialog::reject() {
    m_current->clear();
    m_password->clear();
    m_repeat->clear();
    QDialog::reject();
}

} // namespace tessera::ui
