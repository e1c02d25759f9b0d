#include "SecretKeyOutput.h"

#include "DesktopModule.h"
#include "EmergencyKit.h"
#include "Format.h"
#include "sync/DeviceStore.h"
#include "vault/SecretKey.h"

#include <QDateTime>

namespace tessera::cli {

bool storeAndShowNewKey(CliContext& context, const Vault& vault, const SecureBuffer& key) {
    const VaultInfo info = vault.info();
    DeviceSecretKeyStore keys = deviceSecretKeyStore(defaultDataDir());
    const Status stored = keys.save(info.id, key);
    Output& out = context.out();
    out.line(QStringLiteral("Secret key of \"%1\" (shown once; the vault now opens only with the "
                            "master password AND this key):")
                 .arg(displaySafe(info.name)));
    out.text(QStringLiteral("\n  "));
    out.secret(formatSecretKey(key), Output::SecretStyle::Raw);
    out.text(QStringLiteral("\n\n"));
    if (stored.ok())
        out.line(QStringLiteral("Stored on this device (%1). Other devices need it once: keep it "
                                "in the Emergency Kit (tessera-cli emergency-kit VAULT "
                                "FILE.pdf).")
                     .arg(keys.location()));
    else
        printWarning(QStringLiteral("the key could not be stored on this device (%1): keep the "
                                    "key above, every unlock needs it")
                         .arg(stored.error().message));
    return stored.ok();
}

Status writeKitFor(const Vault& vault, const SecureBuffer& key, const QString& pdfPath,
                   bool replace) {
    const VaultInfo info = vault.info();
    EmergencyKit kit;
    kit.vaultName = info.name;
    kit.vaultId = info.id;
    kit.vaultPath = info.path;
    kit.made = QDateTime::currentDateTime();
    kit.secretKey = &key;
    auto desktop = desktopServices(QStringLiteral("the Emergency Kit"));
    if (!desktop)
        return desktop.error();
    return (*desktop)->writeEmergencyKit(pdfPath, kit, replace);
}

} // namespace tessera::cli
