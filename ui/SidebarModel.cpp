#include "SidebarModel.h"

#include "EntryModel.h"
#include "VaultController.h"
#include "ViewIcons.h"

#include <QHash>
#include <QMimeData>

#include <algorithm>
#include <functional>

namespace tessera::ui {

namespace {

using Kind = EntryFilterModel::ScopeKind;
constexpr int TagsHeading = -1;
constexpr int FoldersHeading = -2; // a drop here takes entries out of every folder

bool caseInsensitiveLess(const QString& a, const QString& b) {
    const int order = a.compare(b, Qt::CaseInsensitive);
    return order != 0 ? order < 0 : a < b;
}

} // namespace

SidebarModel::SidebarModel(VaultController& controller, const EntryModel& entries, QObject* parent)
    : QStandardItemModel(parent)
    , m_controller(controller)
    , m_entries(entries) {
    setColumnCount(ColumnCount);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0); // a burst of changes (a drop of 50 entries) is one recount
    connect(&m_refreshTimer, &QTimer::timeout, this, &SidebarModel::refresh);
    connect(&entries, &EntryModel::rowsUpdated, &m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

bool SidebarModel::isScope(const QModelIndex& index) {
    return index.isValid() && index.siblingAtColumn(NameColumn).data(KindRole).toInt() >= 0;
}

EntryFilterModel::Scope SidebarModel::scopeOf(const QModelIndex& index) {
    const QModelIndex name = index.siblingAtColumn(NameColumn);
    if (!isScope(name))
        return {};
    return {Kind(name.data(KindRole).toInt()), name.data(ValueRole).toString()};
}

QModelIndex SidebarModel::indexOf(const EntryFilterModel::Scope& scope) const {
    const QModelIndexList found = match(index(0, NameColumn), KindRole, int(scope.kind), -1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
    for (const QModelIndex& candidate : found)
        if (candidate.data(ValueRole).toString() == scope.value)
            return candidate;
    return {};
}

QModelIndex SidebarModel::foldersIndex() const {
    const QModelIndexList found = match(index(0, NameColumn), KindRole, FoldersHeading, 1);
    return found.isEmpty() ? QModelIndex{} : found.first();
}

QModelIndex SidebarModel::tagsIndex() const {
    const QModelIndexList found = match(index(0, NameColumn), KindRole, TagsHeading, 1);
    return found.isEmpty() ? QModelIndex{} : found.first();
}

int SidebarModel::count(const EntryFilterModel::Scope& scope) const {
    switch (scope.kind) {
    case Kind::All:
        return m_liveCount;
    case Kind::Favourites:
        return m_favouriteCount;
    case Kind::Trash:
        return m_trashCount;
    case Kind::Folder:
        return m_folderCounts.value(scope.value);
    case Kind::Tag:
        return m_tagCounts.value(scope.value);
    }
    return 0;
}

void SidebarModel::refresh() {
    m_refreshTimer.stop();
    QHash<QString, int> direct; // folder -> live entries directly in it
    QMap<QString, int> tags;
    m_liveCount = m_favouriteCount = m_trashCount = 0;
    for (int r = 0; r < m_entries.rowCount(); ++r) {
        const EntryModel::Row& row = m_entries.row(r);
        if (row.trashed) {
            ++m_trashCount;
            continue;
        }
        ++m_liveCount;
        m_favouriteCount += row.favourite ? 1 : 0;
        if (!row.folder.isEmpty())
            ++direct[row.folder];
        for (const QString& tag : row.tags)
            ++tags[tag];
    }
    QMap<QString, int> folders;
    for (auto it = direct.cbegin(); it != direct.cend(); ++it) {
        const QString& path = it.key();
        folders[path] += it.value();
        for (qsizetype slash = path.indexOf(QLatin1Char('/')); slash > 0;
             slash = path.indexOf(QLatin1Char('/'), slash + 1))
            folders[path.left(slash)] += it.value();
    }
    const bool sameShape = rowCount() > 0 && folders.keys() == m_folderCounts.keys() &&
                           tags.keys() == m_tagCounts.keys();
    m_folderCounts = std::move(folders);
    m_tagCounts = std::move(tags);
    if (sameShape) {
        updateCounts();
    } else {
        rebuild();
        Q_EMIT structureRebuilt();
    }
}

QStandardItem* SidebarModel::addItem(QStandardItem* parent, const QString& name, const QIcon& icon,
                                     int kind, const QString& value) {
    auto* item = new QStandardItem(icon, name);
    item->setData(kind, KindRole);
    item->setData(value, ValueRole);
    item->setToolTip(value.isEmpty() ? name : value);
    auto* count = new QStandardItem;
    count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    count->setData(kind, KindRole);
    count->setData(value, ValueRole);
    count->setForeground(QPalette().brush(QPalette::Disabled, QPalette::Text));
    (parent ? parent : invisibleRootItem())->appendRow({item, count});
    return item;
}

void SidebarModel::rebuild() {
    removeRows(0, rowCount());
    addItem(nullptr, tr("All items"),
            viewIcon(QStringLiteral("all-items"), QStringLiteral("view-list-details"),
                     QStyle::SP_FileDialogDetailedView),
            int(Kind::All), {});
    addItem(nullptr, tr("Favourites"),
            viewIcon(QStringLiteral("favourite"), QStringLiteral("starred")), int(Kind::Favourites),
            {});
    QStandardItem* foldersHeading =
        addItem(nullptr, tr("Folders"),
                viewIcon(QStringLiteral("folder"), QStringLiteral("folder"), QStyle::SP_DirIcon),
                FoldersHeading, {});
    QStringList paths = m_folderCounts.keys();
    std::sort(paths.begin(), paths.end(), [](const QString& a, const QString& b) {
        const auto depthA = a.count(QLatin1Char('/'));
        const auto depthB = b.count(QLatin1Char('/'));
        return depthA != depthB ? depthA < depthB : caseInsensitiveLess(a, b);
    });
    QHash<QString, QStandardItem*> folderItems;
    const QIcon folderIcon =
        viewIcon(QStringLiteral("folder"), QStringLiteral("folder"), QStyle::SP_DirIcon);
    for (const QString& path : paths) {
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        QStandardItem* parent = slash > 0 ? folderItems.value(path.left(slash)) : nullptr;
        folderItems.insert(path, addItem(parent ? parent : foldersHeading, path.mid(slash + 1),
                                         folderIcon, int(Kind::Folder), path));
    }
    QStandardItem* tagsHeading =
        addItem(nullptr, tr("Tags"), viewIcon(QStringLiteral("tag"), QStringLiteral("tag")),
                TagsHeading, {});
    QStringList tags = m_tagCounts.keys();
    std::sort(tags.begin(), tags.end(), caseInsensitiveLess);
    const QIcon tagIcon = viewIcon(QStringLiteral("tag"), QStringLiteral("tag"));
    for (const QString& tag : tags)
        addItem(tagsHeading, tag, tagIcon, int(Kind::Tag), tag);
    addItem(nullptr, tr("Trash"),
            viewIcon(QStringLiteral("trash"), QStringLiteral("user-trash"), QStyle::SP_TrashIcon),
            int(Kind::Trash), {});
    updateCounts();
}

void SidebarModel::updateCounts() {
    // Walk the whole tree (it is small: folders and tags, not entries).
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < rowCount(parent); ++r) {
            const QModelIndex name = index(r, NameColumn, parent);
            QStandardItem* countItem = itemFromIndex(index(r, CountColumn, parent));
            const int kind = name.data(KindRole).toInt();
            int n = 0;
            if (kind >= 0) {
                n = count(scopeOf(name));
                countItem->setText(n > 0 ? QString::number(n) : QString());
            }
            QStandardItem* nameItem = itemFromIndex(name);
            nameItem->setData(n, CountRole);
            nameItem->setData(kind >= 0 ? tr("%1, %n entries", nullptr, n).arg(nameItem->text())
                                        : nameItem->text(),
                              Qt::AccessibleTextRole);
            walk(name);
        }
    };
    walk({});
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags; // no drop between the top-level items
    Qt::ItemFlags flags =
        QStandardItemModel::flags(index) & ~(Qt::ItemIsEditable | Qt::ItemIsDragEnabled);
    const int kind = index.data(KindRole).toInt();
    flags.setFlag(Qt::ItemIsDropEnabled,
                  index.isValid() && kind != TagsHeading && kind != int(Kind::All));
    flags.setFlag(Qt::ItemIsSelectable, kind >= 0);
    return flags;
}

QStringList SidebarModel::mimeTypes() const {
    return {EntryModel::idsMimeType()};
}

Qt::DropActions SidebarModel::supportedDropActions() const {
    return Qt::MoveAction | Qt::CopyAction;
}

QModelIndex SidebarModel::dropTarget(const QAbstractItemModel& model, int row,
                                     const QModelIndex& parent) {
    // Dropped between two items: the item the indicator is at.
    return row >= 0 ? model.index(row, NameColumn, parent) : parent.siblingAtColumn(NameColumn);
}

bool SidebarModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int row, int,
                                   const QModelIndex& parent) const {
    const QModelIndex target = dropTarget(*this, row, parent);
    return data && data->hasFormat(EntryModel::idsMimeType()) && target.isValid() &&
           flags(target).testFlag(Qt::ItemIsDropEnabled);
}

