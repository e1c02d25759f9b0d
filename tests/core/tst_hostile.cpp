// Hostile vault files under a known key: someone who knows the master password (so the database
// key) writes a correctly encrypted vault file that carries SQL of its own — triggers that would
// write a marker when the file is used, views, extra tables and indexes, planner statistics,
// root pages pointing at other tables' data, oversized records, records sealed for another
// place. Each must be refused as Tampered or Damaged on unlock (fresh device and one that knows
// the vault) and as a merge input (a conflict copy), and nothing in it may run: a refused file is
// never adopted as a working copy, nothing is written to it, and a trigger's marker never shows
// up anywhere. The plain schema changes of tst_tamper_rows (f) are not repeated here; this suite
// covers what executes, and what the sqlite_master text comparison alone would not see.
//
// The control (triggerIsLive) shows each trigger here does fire once the file is written with
// triggers on, so the "did not fire" checks can fail.

#include "PageCodec.h"
#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "storage/Database.h"
#include "vault/Integrity.h"
#include "vault/KeyRing.h"
#include "vault/RecordCodec.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <functional>
#include <map>

using namespace tessera;
using namespace tessera::test;

namespace {

using Edit = std::function<Status(OpenVault&)>;

constexpr int EntryCount = 12;
// What the triggers write: a tombstone with this id (a table Tessera has, so that only the
// trigger, not a new table, differs from the expected schema).
const QByteArray Marker = QByteArrayLiteral("HOSTILE-MARKER!!");
constexpr const char* MarkerSql = "INSERT OR IGNORE INTO tombstones VALUES "
                                  "(CAST('HOSTILE-MARKER!!' AS BLOB), x'00')";

QByteArray triggerSql(const char* name, const char* when, const char* table) {
    return QByteArray("CREATE TRIGGER ") + name + ' ' + when + " ON " + table + " BEGIN " +
           MarkerSql + "; END";
}

Edit exec(QList<QByteArray> statements) {
    return [statements](OpenVault& f) -> Status {
        for (const QByteArray& sql : statements)
            TESSERA_TRY(f.db.exec(sql.constData()));
        return {};
    };
}

// Triggers on every write a device makes to a working copy: adding or editing an entry, the row
// MACs, the manifest.
Edit markerTriggers() {
    return exec({triggerSql("spy_entries", "AFTER INSERT", "entries"),
                 triggerSql("spy_edit", "AFTER UPDATE", "entries"),
                 triggerSql("spy_details", "AFTER UPDATE", "details"),
                 triggerSql("spy_macs", "AFTER INSERT", "row_macs"),
                 triggerSql("spy_manifest", "BEFORE UPDATE", "manifest")});
}

// Root pages in sqlite_master changed (the DDL text stays exactly Tessera's).
Edit swapRootPages(const char* a, const char* b) {
    const QByteArray sql = QByteArray("UPDATE sqlite_master SET rootpage = CASE name WHEN '") + a +
                           "' THEN (SELECT rootpage FROM sqlite_master WHERE name = '" + b +
                           "') ELSE " + "(SELECT rootpage FROM sqlite_master WHERE name = '" + a +
                           "') END WHERE name IN ('" + a + "', '" + b + "')";
    return exec({"PRAGMA writable_schema = ON", sql, "PRAGMA writable_schema = OFF"});
}

Status run(Database& db, const char* sql, const QList<QByteArray>& blobs) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < blobs.size(); ++i)
        stmt->bind(i + 1, blobs[i]);
    return stmt->run();
}

Result<QByteArray> firstId(Database& db, const char* table) {
    auto stmt =
        db.prepare(QByteArray("SELECT id FROM ").append(table).append(" ORDER BY id").constData());
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, QString::fromLatin1(table));
    return stmt->blob(0);
}

