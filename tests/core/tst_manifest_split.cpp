// Large vaults take unlock's two-core paths: the manifest pass split over a second read-only
// connection (files of ManifestHelperFromBytes and more, core/vault/Manifest.cpp) and the overviews
// checked, opened and decoded by worker threads against the row MACs the manifest pass collected
// (core/vault/OverviewLoader.cpp). Small vaults (every other test, the fuzzers) take the
// one-thread paths. Here: the same answers as before, and every change to either half of
// row_macs, its counts or the entries refused as tampered, in format 2 (a MAC per half, each on
// its own core) and in format 1 (one MAC, hashed on the first core).

#include "VaultFixture.h"

#include "storage/Database.h"
#include "vault/OverviewLoader.h"
#include "vault/VaultFile.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <functional>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr int EntryCount = 700; // above the loader's threshold for worker threads
// Two attachments take the file above ManifestHelperFromBytes (each is at most 16 MiB).
constexpr qsizetype BigAttachment = ManifestHelperFromBytes / 2 + 1024 * 1024;

using Edit = std::function<Status(OpenVault&)>;

Status run(Database& db, const char* sql) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    return stmt->run();
}

Edit sql(const char* statement, bool resealManifestAfter) {
    return [=](OpenVault& f) -> Status {
        TESSERA_TRY(run(f.db, statement));
        return resealManifestAfter ? resealManifest(f) : Status();
    };
}

} // namespace

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(tessera::Trust)

class TestManifestSplit : public QObject {
    Q_OBJECT

private:
    VaultSandbox m_box;
    QByteArray m_dump;

