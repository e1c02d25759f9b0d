#pragma once
// The copies sync clients leave beside a vault file when two devices changed it at once
// (DESIGN.md "Sync through a cloud folder"). Finding them is a matter of names only; whether a
// copy is really this vault is decided by opening it (core/sync/Sync.h). The header check here is
// a cheap first filter that needs no key.

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace tessera {

// The naming scheme the copy's name follows (the most telling one, if names were stacked).
enum class ConflictStyle {
    ConflictedCopy,    // Dropbox, Nextcloud, ownCloud >= 2.5: "NAME (… conflicted copy …).EXT"
    OwnCloudLegacy,    // ownCloud < 2.5: "NAME_conflict-YYYYMMDD-HHMMSS.EXT"
    Syncthing,         // "NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT"
    OneDriveHost,      // OneDrive: "NAME-HOSTNAME.EXT", "NAME-HOSTNAME-2.EXT"
    OneDriveSafeCopy,  // OneDrive for Linux: "NAME-HOSTNAME-safeBackup-0001.EXT"
    NumberedCopy,      // Google Drive, Windows, many others: "NAME (1).EXT"
    NumberedNoBracket, // iCloud Drive, macOS: "NAME 2.EXT"
};

// True for names that say "conflict" outright; the others (a host name or a number added) could
// also be a file the user named that way, so they count only when their header is this vault's.
bool saysConflict(ConflictStyle style);
// "Dropbox or Nextcloud conflicted copy", "Syncthing conflict copy", ...
QString describe(ConflictStyle style);

// The style if `candidate` (a file name) is a conflict copy of the vault file named
// `vaultFileName`, else nullopt. Names only; the vault file itself is not a copy of itself.
std::optional<ConflictStyle> conflictStyle(const QString& vaultFileName, const QString& candidate);

struct ConflictCopy {
    QString path; // absolute
    QString fileName;
    ConflictStyle style = ConflictStyle::ConflictedCopy;
    QByteArray header; // its first 16 bytes (empty if it has fewer)
};

// Regular files beside the vault file whose names make them conflict copies of it, sorted by
// name. Symbolic links and folders are never taken.
std::vector<ConflictCopy> findConflictCopies(const QString& vaultPath);

// Whether a file's header carries the random bytes of one of this vault's headers (any key
// epoch): then it was made from this vault. A different vault, or this vault re-keyed on another
// device, has random bytes this device has not seen.
bool headerOfThisVault(const QByteArray& header, const std::vector<QByteArray>& knownHeaders);

} // namespace tessera