// One sealed part replaced by `plain` sealed under the file's own sealing key for the given
// record id and part, row MAC and manifest recomputed: only the binding is wrong.
Edit resealed(const char* table, const char* column, Part part, bool otherRecord) {
    return [=](OpenVault& f) -> Status {
        auto id = firstId(f.db, table);
        if (!id)
            return id.error();
        QByteArray recordId = *id;
        if (otherRecord)
            recordId[0] = char(recordId[0] ^ 1);
        const SecureBuffer plain = SecureBuffer::copyOf(std::string_view("\x01\x00", 2));
        const QByteArray sealed =
            seal(f.keys.sealing, plain, partAd(f.vaultId, f.epoch, recordId, part));
        const QByteArray sql =
            QByteArray("UPDATE ") + table + " SET " + column + " = ? WHERE id = ?";
        TESSERA_TRY(run(f.db, sql.constData(), {sealed, *id}));
        TESSERA_TRY(
            resealRow(f, QByteArray(table) == "entries" ? Table::Entries : Table::Details, *id));
        return resealManifest(f);
    };
}

// The ids a table b-tree holds (not through an index), sorted.
QByteArrayList tableIds(Database& db, const char* table) {
    QByteArrayList ids;
    auto stmt = db.prepare((QByteArray("SELECT id FROM ") + table + " NOT INDEXED").constData());
    if (!stmt)
        return {QByteArrayLiteral("query failed")};
    (void)stmt->forEachRow([&ids](const Statement& row) -> Status {
        ids.append(row.blob(0));
        return {};
    });
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void refusedOnUnlock_data();
    void refusedOnUnlock();
    void refusedAsMergeInput_data() { refusedOnUnlock_data(); }
    void refusedAsMergeInput();
    // The control: the marker triggers are live and do write when the file is written to.
    void triggerIsLive();
    // The private working copy skips the integrity check: a page of it stored twice (correctly
    // encrypted) must not show entries twice or lose some. Found by tests/fuzz/fuzz_vault_open.
    void workingCopyPageTwice();
    // A conflict copy made of a later version with one page of the earlier version in place of
    // one of its own (every page authentic under the key): opened with exactly the later rows or
    // refused, and merged exactly like the later version or refused. (The instance
    // tests/fuzz/fuzz_pages found needs that target's four-version layout; CTest replays it from
    // tests/fuzz/regressions/fuzz_pages in the fuzz build.)
    void mergeInputWithStalePage();
    // Page 1 correctly encrypted but describing another page size or reserve: SQLCipher 3.4.1
    // would read past its page buffer (tests/fuzz/fuzz_vault_open under ASan); refused first.
    void firstPageLayout_data();
    void firstPageLayout();

private:
    Result<QByteArray> hostile(const Edit& edit);
    // The marker's count in a file Tessera itself wrote (opened like an unlock does).
    qint64 markersIn(const QString& path);

    VaultSandbox m_box;
    QByteArray m_intact, m_dump;
    QString m_pristineData;
    int m_devices = 0;
};

void TestHostile::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_box.isValid());
    VAULT_TAKE(vault, m_box.create());
    VAULT_TAKE(ids, addSampleEntries(*vault, EntryCount));
    VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("a.txt"), secret("attached")));
    VAULT_VERIFY_OK(vault->purge(ids[2]));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(dump, dumpVault(*vault));
    m_dump = dump;
    vault->lock();
    m_intact = readFile(m_box.vaultPath());
    m_pristineData = m_box.path(QStringLiteral("pristine-data"));
    QVERIFY(copyDirectory(m_box.dataDir(), m_pristineData));
}

Result<QByteArray> TestHostile::hostile(const Edit& edit) {
    const QString path = m_box.path(QStringLiteral("scratch-%1.tessera").arg(++m_devices));
    if (!writeFile(path, m_intact))
        return makeError(ErrorCode::Io, path);
    {
        auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Own);
        if (!file)
            return file.error();
        TESSERA_TRY(edit(*file));
    }
    return readFile(path);
}

qint64 TestHostile::markersIn(const QString& path) {
    auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Foreign);
    if (!file)
        return -1;
    return countRows(*file, "SELECT count(*) FROM tombstones WHERE id = ?", Marker);
}

