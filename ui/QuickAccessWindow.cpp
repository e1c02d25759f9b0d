#include "QuickAccessWindow.h"

#include "EntryFilterModel.h"
#include "EntryModel.h"
#include "VaultController.h"
#include "ViewIcons.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tessera::ui {

namespace {
constexpr int WindowWidth = 560;
constexpr int TitleWidth = 300;
} // namespace

QuickAccessWindow::QuickAccessWindow(VaultController& controller, ClipboardGuard& clipboard,
                                     QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint)
    , m_controller(controller)
    , m_copy(controller, clipboard)
    , m_model(new EntryModel(controller, this))
    , m_filter(new EntryFilterModel(*m_model, this))
    , m_search(new QLineEdit)
    , m_results(new QTreeView)
    , m_status(new QLabel) {
    setWindowTitle(tr("Tessera quick access"));
    setAccessibleName(windowTitle());
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto* frame = new QVBoxLayout(this);
    frame->setContentsMargins(10, 10, 10, 10);
    m_search->setPlaceholderText(tr("Search, then Enter: password, Shift+Enter: username"));
    m_search->setAccessibleName(tr("Quick search"));
    m_search->addAction(viewIcon(QStringLiteral("search"), QStringLiteral("edit-find")),
                        QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    QFont big = m_search->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_search->setFont(big);
    frame->addWidget(m_search);
    m_filter->setRankByMatch(true); // the best match on top
    m_results->setModel(m_filter);
    m_results->setAccessibleName(tr("Matching entries"));
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setHeaderHidden(true);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the box
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int column = EntryModel::UrlColumn; column < EntryModel::ColumnCount; ++column)
        m_results->hideColumn(column);
    m_results->setColumnWidth(EntryModel::TitleColumn, TitleWidth);
    const int rowHeight = std::max(m_results->fontMetrics().height() + 8, 24);
    m_results->setFixedHeight(rowHeight * VisibleResults + 2 * m_results->frameWidth());
    frame->addWidget(m_results);
    m_status->setEnabled(false);
    m_status->setAccessibleName(tr("Status"));
    frame->addWidget(m_status);
    setFixedWidth(WindowWidth);
    connect(m_search, &QLineEdit::textChanged, this, &QuickAccessWindow::onSearchEdited);
    connect(m_filter, &EntryFilterModel::searchFinished, this,
            &QuickAccessWindow::onSearchFinished);
    connect(m_results, &QTreeView::activated, this, [this] { copyPassword(); });
    connect(&controller, &VaultController::aboutToLock, this, &QWidget::hide);
    onSearchEdited({});
    m_filter->finishSearch();
}

void QuickAccessWindow::present() {
    m_search->clear();
    onSearchEdited({});
    m_filter->finishSearch(); // shown complete
    if (QScreen* screen = QGuiApplication::primaryScreen()) {
        const QRect area = screen->availableGeometry();
        adjustSize();
        QWidget::move(area.center().x() - width() / 2, area.top() + area.height() / 4);
    }
    show();
    raise();
    activateWindow();
    m_search->setFocus(Qt::ActiveWindowFocusReason);
}

EntryId QuickAccessWindow::selectedEntry() const {
    const QModelIndex current = m_results->currentIndex();
    return current.isValid() ? current.data(EntryModel::EntryIdRole).toByteArray() : EntryId{};
}

void QuickAccessWindow::onSearchEdited(const QString& text) {
    // Filtered in slices through the event loop (100k entries take several frames), as in the
    // main window; onSearchFinished selects the best match.
    m_filter->startSearch(text);
}

void QuickAccessWindow::onSearchFinished() {
    const QString text = m_search->text();
    const QModelIndex best = m_filter->bestMatch();
    m_results->selectionModel()->setCurrentIndex(best, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    if (best.isValid())
        m_results->scrollTo(best);
    const int matches = m_filter->rowCount();
    if (!m_controller.vault())
        m_status->setText(tr("The vault is locked."));
    else if (matches == 0)
        m_status->setText(text.trimmed().isEmpty() ? tr("No entries yet.") : tr("No matches."));
    else if (matches > VisibleResults)
        m_status->setText(tr("%n matches; keep typing to narrow them down.", nullptr, matches));
    else
        m_status->setText(tr("%n matches.", nullptr, matches));
}

void QuickAccessWindow::move(int delta) {
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_results->currentIndex();
    const int row = std::clamp(current.isValid() ? current.row() + delta : 0, 0, rows - 1);
    const QModelIndex next = m_filter->index(row, 0);
    m_results->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    m_results->scrollTo(next);
}

bool QuickAccessWindow::finish(const Status& status) {
    if (!status) {
        m_status->setText(status.error().message);
        return false;
    }
    hide();
    return true;
}

bool QuickAccessWindow::copyPassword() {
    return finish(m_copy.copyPassword(selectedEntry()));
}

bool QuickAccessWindow::copyUsername() {
    return finish(m_copy.copyUsername(selectedEntry()));
}

bool QuickAccessWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        m_filter->finishSearch(); // copying or moving acts on the rows of what was typed
        break;
    default:
        break;
    }
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (key->modifiers() & Qt::ShiftModifier)
            copyUsername();
        else
            copyPassword();
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    case Qt::Key_Up:
        move(-1);
        return true;
    case Qt::Key_Down:
        move(1);
        return true;
    case Qt::Key_PageUp:
        move(-VisibleResults);
        return true;
    case Qt::Key_PageDown:
        move(VisibleResults);
        return true;
    default:
        return false;
    }
}

void QuickAccessWindow::hideEvent(QHideEvent* event) {
    m_search->clear(); // what was typed says which entry was wanted: do not leave it there
    QWidget::hideEvent(event);
}

} // namespace tessera::ui
