#pragma once
// One sync of an unlocked vault with its cloud folder (DESIGN.md "Sync through a cloud folder"):
// merge the conflict copies sync clients left beside the vault file and move them to the backup
// folder, then merge the vault file if it changed and publish (Vault::sync). A copy that is
// damaged, of another vault, or under a password this device cannot open is left where it is and
// reported: never merged blindly, never published over. Used by `tessera-cli sync` and by the
// desktop app's folder watcher.

#include "ConflictCopies.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "vault/Vault.h"

#include <QString>

#include <optional>
#include <vector>

namespace tessera {

struct ConflictCopyResult {
    enum class Outcome {
        Merged,      // merged and moved to the backup folder
        LeftInPlace, // not merged (reason says why): the user should look at it
        Unrelated,   // a numbered or host-suffixed name that turned out not to be this vault
    };
    QString path;
    QString fileName;
    ConflictStyle style = ConflictStyle::ConflictedCopy;
    Outcome outcome = Outcome::LeftInPlace;
    std::optional<ErrorCode> error; // why it was left in place
    QString reason;                 // one line for the user
    MergeReport merge;              // for merged copies
    QString movedTo;                // for merged copies: its place in the backup folder
};

struct SyncReport {
    std::vector<ConflictCopyResult> copies;
    // The vault file: merged (and what changed) and published, as Vault::sync() reports it.
    MergeReport file;
    // Why the vault file was neither merged nor published, if so (the working copy keeps every
    // change meanwhile): a possible rollback, another password, a damaged file, no folder, ...
    std::optional<Error> fileError;

    int merged() const;
    int leftInPlace() const;
    bool rollbackSuspected() const;
    bool published() const { return file.published; }
};

struct SyncOptions {
    // For the vault file only (e.g. the new password after a change on another device).
    MergeOptions file;
    // The vault's master password (and secret key), if the caller has it: a conflict copy whose
    // name says "conflict" but whose header this device does not know is then tried with it, so
    // that another vault is reported as such and a copy whose KDF settings were changed on
    // another device is merged. Without it such a copy is left in place ("another password").
    const SecureBuffer* password = nullptr;
    const SecureBuffer* secretKey = nullptr;
};

// Conflict copies are merged with acceptRollback (they are older by nature; merging never loses
// newer data) and never from an older key epoch. Fails only if the vault is locked.
Result<SyncReport> syncVault(Vault& vault, const Clock& clock, const SyncOptions& options = {});

// The conflict copies beside the vault file that would be looked at, without merging anything
// (for status): the numbered and host-suffixed names only when their header is this vault's.
std::vector<ConflictCopy> pendingConflictCopies(const Vault& vault);

} // namespace tessera