void TestHostile::refusedOnUnlock_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<bool>("newerAllowed"); // also NewerVersion: the file claims a newer schema
    const Edit snoopingView = exec({
        "ALTER TABLE entries RENAME TO entries_real",
        "CREATE VIEW entries AS SELECT * FROM entries_real",
    });
    QTest::newRow("triggers writing a marker on every write") << markerTriggers() << false;
    QTest::newRow("trigger and the table it writes to")
        << exec({"CREATE TABLE loot (x)",
                 "CREATE TRIGGER steal AFTER UPDATE ON manifest BEGIN INSERT INTO loot "
                 "SELECT sealed FROM details; END"})
        << false;
    QTest::newRow("trigger on deleting details")
        << exec({triggerSql("spy_temp", "AFTER DELETE", "details")}) << false;
    QTest::newRow("view in place of a table") << snoopingView << false;
    QTest::newRow("extra table with data")
        << exec({"CREATE TABLE notes (x)", "INSERT INTO notes VALUES (randomblob(5000))"}) << false;
    QTest::newRow("extra index on secrets")
        << exec({"CREATE INDEX leak ON details (sealed)"}) << false;
    QTest::newRow("planner statistics (ANALYZE)") << exec({"ANALYZE"}) << false;
    QTest::newRow("root pages of details and tombstones swapped")
        << swapRootPages("details", "tombstones") << false;
    QTest::newRow("details and tombstones swapped with their indexes (structure intact)")
        << Edit([](OpenVault& f) -> Status {
               TESSERA_TRY(swapRootPages("details", "tombstones")(f));
               return swapRootPages("sqlite_autoindex_details_1",
                                    "sqlite_autoindex_tombstones_1")(f);
           })
        << false;
    QTest::newRow("root pages of two indexes swapped")
        << swapRootPages("entries_title", "attachments_entry") << false;
    QTest::newRow("index root page on a table")
        << exec({"PRAGMA writable_schema = ON",
                 "UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master "
                 "WHERE name = 'entries') WHERE name = 'entries_title'",
                 "PRAGMA writable_schema = OFF"})
        << false;
    QTest::newRow("oversized overview (4 MiB) in place of a sealed one")
        << exec({"UPDATE entries SET overview = randomblob(4194304) WHERE rowid = "
                 "(SELECT min(rowid) FROM entries)"})
        << false;
    QTest::newRow("oversized extra meta row (8 MiB)")
        << exec({"INSERT INTO meta VALUES ('padding', zeroblob(8388608))"}) << false;
    QTest::newRow("overview sealed for another record id, MACs recomputed")
        << resealed("entries", "overview", Part::Overview, true) << false;
    QTest::newRow("details sealed as an overview part, MACs recomputed")
        << resealed("details", "sealed", Part::Overview, false) << false;
    // A higher schema version under the right key cannot be told from a newer Tessera's file:
    // refused as made by a newer version (checkSchema), which runs nothing either.
    QTest::newRow("user_version 2 -> 7") << exec({"PRAGMA user_version = 7"}) << true;
    QTest::newRow("user_version 2 -> -1") << exec({"PRAGMA user_version = -1"}) << false;
}

