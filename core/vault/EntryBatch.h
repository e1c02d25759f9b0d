#pragma once
// Many entries added and edited in ONE transaction: what an import (all or nothing) and an export
// into a new vault need. Unlike EntryChanges alone, an incoming entry also brings what a user
// never types: its trash state, its creation and modification times, the previous values its
// source kept (KeePass history, Bitwarden password history) and its attachments.

#include "Entry.h"
#include "crypto/SecureBuffer.h"

#include <QString>

#include <utility>
#include <vector>

namespace tessera {

// A previous value of a field, as the source recorded it.
struct PastValue {
    QString field; // "password", "title", "username", "notes", "totp", "url" or a custom field
    SecureBuffer value;
    qint64 replacedMs = 0; // when it stopped being current (0 = unknown: now)
};

struct IncomingAttachment {
    QString name;
    SecureBuffer content; // at most MaxAttachmentBytes
};

struct IncomingEntry {
    EntryChanges changes; // a title is required
    bool trashed = false;
    qint64 created = 0;  // ms since epoch; 0 = now
    qint64 modified = 0; // ms since epoch; 0 = now
    std::vector<PastValue> history;
    std::vector<IncomingAttachment> attachments;
};

struct EntryBatch {
    std::vector<IncomingEntry> add;
    // Edits of existing entries, applied like Vault::edit: old values go to the entry's history.
    std::vector<std::pair<EntryId, EntryChanges>> edit;
};

} // namespace tessera
