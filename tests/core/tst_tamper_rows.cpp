// Deliberate changes inside a vault file's database by someone who can write to the cloud folder
// and, for some rows, even knows the password or the vault key: (c) rows copied from an older
// version, (d) sealed blobs moved to another record, vault or epoch, (f) the schema changed, (g)
// rows deleted, (h) the manifest replaced, on the published file and in the private working copy.
// Each is refused as tampered and never shown. Changes to the header and pages, and planted
// journals, are in tst_tamper.
//
// The fixture vault is TwoVersionFixture's (VaultFixture.h): published twice without re-keying,
// v1 then v2, so that their rows can be mixed. Device "a" loaded v2; each row uses a fresh copy
// of that data folder, and a data folder that has never seen the vault.
//
// Rows that change the database itself open a copy with the key derived from the password
// (openVaultRaw); rows that recompute row MACs or the manifest do so with the file's own vault
// key, so that only the check under test is left to catch them.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "storage/Database.h"
#include "vault/Integrity.h"
#include "vault/KeyRing.h"
#include "vault/RecordCodec.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <functional>

using namespace tessera;
using namespace tessera::test;

namespace {

// A change made to an opened copy of v2; v1's rows are at hand in the Old struct.
using Edit = std::function<Status(OpenVault&)>;

Status run(Database& db, const char* sql, const QList<QByteArray>& blobs = {}) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < blobs.size(); ++i)
        stmt->bind(i + 1, blobs[i]);
    return stmt->run();
}

Result<QByteArray> queryBlob(Database& db, const char* sql, const QList<QByteArray>& blobs = {}) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < blobs.size(); ++i)
        stmt->bind(i + 1, blobs[i]);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, QString::fromUtf8(sql));
    return stmt->blob(0);
}

const QString ResealedUsername = QStringLiteral("changed by someone holding VK");
using AdMaker = std::function<QByteArray(const OpenVault&)>;

// Entry id's overview with a changed username, sealed under the file's own sealing key with the
// associated data makeAd gives, row MAC and manifest recomputed.
Edit resealedOverview(const EntryId& id, AdMaker makeAd) {
    return Edit([=](OpenVault& f) -> Status {
        auto overview = readOverviewRaw(f, id);
        if (!overview)
            return overview.error();
        overview->username.value = ResealedUsername;
        const QByteArray sealed = seal(f.keys.sealing, encodeOverview(*overview), makeAd(f));
        TESSERA_TRY(run(f.db, "UPDATE entries SET overview = ? WHERE id = ?", {sealed, id}));
        TESSERA_TRY(resealRow(f, Table::Entries, id));
        return resealManifest(f);
    });
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestTamperRows : public QObject, private TwoVersionFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // (c), (d), (f), (g), (h): one changed database, published as the vault file
    void fileTampered_data();
    void fileTampered();
    // The control for the "(d) resealed" rows: with the right associated data the same change
    // is accepted, so those rows fail for the associated data alone.
    void resealedWithRightBindingOpens();
    // (c), (d), (g) in the private working copy: rows are checked as they are read
    void workingCopyTampered_data();
    void workingCopyTampered();
    // (d) sealed under the right key for the right record, but from another epoch
    void blobFromAnotherEpoch();

private:
    // v2 opened read-write in a scratch file, changed by edit, and read back.
    Result<QByteArray> tamper(const QByteArray& source, const Edit& edit);
    // The vault file (now `tampered`) is refused on a device that loaded v2 and on a fresh one,
    // nothing of the device is lost, and the intact v2 opens again afterwards.
    void expectRefused(const QByteArray& tampered, QList<ErrorCode> accepted);

    QByteArray m_otherVaultOverview; // a sealed overview from another vault
};

void TestTamperRows::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_box.isValid());
    publishTwoVersions();
    if (QTest::currentTestFailed())
        return;

    // Another vault under the same password, for blobs from elsewhere.
    VAULT_TAKE(other, m_box.create(QStringLiteral("a"), VaultSandbox::MasterPassword,
                                   QStringLiteral("other")));
    VAULT_VERIFY_OK(addSampleEntries(*other, 1));
    VAULT_VERIFY_OK(other->publish());
    other->lock();
    VAULT_TAKE(otherFile, openVaultRaw(m_box.vaultPath(QStringLiteral("other")),
                                       VaultSandbox::MasterPassword, Trust::Foreign));
    VAULT_TAKE(blob, queryBlob(otherFile.db, "SELECT overview FROM entries"));
    m_otherVaultOverview = blob;
}

