// The core flow of the memory residue test (tst_residue_core), as tessera-cli drives the vault
// API: unlock, list and search, open entries' details, "copy" a password (the CLI prints it: here
// it is written to /dev/null straight from secure memory), change an entry's password, lock. The
// parent scans this process's memory after every command. Not hardened on purpose
// (PR_SET_DUMPABLE stays 1), so its parent may read /proc/PID/mem.
//
// usage: residue_core_child VAULT_FILE DATA_DIR     commands on stdin (see ChildChannel.h)

#include "ChildChannel.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QString>

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace tessera;
using namespace tessera::test;

namespace {

// Positive controls: a secret the child deliberately keeps in a QByteArray and a QString for its
// whole life, so the parent can prove that its scan finds UTF-8 and UTF-16 copies.
QByteArray g_canaryUtf8;
QString g_canaryUtf16;

class CoreFlow {
public:
    CoreFlow(QString path, QString dataDir)
        : m_path(std::move(path))
        , m_device{std::move(dataDir), &m_clock} {}

    QByteArray run(const QByteArray& command) {
        const QByteArray verb =
            command.left(command.indexOf(' ') < 0 ? command.size() : command.indexOf(' '));
        // The rest of the line: an entry title (titles have spaces).
        const QString argument = QString::fromUtf8(command.mid(verb.size() + 1));
        if (verb == "canary") {
            const SecureBuffer canary = readSecretLine();
            g_canaryUtf8 =
                QByteArray(reinterpret_cast<const char*>(canary.data()), qsizetype(canary.size()));
            g_canaryUtf16 = QString::fromUtf8(g_canaryUtf8);
            return "ok";
        }
        if (verb == "unlock") {
            const SecureBuffer password = readSecretLine();
            auto opened = Vault::unlock(m_device, m_path, password);
            if (!opened)
                return "error: " + opened.error().message.toUtf8();
            m_vault = std::move(*opened);
            return "ok";
        }
        if (verb == "idle")
            return "ok";
        if (!m_vault)
            return "error: locked";
        if (verb == "list") {
            // What `tessera-cli list` and `search` do: every overview, then a search.
            int titled = 0;
            for (const EntryOverview& entry : m_vault->entries())
                titled += entry.title.value.isEmpty() ? 0 : 1;
            return m_vault->search(QStringLiteral("entry")).empty() || titled == 0
                       ? "error: nothing listed"
                       : "ok";
        }
        if (verb == "open") { // `tessera-cli show`: details held until "close"
            auto id = m_vault->resolve(argument);
            if (!id)
                return "error: " + id.error().message.toUtf8();
            auto details = m_vault->details(*id);
            if (!details)
                return "error: " + details.error().message.toUtf8();
            m_open.push_back(std::move(*details));
            return "ok";
        }
        if (verb == "close") {
            m_open.clear();
            return "ok";
        }
        if (verb == "copy") { // `tessera-cli show --password`: printed, then dropped
            auto id = m_vault->resolve(argument);
            if (!id)
                return "error: " + id.error().message.toUtf8();
            auto details = m_vault->details(*id);
            if (!details)
                return "error: " + details.error().message.toUtf8();
            const int sink = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
            const SecureBuffer& password = details->password.value;
            const bool written =
                ::write(sink, password.data(), password.size()) == ssize_t(password.size());
            ::close(sink);
            return written ? "ok" : "error: write";
        }
        if (verb == "passwd") { // `tessera-cli edit --password`: the new one on the next line
            SecureBuffer password = readSecretLine();
            auto id = m_vault->resolve(argument);
            if (!id)
                return "error: " + id.error().message.toUtf8();
            EntryChanges changes;
            changes.password = std::move(password);
            if (Status edited = m_vault->edit(*id, std::move(changes)); !edited)
                return "error: " + edited.error().message.toUtf8();
            if (Status published = m_vault->publish(); !published)
                return "error: " + published.error().message.toUtf8();
            return "ok";
        }
        if (verb == "lock") {
            m_open.clear();
            m_vault->lock();
            m_vault.reset();
            return "ok";
        }
        return "error: unknown command " + verb;
    }

private:
    QString m_path;
    SystemClock m_clock;
    Device m_device;
    std::unique_ptr<Vault> m_vault;
    std::vector<EntryDetails> m_open;
};

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 3 || !initializeCrypto().ok()) {
        reply("error: usage: residue_core_child VAULT_FILE DATA_DIR");
        return 2;
    }
    CoreFlow flow(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    for (;;) {
        const QByteArray command = readCommand();
        if (command.isEmpty() || command == "quit")
            return 0;
        reply(flow.run(command));
    }
}
