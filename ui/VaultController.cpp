#include "VaultController.h"

#include "DeviceSecretKeyStore.h"
#include "sync/DeviceStore.h"
#include "vault/SecretKey.h"
#include "vault/VaultFile.h"

#include <QFileInfo>
#include <QThread>

namespace tessera::ui {

namespace {

constexpr int DefaultPublishDelayMs = 500; // edits typed in a burst become one publish

} // namespace

VaultController::VaultController(Device device, QObject* parent)
    : QObject(parent)
    , m_device(std::move(device))
    , m_secretKeys(std::make_unique<DeviceSecretKeyStore>(m_device.dataDir))
    , m_throttle(*m_device.clock) {
    m_publishTimer.setSingleShot(true);
    m_publishTimer.setInterval(DefaultPublishDelayMs);
    connect(&m_publishTimer, &QTimer::timeout, this, [this] { (void)publishNow(); });
}

VaultController::~VaultController() {
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
    lock();
}

template <typename Job> void VaultController::startWorker(const QString& path, Job job) {
    if (m_worker)
        return;
    lock();
    m_path = path;
    auto outcome = std::make_shared<std::optional<Opened>>();
    m_outcome = outcome;
    // The job owns the password; it is wiped when the thread's callable is destroyed.
    auto shared = std::make_shared<Job>(std::move(job));
    m_worker = QThread::create([outcome, shared] { outcome->emplace((*shared)()); });
    connect(m_worker, &QThread::finished, this, &VaultController::finishWorker);
    m_worker->start();
    Q_EMIT busyChanged(true);
}

void VaultController::unlock(const QString& path, SecureBuffer password,
                             std::optional<SecureBuffer> secretKey, bool rememberKey) {
    if (m_worker)
        return;
    if (!secretKey && needsSecretKey(path)) {
        auto vaultId = knownVaultId(m_device.dataDir, path);
        if (vaultId && !vaultId->isEmpty()) {
            if (auto stored = m_secretKeys->load(*vaultId))
                secretKey = std::move(*stored);
        }
        rememberKey = false;
    }
    std::optional<SecureBuffer> pending;
    if (secretKey)
        pending = secretKey->clone();
    struct Job {
        Device device;
        QString path;
        SecureBuffer password;
        std::optional<SecureBuffer> secretKey;
        Opened operator()() {
            Opened opened =
                Vault::unlock(device, path, password, secretKey ? &*secretKey : nullptr);
            password.clear();
            secretKey.reset();
            return opened;
        }
    };
    startWorker(path, Job{m_device, path, std::move(password), std::move(secretKey)});
    m_pendingKey = std::move(pending); // after startWorker, whose lock() wipes the last vault's
    m_rememberKey = rememberKey;
}

void VaultController::create(const QString& path, SecureBuffer password, const QString& name,
                             KdfParams kdf, std::optional<SecureBuffer> secretKey) {
    if (m_worker)
        return;
    std::optional<SecureBuffer> pending;
    if (secretKey)
        pending = secretKey->clone();
    struct Job {
        Device device;
        QString path;
        SecureBuffer password;
        std::optional<SecureBuffer> secretKey;
        Vault::CreateOptions options;
        Opened operator()() {
            options.secretKey = secretKey ? &*secretKey : nullptr;
            Opened opened = Vault::create(device, path, password, options);
            password.clear();
            secretKey.reset();
            return opened;
        }
    };
    startWorker(path, Job{m_device, path, std::move(password), std::move(secretKey),
                          Vault::CreateOptions{name, kdf, nullptr}});
    m_pendingKey = std::move(pending);
    m_rememberKey = true; // a new vault's key is kept on the device that made it
}

void VaultController::finishWorker() {
    m_worker->deleteLater();
    m_worker = nullptr;
    auto outcome = std::move(m_outcome);
    Q_EMIT busyChanged(false);
    if (!outcome || !outcome->has_value()) {
        Q_EMIT unlockFailed(Error{ErrorCode::Io, tr("the vault could not be opened")});
        return;
    }
    Opened& opened = **outcome;
    std::optional<SecureBuffer> key = std::move(m_pendingKey);
    m_pendingKey.reset();
    if (!opened) {
        if (opened.code() == ErrorCode::WrongPassword)
            m_throttle.recordFailure(m_path);
        Q_EMIT unlockFailed(opened.error());
        return;
    }
    m_throttle.recordSuccess(m_path);
    m_vault = std::move(opened).value();
    const VaultInfo info = m_vault->info();
    if (info.requiresSecretKey && key) {
        // A failure to store only means the key is asked for again next time.
        if (m_rememberKey)
            (void)m_secretKeys->save(info.id, *key);
        m_secretKey = std::move(key);
    }
    Q_EMIT unlocked();
}

template <typename T> T VaultController::changed(T outcome, const EntryId& id) {
    if (outcome.ok()) {
        m_publishTimer.start();
        Q_EMIT entriesChanged(id.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{id});
    }
    return outcome;
}

namespace {

Error lockedError() {
    return Error{ErrorCode::Locked, VaultController::tr("the vault is locked")};
}

} // namespace

Result<EntryId> VaultController::add(EntryChanges changes) {
    if (!m_vault)
        return lockedError();
    Result<EntryId> added = m_vault->add(std::move(changes));
    const EntryId id = added ? *added : EntryId{};
    return changed(std::move(added), id);
}

Status VaultController::edit(const EntryId& id, EntryChanges changes) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->edit(id, std::move(changes)), id);
}

