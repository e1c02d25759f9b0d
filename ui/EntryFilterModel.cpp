#include "EntryFilterModel.h"

#include "EntryModel.h"

#include <QRegularExpression>

#include <algorithm>

namespace tessera::ui {

EntryFilterModel::EntryFilterModel(EntryModel& source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_source(source) {
    // Before QSortFilterProxyModel's own handlers (connected by setSourceModel): a changed or
    // inserted row is then filtered by its current data, never by the last search's verdict.
    const auto forget = [this] { forgetMatches(); };
    connect(&source, &QAbstractItemModel::dataChanged, this, forget);
    connect(&source, &QAbstractItemModel::rowsAboutToBeInserted, this, forget);
    connect(&source, &QAbstractItemModel::rowsAboutToBeRemoved, this, forget);
    connect(&source, &QAbstractItemModel::modelAboutToBeReset, this, forget);
    setSourceModel(&source);
    setSortRole(EntryModel::SortRole);
    setDynamicSortFilter(true);
    sort(EntryModel::TitleColumn, Qt::AscendingOrder);
    // After them: an added entry or a changed title may have left the source out of title order.
    const auto resort = [this] {
        if (sortColumn() < 0 && !m_source.inTitleOrder())
            applySort();
    };
    connect(&source, &QAbstractItemModel::dataChanged, this, resort);
    connect(&source, &QAbstractItemModel::rowsInserted, this, resort);
    connect(&source, &QAbstractItemModel::modelReset, this, resort);
}

void EntryFilterModel::forgetMatches() {
    m_bestTracked = false;
    m_matchesValid = false;
    m_accepted.clear();
    m_matchRows.clear();
}

void EntryFilterModel::sort(int column, Qt::SortOrder order) {
    m_wantedColumn = column;
    m_wantedOrder = order;
    applySort();
}

void EntryFilterModel::applySort() {
    const bool sourceOrder = m_wantedColumn == EntryModel::TitleColumn &&
                             m_wantedOrder == Qt::AscendingOrder && !m_rankByMatch &&
                             m_source.inTitleOrder();
    const int column = sourceOrder ? -1 : m_wantedColumn;
    if (column != sortColumn() || (column >= 0 && m_wantedOrder != sortOrder()))
        QSortFilterProxyModel::sort(column, m_wantedOrder);
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
    m_matchers.clear();
    for (const QString& term : std::as_const(m_terms))
        m_matchers.emplace_back(term, Qt::CaseSensitive); // both sides are folded already
    refilter();
}

bool EntryFilterModel::matches(int sourceRow) const {
    if (!inScope(m_source, sourceRow, m_scope))
        return false;
    const EntryModel::Row& row = m_source.row(sourceRow);
    for (const QStringMatcher& matcher : m_matchers)
        if (matcher.indexIn(row.haystack) < 0)
            return false;
    return true;
}

void EntryFilterModel::refilter() {
    // A query that only grew (every earlier term is inside a term now) in the same scope can only
    // lose rows: only the rows that matched before are checked again.
    bool narrowing = m_matchesValid && m_matchedScope == m_scope;
    for (const QString& before : std::as_const(m_matchedTerms)) {
        if (!narrowing)
            break;
        narrowing = std::any_of(m_terms.cbegin(), m_terms.cend(),
                                [&before](const QString& now) { return now.contains(before); });
    }
    const int rows = m_source.rowCount();
    std::vector<int> candidates;
    if (narrowing) {
        candidates = std::move(m_matchRows);
    } else {
        candidates.resize(std::size_t(rows));
        for (int r = 0; r < rows; ++r)
            candidates[std::size_t(r)] = r;
    }
    m_accepted.assign(std::size_t(rows), 0);
    m_matchRows.clear();
    m_bestSourceRow = -1;
    m_bestRank = -1;
    for (const int r : candidates) {
        if (!matches(r))
            continue;
        m_accepted[std::size_t(r)] = 1;
        m_matchRows.push_back(r);
        if (!m_foldedText.isEmpty()) {
            const int rowRank = rank(m_source.row(r).foldedTitle);
            const int order = m_source.titleOrder(r);
            if (rowRank > m_bestRank || (rowRank == m_bestRank && order < m_bestOrder)) {
                m_bestRank = rowRank;
                m_bestOrder = order;
                m_bestSourceRow = r;
            }
        }
    }
    m_matchesValid = true;
    m_matchedTerms = m_terms;
    m_matchedScope = m_scope;
    refilterProxy();
}

void EntryFilterModel::refilterProxy() {
    // invalidateFilter() updates the mapping incrementally and announces every run of removed or
    // inserted rows on its own; after a keystroke over 100k entries the matches are scattered,
    // so that is thousands of signals, each costing the view a pass over its rows. invalidate()
    // drops the mapping and announces one layout change; the rows are then filtered and sorted
    // again on the cached fields (filter_bench measures both).
    m_bestTracked = true;
    invalidate();
}

void EntryFilterModel::setRankByMatch(bool on) {
    m_rankByMatch = on;
    applySort();
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
    if (sourceParent.isValid())
        return false;
    // Decided by refilter() for every row; a row the source changed since is checked here.
    if (m_matchesValid && std::size_t(sourceRow) < m_accepted.size())
        return m_accepted[std::size_t(sourceRow)] != 0;
    return matches(sourceRow);
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
