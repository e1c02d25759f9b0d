// The residue measurement of tst_residue_core, run against KeePassXC's command line for the
// comparison in SECURITY.md (a measurement, not a test: it asserts nothing about KeePassXC).
// It makes a KeePassXC database with random secrets, opens it in keepassxc-cli's interactive
// mode (a child of this process, password on stdin), and after each step counts the copies of the
// master password and of every entry password and notes in the child's memory (MemoryScan.h).
//
// usage: residue_keepassxc [KEEPASSXC_CLI]     (default: keepassxc-cli from PATH)
// keepassxc-cli makes itself non-dumpable, so reading its memory needs CAP_SYS_PTRACE (root in a
// container, or ptrace_scope 0 plus the capability).

#include "MemoryScan.h"
#include "ResidueHarness.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace tessera::test;

namespace {

constexpr int EntryCount = 5;
constexpr int StepMs = 1500;

QString g_cli;

bool runCli(const QStringList& args, const QByteArray& input) {
    QProcess process;
    process.start(g_cli, args);
    if (!process.waitForStarted())
        return false;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    if (process.exitCode() != 0)
        std::fprintf(stderr, "%s %s: %s\n", qPrintable(g_cli), qPrintable(args.value(0)),
                     process.readAllStandardError().constData());
    return process.exitCode() == 0;
}

struct Secrets {
    QString master;
    QStringList passwords;
    QStringList notes;
};

void report(const char* step, pid_t pid, const Secrets& s) {
    QList<Needle> needles = needlesFor(QStringLiteral("master"), s.master);
    for (int i = 0; i < EntryCount; ++i) {
        needles += needlesFor(QStringLiteral("password%1").arg(i), s.passwords.at(i));
        needles += needlesFor(QStringLiteral("notes%1").arg(i), s.notes.at(i));
    }
    const ScanResult scan = scanProcess(pid, needles);
    if (!scan.ok()) {
        std::printf("%s: %s\n", step, qPrintable(scan.error));
        return;
    }
    int master[2] = {0, 0}, passwords[2] = {0, 0}, notes[2] = {0, 0};
    QSet<QString> entriesSeen; // entries with a copy of their password in either encoding
    for (int n = 0; n < needles.size(); ++n) {
        const QString& label = needles.at(n).label;
        const bool utf16 = label.endsWith(QLatin1String("(UTF-16)"));
        int* column = label.startsWith(QLatin1String("master"))     ? master
                      : label.startsWith(QLatin1String("password")) ? passwords
                                                                    : notes;
        column[utf16 ? 1 : 0] += scan.counts.at(n);
        if (label.startsWith(QLatin1String("password")) && scan.counts.at(n) > 0)
            entriesSeen.insert(label.section(QLatin1Char(' '), 0, 0));
    }
    const int passwordsSeen = int(entriesSeen.size());
    std::printf("RESIDUE keepassxc %-16s master utf8=%d utf16=%d | passwords utf8=%d utf16=%d "
                "(%d of %d entries) | notes utf8=%d utf16=%d  (scanned %lld MiB)\n",
                step, master[0], master[1], passwords[0], passwords[1], passwordsSeen, EntryCount,
                notes[0], notes[1], scan.bytesScanned >> 20);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    g_cli = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("keepassxc-cli");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("residue.kdbx"));
    Secrets s;
    s.master = randomSecret(24);
    for (int i = 0; i < EntryCount; ++i) {
        s.passwords.append(randomSecret(20));
        s.notes.append(QStringLiteral("PIN %1 for the safe").arg(randomSecret(16)));
    }
    const QByteArray master = s.master.toUtf8() + '\n';
    if (!runCli({QStringLiteral("db-create"), QStringLiteral("-q"), QStringLiteral("-p"),
                 QStringLiteral("-t"), QStringLiteral("100"), db},
                master + master))
        return 1;
    for (int i = 0; i < EntryCount; ++i) {
        const QByteArray password = s.passwords.at(i).toUtf8() + '\n';
        if (!runCli({QStringLiteral("add"), QStringLiteral("-q"), QStringLiteral("-p"),
                     QStringLiteral("--notes"), s.notes.at(i), db,
                     QStringLiteral("Entry %1").arg(i)},
                    master + password + password))
            return 1;
    }

    QProcess shell;
    shell.setProcessChannelMode(QProcess::MergedChannels);
    shell.start(g_cli, {QStringLiteral("open"), db});
    if (!shell.waitForStarted())
        return 1;
    const pid_t pid = pid_t(shell.processId());
    const auto step = [&shell](const QByteArray& command) {
        if (!command.isEmpty())
            shell.write(command + '\n');
        shell.waitForBytesWritten();
        QThread::msleep(StepMs);
        shell.readAll();
    };
    step(master.chopped(1));
    report("unlocked-idle", pid, s);
    step("ls");
    report("listed", pid, s);
    step("show -s \"Entry 1\"");
    step("show -s \"Entry 3\"");
    report("two-shown", pid, s);
    step("close");
    report("closed", pid, s);
    shell.write("exit\n");
    shell.closeWriteChannel();
    shell.waitForFinished();
    return 0;
}
