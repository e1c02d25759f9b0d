#pragma once
// Tells when the desktop session is about to become unattended: logind's PrepareForSleep(true) on
// the system bus (before suspend or hibernate) and the screen saver's ActiveChanged(true) on the
// session bus (freedesktop and GNOME names). Best effort: a missing bus or service just means no
// signal from it.

#include <QObject>

namespace tessera::ui {

class SessionWatcher : public QObject {
    Q_OBJECT
public:
    explicit SessionWatcher(QObject* parent = nullptr);

    // Which sources could be subscribed (for the about box and tests).
    bool watchingSleep() const { return m_sleep; }
    bool watchingScreenSaver() const { return m_screenSaver; }

Q_SIGNALS:
    void aboutToSleep();
    void screenLocked();

public Q_SLOTS:
    // The D-Bus signal handlers (QtDBus connects by slot name only).
    void onPrepareForSleep(bool start);
    void onScreenSaverActiveChanged(bool active);

private:
    bool m_sleep = false;
    bool m_screenSaver = false;
};

} // namespace tessera::ui
