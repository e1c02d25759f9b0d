#pragma once
// What the entry list shows: the entries of one sidebar scope (all live entries, favourites, a
// folder with its subfolders, a tag, or the trash) that match the search as the user types. Search
// has Vault::search's meaning: every whitespace-separated term must occur, case-insensitively, in
// the title, username, a URL, a tag or the folder.
//
// Built for 100k entries: rows are filtered on EntryModel's cached fields, never through QVariant;
// the list's order is kept as a permutation of the source rows (sorted once per sort or change of
// the source), so a search walks the rows in that order and its matches need no sorting; the
// proxy's mapping is two flat vectors (a view laying out the rows asks nothing costly per row).
// startSearch() filters in slices through the event loop (a few ms each) and publishes the rows
// in one layout change when the pass is complete, so typing never blocks the window for more than
// a frame; a newer search cancels a running one, and a query that only grew checks the last
// matches alone.

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace tessera::ui {

class EntryFilterPass;
class EntryModel;

class EntryFilterModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    enum class ScopeKind { All, Favourites, Folder, Tag, Trash };
    struct Scope {
        ScopeKind kind = ScopeKind::All;
        QString value; // the folder path or the tag
        friend bool operator==(const Scope&, const Scope&) = default;
    };

    explicit EntryFilterModel(EntryModel& source, QObject* parent = nullptr);
    ~EntryFilterModel() override;

    void setScope(const Scope& scope); // filters at once
    const Scope& scope() const { return m_scope; }
    // Filters at once: the rows match `text` when this returns.
    void setSearchText(const QString& text);
    // Search as you type: filters in slices from the event loop; searchFinished() says when the
    // rows match `text` (at once if that took no time). A newer call cancels a running pass.
    void startSearch(const QString& text);
    bool searching() const { return m_pass != nullptr || m_publishPending; }
    void finishSearch(); // completes a running pass now (before acting on the rows)
    QString searchText() const { return m_text; }

    // The row the user most likely means: a title equal to the query, then a title starting with
    // it, then a title containing it, then any match; ties go to the first in list order. Invalid
    // when nothing matches.
    QModelIndex bestMatch() const;

    // Quick access: matches ordered by how well their title matches (bestMatch() first), then by
    // the sort column. The main list keeps the order the user sorts by.
    void setRankByMatch(bool on);

    // Whether an entry (a row of the source model) is inside a scope, whatever the search says.
    static bool inScope(const EntryModel& source, int sourceRow, const Scope& scope);

    // The time a slice of startSearch() may take, and (tests) at most how many rows it checks.
    void setSliceBudget(int microseconds, int maxRows = 0);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    // EntryModel's flags without mapping the index (QTreeView asks twice per row it lays out).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The rows now match the text of the last startSearch() (emitted once per search that was not
    // replaced by a newer one).
    void searchFinished();

private:
    bool setQuery(const QString& text); // true when the terms changed
    // A pass for the current query and scope: over the last matches when the query only grew.
    std::unique_ptr<EntryFilterPass> makePass() const;
    void runSlice();      // the timer's slot: one slice, then publish or go on
    void refilterNow();   // the whole search now, published (a change of scope, sort or query)
    void completePass();  // the finished pass's matches become the last matches
    void filterQuietly(); // a whole pass inside a change the caller announces
    void publish();       // the last matches become the rows (one layout change)
    void cancelPass();
    const std::vector<int>& displayOrder() const; // every source row, in the list's order
    std::vector<int> rankedRows(const std::vector<int>& matches) const;
    void setRows(std::vector<int> rows);
    // A change of the source: rows and persistent indexes follow the source's rows.
    void beginSourceChange();
    void endSourceChange();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void onSourceUpdated(); // EntryModel's batch of changes is complete

    EntryModel& m_source;
    Scope m_scope;
    QString m_text;
    QString m_foldedText; // the whole query, folded and simplified (best-match ranking)
    QStringList m_terms;  // folded, split on white space
    bool m_rankByMatch = false;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable std::vector<int> m_order; // displayOrder(); empty with m_orderValid false
    mutable bool m_orderValid = false;

    // The rows shown: proxy row -> source row, and source row -> proxy row (-1: not shown).
    std::vector<int> m_rows;
    std::vector<int> m_proxyRowOf;
    // The last complete pass, in display order before ranking: a query that only grew in the
    // same scope checks these rows alone.
    std::vector<int> m_matches;
    bool m_matchesValid = false;
    QStringList m_matchedTerms;
    Scope m_matchedScope;
    int m_bestSourceRow = -1;
    int m_shownBest = -1; // m_bestSourceRow of the rows shown

    std::unique_ptr<EntryFilterPass> m_pass;
    bool m_publishPending = false; // the pass is done; its rows go out on the next turn
    bool m_searchPending = false;  // a startSearch() not yet answered by searchFinished()
    QTimer m_sliceTimer;
    qint64 m_sliceBudgetNs;
    int m_sliceMaxRows = 0;

    int m_sourceChanges = 0;  // nesting of beginSourceChange()
    bool m_dataBatch = false; // entries changed; the rows are redone when the batch is complete
    QList<QPersistentModelIndex> m_changedSource;
    QModelIndexList m_savedProxy;
    QList<QPersistentModelIndex> m_savedSource;
};

} // namespace tessera::ui
