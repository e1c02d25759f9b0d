#include "QrCode.h"

#include "crypto/Crypto.h"

#include <QCoreApplication>

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace tessera::ui {

namespace {

constexpr unsigned char DarkPixel = 0;
constexpr unsigned char LightPixel = 255;
constexpr unsigned char DarkModuleBit = 0x01; // libqrencode: bit 0 of each byte is the colour
constexpr int AnyVersion = 0;                 // let libqrencode pick the smallest that fits

struct QrCodeDeleter {
    void operator()(QRcode* code) const {
        if (code->data)
            wipe(code->data, std::size_t(code->width) * std::size_t(code->width));
        QRcode_free(code);
    }
};

} // namespace

Result<QrImage> renderQrCode(const SecureBuffer& text, int pixelsPerModule) {
    if (text.empty())
        return Error{ErrorCode::InvalidArgument,
                     QCoreApplication::translate("tessera::ui::QrCode",
                                                 "there is nothing to show as a QR code")};
    if (pixelsPerModule < 1)
        return Error{ErrorCode::InvalidArgument,
                     QCoreApplication::translate("tessera::ui::QrCode",
                                                 "a QR module needs at least one pixel")};
    errno = 0;
    std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeData(int(text.size()), text.data(), AnyVersion, QR_ECLEVEL_M));
    if (!code) {
        if (errno == ERANGE)
            return Error{ErrorCode::TooLarge,
                         QCoreApplication::translate("tessera::ui::QrCode",
                                                     "the text is too long for a QR code")};
        return Error{ErrorCode::InvalidArgument,
                     QCoreApplication::translate("tessera::ui::QrCode",
                                                 "libqrencode could not encode the text: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    }

    QrImage qr;
    qr.modules = code->width;
    qr.pixelsPerModule = pixelsPerModule;
    const int side = (qr.modules + 2 * QrQuietZoneModules) * pixelsPerModule;
    qr.image = QImage(side, side, QImage::Format_Grayscale8);
    qr.image.fill(LightPixel);
    for (int y = 0; y < qr.modules; ++y) {
        for (int x = 0; x < qr.modules; ++x) {
            if (!(code->data[y * qr.modules + x] & DarkModuleBit))
                continue;
            const int top = (y + QrQuietZoneModules) * pixelsPerModule;
            const int left = (x + QrQuietZoneModules) * pixelsPerModule;
            for (int row = top; row < top + pixelsPerModule; ++row)
                std::memset(qr.image.scanLine(row) + left, DarkPixel, std::size_t(pixelsPerModule));
        }
    }
    return qr;
}

void wipeQrImage(QImage& image) {
    if (!image.isNull())
        image.fill(Qt::white);
}

} // namespace tessera::ui