bool SidebarModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QList<QByteArray> ids = EntryModel::decodeIds(data->data(EntryModel::idsMimeType()));
    // The list's own "remove after move" finds EntryModel read-only: the entries only change place.
    return moveEntries(ids, dropTarget(*this, row, parent)) > 0;
}

int SidebarModel::moveEntries(const QList<QByteArray>& ids, const QModelIndex& target) {
    const QModelIndex name = target.siblingAtColumn(NameColumn);
    const int kind = name.data(KindRole).toInt();
    const QString value = name.data(ValueRole).toString();
    const Vault* vault = m_controller.vault();
    int moved = 0;
    for (const QByteArray& id : ids) {
        const EntryOverview* entry = vault ? vault->entry(id) : nullptr;
        if (!entry)
            continue;
        Status status;
        if (kind == int(Kind::Trash)) {
            if (entry->trashed.value)
                continue;
            status = m_controller.trash(id);
        } else {
            EntryChanges changes;
            if (kind == FoldersHeading || kind == int(Kind::Folder))
                changes.folder = value;
            else if (kind == int(Kind::Favourites))
                changes.favourite = true;
            else if (kind == int(Kind::Tag)) {
                QStringList tags = entry->tagList();
                if (tags.contains(value))
                    continue;
                tags.append(value);
                changes.tags = tags;
            } else {
                continue;
            }
            status = m_controller.edit(id, std::move(changes));
        }
        if (!status) {
            Q_EMIT moveFailed(status.error().message);
            break;
        }
        ++moved;
    }
    return moved;
}

} // namespace tessera::ui
