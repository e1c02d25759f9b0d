#include "SettingsDialog.h"

#include "AppSettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace tessera::ui {

SettingsDialog::SettingsDialog(AppSettings& settings, bool vaultUnlocked, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_clipboard(new QSpinBox(this))
    , m_idle(new QSpinBox(this))
    , m_lockOnMinimise(new QCheckBox(tr("Lock when the window is &minimised"), this))
    , m_lockOnScreenLock(
          new QCheckBox(tr("Lock when the &screen locks or the computer sleeps"), this))
    , m_startMinimised(new QCheckBox(tr("Start minimised to the &tray"), this)) {
    setWindowTitle(tr("Settings"));
    m_clipboard->setRange(1, AppSettings::MaxClipboardSeconds);
    m_clipboard->setSuffix(tr(" s"));
    m_clipboard->setValue(m_settings.clipboardSeconds());
    m_clipboard->setAccessibleName(tr("Clear the clipboard after, in seconds"));
    m_idle->setRange(0, AppSettings::MaxIdleLockMinutes);
    m_idle->setSuffix(tr(" min"));
    m_idle->setSpecialValueText(tr("Never"));
    m_idle->setValue(m_settings.idleLockMinutes());
    m_idle->setAccessibleName(tr("Lock after idle minutes"));
    m_lockOnMinimise->setChecked(m_settings.lockOnMinimise());
    m_lockOnScreenLock->setChecked(m_settings.lockOnScreenLock());
    m_startMinimised->setChecked(m_settings.startMinimised());
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_startMinimised->setEnabled(false);
        m_startMinimised->setToolTip(tr("This desktop has no system tray"));
    }

    auto* security = new QGroupBox(tr("Security"), this);
    auto* form = new QFormLayout(security);
    form->addRow(tr("Clear the &clipboard after:"), m_clipboard);
    form->addRow(tr("Lock after &idle:"), m_idle);
    form->addRow(m_lockOnMinimise);
    form->addRow(m_lockOnScreenLock);
    auto* change = new QPushButton(tr("Change master password or unlock &cost…"), security);
    change->setEnabled(vaultUnlocked);
    change->setToolTip(vaultUnlocked ? QString() : tr("Unlock the vault first"));
    form->addRow(change);
    connect(change, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT changePasswordRequested();
    });

    auto* appearance = new QGroupBox(tr("Window"), this);
    auto* window = new QVBoxLayout(appearance);
    window->addWidget(m_startMinimised);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(security);
    layout->addWidget(appearance);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    m_settings.setClipboardSeconds(m_clipboard->value());
    m_settings.setIdleLockMinutes(m_idle->value());
    m_settings.setLockOnMinimise(m_lockOnMinimise->isChecked());
    m_settings.setLockOnScreenLock(m_lockOnScreenLock->isChecked());
    m_settings.setStartMinimised(m_startMinimised->isChecked());
    QDialog::accept();
}

} // namespace tessera::ui
