// Vault::unlock with Overviews::OnDemand (what tessera-cli's single-entry commands use): the same
// answers and the same checks as a full unlock, while only the entries a call names are opened.

#include "VaultFixture.h"

#include <QtTest>

using namespace tessera;
using namespace tessera::test;

class TestVaultOnDemand : public QObject {
    Q_OBJECT

private:
    static constexpr int EntryCount = 12;
    VaultSandbox m_box;
    std::vector<EntryId> m_ids;

    Result<std::unique_ptr<Vault>> onDemand(const QString& device = QStringLiteral("a")) {
        const SecureBuffer password = secret(VaultSandbox::MasterPassword);
        return Vault::unlock(m_box.device(device), m_box.vaultPath(), password, nullptr,
                             Overviews::OnDemand);
    }

    // The entry at index, opened by a full unlock (the reference).
    static QString titleOf(Vault& vault, const EntryId& id) {
        const EntryOverview* entry = vault.entry(id);
        return entry ? entry->title.value : QString();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_box.isValid());
        VAULT_TAKE(vault, m_box.create());
        VAULT_TAKE(ids, addSampleEntries(*vault, EntryCount));
        m_ids = ids;
        VAULT_VERIFY_OK(vault->trash(m_ids[3]));
        VAULT_VERIFY_OK(vault->publish());
    }

    void resolveAndDetailsMatchFullUnlock_data() {
        QTest::addColumn<int>("index");
        for (int index : {0, 5, EntryCount - 1})
            QTest::addRow("entry %d", index) << index;
    }
    void resolveAndDetailsMatchFullUnlock() {
        QFETCH(int, index);
        VAULT_TAKE(full, m_box.unlock());
        VAULT_TAKE(lazy, onDemand());
        const QString title = sampleTitle(index);
        VAULT_TAKE(id, lazy->resolve(title));
        QCOMPARE(id, m_ids[std::size_t(index)]);
        QCOMPARE(titleOf(*lazy, id), titleOf(*full, id));
        VAULT_TAKE(mine, lazy->details(id));
        VAULT_TAKE(theirs, full->details(id));
        QVERIFY(mine.password.value.equals(theirs.password.value));
        // By hex id too, and scopes are honoured (entry 3 is in the trash).
        VAULT_TAKE(byHex, lazy->resolve(hexId(id)));
        QCOMPARE(byHex, id);
        QCOMPARE(lazy->resolve(sampleTitle(3)).code(), ErrorCode::NotFound);
        VAULT_TAKE(trashed, lazy->resolve(sampleTitle(3), Scope::Trashed));
        QCOMPARE(trashed, m_ids[3]);
    }

    void missingEntryIsNotFound() {
        VAULT_TAKE(lazy, onDemand());
        QCOMPARE(lazy->resolve(QStringLiteral("no such title")).code(), ErrorCode::NotFound);
        QCOMPARE(lazy->details(EntryId(16, '\x01')).code(), ErrorCode::NotFound);
        QVERIFY(lazy->entry(EntryId(16, '\x01')) == nullptr);
    }

    // Changes made on demand are the same changes: a full unlock afterwards dumps what a full
    // unlock that made them would.
    void changesMatchFullUnlock() {
        VaultSandbox box;
        QVERIFY(box.isValid());
        QByteArray dumps[2];
        for (int pass = 0; pass < 2; ++pass) {
            const QString device = QStringLiteral("d%1").arg(pass);
            const QString vaultName = QStringLiteral("v%1").arg(pass);
            {
                VAULT_TAKE(vault, box.create(device, VaultSandbox::MasterPassword, vaultName));
                VAULT_TAKE(ids, addSampleEntries(*vault, 4));
                Q_UNUSED(ids);
            }
            const SecureBuffer password = secret(VaultSandbox::MasterPassword);
            VAULT_TAKE(vault,
                       Vault::unlock(box.device(device), box.vaultPath(vaultName), password,
                                     nullptr, pass == 0 ? Overviews::Load : Overviews::OnDemand));
            VAULT_TAKE(id, vault->resolve(sampleTitle(1)));
            EntryChanges change;
            change.title = QStringLiteral("Renamed");
            change.password = secret("new password");
            VAULT_VERIFY_OK(vault->edit(id, std::move(change)));
            QCOMPARE(vault->entry(id)->title.value, QStringLiteral("Renamed"));
            EntryChanges added;
            added.title = QStringLiteral("Added later");
            VAULT_TAKE(newId, vault->add(std::move(added)));
            QVERIFY(vault->entry(newId) != nullptr);
            VAULT_TAKE(other, vault->resolve(sampleTitle(2)));
            VAULT_VERIFY_OK(vault->trash(other));
            VAULT_VERIFY_OK(vault->publish());
            VAULT_VERIFY_OK(vault->loadOverviews());
            QCOMPARE(int(vault->entries().size()), 5);
            QCOMPARE(int(vault->search(QStringLiteral("renamed")).size()), 1);
            vault.reset();
            VAULT_TAKE(again, box.unlock(device, VaultSandbox::MasterPassword, vaultName));
            VAULT_TAKE(dump, dumpVault(*again));
            // Ids, stamps and times differ between the two vaults; titles and order do not.
            dumps[pass] = titlesOf(*again);
            QVERIFY(!dump.isEmpty());
        }
        QCOMPARE(dumps[1], dumps[0]);
    }

    // Another process's commit to the working copy is seen: opened overviews are dropped.
    void seesChangesOfAnotherProcess() {
        VAULT_TAKE(lazy, onDemand());
        VAULT_TAKE(id, lazy->resolve(sampleTitle(7)));
        {
            VAULT_TAKE(other, m_box.unlock());
            EntryChanges change;
            change.username = QStringLiteral("changed elsewhere");
            VAULT_VERIFY_OK(other->edit(id, std::move(change)));
        }
        EntryChanges change;
        change.notes = secret("edited here after");
        VAULT_VERIFY_OK(lazy->edit(id, std::move(change)));
        QCOMPARE(lazy->entry(id)->username.value, QStringLiteral("changed elsewhere"));
    }

    // tessera-cli search: one pass that keeps only the matches, after changes made elsewhere.
    void searchOnceSeesChangesOfAnotherProcess() {
        const SecureBuffer password = secret(VaultSandbox::MasterPassword);
        VAULT_TAKE(once, Vault::unlock(m_box.device(QStringLiteral("a")), m_box.vaultPath(),
                                       password, nullptr, Overviews::SearchOnce));
        VAULT_TAKE(before, once->searchOnce(QStringLiteral("found after the edit")));
        QVERIFY(before.empty());
        {
            VAULT_TAKE(other, m_box.unlock());
            EntryChanges change;
            change.username = QStringLiteral("Found after the edit");
            VAULT_VERIFY_OK(other->edit(m_ids[9], std::move(change)));
        }
        VAULT_TAKE(after, once->searchOnce(QStringLiteral("found after the edit")));
        QCOMPARE(int(after.size()), 1);
        QCOMPARE(after.front()->id, m_ids[9]);
        QCOMPARE(after.front()->username.value, QStringLiteral("Found after the edit"));
        VAULT_TAKE(trashed, once->searchOnce(sampleTitle(3)));
        QVERIFY(trashed.empty()); // entry 3 is in the trash
    }

    // A row that does not match its MAC is refused when it is opened, as in a full unlock.
    void tamperedRowIsRefused() {
        VAULT_TAKE(lazy, onDemand());
        VAULT_TAKE(id, lazy->resolve(sampleTitle(8)));
        lazy.reset();
        const QString working = m_box.workingCopy();
        {
            VAULT_TAKE(raw, openVaultRaw(working, VaultSandbox::MasterPassword, Trust::Own));
            auto stmt = raw.db.prepare("UPDATE entries SET title_index = ? WHERE id = ?");
            QVERIFY(stmt.ok());
            stmt->bind(1, QByteArray(16, '\x07')).bind(2, id);
            VAULT_VERIFY_OK(stmt->run());
        }
        VAULT_TAKE(again, onDemand());
        QCOMPARE(again->details(id).code(), ErrorCode::Tampered);
    }
};

QTEST_GUILESS_MAIN(TestVaultOnDemand)
#include "tst_vault_ondemand.moc"
