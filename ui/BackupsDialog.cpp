#include "BackupsDialog.h"

#include "SecurePasswordEdit.h"
#include "VaultController.h"

#include "sync/DeviceStore.h"
#include "sync/ReplicaProbe.h"
#include "sync/Rollback.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int ShortDeviceDigits = 8;
constexpr qint64 KiB = 1024;

QString when(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString sizeText(qint64 bytes) {
    return bytes < KiB * KiB
               ? BackupsDialog::tr("%1 KiB").arg((bytes + KiB - 1) / KiB)
               : BackupsDialog::tr("%1 MiB").arg(double(bytes) / double(KiB * KiB), 0, 'f', 1);
}

QString kindText(const BackupFile& backup) {
    switch (backup.kind) {
    case BackupKind::Published:
        return BackupsDialog::tr("Published version");
    case BackupKind::ConflictCopy:
        return backup.origin.isEmpty()
                   ? BackupsDialog::tr("Conflict copy (from elsewhere)")
                   : BackupsDialog::tr("Conflict copy \"%1\" (from elsewhere)").arg(backup.origin);
    case BackupKind::BeforeRollback:
        return BackupsDialog::tr("Vault file before a rollback");
    case BackupKind::WorkingCopy:
        return BackupsDialog::tr("Set-aside working copy");
    }
    return {};
}

QString lastEditText(const BackupFile& backup, const QByteArray& self) {
    if (!backup.identified)
        return BackupsDialog::tr("Unknown");
    if (backup.otherVault)
        return BackupsDialog::tr("Another vault");
    const QString device =
        backup.lastDevice == self
            ? BackupsDialog::tr("this device")
            : QString::fromLatin1(backup.lastDevice.toHex().left(ShortDeviceDigits));
    return BackupsDialog::tr("%1, %2").arg(when(backup.lastEditMs), device);
}

int changes(const MergeReport& report) {
    return report.added + report.updated + report.trashed + report.restored + report.purged +
           report.attachmentsAdded + report.attachmentsRemoved + (report.renamed ? 1 : 0);
}

} // namespace

