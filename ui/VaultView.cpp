#include "VaultView.h"

#include "DetailsPane.h"
#include "EntryActions.h"
#include "EntryListView.h"
#include "EntryModel.h"
#include "SidebarModel.h"
#include "VaultController.h"
#include "ViewIcons.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tessera::ui {

namespace {

constexpr int MessageMs = 6000;
constexpr int SidebarWidth = 180;
constexpr int ListWidth = 700;
constexpr int DetailsWidth = 400;
constexpr int MinColumnWidth = 60;
constexpr int UsernameWidth = 140;
constexpr int UrlWidth = 140;
constexpr int FolderWidth = 100;

} // namespace

VaultView::VaultView(VaultController& controller, ClipboardGuard& clipboard, AppSettings& settings,
                     QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_model(new EntryModel(controller, this))
    , m_filter(new EntryFilterModel(*m_model, this))
    , m_sidebarModel(new SidebarModel(controller, *m_model, this))
    , m_actions(new EntryActions(controller, clipboard, settings, this)) {
    setAccessibleName(tr("Vault"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* top = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search entries"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(viewIcon(QStringLiteral("search"), QStringLiteral("edit-find")),
                        QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    top->addWidget(m_search, 1);
    m_message = new QLabel;
    m_message->setAccessibleName(tr("Message"));
    m_message->setTextFormat(Qt::PlainText);
    top->addWidget(m_message);
    layout->addLayout(top);
    m_messageTimer.setSingleShot(true);
    m_messageTimer.setInterval(MessageMs);
    connect(&m_messageTimer, &QTimer::timeout, m_message, &QLabel::clear);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);
    buildSidebar();
    buildList();
    m_details = new DetailsPane(controller, clipboard);
    m_details->setAccessibleName(tr("Entry details"));
    m_details->setMinimumWidth(DetailsWidth / 2);
    m_splitter->addWidget(m_details);
    m_splitter->setSizes({SidebarWidth, ListWidth, DetailsWidth});
    m_splitter->setStretchFactor(1, 1);

    for (QAction* action : m_actions->all())
        addAction(action);
    m_list->addActions(m_actions->all());

    connect(m_search, &QLineEdit::textChanged, this, &VaultView::onSearchEdited);
    connect(m_filter, &EntryFilterModel::searchFinished, this, &VaultView::onSearchFinished);
    connect(m_actions, &EntryActions::searchRequested, this, &VaultView::focusSearch);
    connect(m_actions, &EntryActions::message, this, &VaultView::showMessage);
    connect(m_actions, &EntryActions::entrySaved, this, [this](const QByteArray& id) {
        selectEntry(id);
        m_details->showEntry(id);
    });
    connect(m_details, &DetailsPane::message, this, &VaultView::showMessage);
    connect(m_details, &DetailsPane::editRequested, m_actions->edit(), &QAction::trigger);
    connect(m_sidebarModel, &SidebarModel::moveFailed, this, &VaultView::showMessage);
    connect(m_sidebarModel, &SidebarModel::structureRebuilt, this, &VaultView::onSidebarRebuilt);
    connect(&controller, &VaultController::unlocked, this, &VaultView::onUnlocked);
    connect(&controller, &VaultController::aboutToLock, this, &VaultView::onAboutToLock);
    connect(m_list, &EntryListView::enterPressed, m_actions->edit(), &QAction::trigger);
    connect(m_list, &QTreeView::doubleClicked, m_actions->edit(), &QAction::trigger);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &VaultView::updateEmptyText);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &VaultView::updateEmptyText);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &VaultView::updateEmptyText);
    onSidebarRebuilt();
    onUnlocked();
}

VaultView::~VaultView() = default;

