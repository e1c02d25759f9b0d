// Deliberate changes to a vault file by someone who can write to the cloud folder, made to the file
// rather than to its rows: (a) a header byte edited, (b) pages of one version mixed into another,
// (e) a journal planted beside the vault file. Each is refused as tampered or damaged and never
// shown; files that are consistent after all open with exactly one real version's content.
// Changes inside the database (rows, sealed blobs, schema, manifest) are in tst_tamper_rows.
//
// The fixture vault is TwoVersionFixture's (VaultFixture.h): published twice without re-keying,
// v1 then v2, so that their pages can be mixed. Device "a" loaded v2 (or, for the journal rows,
// v1); each row uses a fresh copy of that data folder, and a data folder that has never seen the
// vault.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "storage/Database.h"
#include "vault/KeyRing.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr qsizetype Page = PageSize;

} // namespace

class TestTamper : public QObject, private TwoVersionFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // (a)
    void headerEdited_data();
    void headerEdited();
    // (b)
    void pagesSwapped_data();
    void pagesSwapped();
    // (e)
    void plantedJournal_data();
    void plantedJournal();

private:
    int m_consistentSwaps = 0;
};

void TestTamper::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_box.isValid());
    publishTwoVersions();
}

// ---- (a) A header byte edited ----

void TestTamper::headerEdited_data() {
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("value");
    // The vault below uses 3 iterations and 32 KiB (bytes 2, 3 = 3, 15).
    QTest::newRow("iterations 3 -> 1 (weaker)") << 2 << 1;
    QTest::newRow("iterations 3 -> 2 (weaker)") << 2 << 2;
    QTest::newRow("iterations 3 -> 4 (stronger)") << 2 << 4;
    QTest::newRow("memory 32 KiB -> 8 KiB (weaker)") << 3 << 13;
    QTest::newRow("memory 32 KiB -> 16 KiB (weaker)") << 3 << 14;
    QTest::newRow("memory 32 KiB -> 64 KiB (stronger)") << 3 << 16;
}

void TestTamper::headerEdited() {
    QFETCH(int, offset);
    QFETCH(int, value);
    const QString vaultName = QStringLiteral("kdf");
    const KdfParams kdf{3, 15};
    if (!QFileInfo::exists(m_box.vaultPath(vaultName))) {
        VAULT_TAKE(vault, m_box.create(QStringLiteral("kdf-owner"), VaultSandbox::MasterPassword,
                                       vaultName, kdf));
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3));
        VAULT_VERIFY_OK(vault->publish());
    }
    const QByteArray original = readFile(m_box.vaultPath(vaultName));
    QCOMPARE(original.mid(2, 2), QByteArray("\x03\x0f"));
    const QString known = QStringLiteral("kdf-known%1").arg(++m_devices);
    { VAULT_TAKE(vault, m_box.unlock(known, VaultSandbox::MasterPassword, vaultName)); }
    const QByteArray working = readFile(m_box.workingCopy(known, vaultName));

    QByteArray edited = original;
    edited[offset] = char(value);
    QVERIFY(writeFile(m_box.vaultPath(vaultName), edited));
    // A device that knows the vault knows its header: edited = tampered, before any KDF.
    auto onKnown = m_box.unlock(known, VaultSandbox::MasterPassword, vaultName);
    QVERIFY(!onKnown.ok());
    QCOMPARE(onKnown.code(), ErrorCode::Tampered);
    QCOMPARE(readFile(m_box.workingCopy(known, vaultName)), working);
    // A fresh device derives with the edited header as salt: another key, never a weaker vault.
    const QString fresh = freshDevice();
    auto onFresh = m_box.unlock(fresh, VaultSandbox::MasterPassword, vaultName);
    QVERIFY(!onFresh.ok());
    QCOMPARE(onFresh.code(), ErrorCode::WrongPassword);
    QVERIFY(!QFileInfo::exists(m_box.workingCopy(fresh, vaultName)));
    QCOMPARE(readFile(m_box.vaultPath(vaultName)), edited);

    // The original header opens on both again, with the original parameters.
    QVERIFY(writeFile(m_box.vaultPath(vaultName), original));
    for (const QString& device : {known, fresh}) {
        VAULT_TAKE(vault, m_box.unlock(device, VaultSandbox::MasterPassword, vaultName));
        QCOMPARE(vault->info().kdf, kdf);
        QCOMPARE(vault->entries().size(), std::size_t(3));
    }
}

// ---- (b) Pages of v1 mixed into v2 (and v2's into v1) ----

void TestTamper::pagesSwapped_data() {
    QTest::addColumn<QByteArray>("mixed");
    const qsizetype pages = std::min(m_v1.size(), m_v2.size()) / Page;
    int differing = 0;
    for (qsizetype i = 0; i < pages; ++i) {
        const QByteArray page1 = m_v1.mid(i * Page, Page);
        const QByteArray page2 = m_v2.mid(i * Page, Page);
        if (page1 == page2)
            continue;
        ++differing;
        QByteArray intoV2 = m_v2;
        intoV2.replace(i * Page, Page, page1);
        QTest::addRow("page %lld of v1 into v2", qint64(i + 1)) << intoV2;
        QByteArray intoV1 = m_v1;
        intoV1.replace(i * Page, Page, page2);
        QTest::addRow("page %lld of v2 into v1", qint64(i + 1)) << intoV1;
    }
    QVERIFY2(differing >= 3, QByteArray::number(differing).constData());
}

