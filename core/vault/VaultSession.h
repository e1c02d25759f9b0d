#pragma once
// The state behind an unlocked Vault, shared by the files that implement it (Vault.cpp,
// VaultEntries.cpp, VaultAttachments.cpp, VaultRekey.cpp). Not part of the public API.

#include "Search.h"
#include "Vault.h"
#include "VaultFile.h"
#include "sync/DeviceStore.h"

#include <QHash>

#include <functional>
#include <map>
#include <optional>

namespace tessera {

class VaultSession {
public:
    VaultSession(Device device, DeviceStore store, QString path, OpenVault file,
                 VaultFileState state);

    Device device;
    DeviceStore store;
    QString path; // the published vault file
    OpenVault file;
    VaultFileState state;
    // The master keys of the working copy's header: they open other files with the same header
    // (the published file, conflict copies) without asking for the password again. Wiped at lock.
    std::optional<MasterKeys> master;
    Register<QString> nameRegister() const { return {name, nameStamp}; }
    Stamp nameStamp; // when the name was last set (merged as a register)
    QString name;
    std::vector<EntryOverview> entries; // sorted by title
    // entry id -> index in entries, through positionIndex() (built on first use)
    mutable QHash<QByteArray, std::size_t> positions;
    mutable bool positionsCurrent = false;
    // searchText() of each entry, parallel to entries once built by searchTexts(); empty until
    // then (a list that is only shown never needs them).
    std::vector<QString> haystacks;
    // False after an unlock with Overviews::OnDemand until every overview is opened: entries,
    // haystacks and positions are empty then, and `opened` holds the overviews opened one by one.
    bool overviewsLoaded = true;
    std::map<QByteArray, EntryOverview> opened;
    quint64 lastHlc = 0;
    qint64 seenDataVersion = 0; // PRAGMA data_version when entries were last read

    Stamp nextStamp();
    qint64 now() const { return device.clock->nowMs(); }
    Status loadEntries();
    // Vault::searchOnce without the list: every overview opened, only the matches kept (into
    // `opened`), in list order.
    Result<std::vector<const EntryOverview*>> searchUnloaded(const SearchQuery& query);
    Status ensureOverviews() { return overviewsLoaded ? Status() : loadEntries(); }
    // The overview of one entry: from the list, or (on demand) opened from its row, MAC checked.
    // nullptr if there is no such entry.
    Result<const EntryOverview*> lookup(const EntryId& id);
    // Another process of this device (the app, tessera-cli) may have committed to the working
    // copy since this session read it: then entries and versions are read again. Called before
    // every change, so no change is computed from stale entries.
    Status refreshIfChanged();
    // Records "the working copy has changes the vault file does not", on top of the state on disk
    // (another process may have published meanwhile).
    Status markUnpublished();
    // Keep entries, haystacks and positions in step; each costs O(n) moves at most, never a
    // re-sort.
    void insertEntries(std::vector<EntryOverview> added, std::vector<QString> addedHaystacks = {});
    void replaceEntry(EntryOverview overview);
    void removeEntry(const EntryId& id);
    const EntryOverview* find(const EntryId& id) const;
    void indexPositions(); // positions to be rebuilt from entries when next asked for
    const std::vector<QString>& searchTexts(); // haystacks, built on first use
    const QHash<QByteArray, std::size_t>& positionIndex() const;

    // Runs body in one transaction, then bumps this device's version, rewrites the manifest and
    // marks the working copy unpublished. Nothing is changed if body fails.
    Status write(const std::function<Status()>& body);

    // Seal and store one entry's parts (details may be null to keep the stored ones).
    Status storeOverview(const EntryOverview& overview);
    Status storeDetails(const EntryId& id, const EntryDetails& details);
    Result<EntryDetails> loadDetails(const EntryId& id);
    // One entry's sealed part (entries: the overview; details: the details), its row MAC checked
    // and opened; no value when the entry has no such row.
    Result<std::optional<SecureBuffer>> openRecord(Table table, Part part, const EntryId& id);
    Status deleteRows(Table table, const char* column, const QByteArray& value);

    QByteArray ad(QByteArrayView recordId, Part part) const {
        return partAd(file.vaultId, file.epoch, recordId, part);
    }
};

inline Error lockedError() {
    return makeError(ErrorCode::Locked, QStringLiteral("the vault is locked"));
}

// Applies changes to an overview and its details (old values to the history); true if anything
// changed. Shared by add/edit (VaultEntries.cpp) and applyBatch (VaultBatch.cpp).
bool applyChanges(EntryOverview& overview, EntryDetails& details, EntryChanges& changes,
                  const Stamp& stamp);

} // namespace tessera
