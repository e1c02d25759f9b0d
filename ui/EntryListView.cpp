#include "EntryListView.h"

#include "EntryListDelegate.h"
#include "crypto/SecureBuffer.h"

#include <QApplication>
#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace tessera::ui {

namespace {

bool timingRequested() {
    static const bool requested = qEnvironmentVariableIntValue("TESSERA_TIMING") == 1;
    return requested;
}

void printTiming(const char* what) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::fprintf(stderr, "tessera-timing: %s %.3f\n", what,
                 double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6);
    std::fflush(stderr);
}

// Types one line of standard input into the focused field of the first window painted.
class TimingProbe : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (m_windowShown || event->type() != QEvent::Paint || !widget)
            return false;
        m_windowShown = true;
        printTiming("window-shown");
        QWidget* window = widget->window();
        QTimer::singleShot(0, window, [window] { typeStandardInput(window); });
        return false;
    }

private:
    static void typeStandardInput(QWidget* window) {
        if (isatty(STDIN_FILENO))
            return;
        SecureBuffer line;
        unsigned char byte = 0;
        while (::read(STDIN_FILENO, &byte, 1) == 1 && byte != '\n')
            line.appendByte(byte);
        QWidget* field =
            window->focusWidget() ? window->focusWidget() : QApplication::focusWidget();
        if (!field)
            return;
        // Qt's key events carry text as QString: each holds one character, wiped right after.
        QString text =
            QString::fromUtf8(reinterpret_cast<const char*>(line.data()), qsizetype(line.size()));
        for (QChar& c : text) {
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QCoreApplication::sendEvent(field, &press);
            c = QChar(0);
        }
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QCoreApplication::sendEvent(field, &enter);
    }

    bool m_windowShown = false;
};

} // namespace

EntryListView::EntryListView(QWidget* parent)
    : QTreeView(parent) {
    if (timingRequested()) {
        static TimingProbe* probe = nullptr; // one per process, for the process's lifetime
        if (!probe) {
            probe = new TimingProbe(QCoreApplication::instance());
            QCoreApplication::instance()->installEventFilter(probe);
        }
    }
    m_delegate = new EntryListDelegate(this);
    setItemDelegate(m_delegate);
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

void EntryListView::reset() {
    m_delegate->clearCache(); // no titles of a locked vault kept laid out
    QTreeView::reset();
}

void EntryListView::setEmptyText(const QString& text) {
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void EntryListView::paintEvent(QPaintEvent* event) {
    QTreeView::paintEvent(event);
    if (timingRequested() && model() && model()->rowCount(rootIndex()) > 0) {
        static bool printed = false;
        if (!printed) {
            printed = true;
            printTiming("list-shown");
            QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        }
    }
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
