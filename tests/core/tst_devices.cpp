// Several devices on one vault file (core/vault/Vault.h), end to end on real files: a second device
// sees the same entries, publishing refuses to overwrite a file that changed on disk, a deleted
// vault file is published again from the working copy, and no plaintext is anywhere on disk.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"
#include "sync/Publisher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

// Every encoding of a string that could leak it to disk.
QList<QByteArray> encodingsOf(const QByteArray& utf8) {
    const QString text = QString::fromUtf8(utf8);
    return {utf8,
            QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2)}; // UTF-16LE
}

} // namespace

class TestDevices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void secondDeviceSeesSameEntries();
    void publishMergesFileChangedOnDisk();
    void deletedVaultFileKeepsWorkingCopy();
    void rewrittenSameBytesIsRemembered();
    void twoSessionsOfOneDeviceShareTheWorkingCopy();

    void noPlaintextAtRest();
};

void TestDevices::initTestCase() {
    QVERIFY(initializeCrypto().ok());
}

// ---- Devices and publishing ----

void TestDevices::secondDeviceSeesSameEntries() {
    VaultSandbox box;
    VAULT_TAKE(a, box.create());
    VAULT_TAKE(ids, addSampleEntries(*a, 8));
    VAULT_VERIFY_OK(a->attach(ids[3], QStringLiteral("doc.pdf"), secret("%PDF")));
    VAULT_VERIFY_OK(a->trash(ids[5]));
    VAULT_VERIFY_OK(a->publish());
    VAULT_TAKE(dumpA, dumpVault(*a));

    VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
    VAULT_TAKE(dumpB, dumpVault(*b));
    QCOMPARE(dumpB, dumpA);
    QCOMPARE(b->info().id, a->info().id);
    QVERIFY(b->info().workingCopy != a->info().workingCopy);
    QVERIFY(deviceIdOf(box.dataDir(QStringLiteral("a"))) !=
            deviceIdOf(box.dataDir(QStringLiteral("b"))));

    // b edits and publishes; a, which has nothing unpublished, picks it up at its next unlock.
    box.clock().advance(Minute);
    EntryChanges change;
    change.username = QStringLiteral("changed-on-b");
    VAULT_VERIFY_OK(b->edit(ids[0], std::move(change)));
    VAULT_VERIFY_OK(b->publish());
    const QByteArray deviceB = deviceIdOf(box.dataDir(QStringLiteral("b")));
    QVERIFY(stampedAt(b->entry(ids[0])->username.stamp, FixtureNowMs + Minute, deviceB));
    VAULT_TAKE(dumpB2, dumpVault(*b));
    a->lock();
    VAULT_TAKE(a2, box.unlock());
    QCOMPARE(a2->entry(ids[0])->username.value, QStringLiteral("changed-on-b"));
    VAULT_TAKE(dumpA2, dumpVault(*a2));
    QCOMPARE(dumpA2, dumpB2);
    // a's old working copy held nothing unpublished: replaced, not piled up among the backups.
    const QString setAside = a2->info().backupDir + QStringLiteral("/set-aside");
    QVERIFY2(QDir(setAside).entryList(QDir::Files).isEmpty(), qPrintable(setAside));
}

