// A vault with a secret key (Vault::create with CreateOptions::secretKey, Vault::changeSecretKey,
// core/FORMAT.md "Secret key"): it opens only with the password AND the key, never with the right
// password alone or a wrong key; turning the key on and off is a new key epoch under the same
// password; a mistyped password or key changes nothing; and a second device catches up with the
// new key once, merging its own unpublished edits (Vault::unlock and Vault::sync with
// MergeOptions::otherSecretKey).

#include "MergeFixture.h"

#include "crypto/Crypto.h"
#include "vault/SecretKey.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

Result<std::unique_ptr<Vault>> unlockWith(const VaultSandbox& box, const QString& device,
                                          const QByteArray& password,
                                          const SecureBuffer* secretKey) {
    return Vault::unlock(box.device(device), box.vaultPath(), secret(password), secretKey);
}

} // namespace

class TestSecretKeyVault : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        preferRamDisk();
    }

    void opensOnlyWithPasswordAndKey_data();
    void opensOnlyWithPasswordAndKey();
    void keyOfWrongSizeRefused();
    void enableDisableRoundTrip();
    void mistypedPasswordOrKeyChangesNothing();
    void passwordChangeKeepsTheKey();
    void otherDeviceCatchesUpWithTheKey();
    void otherDeviceWithUnpublishedEditsMergesWithTheKey();
};

void TestSecretKeyVault::opensOnlyWithPasswordAndKey_data() {
    QTest::addColumn<QString>("device");
    QTest::newRow("this device") << QStringLiteral("a");
    QTest::newRow("a fresh device") << QStringLiteral("fresh");
}

void TestSecretKeyVault::opensOnlyWithPasswordAndKey() {
    QFETCH(QString, device);
    VaultSandbox box;
    const SecureBuffer key = generateSecretKey();
    const SecureBuffer otherKey = generateSecretKey();
    {
        Vault::CreateOptions options{VaultSandbox::VaultName, FastKdf, &key};
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        QVERIFY(vault->info().requiresSecretKey);
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3));
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(FlagSecretKey));
    const QByteArray master = VaultSandbox::MasterPassword;
    QCOMPARE(unlockWith(box, device, master, nullptr).code(), ErrorCode::WrongPassword);
    QCOMPARE(unlockWith(box, device, master, &otherKey).code(), ErrorCode::WrongPassword);
    QCOMPARE(unlockWith(box, device, NewPassword, &key).code(), ErrorCode::WrongPassword);
    // The key alone, with an empty password, is not enough either.
    QCOMPARE(unlockWith(box, device, QByteArray(), &key).code(), ErrorCode::WrongPassword);
    VAULT_TAKE(vault, unlockWith(box, device, master, &key));
    QCOMPARE(vault->entries().size(), std::size_t(3));
    QVERIFY(vault->info().requiresSecretKey);
}

void TestSecretKeyVault::keyOfWrongSizeRefused() {
    VaultSandbox box;
    const SecureBuffer key = generateSecretKey();
    Vault::CreateOptions options{VaultSandbox::VaultName, FastKdf, &key};
    {
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
    }
    const SecureBuffer tooLong = secret(QByteArray(32, 'k'));
    QCOMPARE(unlockWith(box, QStringLiteral("a"), VaultSandbox::MasterPassword, &tooLong).code(),
             ErrorCode::InvalidArgument);
}

