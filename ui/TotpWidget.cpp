#include "TotpWidget.h"

#include "ClipboardGuard.h"
#include "QrCodeDialog.h"
#include "Theme.h"
#include "crypto/Crypto.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>
#include <QUrl>

#include <algorithm>
#include <string_view>

namespace tessera::ui {

namespace {

constexpr int RingSize = 20;
constexpr qreal CodeFontScale = 1.3;
constexpr qreal RingWidth = 3;
constexpr int TickSlackMs = 5; // wake just after the second turns, not just before
constexpr qint64 MsPerSecond = 1000;
constexpr int TrackAlpha = 80;
const QColor UrgentColor(0xf0, 0x9a, 0x00); // amber, readable on light and dark

constexpr std::string_view OtpauthScheme = "otpauth://";

bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The stored text without surrounding white space.
std::string_view trimmed(const SecureBuffer& text) {
    std::string_view view = text.view();
    while (!view.empty() && isSpace(view.front()))
        view.remove_prefix(1);
    while (!view.empty() && isSpace(view.back()))
        view.remove_suffix(1);
    return view;
}

bool startsWithOtpauth(std::string_view text) {
    if (text.size() < OtpauthScheme.size())
        return false;
    for (std::size_t i = 0; i < OtpauthScheme.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != OtpauthScheme[i])
            return false;
    }
    return true;
}

// The countdown: a circle whose arc is the part of the period left.
class TotpRing final : public QWidget {
public:
    TotpRing(const TotpWidget& totp, QWidget* parent)
        : QWidget(parent)
        , m_totp(totp) {
        setFixedSize(RingSize, RingSize);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(rect()).adjusted(RingWidth / 2 + 1, RingWidth / 2 + 1,
                                                   -RingWidth / 2 - 1, -RingWidth / 2 - 1);
        QColor track = palette().color(QPalette::Mid);
        track.setAlpha(TrackAlpha);
        painter.setPen(QPen(track, RingWidth));
        painter.drawEllipse(box);
        const QColor arc = m_totp.isUrgent() ? UrgentColor : palette().color(QPalette::Highlight);
        painter.setPen(QPen(arc, RingWidth, Qt::SolidLine, Qt::FlatCap));
        constexpr int FullCircle = 360 * 16; // QPainter angles are in 1/16 degree
        constexpr int Top = 90 * 16;
        painter.drawArc(box, Top, int(FullCircle * m_totp.remainingFraction()));
    }

private:
    const TotpWidget& m_totp;
};

// A small QR symbol for the QR button, in the palette's text colour: three finder patterns and a
// few modules on a 12-unit grid (the icon set has no QR icon).
QIcon qrIcon(const QColor& color) {
    constexpr int Units = 12;
    constexpr int UnitPx = 4; // drawn at 48 px, scaled down crisply by QIcon
    QPixmap pixmap(Units * UnitPx, Units * UnitPx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const auto module = [&](int x, int y, int w = 1, int h = 1) {
        painter.drawRect(x * UnitPx, y * UnitPx, w * UnitPx, h * UnitPx);
    };
    for (const QPoint corner : {QPoint(0, 0), QPoint(7, 0), QPoint(0, 7)}) {
        module(corner.x(), corner.y(), 5, 1);
        module(corner.x(), corner.y() + 4, 5, 1);
        module(corner.x(), corner.y() + 1, 1, 3);
        module(corner.x() + 4, corner.y() + 1, 1, 3);
        module(corner.x() + 2, corner.y() + 2);
    }
    for (const QPoint dot : {QPoint(7, 7), QPoint(9, 7), QPoint(8, 8), QPoint(11, 8), QPoint(7, 10),
                             QPoint(10, 10), QPoint(9, 11), QPoint(11, 11)})
        module(dot.x(), dot.y());
    painter.end();
    return QIcon(pixmap);
}

// "123 456", "1234 567", "1234 5678": the first group takes the extra digit.
QString grouped(const SecureBuffer& code) {
    const std::size_t firstGroup = (code.size() + 1) / 2;
    QString text;
    text.reserve(qsizetype(code.size()) + 1); // no reallocation leaves a copy behind
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == firstGroup)
            text.append(QLatin1Char(' '));
        text.append(QLatin1Char(char(code.data()[i])));
    }
    return text;
}

} // namespace

