// Re-keying a vault (core/vault/Vault.h) end to end on real files: a password change is a new
// epoch with a new vault key and a chain that walks back to every older one, on every device; a
// KDF change keeps the vault key; an optional secret key; and a device never goes back to a file
// of an older epoch.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "vault/EpochChain.h"
#include "vault/KeyRing.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

class TestRekey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void changePassword();
    void changeKdf();
    void changeKdfAfterPasswordChangeKeepsChain();
    void secretKey();
    void olderEpochFileIsNotAdopted();
};

void TestRekey::initTestCase() {
    QVERIFY(initializeCrypto().ok());
}

// ---- Password and KDF changes ----

void TestRekey::changePassword() {
    VaultSandbox box;
    QByteArray before;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, addSampleEntries(*vault, 6));
        ids = added;
        EntryChanges edit;
        edit.password = secret("edited password"); // gives the entry a history
        VAULT_VERIFY_OK(vault->edit(ids[0], std::move(edit)));
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("a.txt"), secret("attached")));
        VAULT_VERIFY_OK(vault->trash(ids[2]));
        VAULT_VERIFY_OK(vault->purge(ids[3]));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        before = dump;
    }
    // Device b knows the vault at epoch 0.
    { VAULT_TAKE(b, box.unlock(QStringLiteral("b"))); }

    VAULT_TAKE(epoch0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(epoch0.keys.vaultKey);
    const QByteArray header0 = epoch0.header.bytes();
    const QByteArray vaultId = epoch0.vaultId;
    QCOMPARE(epoch0.epoch, quint64(0));
    epoch0.db.close();

    {
        VAULT_TAKE(vault, box.unlock());
        VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
        QCOMPARE(vault->info().keyEpoch, 1u);
        QVERIFY(vault->info().unpublishedChanges);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, before);
        VAULT_VERIFY_OK(vault->publish());
    }
    const QByteArray header1 = readFile(box.vaultPath()).left(qsizetype(HeaderBytes));
    QVERIFY(header1.mid(4) != header0.mid(4)); // a new header: fresh random bytes

    // The old password opens nothing any more, on any device; the new one opens everything.
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        auto old = box.unlock(device, VaultSandbox::MasterPassword);
        QVERIFY2(!old.ok(), qPrintable(device));
        QCOMPARE(old.code(), ErrorCode::WrongPassword);
        VAULT_TAKE(vault, box.unlock(device, NewPassword));
        QCOMPARE(vault->info().keyEpoch, 1u);
        QCOMPARE(vault->info().id, vaultId);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, before);
    }
    auto oldOnWorkingCopy =
        openVaultRaw(box.workingCopy(), VaultSandbox::MasterPassword, Trust::Foreign);
    QCOMPARE(oldOnWorkingCopy.code(), ErrorCode::WrongPassword);
    {
        // The working copy holds the same new vault key as the published file.
        VAULT_TAKE(working, openVaultRaw(box.workingCopy(), NewPassword, Trust::Foreign));
        QCOMPARE(working.epoch, quint64(1));
        QVERIFY(hashKey(working.keys.vaultKey) != keyHash0);
        VAULT_TAKE(published, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
        QCOMPARE(hashKey(working.keys.vaultKey), hashKey(published.keys.vaultKey));
    }

    // A new vault key, and a chain that leads back from it to the original one.
    VAULT_TAKE(epoch1, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
    QCOMPARE(epoch1.epoch, quint64(1));
    QCOMPARE(epoch1.vaultId, vaultId);
    QCOMPARE(epoch1.header.bytes(), header1);
    const QByteArray keyHash1 = hashKey(epoch1.keys.vaultKey);
    QVERIFY(keyHash1 != keyHash0);
    QCOMPARE(epoch1.epochs.size(), std::size_t(2));
    QCOMPARE(epoch1.epochs[0].header, header0);
    QCOMPARE(epoch1.epochs[0].keyHash, keyHash0);
    QCOMPARE(epoch1.epochs[1].keyHash, keyHash1);
    VAULT_TAKE(original, walkBack(epoch1.epochs, vaultId, epoch1.keys.vaultKey, 0));
    QCOMPARE(hashKey(original), keyHash0);
    VAULT_TAKE(same, walkBack(epoch1.epochs, vaultId, epoch1.keys.vaultKey, 1));
    QCOMPARE(hashKey(same), keyHash1);
    // The chain is bound to the vault id and starts at the real current key.
    QCOMPARE(walkBack(epoch1.epochs, QByteArray(16, '\0'), epoch1.keys.vaultKey, 0).code(),
             ErrorCode::Tampered);
    QCOMPARE(walkBack(epoch1.epochs, vaultId, randomKey(), 0).code(), ErrorCode::Tampered);
    epoch1.db.close();

    // The previous published file was kept as a backup, still under the old password: someone
    // who knows the old password can read copies from that time, and nothing newer.
    bool oldBackupOpens = false;
    for (const QString& backup : filesUnder(box.backupDir())) {
        auto opened = openVaultRaw(backup, VaultSandbox::MasterPassword, Trust::Foreign);
        if (opened)
            oldBackupOpens = opened->epoch == 0;
    }
    QVERIFY(oldBackupOpens);

    // A second change: epoch 2, and the chain still reaches epochs 1 and 0.
    const QByteArray third = QByteArrayLiteral("third password");
    {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("a"), NewPassword));
        VAULT_VERIFY_OK(vault->changePassword(secret(third), KdfParams{2, 14}));
        VAULT_VERIFY_OK(vault->publish());
        QCOMPARE(vault->info().keyEpoch, 2u);
        QCOMPARE(vault->info().kdf, (KdfParams{2, 14}));
    }
    VAULT_TAKE(epoch2, openVaultRaw(box.vaultPath(), third, Trust::Foreign));
    QCOMPARE(epoch2.epochs.size(), std::size_t(3));
    VAULT_TAKE(back0, walkBack(epoch2.epochs, vaultId, epoch2.keys.vaultKey, 0));
    QCOMPARE(hashKey(back0), keyHash0);
    VAULT_TAKE(back1, walkBack(epoch2.epochs, vaultId, epoch2.keys.vaultKey, 1));
    QCOMPARE(hashKey(back1), keyHash1);
    VAULT_TAKE(vault, box.unlock(QStringLiteral("b"), third));
    VAULT_TAKE(dump, dumpVault(*vault));
    QCOMPARE(dump, before);
}

