// tessera-cli: the command line over Tessera's vault API. Wiring only: hardening, crypto start-up,
// and dispatch to one Cmd*.cpp file per subcommand.

#include "CliCommon.h"
#include "Commands.h"
#include "DesktopModule.h"

#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

#include <malloc.h>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tessera;
using namespace tessera::cli;

namespace {

// No core dumps and no ptrace attach by other processes of this user: either would expose keys.
// Every file and folder it creates is private (0600 / 0700), also where a missing folder is made
// on the way (the data folder's parents): umask 077.
void hardenProcess() {
    umask(077);
    const struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

QString mainHelp() {
    QString text = QStringLiteral(
        "Usage: tessera-cli COMMAND [options] VAULT [arguments]\n"
        "       tessera-cli help COMMAND | COMMAND --help | --version\n"
        "\n"
        "Tessera keeps passwords in one encrypted vault file (NAME.tessera) that is safe to keep\n"
        "in any cloud folder.\n"
        "\n"
        "Commands:\n");
    for (const Command& command : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(QString(command.name).leftJustified(19), command.summary);
    text += QStringLiteral(
        "\n"
        "Secrets are never taken from the command line. On a terminal they are asked for without\n"
        "echo; otherwise standard input is read one line per secret, in this order:\n"
        "  1. the master password (create and passwd read a new one once; passwd reads the\n"
        "     current password first, then the new one; export --format tessera reads the\n"
        "     current password, then the new vault's once);\n"
        "  2. one line per --password-prompt, --protected-field NAME and --totp-prompt, in the\n"
        "     order these options were given;\n"
        "  3. add/edit --notes-stdin: the notes, everything that is left (several lines).\n"
        "  sync --new-password-prompt and restore-backup --old-password-prompt read the\n"
        "  other master password on the line after the vault's.\n"
        "\n"
        "ENTRY is an entry's 32-digit hex id or its exact title (case-insensitive).\n"
        "\n"
        "Secret key: a vault with a secret key opens only with the master password AND its key.\n"
        "  --secret-key-file FILE  (before or after COMMAND, for every command that opens a\n"
        "      vault) reads the key from FILE: one line T1-XXXXX-..., as in the Emergency Kit;\n"
        "      a warning is printed if FILE is readable by other users. Without it, the key\n"
        "      this device stored for the vault is used (desktop keyring, else a 0600 file in\n"
        "      the data folder; see secret-key remember).\n"
        "\n"
        "Exit codes:\n"
        "  0  success\n"
        "  1  usage error or invalid input (also: an attachment above 16 MiB)\n"
        "  2  wrong master password (or secret key; also: the vault needs a secret key this\n"
        "     device does not have)\n"
        "  3  not a Tessera vault, damaged, made by a newer version, tampered with, or its key\n"
        "     derivation needs more memory than this machine can give\n"
        "     (also: sync left a conflict copy in place; status or sync found a possible\n"
        "     rollback of the vault file)\n"
        "  4  entry or attachment not found, or a title that matches several entries\n"
        "  5  the vault file changed on disk since this device loaded it (merge needed)\n"
        "  6  any other I/O error\n"
        "\n"
        "Files: the vault file is only ever replaced atomically. Working copies, backups and\n"
        "device state live in $TESSERA_DATA_DIR, else $XDG_DATA_HOME/tessera, else\n"
        "~/.local/share/tessera (private to the user).\n");
    return text;
}

int printText(const QString& text, int fd, int exitCode) {
    Output out(fd);
    out.text(text);
    return out.flush() ? exitCode : ExitIo;
}

} // namespace

int main(int argc, char** argv) {
    hardenProcess();
    // Unlock's worker threads grow their malloc heaps in 128 KiB steps by default, one mprotect
    // each (about a thousand at 10k entries); larger steps only reserve address space.
    mallopt(M_TOP_PAD, 16 * 1024 * 1024);
    // The commands that draw the Emergency Kit need fonts: a QGuiApplication on the offscreen
    // platform (no window, no display needed), made by the desktop module, which brings QtGui.
    // Every other command starts with QtCore only.
    std::unique_ptr<QCoreApplication> app;
    if (commandNeedsGui(argc, argv)) {
        auto desktop = desktopServices(QStringLiteral("the Emergency Kit"));
        if (!desktop)
            return fail(desktop.error());
        app = (*desktop)->makeGuiApplication(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("tessera-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    if (auto started = initializeCrypto(); !started)
        return fail(started.error());

    QStringList args = QCoreApplication::arguments().mid(1);
    QString secretKeyFile;
    if (auto exitCode = takeGlobalOptions(args, secretKeyFile))
        return *exitCode;
    if (args.isEmpty())
        return printText(mainHelp(), STDERR_FILENO, ExitUsage);
    const QString& first = args.constFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h"))
        return printText(mainHelp(), STDOUT_FILENO, ExitOk);
    if (first == QLatin1String("--version")) {
        // Asking SQLCipher proves at run time that it, not plain SQLite, is linked.
        const QString cipherVersion = sqlcipherVersion();
        if (cipherVersion.isEmpty()) {
            printError(QStringLiteral("SQLCipher does not answer PRAGMA cipher_version"));
            return ExitIo;
        }
        return printText(QStringLiteral("tessera-cli %1\nSQLCipher %2\n")
                             .arg(QStringLiteral(TESSERA_VERSION), cipherVersion),
                         STDOUT_FILENO, ExitOk);
    }
    if (first == QLatin1String("help")) {
        if (args.size() == 1)
            return printText(mainHelp(), STDOUT_FILENO, ExitOk);
        args = QStringList{args.at(1), QStringLiteral("--help")};
    }
    const Command* command = findCommand(args.constFirst());
    if (!command) {
        printError(QStringLiteral("unknown command '%1' (see: tessera-cli --help)")
                       .arg(args.constFirst()));
        return ExitUsage;
    }

    SystemClock clock;
    Output out(STDOUT_FILENO);
    SecretInput secrets;
    CliContext context(clock, out, secrets);
    context.setSecretKeyFile(secretKeyFile);
    const int exitCode = command->run(context, args);
    if (!out.flush() && exitCode == ExitOk) {
        printError(QStringLiteral("cannot write to standard output"));
        return ExitIo;
    }
#ifndef TESSERA_SANITIZE // (LeakSanitizer checks at a normal exit)
    // The command's vault is locked and its keys wiped; what is left is Qt's and the C++ runtime's
    // teardown, which the process exit does as well (a few ms per command).
    std::fflush(stderr);
    _exit(exitCode);
#endif
    return exitCode;
}
