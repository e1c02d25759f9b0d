#pragma once
// The boundary between tessera-cli and its tessera-desktop module: what the command line needs
// from QtGui, QtDBus and qtkeychain, loaded only by the commands that need it (DesktopModule.h)
// so every other command starts without mapping those libraries.
//
// One abstract class and one extern "C" factory. The module is built with tessera-cli, by the
// same compiler against the same Qt, and only ever loaded into that tessera-cli: C++ types cross
// the boundary as they are. The module does not link core: core's functions it calls
// (SecureBuffer, wipe, the secret key's text form) resolve to the executable's own copy
// (tessera-cli exports the symbols of namespace tessera: app/CMakeLists.txt), so one copy of
// core's code and state serves both, and a symbol the executable lacks fails the load itself.

#include "EmergencyKit.h"

#include "common/Result.h"
#include "vault/SecretKeyStore.h"

#include <memory>

class QCoreApplication;

namespace tessera {

class DesktopServices {
public:
    virtual ~DesktopServices() = default;

    // Made instead of the QCoreApplication by commands that draw the Emergency Kit: a
    // QGuiApplication (fonts) on the offscreen platform, so no display is needed. argc must
    // outlive it, as for any QCoreApplication.
    virtual std::unique_ptr<QCoreApplication> makeGuiApplication(int& argc, char** argv) = 0;
    // The desktop keyring (openDesktopKeyring(), DesktopKeyring.h); null when there is none.
    virtual Result<std::unique_ptr<SecretKeyStore>> openKeyring() = 0;
    // writeEmergencyKit (EmergencyKit.h); needs the application from makeGuiApplication.
    virtual Status writeEmergencyKit(const QString& path, const EmergencyKit& kit,
                                     bool replace) = 0;
};

// Raised whenever DesktopServices changes, so a module left from another build is refused
// instead of called through a different vtable.
inline constexpr int DesktopServicesVersion = 1;

// The module's one exported symbol:
//   extern "C" tessera::DesktopServices* tessera_desktop_services(int version);
// It returns null when version is not its own DesktopServicesVersion. The object lives as long
// as the process (the module is never unloaded).
inline constexpr char DesktopServicesFactory[] = "tessera_desktop_services";
using DesktopServicesFactoryFunction = DesktopServices* (*)(int version);

} // namespace tessera
