#pragma once
// The vault API that the CLI and the desktop app use. A Vault is an unlocked vault: its keys, the
// opened overviews, and the private working copy. Every change is committed to the working copy at
// once; publish() writes it to the vault file (atomically, with a backup of the previous file).

#include "Entry.h"
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
    int formatVersion = 1;
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
    // Tampered, ResourceLimit, ChangedOnDisk (the file changed while this device has unpublished
    // changes), Io.
    static Result<std::unique_ptr<Vault>> unlock(const Device& device, const QString& path,
                                                 const SecureBuffer& password,
                                                 const SecureBuffer* secretKey = nullptr);

    ~Vault(); // locks
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Wipes every key and closes the working copy. Details handed out earlier are the caller's to
    // drop.
    void lock();
    bool isLocked() const;

    VaultInfo info() const;
    Status rename(const QString& name);

    // Every entry's overview, trashed ones included, sorted by title (case-insensitive), then
    // username.
    const std::vector<EntryOverview>& entries() const;
    const EntryOverview* entry(const EntryId& id) const;
    // Case-insensitive; every whitespace-separated term must match the title, username, a URL, a
    // tag or the folder. Trashed entries are left out.
    std::vector<const EntryOverview*> search(const QString& query) const;
    // ENTRY as users type it: 32 hex digits of an id, or a title (exact, case-insensitive, through
    // the keyed title index). NotFound, or Ambiguous with the candidates in the message.
    Result<EntryId> resolve(const QString& idOrTitle, Scope scope = Scope::Live) const;

    // Opens one entry's details into secure memory.
    Result<EntryDetails> details(const EntryId& id) const;
    Result<EntryId> add(EntryChanges changes); // title required
    // Adds many entries in one transaction (imports, benchmarks): all or nothing.
    Result<std::vector<EntryId>> addAll(std::vector<EntryChanges> entries);
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
    // New KDF parameters only: same vault key and epoch, new header, re-keyed file.
    Status changeKdf(const SecureBuffer& password, KdfParams kdf,
                     const SecureBuffer* secretKey = nullptr);

    // Writes the working copy to the vault file. ChangedOnDisk if the file changed since this
    // device loaded or published it (merging comes with sync).
    Status publish();

private:
    explicit Vault(std::unique_ptr<VaultSession> session);
    std::unique_ptr<VaultSession> m_session;
};

// Iterations that make one unlock take about targetMs on this machine at the given memory (never
// fewer than DefaultOpsLimit).
KdfParams calibrateKdf(const Clock& clock, std::uint8_t memLog2 = DefaultMemLog2,
                       int targetMs = 1000);

} // namespace tessera