BackupsDialog::BackupsDialog(VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_list(new QTreeWidget(this))
    , m_merge(new QPushButton(tr("&Restore (merge)"), this))
    , m_rollback(new QPushButton(tr("Roll &back to this version…"), this))
    , m_message(new QLabel(this)) {
    setWindowTitle(tr("Backups"));
    auto* intro = new QLabel(
        tr("This device keeps the last versions of the vault file it replaced, conflict copies "
           "it merged and files it set aside. Restoring merges a backup: what it holds comes "
           "back, newer edits stay. Your cloud provider's version history keeps old copies too."),
        this);
    intro->setWordWrap(true);
    m_list->setHeaderLabels({tr("Kept"), tr("What"), tr("Size"), tr("Last edit")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_message->setWordWrap(true);
    m_merge->setToolTip(tr("Merge this backup into the vault: nothing newer is lost"));
    m_rollback->setToolTip(
        tr("Replace the vault file with this backup; the current one is kept as a backup"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_merge, QDialogButtonBox::ActionRole);
    buttons->addButton(m_rollback, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_merge, &QPushButton::clicked, this, &BackupsDialog::restoreSelectedByMerging);
    connect(m_rollback, &QPushButton::clicked, this, &BackupsDialog::rollBackSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &BackupsDialog::updateButtons);
    connect(&m_controller, &VaultController::locked, this, &QDialog::reject);
    resize(720, 420);
    reload();
}

void BackupsDialog::reload() {
    m_list->clear();
    m_backups.clear();
    const Vault* vault = m_controller.vault();
    if (!vault)
        return;
    auto backups = listBackups(vault->info().backupDir);
    if (!backups) {
        m_message->setText(backups.error().message);
        return;
    }
    m_backups = std::move(*backups);
    const QByteArray self = vault->deviceId();
    for (const BackupFile& backup : m_backups) {
        auto* item =
            new QTreeWidgetItem(m_list, {when(backup.time), kindText(backup), sizeText(backup.size),
                                         lastEditText(backup, self)});
        item->setToolTip(0, backup.name);
    }
    if (m_backups.empty())
        m_message->setText(tr("No backups yet: one is kept each time this device replaces the "
                              "vault file."));
    updateButtons();
}

const BackupFile* BackupsDialog::selected() const {
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= int(m_backups.size()) || m_list->selectedItems().isEmpty())
        return nullptr;
    return &m_backups[std::size_t(row)];
}

void BackupsDialog::updateButtons() {
    const bool any = selected() != nullptr && m_controller.isUnlocked();
    m_merge->setEnabled(any);
    m_rollback->setEnabled(any);
}

void BackupsDialog::restoreSelectedByMerging() {
    const BackupFile* backup = selected();
    if (!backup)
        return;
    MergeOptions options;
    options.acceptRollback = true; // a backup is older by nature; merging loses nothing
    auto report = m_controller.merge(backup->path, options);
    if (!report) {
        m_message->setText(tr("Not restored: %1").arg(report.error().message));
        return;
    }
    const int count = changes(*report);
    m_message->setText(count == 0
                           ? tr("Restored: the vault already had everything in this "
                                "backup.")
                           : tr("Restored: merged %n change(s) from the backup.", nullptr, count));
}

void BackupsDialog::rollBackSelected() {
    const BackupFile* backup = selected();
    if (!backup)
        return;
    QDialog confirm(this);
    confirm.setWindowTitle(tr("Roll back"));
    auto* text = new QLabel(
        tr("The vault file and this device's copy will be REPLACED by the backup from %1. "
           "Edits made since then are set aside as backups, not merged. Other devices will "
           "report a possible rollback.\n\nType the master password to confirm.")
            .arg(when(backup->time)),
        &confirm);
    text->setWordWrap(true);
    auto* password = new SecurePasswordEdit(&confirm);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &confirm);
    QPushButton* go = buttons->addButton(tr("Roll back"), QDialogButtonBox::DestructiveRole);
    auto* layout = new QVBoxLayout(&confirm);
    layout->addWidget(text);
    layout->addWidget(password);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &confirm, &QDialog::reject);
    connect(go, &QPushButton::clicked, &confirm, &QDialog::accept);
    if (confirm.exec() != QDialog::Accepted || password->isEmpty())
        return;
    const BackupFile chosen = *backup;
    rollBackTo(chosen, password->takePassword());
}

void BackupsDialog::rollBackTo(const BackupFile& backup, SecureBuffer password) {
    const Vault* vault = m_controller.vault();
    if (!vault)
        return;
    const VaultInfo info = vault->info();
    // The backup must open with this password and be this vault: nothing else is ever put in the
    // vault file's place.
    auto verified = probeReplica(backup.path, {}, password, nullptr);
    if (!verified) {
        m_message->setText(tr("Not rolled back: %1").arg(verified.error().message));
        return;
    }
    if (verified->vaultId != info.id) {
        m_message->setText(tr("Not rolled back: that backup is of another vault."));
        return;
    }
    auto store = DeviceStore::open(m_controller.device().dataDir);
    if (!store) {
        m_message->setText(tr("Not rolled back: %1").arg(store.error().message));
        return;
    }
    // Locking publishes what is pending first; the rollback then keeps it in the backups.
    disconnect(&m_controller, &VaultController::locked, this, &QDialog::reject);
    m_controller.lock();
    auto done = rollbackToBackup(*store, info.path, backup, *verified,
                                 m_controller.device().clock->nowMs());
    // Unlock again either way: after a failure the vault is as it was.
    m_controller.unlock(info.path, std::move(password));
    if (!done) {
        m_message->setText(tr("Not rolled back: %1").arg(done.error().message));
        return;
    }
    accept();
}

} // namespace tessera::ui
