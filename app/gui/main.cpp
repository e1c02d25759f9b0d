// tessera: the desktop app. Wiring only; the windows live in ui/.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "MainWindow.h"
#include "QuitOnSignal.h"
#include "SingleInstance.h"
#include "Theme.h"
#include "Translations.h"
#include "UnlockPage.h"
#include "VaultController.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/resource.h>

namespace {

const char Usage[] =
    "Usage: tessera [VAULT_FILE]\n"
    "       tessera --quick\n"
    "\n"
    "Tessera, the password manager. Opens VAULT_FILE's unlock screen (without one: the last\n"
    "vault, or the first-run screen to create or open one). Only one Tessera runs per user: a\n"
    "second launch hands its arguments to the running one and raises its window.\n"
    "\n"
    "Options:\n"
    "  --quick      the quick access search box of the running Tessera (unlocking first):\n"
    "               type to filter, Enter copies the password, Shift+Enter the username\n"
    "  --version    print the version and exit\n"
    "  -h, --help   print this help and exit\n"
    "\n"
    "Environment: TESSERA_DATA_DIR (local data folder, default ~/.local/share/tessera).\n";

// No core dumps and no ptrace attach by other processes of this user: an unlocked vault's keys
// are in this process's memory. Every file and folder the app creates is private (0600 / 0700),
// including what Qt writes for it (QSettings' folder and file): umask 077.
void hardenProcess() {
    umask(077);
    const struct rlimit noCore { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &noCore) != 0)
        std::fputs("tessera: warning: could not disable core dumps\n", stderr);
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        std::fputs("tessera: warning: could not disable ptrace attach\n", stderr);
}

// --version and --help work without a display, so they are answered before Qt starts.
int earlyExit(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("tessera %s\n", TESSERA_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(Usage, stdout);
            return 0;
        }
    }
    // Qt's own options have one dash (-platform, -style); ours have two.
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--", 2) == 0 && std::strcmp(argv[i], "--quick") != 0) {
            std::fprintf(stderr, "tessera: unknown option %s (see tessera --help)\n", argv[i]);
            return 2;
        }
    }
    return -1;
}

// What is left after Qt took its own options: --quick and at most one vault file.
bool parseArguments(const QStringList& arguments, QStringList* out) {
    bool havePath = false;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--quick")) {
            out->append(argument);
        } else if (argument.startsWith(QLatin1Char('-'))) {
            std::fprintf(stderr, "tessera: unknown option %s (see tessera --help)\n",
                         qPrintable(argument));
            return false;
        } else if (havePath) {
            std::fputs("tessera: give one vault file at most (see tessera --help)\n", stderr);
            return false;
        } else {
            havePath = true;
            // Absolute: a running instance may have another working directory.
            out->append(QFileInfo(argument).absoluteFilePath());
        }
    }
    return true;
}

} // namespace

int main(int argc, char* argv[]) {
    hardenProcess();
    if (const int code = earlyExit(argc, argv); code >= 0)
        return code;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(TESSERA_APP_ID)); // packaging/CMakeLists.txt
    // The system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) for the windows; the messages
    // on stdout/stderr stay English like tessera-cli's.
    tessera::ui::translations::install(app, QLocale::system());
    QApplication::setQuitOnLastWindowClosed(false); // MainWindow decides (tray or not)
    tessera::ui::theme::initResources();
    QApplication::setWindowIcon(tessera::ui::theme::appIcon());

    // Installed before the single-instance socket appears, so a SIGTERM from then on quits
    // cleanly. The byte it writes is read inside exec(), when the window exists.
    tessera::ui::MainWindow* mainWindow = nullptr;
    const QuitOnSignal quitOnSignal([&mainWindow] {
        if (mainWindow)
            mainWindow->quitApp();
        else
            QCoreApplication::quit();
    });

    QStringList arguments;
    if (!parseArguments(QApplication::arguments().mid(1), &arguments))
        return 2;

    tessera::ui::SingleInstance instance;
    if (instance.forwardToRunning(arguments))
        return 0; // the running Tessera took over
    if (!instance.listen())
        std::fputs("tessera: warning: cannot listen for a second launch\n", stderr);

    if (!tessera::initializeCrypto().ok()) {
        std::fputs("tessera: libsodium failed to initialise\n", stderr);
        return 1;
    }
    const QString dataDir = QDir::cleanPath(tessera::defaultDataDir());
    if (tessera::Status made = tessera::makePrivateDir(dataDir); !made) {
        const QString message = QApplication::translate("main", "Tessera cannot use its data "
                                                                "folder %1: %2")
                                    .arg(dataDir, made.error().message);
        std::fprintf(stderr, "tessera: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Tessera"), message);
        return 1;
    }

    tessera::SystemClock clock;
    tessera::ui::VaultController controller(tessera::Device{dataDir, &clock});
    tessera::ui::AppSettings settings;
    tessera::ui::ClipboardGuard clipboard(settings);
    tessera::ui::MainWindow window(controller, settings, clipboard);
    mainWindow = &window;
    QObject::connect(
        &instance, &tessera::ui::SingleInstance::received, &window,
        [&window](const QStringList& forwarded) { window.handleArguments(forwarded); });

    QString vault;
    for (const QString& argument : arguments) {
        if (!argument.startsWith(QLatin1String("--")))
            vault = argument;
    }
    if (vault.isEmpty() && QFileInfo::exists(settings.lastVault()))
        vault = settings.lastVault();
    window.openVault(vault);
    if (!(settings.startMinimised() && window.hasTray()))
        window.show();
    if (arguments.contains(QStringLiteral("--quick")))
        window.showQuickAccess();

    // For the end-to-end smoke test: report what shows after a moment, then quit as a user would.
    if (const QByteArray smoke = qgetenv("TESSERA_SMOKE_EXIT_MS"); !smoke.isEmpty()) {
        QTimer::singleShot(smoke.toInt(), &window, [&window] {
            QWidget* focus = QApplication::focusWidget();
            std::printf("page=%s focus=%s\n", qPrintable(window.currentPage()->objectName()),
                        focus ? qPrintable(focus->accessibleName()) : "");
            std::fflush(stdout);
            window.quitApp();
        });
    }
    return QApplication::exec();
}
