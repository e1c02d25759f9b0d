#pragma once
// tessera-cli's side of the tessera-desktop module (DesktopServices.h): the module is loaded on
// first use, by the commands that need the keyring or the Emergency Kit, and stays loaded.
//
// It is looked for in one place only, fixed at build time relative to the executable's own file
// (/proc/self/exe, not argv[0]): TESSERA_DESKTOP_MODULE_RELDIR, on Debian
// "../lib/x86_64-linux-gnu/tessera" (app/platform/CMakeLists.txt), in the installed layout
// (/usr/bin/tessera-cli, /usr/lib/x86_64-linux-gnu/tessera/libtessera-desktop.so) and in the
// build tree, which mirrors it. Never through LD_LIBRARY_PATH, the current folder or any other
// variable: the module handles secret keys.

#include "DesktopServices.h"
#include "DeviceSecretKeyStore.h"

#include "common/Result.h"

#include <QString>

namespace tessera {

// Where the module is for this executable.
Result<QString> desktopModulePath();

// The module's services, loaded on the first call; later calls give the same services, or the
// same failure: an Io error, one line "PURPOSE needs tessera's desktop module, which cannot be
// loaded: " and the module's path and why (purpose: what the caller wanted, "the Emergency Kit").
Result<DesktopServices*> desktopServices(const QString& purpose);

// The secret key store of this device as tessera-cli uses it. The module is loaded only when
// a keyring could hold the key (keyringAllowed(), and Tessera was built with qtkeychain); when
// it cannot be loaded the store reads key files only and refuses to save (DeviceSecretKeyStore).
DeviceSecretKeyStore deviceSecretKeyStore(const QString& dataDir);

} // namespace tessera