void TestTamper::pagesSwapped() {
    QFETCH(QByteArray, mixed);
    for (bool fresh : {false, true}) {
        const QString device = fresh ? freshDevice() : copyOfData(m_dataAfterV2);
        QVERIFY(writeFile(m_box.vaultPath(), mixed));
        const Outcome outcome = openAll(device);
        qDebug("%s device: %s", fresh ? "fresh" : "known", outcome.describe().constData());
        const QString working = m_box.workingCopy(device);
        const bool workingCopyKept =
            fresh ? !QFileInfo::exists(working) : readFile(working) == m_v2;
        if (outcome.opened) {
            // Only acceptable if the mix happens to be one real version, exactly.
            QVERIFY2(outcome.dump == m_dump1 || outcome.dump == m_dump2,
                     "a file mixed from two versions opened with content of neither");
            ++m_consistentSwaps;
            qInfo("%s device: consistent mix, opened as %s", fresh ? "fresh" : "known",
                  outcome.dump == m_dump2 ? "v2" : "v1");
        } else {
            QVERIFY2(outcome.code == ErrorCode::Damaged || outcome.code == ErrorCode::Tampered,
                     outcome.describe().constData());
            if (outcome.unlocked)
                qInfo("%s device: refused on reading a record, after the file was adopted",
                      fresh ? "fresh" : "known");
        }
        QVERIFY(writeFile(m_box.vaultPath(), m_v2));
        const Outcome restored = openAll(device);
        QVERIFY2(restored.opened, restored.describe().constData());
        QVERIFY(restored.dump == m_dump2);
        if (!outcome.unlocked)
            QVERIFY2(workingCopyKept, "a refused unlock changed the device's working copy");
    }
}

// ---- (e) A planted journal beside the vault file ----

void TestTamper::plantedJournal_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("planted");
    QTest::addColumn<bool>("hot"); // a real rollback journal that a plain open would apply

    // A real, hot SQLCipher rollback journal of this vault: v1's pages as they were before a
    // transaction that deleted every entry. Rolled into v2, it would mix v1's pages into it.
    const QString scratch = m_box.path(QStringLiteral("journal-source.tessera"));
    QVERIFY(writeFile(scratch, m_v1));
    QByteArray journal;
    {
        VAULT_TAKE(f, openVaultRaw(scratch, VaultSandbox::MasterPassword, Trust::Own));
        VAULT_VERIFY_OK(f.db.exec("PRAGMA synchronous = OFF")); // the journal header is final
        VAULT_VERIFY_OK(f.db.exec("BEGIN"));
        VAULT_VERIFY_OK(f.db.exec("DELETE FROM entries"));
        VAULT_VERIFY_OK(f.db.exec("DELETE FROM details"));
        VAULT_VERIFY_OK(f.db.exec("DELETE FROM row_macs"));
        journal = readFile(scratch + QStringLiteral("-journal"));
        VAULT_VERIFY_OK(f.db.exec("ROLLBACK"));
    }
    QVERIFY2(journal.size() > Page, QByteArray::number(journal.size()).constData());
    QByteArray garbage(3 * Page, '\0');
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 2654435761u) >> 13);

    QTest::newRow("hot rollback journal from v1") << QStringLiteral("-journal") << journal << true;
    QTest::newRow("garbage -journal") << QStringLiteral("-journal") << garbage << false;
    QTest::newRow("v1 itself as -journal") << QStringLiteral("-journal") << m_v1 << false;
    QTest::newRow("garbage -wal") << QStringLiteral("-wal") << garbage << false;
    QTest::newRow("garbage -shm") << QStringLiteral("-shm") << garbage << false;
}

void TestTamper::plantedJournal() {
    QFETCH(QString, suffix);
    QFETCH(QByteArray, planted);
    QFETCH(bool, hot);
    const QString plantedPath = m_box.vaultPath() + suffix;

    if (hot) {
        // Control: the journal is real. A plain read-write open of v2 beside it rolls it in.
        const QString path = m_box.path(QStringLiteral("naive-%1.tessera").arg(++m_scratch));
        QVERIFY(writeFile(path, m_v2));
        QVERIFY(writeFile(path + suffix, planted));
        {
            auto header = Header::parse(m_v2.left(16));
            QVERIFY(header.ok());
            auto master = deriveMasterKeys(secret(VaultSandbox::MasterPassword), *header, nullptr);
            QVERIFY(master.ok());
            auto naive = Database::open(path, master->databaseKey, header->bytes(),
                                        Database::Mode::ReadWrite);
            Q_UNUSED(naive);
        }
        QVERIFY2(readFile(path) != m_v2, "control: the planted journal is not hot");
    }

    QVERIFY(writeFile(m_box.vaultPath(), m_v2));
    QVERIFY(writeFile(plantedPath, planted));
    // A device that loaded v1 adopts v2 (a foreign file); a fresh device too; a device that
    // loaded v2 keeps its working copy.
    const QString devices[] = {copyOfData(m_dataAfterV1), freshDevice(), copyOfData(m_dataAfterV2)};
    for (const QString& device : devices) {
        const Outcome outcome = openAll(device);
        QVERIFY2(outcome.opened, outcome.describe().constData());
        QVERIFY2(outcome.dump == m_dump2, "the content is not v2's");
        QCOMPARE(readFile(m_box.workingCopy(device)), m_v2);
        QVERIFY2(!QFileInfo::exists(m_box.workingCopy(device) + QStringLiteral("-journal")),
                 "a journal beside the working copy");
    }
    QVERIFY2(readFile(m_box.vaultPath()) == m_v2, "the vault file changed");
    QVERIFY2(readFile(plantedPath) == planted, "the planted file was touched");
    QVERIFY(QFile::remove(plantedPath));
}

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
