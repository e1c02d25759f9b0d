// Vault::applyBatch: new entries with trash state, times, history and attachments, and edits of
// existing entries, in one transaction: all of it survives a reopen, and a failing batch changes
// nothing.

#include "VaultFixture.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

class TestEntryBatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addsAndEditsTogether() {
        VaultSandbox box;
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(ids, addSampleEntries(*vault, 2));
        EntryBatch batch;
        IncomingEntry entry;
        entry.changes.title = QStringLiteral("Imported");
        entry.changes.password = secret("now");
        entry.trashed = true;
        entry.created = FixtureNowMs - 10 * Minute;
        entry.modified = FixtureNowMs - 5 * Minute;
        entry.history.push_back(
            {QStringLiteral("password"), secret("before"), FixtureNowMs - 7 * Minute});
        entry.attachments.push_back({QStringLiteral("a.txt"), secret("attached")});
        batch.add.push_back(std::move(entry));
        EntryChanges edit;
        edit.password = secret("edited");
        batch.edit.emplace_back(ids[0], std::move(edit));
        VAULT_TAKE(added, vault->applyBatch(std::move(batch)));
        QCOMPARE(added.size(), std::size_t(1));
        VAULT_VERIFY_OK(vault->publish());

        VAULT_TAKE(reopened, box.unlock(QStringLiteral("other")));
        const EntryOverview* o = reopened->entry(added[0]);
        QVERIFY(o);
        QVERIFY(o->trashed.value);
        QCOMPARE(o->created, FixtureNowMs - 10 * Minute);
        QCOMPARE(o->modified, FixtureNowMs - 5 * Minute);
        VAULT_TAKE(details, reopened->details(added[0]));
        QCOMPARE(bytesOf(details.password.value), QByteArray("now"));
        QCOMPARE(details.history.size(), std::size_t(1));
        QCOMPARE(details.history[0].stamp.hlc >> 16, quint64(FixtureNowMs - 7 * Minute));
        QCOMPARE(bytesOf(details.history[0].value), QByteArray("before"));
        VAULT_TAKE(content, reopened->attachmentContent(added[0], QStringLiteral("a.txt")));
        QCOMPARE(bytesOf(content), QByteArray("attached"));
        VAULT_TAKE(edited, reopened->details(ids[0]));
        QCOMPARE(bytesOf(edited.password.value), QByteArray("edited"));
        QVERIFY(findHistory(edited, QStringLiteral("password"),
                            bytesOf(sampleEntry(0).password.value())));
    }

    void failingBatchChangesNothing_data() {
        QTest::addColumn<int>("fault");
        QTest::newRow("untitled new entry") << 0;
        QTest::newRow("edit of an unknown entry") << 1;
        QTest::newRow("attachment too large") << 2;
    }
    void failingBatchChangesNothing() {
        QFETCH(int, fault);
        VaultSandbox box;
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(ids, addSampleEntries(*vault, 2));
        VAULT_TAKE(before, dumpVault(*vault));
        EntryBatch batch;
        IncomingEntry good;
        good.changes.title = QStringLiteral("Good");
        batch.add.push_back(std::move(good));
        EntryChanges edit;
        edit.password = secret("edited");
        batch.edit.emplace_back(ids[0], std::move(edit));
        IncomingEntry bad;
        bad.changes.title = QStringLiteral("Bad");
        if (fault == 0)
            bad.changes.title = QStringLiteral("  ");
        else if (fault == 1)
            batch.edit.emplace_back(QByteArray(16, 'x'), EntryChanges{});
        else
            bad.attachments.push_back(
                {QStringLiteral("big"), SecureBuffer(std::size_t(MaxAttachmentBytes) + 1)});
        batch.add.push_back(std::move(bad));
        QVERIFY(!vault->applyBatch(std::move(batch)).ok());
        VAULT_TAKE(after, dumpVault(*vault));
        QCOMPARE(after, before);
    }
};

QTEST_GUILESS_MAIN(TestEntryBatch)
#include "tst_entrybatch.moc"
