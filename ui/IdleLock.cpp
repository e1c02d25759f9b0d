#include "IdleLock.h"

#include "AppSettings.h"

#include <QCoreApplication>
#include <QEvent>

namespace tessera::ui {

namespace {

constexpr int MsPerMinute = 60 * 1000;

bool isInput(QEvent::Type type) {
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleLock::IdleLock(const AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::check);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock() {
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

int IdleLock::timeoutMs() const {
    return m_overrideMs > 0 ? m_overrideMs : m_settings.idleLockMinutes() * MsPerMinute;
}

void IdleLock::setTimeoutMs(int ms) {
    m_overrideMs = ms;
    if (m_timer.isActive())
        start();
}

void IdleLock::start() {
    m_sinceInput.start();
    const int timeout = timeoutMs();
    if (timeout <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(timeout);
}

void IdleLock::stop() {
    m_timer.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    // Cheap on every event: a time stamp; the timer re-arms itself when it fires.
    if (m_timer.isActive() && isInput(event->type()))
        m_sinceInput.restart();
    return QObject::eventFilter(watched, event);
}

void IdleLock::check() {
    const int timeout = timeoutMs();
    if (timeout <= 0)
        return;
    const qint64 idleMs = m_sinceInput.elapsed();
    if (idleMs < timeout) {
        m_timer.start(int(timeout - idleMs));
        return;
    }
    Q_EMIT idle();
}

} // namespace tessera::ui