TotpWidget::TotpWidget(ClipboardGuard& clipboard, QWidget* parent, const Clock* clock)
    : QWidget(parent)
    , m_clipboard(clipboard)
    , m_clock(clock ? *clock : m_systemClock) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_ring = new TotpRing(*this, this);
    m_ring->setAccessibleName(tr("Time left for this code"));
    layout->addWidget(m_ring);

    m_code = new QLabel(this);
    m_code->setTextFormat(Qt::PlainText);
    m_code->setTextInteractionFlags(Qt::NoTextInteraction); // copying goes through the guard
    // The platform's fixed font; some platform themes hand over a proportional one there.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!QFontInfo(mono).fixedPitch()) {
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::TypeWriter);
    }
    mono.setPointSizeF(font().pointSizeF() * CodeFontScale);
    mono.setBold(true);
    m_code->setFont(mono);
    m_code->setAccessibleName(tr("One-time code"));
    layout->addWidget(m_code);

    m_note = new QLabel(this);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);

    m_copyButton = new QToolButton(this);
    m_copyButton->setAutoRaise(true);
    m_copyButton->setIcon(theme::icon(QStringLiteral("copy"), QStringLiteral("edit-copy")));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the one-time code (Ctrl+T)"));
    m_copyButton->setAccessibleName(tr("Copy one-time code"));
    connect(m_copyButton, &QToolButton::clicked, this, &TotpWidget::copyCode);
    layout->addWidget(m_copyButton);

    m_qrButton = new QToolButton(this);
    m_qrButton->setAutoRaise(true);
    m_qrButton->setIcon(qrIcon(palette().color(QPalette::WindowText)));
    m_qrButton->setText(tr("QR code"));
    m_qrButton->setToolTip(tr("Show the two-factor secret as a QR code to set up a phone"));
    m_qrButton->setAccessibleName(tr("Show QR code"));
    connect(m_qrButton, &QToolButton::clicked, this, &TotpWidget::showQrCode);
    layout->addWidget(m_qrButton);
    // The buttons stay beside the code; an error or the HOTP counter takes the rest of the row.
    layout->addWidget(m_note, 1);

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TotpWidget::refresh);
    setVisible(false);
}

TotpWidget::~TotpWidget() {
    clear();
}

void TotpWidget::setSecret(SecureBuffer otpauthOrBase32) {
    clear();
    m_secretText = std::move(otpauthOrBase32);
    if (trimmed(m_secretText).empty()) {
        m_secretText.clear();
        return; // stays hidden
    }
    auto spec = parseTotp(m_secretText);
    const bool ok = spec.ok();
    if (ok) {
        m_spec.emplace(std::move(*spec));
    } else {
        m_error = spec.error().message;
        m_note->setText(tr("Cannot make a one-time code: %1").arg(m_error));
    }
    m_ring->setVisible(ok && m_spec->type == OtpType::Totp);
    m_code->setVisible(ok);
    m_copyButton->setVisible(ok);
    m_qrButton->setVisible(ok);
    setVisible(true);
    refresh();
}

void TotpWidget::setAccount(const QString& issuer, const QString& account) {
    m_issuer = issuer;
    m_account = account;
}

void TotpWidget::clear() {
    m_timer.stop();
    m_spec.reset();
    m_secretText.clear();
    m_error.clear();
    setShownText({});
    m_note->clear();
    m_shownCounter = -1;
    m_period = 0;
    m_secondsLeft = 0;
    m_fraction = 0;
    setVisible(false);
}

QString TotpWidget::displayedCode() const {
    return hasCode() ? m_code->text() : QString();
}

