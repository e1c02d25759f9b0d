// What Vault::merge and Vault::sync refuse, and how they cross key epochs, on real files: another
// vault, damaged and tampered inputs, stamps a day ahead, rollbacks; a master password changed on
// another device (higher epoch) picked up with the new password; a copy at a lower epoch merged
// only with its old password typed explicitly; and the OLD-password attacker, whose modified
// copy no device accepts silently. After every refusal nothing has changed.

#include "MergeFixture.h"

#include "crypto/Crypto.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr qint64 Day = 24 * 60 * Minute;
constexpr qint64 PageBytes = 4096;

MergeOptions withPassword(const SecureBuffer* password, bool older = false,
                          bool acceptRollback = false) {
    MergeOptions options;
    options.otherPassword = password;
    options.allowOlderEpoch = older;
    options.acceptRollback = acceptRollback;
    return options;
}

} // namespace

class TestMergeFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void otherVaultRefused();
    void damagedInputRefused_data();
    void damagedInputRefused();
    void stampsADayAheadRefused();
    void rollbackFlagged();
    void higherEpochNeedsTheNewPasswordOnce();
    void lowerEpochOnlyWithTheOldPassword();
    void oldPasswordAttackerIsNeverAccepted();
};

void TestMergeFiles::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    preferRamDisk();
}

void TestMergeFiles::otherVaultRefused() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    VAULT_TAKE(other, r.box.create(QStringLiteral("c"), VaultSandbox::MasterPassword,
                                   QStringLiteral("other")));
    VAULT_VERIFY_OK(addSampleEntries(*other, 2, 50));
    VAULT_VERIFY_OK(other->publish());
    VAULT_TAKE(before, dumpVault(r.a()));
    const QByteArray working = readFile(r.a().info().workingCopy);
    const SecureBuffer password = secret(VaultSandbox::MasterPassword);
    auto refused = r.a().merge(r.box.vaultPath(QStringLiteral("other")), withPassword(&password));
    QVERIFY(!refused);
    QCOMPARE(refused.code(), ErrorCode::OtherVault);
    QVERIFY(!refused.error().message.contains(QLatin1Char('\n')));
    QVERIFY(refused.error().message.contains(QLatin1String("different vault")));
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);
    QCOMPARE(readFile(r.a().info().workingCopy), working);
}

void TestMergeFiles::damagedInputRefused_data() {
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << QStringLiteral("truncated");
    QTest::newRow("page flipped") << QStringLiteral("flip");
    QTest::newRow("not a vault") << QStringLiteral("garbage");
    QTest::newRow("missing") << QStringLiteral("missing");
}

void TestMergeFiles::damagedInputRefused() {
    QFETCH(QString, damage);
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp(6));
    VAULT_VERIFY_OK(r.b().rename(QStringLiteral("changed on b")));
    VAULT_VERIFY_OK(r.b().publish());
    QByteArray bytes = readFile(r.copyPath());
    const QString input = r.box.path(QStringLiteral("cloud/damaged.tessera"));
    if (damage == QLatin1String("truncated"))
        bytes.chop(PageBytes);
    else if (damage == QLatin1String("flip"))
        bytes[2 * PageBytes + 100] = char(bytes[2 * PageBytes + 100] ^ 0x40);
    else if (damage == QLatin1String("garbage"))
        bytes = QByteArray(8 * PageBytes, 'x');
    if (damage != QLatin1String("missing"))
        QVERIFY(writeFile(input, bytes));
    VAULT_TAKE(before, dumpVault(r.a()));
    const QByteArray working = readFile(r.a().info().workingCopy);
    auto refused = r.a().merge(input, {});
    QVERIFY(!refused);
    QVERIFY2(refused.code() != ErrorCode::WrongPassword, qPrintable(refused.error().message));
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);
    QCOMPARE(readFile(r.a().info().workingCopy), working);
    QVERIFY(!r.a().info().unpublishedChanges);
}