void TestHostile::refusedOnUnlock() {
    QFETCH(Edit, edit);
    QFETCH(bool, newerAllowed);
    VAULT_TAKE(bytes, hostile(edit));
    QVERIFY(bytes != m_intact);
    for (const bool fresh : {true, false}) {
        const QString device = QStringLiteral("device%1").arg(++m_devices);
        if (!fresh)
            QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
        const QString working = m_box.workingCopy(device);
        const QByteArray workingBefore = fresh ? QByteArray() : readFile(working);
        QVERIFY(writeFile(m_box.vaultPath(), bytes));
        auto vault = m_box.unlock(device);
        if (vault) {
            // Had it been adopted, the next edit would fire its triggers: say so in the failure.
            EntryChanges change;
            change.title = QStringLiteral("edited after a hostile unlock");
            (void)(*vault)->add(std::move(change));
            (*vault)->lock();
            QFAIL(qPrintable(QStringLiteral("a hostile file unlocked; markers in the working "
                                            "copy after one edit: %1")
                                 .arg(markersIn(working))));
        }
        const QByteArray message =
            QByteArray(codeName(vault.code())) + ": " + vault.error().message.toUtf8();
        QVERIFY2(vault.code() == ErrorCode::Tampered || vault.code() == ErrorCode::Damaged ||
                     (newerAllowed && vault.code() == ErrorCode::NewerVersion),
                 message.constData());
        // Nothing ran and nothing was written: the file as planted, no working copy made from
        // it, the device's own working copy unchanged.
        QVERIFY(readFile(m_box.vaultPath()) == bytes);
        if (fresh)
            QVERIFY2(!QFileInfo::exists(working), "a hostile file became a working copy");
        else
            QVERIFY2(readFile(working) == workingBefore, "the working copy changed");
    }
    QVERIFY(writeFile(m_box.vaultPath(), m_intact));
}

void TestHostile::refusedAsMergeInput() {
    QFETCH(Edit, edit);
    QFETCH(bool, newerAllowed);
    VAULT_TAKE(bytes, hostile(edit));
    const QString device = QStringLiteral("device%1").arg(++m_devices);
    QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
    QVERIFY(writeFile(m_box.vaultPath(), m_intact));
    const QString conflict = m_box.cloudDir() + QStringLiteral("/test (conflicted copy).tessera");
    QVERIFY(writeFile(conflict, bytes));
    VAULT_TAKE(vault, m_box.unlock(device));
    MergeOptions options;
    options.acceptRollback = true;
    auto merged = vault->merge(conflict, options);
    QVERIFY2(!merged.ok(), "a hostile conflict copy was merged");
    QVERIFY2(merged.code() == ErrorCode::Tampered || merged.code() == ErrorCode::Damaged ||
                 (newerAllowed && merged.code() == ErrorCode::NewerVersion),
             qPrintable(QString::fromLatin1(codeName(merged.code())) + QStringLiteral(": ") +
                        merged.error().message));
    QVERIFY(readFile(conflict) == bytes);
    VAULT_TAKE(dump, dumpVault(*vault));
    QVERIFY2(dump == m_dump, "a refused merge changed the vault");
    // The device keeps working, and nothing of the hostile file shows up in what it writes.
    EntryChanges change;
    change.title = QStringLiteral("edited after a refused merge");
    VAULT_VERIFY_OK(vault->add(std::move(change)));
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    QCOMPARE(markersIn(m_box.vaultPath()), qint64(0));
    QFile::remove(conflict);
    QVERIFY(writeFile(m_box.vaultPath(), m_intact));
}

void TestHostile::triggerIsLive() {
    VAULT_TAKE(bytes, hostile(markerTriggers()));
    const QString path = m_box.path(QStringLiteral("live.tessera"));
    QVERIFY(writeFile(path, bytes));
    // Written with triggers on (what Tessera never does with a file that failed its checks):
    // the marker appears.
    VAULT_TAKE(header, inspectFile(path));
    VAULT_TAKE(master, deriveMasterKeys(secret(VaultSandbox::MasterPassword), header, nullptr));
    VAULT_TAKE(db,
               Database::open(path, master.databaseKey, header.bytes(), Database::Mode::ReadWrite));
    VAULT_VERIFY_OK(db.exec("UPDATE manifest SET versions = versions"));
    VAULT_TAKE(count, db.prepare("SELECT count(*) FROM tombstones WHERE id = ?"));
    count.bind(1, Marker);
    VAULT_TAKE(row, count.step());
    QVERIFY(row);
    QCOMPARE(count.int64(0), qint64(1));
}

