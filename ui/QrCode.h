#pragma once
// QR codes of secret text (an otpauth:// URI) through libqrencode, drawn into a QImage with whole
// pixels per module so it stays crisp at any size. libqrencode's own module matrix is wiped before
// it is freed; the image itself shows the secret, so its owner fills it white when done.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QImage>

namespace tessera::ui {

// Modules of white border around the symbol, as the QR specification asks for.
inline constexpr int QrQuietZoneModules = 4;

struct QrImage {
    QImage image;    // Format_Grayscale8: 0 = dark module, 255 = light
    int modules = 0; // symbol width in modules, without the quiet zone
    int pixelsPerModule = 0;
};

// Encodes the bytes (8-bit mode, error correction level M) and draws them with pixelsPerModule
// pixels per module (>= 1) and the quiet zone. InvalidArgument for empty input, TooLarge when the
// text does not fit the largest QR version.
Result<QrImage> renderQrCode(const SecureBuffer& text, int pixelsPerModule);

// Overwrites the image's pixels (the secret it shows) with white.
void wipeQrImage(QImage& image);

} // namespace tessera::ui
