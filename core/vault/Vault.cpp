#include "Vault.h"

#include "FileMerge.h"
#include "VaultSession.h"
#include "sync/Publisher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace tessera {

namespace {

constexpr std::size_t HeaderRandomOffset = 4;

// Moves a working copy out of the way instead of deleting it: nothing is lost. These go to a
// folder of their own, which the rotation of published backups never empties.
Status setAside(const QString& file, const QString& backupDir, const QString& label, qint64 nowMs) {
    if (!QFileInfo::exists(file))
        return {};
    const QString folder = backupDir + QStringLiteral("/set-aside");
    TESSERA_TRY(makePrivateDir(folder));
    if (!QFile::rename(file, backupPath(folder, nowMs, label)))
        return makeError(ErrorCode::Io, QStringLiteral("cannot keep %1 in %2").arg(file, folder));
    return {};
}

Status replaceFile(const QString& from, const QString& to) {
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot move %1 to %2").arg(from, to));
    return {};
}

// A header whose random bytes this device knows but whose other bytes differ was edited.
bool headerEdited(const QByteArray& known, const QByteArray& seen) {
    return known.size() == qsizetype(HeaderBytes) && seen.size() == qsizetype(HeaderBytes) &&
           known != seen && known.mid(HeaderRandomOffset) == seen.mid(HeaderRandomOffset);
}

VersionVector knownVersions(const VaultFileState& state) {
    auto known = decodeVersions(state.versions);
    return known ? *known : VersionVector();
}

// Copies the published file privately, verifies it as a foreign file, and makes it the working
// copy. The working copy it replaces is kept in the backup folder.
Result<OpenVault> adoptPublished(const DeviceStore& store, const QString& target,
                                 const Header& header, const MasterKeys& master,
                                 VaultFileState& state, qint64 nowMs) {
    const QString incoming = store.folderFor(target) + QStringLiteral("/incoming.tessera");
    const QString working = store.workingCopyPath(target);
    const QByteArray identity = fileIdentity(target);
    auto copied = copyFile(target, incoming);
    if (!copied)
        return copied.error();
    auto recheck = inspectFile(incoming);
    if (!recheck || recheck->bytes() != header.bytes()) {
        QFile::remove(incoming);
        return recheck ? makeError(ErrorCode::ChangedOnDisk,
                                   QStringLiteral("the vault file changed while it was read"))
                       : recheck.error();
    }
    auto foreign = openVaultFile(incoming, header, master, Trust::Foreign);
    if (!foreign) {
        QFile::remove(incoming);
        return foreign.error();
    }
    if (foreign->vaultId == state.vaultId && foreign->epoch < state.keyEpoch) {
        QFile::remove(incoming);
        return makeError(
            ErrorCode::OlderEpoch,
            QStringLiteral("the vault file was made under an older master password (key epoch "
                           "%1; this device is at %2): written by someone who knows an old "
                           "password, or an old copy; nothing was changed")
                .arg(foreign->epoch)
                .arg(state.keyEpoch));
    }
    if (foreign->vaultId == state.vaultId && isBehind(foreign->versions, knownVersions(state))) {
        QFile::remove(incoming);
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("the vault file is older than the copy this device last saw (a "
                           "possible rollback); nothing was changed"));
    }
    const QByteArray vaultId = foreign->vaultId;
    const VersionVector versions = foreign->vaultId == state.vaultId
                                       ? mergedVersions(foreign->versions, knownVersions(state))
                                       : foreign->versions;
    foreign->db.close();
    // A working copy with unpublished changes never gets here (it is merged instead); one without
    // holds nothing the published files lack, so it is replaced, not piled up in the backups.
    if (state.unpublished)
        TESSERA_TRY(setAside(working, store.backupDir(target),
                             QStringLiteral("superseded-working-copy"), nowMs));
    TESSERA_TRY(replaceFile(incoming, working));
    // If the file changed while it was copied, the identity will not match next time: it is hashed.
    const quint64 keyEpoch =
        std::max<quint64>(foreign->vaultId == state.vaultId ? state.keyEpoch : 0, foreign->epoch);
    state = VaultFileState{vaultId,  *copied, header.bytes(), false, encodeVersions(versions),
                           identity, keyEpoch};
    TESSERA_TRY(store.saveState(target, state));
    return openVaultFile(working, header, master, Trust::Own);
}

// Records a new identity for the published version this device knows (best effort: without it
// the file is only hashed again next time). Another process may have published meanwhile: then
// the state on disk names another version and is left alone.
void rememberIdentity(const DeviceStore& store, const QString& target, VaultFileState& state,
                      const QByteArray& identity) {
    auto lock = PublishLock::acquire(store.lockPath(target));
    if (!lock)
        return;
    auto disk = store.loadState(target);
    if (!disk || disk->vaultId != state.vaultId ||
        !constantTimeEqual(disk->publishedHash, state.publishedHash))
        return;
    disk->identity = identity;
    if (store.saveState(target, *disk).ok())
        state.identity = identity;
}