// The app and tessera-cli on one device open the same working copy. A change made by one must
// be seen by the other before it changes anything, and publishing must not mistake the other's
// publish for a change from elsewhere.
void TestDevices::twoSessionsOfOneDeviceShareTheWorkingCopy() {
    VaultSandbox box;
    VAULT_TAKE(ids, [&]() -> Result<std::vector<EntryId>> {
        auto created = box.create();
        if (!created)
            return created.error();
        auto added = addSampleEntries(**created, 3);
        if (added && !(*created)->publish().ok())
            return makeError(ErrorCode::Io, QStringLiteral("publish failed"));
        return added;
    }());
    VAULT_TAKE(app, box.unlock());
    VAULT_TAKE(cli, box.unlock());

    EntryChanges onCli;
    onCli.username = QStringLiteral("changed-by-cli");
    VAULT_VERIFY_OK(cli->edit(ids[0], std::move(onCli)));
    VAULT_VERIFY_OK(cli->publish());

    // The app edits the same entry afterwards: it must start from the CLI's version.
    box.clock().advance(Minute);
    EntryChanges onApp;
    onApp.folder = QStringLiteral("Changed/By/App");
    VAULT_VERIFY_OK(app->edit(ids[0], std::move(onApp)));
    QCOMPARE(app->entry(ids[0])->username.value, QStringLiteral("changed-by-cli"));
    VAULT_VERIFY_OK(app->publish());
    VAULT_TAKE(appDump, dumpVault(*app));

    // A third session (another device) sees both changes in the published file.
    VAULT_TAKE(other, box.unlock(QStringLiteral("b")));
    QCOMPARE(other->entry(ids[0])->username.value, QStringLiteral("changed-by-cli"));
    QCOMPARE(other->entry(ids[0])->folder.value, QStringLiteral("Changed/By/App"));
    VAULT_TAKE(otherDump, dumpVault(*other));
    QCOMPARE(otherDump, appDump);
    QVERIFY(!app->info().unpublishedChanges);

    // The app changes something but the CLI publishes first (the working copy holds both): the
    // app's own publish afterwards is not a conflict.
    EntryChanges later;
    later.username = QStringLiteral("changed-by-app");
    VAULT_VERIFY_OK(app->edit(ids[1], std::move(later)));
    EntryChanges another;
    another.username = QStringLiteral("changed-by-cli-again");
    VAULT_VERIFY_OK(cli->edit(ids[2], std::move(another)));
    VAULT_VERIFY_OK(cli->publish());
    VAULT_VERIFY_OK(app->publish());
    other->lock();
    VAULT_TAKE(other2, box.unlock(QStringLiteral("b")));
    QCOMPARE(other2->entry(ids[1])->username.value, QStringLiteral("changed-by-app"));
    QCOMPARE(other2->entry(ids[2])->username.value, QStringLiteral("changed-by-cli-again"));
}

void TestDevices::publishMergesFileChangedOnDisk() {
    VaultSandbox box;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(a, box.create());
        VAULT_TAKE(added, addSampleEntries(*a, 3));
        ids = added;
        VAULT_VERIFY_OK(a->publish());
    }
    VAULT_TAKE(a, box.unlock(QStringLiteral("a")));
    VAULT_TAKE(b, box.unlock(QStringLiteral("b"))); // b loads the same version

    EntryChanges onA;
    onA.title = QStringLiteral("edited on A");
    VAULT_VERIFY_OK(a->edit(ids[0], std::move(onA)));
    VAULT_VERIFY_OK(a->publish());

    EntryChanges onB;
    onB.title = QStringLiteral("edited on B");
    VAULT_VERIFY_OK(b->edit(ids[1], std::move(onB))); // the working copy only
    QVERIFY(b->info().unpublishedChanges);
    // b's publish merges a's version first, then publishes both edits.
    VAULT_TAKE(report, b->sync(MergeOptions{}));
    QVERIFY(report.merged);
    QVERIFY(report.published);
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.changedTitles, QStringList{QStringLiteral("edited on A")});
    QCOMPARE(b->entry(ids[0])->title.value, QStringLiteral("edited on A"));
    QVERIFY(!b->info().unpublishedChanges);

    // Unlocking on a device with unpublished changes while the file changed merges too.
    EntryChanges againOnA;
    againOnA.username = QStringLiteral("a2");
    VAULT_VERIFY_OK(a->edit(ids[2], std::move(againOnA)));
    EntryChanges againOnB;
    againOnB.username = QStringLiteral("b2");
    VAULT_VERIFY_OK(b->edit(ids[1], std::move(againOnB)));
    b->lock();
    VAULT_VERIFY_OK(a->publish()); // merges the file b published above, then publishes a2
    VAULT_TAKE(b2, box.unlock(QStringLiteral("b")));
    QCOMPARE(b2->entry(ids[2])->username.value, QStringLiteral("a2"));
    QCOMPARE(b2->entry(ids[1])->username.value, QStringLiteral("b2"));
    VAULT_VERIFY_OK(b2->publish());

    // A device that never saw the vault sees every edit of both.
    VAULT_TAKE(fresh, box.unlock(QStringLiteral("fresh")));
    QCOMPARE(fresh->entry(ids[0])->title.value, QStringLiteral("edited on A"));
    QCOMPARE(fresh->entry(ids[1])->title.value, QStringLiteral("edited on B"));
    QCOMPARE(fresh->entry(ids[1])->username.value, QStringLiteral("b2"));
    QCOMPARE(fresh->entry(ids[2])->username.value, QStringLiteral("a2"));
}