void TestSecretKeyVault::enableDisableRoundTrip() {
    VaultSandbox box;
    const SecureBuffer password = secret(VaultSandbox::MasterPassword);
    const SecureBuffer key = generateSecretKey();
    {
        VAULT_TAKE(vault, box.create());
        VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
        VAULT_VERIFY_OK(vault->changeSecretKey(password, nullptr, &key));
        QVERIFY(vault->info().requiresSecretKey);
        QCOMPARE(vault->info().keyEpoch, 1u);
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(FlagSecretKey));
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("b")}) {
        QCOMPARE(unlockWith(box, device, VaultSandbox::MasterPassword, nullptr).code(),
                 ErrorCode::WrongPassword);
    }
    {
        VAULT_TAKE(vault, unlockWith(box, QStringLiteral("b"), VaultSandbox::MasterPassword, &key));
        QCOMPARE(vault->entries().size(), std::size_t(2));
        // Turned off on b: a new epoch again, and the key is no longer asked for anywhere.
        VAULT_VERIFY_OK(vault->changeSecretKey(password, &key, nullptr));
        QVERIFY(!vault->info().requiresSecretKey);
        QCOMPARE(vault->info().keyEpoch, 2u);
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(0));
    VAULT_TAKE(onA, unlockWith(box, QStringLiteral("a"), VaultSandbox::MasterPassword, nullptr));
    QCOMPARE(onA->info().keyEpoch, 2u);
    QCOMPARE(onA->entries().size(), std::size_t(2));
    onA->lock();
    VAULT_TAKE(fresh, unlockWith(box, QStringLiteral("c"), VaultSandbox::MasterPassword, nullptr));
    QCOMPARE(fresh->entries().size(), std::size_t(2));
}

void TestSecretKeyVault::mistypedPasswordOrKeyChangesNothing() {
    VaultSandbox box;
    const SecureBuffer key = generateSecretKey();
    const SecureBuffer otherKey = generateSecretKey();
    VAULT_TAKE(vault, box.create());
    const QByteArray before = readFile(box.workingCopy());
    // Enabling with a mistyped password would make the typo the master password: refused.
    QCOMPARE(vault->changeSecretKey(secret("typo"), nullptr, &key).code(),
             ErrorCode::WrongPassword);
    QCOMPARE(vault->info().keyEpoch, 0u);
    QCOMPARE(readFile(box.workingCopy()), before);
    const SecureBuffer password = secret(VaultSandbox::MasterPassword);
    VAULT_VERIFY_OK(vault->changeSecretKey(password, nullptr, &key));
    const QByteArray enabled = readFile(box.workingCopy());
    // Disabling needs the current key as well.
    QCOMPARE(vault->changeSecretKey(password, nullptr, nullptr).code(), ErrorCode::WrongPassword);
    QCOMPARE(vault->changeSecretKey(password, &otherKey, nullptr).code(), ErrorCode::WrongPassword);
    QCOMPARE(vault->changeSecretKey(secret("typo"), &key, nullptr).code(),
             ErrorCode::WrongPassword);
    QCOMPARE(vault->info().keyEpoch, 1u);
    QVERIFY(vault->info().requiresSecretKey);
    QCOMPARE(readFile(box.workingCopy()), enabled);
    // Replacing the key: a new epoch, the old key no longer opens it.
    VAULT_VERIFY_OK(vault->changeSecretKey(password, &key, &otherKey));
    QCOMPARE(vault->info().keyEpoch, 2u);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    QCOMPARE(unlockWith(box, QStringLiteral("z"), VaultSandbox::MasterPassword, &key).code(),
             ErrorCode::WrongPassword);
    VAULT_TAKE(again,
               unlockWith(box, QStringLiteral("z"), VaultSandbox::MasterPassword, &otherKey));
    QCOMPARE(again->info().keyEpoch, 2u);
}

void TestSecretKeyVault::passwordChangeKeepsTheKey() {
    VaultSandbox box;
    const SecureBuffer key = generateSecretKey();
    Vault::CreateOptions options{VaultSandbox::VaultName, FastKdf, &key};
    {
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf, &key));
        QVERIFY(vault->info().requiresSecretKey);
        VAULT_VERIFY_OK(vault->changeKdf(secret(NewPassword), KdfParams{2, MinMemLog2}, &key));
        QVERIFY(vault->info().requiresSecretKey);
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(unlockWith(box, QStringLiteral("b"), NewPassword, nullptr).code(),
             ErrorCode::WrongPassword);
    VAULT_TAKE(vault, unlockWith(box, QStringLiteral("b"), NewPassword, &key));
    QCOMPARE(vault->info().kdf, (KdfParams{2, MinMemLog2}));
}

