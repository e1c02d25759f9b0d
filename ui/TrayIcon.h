#pragma once
// The tray icon (only where the desktop has a tray): show/hide the window, lock or unlock, quick
// access, quit. Clicking it toggles the window.

#include <QSystemTrayIcon>

class QAction;

namespace tessera::ui {

class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT
public:
    explicit TrayIcon(QObject* parent = nullptr);
    void setUnlocked(bool unlocked);

Q_SIGNALS:
    void toggleWindowRequested();
    void lockRequested();
    void unlockRequested();
    void quickAccessRequested();
    void quitRequested();

private:
    QAction* m_lock;
    bool m_unlocked = false;
};

} // namespace tessera::ui
