// Sync: merging other replicas of the vault into the working copy (key epochs, rollback checks),
// and publishing with merging. DESIGN.md "Sync through a cloud folder".
#include "Vault.h"

#include "FileMerge.h"
#include "VaultSession.h"
#include "sync/Publisher.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tessera {

namespace {

constexpr int KeepBackups = 10;
constexpr int CounterBits = 16;
constexpr qsizetype ShortDeviceId = 8; // hex digits shown for a device

QString fileLabel(const QString& path) {
    return QFileInfo(path).fileName();
}

Error about(const QString& path, const Error& error) {
    return makeError(error.code, QStringLiteral("%1: %2").arg(fileLabel(path), error.message));
}

MasterKeys cloneMaster(const MasterKeys& master) {
    return MasterKeys{master.databaseKey.clone(), master.wrappingKey.clone()};
}

VersionVector seenVersions(const VaultFileState& state) {
    auto known = decodeVersions(state.versions);
    return known ? *known : VersionVector();
}

QString timeOf(quint64 hlc) {
    return QDateTime::fromMSecsSinceEpoch(qint64(hlc >> CounterBits), Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// Which device's edits the file lacks, for the rollback message.
QString missingEdits(const VersionVector& file, const VersionVector& known) {
    for (const auto& [device, hlc] : known) {
        const auto it = file.find(device);
        if (it == file.end() || it->second < hlc)
            return QStringLiteral("edits of device %1 up to %2")
                .arg(QString::fromLatin1(device.toHex().left(ShortDeviceId)), timeOf(hlc));
    }
    return QString();
}

// A file to merge, copied privately and opened the hardened way.
struct Incoming {
    OpenVault file;
    QString copy;
    QByteArray hash; // of the bytes copied
    MasterKeys master;
    ~Incoming() {
        file.db.close();
        QFile::remove(copy);
    }
};

Result<std::unique_ptr<Incoming>> openIncoming(VaultSession& s, const QString& path,
                                               const MergeOptions& options) {
    auto header = inspectFile(path);
    if (!header)
        return about(path, header.error());
    const QString copy = s.store.folderFor(s.path) + QStringLiteral("/merge-input.tessera");
    auto hash = copyFile(path, copy);
    if (!hash) {
        QFile::remove(copy);
        return about(path, hash.error());
    }
    auto copied = inspectFile(copy);
    if (!copied || copied->bytes() != header->bytes()) {
        QFile::remove(copy);
        return makeError(ErrorCode::ChangedOnDisk,
                         QStringLiteral("%1 changed while it was read; try again").arg(path));
    }
    const bool sameHeader = header->bytes() == s.file.header.bytes();
    std::optional<MasterKeys> master;
    if (sameHeader && s.master) {
        master = cloneMaster(*s.master);
    } else if (options.otherPassword) {
        if (auto affordable = checkAffordable(header->kdf); !affordable) {
            QFile::remove(copy);
            return about(path, affordable.error());
        }
        auto derived = deriveMasterKeys(*options.otherPassword, *header, options.otherSecretKey);
        if (!derived) {
            QFile::remove(copy);
            return about(path, derived.error());
        }
        master = std::move(*derived);
    } else {
        QFile::remove(copy);
        return makeError(ErrorCode::PasswordNeeded,
                         QStringLiteral("%1 is locked with another master password than this "
                                        "device's copy (changed on another device?): its "
                                        "password is needed; nothing was merged")
                             .arg(fileLabel(path)));
    }
    auto file = openVaultFile(copy, *header, *master, Trust::ForeignRows);
    if (!file) {
        QFile::remove(copy);
        if (file.code() == ErrorCode::WrongPassword)
            return sameHeader
                       ? makeError(ErrorCode::Tampered,
                                   QStringLiteral("%1 does not open with this vault's keys: "
                                                  "tampered or another vault; nothing was "
                                                  "merged")
                                       .arg(fileLabel(path)))
                       : makeError(ErrorCode::WrongPassword,
                                   QStringLiteral("wrong password for %1; nothing was merged")
                                       .arg(fileLabel(path)));
        return about(path, file.error());
    }
    return std::unique_ptr<Incoming>(
        new Incoming{std::move(*file), copy, std::move(*hash), std::move(*master)});
}

Status setAsideWorkingCopy(VaultSession& s, const QString& label) {
    const QString folder = s.store.backupDir(s.path) + QStringLiteral("/set-aside");
    TESSERA_TRY(makePrivateDir(folder));
    const QString working = s.store.workingCopyPath(s.path);
    if (!QFile::rename(working, backupPath(folder, s.now(), label)))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot keep %1 in %2").arg(working, folder));
    return {};
}

Status applyToSession(VaultSession& s, FileMergeResult& merged) {
    if (!s.overviewsLoaded)
        s.opened.clear(); // on demand: opened again, merged, when named
    for (const EntryId& id : merged.removed)
        if (s.find(id))
            s.removeEntry(id);
    std::vector<EntryOverview> added;
    for (EntryOverview& overview : merged.upserted) {
        if (s.find(overview.id))
            s.replaceEntry(std::move(overview));
        else
            added.push_back(std::move(overview));
    }
    if (!added.empty())
        s.insertEntries(std::move(added));
    s.name = merged.name.value;
    s.nameStamp = merged.name.stamp;
    return {};
}

// Moves this device up to the incoming file's key epoch: a copy of that file, with the working
// copy merged into it, becomes the working copy (the old one is kept in backups/set-aside).
Result<FileMergeResult> moveUp(VaultSession& s, Incoming& in, quint64 stampLimit) {
    // The file becomes this device's working copy: all of it is opened first, not only what the
    // merge reads.
    TESSERA_TRY(openEveryRecord(in.file));
    const QString fresh = s.store.folderFor(s.path) + QStringLiteral("/epoch-up.tessera");
    QFile::remove(fresh);
    auto copied = copyFile(in.copy, fresh);
    if (!copied)
        return copied.error();
    auto target = openVaultFile(fresh, in.file.header, in.master, Trust::Own);
    if (!target) {
        QFile::remove(fresh);
        return target.error();
    }
    auto merged = mergeFileInto(*target, s.file, FileMergeParams{false, stampLimit});
    target->db.close();
    if (!merged) {
        QFile::remove(fresh);
        return merged.error();
    }
    s.file.db.close();
    const QString working = s.store.workingCopyPath(s.path);
    TESSERA_TRY(setAsideWorkingCopy(s, QStringLiteral("before-key-epoch-%1").arg(in.file.epoch)));
    if (std::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(working).constData()) !=
        0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot replace the working copy %1").arg(working));
    auto reopened = openVaultFile(working, in.file.header, in.master, Trust::Own);
    if (!reopened)
        return reopened.error();
    s.file = std::move(*reopened);
    s.master = cloneMaster(in.master);
    s.state.header = s.file.header.bytes();
    auto name = openName(s.file);
    if (!name)
        return name.error();
    s.name = *name;
    auto nameStamp = readNameStamp(s.file);
    if (!nameStamp)
        return nameStamp.error();
    s.nameStamp = *nameStamp;
    TESSERA_TRY(s.loadEntries());
    return merged;
}

struct IncomingMerge {
    MergeReport report;
    bool workingWritten = false;
    bool foreignLacksSomething = false;
};

// Merges an opened file into the session: vault id, key epochs, rollback, then the records.
Result<IncomingMerge> mergeIncoming(VaultSession& s, Incoming& in, const QString& path,
                                    const MergeOptions& options, bool adoptHeader) {
    const QString label = fileLabel(path);
    if (in.file.vaultId != s.file.vaultId)
        return makeError(ErrorCode::OtherVault,
                         QStringLiteral("%1 is a different vault, not a copy of this one; nothing "
                                        "was merged")
                             .arg(label));
    IncomingMerge out;
    MergeReport& report = out.report;
    const QByteArray& vaultId = s.file.vaultId;
    const QByteArray ourKeyHash = hashKey(s.file.keys.vaultKey);
    bool rebuild = false;
    if (in.file.epoch > s.file.epoch) {
        // A newer master password: move up only along links that verify down to our key.
        auto ours = walkBack(in.file.epochs, vaultId, in.file.keys.vaultKey, s.file.epoch);
        if (!ours || !constantTimeEqual(hashKey(*ours), ourKeyHash))
            return makeError(ErrorCode::Tampered,
                             QStringLiteral("%1 claims a newer master password, but its key "
                                            "links do not lead back to this vault's key: "
                                            "tampered; nothing was merged")
                                 .arg(label));
        rebuild = true;
    } else if (in.file.epoch < s.file.epoch) {
        if (!options.allowOlderEpoch)
            return makeError(ErrorCode::OlderEpoch,
                             QStringLiteral("%1 was made under an older master password (key "
                                            "epoch %2, this vault is at %3); it is merged only "
                                            "if that old password is typed for this; nothing "
                                            "was merged")
                                 .arg(label)
                                 .arg(in.file.epoch)
                                 .arg(s.file.epoch));
        auto theirs = walkBack(s.file.epochs, vaultId, s.file.keys.vaultKey, in.file.epoch);
        if (!theirs || !constantTimeEqual(hashKey(*theirs), hashKey(in.file.keys.vaultKey)))
            return makeError(ErrorCode::Tampered,
                             QStringLiteral("%1 is under a key this vault never had: tampered; "
                                            "nothing was merged")
                                 .arg(label));
        report.olderEpochMerged = true;
        report.warnings.append(
            QStringLiteral("%1 was made under an older master password (key epoch %2): merged "
                           "because its old password was given")
                .arg(label)
                .arg(in.file.epoch));
    } else {
        if (!constantTimeEqual(hashKey(in.file.keys.vaultKey), ourKeyHash))
            return makeError(ErrorCode::Tampered,
                             QStringLiteral("%1 has this vault's key epoch under another key: "
                                            "tampered; nothing was merged")
                                 .arg(label));
        // Same key, other KDF settings: the vault file's settings win (changeKdf elsewhere).
        rebuild = adoptHeader && in.file.header.bytes() != s.file.header.bytes();
    }

    const VersionVector known = seenVersions(s.state);
    if (!report.olderEpochMerged && isBehind(in.file.versions, known)) {
        const QString missing = missingEdits(in.file.versions, known);
        if (!options.acceptRollback)
            return makeError(ErrorCode::PossibleRollback,
                             QStringLiteral("%1 lacks %2 that this device has seen: a possible "
                                            "rollback (or an old copy); nothing was merged. "
                                            "Merging it anyway is safe: nothing newer is lost")
                                 .arg(label, missing));
        report.rollbackSuspected = true;
        report.warnings.append(
            QStringLiteral("%1 lacks %2 that this device has seen: a possible rollback; merged "
                           "without losing anything newer")
                .arg(label, missing));
    }

    const quint64 limit = stampLimitAt(s.now());
    const quint64 epochBefore = s.file.epoch;
    FileMergeResult merged;
    if (rebuild) {
        auto result = moveUp(s, in, limit);
        if (!result)
            return result.error();
        merged = std::move(*result);
        out.workingWritten = true;
    } else {
        auto result = mergeFileInto(s.file, in.file, FileMergeParams{true, limit});
        if (!result)
            return result.error();
        merged = std::move(*result);
        out.workingWritten = merged.targetWritten;
        if (merged.targetWritten)
            TESSERA_TRY(applyToSession(s, merged));
    }
    // The local clock moves past everything merged in.
    s.lastHlc = std::max(s.lastHlc, merged.highestStamp);
    for (const auto& [device, hlc] : s.file.versions)
        s.lastHlc = std::max(s.lastHlc, hlc);
    auto version = s.file.db.queryInt("PRAGMA data_version");
    if (version)
        s.seenDataVersion = *version;
    const QStringList warnings = report.warnings;
    const bool rollback = report.rollbackSuspected;
    const bool older = report.olderEpochMerged;
    report = std::move(merged.report);
    report.warnings = warnings;
    report.rollbackSuspected = rollback;
    report.olderEpochMerged = older;
    report.movedToEpoch = s.file.epoch > epochBefore;
    report.keyEpoch = quint32(s.file.epoch);
    out.foreignLacksSomething = merged.foreignLacksSomething;
    s.state.versions = encodeVersions(mergedVersions(known, in.file.versions));
    return out;
}

// Reloads the state on disk (another process of this device may have published).
Status reloadState(VaultSession& s) {
    auto disk = s.store.loadState(s.path);
    if (!disk)
        return disk.error();
    if (disk->vaultId == s.state.vaultId)
        s.state = *disk;
    return {};
}

} // namespace

Result<MergeReport> syncSession(VaultSession& s, const MergeOptions& options, bool publish) {
    TESSERA_TRY(s.refreshIfChanged());
    auto lock = PublishLock::acquire(s.store.lockPath(s.path));
    if (!lock)
        return lock.error();
    TESSERA_TRY(reloadState(s));
    MergeReport report;
    report.keyEpoch = quint32(s.file.epoch);
    const bool exists = QFileInfo::exists(s.path);
    if (exists) {
        const QByteArray identity = fileIdentity(s.path);
        bool changed = s.state.identity.isEmpty() || identity != s.state.identity;
        if (changed) {
            auto hash = hashFile(s.path);
            if (!hash)
                return hash.error();
            changed = !constantTimeEqual(*hash, s.state.publishedHash);
        }
        if (changed) {
            auto in = openIncoming(s, s.path, options);
            if (!in)
                return in.error();
            auto merged = mergeIncoming(s, **in, s.path, options, true);
            if (!merged)
                return merged.error();
            report = std::move(merged->report);
            report.merged = true;
            s.state.publishedHash = (*in)->hash;
            s.state.identity = identity;
            s.state.header = (*in)->file.header.bytes();
            // The working copy now holds the vault file; it has something to publish only if
            // the file lacks part of the merged state.
            s.state.unpublished = merged->foreignLacksSomething;
            s.state.keyEpoch = std::max<quint64>(s.state.keyEpoch, s.file.epoch);
            TESSERA_TRY(s.store.saveState(s.path, s.state));
        }
    }
    if (!publish || (!s.state.unpublished && exists))
        return report;
    const PublishRequest request{s.store.workingCopyPath(s.path),
                                 s.path,
                                 s.state.publishedHash,
                                 s.state.identity,
                                 s.store.backupDir(s.path),
                                 KeepBackups,
                                 s.now()};
    auto published = publishFile(request);
    if (!published)
        return published.error();
    s.state.publishedHash = published->hash;
    s.state.identity = published->identity;
    s.state.header = s.file.header.bytes();
    s.state.unpublished = false;
    s.state.keyEpoch = std::max<quint64>(s.state.keyEpoch, s.file.epoch);
    s.state.versions = encodeVersions(mergedVersions(s.file.versions, seenVersions(s.state)));
    TESSERA_TRY(s.store.saveState(s.path, s.state));
    report.published = true;
    return report;
}

Result<MergeReport> Vault::merge(const QString& otherFile, const MergeOptions& options) {
    if (!m_session)
        return lockedError();
    VaultSession& s = *m_session;
    TESSERA_TRY(s.refreshIfChanged());
    auto in = openIncoming(s, otherFile, options);
    if (!in)
        return in.error();
    auto lock = PublishLock::acquire(s.store.lockPath(s.path));
    if (!lock)
        return lock.error();
    TESSERA_TRY(reloadState(s));
    auto merged = mergeIncoming(s, **in, otherFile, options, false);
    if (!merged)
        return merged.error();
    if (merged->workingWritten)
        s.state.unpublished = true;
    s.state.keyEpoch = std::max<quint64>(s.state.keyEpoch, s.file.epoch);
    TESSERA_TRY(s.store.saveState(s.path, s.state));
    return std::move(merged->report);
}

Result<MergeReport> Vault::sync(const MergeOptions& options) {
    if (!m_session)
        return lockedError();
    // Another device may rename its version over the vault file between our merge and our
    // rename: merge that one too (merging is idempotent) and try again, a few times.
    constexpr int MaxRounds = 5;
    auto report = syncSession(*m_session, options, true);
    for (int round = 1; round < MaxRounds && !report && report.code() == ErrorCode::ChangedOnDisk;
         ++round)
        report = syncSession(*m_session, options, true);
    return report;
}

Status Vault::publish() {
    auto report = sync(MergeOptions{});
    if (!report)
        return report.error();
    return {};
}

Result<bool> Vault::vaultFileChanged() const {
    if (!m_session)
        return lockedError();
    const VaultSession& s = *m_session;
    if (!QFileInfo::exists(s.path))
        return false;
    auto state = s.store.loadState(s.path);
    if (!state)
        return state.error();
    if (!state->identity.isEmpty() && fileIdentity(s.path) == state->identity)
        return false;
    auto hash = hashFile(s.path);
    if (!hash)
        return hash.error();
    return !constantTimeEqual(*hash, state->publishedHash);
}

namespace {

std::vector<DeviceVersion> listVersions(const VersionVector& versions, const QByteArray& self) {
    std::vector<DeviceVersion> out;
    for (const auto& [device, hlc] : versions)
        out.push_back({device, hlc, device == self});
    return out;
}

} // namespace

std::vector<DeviceVersion> Vault::versionVector() const {
    if (!m_session)
        return {};
    return listVersions(m_session->file.versions, m_session->store.deviceId());
}

std::vector<DeviceVersion> Vault::seenVersionVector() const {
    if (!m_session)
        return {};
    auto state = m_session->store.loadState(m_session->path);
    return listVersions(seenVersions(state ? *state : m_session->state),
                        m_session->store.deviceId());
}

QByteArray Vault::deviceId() const {
    return m_session ? m_session->store.deviceId() : QByteArray();
}

} // namespace tessera
