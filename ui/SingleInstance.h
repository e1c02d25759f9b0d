#pragma once
// One running Tessera per user: the first process listens on a local socket named after the user
// (in the user's runtime folder, so other users cannot reach it); a later launch sends its
// arguments there and exits, and the first process raises its window (or opens quick access) in
// response.

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace tessera::ui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // name: the socket's path (default: tessera.socket in the runtime folder; tests pass their
    // own).
    explicit SingleInstance(QString name = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Sends the arguments to a running instance. True if one took them (this process should exit).
    bool forwardToRunning(const QStringList& arguments, int timeoutMs = 2000);
    // Starts listening (removing a stale socket left by a crash). False if that failed.
    bool listen();
    QString name() const { return m_name; }

    static QString defaultName();

Q_SIGNALS:
    // A later launch's arguments (without the program name).
    void received(const QStringList& arguments);

private:
    void acceptConnection();
    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace tessera::ui
