#pragma once
// One search over the entry list, done in slices: which of the candidate rows (source rows of
// EntryModel, in the order the list shows them) are in the scope and contain every term. The
// caller runs it a slice at a time from the event loop, so a keystroke over 100k entries never
// holds the loop for longer than the slice's budget; the matches keep the candidates' order, and
// the best match (EntryFilterModel::bestMatch's ranking) is found on the way.

#include "EntryFilterModel.h"

#include <QStringList>
#include <QStringMatcher>

#include <vector>

class QElapsedTimer;

namespace tessera::ui {

class EntryModel;

class EntryFilterPass {
public:
    // foldedQuery: the whole query, folded and simplified (ranking); terms: its words.
    EntryFilterPass(const EntryModel& source, const EntryFilterModel::Scope& scope,
                    const QString& foldedQuery, const QStringList& terms,
                    std::vector<int> candidates);

    // Checks candidates until all are checked, `maxRows` were checked (0: no limit) or `clock`
    // passed `budgetNs` (looked at every few hundred rows). True once every candidate is checked.
    bool run(const QElapsedTimer& clock, qint64 budgetNs, int maxRows = 0);
    bool done() const { return m_next >= m_candidates.size(); }

    std::vector<int> takeMatches() { return std::move(m_matches); }
    // The best-ranked match, ties to the earliest candidate; -1 when none matched.
    int bestSourceRow() const { return m_bestRow; }

    // 3: the title equals the query, 2: starts with it, 1: contains it, 0: otherwise.
    static int rank(const QString& foldedTitle, const QString& foldedQuery);

private:
    bool matches(int sourceRow) const;

    const EntryModel& m_source;
    EntryFilterModel::Scope m_scope;
    QString m_foldedQuery;
    // One matcher per term: its skip table is built once per search, not once per row.
    std::vector<QStringMatcher> m_matchers;
    std::vector<int> m_candidates;
    std::size_t m_next = 0;
    std::vector<int> m_matches;
    int m_bestRow = -1;
    int m_bestRank = -1;
};

} // namespace tessera::ui
