// The tessera-desktop module: DesktopServices over the platform code that needs QtGui, QtDBus
// and qtkeychain. Built as a CMake MODULE, loaded by tessera-cli only (DesktopModule.cpp); the
// desktop app links the same code directly.

#include "DesktopKeyring.h"
#include "DesktopServices.h"
#include "EmergencyKit.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace tessera {

namespace {

class DesktopServicesModule final : public DesktopServices {
public:
    std::unique_ptr<QCoreApplication> makeGuiApplication(int& argc, char** argv) override {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QGuiApplication>(argc, argv);
    }

    Result<std::unique_ptr<SecretKeyStore>> openKeyring() override { return openDesktopKeyring(); }

    Status writeEmergencyKit(const QString& path, const EmergencyKit& kit, bool replace) override {
        // Drawing text without a QGuiApplication would abort inside Qt: refuse instead.
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the Emergency Kit needs a QGuiApplication"));
        return tessera::writeEmergencyKit(path, kit, replace);
    }
};

} // namespace

} // namespace tessera

extern "C" __attribute__((visibility("default"))) tessera::DesktopServices*
tessera_desktop_services(int version) {
    if (version != tessera::DesktopServicesVersion)
        return nullptr;
    static tessera::DesktopServicesModule services;
    return &services;
}
