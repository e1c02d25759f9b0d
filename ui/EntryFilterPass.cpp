#include "EntryFilterPass.h"

#include "EntryModel.h"

#include <QElapsedTimer>

#include <algorithm>

namespace tessera::ui {

namespace {

// Rows checked between two looks at the clock (one check costs about as much as a row).
constexpr int RowsPerClockCheck = 256;

} // namespace

EntryFilterPass::EntryFilterPass(const EntryModel& source, const EntryFilterModel::Scope& scope,
                                 const QString& foldedQuery, const QStringList& terms,
                                 std::vector<int> candidates)
    : m_source(source)
    , m_scope(scope)
    , m_foldedQuery(foldedQuery)
    , m_candidates(std::move(candidates)) {
    m_matchers.reserve(std::size_t(terms.size()));
    for (const QString& term : terms)
        m_matchers.emplace_back(term, Qt::CaseSensitive); // both sides are folded already
}

int EntryFilterPass::rank(const QString& foldedTitle, const QString& foldedQuery) {
    if (foldedQuery.isEmpty())
        return 0;
    if (foldedTitle == foldedQuery)
        return 3;
    if (foldedTitle.startsWith(foldedQuery))
        return 2;
    return foldedTitle.contains(foldedQuery) ? 1 : 0;
}

bool EntryFilterPass::matches(int sourceRow) const {
    if (!EntryFilterModel::inScope(m_source, sourceRow, m_scope))
        return false;
    const QString& haystack = m_source.row(sourceRow).haystack;
    for (const QStringMatcher& matcher : m_matchers)
        if (matcher.indexIn(haystack) < 0)
            return false;
    return true;
}

bool EntryFilterPass::run(const QElapsedTimer& clock, qint64 budgetNs, int maxRows) {
    const std::size_t end = maxRows > 0
                                ? std::min(m_candidates.size(), m_next + std::size_t(maxRows))
                                : m_candidates.size();
    int sinceCheck = 0;
    while (m_next < end) {
        const int row = m_candidates[m_next++];
        if (matches(row)) {
            m_matches.push_back(row);
            if (!m_foldedQuery.isEmpty() && m_bestRank < 3) {
                const int rowRank = rank(m_source.row(row).foldedTitle, m_foldedQuery);
                if (rowRank > m_bestRank) { // ties: the earlier candidate, the list's order
                    m_bestRank = rowRank;
                    m_bestRow = row;
                }
            }
        }
        if (++sinceCheck == RowsPerClockCheck) {
            sinceCheck = 0;
            if (clock.nsecsElapsed() >= budgetNs)
                break;
        }
    }
    return done();
}

} // namespace tessera::ui