// The password does not open the working copy. If it opens the changed vault file, the master
// password was changed on another device while this one had changes of its own.
Error passwordChangedElsewhere(const DeviceStore& store, const QString& target,
                               const SecureBuffer& password, const SecureBuffer* secretKey) {
    const Error wrong = makeError(ErrorCode::WrongPassword, QStringLiteral("wrong password"));
    const QString probePath = store.folderFor(target) + QStringLiteral("/probe.tessera");
    auto copied = copyFile(target, probePath);
    auto header = inspectFile(probePath);
    auto master = copied && header && checkAffordable(header->kdf)
                      ? deriveMasterKeys(password, *header, secretKey)
                      : Result<MasterKeys>(wrong);
    bool opens = false;
    if (master) {
        auto probe = Database::open(probePath, master->databaseKey, header->bytes(),
                                    Database::Mode::Hostile);
        opens = probe.ok();
    }
    QFile::remove(probePath);
    if (!opens)
        return wrong;
    return makeError(ErrorCode::PasswordNeeded,
                     QStringLiteral("the master password was changed on another device while "
                                    "this device had changes not yet published: unlock once "
                                    "with the previous password to merge them, then give the "
                                    "new one"));
}

} // namespace

Vault::Vault(std::unique_ptr<VaultSession> session)
    : m_session(std::move(session)) {
}

Vault::~Vault() {
    lock();
}

void Vault::lock() {
    m_session.reset();
}

void Vault::lockForExit() {
#ifndef TESSERA_SANITIZE // LeakSanitizer would rightly report the list as leaked
    if (m_session) {
        (void)new std::vector<EntryOverview>(std::move(m_session->entries));
        (void)new std::vector<QString>(std::move(m_session->haystacks));
        (void)new QHash<QByteArray, std::size_t>(std::move(m_session->positions));
    }
#endif
    lock();
}

bool Vault::isLocked() const {
    return !m_session;
}

