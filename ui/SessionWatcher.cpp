#include "SessionWatcher.h"

#include <QDBusConnection>

namespace tessera::ui {

SessionWatcher::SessionWatcher(QObject* parent)
    : QObject(parent) {
    // QtDBus has no pointer-to-member connect: these are the one place slots go by name.
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected())
        m_sleep = system.connect(
            QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"),
            this, SLOT(onPrepareForSleep(bool)));
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected()) {
        struct Source {
            const char* service;
            const char* path;
            const char* interface;
        };
        const Source sources[] = {
            {"org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
             "org.freedesktop.ScreenSaver"},
            {"org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"},
            {"org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"},
        };
        for (const Source& source : sources) {
            m_screenSaver |= session.connect(
                QString::fromLatin1(source.service), QString::fromLatin1(source.path),
                QString::fromLatin1(source.interface), QStringLiteral("ActiveChanged"), this,
                SLOT(onScreenSaverActiveChanged(bool)));
        }
    }
}

void SessionWatcher::onPrepareForSleep(bool start) {
    if (start)
        Q_EMIT aboutToSleep();
}

void SessionWatcher::onScreenSaverActiveChanged(bool active) {
    if (active)
        Q_EMIT screenLocked();
}

} // namespace tessera::ui
