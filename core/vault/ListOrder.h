#pragma once
// The order of the entry list (Vault::entries): by searchText(), which starts with the case-folded
// title, then '\n' and the username ('\n' sorts below any printable character); the id breaks
// ties. Unlock sorts a whole vault by it without building the search texts.

#include "Entry.h"

#include <QString>

#include <vector>

namespace tessera {

// Whether the entry with search text a and id idA comes before the one with b and idB.
bool listOrder(const QString& a, const EntryId& idA, const QString& b, const EntryId& idB);

// The positions of `items` in list order. texts: their search texts when the caller has them
// (else only the entries whose first 32 folded units tie have theirs built).
std::vector<std::size_t> listOrderOf(const std::vector<EntryOverview>& items,
                                     const std::vector<QString>* texts = nullptr);

// Reorders items (and texts, unless empty) so that position k holds what was at order[k]:
// every element moves once.
void permuteInPlace(std::vector<EntryOverview>& items, std::vector<QString>& texts,
                    const std::vector<std::size_t>& order);

} // namespace tessera