Result<std::unique_ptr<Vault>> Vault::create(const Device& device, const QString& path,
                                             const SecureBuffer& password,
                                             const CreateOptions& options) {
    auto store = DeviceStore::open(device.dataDir);
    if (!store)
        return store.error();
    const QString target = canonicalVaultPath(path);
    if (QFileInfo::exists(target))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 already exists").arg(target));
    if (!QFileInfo(target).absoluteDir().exists())
        return makeError(ErrorCode::Io,
                         QStringLiteral("the folder of %1 does not exist").arg(target));
    TESSERA_TRY(checkAffordable(options.kdf));
    TESSERA_TRY(store->ensureFolder(target));
    const qint64 now = device.clock->nowMs();
    TESSERA_TRY(setAside(store->workingCopyPath(target), store->backupDir(target),
                         QStringLiteral("replaced-working-copy"), now));

    const Header header = Header::fresh(options.kdf, options.secretKey != nullptr);
    auto master = deriveMasterKeys(password, header, options.secretKey);
    if (!master)
        return master.error();
    NewFile spec{header, randomBytes(VaultIdBytes), now, {}};
    Key vaultKey = randomKey();
    spec.epochs.push_back(makeEpoch(spec.vaultId, 0, header.bytes(), vaultKey, nullptr));
    auto file =
        createVaultFile(store->workingCopyPath(target), spec, *master, std::move(vaultKey), {});
    if (!file)
        return file.error();

    VaultFileState state{spec.vaultId, {}, header.bytes(), true, {}, {}};
    auto session =
        std::make_unique<VaultSession>(device, std::move(*store), target, std::move(*file), state);
    VaultSession& s = *session;
    s.master = std::move(*master);
    const Stamp nameStamp = s.nextStamp();
    TESSERA_TRY(s.write([&s, &options, &nameStamp]() -> Status {
        TESSERA_TRY(storeName(s.file, options.name));
        return storeNameStamp(s.file, nameStamp);
    }));
    s.name = options.name;
    s.nameStamp = nameStamp;
    std::unique_ptr<Vault> vault(new Vault(std::move(session)));
    TESSERA_TRY(vault->publish());
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::unlock(const Device& device, const QString& path,
                                             const SecureBuffer& password,
                                             const SecureBuffer* secretKey, Overviews overviews) {
    auto store = DeviceStore::open(device.dataDir);
    if (!store)
        return store.error();
    const QString target = canonicalVaultPath(path);
    auto state = store->loadState(target);
    if (!state)
        return state.error();
    const QString working = store->workingCopyPath(target);
    const bool haveWorking = QFileInfo::exists(working) && !state->vaultId.isEmpty();
    const bool published = QFileInfo::exists(target);
    if (!published && !haveWorking)
        return makeError(ErrorCode::NotFound, QStringLiteral("no vault at %1").arg(target));

    // Everything below up to the KDF looks only at bytes the user asked to open.
    auto header = inspectFile(published ? target : working);
    if (!header)
        return header.error();
    if (headerEdited(state->header, header->bytes()))
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: its header was edited"));
    bool useWorking = haveWorking && !published;
    bool mergeAfterOpen = false;
    if (published && haveWorking) {
        useWorking = !state->identity.isEmpty() && fileIdentity(target) == state->identity;
        if (!useWorking) {
            const QByteArray identity = fileIdentity(target);
            auto publishedHash = hashFile(target);
            if (!publishedHash)
                return publishedHash.error();
            useWorking = constantTimeEqual(*publishedHash, state->publishedHash);
            // The same bytes under a new identity (a sync client or a restore rewrote the file):
            // remembered, so that the next open need not read and hash the whole file again.
            if (useWorking && !identity.isEmpty() && fileIdentity(target) == identity)
                rememberIdentity(*store, target, *state, identity);
        }
        // Changed elsewhere while this device has changes of its own: open the working copy
        // and merge the file into it (below), never the other way round.
        mergeAfterOpen = !useWorking && state->unpublished;
        useWorking = useWorking || mergeAfterOpen;
    }
    if (useWorking) {
        auto workingHeader = inspectFile(working);
        if (!workingHeader)
            return workingHeader.error();
        header = std::move(workingHeader);
    }
    TESSERA_TRY(store->ensureFolder(target));
    auto master = deriveMasterKeys(password, *header, secretKey);
    if (!master)
        return master.error();
    const bool loadAll = overviews == Overviews::Load || mergeAfterOpen;
    // The entries' row MACs are collected on the way through the manifest for any pass over
    // every overview that follows.
    const bool collectMacs = loadAll || overviews == Overviews::SearchOnce;
    auto file = useWorking ? openVaultFile(working, *header, *master, Trust::Own, collectMacs)
                           : adoptPublished(*store, target, *header, *master, *state,
                                            device.clock->nowMs());
    if (!file && mergeAfterOpen && file.code() == ErrorCode::WrongPassword)
        return passwordChangedElsewhere(*store, target, password, secretKey);
    if (!file)
        return file.error();
    if (!published)
        state->unpublished = true; // the vault file was deleted: the next publish restores it

    auto session =
        std::make_unique<VaultSession>(device, std::move(*store), target, std::move(*file), *state);
    auto name = openName(session->file);
    if (!name)
        return name.error();
    session->name = *name;
    auto nameStamp = readNameStamp(session->file);
    if (!nameStamp)
        return nameStamp.error();
    session->nameStamp = *nameStamp;
    session->master = std::move(*master);
    if (loadAll) {
        TESSERA_TRY(session->loadEntries());
    } else {
        auto version = session->file.db.queryInt("PRAGMA data_version");
        if (!version)
            return version.error();
        session->seenDataVersion = *version;
        session->overviewsLoaded = false;
    }
    if (mergeAfterOpen) {
        // If the merge cannot be done now (another password, a possible rollback, a damaged
        // file), the vault still opens on this device's working copy; the next sync() or
        // publish() says why, and nothing is published over a file this device cannot open.
        MergeOptions options;
        options.otherPassword = &password;
        options.otherSecretKey = secretKey;
        (void)syncSession(*session, options, false);
    }
    return std::unique_ptr<Vault>(new Vault(std::move(session)));
}

VaultInfo Vault::info() const {
    if (!m_session)
        return {};
    const VaultSession& s = *m_session;
    VaultInfo info;
    info.id = s.file.vaultId;
    info.name = s.name;
    info.formatVersion = s.file.keys.rowMac.format;
    info.keyEpoch = quint32(s.file.epoch);
    info.kdf = s.file.header.kdf;
    info.requiresSecretKey = s.file.header.requiresSecretKey();
    info.created = s.file.created;
    (void)m_session->ensureOverviews(); // counts need every overview (OnDemand: loadOverviews)
    for (const EntryOverview& entry : s.entries)
        (entry.trashed.value ? info.trashedCount : info.entryCount)++;
    info.path = s.path;
    info.workingCopy = s.store.workingCopyPath(s.path);
    info.backupDir = s.store.backupDir(s.path);
    info.unpublishedChanges = s.state.unpublished;
    return info;
}

Status Vault::rename(const QString& name) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    const Stamp stamp = s.nextStamp();
    TESSERA_TRY(s.write([&s, &name, &stamp]() -> Status {
        TESSERA_TRY(storeName(s.file, name));
        return storeNameStamp(s.file, stamp);
    }));
    s.name = name;
    s.nameStamp = stamp;
    return {};
}

KdfParams calibrateKdf(const Clock& clock, std::uint8_t memLog2, int targetMs) {
    const SecureBuffer probe = SecureBuffer::copyOf(std::string_view("calibration"));
    const QByteArray salt(qsizetype(ArgonSaltBytes), '\0');
    const qint64 start = clock.nowMs();
    if (!argon2id(probe, salt, {1, std::uint64_t{1} << memLog2}))
        return {DefaultOpsLimit, memLog2};
    const qint64 perIteration = std::max<qint64>(clock.nowMs() - start, 1);
    const auto ops = std::clamp<qint64>(targetMs / perIteration, DefaultOpsLimit, MaxOpsLimit / 4);
    return {std::uint8_t(ops), memLog2};
}

} // namespace tessera