void TestRekey::changeKdf() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 4));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(before, dumpVault(*vault));
    const QByteArray published = readFile(box.vaultPath());
    VAULT_TAKE(raw0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(raw0.keys.vaultKey);
    const QByteArray header0 = raw0.header.bytes();
    raw0.db.close();

    // The current password is required.
    const KdfParams stronger{2, 14};
    const Status wrong = vault->changeKdf(secret("not the password"), stronger);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.code(), ErrorCode::WrongPassword);
    QCOMPARE(vault->info().kdf, FastKdf);
    QVERIFY(!vault->info().unpublishedChanges);
    QCOMPARE(readFile(box.vaultPath()), published);

    VAULT_VERIFY_OK(vault->changeKdf(secret(VaultSandbox::MasterPassword), stronger));
    QCOMPARE(vault->info().kdf, stronger);
    QCOMPARE(vault->info().keyEpoch, 0u);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();

    const QByteArray header1 = readFile(box.vaultPath()).left(qsizetype(HeaderBytes));
    QCOMPARE(quint8(header1[2]), quint8(2));
    QCOMPARE(quint8(header1[3]), quint8(14));
    QVERIFY(header1.mid(4) != header0.mid(4));
    VAULT_TAKE(raw1, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    QCOMPARE(raw1.epoch, quint64(0));
    QCOMPARE(hashKey(raw1.keys.vaultKey), keyHash0); // same vault key
    QCOMPARE(raw1.epochs.size(), std::size_t(1));
    QCOMPARE(raw1.epochs[0].header, header1);
    raw1.db.close();

    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        VAULT_TAKE(again, box.unlock(device));
        QCOMPARE(again->info().kdf, stronger);
        VAULT_TAKE(dump, dumpVault(*again));
        QCOMPARE(dump, before);
    }
}