void TestMergeFiles::stampsADayAheadRefused() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    // b's clock runs two days ahead when it edits.
    r.box.clock().set(FixtureNowMs + 2 * Day);
    EntryChanges pinned;
    pinned.password = secret("pinned into the future");
    VAULT_VERIFY_OK(r.b().edit(r.ids[0], std::move(pinned)));
    VAULT_VERIFY_OK(r.b().publish());
    r.box.clock().set(FixtureNowMs + Minute);
    VAULT_TAKE(before, dumpVault(r.a()));
    auto refused = r.a().merge(r.copyPath(), {});
    QVERIFY(!refused);
    QCOMPARE(refused.code(), ErrorCode::Tampered);
    QVERIFY(refused.error().message.contains(QLatin1String("future")));
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);
    // Less than a day ahead is fine, and this device's clock then moves past it.
    r.box.clock().set(FixtureNowMs + Day + 2 * Day - 2 * Minute);
    VAULT_TAKE(accepted, r.a().merge(r.copyPath(), {}));
    QCOMPARE(accepted.updated, 1);
    r.box.clock().set(FixtureNowMs + 2 * Minute); // the wall clock is back
    EntryChanges later;
    later.password = secret("edited after the merge");
    VAULT_VERIFY_OK(r.a().edit(r.ids[0], std::move(later)));
    VAULT_TAKE(details, r.a().details(r.ids[0]));
    QCOMPARE(bytesOf(details.password.value), QByteArray("edited after the merge"));
    // Stamped after what was merged in, although the wall clock is two days behind it.
    QVERIFY(details.password.stamp.hlc > quint64(FixtureNowMs + 2 * Day) << 16);
}

void TestMergeFiles::rollbackFlagged() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    VAULT_VERIFY_OK(r.b().publish());
    const QByteArray old = readFile(r.copyPath());
    EntryChanges onB;
    onB.notes = secret("newer");
    VAULT_VERIFY_OK(r.editAt(r.b(), FixtureNowMs + 5 * Minute, r.ids[1], std::move(onB)));
    VAULT_VERIFY_OK(r.bIntoA()); // a has seen b's newer stamp
    const QString oldCopy = r.box.path(QStringLiteral("cloud/old.tessera"));
    QVERIFY(writeFile(oldCopy, old));
    VAULT_TAKE(before, dumpVault(r.a()));
    auto refused = r.a().merge(oldCopy, {});
    QVERIFY(!refused);
    QCOMPARE(refused.code(), ErrorCode::PossibleRollback);
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);
    VAULT_TAKE(accepted, r.a().merge(oldCopy, withPassword(nullptr, false, true)));
    QVERIFY(accepted.rollbackSuspected);
    QCOMPARE(accepted.warnings.size(), 1);
    QVERIFY(!accepted.changed()); // nothing newer is lost
    VAULT_TAKE(details, r.a().details(r.ids[1]));
    QCOMPARE(bytesOf(details.notes.value), QByteArray("newer"));

    // The vault file itself rolled back: publish refuses rather than publish silently.
    VAULT_VERIFY_OK(r.a().publish());
    const QByteArray current = readFile(r.box.vaultPath());
    EntryChanges onA;
    onA.username = QStringLiteral("after");
    VAULT_VERIFY_OK(r.a().edit(r.ids[2], std::move(onA)));
    QVERIFY(writeFile(r.box.vaultPath(), old));
    auto blocked = r.a().publish();
    QVERIFY(!blocked);
    QCOMPARE(blocked.code(), ErrorCode::PossibleRollback);
    QCOMPARE(readFile(r.box.vaultPath()), old); // not published over
    VAULT_TAKE(repaired, r.a().sync(withPassword(nullptr, false, true)));
    QVERIFY(repaired.rollbackSuspected);
    QVERIFY(repaired.published);
    QVERIFY(readFile(r.box.vaultPath()) != current);
}

