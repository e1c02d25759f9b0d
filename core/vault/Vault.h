#pragma once
// The vault API that the CLI and the desktop app use. A Vault is an unlocked vault: its keys, the
// opened overviews, and the private working copy. Every change is committed to the working copy at
// once; publish() writes it to the vault file (atomically, with a backup of the previous file).

#include "Entry.h"
#include "EntryBatch.h"
#include "Header.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

#include <memory>
#include <vector>

namespace tessera {

class VaultSession;

// What a vault needs from the machine it runs on.
struct Device {
    QString dataDir; // Tessera's local data folder (0700): working copies, state, backups
    const Clock* clock = nullptr;
};

struct VaultInfo {
    QByteArray id; // 16 bytes
    QString name;
    int formatVersion = 0; // PRAGMA user_version of the working copy (core/FORMAT.md)
    quint32 keyEpoch = 0;
    KdfParams kdf;
    bool requiresSecretKey = false;
    qint64 created = 0; // ms since epoch
    int entryCount = 0; // not trashed
    int trashedCount = 0;
    QString path;        // the published vault file
    QString workingCopy; // the private working copy
    QString backupDir;
    bool unpublishedChanges = false;
};

enum class Scope { Live, Trashed, Any };

// Stamps further ahead of this device's clock than this are refused (a clock that is far off, or
// a file pinned into the future by tampering): the whole input is refused, nothing is merged.
inline constexpr qint64 MaxClockSkewMs = 24 * 60 * 60 * 1000;

struct MergeOptions {
    // The other file's master password (and secret key) when the file is not under this vault's
    // current header: the NEW password of a vault re-keyed on another device, or (with
    // allowOlderEpoch) an OLD password the user typed explicitly. Ignored otherwise.
    const SecureBuffer* otherPassword = nullptr;
    const SecureBuffer* otherSecretKey = nullptr;
    // Merge a copy made under an older master password (lower key epoch). Only when the user
    // typed that old password for this very purpose.
    bool allowOlderEpoch = false;
    // Merge a file that looks like a rollback (behind what this device has seen). Merging never
    // loses newer data, so this is safe; it exists so that a rollback is never accepted silently.
    // Pass true for conflict copies and backups, which are older by nature, and show
    // report.rollbackSuspected to the user.
    bool acceptRollback = false;
};

// One device's latest stamp in a version vector.
struct DeviceVersion {
    QByteArray device; // 16 bytes
    quint64 hlc = 0;   // 48-bit ms wall time << 16 | counter
    bool thisDevice = false;
    qint64 wallMs() const { return qint64(hlc >> 16); }
};

// What a merge changed, as this device sees it. Titles are of the merged entries (of the local
// ones for purged entries), sorted, each once.
struct MergeReport {
    int added = 0;    // entries this device did not have
    int updated = 0;  // entries whose content changed
    int trashed = 0;  // moved to the trash on the other side
    int restored = 0; // restored from the trash on the other side
    int purged = 0;   // deleted for good on the other side
    int attachmentsAdded = 0;
    int attachmentsRemoved = 0;
    // Fields both sides changed concurrently: the losing value was kept in the entry's history.
    int conflictsKeptInHistory = 0;
    bool renamed = false; // the vault's name changed
    QStringList changedTitles;
    bool rollbackSuspected = false; // merged although behind what this device has seen
    bool olderEpochMerged = false;  // merged from a lower key epoch (an old password's copy)
    bool movedToEpoch = false;      // this device moved up to the file's higher key epoch
    quint32 keyEpoch = 0;           // this vault's key epoch after the merge
    bool merged = false;            // sync(): the vault file had changed and was merged
    bool published = false;         // sync(): the working copy was published to the vault file
    QStringList warnings;           // one line each, for the user (rollback, older epoch)

    bool changed() const {
        return added + updated + trashed + restored + purged + attachmentsAdded +
                       attachmentsRemoved >
                   0 ||
               renamed || movedToEpoch;
    }
};

// Whether unlock opens every entry's overview (the list, search) or only the ones a command
// names (show, add, edit, ...: a single-entry command then costs the same at 100 entries as at
// 100k). SearchOnce: as OnDemand, but ready for one searchOnce() over every entry (tessera-cli
// search). Either way the manifest and every row read are verified.
enum class Overviews { Load, OnDemand, SearchOnce };

class Vault {
public:
    struct CreateOptions {
        QString name;
        KdfParams kdf;
        const SecureBuffer* secretKey = nullptr; // optional per-device secret key
    };