void TestRekey::changeKdfAfterPasswordChangeKeepsChain() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(raw0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(raw0.keys.vaultKey);
    raw0.db.close();
    VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
    VAULT_VERIFY_OK(vault->changeKdf(secret(NewPassword), KdfParams{3, 13}));
    QCOMPARE(vault->info().keyEpoch, 1u);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    VAULT_TAKE(raw, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
    QCOMPARE(raw.epoch, quint64(1));
    QCOMPARE(raw.header.kdf, (KdfParams{3, 13}));
    QCOMPARE(raw.epochs.back().header, raw.header.bytes());
    VAULT_TAKE(back, walkBack(raw.epochs, raw.vaultId, raw.keys.vaultKey, 0));
    QCOMPARE(hashKey(back), keyHash0);
    raw.db.close();
    VAULT_TAKE(again, box.unlock(QStringLiteral("fresh"), NewPassword));
    QCOMPARE(again->entries().size(), std::size_t(2));
}

void TestRekey::secretKey() {
    VaultSandbox box;
    const SecureBuffer key = secret(QByteArray(int(SecretKeyBytes), '\x5c'));
    const SecureBuffer otherKey = secret(QByteArray(int(SecretKeyBytes), '\x5d'));
    {
        Vault::CreateOptions options;
        options.name = VaultSandbox::VaultName;
        options.kdf = FastKdf;
        options.secretKey = &key;
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        QVERIFY(vault->info().requiresSecretKey);
        VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(FlagSecretKey));
    const auto unlockWith = [&](const QString& device, const SecureBuffer* secretKey) {
        return Vault::unlock(box.device(device), box.vaultPath(),
                             secret(VaultSandbox::MasterPassword), secretKey);
    };
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        QCOMPARE(unlockWith(device, nullptr).code(), ErrorCode::WrongPassword);
        QCOMPARE(unlockWith(device, &otherKey).code(), ErrorCode::WrongPassword);
        VAULT_TAKE(vault, unlockWith(device, &key));
        QCOMPARE(vault->entries().size(), std::size_t(2));
    }
    // Dropping the secret key is a password change: new epoch, no flag, the key no longer needed.
    {
        VAULT_TAKE(vault, unlockWith(QStringLiteral("a"), &key));
        VAULT_VERIFY_OK(vault->changePassword(secret(VaultSandbox::MasterPassword), FastKdf));
        QVERIFY(!vault->info().requiresSecretKey);
        QCOMPARE(vault->info().keyEpoch, 1u);
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(0));
    VAULT_TAKE(vault, unlockWith(QStringLiteral("other"), nullptr));
    QCOMPARE(vault->entries().size(), std::size_t(2));
}

// ---- An older epoch ----

void TestRekey::olderEpochFileIsNotAdopted() {
    // DESIGN.md "Key epochs": a device never moves to a lower epoch; a copy made under an older
    // password is merged only if the user asks for it explicitly. Someone who knows the old
    // password and puts an epoch-0 file in the cloud folder must not get it accepted silently.
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray epoch0File = readFile(box.vaultPath());
    VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();

    QVERIFY(writeFile(box.vaultPath(), epoch0File));
    auto rolledBack = box.unlock(QStringLiteral("a"), VaultSandbox::MasterPassword);
    QVERIFY2(!rolledBack.ok(),
             "a device at epoch 1 silently adopted an epoch-0 file opened with the old password");
    VAULT_TAKE(working, openVaultRaw(box.workingCopy(), NewPassword, Trust::Foreign));
    QCOMPARE(working.epoch, quint64(1));
}

QTEST_GUILESS_MAIN(TestRekey)
#include "tst_rekey.moc"