Result<QByteArray> TestTamperRows::tamper(const QByteArray& source, const Edit& edit) {
    const QString path = m_box.path(QStringLiteral("scratch-%1.tessera").arg(++m_scratch));
    if (!writeFile(path, source))
        return makeError(ErrorCode::Io, path);
    {
        auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Own);
        if (!file)
            return file.error();
        TESSERA_TRY(edit(*file));
    }
    if (QFileInfo::exists(path + QStringLiteral("-journal")))
        return makeError(ErrorCode::Io, QStringLiteral("a journal was left behind"));
    QByteArray bytes = readFile(path);
    QFile::remove(path);
    return bytes;
}

void TestTamperRows::expectRefused(const QByteArray& tampered, QList<ErrorCode> accepted) {
    QVERIFY2(tampered != m_v2, "the change changed nothing");
    for (bool fresh : {false, true}) {
        const QString device = fresh ? freshDevice() : copyOfData(m_dataAfterV2);
        QVERIFY(writeFile(m_box.vaultPath(), tampered));
        const Outcome outcome = openAll(device);
        qDebug("%s device: %s", fresh ? "fresh" : "known", outcome.describe().constData());
        if (outcome.opened)
            QFAIL(outcome.dump == m_dump2 ? "a tampered file opened (same content as v2)"
                                          : "a tampered file opened WITH CHANGED CONTENT");
        QVERIFY2(accepted.contains(outcome.code), outcome.describe().constData());
        QVERIFY(readFile(m_box.vaultPath()) == tampered);
        // A refused unlock changes nothing of the device. (Refused only when a record is read,
        // after a successful unlock, the file has become the working copy: details and
        // attachments are opened on demand by design.)
        const QString working = m_box.workingCopy(device);
        const bool workingCopyKept =
            fresh ? !QFileInfo::exists(working) : readFile(working) == m_v2;
        if (outcome.unlocked)
            qInfo("%s device: refused on reading a record, after the file was adopted",
                  fresh ? "fresh" : "known");
        // Nothing is lost for good: with v2 back in place, v2 opens.
        QVERIFY(writeFile(m_box.vaultPath(), m_v2));
        const Outcome restored = openAll(device);
        QVERIFY2(restored.opened, restored.describe().constData());
        QVERIFY(restored.dump == m_dump2);
        if (!outcome.unlocked)
            QVERIFY2(workingCopyKept, fresh ? "a refused unlock left a working copy behind"
                                            : "a refused unlock replaced the working copy");
    }
}

// ---- (c), (d), (f), (g), (h) on the published file ----