void TestMergeFiles::higherEpochNeedsTheNewPasswordOnce() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    // b works on the same vault file as a from now on.
    r.bPtr()->lock();
    VAULT_TAKE(b, r.box.unlock(QStringLiteral("b")));
    EntryChanges onB;
    onB.username = QStringLiteral("edited on b before the password change");
    VAULT_VERIFY_OK(r.editAt(*b, FixtureNowMs + Minute, r.ids[0], std::move(onB)));
    const SecureBuffer newPassword = secret(NewPassword);
    VAULT_VERIFY_OK(r.a().changePassword(newPassword, FastKdf));
    EntryChanges onA;
    onA.title = QStringLiteral("edited on a after the change");
    VAULT_VERIFY_OK(r.editAt(r.a(), FixtureNowMs + 2 * Minute, r.ids[1], std::move(onA)));
    VAULT_VERIFY_OK(r.a().publish());
    const QByteArray published = readFile(r.box.vaultPath());

    // b cannot publish over a file it cannot open: it asks for the new password.
    auto needed = b->sync({});
    QVERIFY(!needed);
    QCOMPARE(needed.code(), ErrorCode::PasswordNeeded);
    QCOMPARE(readFile(r.box.vaultPath()), published);
    const SecureBuffer wrong = secret("not the password");
    auto wrongOne = b->sync(withPassword(&wrong));
    QCOMPARE(wrongOne.code(), ErrorCode::WrongPassword);
    VAULT_TAKE(moved, b->sync(withPassword(&newPassword)));
    QVERIFY(moved.movedToEpoch);
    QCOMPARE(moved.keyEpoch, quint32(1));
    QVERIFY(moved.published);
    QCOMPARE(b->info().keyEpoch, quint32(1));
    QCOMPARE(b->entry(r.ids[1])->title.value, QStringLiteral("edited on a after the change"));
    // Only the new password opens the vault on b now, and b's edit is in it.
    b->lock();
    auto old = r.box.unlock(QStringLiteral("b"));
    QCOMPARE(old.code(), ErrorCode::WrongPassword);
    VAULT_TAKE(again, r.box.unlock(QStringLiteral("b"), NewPassword));
    QCOMPARE(again->entry(r.ids[0])->username.value,
             QStringLiteral("edited on b before the password change"));
    VAULT_TAKE(fresh, r.box.unlock(QStringLiteral("fresh"), NewPassword));
    QCOMPARE(fresh->entry(r.ids[0])->username.value,
             QStringLiteral("edited on b before the password change"));
    QCOMPARE(fresh->entry(r.ids[1])->title.value, QStringLiteral("edited on a after the change"));
}

void TestMergeFiles::lowerEpochOnlyWithTheOldPassword() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    EntryChanges onB;
    onB.notes = secret("written under the old password");
    VAULT_VERIFY_OK(r.editAt(r.b(), FixtureNowMs + Minute, r.ids[2], std::move(onB)));
    VAULT_VERIFY_OK(r.b().publish()); // copy.tessera stays at epoch 0
    const SecureBuffer newPassword = secret(NewPassword);
    VAULT_VERIFY_OK(r.a().changePassword(newPassword, FastKdf));
    VAULT_VERIFY_OK(r.a().publish());
    VAULT_TAKE(before, dumpVault(r.a()));

    auto noPassword = r.a().merge(r.copyPath(), {});
    QCOMPARE(noPassword.code(), ErrorCode::PasswordNeeded);
    const SecureBuffer oldPassword = secret(VaultSandbox::MasterPassword);
    auto notAllowed = r.a().merge(r.copyPath(), withPassword(&oldPassword));
    QCOMPARE(notAllowed.code(), ErrorCode::OlderEpoch);
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);

    VAULT_TAKE(merged, r.a().merge(r.copyPath(), withPassword(&oldPassword, true)));
    QVERIFY(merged.olderEpochMerged);
    QCOMPARE(merged.warnings.size(), 1);
    QCOMPARE(merged.keyEpoch, quint32(1)); // never moves down
    QCOMPARE(merged.updated, 1);
    VAULT_TAKE(details, r.a().details(r.ids[2]));
    QCOMPARE(bytesOf(details.notes.value), QByteArray("written under the old password"));
    QCOMPARE(r.a().info().keyEpoch, quint32(1));
}

