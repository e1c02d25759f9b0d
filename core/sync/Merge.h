#pragma once
// The state-based CRDT that merges two replicas of one vault (DESIGN.md "Sync through a cloud
// folder", core/FORMAT.md "Merging"). Pure functions over decoded state: no files, no keys. The
// file-level merge (core/vault/VaultMerge.cpp) applies them entry by entry; tests apply them to
// whole in-memory replicas (Replica) to check that merging is commutative, associative and
// idempotent.
//
// Rules, per entry:
//  - title, username, folder, favourite, expires, trashed, password, notes, TOTP: last-writer-wins
//    registers ordered by stamp (HLC, then device id; equal stamps with different values, which no
//    honest device makes, are ordered by value so every replica picks the same one);
//  - URLs and tags: one register per value (present or removed), so concurrent additions both
//    survive and a removal wins only over what it saw or what is older;
//  - custom fields: one register per name (value, protected flag, removed flag);
//  - every losing non-empty text or secret value goes into the history with the stamp it was
//    written at; the history is a set keyed by (stamp, field, value);
//  - created is the earliest, modified the latest.
// Purge tombstones and attachment removals are kept for good: an id in the tombstones never comes
// back from an older copy.

#include "vault/Entry.h"
#include "vault/Integrity.h"

#include <map>

namespace tessera {

struct EntryRecord {
    EntryOverview overview;
    EntryDetails details;
    EntryRecord clone() const;
};

// id -> stamp. 16-byte ids are purged entries; 32-byte ids (entry id ‖ attachment id) are removed
// attachments.
using Tombstones = std::map<QByteArray, Stamp>;

inline constexpr qsizetype AttachmentTombstoneBytes = 2 * qsizetype(EntryIdBytes);
inline QByteArray attachmentTombstone(const EntryId& entry, const QByteArray& attachment) {
    return entry + attachment;
}

// The merge of two versions of one entry (same id). Order does not matter. If conflicts is given,
// it is increased by the number of losing values the winning side had not seen (not in its
// history): concurrent edits of one field.
EntryRecord mergeEntries(const EntryRecord& a, const EntryRecord& b, int* conflicts = nullptr);

// The form mergeEntries produces: URLs, tags and custom fields in stamp order (stable: what one
// edit wrote keeps the order it was typed in), the history by (stamp, field, value) without
// duplicates. Merging puts this
// order back, so that replicas that hold the same state also store the same bytes. Local edits
// store this form too (VaultEntries.cpp).
void canonicalize(EntryRecord& entry);
void canonicalize(EntryOverview& overview, EntryDetails& details);

// Exact equality of everything stored (stamps, order, removed elements, history).
bool sameEntry(const EntryRecord& a, const EntryRecord& b);

// The highest HLC anywhere in the entry (for the future-stamp check and the local clock).
quint64 highestStamp(const EntryRecord& entry);

Register<QString> mergeName(const Register<QString>& a, const Register<QString>& b);
Tombstones mergeTombstones(const Tombstones& a, const Tombstones& b);

// A whole replica in memory. Attachment contents are immutable per attachment id, so only ids
// (and their entry) take part in the merge.
struct Replica {
    Register<QString> name;
    std::map<EntryId, EntryRecord> entries;
    std::map<QByteArray, EntryId> attachments; // attachment id -> entry
    Tombstones tombstones;
    VersionVector versions;
    Replica clone() const;
};

// What the file-level merge does, on whole replicas.
Replica mergeReplicas(const Replica& a, const Replica& b);
bool sameReplica(const Replica& a, const Replica& b);

} // namespace tessera