    // Creates a new vault file at path (which must not exist) and returns it unlocked.
    static Result<std::unique_ptr<Vault>> create(const Device& device, const QString& path,
                                                 const SecureBuffer& password,
                                                 const CreateOptions& options);
    // Opens the vault file at path. Errors: WrongPassword, NotAVault, NewerVersion, Damaged,
    // Tampered (also: a possible rollback when this device has no changes of its own to keep),
    // ResourceLimit, PasswordNeeded (the password was changed on another device while this device
    // has unpublished changes under the previous one: unlock with the previous password, then
    // sync() with the new one), Io. If the vault file changed and this device has unpublished
    // changes, the working copy is opened and the file merged into it; if that merge cannot be
    // done now (another password, a rollback, a damaged file), the vault still unlocks and the
    // next sync()/publish() reports why.
    // With Overviews::OnDemand, resolve(), entry(), details() and every change open only the
    // entries they name; entries(), search() and info() need loadOverviews() first.
    static Result<std::unique_ptr<Vault>> unlock(const Device& device, const QString& path,
                                                 const SecureBuffer& password,
                                                 const SecureBuffer* secretKey = nullptr,
                                                 Overviews overviews = Overviews::Load);

    ~Vault(); // locks
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Wipes every key and closes the working copy. Details handed out earlier are the caller's to
    // drop.
    void lock();
    // lock() for a process about to exit (tessera-cli): keys and every secret are wiped as by
    // lock(), but the list of overviews (what the entry list shows, never secret, held in plain
    // memory while unlocked) is left to the process exit instead of being freed string by string,
    // which is ~8% of a command at 100k entries. Sanitizer builds free it as lock() does.
    void lockForExit();
    bool isLocked() const;

    VaultInfo info() const;
    Status rename(const QString& name);

    // Opens every overview (a no-op unless unlocked with Overviews::OnDemand).
    Status loadOverviews();
    // Every entry's overview, trashed ones included, sorted by title (case-insensitive), then
    // username.
    const std::vector<EntryOverview>& entries() const;
    const EntryOverview* entry(const EntryId& id) const;
    // Case-insensitive; every whitespace-separated term must match the title, username, a URL, a
    // tag or the folder. Trashed entries are left out.
    std::vector<const EntryOverview*> search(const QString& query) const;
    // search() for one query, without loading the list when the vault was unlocked with
    // Overviews::OnDemand or SearchOnce: every overview is opened and checked as loadOverviews()
    // does, only the matches are kept, in entries() order (no list of every entry to hold and
    // sort). With the overviews loaded, the same as search(). Errors as loadOverviews().
    Result<std::vector<const EntryOverview*>> searchOnce(const QString& query);
    // ENTRY as users type it: 32 hex digits of an id, or a title (exact, case-insensitive, through
    // the keyed title index). NotFound, or Ambiguous with the candidates in the message.
    Result<EntryId> resolve(const QString& idOrTitle, Scope scope = Scope::Live) const;

    // Opens one entry's details into secure memory.
    Result<EntryDetails> details(const EntryId& id) const;
    Result<EntryId> add(EntryChanges changes); // title required
    // Adds many entries in one transaction (imports, benchmarks): all or nothing.
    Result<std::vector<EntryId>> addAll(std::vector<EntryChanges> entries);
    // Adds and edits many entries in one transaction (import, export to a new vault): all or
    // nothing. Returns the new entries' ids in the order of batch.add.
    Result<std::vector<EntryId>> applyBatch(EntryBatch batch);
    Status edit(const EntryId& id, EntryChanges changes);
    Status trash(const EntryId& id);
    Status restore(const EntryId& id);
    Status purge(const EntryId& id); // for good: leaves a permanent tombstone

    Result<std::vector<AttachmentInfo>> attachments(const EntryId& id) const;
    // TooLarge above MaxAttachmentBytes; an existing attachment of that name is replaced.
    Result<AttachmentInfo> attach(const EntryId& id, const QString& name,
                                  const SecureBuffer& content);
    Result<SecureBuffer> attachmentContent(const EntryId& id, const QString& name) const;
    Status detach(const EntryId& id, const QString& name);

