// tessera: the desktop app. Wiring only; the windows live in ui/.
#include "VaultController.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    if (!tessera::initializeCrypto().ok()) {
        std::fputs("tessera: libsodium failed to initialise\n", stderr);
        return 1;
    }
    tessera::SystemClock clock;
    tessera::ui::VaultController controller(tessera::Device{tessera::defaultDataDir(), &clock});
    return 0;
}
