#pragma once
// What the entry list shows: the entries of one sidebar scope (all live entries, favourites, a
// folder with its subfolders, a tag, or the trash) that match the search as the user types. Search
// has Vault::search's meaning: every whitespace-separated term must occur, case-insensitively, in
// the title, username, a URL, a tag or the folder. Rows are filtered and sorted on EntryModel's
// cached fields, never through QVariant, so a keystroke over 100k entries stays instant.

#include <QSortFilterProxyModel>
#include <QStringList>
#include <QStringMatcher>

#include <vector>

namespace tessera::ui {

class EntryModel;

class EntryFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class ScopeKind { All, Favourites, Folder, Tag, Trash };
    struct Scope {
        ScopeKind kind = ScopeKind::All;
        QString value; // the folder path or the tag
        friend bool operator==(const Scope&, const Scope&) = default;
    };

    explicit EntryFilterModel(EntryModel& source, QObject* parent = nullptr);

    void setScope(const Scope& scope);
    const Scope& scope() const { return m_scope; }
    void setSearchText(const QString& text);
    QString searchText() const { return m_text; }

    // The row the user most likely means: a title equal to the query, then a title starting with
    // it, then a title containing it, then any match; ties go to the first in list order. Invalid
    // when nothing matches.
    QModelIndex bestMatch() const;

    // Quick access: matches ordered by how well their title matches (bestMatch() first), then by
    // title. The main list keeps the order the user sorts by.
    void setRankByMatch(bool on);

    // Whether an entry (a row of the source model) is inside a scope, whatever the search says.
    static bool inScope(const EntryModel& source, int sourceRow, const Scope& scope);

    // Sorting by title (ascending) keeps EntryModel's own order when its rows are in title order
    // (EntryModel::inTitleOrder), so no keystroke sorts 100k rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int rank(const QString& foldedTitle) const; // 3 equal, 2 starts with, 1 contains, 0 other
    void refilter();
    void refilterProxy(); // the proxy's mapping rebuilt from m_accepted, one layout change
    bool matches(int sourceRow) const; // scope and every term
    void applySort();                  // the wanted sort, or the source order where that is it
    void forgetMatches();              // after a change of the source

    // The rows that matched the last search, so that a query that only grows (each term typed
    // further) checks those rows alone; m_accepted[sourceRow] answers filterAcceptsRow.
    std::vector<int> m_matchRows;
    std::vector<char> m_accepted;
    bool m_matchesValid = false;
    QStringList m_matchedTerms;
    Scope m_matchedScope;
    int m_wantedColumn = 0;
    Qt::SortOrder m_wantedOrder = Qt::AscendingOrder;

    EntryModel& m_source;
    Scope m_scope;
    QString m_text;
    QString m_foldedText; // the whole query, folded and trimmed (best-match ranking)
    QStringList m_terms;  // folded, split on white space
    // One matcher per term: its skip table is built once per keystroke, not once per row.
    std::vector<QStringMatcher> m_matchers;
    bool m_rankByMatch = false;
    // The best match, found while the rows are filtered after a keystroke (no second pass over
    // 100k rows); invalid once the source changes, and bestMatch() then looks row by row.
    mutable bool m_bestTracked = false;
    mutable int m_bestSourceRow = -1;
    mutable int m_bestRank = -1;
    mutable int m_bestOrder = 0;
};

} // namespace tessera::ui
