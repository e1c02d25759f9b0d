#pragma once
// What search matches, shared by Vault::search, the unlock that keeps only matches and the
// desktop app's list filter so all find exactly the same entries: an entry's searchable text, and
// the case folding applied to it and to the query alike.

#include "Entry.h"

#include <QString>
#include <QStringMatcher>

#include <vector>

namespace tessera {

// Title, username, folder, URLs and tags, one per line, case-folded.
QString searchText(const EntryOverview& overview);
// Case folding as search uses it (for the haystacks and the query alike).
QString foldForSearch(QString text);

// A query as search reads it: every whitespace-separated term, case-folded, must occur in the
// entry's searchText(); entries in the trash never match. matches() may run on several threads.
class SearchQuery {
public:
    explicit SearchQuery(const QString& query);
    bool matches(const EntryOverview& overview, const QString& haystack) const;

private:
    std::vector<QStringMatcher> m_terms; // one search table per term, not one per entry
};

} // namespace tessera
