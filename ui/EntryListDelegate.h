#pragma once
// How the entry list paints a cell: as QStyledItemDelegate does (the style draws the panel, the
// selection, the icon and the focus), except the text, which is drawn from a cache of laid-out
// (elided) text. Laying out and shaping a cell's text was most of the cost of painting the list,
// and a keystroke in the search box repaints every visible row; the cache keeps the layout of
// each text at its width until the text or the column changes. Emptied when the list is reset
// (the vault locked).

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace tessera::ui {

class EntryListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    void clearCache() { m_texts.clear(); }
    qsizetype cachedTexts() const { return m_texts.size(); }

private:
    struct LaidOut {
        int width = 0;
        QFont font;
        QStaticText text;
    };
    const QStaticText& laidOut(const QString& text, const QFont& font, int width) const;

    mutable QHash<QString, LaidOut> m_texts;
};

} // namespace tessera::ui
