#include "PasswordPreview.h"

#include "crypto/Crypto.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <vector>

namespace tessera::ui {

namespace {

constexpr int Padding = 6;
constexpr int MinColumns = 16;
constexpr int PreferredColumns = 44; // a six-word passphrase on one line
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
    // The platform's fixed font; some platform themes hand over a proportional one there.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!QFontInfo(mono).fixedPitch()) {
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::TypeWriter);
    }
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

void PasswordPreview::setWrapAtSeparators(bool wrap) {
    m_wrapAtSeparators = wrap;
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

std::vector<PasswordPreview::Cell> PasswordPreview::cells() const {
    std::vector<Cell> out;
    for (qsizetype i = 0; i < m_text.size();) {
        const bool pair = m_text.at(i).isHighSurrogate() && i + 1 < m_text.size() &&
                          m_text.at(i + 1).isLowSurrogate();
        out.push_back({i, pair ? 2 : 1});
        i += out.back().units;
    }
    return out;
}

std::vector<std::size_t> PasswordPreview::lineStarts(const std::vector<Cell>& cells,
                                                     int width) const {
    const std::size_t perLine = std::size_t(charactersPerLine(width));
    std::vector<std::size_t> starts{0};
    std::size_t start = 0;
    while (cells.size() - start > perLine) {
        std::size_t end = start + perLine;
        if (m_wrapAtSeparators) {
            // Break after the last separator that leaves the line at least half full.
            for (std::size_t k = end; k > start + perLine / 2; --k) {
                if (!m_text.at(cells[k - 1].offset).isLetterOrNumber()) {
                    end = k;
                    break;
                }
            }
        }
        starts.push_back(end);
        start = end;
    }
    return starts;
}

int PasswordPreview::heightForWidth(int width) const {
    const auto lines = lineStarts(cells(), width).size();
    return int(lines) * fontMetrics().lineSpacing() + 2 * Padding;
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
    const QFontMetrics metrics = fontMetrics();
    const std::vector<Cell> all = cells();
    const std::vector<std::size_t> starts = lineStarts(all, width());
    // One character at a time, each drawn from a view of m_text (no per-character copy).
    for (std::size_t line = 0; line < starts.size(); ++line) {
        const std::size_t end = line + 1 < starts.size() ? starts[line + 1] : all.size();
        for (std::size_t k = starts[line]; k < end; ++k) {
            const Cell& cell = all[k];
            const QChar c = m_text.at(cell.offset);
            QColor color = text;
            if (c.isDigit())
                color = digitColor(dark);
            else if (cell.units == 1 && (c.isPunct() || c.isSymbol()))
                color = symbolColor(dark);
            painter.setPen(color);
            const QPointF at(Padding + int(k - starts[line]) * step,
                             Padding + int(line) * metrics.lineSpacing() + metrics.ascent());
            painter.drawText(at,
                             QString::fromRawData(m_text.constData() + cell.offset, cell.units));
        }
    }
}

} // namespace tessera::ui
