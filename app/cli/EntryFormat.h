#pragma once
// Entry overviews as ls, search and show print them: one line per entry, or JSON.

#include "CliCommon.h"
#include "JsonWriter.h"

#include "vault/Entry.h"

#include <vector>

namespace tessera::cli {

// The overview's fields as members of the JSON object being written.
void writeOverviewFields(JsonWriter& json, const EntryOverview& entry);
// id, title, username and folder, tab-separated, one line per entry; or a JSON array.
void printOverviews(Output& out, const std::vector<const EntryOverview*>& entries, bool asJson);

} // namespace tessera::cli