void TestSecretKeyVault::otherDeviceCatchesUpWithTheKey() {
    // b has opened the vault before; a turns the key on. b gives the key once and is at the new
    // epoch; its next unlock needs it too.
    VaultSandbox box;
    const SecureBuffer password = secret(VaultSandbox::MasterPassword);
    const SecureBuffer key = generateSecretKey();
    VAULT_TAKE(a, box.create());
    VAULT_TAKE(ids, addSampleEntries(*a, 2));
    VAULT_VERIFY_OK(a->publish());
    {
        VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
        QCOMPARE(b->entries().size(), std::size_t(2));
    }
    VAULT_VERIFY_OK(a->changeSecretKey(password, nullptr, &key));
    EntryChanges edit;
    edit.username = QStringLiteral("after the key");
    VAULT_VERIFY_OK(a->edit(ids[0], std::move(edit)));
    VAULT_VERIFY_OK(a->publish());

    QCOMPARE(box.unlock(QStringLiteral("b")).code(), ErrorCode::WrongPassword);
    {
        VAULT_TAKE(b, unlockWith(box, QStringLiteral("b"), VaultSandbox::MasterPassword, &key));
        QCOMPARE(b->info().keyEpoch, 1u);
        QCOMPARE(b->entry(ids[0])->username.value, QStringLiteral("after the key"));
        EntryChanges fromB;
        fromB.title = QStringLiteral("edited on b");
        VAULT_VERIFY_OK(b->edit(ids[1], std::move(fromB)));
        VAULT_VERIFY_OK(b->publish());
    }
    // a syncs b's edit in without being asked for anything: same epoch, same header.
    VAULT_TAKE(report, a->sync({}));
    QVERIFY(report.merged);
    QCOMPARE(a->entry(ids[1])->title.value, QStringLiteral("edited on b"));
}

void TestSecretKeyVault::otherDeviceWithUnpublishedEditsMergesWithTheKey() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    r.bPtr()->lock();
    VAULT_TAKE(b, r.box.unlock(QStringLiteral("b")));
    EntryChanges onB;
    onB.username = QStringLiteral("typed on b before the key");
    VAULT_VERIFY_OK(r.editAt(*b, FixtureNowMs + Minute, r.ids[0], std::move(onB)));
    const SecureBuffer password = secret(VaultSandbox::MasterPassword);
    const SecureBuffer key = generateSecretKey();
    VAULT_VERIFY_OK(r.a().changeSecretKey(password, nullptr, &key));
    VAULT_VERIFY_OK(r.a().publish());
    const QByteArray published = readFile(r.box.vaultPath());

    // Without the key b cannot open the new file, so it never publishes over it.
    auto needed = b->sync({});
    QCOMPARE(needed.code(), ErrorCode::PasswordNeeded);
    MergeOptions withoutKey;
    withoutKey.otherPassword = &password;
    QCOMPARE(b->sync(withoutKey).code(), ErrorCode::WrongPassword);
    QCOMPARE(readFile(r.box.vaultPath()), published);
    MergeOptions withKey = withoutKey;
    withKey.otherSecretKey = &key;
    VAULT_TAKE(moved, b->sync(withKey));
    QVERIFY(moved.movedToEpoch);
    QVERIFY(moved.published);
    QCOMPARE(b->info().keyEpoch, 1u);
    QVERIFY(b->info().requiresSecretKey);
    b->lock();
    QCOMPARE(r.box.unlock(QStringLiteral("b")).code(), ErrorCode::WrongPassword);
    VAULT_TAKE(fresh,
               unlockWith(r.box, QStringLiteral("fresh"), VaultSandbox::MasterPassword, &key));
    QCOMPARE(fresh->entry(r.ids[0])->username.value, QStringLiteral("typed on b before the key"));
}

QTEST_GUILESS_MAIN(TestSecretKeyVault)
#include "tst_secretkey_vault.moc"