void TestHostile::workingCopyPageTwice() {
    constexpr qsizetype Page = 4096;
    VAULT_TAKE(header, inspectFile(m_box.vaultPath()));
    VAULT_TAKE(master, deriveMasterKeys(secret(VaultSandbox::MasterPassword), header, nullptr));
    const QByteArray plain = fuzz::decryptPages(m_intact, master.databaseKey, header.bytes());
    QVERIFY(!plain.isEmpty());
    const qsizetype pages = plain.size() / Page;
    int refused = 0;
    for (qsizetype copied = 1; copied < pages - 1; ++copied) {
        // Page `copied` stored again in place of the last page, encrypted under the real key.
        QByteArray changed = plain;
        changed.replace((pages - 1) * Page, Page, plain.mid(copied * Page, Page));
        const QString device = QStringLiteral("device%1").arg(++m_devices);
        QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
        QVERIFY(writeFile(m_box.workingCopy(device),
                          fuzz::encryptPages(changed, master.databaseKey, header.bytes())));
        QVERIFY(writeFile(m_box.vaultPath(), m_intact));
        auto vault = m_box.unlock(device);
        if (!vault) {
            QVERIFY2(vault.code() == ErrorCode::Tampered || vault.code() == ErrorCode::Damaged,
                     qPrintable(vault.error().message));
            ++refused;
            continue;
        }
        auto dump = dumpVault(**vault);
        if (!dump) {
            ++refused; // refused when a record is read
            continue;
        }
        QVERIFY2(*dump == m_dump, qPrintable(QStringLiteral("page %1 stored twice: opened with "
                                                            "other content: %2")
                                                 .arg(copied)
                                                 .arg(QString::fromUtf8(titlesOf(**vault)))));
    }
    qInfo("%d of %lld variants refused", refused, qint64(pages - 2));
}

void TestHostile::mergeInputWithStalePage() {
    constexpr qsizetype Page = 4096;
    // A later version: entries added and edited on another device.
    QString device = QStringLiteral("device%1").arg(++m_devices);
    QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
    QVERIFY(writeFile(m_box.vaultPath(), m_intact));
    QByteArray later;
    {
        VAULT_TAKE(vault, m_box.unlock(device));
        m_box.clock().advance(Minute);
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3, EntryCount));
        EntryChanges change;
        change.password = secret("changed later");
        VAULT_VERIFY_OK(vault->edit(vault->entries().front().id, std::move(change)));
        VAULT_VERIFY_OK(vault->publish());
        later = readFile(m_box.vaultPath());
    }
    QVERIFY(writeFile(m_box.vaultPath(), m_intact));
    const QString conflict = m_box.cloudDir() + QStringLiteral("/test (1).tessera");
    MergeOptions options;
    options.acceptRollback = true;
    // What merging the intact later version gives.
    QByteArray expected;
    {
        device = QStringLiteral("device%1").arg(++m_devices);
        QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
        QVERIFY(writeFile(conflict, later));
        VAULT_TAKE(vault, m_box.unlock(device));
        VAULT_VERIFY_OK(vault->merge(conflict, options));
        VAULT_TAKE(dump, dumpVault(*vault));
        expected = dump;
    }
    std::map<QByteArray, QByteArrayList> laterIds;
    {
        QVERIFY(writeFile(conflict, later));
        VAULT_TAKE(input, openVaultRaw(conflict, VaultSandbox::MasterPassword, Trust::Foreign));
        for (const char* table : {"entries", "details", "attachments", "tombstones"})
            laterIds[table] = tableIds(input.db, table);
    }
    const qsizetype pages = later.size() / Page;
    const qsizetype earlierPages = m_intact.size() / Page;
    int refused = 0;
    int mixes = 0;
    // Opened as a merge input is opened: refused, or every table holds exactly the later rows.
    for (qsizetype page = 1; page < pages; ++page) {
        for (qsizetype from = 1; from < earlierPages; ++from) {
            QByteArray mixed = later;
            mixed.replace(page * Page, Page, m_intact.mid(from * Page, Page));
            if (mixed == later)
                continue;
            ++mixes;
            QVERIFY(writeFile(conflict, mixed));
            auto input = openVaultRaw(conflict, VaultSandbox::MasterPassword, Trust::ForeignRows);
            if (!input) {
                ++refused;
                continue;
            }
            for (const char* table : {"entries", "details", "attachments", "tombstones"})
                QVERIFY2(tableIds(input->db, table) == laterIds[table],
                         qPrintable(QStringLiteral("page %1 of the earlier version as page %2: "
                                                   "opened with other %3 rows")
                                        .arg(from)
                                        .arg(page)
                                        .arg(QLatin1String(table))));
        }
    }
    // Merged: refused, or exactly like the later version.
    for (qsizetype page = 1; page < std::min(pages, earlierPages); ++page) {
        QByteArray mixed = later;
        mixed.replace(page * Page, Page, m_intact.mid(page * Page, Page));
        if (mixed == later)
            continue;
        QVERIFY(writeFile(conflict, mixed));
        device = QStringLiteral("device%1").arg(++m_devices);
        QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
        VAULT_TAKE(vault, m_box.unlock(device));
        auto merged = vault->merge(conflict, options);
        if (!merged) {
            QVERIFY2(merged.code() == ErrorCode::Tampered || merged.code() == ErrorCode::Damaged,
                     qPrintable(merged.error().message));
            VAULT_TAKE(dump, dumpVault(*vault));
            QVERIFY2(dump == m_dump, "a refused merge changed the vault");
            continue;
        }
        VAULT_TAKE(dump, dumpVault(*vault));
        QVERIFY2(dump == expected, qPrintable(QStringLiteral("page %1 from the earlier version: "
                                                             "merged to other content: %2")
                                                  .arg(page)
                                                  .arg(QString::fromUtf8(titlesOf(*vault)))));
    }
    QFile::remove(conflict);
    qInfo("%d of %d mixed merge inputs refused at open", refused, mixes);
}