void TestDevices::deletedVaultFileKeepsWorkingCopy() {
    VaultSandbox box;
    QByteArray before;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        before = dump;
    }
    QVERIFY(QFile::remove(box.vaultPath()));
    VAULT_TAKE(vault, box.unlock());
    VAULT_TAKE(dump, dumpVault(*vault));
    QCOMPARE(dump, before);
    QVERIFY(vault->info().unpublishedChanges);
    VAULT_VERIFY_OK(vault->publish());
    QVERIFY(QFileInfo::exists(box.vaultPath()));
    VAULT_TAKE(fresh, box.unlock(QStringLiteral("fresh")));
    VAULT_TAKE(freshDump, dumpVault(*fresh));
    QCOMPARE(freshDump, before);
}

// A sync client (or a restore) rewrites the vault file with the same bytes: a new inode and
// times. The next unlock hashes it, finds this device's published version, and remembers the new
// identity, so the one after it does not read the whole file again. A different file does not
// get remembered this way.
void TestDevices::rewrittenSameBytesIsRemembered() {
    VaultSandbox box;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3));
        VAULT_VERIFY_OK(vault->publish());
    }
    const QString path = box.vaultPath();
    const QString target = QFileInfo(path).canonicalFilePath();
    const QByteArray bytes = readFile(path);
    const auto storedIdentity = [&]() -> QByteArray {
        auto store = DeviceStore::open(box.dataDir());
        auto state = store ? store->loadState(target) : Result<VaultFileState>(store.error());
        return state ? state->identity : QByteArray();
    };
    const QByteArray published = storedIdentity();
    QVERIFY(!published.isEmpty());
    QCOMPARE(published, fileIdentity(path));

    QVERIFY(QFile::remove(path));
    QVERIFY(writeFile(path, bytes)); // same bytes, a new file
    QVERIFY(fileIdentity(path) != published);
    {
        VAULT_TAKE(vault, box.unlock());
        QCOMPARE(int(vault->entries().size()), 3);
        QVERIFY(!vault->info().unpublishedChanges);
    }
    QCOMPARE(storedIdentity(), fileIdentity(path));
}

// ---- Nothing readable on disk ----

