#pragma once
// The app's settings: clipboard clearing, locking (idle minutes, on minimise, on screen lock and
// suspend), start minimised to the tray, passwords shown in the list; and the way to change the
// master password or the key derivation cost. Changes apply when OK is pressed.

#include <QDialog>

class QCheckBox;
class QPushButton;
class QSpinBox;

namespace tessera::ui {

class AppSettings;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppSettings& settings, bool vaultUnlocked, QWidget* parent = nullptr);

    QSpinBox* clipboardSeconds() const { return m_clipboard; }
    QSpinBox* idleMinutes() const { return m_idle; }

Q_SIGNALS:
    void changePasswordRequested();

public Q_SLOTS:
    void accept() override;

private:
    AppSettings& m_settings;
    QSpinBox* m_clipboard;
    QSpinBox* m_idle;
    QCheckBox* m_lockOnMinimise;
    QCheckBox* m_lockOnScreenLock;
    QCheckBox* m_startMinimised;
};

} // namespace tessera::ui
