#pragma once
// Shows an otpauth:// URI as a QR code, for moving a two-factor secret to a phone, with a plain
// warning that whoever sees the code can clone the second factor. The image is wiped (filled
// white) when the dialog closes; the URI itself is not kept.

#include "crypto/SecureBuffer.h"

#include <QDialog>
#include <QImage>
#include <QString>

namespace tessera::ui {

class QrCodeDialog : public QDialog {
    Q_OBJECT
public:
    // title: what the code is for (the entry's title), shown above the code.
    QrCodeDialog(const SecureBuffer& uri, const QString& title, QWidget* parent = nullptr);
    ~QrCodeDialog() override;

    // The image shown (null if the URI could not be encoded); for tests.
    const QImage& image() const { return m_image; }
    // Empty unless encoding failed.
    QString errorText() const { return m_error; }

protected:
    void done(int result) override;

private:
    void wipe();

    QWidget* m_view = nullptr;
    QImage m_image;
    QString m_error;
};

} // namespace tessera::ui
