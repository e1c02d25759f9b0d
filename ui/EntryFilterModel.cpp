#include "EntryFilterModel.h"

#include "EntryModel.h"

#include <QRegularExpression>

namespace tessera::ui {

EntryFilterModel::EntryFilterModel(EntryModel& source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_source(source) {
    setSourceModel(&source);
    setSortRole(EntryModel::SortRole);
    setDynamicSortFilter(true);
    sort(EntryModel::TitleColumn, Qt::AscendingOrder);
    const auto forget = [this] { m_bestTracked = false; };
    connect(&source, &QAbstractItemModel::dataChanged, this, forget);
    connect(&source, &QAbstractItemModel::rowsInserted, this, forget);
    connect(&source, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(&source, &QAbstractItemModel::modelReset, this, forget);
}

void EntryFilterModel::setScope(const Scope& scope) {
    if (scope == m_scope)
        return;
    m_scope = scope;
    refilter();
}

void EntryFilterModel::setSearchText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    m_foldedText = EntryModel::fold(text.simplified());
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    const QStringList terms = m_foldedText.split(whiteSpace, Qt::SkipEmptyParts);
    if (terms == m_terms)
        return; // e.g. a trailing space: same filter, nothing to redo
    m_terms = terms;
    refilter();
}

void EntryFilterModel::refilter() {
    // invalidateFilter() updates the mapping incrementally and announces every run of removed or
    // inserted rows on its own; after a keystroke over 100k entries the matches are scattered,
    // so that is thousands of signals, each costing the view a pass over its rows. invalidate()
    // drops the mapping and announces one layout change; the rows are then filtered and sorted
    // again on the cached fields (filter_bench measures both).
    m_bestTracked = true;
    m_bestSourceRow = -1;
    m_bestRank = -1;
    invalidate();
}

void EntryFilterModel::setRankByMatch(bool on) {
    m_rankByMatch = on;
    invalidate();
}

int EntryFilterModel::rank(const QString& foldedTitle) const {
    if (m_foldedText.isEmpty())
        return 0;
    if (foldedTitle == m_foldedText)
        return 3;
    if (foldedTitle.startsWith(m_foldedText))
        return 2;
    return foldedTitle.contains(m_foldedText) ? 1 : 0;
}

bool EntryFilterModel::inScope(const EntryModel& source, int sourceRow, const Scope& scope) {
    const EntryModel::Row& row = source.row(sourceRow);
    if (scope.kind == ScopeKind::Trash)
        return row.trashed;
    if (row.trashed)
        return false;
    switch (scope.kind) {
    case ScopeKind::All:
    case ScopeKind::Trash:
        return true;
    case ScopeKind::Favourites:
        return row.favourite;
    case ScopeKind::Folder:
        return row.folder == scope.value ||
               (row.folder.size() > scope.value.size() && row.folder.startsWith(scope.value) &&
                row.folder.at(scope.value.size()) == QLatin1Char('/'));
    case ScopeKind::Tag:
        return row.tags.contains(scope.value);
    }
    return false;
}

bool EntryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid() || !inScope(m_source, sourceRow, m_scope))
        return false;
    const EntryModel::Row& row = m_source.row(sourceRow);
    for (const QString& term : m_terms)
        if (!row.haystack.contains(term))
            return false;
    if (m_bestTracked && !m_foldedText.isEmpty()) {
        const int rowRank = rank(row.foldedTitle);
        const int order = m_source.titleOrder(sourceRow);
        if (rowRank > m_bestRank || (rowRank == m_bestRank && order < m_bestOrder)) {
            m_bestRank = rowRank;
            m_bestOrder = order;
            m_bestSourceRow = sourceRow;
        }
    }
    return true;
}

bool EntryFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const EntryModel::Row& a = m_source.row(left.row());
    const EntryModel::Row& b = m_source.row(right.row());
    int order = 0;
    if (m_rankByMatch) {
        const int rankA = rank(a.foldedTitle);
        const int rankB = rank(b.foldedTitle);
        if (rankA != rankB)
            return rankA > rankB;
    }
    switch (left.column()) {
    case EntryModel::UsernameColumn:
        order = a.username.compare(b.username, Qt::CaseInsensitive);
        break;
    case EntryModel::UrlColumn:
        order = a.url.compare(b.url, Qt::CaseInsensitive);
        break;
    case EntryModel::FolderColumn:
        order = a.folder.compare(b.folder, Qt::CaseInsensitive);
        break;
    case EntryModel::ModifiedColumn:
        order = a.modified < b.modified ? -1 : (a.modified > b.modified ? 1 : 0);
        break;
    default:
        break;
    }
    if (order != 0)
        return order < 0;
    // Title order (then username, then id) as precomputed integers: no string compared here.
    return m_source.titleOrder(left.row()) < m_source.titleOrder(right.row());
}

QModelIndex EntryFilterModel::bestMatch() const {
    const int rows = rowCount();
    if (rows == 0)
        return {};
    if (m_foldedText.isEmpty())
        return index(0, 0);
    if (m_bestTracked && m_bestSourceRow >= 0) {
        // Ties went to the first in title order, which is the list's order unless the user
        // sorted by another column.
        const QModelIndex tracked = mapFromSource(m_source.index(m_bestSourceRow, 0));
        if (tracked.isValid())
            return tracked;
    }
    int best = 0;
    int bestRank = -1;
    for (int r = 0; r < rows && bestRank < 3; ++r) {
        const int rowRank = rank(m_source.row(mapToSource(index(r, 0)).row()).foldedTitle);
        if (rowRank > bestRank) {
            bestRank = rowRank;
            best = r;
        }
    }
    return index(best, 0);
}

} // namespace tessera::ui