void TestTamperRows::fileTampered_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QList<ErrorCode>>("accepted");
    const QList<ErrorCode> tampered{ErrorCode::Tampered};

    // v1's rows, read once.
    const QString v1Path = m_box.path(QStringLiteral("v1-copy.tessera"));
    QVERIFY(writeFile(v1Path, m_v1));
    VAULT_TAKE(old, openVaultRaw(v1Path, VaultSandbox::MasterPassword, Trust::Foreign));
    const EntryId a = m_ids[0]; // edited in v2 (title and password)
    const EntryId b = m_ids[1]; // password edited in v2
    const EntryId c = m_ids[9]; // unchanged
    const EntryId purged = m_ids[5];
    const EntryId withA = m_ids[4]; // attachment a.txt, replaced in v2
    const EntryId withB = m_ids[8]; // attachment b.txt, unchanged
    VAULT_TAKE(oldOverviewA, queryBlob(old.db, "SELECT overview FROM entries WHERE id = ?", {a}));
    VAULT_TAKE(oldIndexA, queryBlob(old.db, "SELECT title_index FROM entries WHERE id = ?", {a}));
    VAULT_TAKE(oldDetailsB, queryBlob(old.db, "SELECT sealed FROM details WHERE id = ?", {b}));
    VAULT_TAKE(oldMacA,
               queryBlob(old.db, "SELECT mac FROM row_macs WHERE tbl = 4 AND id = ?", {a}));
    VAULT_TAKE(oldMacB,
               queryBlob(old.db, "SELECT mac FROM row_macs WHERE tbl = 5 AND id = ?", {b}));
    VAULT_TAKE(oldName, queryBlob(old.db, "SELECT value FROM meta WHERE name = 'name'"));
    VAULT_TAKE(oldManifestMac, queryBlob(old.db, "SELECT mac FROM manifest"));
    VAULT_TAKE(oldVersions, queryBlob(old.db, "SELECT versions FROM manifest"));
    VAULT_TAKE(purgedOverview,
               queryBlob(old.db, "SELECT overview FROM entries WHERE id = ?", {purged}));
    VAULT_TAKE(purgedIndex,
               queryBlob(old.db, "SELECT title_index FROM entries WHERE id = ?", {purged}));
    VAULT_TAKE(purgedDetails,
               queryBlob(old.db, "SELECT sealed FROM details WHERE id = ?", {purged}));
    VAULT_TAKE(purgedMac,
               queryBlob(old.db, "SELECT mac FROM row_macs WHERE tbl = 4 AND id = ?", {purged}));
    VAULT_TAKE(purgedDetailsMac,
               queryBlob(old.db, "SELECT mac FROM row_macs WHERE tbl = 5 AND id = ?", {purged}));
    old.db.close();
    const QByteArray otherOverview = m_otherVaultOverview;

    // (c) A row copied from the older version.
    QTest::newRow("(c) overview from v1, row MAC of v2") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE entries SET overview = ?, title_index = ? WHERE id = ?",
                   {oldOverviewA, oldIndexA, a});
    }) << tampered;
    QTest::newRow("(c) overview and its row MAC from v1") << Edit([=](OpenVault& f) -> Status {
        TESSERA_TRY(run(f.db, "UPDATE entries SET overview = ?, title_index = ? WHERE id = ?",
                        {oldOverviewA, oldIndexA, a}));
        return run(f.db, "UPDATE row_macs SET mac = ? WHERE tbl = 4 AND id = ?", {oldMacA, a});
    }) << tampered;
    QTest::newRow("(c) details from v1, row MAC of v2") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE details SET sealed = ? WHERE id = ?", {oldDetailsB, b});
    }) << tampered;
    QTest::newRow("(c) details and their row MAC from v1") << Edit([=](OpenVault& f) -> Status {
        TESSERA_TRY(run(f.db, "UPDATE details SET sealed = ? WHERE id = ?", {oldDetailsB, b}));
        return run(f.db, "UPDATE row_macs SET mac = ? WHERE tbl = 5 AND id = ?", {oldMacB, b});
    }) << tampered;
    QTest::newRow("(c) vault name from v1") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE meta SET value = ? WHERE name = 'name'", {oldName});
    }) << tampered;
    QTest::newRow("(c) purged entry restored from v1 with its row MACs") << Edit([=](OpenVault& f)
                                                                                     -> Status {
        TESSERA_TRY(run(f.db, "INSERT INTO entries VALUES (?, ?, ?)",
                        {purged, purgedIndex, purgedOverview}));
        TESSERA_TRY(run(f.db, "INSERT INTO details VALUES (?, ?)", {purged, purgedDetails}));
        TESSERA_TRY(run(f.db, "INSERT INTO row_macs VALUES (4, ?, ?)", {purged, purgedMac}));
        return run(f.db, "INSERT INTO row_macs VALUES (5, ?, ?)", {purged, purgedDetailsMac});
    }) << tampered;
    QTest::newRow("(c) purged entry restored from v1, its tombstone deleted")
        << Edit([=](OpenVault& f) -> Status {
               TESSERA_TRY(run(f.db, "INSERT INTO entries VALUES (?, ?, ?)",
                               {purged, purgedIndex, purgedOverview}));
               TESSERA_TRY(run(f.db, "INSERT INTO details VALUES (?, ?)", {purged, purgedDetails}));
               TESSERA_TRY(run(f.db, "INSERT INTO row_macs VALUES (4, ?, ?)", {purged, purgedMac}));
               TESSERA_TRY(
                   run(f.db, "INSERT INTO row_macs VALUES (5, ?, ?)", {purged, purgedDetailsMac}));
               TESSERA_TRY(run(f.db, "DELETE FROM tombstones WHERE id = ?", {purged}));
               return run(f.db, "DELETE FROM row_macs WHERE tbl = 7 AND id = ?", {purged});
           })
        << tampered;

    // (d) A sealed blob on another record; row MAC and manifest recomputed with the right key, so
    // only the AEAD's associated data (vault id, epoch, record id, part) is left to catch it.
    const auto moveBlob = [](const char* select, const char* update, Table table, QByteArray from,
                             QByteArray to) {
        return Edit([=](OpenVault& f) -> Status {
            auto blob = queryBlob(f.db, select, {from});
            if (!blob)
                return blob.error();
            TESSERA_TRY(run(f.db, update, {*blob, to}));
            TESSERA_TRY(resealRow(f, table, to));
            return resealManifest(f);
        });
    };
    QTest::newRow("(d) A's overview on B")
        << moveBlob("SELECT overview FROM entries WHERE id = ?",
                    "UPDATE entries SET overview = ? WHERE id = ?", Table::Entries, a, b)
        << tampered;
    QTest::newRow("(d) A's details on B")
        << moveBlob("SELECT sealed FROM details WHERE id = ?",
                    "UPDATE details SET sealed = ? WHERE id = ?", Table::Details, a, b)
        << tampered;
    QTest::newRow("(d) B's details in B's overview")
        << moveBlob("SELECT sealed FROM details WHERE id = ?",
                    "UPDATE entries SET overview = ? WHERE id = ?", Table::Entries, b, b)
        << tampered;
    QTest::newRow("(d) B's overview in B's details")
        << moveBlob("SELECT overview FROM entries WHERE id = ?",
                    "UPDATE details SET sealed = ? WHERE id = ?", Table::Details, b, b)
        << tampered;
    QTest::newRow("(d) attachment content of one entry on another's") << Edit([=](OpenVault& f)
                                                                                  -> Status {
        auto from = queryBlob(f.db, "SELECT content FROM attachments WHERE entry = ?", {withA});
        auto toId = queryBlob(f.db, "SELECT id FROM attachments WHERE entry = ?", {withB});
        if (!from || !toId)
            return makeError(ErrorCode::NotFound, QStringLiteral("attachment"));
        TESSERA_TRY(run(f.db, "UPDATE attachments SET content = ? WHERE id = ?", {*from, *toId}));
        TESSERA_TRY(resealRow(f, Table::Attachments, *toId));
        return resealManifest(f);
    }) << tampered;
    QTest::newRow("(d) attachment moved to another entry") << Edit([=](OpenVault& f) -> Status {
        auto id = queryBlob(f.db, "SELECT id FROM attachments WHERE entry = ?", {withB});
        if (!id)
            return id.error();
        TESSERA_TRY(run(f.db, "UPDATE attachments SET entry = ? WHERE id = ?", {c, *id}));
        TESSERA_TRY(resealRow(f, Table::Attachments, *id));
        return resealManifest(f);
    }) << tampered;
    QTest::newRow("(d) overview from another vault (same password)") << Edit([=](OpenVault& f)
                                                                                 -> Status {
        TESSERA_TRY(run(f.db, "UPDATE entries SET overview = ? WHERE id = ?", {otherOverview, c}));
        TESSERA_TRY(resealRow(f, Table::Entries, c));
        return resealManifest(f);
    }) << tampered;
    // The same, sealed by us under this vault's own sealing key with one element of the
    // associated data wrong. The control row (all right) must open: the harness itself works.
    const auto resealOverview = [c](AdMaker makeAd) { return resealedOverview(c, makeAd); };
    QTest::newRow("(d) resealed: other vault id") << resealOverview([c](const OpenVault& f) {
        return partAd(QByteArray(16, '\x42'), f.epoch, c, Part::Overview);
    }) << tampered;
    QTest::newRow("(d) resealed: other epoch") << resealOverview([c](const OpenVault& f) {
        return partAd(f.vaultId, f.epoch + 1, c, Part::Overview);
    }) << tampered;
    QTest::newRow("(d) resealed: other record id") << resealOverview([a](const OpenVault& f) {
        return partAd(f.vaultId, f.epoch, a, Part::Overview);
    }) << tampered;
    QTest::newRow("(d) resealed: other part") << resealOverview([c](const OpenVault& f) {
        return partAd(f.vaultId, f.epoch, c, Part::Details);
    }) << tampered;
    QTest::newRow("(d) resealed: other format version") << resealOverview([c](const OpenVault& f) {
        QByteArray ad = partAd(f.vaultId, f.epoch, c, Part::Overview);
        ad[7] = char(FormatVersion + 1); // "tessera" ‖ u8 format version ‖ ...
        return ad;
    }) << tampered;

    // (f) The schema.
    const auto exec = [](const char* sql) {
        return Edit([sql](OpenVault& f) { return f.db.exec(sql); });
    };
    QTest::newRow("(f) extra view")
        << exec("CREATE VIEW everything AS SELECT * FROM entries") << tampered;
    QTest::newRow("(f) extra trigger")
        << exec("CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN DELETE FROM details; END")
        << tampered;
    QTest::newRow("(f) extra trigger on the manifest")
        << exec("CREATE TRIGGER keep BEFORE UPDATE ON manifest BEGIN SELECT RAISE(IGNORE); END")
        << tampered;
    QTest::newRow("(f) extra index") << exec("CREATE INDEX snoop ON details (sealed)") << tampered;
    QTest::newRow("(f) extra table") << exec("CREATE TABLE exfil (x)") << tampered;
    QTest::newRow("(f) index dropped") << exec("DROP INDEX entries_title") << tampered;
    QTest::newRow("(f) user_version 0") << exec("PRAGMA user_version = 0") << tampered;
    // Format 1 MACs an entries row over its whole overview: the format 2 MACs no longer match.
    QTest::newRow("(f) user_version 2 -> 1") << exec("PRAGMA user_version = 1") << tampered;
    QTest::newRow("(f) user_version 2 -> 1, manifest recomputed for format 1")
        << Edit([](OpenVault& f) -> Status {
               TESSERA_TRY(f.db.exec("PRAGMA user_version = 1"));
               f.keys.rowMac.format = 1;
               return resealManifest(f);
           })
        << tampered;
    QTest::newRow("(f) user_version 3")
        << exec("PRAGMA user_version = 3")
        << QList<ErrorCode>{ErrorCode::Tampered, ErrorCode::NewerVersion};

    // (g) Rows deleted.
    QTest::newRow("(g) entries row deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM entries WHERE id = ?", {c});
    }) << tampered;
    QTest::newRow("(g) details row deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM details WHERE id = ?", {c});
    }) << tampered;
    QTest::newRow("(g) entry and details rows and their row MACs deleted")
        << Edit([=](OpenVault& f) -> Status {
               TESSERA_TRY(run(f.db, "DELETE FROM entries WHERE id = ?", {c}));
               TESSERA_TRY(run(f.db, "DELETE FROM details WHERE id = ?", {c}));
               return run(f.db, "DELETE FROM row_macs WHERE id = ? AND tbl IN (4, 5)", {c});
           })
        << tampered;
    QTest::newRow("(g) attachment row deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM attachments WHERE entry = ?", {withB});
    }) << tampered;
    QTest::newRow("(g) tombstone deleted") << exec("DELETE FROM tombstones") << tampered;
    QTest::newRow("(g) tombstone and its row MAC deleted") << Edit([](OpenVault& f) -> Status {
        TESSERA_TRY(f.db.exec("DELETE FROM tombstones"));
        return f.db.exec("DELETE FROM row_macs WHERE tbl = 7");
    }) << tampered;
    QTest::newRow("(g) vault name deleted")
        << exec("DELETE FROM meta WHERE name = 'name'") << tampered;
    QTest::newRow("(g) key ring deleted") << exec("DELETE FROM keyring") << tampered;
    QTest::newRow("(g) epoch deleted") << exec("DELETE FROM epochs") << tampered;
    QTest::newRow("(g) manifest deleted") << exec("DELETE FROM manifest") << tampered;
    QTest::newRow("(g) row MAC of an entry deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM row_macs WHERE tbl = 4 AND id = ?", {c});
    }) << tampered;
    QTest::newRow("(g) row MAC of details deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM row_macs WHERE tbl = 5 AND id = ?", {c});
    }) << tampered;
    QTest::newRow("(g) row MAC of the key ring deleted")
        << exec("DELETE FROM row_macs WHERE tbl = 2") << tampered;
    QTest::newRow("(g) stray row MAC added")
        << exec("INSERT INTO row_macs VALUES (9, x'00', x'00')") << tampered;
    QTest::newRow("(g) row MAC for a missing entry added") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "INSERT INTO row_macs VALUES (4, ?, ?)", {purged, purgedMac});
    }) << tampered;

    // (h) The manifest.
    QTest::newRow("(h) manifest from v1") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE manifest SET versions = ?, mac = ?",
                   {oldVersions, oldManifestMac});
    }) << tampered;
    QTest::newRow("(h) manifest MAC from v1, versions of v2") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE manifest SET mac = ?", {oldManifestMac});
    }) << tampered;
    QTest::newRow("(h) version vector from v1, MAC of v2") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE manifest SET versions = ?", {oldVersions});
    }) << tampered;
    QTest::newRow("(h) manifest and the MACs of one changed entry from v1") << Edit([=](OpenVault&
                                                                                            f)
                                                                                        -> Status {
        TESSERA_TRY(
            run(f.db, "UPDATE manifest SET versions = ?, mac = ?", {oldVersions, oldManifestMac}));
        return run(f.db, "UPDATE row_macs SET mac = ? WHERE tbl = 4 AND id = ?", {oldMacA, a});
    }) << tampered;
}

