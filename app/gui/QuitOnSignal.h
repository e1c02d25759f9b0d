#pragma once
// SIGTERM, SIGINT and SIGHUP (logout, Ctrl+C in a terminal, a closed terminal) end Tessera the way
// Quit does: publish, lock, clear the clipboard, remember the window. The handler only writes a
// byte to a socket pair; the event loop reads it and runs the quit callback.

#include <QObject>

#include <functional>

class QSocketNotifier;

// No Q_OBJECT: no signals or slots of its own (the tessera target has no AUTOMOC).
class QuitOnSignal : public QObject {
public:
    explicit QuitOnSignal(std::function<void()> quit, QObject* parent = nullptr);
    ~QuitOnSignal() override;
    bool isInstalled() const { return m_notifier != nullptr; }

private:
    void readSignal();
    std::function<void()> m_quit;
    QSocketNotifier* m_notifier = nullptr;
};
