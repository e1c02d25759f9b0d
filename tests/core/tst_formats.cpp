// Format versions (core/FORMAT.md "Integrity"). Tessera writes format 2, whose entries row MAC
// covers the sealed overview by its length, nonce and tag. It still opens, edits and merges
// format 1 files (row MACs over whole rows) that earlier releases wrote, keeps them in format 1,
// and a password change rewrites the vault in format 2.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "vault/Integrity.h"
#include "vault/KeyRing.h"

#include <QFile>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

struct EntryRow {
    QByteArray id;
    QByteArray titleIndex;
    QByteArray overview;
    QByteArray mac;
};

Result<std::vector<EntryRow>> entryRows(OpenVault& file) {
    auto stmt = file.db.prepare("SELECT e.id, e.title_index, e.overview, m.mac FROM entries AS e "
                                "JOIN row_macs AS m ON m.tbl = 4 AND m.id = e.id");
    if (!stmt)
        return stmt.error();
    std::vector<EntryRow> rows;
    TESSERA_TRY(stmt->forEachRow([&rows](const Statement& row) -> Status {
        rows.push_back({row.blob(0), row.blob(1), row.blob(2), row.blob(3)});
        return {};
    }));
    return rows;
}

// An entries row's MAC as core/FORMAT.md spells it out, from the bytes.
QByteArray entryMacByTheBook(const Key& rowMacKey, int format, const EntryRow& row) {
    Mac m(rowMacKey);
    m.addField(QByteArrayView("entries"));
    const auto blobHead = [&m](QByteArrayView blob) {
        m.add(QByteArrayView("\x04", 1)); // SQLite type: blob
        m.addU64(std::uint64_t(blob.size()));
    };
    blobHead(row.id);
    m.add(row.id);
    blobHead(row.titleIndex);
    m.add(row.titleIndex);
    blobHead(row.overview);
    if (format == 1) {
        m.add(row.overview);
    } else {
        m.add(QByteArrayView(row.overview).first(qsizetype(NonceBytes)));
        m.add(QByteArrayView(row.overview).last(qsizetype(AeadTagBytes)));
    }
    return m.finish();
}

// PRAGMA user_version of the file (read from a copy: a foreign file may run no PRAGMA).
int userVersion(const QString& path) {
    const QString copy = path + QStringLiteral(".probe");
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        return -1;
    int version = -1;
    if (auto file = openVaultRaw(copy, VaultSandbox::MasterPassword, Trust::Own)) {
        auto value = file->db.queryInt("PRAGMA user_version");
        version = value ? int(*value) : -1;
    }
    QFile::remove(copy);
    return version;
}

// Every entries row of the file has the MAC FORMAT.md gives for `format`.
bool macsFollowTheBook(const QString& path, int format) {
    auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Foreign);
    if (!file)
        return false;
    auto rows = entryRows(*file);
    if (!rows || rows->empty())
        return false;
    for (const EntryRow& row : *rows)
        if (entryMacByTheBook(file->keys.rowMac.key, format, row) != row.mac)
            return false;
    return true;
}

// One byte inside the ciphertext of the first entry's overview, between nonce and tag, changed;
// no MAC recomputed.
Status flipCiphertextByte(const QString& path) {
    auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Own);
    if (!file)
        return file.error();
    // (|| makes text of blobs: cast back, or the type byte alone would differ)
    return file->db.exec("UPDATE entries SET overview = CAST(substr(overview, 1, 30) || "
                         "(CASE WHEN substr(overview, 31, 1) = x'00' THEN x'01' ELSE x'00' END) || "
                         "substr(overview, 32) AS BLOB) "
                         "WHERE rowid = (SELECT min(rowid) FROM entries)");
}

} // namespace

