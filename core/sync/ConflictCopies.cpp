#include "ConflictCopies.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <array>

namespace tessera {

// How each sync client names the copy it keeps when a file changed on two sides at once. Every
// client puts its marker between the name and the extension (the last dot).
//
// - Dropbox: "NAME (Jane's conflicted copy 2024-05-01).EXT", older "NAME (conflicted copy
//   2024-05-01).EXT", a second one that day "NAME (MacBook-Pro's conflicted copy 2024-05-01
//   (1)).EXT" (help.dropbox.com/syncing-uploads/conflicted-copy: "the editor's username,
//   'conflicted copy', and the save date will be added to the filename").
// - Nextcloud and ownCloud desktop >= 2.5: "NAME (conflicted copy 2018-04-10 093612).EXT", with
//   the account name before the date when known ("NAME (conflicted copy alice 2018-04-10
//   093612).EXT"; nextcloud/documentation user_manual/desktop/conflicts.rst, owncloud/client
//   src/common/utility.cpp Utility::makeConflictFileName, which strips parentheses from the user
//   name).
// - ownCloud before 2.5: "NAME_conflict-20150101-120000.EXT", or "NAME_conflict_USER-…" with
//   CSYNC_CONFLICT_FILE_USERNAME (owncloud/client propagatedownload.cpp; Utility::isConflictFile
//   still looks for "_conflict-").
// - Syncthing: "NAME.sync-conflict-20240413-091523-K3X2R2T.EXT", the last part the first seven
//   characters of the device id of the device that made the losing version; versions before
//   0.14.x had no device part (Syncthing FAQ "What if there is a conflict?").
// - OneDrive (Windows, "keep both"): "NAME-HOSTNAME.EXT", again "NAME-HOSTNAME-2.EXT"; the Linux
//   client abraunegg/onedrive did the same ("somefile-laptop.txt", "somefile-laptop-2.txt", issue
//   #207) and now writes "NAME-HOSTNAME-safeBackup-0001.EXT".
// - Google Drive for desktop, Windows Explorer and many others: "NAME (1).EXT".
// - iCloud Drive and the macOS Finder: "NAME 2.EXT" (numbering starts at 2).
//
// The last three are the risky ones: a user may well name another vault "Personal-Work.tessera"
// or "Personal 2.tessera". So (1) the host name must contain a letter and must not be a word
// people use for their own copies (backup, old, copy, …: those copies are the user's, not a sync
// client's); (2) a copy named that way is only ever treated as a conflict copy when its header
// carries this vault's random bytes (headerOfThisVault), otherwise it is ignored without a word;
// and (3) every copy is still opened and verified as a hostile file before anything is merged.
// Our own temporary files (".NAME.EXT.tmp-…", core/sync/Publisher.cpp) never end in EXT.

namespace {

constexpr int MaxStackedMarkers = 4; // a conflict copy of a conflict copy of …

const QString HostName = QStringLiteral(
    "(?=[A-Za-z0-9-]*[A-Za-z])"
    "(?!(?i:backups?|bak|old|new|copy|orig|original|archive|saved?|test|tmp|temp|final|draft)"
    "(?:-\\d+)?(?![A-Za-z0-9-]))"
    "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

struct Marker {
    ConflictStyle style;
    QString pattern;
};

// Checked in this order: the first found anywhere in the name names the style, so a numbered copy
// of a Dropbox conflicted copy still says "conflict".
const std::array<Marker, 7>& markers() {
    static const std::array<Marker, 7> list{{
        {ConflictStyle::ConflictedCopy,
         QStringLiteral("[ ]\\((?:[^()]*?['\u2019][sS] )?[cC]onflicted [cC]opy(?: [^()]*?)?"
                        "(?: \\(\\d{1,3}\\))?\\)")},
        {ConflictStyle::OwnCloudLegacy, QStringLiteral("_conflict(?:_[^/]+?)?-\\d{8}-\\d{6}")},
        {ConflictStyle::Syncthing,
         QStringLiteral("\\.sync-conflict-\\d{8}-\\d{6}(?:-[A-Z0-9]{7})?")},
        {ConflictStyle::OneDriveSafeCopy,
         QStringLiteral("-[A-Za-z0-9][A-Za-z0-9-]{0,62}-safeBackup-\\d{4}")},
        {ConflictStyle::OneDriveHost,
         QStringLiteral("-") + HostName + QStringLiteral("(?:-\\d{1,3})?")},
        {ConflictStyle::NumberedCopy, QStringLiteral("[ ]\\(\\d{1,3}\\)")},
        {ConflictStyle::NumberedNoBracket, QStringLiteral("[ ](?:[2-9]|[1-9]\\d{1,2})")},
    }};
    return list;
}

// One regular expression per style: "markers, this one among them, nothing else".
const std::array<QRegularExpression, 7>& outermostMatchers() {
    static const std::array<QRegularExpression, 7> matchers = [] {
        QStringList all;
        for (const Marker& marker : markers())
            all << QStringLiteral("(?:%1)").arg(marker.pattern);
        const QString any = QStringLiteral("(?:%1)").arg(all.join(QLatin1Char('|')));
        std::array<QRegularExpression, 7> result;
        for (std::size_t i = 0; i < markers().size(); ++i) {
            result[i] = QRegularExpression(QStringLiteral("\\A%1{0,%2}(?:%3)%1{0,%2}\\z")
                                               .arg(any)
                                               .arg(MaxStackedMarkers - 1)
                                               .arg(markers()[i].pattern));
            Q_ASSERT(result[i].isValid());
        }
        return result;
    }();
    return matchers;
}

struct SplitName {
    QString stem;
    QString extension; // with its dot; empty if the name has none
};

SplitName split(const QString& fileName) {
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        return {fileName, {}};
    return {fileName.left(dot), fileName.mid(dot)};
}

constexpr qsizetype HeaderSize = 16;
constexpr qsizetype HeaderRandomOffset = 4;

} // namespace

bool saysConflict(ConflictStyle style) {
    switch (style) {
    case ConflictStyle::ConflictedCopy:
    case ConflictStyle::OwnCloudLegacy:
    case ConflictStyle::Syncthing:
    case ConflictStyle::OneDriveSafeCopy:
        return true;
    case ConflictStyle::OneDriveHost:
    case ConflictStyle::NumberedCopy:
    case ConflictStyle::NumberedNoBracket:
        return false;
    }
    return false;
}

QString describe(ConflictStyle style) {
    switch (style) {
    case ConflictStyle::ConflictedCopy:
        return QStringLiteral("Dropbox or Nextcloud conflicted copy");
    case ConflictStyle::OwnCloudLegacy:
        return QStringLiteral("ownCloud conflict copy");
    case ConflictStyle::Syncthing:
        return QStringLiteral("Syncthing conflict copy");
    case ConflictStyle::OneDriveHost:
    case ConflictStyle::OneDriveSafeCopy:
        return QStringLiteral("OneDrive copy");
    case ConflictStyle::NumberedCopy:
    case ConflictStyle::NumberedNoBracket:
        return QStringLiteral("numbered copy");
    }
    return {};
}

std::optional<ConflictStyle> conflictStyle(const QString& vaultFileName, const QString& candidate) {
    const SplitName vault = split(vaultFileName);
    if (candidate.size() <= vaultFileName.size() || !candidate.startsWith(vault.stem) ||
        !candidate.endsWith(vault.extension))
        return std::nullopt;
    const QString markersPart = candidate.mid(
        vault.stem.size(), candidate.size() - vault.stem.size() - vault.extension.size());
    if (markersPart.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < markers().size(); ++i) {
        if (outermostMatchers()[i].match(markersPart).hasMatch())
            return markers()[i].style;
    }
    return std::nullopt;
}

std::vector<ConflictCopy> findConflictCopies(const QString& vaultPath) {
    const QFileInfo vault(vaultPath);
    const QDir folder = vault.absoluteDir();
    std::vector<ConflictCopy> copies;
    const QFileInfoList files =
        folder.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo& file : files) {
        const auto style = conflictStyle(vault.fileName(), file.fileName());
        if (!style)
            continue;
        ConflictCopy copy{file.absoluteFilePath(), file.fileName(), *style, {}};
        QFile bytes(copy.path);
        if (bytes.open(QIODevice::ReadOnly)) {
            copy.header = bytes.read(HeaderSize);
            if (copy.header.size() != HeaderSize)
                copy.header.clear();
        }
        copies.push_back(std::move(copy));
    }
    return copies;
}

bool headerOfThisVault(const QByteArray& header, const std::vector<QByteArray>& knownHeaders) {
    if (header.size() != HeaderSize)
        return false;
    const QByteArray random = header.mid(HeaderRandomOffset);
    for (const QByteArray& known : knownHeaders) {
        if (known.size() == HeaderSize && known.mid(HeaderRandomOffset) == random)
            return true;
    }
    return false;
}

} // namespace tessera