void TestTamperRows::fileTampered() {
    QFETCH(Edit, edit);
    QFETCH(QList<ErrorCode>, accepted);
    VAULT_TAKE(tampered, tamper(m_v2, edit));
    expectRefused(tampered, accepted);
}

void TestTamperRows::resealedWithRightBindingOpens() {
    const EntryId c = m_ids[9];
    VAULT_TAKE(changed, tamper(m_v2, resealedOverview(c, [c](const OpenVault& f) {
                                   return partAd(f.vaultId, f.epoch, c, Part::Overview);
                               })));
    QVERIFY(writeFile(m_box.vaultPath(), changed));
    VAULT_TAKE(vault, m_box.unlock(freshDevice()));
    QCOMPARE(vault->entry(c)->username.value, ResealedUsername);
    vault->lock();
    QVERIFY(writeFile(m_box.vaultPath(), m_v2));
}

// ---- The private working copy ----

void TestTamperRows::workingCopyTampered_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<bool>("unlocks"); // rows are checked as read: details only when opened
    const QString v1Path = m_box.path(QStringLiteral("v1-copy-2.tessera"));
    QVERIFY(writeFile(v1Path, m_v1));
    VAULT_TAKE(old, openVaultRaw(v1Path, VaultSandbox::MasterPassword, Trust::Foreign));
    const EntryId a = m_ids[0];
    const EntryId b = m_ids[1];
    VAULT_TAKE(oldOverviewA, queryBlob(old.db, "SELECT overview FROM entries WHERE id = ?", {a}));
    VAULT_TAKE(oldDetailsB, queryBlob(old.db, "SELECT sealed FROM details WHERE id = ?", {b}));
    VAULT_TAKE(oldManifestMac, queryBlob(old.db, "SELECT mac FROM manifest"));
    old.db.close();

    QTest::newRow("overview from v1") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE entries SET overview = ? WHERE id = ?", {oldOverviewA, a});
    }) << false;
    QTest::newRow("details from v1") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE details SET sealed = ? WHERE id = ?", {oldDetailsB, b});
    }) << true;
    QTest::newRow("A's details on B, row MAC recomputed") << Edit([=](OpenVault& f) -> Status {
        auto blob = queryBlob(f.db, "SELECT sealed FROM details WHERE id = ?", {a});
        if (!blob)
            return blob.error();
        TESSERA_TRY(run(f.db, "UPDATE details SET sealed = ? WHERE id = ?", {*blob, b}));
        TESSERA_TRY(resealRow(f, Table::Details, b));
        return resealManifest(f);
    }) << true;
    QTest::newRow("details row deleted") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "DELETE FROM details WHERE id = ?", {b});
    }) << false;
    QTest::newRow("manifest MAC from v1") << Edit([=](OpenVault& f) -> Status {
        return run(f.db, "UPDATE manifest SET mac = ?", {oldManifestMac});
    }) << false;
    QTest::newRow("extra trigger") << Edit([](OpenVault& f) -> Status {
        return f.db.exec("CREATE TRIGGER t AFTER UPDATE ON entries BEGIN DELETE FROM details; END");
    }) << false;
}

