#pragma once
// What search matches, shared by Vault::search and the desktop app's list filter so both find
// exactly the same entries: an entry's searchable text, and the case folding applied to it and to
// the query alike. (Implemented in VaultSession.cpp.)

#include "Entry.h"

#include <QString>

namespace tessera {

// Title, username, folder, URLs and tags, one per line, case-folded.
QString searchText(const EntryOverview& overview);
// Case folding as search uses it (for the haystacks and the query alike).
QString foldForSearch(QString text);

} // namespace tessera