    // New master password (and/or secret key): new vault key, every record re-sealed, key epoch +
    // 1, re-keyed into a new file with a new header. newSecretKey = nullptr: no secret key.
    Status changePassword(const SecureBuffer& newPassword, KdfParams kdf,
                          const SecureBuffer* newSecretKey = nullptr);
    // Turns the secret key on, replaces it, or turns it off (newSecretKey = nullptr), keeping the
    // master password: a re-key exactly like changePassword (new vault key and header, key epoch
    // + 1), so other devices need the new key once and a dropped key is no longer asked for.
    // password (and currentSecretKey, when the vault has one) must be today's: WrongPassword
    // otherwise, and nothing changes. Runs the KDF twice.
    Status changeSecretKey(const SecureBuffer& password, const SecureBuffer* currentSecretKey,
                           const SecureBuffer* newSecretKey);
    // New KDF parameters only: same vault key and epoch, new header, re-keyed file.
    Status changeKdf(const SecureBuffer& password, KdfParams kdf,
                     const SecureBuffer* secretKey = nullptr);

    // ---- Sync (DESIGN.md "Sync through a cloud folder"; core/FORMAT.md "Merging") ----

    // Merges another replica of THIS vault (a conflict copy, a backup, a copy from elsewhere) into
    // the working copy, field by field: nothing either side typed is lost (a losing value goes to
    // the entry's history), purged entries never come back. Does not publish: call sync() (or
    // publish()) afterwards. otherFile is never written; it is copied to a private path and
    // opened the hardened way (read-only, immutable, exact schema, integrity check, manifest and
    // every row MAC verified, every record opened) before anything in it is believed.
    //
    // Key epochs: a file with this vault's current header needs no password. Any other file needs
    // options.otherPassword (PasswordNeeded without it):
    //  - at a HIGHER key epoch (the master password was changed on another device) whose epoch
    //    links verify down to this vault's key: this device moves up to that epoch (its working
    //    copy is merged into the file's state under the new keys; report.movedToEpoch). From then
    //    on the vault unlocks with the new password only.
    //  - at a LOWER key epoch (a copy made under an old master password): merged only with
    //    options.allowOlderEpoch (else OlderEpoch), and report.olderEpochMerged + a warning.
    //  - at the same epoch under other KDF settings: merged.
    //
    // Errors, after which NOTHING has changed: OtherVault (a different vault id), PasswordNeeded,
    // WrongPassword (otherPassword does not open it), OlderEpoch, PossibleRollback (the file is
    // behind the highest version vector this device has seen for this vault, or behind its own
    // last published stamp, and options.acceptRollback is false), Tampered (integrity checks, an
    // epoch chain that does not reach this vault's key, the same epoch under another key, or
    // stamps more than MaxClockSkewMs ahead of this device's clock), Damaged, NotAVault,
    // NewerVersion, Io.
    Result<MergeReport> merge(const QString& otherFile, const MergeOptions& options);

    // Publishes with merging. Under the publish lock: if the vault file changed since this device
    // loaded or published it, it is merged into the working copy first (exactly as merge() with
    // these options); then the working copy is published if the vault file lacks anything of it
    // (report.published). A file this device could not open is never published over: the
    // errors are merge()'s (PasswordNeeded when the password was changed on another device:
    // ask for the new one and call sync() again with options.otherPassword). When another device
    // renames its version over the file between the merge and the rename, that one is merged too
    // and the publish tried again (a few rounds; then ChangedOnDisk).
    Result<MergeReport> sync(const MergeOptions& options);
    // sync() with default options, for callers that need no report.
    Status publish();

    // True if the vault file is not the version this device last loaded, merged or published
    // (a cheap stat(2) check first, then its hash); false if it is missing. For watchers.
    Result<bool> vaultFileChanged() const;
    // The working copy's version vector: each device's latest stamp (DeviceVersion::wallMs() is
    // the time of that device's last edit as its clock said). Sorted by device id.
    std::vector<DeviceVersion> versionVector() const;
    // The highest version vector this device has seen in files of this vault (kept outside the
    // vault, in the data folder): what rollback detection compares against.
    std::vector<DeviceVersion> seenVersionVector() const;
    QByteArray deviceId() const; // this device's id (16 bytes)

private:
    explicit Vault(std::unique_ptr<VaultSession> session);
    std::unique_ptr<VaultSession> m_session;
};

// Iterations that make one unlock take about targetMs on this machine at the given memory (never
// fewer than DefaultOpsLimit).
KdfParams calibrateKdf(const Clock& clock, std::uint8_t memLog2 = DefaultMemLog2,
                       int targetMs = 1000);

} // namespace tessera
