#include "PasswordPreview.h"

#include "crypto/Crypto.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>

namespace tessera::ui {

namespace {

constexpr int Padding = 6;
constexpr int MinColumns = 16;
constexpr int PreferredColumns = 32;
constexpr qreal FontScale = 1.25;
constexpr int DarkWindowLightness = 128; // below: a dark palette

QColor digitColor(bool dark) {
    return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
}
QColor symbolColor(bool dark) {
    return dark ? QColor(0xf4, 0x8f, 0xb1) : QColor(0xc2, 0x18, 0x5b);
}

} // namespace

PasswordPreview::PasswordPreview(QWidget* parent)
    : QWidget(parent) {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * FontScale);
    setFont(mono);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Generated password"));
}

PasswordPreview::~PasswordPreview() {
    clear();
}

void PasswordPreview::setPassword(const SecureBuffer& password) {
    wipe(m_text);
    // QString::fromUtf8 writes straight into the new string; the buffer is ours alone.
    m_text = QString::fromUtf8(reinterpret_cast<const char*>(password.data()),
                               qsizetype(password.size()));
    updateGeometry();
    update();
}

void PasswordPreview::clear() {
    wipe(m_text);
    updateGeometry();
    update();
}

int PasswordPreview::advance() const {
    return std::max(1, fontMetrics().horizontalAdvance(QLatin1Char('M')));
}

int PasswordPreview::charactersPerLine(int width) const {
    return std::max(1, (width - 2 * Padding) / advance());
}

int PasswordPreview::charactersPerLine() const {
    return charactersPerLine(width());
}

int PasswordPreview::heightForWidth(int width) const {
    const int length = std::max<int>(1, int(m_text.size()));
    const int perLine = charactersPerLine(width);
    const int lines = (length + perLine - 1) / perLine;
    return lines * fontMetrics().lineSpacing() + 2 * Padding;
}

QSize PasswordPreview::sizeHint() const {
    const int width = PreferredColumns * advance() + 2 * Padding;
    return {width, heightForWidth(width)};
}

QSize PasswordPreview::minimumSizeHint() const {
    const int width = MinColumns * advance() + 2 * Padding;
    return {width, fontMetrics().lineSpacing() + 2 * Padding};
}

void PasswordPreview::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
}

void PasswordPreview::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& colors = palette();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colors.color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    if (m_text.isEmpty())
        return;

    const bool dark = colors.color(QPalette::Window).lightness() < DarkWindowLightness;
    const QColor text = colors.color(QPalette::Text);
    const int step = advance();
    const int perLine = charactersPerLine();
    const QFontMetrics metrics = fontMetrics();
    // One character at a time, each drawn from a view of m_text (no per-character copy).
    qsizetype position = 0;
    for (qsizetype i = 0; i < m_text.size(); ++position) {
        const QChar c = m_text.at(i);
        const qsizetype units =
            c.isHighSurrogate() && i + 1 < m_text.size() && m_text.at(i + 1).isLowSurrogate() ? 2
                                                                                              : 1;
        QColor color = text;
        if (c.isDigit())
            color = digitColor(dark);
        else if (units == 1 && (c.isPunct() || c.isSymbol()))
            color = symbolColor(dark);
        painter.setPen(color);
        const int line = int(position / perLine);
        const int column = int(position % perLine);
        const QPointF at(Padding + column * step,
                         Padding + line * metrics.lineSpacing() + metrics.ascent());
        painter.drawText(at, QString::fromRawData(m_text.constData() + i, units));
        i += units;
    }
}

} // namespace tessera::ui