void TestHostile::firstPageLayout_data() {
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("page size 512") << 16 << QByteArray("\x02\x00", 2);
    QTest::newRow("page size 1024") << 16 << QByteArray("\x04\x00", 2);
    QTest::newRow("page size 8192") << 16 << QByteArray("\x20\x00", 2);
    QTest::newRow("page size 65536") << 16 << QByteArray("\x00\x01", 2);
    QTest::newRow("reserve 0") << 20 << QByteArray(1, '\0');
    QTest::newRow("reserve 32") << 20 << QByteArray(1, '\x20');
}

void TestHostile::firstPageLayout() {
    QFETCH(int, offset);
    QFETCH(QByteArray, bytes);
    VAULT_TAKE(header, inspectFile(m_box.vaultPath()));
    VAULT_TAKE(master, deriveMasterKeys(secret(VaultSandbox::MasterPassword), header, nullptr));
    QByteArray plain = fuzz::decryptPages(m_intact, master.databaseKey, header.bytes());
    QVERIFY(!plain.isEmpty());
    plain.replace(offset, bytes.size(), bytes);
    const QByteArray file = fuzz::encryptPages(plain, master.databaseKey, header.bytes());
    // As the vault file on a fresh device, and as a known device's working copy.
    for (const bool working : {false, true}) {
        const QString device = QStringLiteral("device%1").arg(++m_devices);
        QVERIFY(copyDirectory(m_pristineData, m_box.dataDir(device)));
        QVERIFY(writeFile(working ? m_box.workingCopy(device) : m_box.vaultPath(), file));
        if (!working)
            QVERIFY(QDir(m_box.dataDir(device)).removeRecursively());
        auto vault = m_box.unlock(device);
        QVERIFY2(!vault.ok(), "a file with another page layout opened");
        QVERIFY2(vault.code() == ErrorCode::Damaged, qPrintable(vault.error().message));
        QVERIFY(writeFile(m_box.vaultPath(), m_intact));
    }
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
