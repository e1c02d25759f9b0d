#include "EntryFilterModel.h"

#include "EntryFilterPass.h"
#include "EntryModel.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace tessera::ui {

namespace {

// A slice of a search as you type: well under a frame (16 ms), leaving the rest of the frame to
// painting; the rows are published in the next turn if the slice used half of it already.
constexpr int DefaultSliceBudgetUs = 6000;
constexpr qint64 NsPerUs = 1000;
constexpr qint64 Unbounded = std::numeric_limits<qint64>::max();

} // namespace

EntryFilterModel::EntryFilterModel(EntryModel& source, QObject* parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
    , m_sliceBudgetNs(DefaultSliceBudgetUs * NsPerUs) {
    QAbstractProxyModel::setSourceModel(&source);
    connect(&source, &QAbstractItemModel::dataChanged, this,
            &EntryFilterModel::onSourceDataChanged);
    connect(&source, &EntryModel::rowsUpdated, this, &EntryFilterModel::onSourceUpdated);
    const auto begin = [this] { beginSourceChange(); };
    const auto end = [this] { endSourceChange(); };
    connect(&source, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
    connect(&source, &QAbstractItemModel::rowsInserted, this, end);
    connect(&source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(&source, &QAbstractItemModel::rowsRemoved, this, end);
    connect(&source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
    connect(&source, &QAbstractItemModel::rowsMoved, this, end);
    connect(&source, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(&source, &QAbstractItemModel::layoutChanged, this, end);
    connect(&source, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        cancelPass();
        beginResetModel();
    });
    connect(&source, &QAbstractItemModel::modelReset, this, [this] {
        m_orderValid = false;
        m_matchesValid = false;
        filterQuietly();
        endResetModel();
        if (std::exchange(m_searchPending, false))
            Q_EMIT searchFinished();
    });
    connect(&source, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &EntryFilterModel::runSlice);
    filterQuietly();
}

EntryFilterModel::~EntryFilterModel() = default;

void EntryFilterModel::setSliceBudget(int microseconds, int maxRows) {
    m_sliceBudgetNs = qint64(microseconds) * NsPerUs;
    m_sliceMaxRows = maxRows;
}

void EntryFilterModel::setScope(const Scope& scope) {
    if (scope == m_scope)
        return;
    m_scope = scope;
    refilterNow();
}

bool EntryFilterModel::setQuery(const QString& text) {
    m_text = text;
    m_foldedText = EntryModel::fold(text.simplified());
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    QStringList terms = m_foldedText.split(whiteSpace, Qt::SkipEmptyParts);
    if (terms == m_terms)
        return false; // e.g. a trailing space: same filter, nothing to redo
    m_terms = std::move(terms);
    return true;
}

void EntryFilterModel::setSearchText(const QString& text) {
    if (text == m_text && !searching())
        return;
    if (setQuery(text))
        refilterNow();
    else
        finishSearch();
}

void EntryFilterModel::startSearch(const QString& text) {
    m_searchPending = true;
    if (!setQuery(text)) {
        if (!searching()) { // the rows match already
            m_searchPending = false;
            Q_EMIT searchFinished();
        }
        return;
    }
    cancelPass();
    m_pass = makePass();
    runSlice(); // the first slice at once: a short search is done before the key is released
}

void EntryFilterModel::finishSearch() {
    if (m_pass) {
        QElapsedTimer clock;
        clock.start();
        m_pass->run(clock, Unbounded);
        completePass();
        m_publishPending = true;
    }
    if (m_publishPending) {
        m_sliceTimer.stop();
        m_publishPending = false;
        publish();
    }
}

std::unique_ptr<EntryFilterPass> EntryFilterModel::makePass() const {
    // A query that only grew (every earlier term is inside a term now) in the same scope can only
    // lose rows: only the rows that matched before are checked again.
    bool narrowing = m_matchesValid && m_matchedScope == m_scope;
    for (const QString& before : std::as_const(m_matchedTerms)) {
        if (!narrowing)
            break;
        narrowing = std::any_of(m_terms.cbegin(), m_terms.cend(),
                                [&before](const QString& now) { return now.contains(before); });
    }
    return std::make_unique<EntryFilterPass>(m_source, m_scope, m_foldedText, m_terms,
                                             narrowing ? m_matches : displayOrder());
}

void EntryFilterModel::runSlice() {
    QElapsedTimer clock;
    clock.start();
    if (m_publishPending) {
        m_sliceTimer.stop();
        m_publishPending = false;
        publish();
        return;
    }
    if (!m_pass) {
        m_sliceTimer.stop();
        return;
    }
    if (!m_pass->run(clock, m_sliceBudgetNs, m_sliceMaxRows)) {
        m_sliceTimer.start(); // the rest in later turns, after input and painting
        return;
    }
    completePass();
    if (clock.nsecsElapsed() < m_sliceBudgetNs / 2) {
        m_sliceTimer.stop();
        publish();
    } else { // the view's work on the new rows gets a turn of its own
        m_publishPending = true;
        m_sliceTimer.start();
    }
}

void EntryFilterModel::cancelPass() {
    m_pass.reset();
    m_publishPending = false;
    m_sliceTimer.stop();
}

void EntryFilterModel::completePass() {
    m_matches = m_pass->takeMatches();
    m_bestSourceRow = m_pass->bestSourceRow();
    m_matchesValid = true;
    m_matchedTerms = m_terms;
    m_matchedScope = m_scope;
    m_pass.reset();
}

void EntryFilterModel::refilterNow() {
    cancelPass();
    m_pass = makePass();
    finishSearch();
}

void EntryFilterModel::filterQuietly() {
    cancelPass();
    m_pass = makePass();
    QElapsedTimer clock;
    clock.start();
    m_pass->run(clock, Unbounded);
    completePass();
    setRows(rankedRows(m_matches));
}

void EntryFilterModel::publish() {
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(std::size_t(from.size()));
    for (const QModelIndex& index : from)
        sourceRows.push_back(m_rows[std::size_t(index.row())]);
    setRows(rankedRows(m_matches));
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const int row = m_proxyRowOf[std::size_t(sourceRows[std::size_t(i)])];
        to.append(row < 0 ? QModelIndex() : createIndex(row, from[i].column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
    if (std::exchange(m_searchPending, false))
        Q_EMIT searchFinished();
}

void EntryFilterModel::setRows(std::vector<int> rows) {
    m_rows = std::move(rows);
    m_proxyRowOf.assign(std::size_t(m_source.rowCount()), -1);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRowOf[std::size_t(m_rows[i])] = int(i);
    m_shownBest = m_bestSourceRow;
}

std::vector<int> EntryFilterModel::rankedRows(const std::vector<int>& matches) const {
    if (!m_rankByMatch || m_foldedText.isEmpty())
        return matches;
    std::vector<int> ranks(matches.size());
    for (std::size_t i = 0; i < matches.size(); ++i)
        ranks[i] = EntryFilterPass::rank(m_source.row(matches[i]).foldedTitle, m_foldedText);
    std::vector<std::size_t> places(matches.size());
    std::iota(places.begin(), places.end(), std::size_t(0));
    std::stable_sort(places.begin(), places.end(),
                     [&ranks](std::size_t a, std::size_t b) { return ranks[a] > ranks[b]; });
    std::vector<int> rows;
    rows.reserve(matches.size());
    for (const std::size_t place : places)
        rows.push_back(matches[place]);
    return rows;
}

const std::vector<int>& EntryFilterModel::displayOrder() const {
    if (m_orderValid)
        return m_order;
    m_order.resize(std::size_t(m_source.rowCount()));
    std::iota(m_order.begin(), m_order.end(), 0);
    const int column = m_sortColumn;
    // Title order is the source's own order after every reload: no sort at all.
    const bool sorted =
        column < 0 || (column == EntryModel::TitleColumn && m_source.inTitleOrder());
    if (!sorted) {
        const EntryModel& source = m_source;
        std::stable_sort(m_order.begin(), m_order.end(), [&source, column](int left, int right) {
            const EntryModel::Row& a = source.row(left);
            const EntryModel::Row& b = source.row(right);
            int order = 0;
            switch (column) {
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
            // Title order (then username, then id) as precomputed integers.
            return source.titleOrder(left) < source.titleOrder(right);
        });
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
    m_orderValid = true;
    return m_order;
}

void EntryFilterModel::sort(int column, Qt::SortOrder order) {
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_orderValid = false;
    m_matchesValid = false; // in the old order
    refilterNow();
}

void EntryFilterModel::setRankByMatch(bool on) {
    if (on == m_rankByMatch)
        return;
    m_rankByMatch = on;
    refilterNow();
}

void EntryFilterModel::beginSourceChange() {
    if (m_sourceChanges++ > 0)
        return;
    cancelPass();
    Q_EMIT layoutAboutToBeChanged();
    m_savedProxy = persistentIndexList();
    m_savedSource.clear();
    m_savedSource.reserve(m_savedProxy.size());
    for (const QModelIndex& index : std::as_const(m_savedProxy))
        m_savedSource.append(QPersistentModelIndex(mapToSource(index)));
}

void EntryFilterModel::endSourceChange() {
    if (--m_sourceChanges > 0)
        return;
    m_orderValid = false;
    m_matchesValid = false;
    filterQuietly();
    QModelIndexList to;
    to.reserve(m_savedSource.size());
    for (const QPersistentModelIndex& source : std::as_const(m_savedSource))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_savedProxy, to);
    m_savedProxy.clear();
    m_savedSource.clear();
    Q_EMIT layoutChanged();
    if (std::exchange(m_searchPending, false))
        Q_EMIT searchFinished();
}

void EntryFilterModel::onSourceDataChanged(const QModelIndex& topLeft,
                                           const QModelIndex& bottomRight) {
    // A changed entry may now match or not, and move: the rows are redone once EntryModel has
    // applied the whole batch of changes (a sync may change thousands), then the change is passed
    // on for the rows still shown.
    if (!std::exchange(m_dataBatch, true))
        beginSourceChange();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_changedSource.append(QPersistentModelIndex(m_source.index(row, 0)));
}

void EntryFilterModel::onSourceUpdated() {
    if (!std::exchange(m_dataBatch, false))
        return;
    endSourceChange();
    const QList<QPersistentModelIndex> changed = std::exchange(m_changedSource, {});
    for (const QPersistentModelIndex& source : changed) {
        const QModelIndex left = mapFromSource(source);
        if (left.isValid())
            Q_EMIT dataChanged(left, left.siblingAtColumn(EntryModel::ColumnCount - 1));
    }
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

QModelIndex EntryFilterModel::bestMatch() const {
    if (m_rows.empty())
        return {};
    // m_shownBest is -1 for an empty query (the first row) and whenever ranking put the best
    // first; ties went to the first in list order.
    if (m_shownBest >= 0 && !m_rankByMatch)
        return index(m_proxyRowOf[std::size_t(m_shownBest)], 0);
    return index(0, 0);
}

QModelIndex EntryFilterModel::mapToSource(const QModelIndex& proxyIndex) const {
    if (!proxyIndex.isValid() || proxyIndex.model() != this ||
        std::size_t(proxyIndex.row()) >= m_rows.size())
        return {};
    return m_source.index(m_rows[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex EntryFilterModel::mapFromSource(const QModelIndex& sourceIndex) const {
    if (!sourceIndex.isValid() || sourceIndex.model() != &m_source ||
        std::size_t(sourceIndex.row()) >= m_proxyRowOf.size())
        return {};
    const int row = m_proxyRowOf[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex EntryFilterModel::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || std::size_t(row) >= m_rows.size() || column < 0 ||
        column >= EntryModel::ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex EntryFilterModel::parent(const QModelIndex&) const {
    return {};
}

QModelIndex EntryFilterModel::sibling(int row, int column, const QModelIndex&) const {
    return index(row, column);
}

int EntryFilterModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntryFilterModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : EntryModel::ColumnCount;
}

bool EntryFilterModel::hasChildren(const QModelIndex& parent) const {
    return !parent.isValid() && !m_rows.empty();
}

Qt::ItemFlags EntryFilterModel::flags(const QModelIndex& index) const {
    return index.isValid() && index.model() == this ? EntryModel::rowFlags() : Qt::NoItemFlags;
}

QVariant EntryFilterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    // The columns are the source's, with or without rows; rows are numbered as shown.
    if (orientation == Qt::Horizontal)
        return m_source.headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

} // namespace tessera::ui