class TestFormats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void newVaultsUseFormat2();
    // Past the size where unlock opens overviews on worker threads (512 rows).
    void format1VaultOpensEditsAndStays();
    void format1AndFormat2FilesMerge();
    void changedCiphertextRefusedInBothFormats_data();
    void changedCiphertextRefusedInBothFormats();
    // A password or KDF change rewrites the vault: in format 2.
    void rekeyWritesFormat2_data();
    void rekeyWritesFormat2();
    // In a vault without entries both formats give the same row MACs: the manifest still tells.
    void formatIsBoundByTheManifest();

private:
    // A published vault with `count` sample entries on device a, and its content.
    void makeVault(VaultSandbox& box, int count, QByteArray* dump = nullptr);
};

void TestFormats::initTestCase() {
    QVERIFY(initializeCrypto().ok());
}

void TestFormats::makeVault(VaultSandbox& box, int count, QByteArray* dump) {
    VAULT_TAKE(vault, box.create());
    VAULT_TAKE(ids, addSampleEntries(*vault, count));
    QCOMPARE(int(ids.size()), count);
    VAULT_VERIFY_OK(vault->publish());
    if (dump) {
        VAULT_TAKE(content, dumpVault(*vault));
        *dump = content;
    }
}

void TestFormats::newVaultsUseFormat2() {
    VaultSandbox box;
    makeVault(box, 5);
    QCOMPARE(userVersion(box.vaultPath()), 2);
    QVERIFY(macsFollowTheBook(box.vaultPath(), 2));
    QVERIFY(!macsFollowTheBook(box.vaultPath(), 1));
    VAULT_TAKE(vault, box.unlock());
    QCOMPARE(vault->info().formatVersion, 2);
}

void TestFormats::format1VaultOpensEditsAndStays() {
    VaultSandbox box;
    QByteArray before;
    makeVault(box, 600, &before);
    VAULT_VERIFY_OK(rewriteAsFormat1(box.vaultPath()));
    QCOMPARE(userVersion(box.vaultPath()), 1);
    QVERIFY(macsFollowTheBook(box.vaultPath(), 1));

    // A device that never saw the vault checks the whole file (foreign), then its working copy.
    for (int open = 0; open < 2; ++open) {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("b")));
        QCOMPARE(vault->info().formatVersion, 1);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, before);
    }
    EntryId edited;
    {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("b")));
        edited = vault->entries().front().id;
        EntryChanges changes;
        changes.title = QStringLiteral("edited in format 1");
        VAULT_VERIFY_OK(vault->edit(edited, std::move(changes)));
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(userVersion(box.vaultPath()), 1);
    QVERIFY(macsFollowTheBook(box.vaultPath(), 1));
    VAULT_TAKE(fresh, box.unlock(QStringLiteral("c")));
    QCOMPARE(fresh->entry(edited)->title.value, QStringLiteral("edited in format 1"));
}

void TestFormats::format1AndFormat2FilesMerge() {
    VaultSandbox box;
    makeVault(box, 20);
    const auto addTitled = [](Vault& vault, const QString& title) {
        EntryChanges changes;
        changes.title = title;
        return vault.add(std::move(changes));
    };
    // Device a adds an entry to its format 2 working copy and does not publish yet. The vault
    // file becomes a format 1 file, to which device b (opening it fresh: its working copy is in
    // format 1 too) adds one.
    {
        VAULT_TAKE(a, box.unlock());
        VAULT_VERIFY_OK(addTitled(*a, QStringLiteral("from a")));
    }
    VAULT_VERIFY_OK(rewriteAsFormat1(box.vaultPath()));
    {
        VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
        VAULT_VERIFY_OK(addTitled(*b, QStringLiteral("from b")));
        VAULT_VERIFY_OK(b->publish());
        VAULT_VERIFY_OK(addTitled(*b, QStringLiteral("from b, later")));
    }
    QCOMPARE(userVersion(box.vaultPath()), 1);
    // a merges the format 1 file into its format 2 copy and publishes that.
    {
        VAULT_TAKE(a, box.unlock());
        VAULT_VERIFY_OK(a->sync({}));
        QCOMPARE(a->info().formatVersion, 2);
        QCOMPARE(int(a->entries().size()), 22);
        VAULT_VERIFY_OK(a->publish());
    }
    QCOMPARE(userVersion(box.vaultPath()), 2);
    QVERIFY(macsFollowTheBook(box.vaultPath(), 2));
    // b merges the format 2 file into its format 1 copy.
    VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
    VAULT_VERIFY_OK(b->sync({}));
    QCOMPARE(b->info().formatVersion, 1);
    QCOMPARE(int(b->entries().size()), 23);
    VAULT_VERIFY_OK(b->publish());
    QCOMPARE(userVersion(box.vaultPath()), 1);
    QVERIFY(macsFollowTheBook(box.vaultPath(), 1));
}

