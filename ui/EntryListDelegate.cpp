#include "EntryListDelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>

namespace tessera::ui {

namespace {

// Texts kept laid out: the visible cells several times over; past it the cache starts again.
constexpr qsizetype MaxCachedTexts = 4096;

} // namespace

const QStaticText& EntryListDelegate::laidOut(const QString& text, const QFont& font,
                                              int width) const {
    auto found = m_texts.find(text);
    if (found != m_texts.end() && found->width == width && found->font == font)
        return found->text;
    if (found == m_texts.end() && m_texts.size() >= MaxCachedTexts)
        m_texts.clear();
    LaidOut entry{width, font, QStaticText()};
    entry.text.setText(QFontMetrics(font).elidedText(text, Qt::ElideRight, width));
    entry.text.setTextFormat(Qt::PlainText);
    entry.text.setPerformanceHint(QStaticText::AggressiveCaching);
    entry.text.prepare(QTransform(), font);
    return m_texts.insert(text, std::move(entry))->text;
}

void EntryListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Cached: one line, elided at the right, left to right (the app's languages); the rest as
    // Qt paints it.
    if (opt.text.isEmpty() || (opt.features & QStyleOptionViewItem::WrapText) ||
        opt.textElideMode != Qt::ElideRight || opt.direction != Qt::LeftToRight ||
        opt.text.contains(QLatin1Char('\n'))) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget* widget = opt.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    // The style lays the cell out as for any text (a space keeps its margins) and draws all but
    // the text; the text goes where the style would put it, elided as the style would.
    const QString text = std::exchange(opt.text, QStringLiteral(" "));
    const QRect cell = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area = cell.adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0)
        return;
    const QStaticText& shown = laidOut(text, opt.font, area.width());
    const QSizeF size = shown.size();
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = area.left();
    if (align & Qt::AlignRight)
        x = area.right() + 1 - size.width();
    else if (align & Qt::AlignHCenter)
        x = area.left() + (area.width() - size.width()) / 2;
    qreal y = area.top();
    if (align & Qt::AlignBottom)
        y = area.bottom() + 1 - size.height();
    else if (align & Qt::AlignVCenter)
        y = area.top() + (area.height() - size.height()) / 2;

    QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->save();
    painter->setClipRect(opt.rect);
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(
        group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawStaticText(QPointF(x, y), shown);
    painter->restore();
}

} // namespace tessera::ui