void VaultView::buildSidebar() {
    m_sidebar = new QTreeView;
    m_sidebar->setModel(m_sidebarModel);
    m_sidebar->setAccessibleName(tr("Folders and tags"));
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setUniformRowHeights(true);
    m_sidebar->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sidebar->setDragDropMode(QAbstractItemView::DropOnly);
    m_sidebar->setAcceptDrops(true);
    m_sidebar->setDropIndicatorShown(true);
    m_sidebar->setDefaultDropAction(Qt::MoveAction);
    m_sidebar->header()->setStretchLastSection(false);
    m_sidebar->header()->setSectionResizeMode(SidebarModel::NameColumn, QHeaderView::Stretch);
    m_sidebar->header()->setSectionResizeMode(SidebarModel::CountColumn,
                                              QHeaderView::ResizeToContents);
    m_sidebar->setMinimumWidth(SidebarWidth * 2 / 3);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (SidebarModel::isScope(current))
                    setScope(SidebarModel::scopeOf(current));
            });
    m_splitter->addWidget(m_sidebar);
}

void VaultView::buildList() {
    m_list = new EntryListView;
    m_list->setModel(m_filter);
    m_list->setAccessibleName(tr("Entries"));
    m_list->sortByColumn(EntryModel::TitleColumn, Qt::AscendingOrder);
    QHeaderView* header = m_list->header();
    // The title takes what the other columns leave; they keep useful widths.
    header->setMinimumSectionSize(MinColumnWidth);
    header->setSectionResizeMode(EntryModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(EntryModel::UsernameColumn, UsernameWidth);
    header->resizeSection(EntryModel::UrlColumn, UrlWidth);
    header->resizeSection(EntryModel::FolderColumn, FolderWidth);
    header->setSectionResizeMode(EntryModel::ModifiedColumn, QHeaderView::ResizeToContents);
    // The details pane shows when an entry changed; the title needs the width more.
    header->hideSection(EntryModel::ModifiedColumn);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &VaultView::onSelectionChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &VaultView::onSelectionChanged);
    m_splitter->addWidget(m_list);
}

QList<QAction*> VaultView::entryActions() const {
    return m_actions->all();
}

void VaultView::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

EntryId VaultView::currentEntry() const {
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isRowSelected(current.row(), {}))
        return {};
    return current.data(EntryModel::EntryIdRole).toByteArray();
}

QList<QByteArray> VaultView::selectedEntries() const {
    QList<QByteArray> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows)
        ids.append(row.data(EntryModel::EntryIdRole).toByteArray());
    return ids;
}

void VaultView::selectEntry(const EntryId& id) {
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(id));
    if (!index.isValid()) {
        m_list->selectionModel()->clear();
        return;
    }
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

void VaultView::setScope(const EntryFilterModel::Scope& scope) {
    const EntryId keep = currentEntry();
    m_filter->setScope(scope);
    const QModelIndex item = m_sidebarModel->indexOf(scope);
    if (item.isValid() && m_sidebar->currentIndex() != item)
        m_sidebar->setCurrentIndex(item);
    m_actions->setNewEntryFolder(scope.kind == EntryFilterModel::ScopeKind::Folder ? scope.value
                                                                                   : QString());
    if (m_filter->mapFromSource(m_model->indexOf(keep)).isValid())
        selectEntry(keep);
    else
        selectEntry(m_filter->bestMatch().data(EntryModel::EntryIdRole).toByteArray());
    updateEmptyText();
    onSelectionChanged();
}

void VaultView::onSearchEdited(const QString& text) {
    // Filtered in slices (100k entries take several frames); onSearchFinished selects.
    m_currentAtSearch = currentEntry();
    m_filter->startSearch(text);
}

void VaultView::onSearchFinished() {
    // The best match is selected as the user types, so Ctrl+C right away copies it; unless the
    // user clicked an entry while the search ran and it is still shown.
    const EntryId current = currentEntry();
    if (current.isEmpty() || current == m_currentAtSearch)
        selectEntry(m_filter->bestMatch().data(EntryModel::EntryIdRole).toByteArray());
    updateEmptyText();
    onSelectionChanged(); // a layout change that empties the list announces no selection change
}

void VaultView::onSelectionChanged() {
    const EntryId current = currentEntry();
    m_actions->setSelection(current, selectedEntries(),
                            scope().kind == EntryFilterModel::ScopeKind::Trash);
    if (current != m_details->entryId())
        m_details->showEntry(current);
}

