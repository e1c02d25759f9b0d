#pragma once
// Opening and creating vault files: the checks of DESIGN.md "Opening files Tessera did not just
// write", in order, before anything in the file is believed.

#include "Entry.h"
#include "EpochChain.h"
#include "Header.h"
#include "Integrity.h"
#include "KeyRing.h"
#include "storage/Database.h"

namespace tessera {

enum class Trust {
    Own,     // this device's private working copy
    Foreign, // anything else: opened read-only and immutable, every row checked
    // As Foreign, with every row checked against its MAC, but the sealed records are left for the
    // caller to open: a merge opens every record it uses and skips only those whose sealed bytes
    // equal its own working copy's (already known intact). core/vault/FileMerge.cpp.
    ForeignRows,
};

struct OpenVault {
    Database db;
    Header header;
    QByteArray vaultId;
    quint64 epoch = 0;
    qint64 created = 0;
    QByteArray sealedName;
    VaultKeys keys;
    VersionVector versions;
    std::vector<EpochRecord> epochs;
    // The entries table's row MACs, collected by the last manifest check (verifyVaultManifest)
    // and used by loadOverviews while the file has not changed since.
    struct CollectedMacs {
        RowMacIndex macs;
        qint64 changes = -1; // db.totalChanges() then; -1: none collected
        qint64 dataVersion = -1;
    } entryMacs;

    ManifestBinding binding() const { return {vaultId, header.bytes(), epoch, keys.rowMac.format}; }
};

// verifyManifest on an open file; with `collectEntryMacs`, keeps the entries' row MACs for
// loadOverviews.
// `helper`: a second connection to the same file (see verifyManifest).
Result<VersionVector> verifyVaultManifest(OpenVault& vault, bool collectEntryMacs,
                                          Database* helper = nullptr);
// The entries' row MACs if still current, else read again from row_macs.
Result<RowMacIndex> takeEntryMacs(OpenVault& vault);

// Everything that can be said about a file before any key derivation: its header, and whether its
// size is whole pages. NotAVault, NewerVersion, Damaged, Io.
Result<Header> inspectFile(const QString& path);

// Opens a file whose header was inspected, with keys derived from the password.
// From this file size on (about 2k entries) the manifest pass at open is split over a second
// connection and thread; below, they cost about what they save. (At 10k entries, interleaved runs:
// tessera-cli ls 56.4 ms with, 58.5 ms without; vault_bench unlock 32-40 ms with, 33-40 without.)
inline constexpr qint64 ManifestHelperFromBytes = 2 * 1024 * 1024;

// With `collectEntryMacs`, keeps the entries' row MACs for a loadOverviews that follows.
Result<OpenVault> openVaultFile(const QString& path, const Header& header, const MasterKeys& master,
                                Trust trust, bool collectEntryMacs = false);

// Every row of an open file against its MAC and every sealed part opened and decoded; no details
// or attachment without its entry (what Trust::Foreign does at open).
Status openEveryRecord(OpenVault& vault);

// Creates a new file with schema, metadata, keyring, the given epochs (the last one current) and a
// manifest. Used for new vaults and for re-keying. The file must not exist.
struct NewFile {
    Header header;
    QByteArray vaultId;
    qint64 created = 0;
    std::vector<EpochRecord> epochs;
};
Result<OpenVault> createVaultFile(const QString& path, const NewFile& spec,
                                  const MasterKeys& master, Key vaultKey,
                                  const VersionVector& versions);

// The vault name sealed for the meta table, and opened again.
QByteArray sealName(const OpenVault& vault, const QString& name);
Result<QString> openName(const OpenVault& vault);
Status storeName(OpenVault& vault, const QString& name);
// The stamp of the last rename (meta "name_stamp"; a file without one has the zero stamp), so that
// the name merges as a last-writer-wins register.
Result<Stamp> readNameStamp(OpenVault& vault);
Status storeNameStamp(OpenVault& vault, const Stamp& stamp);

} // namespace tessera
