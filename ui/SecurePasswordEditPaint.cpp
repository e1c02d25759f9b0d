// SecurePasswordEdit's geometry and painting: where each character is, and drawing the text (or
// its mask), selection and cursor straight from secure memory, one glyph at a time.
#include "SecurePasswordEdit.h"

#include "PasswordText.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

#include <algorithm>
#include <cmath>

namespace tessera::ui {

namespace {

constexpr int HorizontalMargin = 2; // between the frame's contents and the first character

} // namespace

std::vector<qreal> SecurePasswordEdit::boundaries() const {
    const QFontMetricsF metrics(font());
    std::vector<qreal> xs;
    xs.reserve(std::size_t(m_length) + 1);
    xs.push_back(0);
    if (!m_revealed) {
        const Glyph mask(
            char32_t(style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter, nullptr, this)));
        const qreal advance = metrics.horizontalAdvance(mask.view());
        for (int i = 1; i <= m_length; ++i)
            xs.push_back(advance * i);
        return xs;
    }
    for (std::size_t offset = 0; offset < m_text.size();) {
        char32_t cp = 0;
        offset += decodeAt(m_text, offset, &cp);
        const Glyph glyph(cp);
        cp = 0;
        xs.push_back(xs.back() + metrics.horizontalAdvance(glyph.view()));
    }
    return xs;
}

void SecurePasswordEdit::initStyleOption(QStyleOptionFrame* option) const {
    option->initFrom(this);
    option->rect = rect();
    option->lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, option, this);
    option->midLineWidth = 0;
    option->state |= QStyle::State_Sunken;
    option->features = QStyleOptionFrame::None;
}

QRect SecurePasswordEdit::contentsRect(const QStyleOptionFrame& option) const {
    return style()
        ->subElementRect(QStyle::SE_LineEditContents, &option, this)
        .adjusted(HorizontalMargin, 0, -HorizontalMargin, 0);
}

int SecurePasswordEdit::positionAt(qreal x) const {
    QStyleOptionFrame option;
    initStyleOption(&option);
    const qreal local = x - contentsRect(option).left() + m_scroll;
    const std::vector<qreal> xs = boundaries();
    int best = 0;
    for (int i = 0; i < int(xs.size()); ++i) {
        if (std::abs(xs[std::size_t(i)] - local) < std::abs(xs[std::size_t(best)] - local))
            best = i;
    }
    return best;
}

void SecurePasswordEdit::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);

    const QRect area = contentsRect(option);
    painter.setClipRect(area);
    const QFontMetricsF metrics(font());
    const qreal baseline = area.top() + (area.height() - metrics.height()) / 2 + metrics.ascent();
    const QPalette& pal = palette();

    if (m_length == 0) {
        // Like QLineEdit in Qt 6: the placeholder stays while the empty field has focus.
        if (!m_placeholder.isEmpty()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(m_placeholder, Qt::ElideRight, area.width()));
        }
        if (hasFocus() && m_cursorVisible && isEnabled()) {
            painter.setPen(pal.color(QPalette::Text));
            const qreal x = area.left() + 0.5;
            painter.drawLine(QPointF(x, area.top() + 2), QPointF(x, area.bottom() - 1));
        }
        m_scroll = 0;
        return;
    }

    const std::vector<qreal> xs = boundaries();
    // Keep the cursor in view.
    const qreal cursorX = xs[std::size_t(m_cursor)];
    if (cursorX - m_scroll > area.width() - 1)
        m_scroll = cursorX - area.width() + 1;
    if (cursorX - m_scroll < 0)
        m_scroll = cursorX;
    m_scroll = std::max<qreal>(0, std::min(m_scroll, xs.back() - area.width() + 1));
    if (xs.back() < area.width())
        m_scroll = 0;
    const qreal left = area.left() - m_scroll;

    if (hasSelection()) {
        const qreal a = xs[std::size_t(std::min(m_cursor, m_anchor))];
        const qreal b = xs[std::size_t(std::max(m_cursor, m_anchor))];
        painter.fillRect(QRectF(left + a, area.top() + 1, b - a, area.height() - 2),
                         pal.brush(QPalette::Highlight));
    }

    const auto penFor = [&](int index) {
        const bool selected =
            index >= std::min(m_cursor, m_anchor) && index < std::max(m_cursor, m_anchor);
        return pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    };
    if (m_revealed) {
        int index = 0;
        for (std::size_t offset = 0; offset < m_text.size(); ++index) {
            char32_t cp = 0;
            offset += decodeAt(m_text, offset, &cp);
            const Glyph glyph(cp);
            cp = 0;
            painter.setPen(penFor(index));
            painter.drawText(QPointF(left + xs[std::size_t(index)], baseline), glyph.view());
        }
    } else {
        const Glyph mask(
            char32_t(style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter, nullptr, this)));
        for (int index = 0; index < m_length; ++index) {
            painter.setPen(penFor(index));
            painter.drawText(QPointF(left + xs[std::size_t(index)], baseline), mask.view());
        }
    }

    if (hasFocus() && m_cursorVisible && isEnabled()) {
        painter.setPen(pal.color(QPalette::Text));
        const qreal x = std::floor(left + cursorX) + 0.5;
        painter.drawLine(QPointF(x, area.top() + 2), QPointF(x, area.bottom() - 1));
    }
}

QSize SecurePasswordEdit::sizeHint() const {
    const QFontMetrics metrics(font());
    QStyleOptionFrame option;
    initStyleOption(&option);
    const int height = std::max(metrics.height(), 14) + 2;
    const int width = metrics.horizontalAdvance(QLatin1Char('x')) * 17 + 4;
    return style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(width, height), this);
}

QSize SecurePasswordEdit::minimumSizeHint() const {
    const QFontMetrics metrics(font());
    QStyleOptionFrame option;
    initStyleOption(&option);
    const int height = metrics.height() + 2;
    const int width = metrics.maxWidth() + 4;
    return style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(width, height), this);
}

} // namespace tessera::ui
