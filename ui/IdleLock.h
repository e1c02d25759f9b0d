#pragma once
// Locks after a spell without input: an application-wide event filter notes every key, mouse and
// wheel event; a single-shot timer checks the time since the last one. Minutes come from
// AppSettings (0 = never); tests set a short timeout in milliseconds.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tessera::ui {

class AppSettings;

class IdleLock : public QObject {
    Q_OBJECT
public:
    explicit IdleLock(const AppSettings& settings, QObject* parent = nullptr);
    ~IdleLock() override;

    // Watch while the vault is unlocked; stop when it is locked.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // Overrides the setting (tests); 0 restores it.
    void setTimeoutMs(int ms);
    int timeoutMs() const;

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void check();
    const AppSettings& m_settings;
    QTimer m_timer;
    QElapsedTimer m_sinceInput;
    int m_overrideMs = 0;
};

} // namespace tessera::ui