void TestTamperRows::workingCopyTampered() {
    QFETCH(Edit, edit);
    QFETCH(bool, unlocks);
    VAULT_TAKE(tampered, tamper(m_v2, edit));
    const QString device = copyOfData(m_dataAfterV2);
    QVERIFY(writeFile(m_box.workingCopy(device), tampered));
    QVERIFY(writeFile(m_box.vaultPath(), m_v2)); // the published file is intact
    auto vault = m_box.unlock(device);
    if (!unlocks) {
        QVERIFY(!vault.ok());
        QCOMPARE(vault.code(), ErrorCode::Tampered);
        return;
    }
    VAULT_VERIFY_OK(vault);
    // Every other entry opens; the changed one is refused when its details are read.
    const EntryId b = m_ids[1];
    for (const EntryOverview& entry : (*vault)->entries()) {
        auto details = (*vault)->details(entry.id);
        if (entry.id == b) {
            QVERIFY2(!details.ok(), "changed details were shown");
            QCOMPARE(details.code(), ErrorCode::Tampered);
        } else {
            VAULT_VERIFY_OK(details);
        }
    }
    // And editing it does not silently launder the change.
    EntryChanges change;
    change.notes = secret("edit over a tampered record");
    QVERIFY(!(*vault)->edit(b, std::move(change)).ok());
}

