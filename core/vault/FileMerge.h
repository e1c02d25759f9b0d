#pragma once
// Merging one open vault file into another: core/sync/Merge.h applied to stored records. Used by
// Vault::merge/sync (VaultSync.cpp). Not part of the public API.

#include "Vault.h"
#include "VaultFile.h"

#include <vector>

namespace tessera {

struct FileMergeParams {
    // True: target is this device's working copy and other the file merged in. False: target is
    // a copy of the other file (a higher key epoch this device moves up to) and other is the
    // working copy. The report is always from the working copy's point of view.
    bool targetIsLocal = true;
    // Records of the side that is not the working copy with a stamp above this are refused.
    quint64 stampLimit = 0;
};

struct FileMergeResult {
    MergeReport report;
    bool targetWritten = false;         // target was changed (in one committed transaction)
    bool foreignLacksSomething = false; // the merged state holds something the foreign side lacks
    quint64 highestStamp = 0;           // the highest stamp merged in
    Register<QString> name;             // the merged vault name
    // For the working copy's in-memory list when targetIsLocal: entries written and removed.
    std::vector<EntryOverview> upserted;
    std::vector<EntryId> removed;
};

// Reads both files (rows checked against their MACs), merges every entry, attachment, tombstone,
// the name and the version vector into target in one transaction. Tampered if a record of the
// foreign side carries a stamp above params.stampLimit; then target is unchanged.
Result<FileMergeResult> mergeFileInto(OpenVault& target, OpenVault& other,
                                      const FileMergeParams& params);

class VaultSession;
// Under the publish lock: merges the vault file into the working copy if it changed since this
// device loaded or published it, then (if publish) publishes what the file lacks. Vault::sync.
Result<MergeReport> syncSession(VaultSession& session, const MergeOptions& options, bool publish);

// The stamp limit for "no more than MaxClockSkewMs ahead of nowMs".
quint64 stampLimitAt(qint64 nowMs);

} // namespace tessera