Status VaultController::trash(const EntryId& id) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->trash(id), id);
}

Status VaultController::restore(const EntryId& id) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->restore(id), id);
}

Status VaultController::purge(const EntryId& id) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->purge(id), id);
}

Result<AttachmentInfo> VaultController::attach(const EntryId& id, const QString& name,
                                               const SecureBuffer& content) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->attach(id, name, content), id);
}

Status VaultController::detach(const EntryId& id, const QString& name) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->detach(id, name), id);
}

Status VaultController::rename(const QString& name) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->rename(name), {});
}

Status VaultController::changePassword(const SecureBuffer& newPassword, KdfParams kdf) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->changePassword(newPassword, kdf, secretKey()), {});
}

Status VaultController::changeKdf(const SecureBuffer& password, KdfParams kdf) {
    if (!m_vault)
        return lockedError();
    return changed(m_vault->changeKdf(password, kdf, secretKey()), {});
}

void VaultController::setSecretKeyStore(std::unique_ptr<SecretKeyStore> store) {
    m_secretKeys = std::move(store);
}

bool VaultController::needsSecretKey(const QString& path) const {
    return vaultNeedsSecretKey(m_device.dataDir, path);
}

bool VaultController::hasStoredSecretKey(const QString& path) const {
    auto vaultId = knownVaultId(m_device.dataDir, path);
    return vaultId && !vaultId->isEmpty() && m_secretKeys->load(*vaultId).ok();
}

Result<SecureBuffer> VaultController::enableSecretKey(const SecureBuffer& password) {
    if (!m_vault)
        return lockedError();
    SecureBuffer key = generateSecretKey();
    TESSERA_TRY(changed(m_vault->changeSecretKey(password, secretKey(), &key), {}));
    (void)m_secretKeys->save(m_vault->info().id, key); // the dialog shows the key either way
    m_secretKey = key.clone();
    return key;
}

Status VaultController::disableSecretKey(const SecureBuffer& password) {
    if (!m_vault)
        return lockedError();
    TESSERA_TRY(changed(m_vault->changeSecretKey(password, secretKey(), nullptr), {}));
    m_secretKey.reset();
    (void)m_secretKeys->remove(m_vault->info().id); // a key left behind opens nothing any more
    return {};
}

Status VaultController::publishNow() {
    m_publishTimer.stop();
    if (!m_vault)
        return lockedError();
    Status status = m_vault->publish();
    if (status)
        Q_EMIT published();
    else
        Q_EMIT publishFailed(status.error());
    return status;
}

Result<SyncReport> VaultController::sync(const SyncOptions& options) {
    m_publishTimer.stop();
    if (!m_vault)
        return lockedError();
    // The vault's secret key goes with every sync: conflict copies under another header and a
    // vault file re-keyed on another device (a new password, the same key) are opened with it.
    SyncOptions withKey = options;
    if (!withKey.secretKey)
        withKey.secretKey = secretKey();
    if (!withKey.file.otherSecretKey)
        withKey.file.otherSecretKey = secretKey();
    auto report = syncVault(*m_vault, *m_device.clock, withKey);
    if (!report)
        return report;
    if (report->merged() > 0 || report->file.merged)
        Q_EMIT entriesChanged({});
    if (report->fileError)
        Q_EMIT publishFailed(*report->fileError);
    else if (report->published())
        Q_EMIT published();
    return report;
}

Result<ImportReport> VaultController::importParsed(ParsedImport parsed) {
    if (!m_vault)
        return lockedError();
    return changed(importInto(*m_vault, std::move(parsed)), EntryId{});
}

Result<MergeReport> VaultController::merge(const QString& file, const MergeOptions& options) {
    if (!m_vault)
        return lockedError();
    auto report = m_vault->merge(file, options);
    if (!report)
        return report;
    Q_EMIT entriesChanged({});
    (void)publishNow(); // a failure is reported; the working copy keeps the merge
    return report;
}

void VaultController::lock() {
    if (!m_vault)
        return;
    // First, so that widgets drop their secrets and workers reading the vault (health check)
    // finish before the publish below touches it.
    Q_EMIT aboutToLock();
    if (m_publishTimer.isActive() || m_vault->info().unpublishedChanges)
        (void)publishNow(); // a failure is reported; the working copy keeps the changes
    m_vault.reset();
    m_secretKey.reset();
    Q_EMIT locked();
}

} // namespace tessera::ui