// ---- (d) A blob from the previous epoch, for the same record ----

void TestTamperRows::blobFromAnotherEpoch() {
    const QString vaultName = QStringLiteral("epochs");
    VAULT_TAKE(vault, m_box.create(QStringLiteral("epoch-owner"), VaultSandbox::MasterPassword,
                                   vaultName));
    VAULT_TAKE(ids, addSampleEntries(*vault, 3));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray epoch0 = readFile(m_box.vaultPath(vaultName));
    VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(dump, dumpVault(*vault));
    vault->lock();
    const QByteArray epoch1 = readFile(m_box.vaultPath(vaultName));

    const QString oldPath = m_box.path(QStringLiteral("epoch0.tessera"));
    QVERIFY(writeFile(oldPath, epoch0));
    QByteArray oldOverview, oldDetails;
    {
        VAULT_TAKE(old, openVaultRaw(oldPath, VaultSandbox::MasterPassword, Trust::Foreign));
        QCOMPARE(old.epoch, quint64(0));
        VAULT_TAKE(o, queryBlob(old.db, "SELECT overview FROM entries WHERE id = ?", {ids[1]}));
        VAULT_TAKE(d, queryBlob(old.db, "SELECT sealed FROM details WHERE id = ?", {ids[1]}));
        oldOverview = o;
        oldDetails = d;
    }
    for (const char* column : {"overview", "details"}) {
        const bool overview = qstrcmp(column, "overview") == 0;
        const QString path = m_box.path(QStringLiteral("epoch1-%1.tessera").arg(++m_scratch));
        QVERIFY(writeFile(path, epoch1));
        {
            VAULT_TAKE(f, openVaultRaw(path, NewPassword, Trust::Own));
            QCOMPARE(f.epoch, quint64(1));
            VAULT_VERIFY_OK(run(f.db,
                                overview ? "UPDATE entries SET overview = ? WHERE id = ?"
                                         : "UPDATE details SET sealed = ? WHERE id = ?",
                                {overview ? oldOverview : oldDetails, ids[1]}));
            VAULT_VERIFY_OK(resealRow(f, overview ? Table::Entries : Table::Details, ids[1]));
            VAULT_VERIFY_OK(resealManifest(f));
        }
        QVERIFY(writeFile(m_box.vaultPath(vaultName), readFile(path)));
        const Outcome outcome = openAll(freshDevice(), vaultName, NewPassword);
        QVERIFY2(!outcome.opened, column);
        QVERIFY2(outcome.code == ErrorCode::Tampered, outcome.describe().constData());
    }
    QVERIFY(writeFile(m_box.vaultPath(vaultName), epoch1));
    const Outcome intact = openAll(freshDevice(), vaultName, NewPassword);
    QVERIFY2(intact.opened, intact.describe().constData());
    QCOMPARE(intact.dump, dump);
}

QTEST_GUILESS_MAIN(TestTamperRows)
#include "tst_tamper_rows.moc"