void VaultView::onSidebarRebuilt() {
    m_sidebar->expandAll();
    m_actions->setFolders(m_sidebarModel->folders());
    const EntryFilterModel::Scope wanted = scope();
    QModelIndex item = m_sidebarModel->indexOf(wanted);
    if (!item.isValid()) { // the folder or tag is gone: back to All items
        item = m_sidebarModel->indexOf({});
        m_filter->setScope({});
    }
    const QSignalBlocker block(m_sidebar->selectionModel());
    m_sidebar->setCurrentIndex(item);
}

void VaultView::onUnlocked() {
    m_search->clear();
    setScope({});
    selectEntry(m_filter->bestMatch().data(EntryModel::EntryIdRole).toByteArray());
    if (isVisible())
        focusSearch();
}

void VaultView::onAboutToLock() {
    m_search->clear();
    m_details->clear();
    m_list->selectionModel()->clear();
    m_message->clear();
}

void VaultView::updateEmptyText() {
    QString text;
    const EntryFilterModel::Scope s = scope();
    if (!m_filter->searchText().trimmed().isEmpty())
        text = tr("No entries match “%1”.").arg(m_filter->searchText().trimmed());
    else if (s.kind == EntryFilterModel::ScopeKind::Trash)
        text = tr("The trash is empty.");
    else if (s.kind == EntryFilterModel::ScopeKind::Favourites)
        text = tr("No favourites yet. Tick “Favourite” in an entry's editor.");
    else if (s.kind != EntryFilterModel::ScopeKind::All)
        text = tr("Nothing here. Drag entries here to move them.");
    else
        text = tr("No entries yet — press Ctrl+N to add one.");
    m_list->setEmptyText(text);
}

void VaultView::showMessage(const QString& text) {
    m_message->setText(text);
    m_messageTimer.start();
    Q_EMIT message(text);
}

bool VaultView::takesShortcut(const QKeyEvent* event) const {
    const QKeySequence pressed(event->keyCombination());
    for (const QAction* action : m_actions->all()) {
        if (!action->isEnabled() || action->shortcut() != pressed)
            continue;
        // Ctrl+C with text selected in the box copies that text, as everywhere else. Delete
        // and plain keys stay with the box: it is for typing.
        if (action == m_actions->copyPassword() && m_search->hasSelectedText())
            return false;
        return (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) !=
               0;
    }
    return false;
}

void VaultView::moveSelection(int key) {
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const int rowHeight = std::max(1, m_list->sizeHintForRow(0));
    const int page = std::max(1, m_list->viewport()->height() / rowHeight - 1);
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() : -1;
    switch (key) {
    case Qt::Key_Up:
        row = row < 0 ? 0 : row - 1;
        break;
    case Qt::Key_Down:
        row += 1;
        break;
    case Qt::Key_PageUp:
        row -= page;
        break;
    default:
        row += page;
        break;
    }
    selectEntry(m_filter->index(std::clamp(row, 0, rows - 1), 0)
                    .data(EntryModel::EntryIdRole)
                    .toByteArray());
}

bool VaultView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_search)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Leave the override unaccepted: the line edit never sees it, and the action fires (on
        // the best match of what was typed, so a running search is finished first).
        if (takesShortcut(static_cast<QKeyEvent*>(event))) {
            m_filter->finishSearch();
            event->ignore();
            return true;
        }
        return false;
    }
    if (event->type() != QEvent::KeyPress)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Moving or opening acts on the rows of what was typed: a running search ends first.
        m_filter->finishSearch();
        break;
    default:
        break;
    }
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown: {
        if (key->modifiers() & ~Qt::KeypadModifier)
            return false;
        moveSelection(key->key());
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Like KeePassXC: Enter opens the selected entry; Ctrl+C copies its password.
        m_actions->edit()->trigger();
        return true;
    case Qt::Key_Escape:
        if (m_search->text().isEmpty())
            m_list->setFocus();
        else
            m_search->clear();
        return true;
    default:
        return false;
    }
}

} // namespace tessera::ui
