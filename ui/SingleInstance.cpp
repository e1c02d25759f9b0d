#include "SingleInstance.h"

#include <QDataStream>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <unistd.h>

namespace tessera::ui {

namespace {

constexpr int MaxMessageBytes = 64 * 1024; // a few paths and flags; anything bigger is not ours
const QByteArray Magic = QByteArrayLiteral("tessera-args-1");

} // namespace

SingleInstance::SingleInstance(QString name, QObject* parent)
    : QObject(parent)
    , m_name(name.isEmpty() ? defaultName() : std::move(name)) {
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName() {
    // The runtime folder is the user's own (0700), so no other user can take the name first or
    // listen in its place; Qt falls back to a private /tmp/runtime-USER when XDG_RUNTIME_DIR is
    // unset.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return runtime + QStringLiteral("/tessera.socket");
    return QStringLiteral("tessera-%1").arg(::getuid());
}

bool SingleInstance::forwardToRunning(const QStringList& arguments, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray message;
    {
        QDataStream out(&message, QIODevice::WriteOnly);
        out << Magic << arguments;
    }
    QByteArray framed;
    {
        QDataStream out(&framed, QIODevice::WriteOnly);
        out << message;
    }
    socket.write(framed);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running instance answers once it has taken the arguments.
    if (!socket.waitForReadyRead(timeoutMs))
        return false;
    return socket.readAll().startsWith("ok");
}

bool SingleInstance::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket left by a crashed instance: nobody answered forwardToRunning, so remove it.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnection);
    return true;
}

void SingleInstance::acceptConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > MaxMessageBytes) {
                socket->abort();
                return;
            }
            QDataStream in(socket);
            in.startTransaction();
            QByteArray message;
            in >> message;
            if (!in.commitTransaction())
                return; // wait for the rest
            QDataStream body(message);
            QByteArray magic;
            QStringList arguments;
            body >> magic >> arguments;
            if (body.status() != QDataStream::Ok || magic != Magic) {
                socket->abort();
                return;
            }
            socket->write("ok");
            socket->flush();
            Q_EMIT received(arguments);
        });
    }
}

} // namespace tessera::ui