void TestMergeFiles::oldPasswordAttackerIsNeverAccepted() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const QByteArray epoch0 = readFile(r.box.vaultPath()); // e.g. from the provider's history
    const SecureBuffer newPassword = secret(NewPassword);
    VAULT_VERIFY_OK(r.a().changePassword(newPassword, FastKdf));
    VAULT_VERIFY_OK(r.a().publish());
    const QByteArray current = readFile(r.box.vaultPath());

    // The attacker knows the old password: opens the old copy, edits it, and also forges a
    // "newer" epoch with a password of their own, linked from the old key they know.
    const QString attackerVault = r.box.path(QStringLiteral("attacker/vault.tessera"));
    QVERIFY(QDir().mkpath(r.box.path(QStringLiteral("attacker"))));
    QVERIFY(writeFile(attackerVault, epoch0));
    {
        VAULT_TAKE(evil, Vault::unlock(r.box.device(QStringLiteral("evil")), attackerVault,
                                       secret(VaultSandbox::MasterPassword)));
        EntryChanges c;
        c.password = secret("attacker's password for your bank");
        VAULT_VERIFY_OK(evil->edit(r.ids[0], std::move(c)));
        VAULT_VERIFY_OK(evil->publish());
    }
    const QByteArray modified = readFile(attackerVault);
    {
        VAULT_TAKE(evil, Vault::unlock(r.box.device(QStringLiteral("evil")), attackerVault,
                                       secret(VaultSandbox::MasterPassword)));
        VAULT_VERIFY_OK(evil->changePassword(secret("attacker's new password"), FastKdf));
        VAULT_VERIFY_OK(evil->publish());
    }
    const QByteArray forged = readFile(attackerVault);
    const SecureBuffer oldPassword = secret(VaultSandbox::MasterPassword);
    const SecureBuffer attackerPassword = secret("attacker's new password");
    VAULT_TAKE(before, dumpVault(r.a()));

    // 1. As a conflict copy beside the vault file: every way of merging it is refused.
    const QString copy = r.box.path(QStringLiteral("cloud/test (conflicted copy).tessera"));
    QVERIFY(writeFile(copy, modified));
    QCOMPARE(r.a().merge(copy, withPassword(nullptr, false, true)).code(),
             ErrorCode::PasswordNeeded);
    QCOMPARE(r.a().merge(copy, withPassword(&newPassword, false, true)).code(),
             ErrorCode::WrongPassword);
    QCOMPARE(r.a().merge(copy, withPassword(&oldPassword, false, true)).code(),
             ErrorCode::OlderEpoch);
    QVERIFY(writeFile(copy, forged));
    QCOMPARE(r.a().merge(copy, withPassword(&attackerPassword, false, true)).code(),
             ErrorCode::Tampered);
    VAULT_TAKE(after, dumpVault(r.a()));
    QCOMPARE(after, before);

    // 2. Over the vault file: no device publishes over it or takes it in.
    QVERIFY(writeFile(r.box.vaultPath(), modified));
    QCOMPARE(r.a().sync({}).code(), ErrorCode::PasswordNeeded);
    QCOMPARE(r.a().sync(withPassword(&oldPassword)).code(), ErrorCode::OlderEpoch);
    QCOMPARE(readFile(r.box.vaultPath()), modified);
    r.aPtr()->lock();
    QCOMPARE(r.box.unlock(QStringLiteral("a"), NewPassword).code(), ErrorCode::WrongPassword);
    QCOMPARE(r.box.unlock(QStringLiteral("a")).code(), ErrorCode::OlderEpoch);
    // b had caught up with the new password before the attack; it refuses too.
    QVERIFY(writeFile(r.box.vaultPath(), current));
    r.bPtr()->lock();
    VAULT_TAKE(b, r.box.unlock(QStringLiteral("b"), NewPassword));
    QVERIFY(writeFile(r.box.vaultPath(), forged));
    QCOMPARE(b->sync(withPassword(&attackerPassword)).code(), ErrorCode::Tampered);
    QCOMPARE(readFile(r.box.vaultPath()), forged);
}

QTEST_GUILESS_MAIN(TestMergeFiles)
#include "tst_merge_files.moc"
