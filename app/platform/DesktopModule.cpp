#include "DesktopModule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>

namespace tessera {

namespace {

struct LoadedModule {
    DesktopServices* services = nullptr;
    Error error{ErrorCode::Io, {}};
};

Error moduleError(const QString& reason) {
    return makeError(ErrorCode::Io, reason);
}

LoadedModule loadModule() {
    auto path = desktopModulePath();
    if (!path)
        return {nullptr, path.error()};
    const QByteArray file = QFile::encodeName(*path);
    // An absolute path: dlopen searches nothing. RTLD_NOW: a symbol the executable does not
    // provide fails here, with a message, rather than at its first call.
    void* handle = dlopen(file.constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return {nullptr, moduleError(QString::fromLocal8Bit(dlerror()))};
    void* symbol = dlsym(handle, DesktopServicesFactory);
    if (!symbol) {
        dlclose(handle);
        return {nullptr, moduleError(QStringLiteral("%1 has no %2")
                                         .arg(*path, QString::fromLatin1(DesktopServicesFactory)))};
    }
    const auto factory = reinterpret_cast<DesktopServicesFactoryFunction>(symbol);
    DesktopServices* services = factory(DesktopServicesVersion);
    if (!services) {
        dlclose(handle);
        return {nullptr,
                moduleError(QStringLiteral("%1 is from another build of Tessera").arg(*path))};
    }
    return {services, {}}; // the handle stays open for the process's lifetime
}

} // namespace

Result<QString> desktopModulePath() {
    // The executable's own file as the kernel knows it; Qt's applicationDirPath() would fall back
    // to argv[0] and PATH.
    const QString self = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
    if (self.isEmpty() || !QFileInfo(self).isAbsolute())
        return moduleError(QStringLiteral("/proc/self/exe does not name tessera-cli's file"));
    return QDir::cleanPath(QFileInfo(self).absolutePath() + QLatin1Char('/') +
                           QStringLiteral(TESSERA_DESKTOP_MODULE_RELDIR) + QLatin1Char('/') +
                           QStringLiteral(TESSERA_DESKTOP_MODULE_FILE));
}

Result<DesktopServices*> desktopServices(const QString& purpose) {
    static const LoadedModule module = loadModule(); // dlopen is per process anyway
    if (!module.services)
        return makeError(ErrorCode::Io,
                         QStringLiteral("%1 needs tessera's desktop module, which cannot be "
                                        "loaded: %2")
                             .arg(purpose, module.error.message));
    return module.services;
}

DeviceSecretKeyStore deviceSecretKeyStore(const QString& dataDir) {
#ifdef TESSERA_HAVE_QTKEYCHAIN
    if (keyringAllowed()) {
        auto services = desktopServices(QStringLiteral("the desktop keyring"));
        if (!services)
            return DeviceSecretKeyStore(dataDir, services.error());
        return DeviceSecretKeyStore(dataDir, (*services)->openKeyring());
    }
#endif
    return DeviceSecretKeyStore(dataDir, std::unique_ptr<SecretKeyStore>());
}

} // namespace tessera