void TestFormats::changedCiphertextRefusedInBothFormats_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("caughtBy");
    // Format 1: the row MAC covers the ciphertext; format 2: its tag, which the AEAD checks.
    QTest::newRow("format 1") << 1 << QStringLiteral("does not match its MAC");
    QTest::newRow("format 2") << 2 << QStringLiteral("failed authentication");
}

void TestFormats::changedCiphertextRefusedInBothFormats() {
    QFETCH(int, format);
    QFETCH(QString, caughtBy);
    VaultSandbox box;
    makeVault(box, 5);
    if (format == 1)
        VAULT_VERIFY_OK(rewriteAsFormat1(box.vaultPath()));
    const QByteArray intact = readFile(box.vaultPath());
    VAULT_VERIFY_OK(flipCiphertextByte(box.vaultPath()));
    QVERIFY(readFile(box.vaultPath()) != intact);
    auto vault = box.unlock(QStringLiteral("b"));
    QVERIFY(!vault.ok());
    QCOMPARE(vault.code(), ErrorCode::Tampered);
    QVERIFY2(vault.error().message.contains(caughtBy), qPrintable(vault.error().message));
    // As a merge input (sync reads a changed vault file so: row MACs, no other record opened).
    auto mergeInput =
        openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::ForeignRows);
    QVERIFY(!mergeInput.ok());
    QCOMPARE(mergeInput.code(), ErrorCode::Tampered);
    QVERIFY2(mergeInput.error().message.contains(caughtBy), qPrintable(mergeInput.error().message));
}

void TestFormats::rekeyWritesFormat2_data() {
    QTest::addColumn<bool>("newPassword"); // else a KDF change under the same password
    QTest::newRow("password change") << true;
    QTest::newRow("KDF change") << false;
}

void TestFormats::rekeyWritesFormat2() {
    QFETCH(bool, newPassword);
    VaultSandbox box;
    QByteArray before;
    makeVault(box, 8, &before);
    VAULT_VERIFY_OK(rewriteAsFormat1(box.vaultPath()));
    {
        VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
        QCOMPARE(b->info().formatVersion, 1);
        const KdfParams stronger{std::uint8_t(FastKdf.opsLimit + 1), FastKdf.memLog2};
        VAULT_VERIFY_OK(newPassword ? b->changePassword(secret(NewPassword), FastKdf)
                                    : b->changeKdf(secret(VaultSandbox::MasterPassword), stronger));
        QCOMPARE(b->info().formatVersion, 2);
        VAULT_VERIFY_OK(b->publish());
    }
    VAULT_TAKE(c, box.unlock(QStringLiteral("c"),
                             newPassword ? NewPassword : VaultSandbox::MasterPassword));
    QCOMPARE(c->info().formatVersion, 2);
    VAULT_TAKE(dump, dumpVault(*c));
    QCOMPARE(dump, before);
}

void TestFormats::formatIsBoundByTheManifest() {
    VaultSandbox box;
    makeVault(box, 0);
    {
        VAULT_TAKE(file, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Own));
        VAULT_VERIFY_OK(file.db.exec("PRAGMA user_version = 1"));
    }
    auto vault = box.unlock(QStringLiteral("b"));
    QVERIFY(!vault.ok());
    QCOMPARE(vault.code(), ErrorCode::Tampered);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
