#include "ResidueHarness.h"

#include "common/Clock.h"
#include "crypto/SecureBuffer.h"
#include "vault/Vault.h"

#include <QDir>
#include <QMap>
#include <QProcessEnvironment>
#include <QRandomGenerator>

namespace tessera::test {

namespace {

constexpr int ChildTimeoutMs = 60 * 1000;
// The minimum Argon2id cost (1 iteration, 8 KiB), as in every test.
constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};

SecureBuffer toSecure(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return SecureBuffer::copyOf(utf8.constData(), std::size_t(utf8.size()));
}

} // namespace

QString randomSecret(int length, bool nonAscii) {
    static const QString Alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@^_~");
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(Alphabet.at(QRandomGenerator::system()->bounded(Alphabet.size())));
    if (nonAscii) // NFC-stable, so the app's and the CLI's normalisation keep it as typed
        text.insert(length / 2, QChar(0x00E9));
    return text;
}

ResidueHarness::ResidueHarness() {
    QDir().mkpath(path(QStringLiteral("cloud")));
    QDir().mkpath(path(QStringLiteral("parent-data")));
    QDir().mkpath(childDataDir());
    m_secrets.append({QStringLiteral("master"), QStringLiteral("master"), randomSecret(24, true)});
    for (int i = 0; i < EntryCount; ++i) {
        const QString entry = QStringLiteral("entry%1").arg(i);
        m_secrets.append(
            {entry + QStringLiteral(".password"), QStringLiteral("password"), randomSecret(20)});
        // Two lines: a text widget keeps each line (block) apart, so each is a needle.
        m_secrets.append({entry + QStringLiteral(".notes"), QStringLiteral("notes"),
                          QStringLiteral("PIN %1 for the safe\nrecovery %2")
                              .arg(randomSecret(12), randomSecret(16))});
        // What an entry's password is changed to during the flow.
        m_secrets.append({QStringLiteral("new%1.password").arg(i), QStringLiteral("password"),
                          randomSecret(22)});
    }
    m_secrets.append({QStringLiteral("canary"), QStringLiteral("canary"), randomSecret(20)});
}

ResidueHarness::~ResidueHarness() {
    stop();
}

const Secret* ResidueHarness::secret(const QString& id) const {
    for (const Secret& s : m_secrets) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void ResidueHarness::addSecret(const QString& id, const QString& kind, const QString& text) {
    m_secrets.append({id, kind, text});
}

QString ResidueHarness::createVault() {
    SystemClock clock;
    const Device device{path(QStringLiteral("parent-data")), &clock};
    Vault::CreateOptions options;
    options.name = QStringLiteral("Residue");
    options.kdf = FastKdf;
    auto created = Vault::create(device, vaultPath(),
                                 toSecure(secret(QStringLiteral("master"))->text), options);
    if (!created)
        return created.error().message;
    Vault& vault = **created;
    for (int i = 0; i < EntryCount; ++i) {
        const QString entry = QStringLiteral("entry%1").arg(i);
        EntryChanges changes;
        changes.title = title(i);
        changes.username = QStringLiteral("user%1@example.com").arg(i);
        changes.urls = QStringList{QStringLiteral("https://site%1.example/login").arg(i)};
        changes.password = toSecure(secret(entry + QStringLiteral(".password"))->text);
        changes.notes = toSecure(secret(entry + QStringLiteral(".notes"))->text);
        if (auto added = vault.add(std::move(changes)); !added)
            return added.error().message;
    }
    if (Status published = vault.publish(); !published)
        return published.error().message;
    vault.lock();
    return {};
}

QString ResidueHarness::start(const QString& program, const QStringList& arguments,
                              const QStringList& environment, bool wipingAllocator) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& variable : environment) {
        const qsizetype equals = variable.indexOf(QLatin1Char('='));
        env.insert(variable.left(equals), variable.mid(equals + 1));
    }
    if (wipingAllocator && underAddressSanitizer()) {
        // ASan owns the allocator (ui/WipeOnFree.cpp is not built): have it fill every freed
        // block, as the real app's allocator wipes it, instead of keeping it as it was.
        const QString fill = QStringLiteral("max_free_fill_size=2147483647:free_fill_byte=0");
        const QString options = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   options.isEmpty() ? fill : options + QLatin1Char(':') + fill);
    }
    m_child.setProcessEnvironment(env);
    m_child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_child.start(program, arguments);
    if (!m_child.waitForStarted(ChildTimeoutMs))
        return QStringLiteral("cannot start %1: %2").arg(program, m_child.errorString());
    return {};
}

QByteArray ResidueHarness::readLine() {
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n');
        if (newline >= 0) {
            const QByteArray line = m_pending.left(newline);
            m_pending.remove(0, newline + 1);
            return line;
        }
        if (m_child.state() != QProcess::Running && m_child.bytesAvailable() == 0)
            return "error: the child exited";
        if (!m_child.waitForReadyRead(ChildTimeoutMs) && m_child.bytesAvailable() == 0)
            return "error: no answer from the child";
        m_pending.append(m_child.readAll());
    }
}