void TotpWidget::refresh() {
    if (!m_spec)
        return;
    const qint64 nowMs = std::max<qint64>(0, m_clock.nowMs());
    if (m_spec->type == OtpType::Hotp) {
        if (m_shownCounter != qint64(m_spec->counter)) {
            auto code =
                hotpCode(m_spec->algorithm, m_spec->secret, m_spec->counter, m_spec->digits);
            if (code)
                showCode(*code);
            m_shownCounter = qint64(m_spec->counter);
            m_note->setText(tr("Counter %1 (not advanced by Tessera)").arg(m_spec->counter));
        }
        return;
    }
    const qint64 unixTime = nowMs / MsPerSecond;
    m_period = m_spec->periodSeconds;
    const qint64 step = unixTime / m_period;
    if (step != m_shownCounter) {
        auto code = totpCode(*m_spec, unixTime);
        if (code)
            showCode(*code);
        m_shownCounter = step;
    }
    m_secondsLeft = int(totpSecondsLeft(*m_spec, unixTime));
    const qint64 periodMs = m_period * MsPerSecond;
    m_fraction = double(periodMs - nowMs % periodMs) / double(periodMs);
    m_ring->setAccessibleDescription(tr("%n seconds left", nullptr, m_secondsLeft));
    m_ring->setToolTip(m_ring->accessibleDescription());
    m_ring->update();
    if (isVisible())
        scheduleTick(nowMs);
}

void TotpWidget::scheduleTick(qint64 nowMs) {
    m_timer.start(int(MsPerSecond - nowMs % MsPerSecond) + TickSlackMs);
}

void TotpWidget::showCode(const SecureBuffer& code) {
    setShownText(grouped(code));
}

void TotpWidget::setShownText(const QString& text) {
    // The label lets go of the old text first, so wiping our shared reference wipes the only copy.
    m_code->setText(text);
    tessera::wipe(m_shownText);
    m_shownText = text;
}

void TotpWidget::copyCode() {
    if (!m_spec)
        return;
    const qint64 unixTime = std::max<qint64>(0, m_clock.nowMs()) / MsPerSecond;
    auto code = m_spec->type == OtpType::Hotp
                    ? hotpCode(m_spec->algorithm, m_spec->secret, m_spec->counter, m_spec->digits)
                    : totpCode(*m_spec, unixTime);
    if (!code)
        return;
    m_clipboard.copySecret(*code, tr("one-time code"));
    Q_EMIT codeCopied();
    refresh();
}

SecureBuffer TotpWidget::otpauthUri() const {
    if (!m_spec)
        return {};
    const std::string_view stored = trimmed(m_secretText);
    if (startsWithOtpauth(stored))
        return SecureBuffer::copyOf(stored);

    // A bare base32 secret means the defaults (TOTP, SHA-1, 6 digits, 30 s): only the label,
    // the secret and the issuer go into the URI.
    QString label = m_account.isEmpty() ? tr("Tessera") : m_account;
    if (!m_issuer.isEmpty())
        label = m_issuer + QLatin1Char(':') + label;
    SecureBuffer uri;
    uri.append(OtpauthScheme);
    uri.append(std::string_view("totp/"));
    const QByteArray encodedLabel = QUrl::toPercentEncoding(label, "@");
    uri.append(encodedLabel.constData(), std::size_t(encodedLabel.size()));
    uri.append(std::string_view("?secret="));
    for (unsigned char c : stored) { // canonical base32: upper case, no spaces, no padding
        if (c == ' ' || c == '-' || c == '=' || isSpace(c))
            continue;
        uri.appendByte(c >= 'a' && c <= 'z' ? static_cast<unsigned char>(c - 'a' + 'A') : c);
    }
    if (!m_issuer.isEmpty()) {
        const QByteArray encodedIssuer = QUrl::toPercentEncoding(m_issuer);
        uri.append(std::string_view("&issuer="));
        uri.append(encodedIssuer.constData(), std::size_t(encodedIssuer.size()));
    }
    return uri;
}

void TotpWidget::showQrCode() {
    if (!m_spec)
        return;
    const SecureBuffer uri = otpauthUri();
    QString title = m_spec->issuer.isEmpty() ? m_issuer : m_spec->issuer;
    const QString account = m_spec->account.isEmpty() ? m_account : m_spec->account;
    if (!account.isEmpty())
        title = title.isEmpty() ? account : tr("%1 (%2)").arg(title, account);
    QrCodeDialog dialog(uri, title, window());
    dialog.exec();
}

void TotpWidget::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void TotpWidget::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_qrButton->setIcon(qrIcon(palette().color(QPalette::WindowText)));
}

void TotpWidget::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace tessera::ui
