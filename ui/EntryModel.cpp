#include "EntryModel.h"

#include "VaultController.h"
#include "ViewIcons.h"
#include "vault/Search.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QMimeData>

#include <algorithm>

namespace tessera::ui {

namespace {

constexpr int AvatarPixels = 64; // drawn large, scaled down by the view (high-DPI clean)

QString firstLive(const std::vector<SetElement>& set) {
    for (const SetElement& element : set)
        if (!element.removed)
            return element.value;
    return {};
}

} // namespace

QString EntryModel::idsMimeType() {
    return QStringLiteral("application/x-tessera-entry-ids");
}

QByteArray EntryModel::encodeIds(const QList<QByteArray>& ids) {
    QByteArray out;
    for (const QByteArray& id : ids) {
        if (!out.isEmpty())
            out += '\n';
        out += id.toHex();
    }
    return out;
}

QList<QByteArray> EntryModel::decodeIds(const QByteArray& data) {
    QList<QByteArray> ids;
    for (const QByteArray& line : data.split('\n')) {
        const QByteArray id = QByteArray::fromHex(line.trimmed());
        if (id.size() == qsizetype(EntryIdBytes))
            ids.append(id);
    }
    return ids;
}

EntryModel::EntryModel(const VaultController& controller, QObject* parent)
    : QAbstractItemModel(parent)
    , m_controller(controller) {
    connect(&controller, &VaultController::unlocked, this, &EntryModel::reload);
    connect(&controller, &VaultController::locked, this, &EntryModel::reload);
    connect(&controller, &VaultController::entriesChanged, this, &EntryModel::onEntriesChanged);
    reload();
}

QString EntryModel::fold(QString text) {
    return foldForSearch(std::move(text));
}

EntryModel::Row EntryModel::rowFrom(const EntryOverview& entry) {
    Row row;
    row.id = entry.id;
    row.title = entry.title.value;
    row.username = entry.username.value;
    row.url = firstLive(entry.urls);
    row.folder = entry.folder.value;
    row.tags = entry.tagList();
    row.favourite = entry.favourite.value;
    row.trashed = entry.trashed.value;
    row.modified = entry.modified;
    row.expires = entry.expires.value;
    row.foldedTitle = fold(row.title);
    row.haystack = searchText(entry); // what Vault::search matches
    return row;
}

void EntryModel::reload() {
    beginResetModel();
    m_titleOrder.clear();
    m_rows.clear();
    m_positions.clear();
    if (const Vault* vault = m_controller.vault()) {
        const auto& entries = vault->entries();
        m_rows.reserve(entries.size());
        for (const EntryOverview& entry : entries)
            m_rows.push_back(rowFrom(entry));
        // Stored in title order, so that titleOrder(row) == row and the list needs no sort.
        std::vector<Row> sorted;
        sorted.reserve(m_rows.size());
        if (!m_rows.empty())
            titleOrder(0); // sorts once
        std::vector<int> byTitle(m_rows.size());
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            byTitle[std::size_t(m_titleOrder[i])] = int(i);
        for (int row : byTitle)
            sorted.push_back(std::move(m_rows[std::size_t(row)]));
        m_rows = std::move(sorted);
        for (std::size_t i = 0; i < m_titleOrder.size(); ++i)
            m_titleOrder[i] = int(i);
        m_inTitleOrder = true;
        reindexFrom(0);
    }
    endResetModel();
    Q_EMIT rowsUpdated();
}

void EntryModel::reindexFrom(int first) {
    if (first == 0)
        m_positions.clear();
    for (int i = first; i < int(m_rows.size()); ++i)
        m_positions.insert(m_rows[std::size_t(i)].id, i);
}

void EntryModel::onEntriesChanged(const QList<QByteArray>& ids) {
    const Vault* vault = m_controller.vault();
    if (ids.isEmpty() || !vault) {
        reload();
        return;
    }
    m_titleOrder.clear(); // before the signals below: a proxy may sort while handling them
    for (const QByteArray& id : ids) {
        const EntryOverview* entry = vault->entry(id);
        const int at = rowOf(id);
        if (entry && at >= 0) {
            m_rows[std::size_t(at)] = rowFrom(*entry);
            m_titleOrder.clear();
            Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
        } else if (entry) {
            const int end = int(m_rows.size());
            beginInsertRows({}, end, end);
            m_rows.push_back(rowFrom(*entry));
            m_titleOrder.clear();
            m_positions.insert(id, end);
            endInsertRows();
        } else if (at >= 0) { // purged
            beginRemoveRows({}, at, at);
            m_positions.remove(id);
            m_rows.erase(m_rows.begin() + at);
            m_titleOrder.clear();
            reindexFrom(at);
            endRemoveRows();
        }
    }
    Q_EMIT rowsUpdated();
}

int EntryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex EntryModel::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || row >= int(m_rows.size()) || column < 0 ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex EntryModel::parent(const QModelIndex&) const {
    return {};
}

int EntryModel::titleOrder(int row) const {
    if (m_titleOrder.size() != m_rows.size()) {
        std::vector<int> rows(m_rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = int(i);
        std::sort(rows.begin(), rows.end(), [this](int a, int b) {
            const Row& x = m_rows[std::size_t(a)];
            const Row& y = m_rows[std::size_t(b)];
            if (const int order = x.foldedTitle.compare(y.foldedTitle); order != 0)
                return order < 0;
            if (const int order = x.username.compare(y.username, Qt::CaseInsensitive); order != 0)
                return order < 0;
            return x.id < y.id;
        });
        m_titleOrder.assign(rows.size(), 0);
        m_inTitleOrder = true;
        for (std::size_t place = 0; place < rows.size(); ++place) {
            m_titleOrder[std::size_t(rows[place])] = int(place);
            m_inTitleOrder = m_inTitleOrder && rows[place] == int(place);
        }
    }
    return m_titleOrder[std::size_t(row)];
}

bool EntryModel::inTitleOrder() const {
    if (!m_rows.empty())
        titleOrder(0);
    return m_inTitleOrder;
}

QModelIndex EntryModel::indexOf(const EntryId& id, int column) const {
    const int at = rowOf(id);
    return at < 0 ? QModelIndex{} : index(at, column);
}

QVariant EntryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row& r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn:
            return r.title;
        case UsernameColumn:
            return r.username;
        case UrlColumn:
            return r.url;
        case FolderColumn:
            return r.folder;
        case ModifiedColumn: {
            // The date in the list; date and time in the tool tip.
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(r.modified);
            return role == Qt::ToolTipRole ? QLocale().toString(when, QLocale::ShortFormat)
                                           : QLocale().toString(when.date(), QLocale::ShortFormat);
        }
        }
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == TitleColumn && r.favourite)
            return tr("%1 (favourite)").arg(r.title);
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        return index.column() == TitleColumn ? QVariant(avatar(r.title)) : QVariant();
    case Qt::FontRole:
        if (index.column() == TitleColumn && r.favourite) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case TitleColumn:
            return r.foldedTitle;
        case UsernameColumn:
            return fold(r.username);
        case UrlColumn:
            return fold(r.url);
        case FolderColumn:
            return fold(r.folder);
        case ModifiedColumn:
            return r.modified;
        }
        return {};
    case EntryIdRole:
        return r.id;
    case FolderRole:
        return r.folder;
    case TagsRole:
        return r.tags;
    case FavouriteRole:
        return r.favourite;
    case TrashedRole:
        return r.trashed;
    case SearchTextRole:
        return r.haystack;
    }
    return {};
}

QVariant EntryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case UsernameColumn:
        return tr("Username");
    case UrlColumn:
        return tr("URL");
    case FolderColumn:
        return tr("Folder");
    case ModifiedColumn:
        return tr("Modified");
    }
    return {};
}

Qt::ItemFlags EntryModel::flags(const QModelIndex& index) const {
    return index.isValid() ? rowFlags() : Qt::NoItemFlags;
}

Qt::ItemFlags EntryModel::rowFlags() {
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList EntryModel::mimeTypes() const {
    return {idsMimeType()};
}

QMimeData* EntryModel::mimeData(const QModelIndexList& indexes) const {
    QList<QByteArray> ids;
    for (const QModelIndex& index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const QByteArray& id = m_rows[std::size_t(index.row())].id;
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(idsMimeType(), encodeIds(ids));
    return mime;
}

QIcon EntryModel::avatar(const QString& title) const {
    const quint32 key = avatarKey(title);
    if (auto found = m_avatars.constFind(key); found != m_avatars.constEnd())
        return *found;
    QIcon icon(letterAvatar(title, AvatarPixels));
    m_avatars.insert(key, icon);
    return icon;
}

} // namespace tessera::ui