QByteArray ResidueHarness::send(const QString& command) {
    QString line = command;
    QByteArray secretLine;
    const qsizetype space = command.lastIndexOf(QLatin1Char(' '));
    if (space > 0) {
        if (const Secret* s = secret(command.mid(space + 1))) {
            line = command.left(space);
            secretLine = s->text.toUtf8() + '\n';
        }
    }
    m_child.write(line.toUtf8() + '\n' + secretLine);
    m_child.waitForBytesWritten(ChildTimeoutMs);
    return readLine();
}

void ResidueHarness::stop() {
    if (m_child.state() == QProcess::NotRunning)
        return;
    m_child.write("quit\n");
    m_child.closeWriteChannel();
    if (!m_child.waitForFinished(ChildTimeoutMs)) {
        m_child.kill();
        m_child.waitForFinished();
    }
}

QList<Needle> ResidueHarness::needles(QList<QString>* owners) const {
    QList<Needle> result;
    for (const Secret& s : m_secrets) {
        // Each line of a multi-line secret on its own: text widgets store lines apart.
        const QStringList lines = s.text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString label =
                lines.size() > 1 ? QStringLiteral("%1 line %2").arg(s.id).arg(i + 1) : s.id;
            for (const Needle& needle : needlesFor(label, lines.at(i))) {
                result.append(needle);
                owners->append(s.id);
            }
        }
    }
    return result;
}

QStringList ResidueHarness::check(const QString& flow, const Checkpoint& checkpoint) {
    QStringList problems;
    for (const QString& command : checkpoint.commands) {
        QByteArray answer = send(command);
        // "generate" first reports the password the child generated (hex), then answers.
        if (command == QLatin1String("generate") && answer != "ok" && !answer.startsWith("error")) {
            addSecret(QStringLiteral("generated"), QStringLiteral("password"),
                      QString::fromUtf8(QByteArray::fromHex(answer)));
            answer = readLine();
        }
        if (answer != "ok")
            problems.append(
                QStringLiteral("command '%1': %2")
                    .arg(command.section(QLatin1Char(' '), 0, 0), QString::fromUtf8(answer)));
    }
    if (!problems.isEmpty())
        return problems;

    QList<QString> owners;
    m_lastNeedles = needles(&owners);
    m_lastScan = scanProcess(childPid(), m_lastNeedles);
    if (!m_lastScan.ok())
        return {m_lastScan.error};

    // One table row: hits per kind and encoding, the allowed ones marked with '*'.
    QMap<QString, int> perKind;               // "password utf8"
    QMap<QString, int> foundUtf8, foundUtf16; // per secret id
    for (qsizetype n = 0; n < m_lastNeedles.size(); ++n) {
        const Secret* s = secret(owners.at(n));
        const bool utf16 = m_lastNeedles.at(n).label.endsWith(QLatin1String("(UTF-16)"));
        const int count = m_lastScan.counts.at(n);
        if (s->kind != QLatin1String("canary")) {
            const QString column =
                s->kind +
                (checkpoint.allowed.contains(s->id) ? QStringLiteral("(shown)") : QString());
            perKind[column + (utf16 ? QStringLiteral(" utf16") : QStringLiteral(" utf8"))] += count;
        }
        (utf16 ? foundUtf16 : foundUtf8)[s->id] += count;
        if (count > 0 && !checkpoint.allowed.contains(s->id) && s->kind != QLatin1String("canary"))
            problems.append(
                QStringLiteral("%1: %2 copies").arg(m_lastNeedles.at(n).label).arg(count));
    }
    for (const QString& id : checkpoint.present) {
        if (foundUtf8.value(id) == 0)
            problems.append(QStringLiteral("%1 not found although the child holds it: the scan "
                                           "does not see it")
                                .arg(id));
    }
    for (const QString& id : checkpoint.presentUtf16) {
        if (foundUtf16.value(id) == 0)
            problems.append(
                QStringLiteral("%1 not found as UTF-16 although the child holds it").arg(id));
    }
    QStringList row;
    for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
        row.append(QStringLiteral("%1=%2").arg(it.key(), QString::number(it.value())));
    qInfo("RESIDUE %s %s: %s (scanned %lld MiB)", qPrintable(flow), qPrintable(checkpoint.name),
          qPrintable(row.join(QStringLiteral(", "))), m_lastScan.bytesScanned >> 20);
    if (!problems.isEmpty()) {
        for (const QString& line : m_lastScan.describeHits(m_lastNeedles))
            qInfo("  %s", qPrintable(line));
    }
    return problems;
}

} // namespace tessera::test
