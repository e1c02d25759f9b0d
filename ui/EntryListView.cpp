#include "EntryListView.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>

namespace tessera::ui {

EntryListView::EntryListView(QWidget* parent)
    : QTreeView(parent) {
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::MoveAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    header()->setStretchLastSection(false);
    header()->setSortIndicatorShown(true);
}

void EntryListView::setEmptyText(const QString& text) {
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void EntryListView::paintEvent(QPaintEvent* event) {
    QTreeView::paintEvent(event);
    if (!model() || model()->rowCount(rootIndex()) > 0 || m_emptyText.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
}

void EntryListView::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        Q_EMIT enterPressed();
        return;
    }
    QTreeView::keyPressEvent(event);
}

void EntryListView::startDrag(Qt::DropActions supportedActions) {
    // One row per entry (the selection holds every column of a row).
    QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty() || !model())
        return;
    QMimeData* payload = model()->mimeData(rows);
    if (!payload)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(payload);
    const QVariant icon = rows.first().data(Qt::DecorationRole);
    if (icon.canConvert<QIcon>())
        drag->setPixmap(
            icon.value<QIcon>().pixmap(iconSize().isValid() ? iconSize() : QSize(24, 24)));
    // The sidebar moves the entries; the list has nothing to remove afterwards.
    drag->exec(supportedActions, Qt::MoveAction);
}

} // namespace tessera::ui
