#pragma once
// The Emergency Kit: one printable A4 page (PDF, QPdfWriter) with what it takes to open a vault
// that needs a secret key on a new device: the vault's name, id and file, the secret key, the date,
// a blank box for the master password to be written by hand, and short instructions. Written
// 0600 straight to its destination (no temporary file). QPdfWriter keeps its own copies of the page
// content while writing (Qt buffers we cannot wipe); the QString of the key that QPainter needs is
// wiped after drawing.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace tessera {

struct EmergencyKit {
    QString vaultName;
    QByteArray vaultId; // 16 bytes
    QString vaultPath;  // the published vault file
    QDateTime made;
    const SecureBuffer* secretKey = nullptr; // SecretKeyBytes bytes
};

// Needs a QGuiApplication (fonts). replace = false: an existing file is an Io error ("already
// exists"). Symbolic links are never followed. On failure no partial file is left.
Status writeEmergencyKit(const QString& path, const EmergencyKit& kit, bool replace);

// The vault id as the kit prints it: 32 hex digits in groups of four.
QString formatVaultId(const QByteArray& vaultId);

} // namespace tessera
