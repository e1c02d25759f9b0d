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
}

void EntryFilterModel::setScope(const Scope& scope) {
    if (scope == m_scope)
        return;
    m_scope = scope;
    invalidateFilter();
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
    invalidateFilter();
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
    const QString& haystack = m_source.row(sourceRow).haystack;
    for (const QString& term : m_terms)
        if (!haystack.contains(term))
            return false;
    return true;
}

bool EntryFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const EntryModel::Row& a = m_source.row(left.row());
    const EntryModel::Row& b = m_source.row(right.row());
    int order = 0;
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
    if (order == 0)
        order = a.foldedTitle.compare(b.foldedTitle);
    if (order == 0)
        order = a.username.compare(b.username, Qt::CaseInsensitive);
    if (order == 0)
        return a.id < b.id;
    return order < 0;
}

QModelIndex EntryFilterModel::bestMatch() const {
    const int rows = rowCount();
    if (rows == 0)
        return {};
    if (m_foldedText.isEmpty())
        return index(0, 0);
    int best = 0;
    int bestRank = -1;
    for (int r = 0; r < rows && bestRank < 3; ++r) {
        const QString& title = m_source.row(mapToSource(index(r, 0)).row()).foldedTitle;
        int rank = 0;
        if (title == m_foldedText)
            rank = 3;
        else if (title.startsWith(m_foldedText))
            rank = 2;
        else if (title.contains(m_foldedText))
            rank = 1;
        if (rank > bestRank) {
            bestRank = rank;
            best = r;
        }
    }
    return index(best, 0);
}

} // namespace tessera::ui