void TestDevices::noPlaintextAtRest() {
    const QList<QByteArray> secrets{
        QByteArrayLiteral("Zanzibar-Quokka-Title-7741"),
        QByteArrayLiteral("quokka.user.5521@zanzibar.example"),
        QByteArrayLiteral("Pw-Marmalade-Quasar-9138!"),
        QByteArrayLiteral("Pw-Nebula-Tangerine-3317"),
        QByteArrayLiteral("Notes under the old lighthouse 4412"),
        QByteArrayLiteral("Edited notes of the lighthouse 9921"),
        QByteArrayLiteral("FieldValue-Xylophone-2290"),
        QByteArrayLiteral("Protected-Vermilion-6603"),
        QByteArrayLiteral("Field-Name-Gazebo-3390"),
        QByteArrayLiteral("quokka-login.zanzibar.example"),
        QByteArrayLiteral("tag-periwinkle-8876"),
        QByteArrayLiteral("Folder-Obsidian-1187"),
        QByteArrayLiteral("JBSWY3DPQUOKKA77"),
        QByteArrayLiteral("passport-scan-quokka.pdf"),
        QByteArrayLiteral("ATTACHMENT-CONTENT-OCELOT-4456"),
        QByteArrayLiteral("Vault-Name-Heliotrope"),
        QByteArrayLiteral("Ünïcødé-Ŧitle-Ωmega-5150"),
        VaultSandbox::MasterPassword,
    };
    // The scanner finds what it looks for (so that zero hits below means something).
    {
        QByteArray planted = "xx";
        for (const QByteArray& encoded : encodingsOf(secrets.last()))
            planted += encoded;
        int found = 0;
        for (const QByteArray& encoded : encodingsOf(secrets.last()))
            found += planted.contains(encoded) ? 1 : 0;
        QCOMPARE(found, 2);
    }

    VaultSandbox box;
    {
        Vault::CreateOptions options;
        options.name = QString::fromUtf8(secrets[15]);
        options.kdf = FastKdf;
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        VAULT_VERIFY_OK(addSampleEntries(*vault, 5));
        EntryChanges c;
        c.title = QString::fromUtf8(secrets[0]);
        c.username = QString::fromUtf8(secrets[1]);
        c.password = secret(secrets[2]);
        c.notes = secret(secrets[4]);
        c.fields.push_back({QStringLiteral("Plain"), secret(secrets[6]), false});
        c.fields.push_back({QString::fromUtf8(secrets[8]), secret(secrets[7]), true});
        c.urls = QStringList{QStringLiteral("https://") + QString::fromUtf8(secrets[9])};
        c.tags = QStringList{QString::fromUtf8(secrets[10])};
        c.folder = QString::fromUtf8(secrets[11]);
        c.totp = secret(secrets[12]);
        VAULT_TAKE(id, vault->add(std::move(c)));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        EntryChanges edit; // the old password and notes go into the history
        edit.password = secret(secrets[3]);
        edit.notes = secret(secrets[5]);
        VAULT_VERIFY_OK(vault->edit(id, std::move(edit)));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        VAULT_VERIFY_OK(vault->attach(id, QString::fromUtf8(secrets[13]), secret(secrets[14])));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        EntryChanges retitle;
        retitle.title = QString::fromUtf8(secrets[16]);
        VAULT_VERIFY_OK(vault->edit(id, std::move(retitle)));
        VAULT_VERIFY_OK(vault->publish());
        // Everything really is in the vault (the scan below is not vacuous).
        VAULT_TAKE(d, vault->details(id));
        QVERIFY(findHistory(d, QStringLiteral("password"), secrets[2]));
    }
    {
        // Another device too, and a password change (a re-keyed file).
        VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
        VAULT_VERIFY_OK(b->changePassword(secret(VaultSandbox::MasterPassword), FastKdf));
        VAULT_VERIFY_OK(b->publish());
    }

    QStringList files = filesUnder(box.cloudDir());
    files += filesUnder(box.dataDir(QStringLiteral("a")));
    files += filesUnder(box.dataDir(QStringLiteral("b")));
    QVERIFY(files.contains(box.vaultPath()));
    QVERIFY(files.contains(box.workingCopy(QStringLiteral("a"))));
    QVERIFY(files.contains(box.workingCopy(QStringLiteral("b"))));
    const QStringList backups = filesUnder(box.backupDir(QStringLiteral("a")));
    QVERIFY2(backups.size() >= 3, qPrintable(backups.join(QLatin1Char(' '))));
    QStringList hits;
    for (const QString& file : files) {
        const QByteArray bytes = readFile(file);
        for (const QByteArray& s : secrets)
            for (const QByteArray& encoded : encodingsOf(s))
                if (bytes.contains(encoded))
                    hits.append(file + QStringLiteral(": ") + QString::fromUtf8(s));
    }
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
