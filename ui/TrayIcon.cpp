#include "TrayIcon.h"

#include "Theme.h"

#include <QAction>
#include <QMenu>

namespace tessera::ui {

TrayIcon::TrayIcon(QObject* parent)
    : QSystemTrayIcon(theme::appIcon(), parent) {
    setToolTip(tr("Tessera"));
    auto* menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    menu->addAction(tr("&Show / hide Tessera"), this, &TrayIcon::toggleWindowRequested);
    m_lock = menu->addAction(theme::icon(QStringLiteral("unlock")), tr("&Unlock…"));
    connect(m_lock, &QAction::triggered, this, [this] {
        if (m_unlocked)
            Q_EMIT lockRequested();
        else
            Q_EMIT unlockRequested();
    });
    menu->addAction(theme::icon(QStringLiteral("search")), tr("&Quick access"), this,
                    &TrayIcon::quickAccessRequested);
    menu->addSeparator();
    menu->addAction(theme::icon(QStringLiteral("quit")), tr("&Quit"), this,
                    &TrayIcon::quitRequested);
    setContextMenu(menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger)
            Q_EMIT toggleWindowRequested();
    });
}

void TrayIcon::setUnlocked(bool unlocked) {
    m_unlocked = unlocked;
    m_lock->setText(unlocked ? tr("&Lock") : tr("&Unlock…"));
    m_lock->setIcon(theme::icon(unlocked ? QStringLiteral("lock") : QStringLiteral("unlock")));
}

} // namespace tessera::ui
