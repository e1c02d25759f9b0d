// SyncWatcher and BackupsDialog over a real vault unlocked in a VaultController (device "a"),
// while another device ("b", a Vault in this process with its own data folder) and a sync client
// (the test) change the cloud folder behind the app's back: the change is seen through the file
// system watcher, merged, and the status line says so; a conflict copy is merged and moved away;
// a folder that disappears keeps changes locally; a rolled-back file is refused; backups are
// listed and restored by merging or by rolling back.

#include "BackupsDialog.h"
#include "SyncWatcher.h"
#include "ViewFixture.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::SyncState;

namespace {

constexpr int WaitMs = 10000; // inotify is quick; a loaded CI is not

bool hasTitle(const Vault* vault, const QString& title) {
    if (!vault)
        return false;
    for (const EntryOverview& entry : vault->entries())
        if (entry.title.value == title && !entry.trashed.value)
            return true;
    return false;
}

EntryChanges titled(const QString& title) {
    EntryChanges changes;
    changes.title = title;
    return changes;
}

} // namespace

class TestSyncWatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void changeBehindTheAppIsMerged();
    void conflictCopyIsMerged();
    void folderUnavailableKeepsChanges();
    void rollbackIsRefused();
    void backupsDialogListsAndRestores();

private:
    // Device b adds an entry and publishes, as another desktop would.
    bool addOnB(const QString& title);

    std::unique_ptr<ViewFixture> m_fixture;
    std::unique_ptr<ui::SyncWatcher> m_watcher;
};

void TestSyncWatcher::init() {
    m_fixture = std::make_unique<ViewFixture>();
    QVERIFY2(m_fixture->open(2), qPrintable(m_fixture->error()));
    m_watcher = std::make_unique<ui::SyncWatcher>(*m_fixture->controller);
    QCOMPARE(m_watcher->state(), SyncState::UpToDate);
    QCOMPARE(m_watcher->text(), QStringLiteral("Up to date"));
    // The file and its folder are watched.
    QVERIFY(m_watcher->watcher().files().contains(m_fixture->box.vaultPath()));
    QVERIFY(m_watcher->watcher().directories().contains(m_fixture->box.cloudDir()));
}

void TestSyncWatcher::cleanup() {
    m_watcher.reset();
    m_fixture.reset();
}

bool TestSyncWatcher::addOnB(const QString& title) {
    auto b = m_fixture->box.unlock(QStringLiteral("b"));
    if (!b) {
        qWarning("b: %s", qPrintable(b.error().message));
        return false;
    }
    auto added = (*b)->add(titled(title));
    Status published = (*b)->publish();
    if (!added || !published)
        qWarning("b: %s", qPrintable(added ? published.error().message : added.error().message));
    return added && published;
}

void TestSyncWatcher::changeBehindTheAppIsMerged() {
    QSignalSpy entries(m_fixture->controller.get(), &ui::VaultController::entriesChanged);
    QVERIFY(addOnB(QStringLiteral("from b")));
    QTRY_COMPARE_WITH_TIMEOUT(m_watcher->state(), SyncState::MergedChanges, WaitMs);
    QVERIFY2(m_watcher->text().startsWith(QLatin1String("Merged 1 change")),
             qPrintable(m_watcher->text()));
    QVERIFY(hasTitle(m_fixture->controller->vault(), QStringLiteral("from b")));
    QVERIFY(!entries.isEmpty()); // the view is told
    // The file was renamed over (by b, then by this device's publish): it is watched again, and
    // a second change is seen the same way.
    QTRY_VERIFY_WITH_TIMEOUT(m_watcher->watcher().files().contains(m_fixture->box.vaultPath()),
                             WaitMs);
    QSignalSpy synced(m_watcher.get(), &ui::SyncWatcher::synced);
    QVERIFY(addOnB(QStringLiteral("again from b")));
    QTRY_VERIFY_WITH_TIMEOUT(
        hasTitle(m_fixture->controller->vault(), QStringLiteral("again from b")), WaitMs);
    QCOMPARE(m_watcher->state(), SyncState::MergedChanges);
    QVERIFY(!synced.isEmpty());
}

void TestSyncWatcher::conflictCopyIsMerged() {
    const QString vault = m_fixture->box.vaultPath();
    const QString known = m_fixture->box.path(QStringLiteral("known.tessera"));
    QVERIFY(QFile::copy(vault, known));
    // b's version lands as a Dropbox conflicted copy; the file keeps the version a knows.
    m_watcher.reset(); // not while the folder is being rearranged
    QVERIFY(addOnB(QStringLiteral("in the copy")));
    const QString copy = m_fixture->box.cloudDir() +
                         QStringLiteral("/test (b's conflicted copy 2023-11-14).tessera");
    QVERIFY(QFile::rename(vault, copy));
    QVERIFY(QFile::copy(known, vault));
    m_watcher = std::make_unique<ui::SyncWatcher>(*m_fixture->controller);
    QCOMPARE(m_watcher->state(), SyncState::ConflictCopyMerged);
    QVERIFY2(m_watcher->text().startsWith(QLatin1String("Conflict copy merged")),
             qPrintable(m_watcher->text()));
    QVERIFY(hasTitle(m_fixture->controller->vault(), QStringLiteral("in the copy")));
    QVERIFY(!QFile::exists(copy)); // moved to the backups
    QCOMPARE(QDir(m_fixture->box.cloudDir()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("test.tessera")});
}

