#pragma once
// The thin view-model between the widgets and core's Vault: it owns the unlocked vault, runs the
// KDF off the GUI thread, tells the widgets what changed, and publishes edits (debounced). Widgets
// read through vault() and change things only through this class, so every change is announced
// and published.

#include "UnlockThrottle.h"
#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "import/Importer.h"
#include "sync/Sync.h"
#include "vault/SecretKeyStore.h"
#include "vault/Vault.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

class QThread;

namespace tessera::ui {

class VaultController : public QObject {
    Q_OBJECT
public:
    // device.clock must outlive the controller.
    explicit VaultController(Device device, QObject* parent = nullptr);
    ~VaultController() override; // locks

    // Start unlocking (or creating) on a worker thread; the outcome arrives as unlocked() or
    // unlockFailed(). The password is moved in and wiped when the worker is done with it.
    // secretKey: typed by the user; without it, the key this device stored for the vault (if the
    // vault needs one). rememberKey: store the typed key on this device once it opened the vault.
    // A wrong password counts for throttle(); a successful unlock resets it.
    void unlock(const QString& path, SecureBuffer password,
                std::optional<SecureBuffer> secretKey = std::nullopt, bool rememberKey = false);
    void create(const QString& path, SecureBuffer password, const QString& name, KdfParams kdf,
                std::optional<SecureBuffer> secretKey = std::nullopt);
    bool isBusy() const { return m_worker != nullptr; }

    bool isUnlocked() const { return m_vault != nullptr; }
    // The unlocked vault for reading (entries, search, details, attachments); null when locked.
    const Vault* vault() const { return m_vault.get(); }
    QString path() const { return m_path; }
    const Device& device() const { return m_device; }

    // Changes: each emits entriesChanged() and schedules a publish.
    Result<EntryId> add(EntryChanges changes);
    Status edit(const EntryId& id, EntryChanges changes);
    Status trash(const EntryId& id);
    Status restore(const EntryId& id);
    Status purge(const EntryId& id);
    Result<AttachmentInfo> attach(const EntryId& id, const QString& name,
                                  const SecureBuffer& content);
    Status detach(const EntryId& id, const QString& name);
    Status rename(const QString& name);
    // Runs the KDF on the GUI thread's caller: use from a worker or accept the wait. A vault
    // with a secret key keeps it.
    Status changePassword(const SecureBuffer& newPassword, KdfParams kdf);

    // New key derivation parameters only (same vault key and key epoch); needs today's password.
    // Runs the KDF twice on the caller's thread.
    Status changeKdf(const SecureBuffer& password, KdfParams kdf);

    // Publishes pending changes now (also done on lock and on quit).
    Status publishNow();
    // Syncs with the cloud folder now (core/sync/Sync.h, for SyncWatcher): conflict copies and
    // the vault file merged if another device changed it, then published. Emits
    // entriesChanged({}) when anything was merged, and published() or publishFailed().
    Result<SyncReport> sync(const SyncOptions& options = {});
    // Merges another copy of this vault (a backup, for BackupsDialog) into the working copy and
    // publishes. Emits entriesChanged({}), then published() or publishFailed().
    Result<MergeReport> merge(const QString& file, const MergeOptions& options);
    // Imports parsed records in one transaction (ImportWizard); emits entriesChanged({}).
    Result<ImportReport> importParsed(ParsedImport parsed);
    int publishDelayMs() const { return m_publishTimer.interval(); }

    // ---- Secret key (core/vault/SecretKeyStore.h) ----
    // Where this device keeps secret keys: the desktop keyring or a 0600 file (app/platform/
    // DeviceSecretKeyStore) unless replaced (tests).
    SecretKeyStore& secretKeys() { return *m_secretKeys; }
    void setSecretKeyStore(std::unique_ptr<SecretKeyStore> store);
    // Whether the vault file (or this device's working copy of it) needs a secret key.
    bool needsSecretKey(const QString& path) const;
    // Whether this device has a key stored for the vault file (under the id it last saw there).
    bool hasStoredSecretKey(const QString& path) const;
    // The unlocked vault's secret key, or null when it has none (for the Emergency Kit).
    const SecureBuffer* secretKey() const { return m_secretKey ? &*m_secretKey : nullptr; }
    // A new secret key (turned on, or replacing the current one), stored on this device; the
    // password must be today's (WrongPassword, nothing changed). A new key epoch: other devices
    // need the key once. Runs the KDF twice on the caller's thread.
    Result<SecureBuffer> enableSecretKey(const SecureBuffer& password);
    // Turns the secret key off (new key epoch) and removes it from this device.
    Status disableSecretKey(const SecureBuffer& password);
    // Failed unlocks per vault file, for the unlock page's countdown.
    const UnlockThrottle& throttle() const { return m_throttle; }
    void setPublishDelayMs(int ms) { m_publishTimer.setInterval(ms); }

public Q_SLOTS:
    // Publishes what is pending, then wipes every key. Emits aboutToLock() first, so widgets
    // showing a secret clear it, then locked().
    void lock();

Q_SIGNALS:
    void busyChanged(bool busy);
    void unlocked();
    void unlockFailed(const tessera::Error& error);
    void aboutToLock();
    void locked();
    // After any change made through this controller (ids: the entries touched; empty: many).
    void entriesChanged(const QList<QByteArray>& ids);
    void published();
    void publishFailed(const tessera::Error& error);

private:
    using Opened = Result<std::unique_ptr<Vault>>;
    template <typename Job> void startWorker(const QString& path, Job job);
    void finishWorker();
    template <typename T> T changed(T outcome, const EntryId& id);

    Device m_device;
    std::unique_ptr<Vault> m_vault;
    QString m_path;
    QThread* m_worker = nullptr;
    std::shared_ptr<std::optional<Opened>> m_outcome;
    QTimer m_publishTimer;
    std::unique_ptr<SecretKeyStore> m_secretKeys;
    std::optional<SecureBuffer> m_secretKey;  // of the unlocked vault; wiped at lock
    std::optional<SecureBuffer> m_pendingKey; // given to the worker that is unlocking
    bool m_rememberKey = false;
    UnlockThrottle m_throttle;
};

} // namespace tessera::ui