    // A copy of the published file in `format`, with `edit` applied through the file's own keys.
    QString editedCopy(const Edit& edit, int format = SchemaVersion) {
        static int copies = 0;
        const QString copy = m_box.path(QStringLiteral("copy-%1.tessera").arg(++copies));
        if (!QFile::copy(m_box.vaultPath(), copy))
            return {};
        if (format == 1 && !rewriteAsFormat1(copy).ok())
            return {};
        auto file = openVaultRaw(copy, VaultSandbox::MasterPassword, Trust::Own);
        if (!file || !edit(*file).ok())
            return {};
        return copy;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_box.isValid());
        VAULT_TAKE(vault, m_box.create());
        VAULT_TAKE(ids, addSampleEntries(*vault, EntryCount));
        QByteArray bytes(BigAttachment, '\0');
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) >> 3);
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("big.bin"), secret(bytes)));
        VAULT_VERIFY_OK(vault->attach(ids[3], QStringLiteral("big.bin"), secret(bytes)));
        VAULT_VERIFY_OK(vault->trash(ids[2]));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        m_dump = dump;
        QVERIFY(QFileInfo(m_box.workingCopy()).size() >= ManifestHelperFromBytes);
    }

    void unlockAnswersAsBefore() {
        VAULT_TAKE(vault, m_box.unlock());
        QCOMPARE(int(vault->entries().size()), EntryCount);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, m_dump);
    }

    void copyOpens_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<Trust>("trust");
        QTest::newRow("format 2, foreign") << 2 << Trust::Foreign;
        QTest::newRow("format 1, foreign") << 1 << Trust::Foreign;
        QTest::newRow("format 1, own") << 1 << Trust::Own;
    }
    void copyOpens() {
        QFETCH(int, format);
        QFETCH(Trust, trust);
        const QString copy = editedCopy([](OpenVault&) { return Status(); }, format);
        QVERIFY(!copy.isEmpty());
        auto file = openVaultRaw(copy, VaultSandbox::MasterPassword, trust);
        VAULT_VERIFY_OK(file);
        QCOMPARE(file->keys.rowMac.format, format);
        auto loaded = loadOverviews(*file);
        VAULT_VERIFY_OK(loaded);
        QCOMPARE(int(loaded->overviews.size()), EntryCount);
    }

    // tessera-cli search: unlocked with Overviews::SearchOnce, searchOnce() finds what search()
    // finds after a full unlock, in the same order, through the worker threads.
    void searchOnceFindsWhatSearchFinds_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("tag") << QStringLiteral("important");
        QTest::newRow("two terms") << QStringLiteral("IMPORTANT user1");
        QTest::newRow("title of a trashed entry") << sampleTitle(2);
        QTest::newRow("every live entry") << QString();
        QTest::newRow("nothing") << QStringLiteral("no entry has this");
    }
    void searchOnceFindsWhatSearchFinds() {
        QFETCH(QString, query);
        VAULT_TAKE(full, m_box.unlock());
        const SecureBuffer password = secret(VaultSandbox::MasterPassword);
        VAULT_TAKE(once, Vault::unlock(m_box.device(QStringLiteral("a")), m_box.vaultPath(),
                                       password, nullptr, Overviews::SearchOnce));
        VAULT_TAKE(found, once->searchOnce(query));
        const auto expected = full->search(query);
        QCOMPARE(found.size(), expected.size());
        for (std::size_t i = 0; i < found.size(); ++i) {
            QCOMPARE(found[i]->id, expected[i]->id);
            QCOMPARE(found[i]->title.value, expected[i]->title.value);
            QCOMPARE(found[i]->urlList(), expected[i]->urlList());
        }
        if (!query.isEmpty())
            QVERIFY(found.size() < std::size_t(EntryCount) / 2); // only the matches were kept
    }

    void tamperedRefused_data() {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<int>("format");
        for (int format : {2, 1})
            addTamperedRows(format);
    }
    void addTamperedRows(int format) {
        const auto newRow = [format](const char* name) -> QTestData& {
            return QTest::newRow(
                qPrintable(QStringLiteral("format %1: %2").arg(format).arg(QLatin1String(name))));
        };
        // The second connection's half (details on), its counts, and what it cannot classify.
        // Format 2 splits row_macs between entries and details, format 1 within the entries.
        newRow("details MAC changed")
            << sql("UPDATE row_macs SET mac = zeroblob(32) WHERE tbl = 5 AND id = "
                   "(SELECT min(id) FROM row_macs WHERE tbl = 5)",
                   false)
            << format;
        newRow("details MAC removed, manifest resealed")
            << sql("DELETE FROM row_macs WHERE tbl = 5 AND id = (SELECT max(id) FROM row_macs "
                   "WHERE "
                   "tbl = 5)",
                   true)
            << format;
        newRow("details row removed, manifest resealed")
            << sql("DELETE FROM details WHERE id = (SELECT min(id) FROM details)", true) << format;
        newRow("unknown table code, manifest resealed")
            << sql("INSERT INTO row_macs (tbl, id, mac) VALUES (9, x'00', zeroblob(32))", true)
            << format;
        newRow("text table code, manifest resealed")
            << sql("INSERT INTO row_macs (tbl, id, mac) VALUES ('x', x'00', zeroblob(32))", true)
            << format;
        // The entries (in format 1 split between the two connections at ids D8..), and the
        // index of their MACs.
        newRow("entries MAC changed")
            << sql("UPDATE row_macs SET mac = zeroblob(32) WHERE tbl = 4 AND id = "
                   "(SELECT max(id) FROM row_macs WHERE tbl = 4)",
                   false)
            << format;
        newRow("entries MAC changed, manifest resealed")
            << sql("UPDATE row_macs SET mac = zeroblob(32) WHERE tbl = 4 AND id = "
                   "(SELECT max(id) FROM row_macs WHERE tbl = 4)",
                   true)
            << format;
        newRow("first entries MAC changed, manifest resealed")
            << sql("UPDATE row_macs SET mac = zeroblob(32) WHERE tbl = 4 AND id = "
                   "(SELECT min(id) FROM row_macs WHERE tbl = 4)",
                   true)
            << format;
        newRow("entries row removed, manifest resealed")
            << sql("DELETE FROM entries WHERE id = (SELECT max(id) FROM entries)", true) << format;
    }

    void tamperedRefused() {
        QFETCH(Edit, edit);
        QFETCH(int, format);
        const QString copy = editedCopy(edit, format);
        QVERIFY(!copy.isEmpty());
        // As a file from elsewhere (every row checked) and as this device's working copy (the
        // manifest at open, the entries when the list is loaded).
        for (Trust trust : {Trust::Foreign, Trust::Own}) {
            auto file = openVaultRaw(copy, VaultSandbox::MasterPassword, trust);
            if (file) {
                auto loaded = loadOverviews(*file);
                QVERIFY2(!loaded, "a tampered file was opened and listed");
                QCOMPARE(loaded.code(), ErrorCode::Tampered);
                // A search checks every row too, not only the ones it keeps.
                const SearchQuery nothing(QStringLiteral("no entry has this"));
                QCOMPARE(loadOverviews(*file, &nothing).code(), ErrorCode::Tampered);
            } else {
                QCOMPARE(file.code(), ErrorCode::Tampered);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestManifestSplit)
#include "tst_manifest_split.moc"
