#pragma once
// Opening every overview at unlock: the one step whose cost grows with the vault.

#include "Entry.h"
#include "Search.h"
#include "VaultFile.h"

#include <vector>

namespace tessera {

struct LoadedOverviews {
    std::vector<EntryOverview> overviews;
    std::vector<QString> haystacks; // with keepOnly: searchText() of each; else none
};

// Every entries row checked against its MAC, opened and decoded; all of them kept in row order,
// or with `keepOnly` only the ones it matches, in no particular order.
Result<LoadedOverviews> loadOverviews(OpenVault& vault, const SearchQuery* keepOnly = nullptr);

} // namespace tessera
