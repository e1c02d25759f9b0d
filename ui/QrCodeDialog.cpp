#include "QrCodeDialog.h"

#include "QrCode.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace tessera::ui {

namespace {

constexpr int TargetSideLogicalPx = 260; // about the size phone cameras read at arm's length

// Paints the dialog's image unscaled (its device pixel ratio set), so there is no pixmap copy
// of the secret that could not be wiped.
class QrView final : public QWidget {
public:
    QrView(const QImage& image, QWidget* parent)
        : QWidget(parent)
        , m_image(image) {}
    QSize sizeHint() const override {
        return m_image.isNull() ? QSize() : m_image.deviceIndependentSize().toSize();
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent*) override {
        if (m_image.isNull())
            return;
        QPainter painter(this);
        const QSizeF size = m_image.deviceIndependentSize();
        const QPointF topLeft((width() - size.width()) / 2, (height() - size.height()) / 2);
        painter.drawImage(topLeft, m_image);
    }

private:
    const QImage& m_image;
};

} // namespace

QrCodeDialog::QrCodeDialog(const SecureBuffer& uri, const QString& title, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Two-factor QR code"));
    auto* layout = new QVBoxLayout(this);

    auto* heading = new QLabel(this);
    heading->setTextFormat(Qt::PlainText);
    heading->setText(title.isEmpty() ? tr("Scan with your authenticator app")
                                     : tr("Scan with your authenticator app: %1").arg(title));
    heading->setWordWrap(true);
    layout->addWidget(heading);

    m_view = new QrView(m_image, this);
    m_view->setAccessibleName(tr("QR code of the two-factor secret"));
    layout->addWidget(m_view, 1);

    // Whole device pixels per module: a QR code scaled by a fraction blurs its module edges.
    const qreal ratio = devicePixelRatioF();
    const double targetPx = TargetSideLogicalPx * ratio;
    auto probe = renderQrCode(uri, 1);
    if (probe) {
        const int modules = probe->modules + 2 * QrQuietZoneModules;
        wipeQrImage(probe->image);
        const int scale = std::max(1, int(std::lround(targetPx / modules)));
        auto qr = renderQrCode(uri, scale);
        if (qr) {
            m_image = std::move(qr->image);
            m_image.setDevicePixelRatio(ratio);
            m_view->updateGeometry();
        } else {
            m_error = qr.error().message;
        }
    } else {
        m_error = probe.error().message;
    }
    if (!m_error.isEmpty()) {
        auto* error = new QLabel(tr("Cannot show a QR code: %1").arg(m_error), this);
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        layout->addWidget(error);
    }

    auto* warning = new QLabel(this);
    warning->setTextFormat(Qt::PlainText);
    warning->setWordWrap(true);
    warning->setText(tr("Anyone who sees this code — in person, on a screen share or in a "
                        "screenshot — can copy your two-factor login to their own device. "
                        "Close this window as soon as your phone has scanned it."));
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);
    layout->addWidget(warning);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    layout->addWidget(buttons);
}

QrCodeDialog::~QrCodeDialog() {
    wipe();
}

void QrCodeDialog::done(int result) {
    wipe();
    QDialog::done(result);
}

void QrCodeDialog::wipe() {
    wipeQrImage(m_image);
    m_view->update();
}

} // namespace tessera::ui