void TestSyncWatcher::folderUnavailableKeepsChanges() {
    m_watcher->setPeriodicCheckMs(100);
    const QString cloud = m_fixture->box.cloudDir();
    const QString away = m_fixture->box.path(QStringLiteral("cloud-unmounted"));
    QVERIFY(QDir().rename(cloud, away));
    QTRY_COMPARE_WITH_TIMEOUT(m_watcher->state(), SyncState::FolderUnavailable, WaitMs);
    QCOMPARE(m_watcher->text(),
             QStringLiteral("Folder unavailable: changes are kept on this device"));
    // An edit meanwhile stays in the working copy ...
    QVERIFY(m_fixture->controller->add(titled(QStringLiteral("offline edit"))));
    QVERIFY(m_fixture->controller->vault()->info().unpublishedChanges);
    // ... and is published when the folder is back.
    QVERIFY(QDir().rename(away, cloud));
    QTRY_COMPARE_WITH_TIMEOUT(m_watcher->state(), SyncState::UpToDate, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->controller->vault()->info().unpublishedChanges, WaitMs);
    auto b = m_fixture->box.unlock(QStringLiteral("b"));
    QVERIFY2(b, qPrintable(b ? QString() : b.error().message));
    QVERIFY(hasTitle(b->get(), QStringLiteral("offline edit")));
}

void TestSyncWatcher::rollbackIsRefused() {
    const QString vault = m_fixture->box.vaultPath();
    const QString old = m_fixture->box.path(QStringLiteral("old.tessera"));
    QVERIFY(QFile::copy(vault, old));
    QVERIFY(addOnB(QStringLiteral("newer")));
    QTRY_VERIFY_WITH_TIMEOUT(hasTitle(m_fixture->controller->vault(), QStringLiteral("newer")),
                             WaitMs);
    QVERIFY(QFile::remove(vault));
    QVERIFY(QFile::copy(old, vault));
    QTRY_COMPARE_WITH_TIMEOUT(m_watcher->state(), SyncState::RollbackWarning, WaitMs);
    QVERIFY2(m_watcher->text().contains(QLatin1String("rollback")), qPrintable(m_watcher->text()));
    // Not published over, not merged away: the older file stays until the user decides.
    QFile file(vault);
    QFile oldFile(old);
    QVERIFY(file.open(QIODevice::ReadOnly) && oldFile.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), oldFile.readAll());
    QVERIFY(hasTitle(m_fixture->controller->vault(), QStringLiteral("newer")));
}

void TestSyncWatcher::backupsDialogListsAndRestores() {
    ui::VaultController& controller = *m_fixture->controller;
    QVERIFY(controller.add(titled(QStringLiteral("second"))));
    QVERIFY(controller.publishNow());
    QVERIFY(controller.add(titled(QStringLiteral("third"))));
    QVERIFY(controller.publishNow());
    ui::BackupsDialog dialog(controller);
    QVERIFY(dialog.list()->topLevelItemCount() >= 2);
    QCOMPARE(dialog.list()->topLevelItemCount(), int(dialog.backups().size()));
    QCOMPARE(dialog.backups().front().kind, BackupKind::Published);
    QVERIFY(!dialog.mergeButton()->isEnabled()); // nothing selected
    dialog.list()->setCurrentItem(dialog.list()->topLevelItem(0));
    QVERIFY(dialog.mergeButton()->isEnabled());
    QVERIFY(dialog.rollbackButton()->isEnabled());

    // Merging an older version changes nothing that is newer.
    dialog.mergeButton()->click();
    QVERIFY2(dialog.message()->text().startsWith(QLatin1String("Restored")),
             qPrintable(dialog.message()->text()));
    QVERIFY(hasTitle(controller.vault(), QStringLiteral("third")));

    // Rolling back to the newest backup (before "third") replaces the vault, after which the
    // app is unlocked again on the older version.
    QSignalSpy unlocked(&controller, &ui::VaultController::unlocked);
    const BackupFile newest = dialog.backups().front();
    dialog.rollBackTo(newest, secret(VaultSandbox::MasterPassword));
    QVERIFY(unlocked.wait(WaitMs) || !unlocked.isEmpty());
    QVERIFY(hasTitle(controller.vault(), QStringLiteral("second")));
    QVERIFY(!hasTitle(controller.vault(), QStringLiteral("third")));
    // The file it replaced is a backup now, and merging it brings "third" back.
    ui::BackupsDialog again(controller);
    int beforeRollback = -1;
    for (std::size_t i = 0; i < again.backups().size(); ++i)
        if (again.backups()[i].kind == BackupKind::BeforeRollback)
            beforeRollback = int(i);
    QVERIFY(beforeRollback >= 0);
    again.list()->setCurrentItem(again.list()->topLevelItem(beforeRollback));
    again.restoreSelectedByMerging();
    QVERIFY2(again.message()->text().startsWith(QLatin1String("Restored: merged")),
             qPrintable(again.message()->text()));
    QVERIFY(hasTitle(controller.vault(), QStringLiteral("third")));

    // A wrong password never rolls anything back.
    const QByteArray fileBefore = [&] {
        QFile file(m_fixture->box.vaultPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    again.rollBackTo(newest, secret("not the password"));
    QVERIFY(again.message()->text().startsWith(QLatin1String("Not rolled back")));
    QFile file(m_fixture->box.vaultPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), fileBefore);
    QVERIFY(controller.isUnlocked());
}

QTEST_MAIN(TestSyncWatcher)
#include "tst_syncwatcher.moc"
