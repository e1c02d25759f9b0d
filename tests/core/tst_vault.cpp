// The vault API (core/vault/Vault.h) end to end on real files: create and unlock, lock, rename,
// search, resolve, trash/restore/purge. Entry fields and attachments are in tst_entries, password
// and KDF changes in tst_rekey, several devices and plaintext at rest in tst_devices.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"

#include <QFileInfo>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

QStringList titles(const std::vector<const EntryOverview*>& entries) {
    QStringList out;
    for (const EntryOverview* entry : entries)
        out.append(entry->title.value);
    out.sort();
    return out;
}

// The search fixture: titles chosen so that every row of search_data() hits a different field.
struct SearchEntry {
    const char* title;
    const char* username;
    QStringList urls;
    QStringList tags;
    const char* folder;
    bool trashed;
};

const SearchEntry SearchEntries[] = {
    {"GitHub",
     "octocat",
     {QStringLiteral("https://github.com/login")},
     {QStringLiteral("dev"), QStringLiteral("work")},
     "Work/Code",
     false},
    {"Gmail",
     "alice@example.com",
     {QStringLiteral("https://mail.google.com")},
     {QStringLiteral("email")},
     "Personal/Email",
     false},
    {"Bank of Ümlaut",
     "Ålice",
     {QStringLiteral("https://bank.example"), QStringLiteral("https://app.bank.example")},
     {QStringLiteral("finance")},
     "Personal/Finance",
     false},
    {"Old forum",
     "octocat",
     {QStringLiteral("https://forum.example")},
     {QStringLiteral("dev")},
     "Archive",
     true},
};

} // namespace

class TestVault : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void createAndUnlock();
    void createRefusesExistingFile();
    void unlockMissingFile();
    void wrongPassword_data();
    void wrongPassword();
    void passwordIsNfcNormalised();
    void lockedVaultRefuses();
    void renameSurvivesReopen();

    void search_data();
    void search();
    void resolve_data();
    void resolve();

    void trashAndRestore();
    void purgeLeavesTombstone();

private:
    // A device name no row has used yet: a data folder that has never seen the vault.
    QString freshDevice() { return QStringLiteral("fresh%1").arg(++m_freshDevices); }

    // Shared, read-only fixtures for the data-driven rows (one vault each instead of one per row).
    VaultSandbox m_box;
    std::unique_ptr<Vault> m_searchVault;    // the session that added the search entries
    std::unique_ptr<Vault> m_searchReopened; // the same vault as another device opened it
    std::unique_ptr<Vault> m_resolveVault;
    std::vector<EntryId> m_resolveIds;
    int m_freshDevices = 0;
};

namespace {
const QString SearchVault = QStringLiteral("search");
const QString ResolveVault = QStringLiteral("resolve");
const QString PasswordVault = QStringLiteral("password");
} // namespace

void TestVault::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    QVERIFY(m_box.isValid());
    {
        VAULT_TAKE(vault,
                   m_box.create(QStringLiteral("a"), VaultSandbox::MasterPassword, PasswordVault));
        VAULT_VERIFY_OK(vault->add(sampleEntry(1)));
        VAULT_VERIFY_OK(vault->publish());
    }
    {
        VAULT_TAKE(vault,
                   m_box.create(QStringLiteral("a"), VaultSandbox::MasterPassword, SearchVault));
        for (const SearchEntry& s : SearchEntries) {
            EntryChanges c;
            c.title = QString::fromUtf8(s.title);
            c.username = QString::fromUtf8(s.username);
            c.urls = s.urls;
            c.tags = s.tags;
            c.folder = QString::fromUtf8(s.folder);
            c.password = secret("search-secret");
            c.notes = secret("notes-marker");
            c.fields.push_back({QStringLiteral("f"), secret("field-marker"), false});
            VAULT_TAKE(id, vault->add(std::move(c)));
            if (s.trashed)
                VAULT_VERIFY_OK(vault->trash(id));
        }
        VAULT_VERIFY_OK(vault->publish());
        m_searchVault = std::move(vault);
        VAULT_TAKE(reopened,
                   m_box.unlock(QStringLiteral("b"), VaultSandbox::MasterPassword, SearchVault));
        m_searchReopened = std::move(reopened);
    }
    {
        // "GitHub" (0), "Gmail" (1), "Café" (2), "Shared" x2 (3, 4), "Trashed thing" (5,
        // trashed), and a title of 32 hex digits (6).
        VAULT_TAKE(vault,
                   m_box.create(QStringLiteral("a"), VaultSandbox::MasterPassword, ResolveVault));
        const QStringList names{QStringLiteral("GitHub"),
                                QStringLiteral("Gmail"),
                                QStringLiteral("Café"),
                                QStringLiteral("Shared"),
                                QStringLiteral("Shared"),
                                QStringLiteral("Trashed thing"),
                                QStringLiteral("0123456789abcdef0123456789abcdef")};
        for (int i = 0; i < names.size(); ++i) {
            EntryChanges c;
            c.title = names[i];
            c.username = QStringLiteral("user%1").arg(i);
            c.folder = QStringLiteral("Folder %1").arg(i);
            VAULT_TAKE(id, vault->add(std::move(c)));
            m_resolveIds.push_back(id);
        }
        VAULT_VERIFY_OK(vault->trash(m_resolveIds[5]));
        m_resolveVault = std::move(vault);
    }
}

// ---- Create, unlock, lock ----

void TestVault::createAndUnlock() {
    VaultSandbox box;
    QVERIFY(box.isValid());
    VAULT_TAKE(vault, box.create());
    const VaultInfo info = vault->info();
    QCOMPARE(info.name, VaultSandbox::VaultName);
    QCOMPARE(info.id.size(), qsizetype(VaultIdBytes));
    QCOMPARE(info.keyEpoch, 0u);
    QCOMPARE(info.kdf, FastKdf);
    QCOMPARE(info.created, FixtureNowMs);
    QCOMPARE(info.entryCount, 0);
    QVERIFY(!info.unpublishedChanges);
    QCOMPARE(info.path, canonicalVaultPath(box.vaultPath()));
    QVERIFY(QFileInfo::exists(box.vaultPath()));
    QVERIFY(QFileInfo::exists(info.workingCopy));
    QCOMPARE(readFile(box.vaultPath()), readFile(info.workingCopy)); // published = working copy
    // The header is in the clear: version 1, no flags, the KDF parameters, then 12 random bytes.
    const QByteArray header = readFile(box.vaultPath()).left(qsizetype(HeaderBytes));
    QCOMPARE(header.left(4), QByteArray::fromHex("0100010d"));
    QCOMPARE(readFile(box.vaultPath()).size() % PageSize, qsizetype(0));

    vault->lock();
    QVERIFY(vault->isLocked());
    VAULT_TAKE(again, box.unlock());
    QCOMPARE(again->info().id, info.id);
    QCOMPARE(again->info().name, VaultSandbox::VaultName);
    QCOMPARE(again->info().created, FixtureNowMs);
    QVERIFY(!again->isLocked());

    // A second vault gets its own id and random header bytes.
    VAULT_TAKE(other, box.create(QStringLiteral("a"), VaultSandbox::MasterPassword,
                                 QStringLiteral("other")));
    QVERIFY(other->info().id != info.id);
    QVERIFY(readFile(box.vaultPath(QStringLiteral("other"))).mid(4, 12) != header.mid(4, 12));
}

void TestVault::createRefusesExistingFile() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(vault->add(sampleEntry(0)));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray before = readFile(box.vaultPath());
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("b")}) {
        auto second = box.create(device);
        QVERIFY(!second.ok());
        QCOMPARE(second.code(), ErrorCode::InvalidArgument);
    }
    QCOMPARE(readFile(box.vaultPath()), before);
}

void TestVault::unlockMissingFile() {
    VaultSandbox box;
    auto vault = box.unlock();
    QVERIFY(!vault.ok());
    QCOMPARE(vault.code(), ErrorCode::NotFound);
}

void TestVault::wrongPassword_data() {
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("device");
    const QByteArray right = VaultSandbox::MasterPassword;
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        const QByteArray d = device.toLatin1();
        QTest::addRow("%s: other password", d.constData()) << QByteArray("hunter2") << device;
        QTest::addRow("%s: empty", d.constData()) << QByteArray() << device;
        QTest::addRow("%s: trailing newline", d.constData()) << right + '\n' << device;
        QTest::addRow("%s: upper case", d.constData()) << right.toUpper() << device;
        QTest::addRow("%s: one char short", d.constData()) << right.chopped(1) << device;
    }
}

void TestVault::wrongPassword() {
    QFETCH(QByteArray, password);
    QFETCH(QString, device);
    if (device == QLatin1String("fresh"))
        device = freshDevice();
    const QByteArray before = readFile(m_box.vaultPath(PasswordVault));
    auto vault = m_box.unlock(device, password, PasswordVault);
    QVERIFY(!vault.ok());
    QCOMPARE(vault.code(), ErrorCode::WrongPassword);
    QCOMPARE(readFile(m_box.vaultPath(PasswordVault)), before);
    // The right password still opens it afterwards, on both devices.
    VAULT_TAKE(right, m_box.unlock(device, VaultSandbox::MasterPassword, PasswordVault));
    QCOMPARE(right->entries().size(), std::size_t(1));
}

void TestVault::passwordIsNfcNormalised() {
    VaultSandbox box;
    const QByteArray nfc = QStringLiteral("Caf\u00e9 cr\u00e8me").toUtf8();
    const QByteArray nfd = QStringLiteral("Cafe\u0301 cre\u0300me").toUtf8();
    QVERIFY(nfc != nfd);
    { VAULT_TAKE(vault, box.create(QStringLiteral("a"), nfc)); }
    VAULT_TAKE(viaNfd, box.unlock(QStringLiteral("a"), nfd));
    viaNfd->lock();
    VAULT_TAKE(viaNfc, box.unlock(QStringLiteral("b"), nfc));
    auto other = box.unlock(QStringLiteral("b"), QStringLiteral("Cafe creme").toUtf8());
    QVERIFY(!other.ok());
    QCOMPARE(other.code(), ErrorCode::WrongPassword);
}

void TestVault::lockedVaultRefuses() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_TAKE(id, vault->add(sampleEntry(2)));
    vault->lock();
    QVERIFY(vault->entries().empty());
    QVERIFY(vault->entry(id) == nullptr);
    QVERIFY(vault->search(QString()).empty());
    QCOMPARE(vault->details(id).code(), ErrorCode::Locked);
    QCOMPARE(vault->add(sampleEntry(3)).code(), ErrorCode::Locked);
    QCOMPARE(vault->edit(id, sampleEntry(3)).code(), ErrorCode::Locked);
    QCOMPARE(vault->trash(id).code(), ErrorCode::Locked);
    QCOMPARE(vault->resolve(hexId(id)).code(), ErrorCode::Locked);
    QCOMPARE(vault->publish().code(), ErrorCode::Locked);
    QCOMPARE(vault->attach(id, QStringLiteral("x"), secret("x")).code(), ErrorCode::Locked);
    QCOMPARE(vault->changePassword(secret(NewPassword), FastKdf).code(), ErrorCode::Locked);
}

void TestVault::renameSurvivesReopen() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(vault->rename(QStringLiteral("Geschäftlich — 2024")));
    QVERIFY(vault->info().unpublishedChanges);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    VAULT_TAKE(again, box.unlock(QStringLiteral("fresh")));
    QCOMPARE(again->info().name, QStringLiteral("Geschäftlich — 2024"));
}

// ---- Search and resolve ----

void TestVault::search_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const QString github = QStringLiteral("GitHub");
    const QString gmail = QStringLiteral("Gmail");
    const QString bank = QStringLiteral("Bank of Ümlaut");
    QTest::newRow("title") << QStringLiteral("github") << QStringList{github};
    QTest::newRow("title upper case") << QStringLiteral("GITHUB") << QStringList{github};
    QTest::newRow("title substring") << QStringLiteral("itH") << QStringList{github};
    QTest::newRow("non-ASCII case-insensitive") << QStringLiteral("üMLAUT") << QStringList{bank};
    QTest::newRow("username") << QStringLiteral("alice@") << QStringList{gmail};
    QTest::newRow("username non-ASCII") << QStringLiteral("åLICE") << QStringList{bank};
    QTest::newRow("username of trashed excluded")
        << QStringLiteral("octocat") << QStringList{github};
    QTest::newRow("url") << QStringLiteral("mail.google") << QStringList{gmail};
    QTest::newRow("second url") << QStringLiteral("app.bank") << QStringList{bank};
    QTest::newRow("tag") << QStringLiteral("finance") << QStringList{bank};
    QTest::newRow("tag shared with trashed") << QStringLiteral("dev") << QStringList{github};
    QTest::newRow("folder") << QStringLiteral("personal") << QStringList{gmail, bank};
    QTest::newRow("folder path") << QStringLiteral("work/code") << QStringList{github};
    QTest::newRow("two terms, both match")
        << QStringLiteral("personal email") << QStringList{gmail};
    QTest::newRow("terms in different fields")
        << QStringLiteral("octocat work/code dev") << QStringList{github};
    QTest::newRow("extra whitespace")
        << QStringLiteral("  \tpersonal   finance \n") << QStringList{bank};
    QTest::newRow("one term misses") << QStringLiteral("github finance") << QStringList{};
    QTest::newRow("only trashed matches") << QStringLiteral("forum") << QStringList{};
    QTest::newRow("trashed folder") << QStringLiteral("archive") << QStringList{};
    QTest::newRow("password not searched") << QStringLiteral("search-secret") << QStringList{};
    QTest::newRow("notes not searched") << QStringLiteral("notes-marker") << QStringList{};
    QTest::newRow("custom field not searched") << QStringLiteral("field-marker") << QStringList{};
    QTest::newRow("no match") << QStringLiteral("zzz") << QStringList{};
    QTest::newRow("empty query: every live entry") << QString() << QStringList{bank, github, gmail};
}

void TestVault::search() {
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    expected.sort();
    QCOMPARE(titles(m_searchVault->search(query)), expected);
    QCOMPARE(titles(m_searchReopened->search(query)), expected); // after a reopen elsewhere
}

void TestVault::resolve_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("scope");
    QTest::addColumn<QString>("expectedTitle"); // empty: an error is expected
    QTest::addColumn<ErrorCode>("expectedError");
    // See initTestCase for the entries; "#N" is replaced by entry N's id ("#NU": in upper case).
    const auto live = int(Scope::Live);
    const auto none = ErrorCode::InvalidArgument;
    QTest::newRow("hex id") << QStringLiteral("#0") << live << QStringLiteral("GitHub") << none;
    QTest::newRow("hex id upper case")
        << QStringLiteral("#1U") << live << QStringLiteral("Gmail") << none;
    QTest::newRow("title exact") << QStringLiteral("GitHub") << live << QStringLiteral("GitHub")
                                 << none;
    QTest::newRow("title lower case")
        << QStringLiteral("github") << live << QStringLiteral("GitHub") << none;
    QTest::newRow("title upper case")
        << QStringLiteral("GMAIL") << live << QStringLiteral("Gmail") << none;
    QTest::newRow("title with spaces")
        << QStringLiteral("  Gmail ") << live << QStringLiteral("Gmail") << none;
    QTest::newRow("title non-ASCII case")
        << QStringLiteral("CAFÉ") << live << QStringLiteral("Café") << none;
    QTest::newRow("title NFD spelling")
        << QStringLiteral("Cafe\u0301") << live << QStringLiteral("Café") << none;
    QTest::newRow("title that looks like an id")
        << QStringLiteral("0123456789abcdef0123456789abcdef") << live
        << QStringLiteral("0123456789abcdef0123456789abcdef") << none;
    QTest::newRow("ambiguous title")
        << QStringLiteral("shared") << live << QString() << ErrorCode::Ambiguous;
    QTest::newRow("unknown title")
        << QStringLiteral("Nope") << live << QString() << ErrorCode::NotFound;
    QTest::newRow("title prefix is not a match")
        << QStringLiteral("Git") << live << QString() << ErrorCode::NotFound;
    QTest::newRow("unknown id") << QStringLiteral("ffffffffffffffffffffffffffffffff") << live
                                << QString() << ErrorCode::NotFound;
    QTest::newRow("trashed by title, live scope")
        << QStringLiteral("Trashed thing") << live << QString() << ErrorCode::NotFound;
    QTest::newRow("trashed by id, live scope")
        << QStringLiteral("#5") << live << QString() << ErrorCode::NotFound;
    QTest::newRow("trashed by title, trash scope")
        << QStringLiteral("trashed THING") << int(Scope::Trashed) << QStringLiteral("Trashed thing")
        << none;
    QTest::newRow("trashed by id, any scope")
        << QStringLiteral("#5") << int(Scope::Any) << QStringLiteral("Trashed thing") << none;
    QTest::newRow("live by title, trash scope")
        << QStringLiteral("GitHub") << int(Scope::Trashed) << QString() << ErrorCode::NotFound;
}

void TestVault::resolve() {
    QFETCH(QString, input);
    QFETCH(int, scope);
    QFETCH(QString, expectedTitle);
    QFETCH(ErrorCode, expectedError);
    const std::vector<EntryId>& ids = m_resolveIds;
    if (input.startsWith(QLatin1Char('#'))) {
        const bool upperCase = input.endsWith(QLatin1Char('U'));
        input = hexId(ids[std::size_t(input.mid(1, 1).toInt())]);
        if (upperCase)
            input = input.toUpper();
    }
    const std::unique_ptr<Vault>& vault = m_resolveVault;
    auto resolved = vault->resolve(input, Scope(scope));
    if (expectedTitle.isEmpty()) {
        QVERIFY2(!resolved.ok(), resolved.ok() ? qPrintable(hexId(*resolved)) : "");
        QCOMPARE(resolved.code(), expectedError);
        if (expectedError == ErrorCode::Ambiguous) {
            // The message lists every candidate, so the user can pick one by id.
            const QString message = resolved.error().message;
            QVERIFY2(message.contains(hexId(ids[3])) && message.contains(hexId(ids[4])),
                     qPrintable(message));
            QVERIFY2(!message.contains(hexId(ids[0])), qPrintable(message));
        }
        return;
    }
    VAULT_VERIFY_OK(resolved);
    const EntryOverview* entry = vault->entry(*resolved);
    QVERIFY(entry);
    QCOMPARE(entry->title.value, expectedTitle);
}

// ---- Trash, restore, purge ----

void TestVault::trashAndRestore() {
    VaultSandbox box;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, addSampleEntries(*vault, 3));
        ids = added;
        VAULT_VERIFY_OK(vault->trash(ids[1]));
        QVERIFY(vault->entry(ids[1])->trashed.value);
        QCOMPARE(vault->entries().size(), std::size_t(3)); // trashed entries are still listed
        QCOMPARE(vault->info().entryCount, 2);
        QCOMPARE(vault->info().trashedCount, 1);
        QCOMPARE(vault->search(sampleTitle(1)).size(), std::size_t(0));
        VAULT_VERIFY_OK(vault->trash(ids[1])); // trashing twice is harmless
        VAULT_VERIFY_OK(vault->publish());
    }
    {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("fresh")));
        QVERIFY(vault->entry(ids[1])->trashed.value);
        QCOMPARE(vault->info().trashedCount, 1);
        QCOMPARE(vault->resolve(sampleTitle(1)).code(), ErrorCode::NotFound);
        VAULT_TAKE(inTrash, vault->resolve(sampleTitle(1), Scope::Trashed));
        QCOMPARE(inTrash, ids[1]);
        // Details of a trashed entry are still there.
        VAULT_TAKE(d, vault->details(ids[1]));
        QCOMPARE(bytesOf(d.password.value), bytesOf(*sampleEntry(1).password));
        VAULT_VERIFY_OK(vault->restore(ids[1]));
        VAULT_VERIFY_OK(vault->publish());
    }
    VAULT_TAKE(vault, box.unlock());
    QVERIFY(!vault->entry(ids[1])->trashed.value);
    QCOMPARE(vault->info().entryCount, 3);
    QCOMPARE(vault->info().trashedCount, 0);
    QCOMPARE(vault->search(sampleTitle(1)).size(), std::size_t(1));
    VAULT_TAKE(resolved, vault->resolve(sampleTitle(1)));
    QCOMPARE(resolved, ids[1]);
}

void TestVault::purgeLeavesTombstone() {
    VaultSandbox box;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, addSampleEntries(*vault, 3));
        ids = added;
        VAULT_VERIFY_OK(vault->attach(ids[0], QStringLiteral("scan.pdf"), secret("%PDF-1.7 ...")));
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("keep.txt"), secret("keep me")));
        VAULT_VERIFY_OK(vault->trash(ids[0]));
        VAULT_VERIFY_OK(vault->purge(ids[0]));
        QVERIFY(vault->entry(ids[0]) == nullptr);
        QCOMPARE(vault->entries().size(), std::size_t(2));
        QCOMPARE(vault->details(ids[0]).code(), ErrorCode::NotFound);
        QCOMPARE(vault->resolve(hexId(ids[0]), Scope::Any).code(), ErrorCode::NotFound);
        QCOMPARE(vault->purge(ids[0]).code(), ErrorCode::NotFound);
        VAULT_VERIFY_OK(vault->purge(ids[2])); // a live entry can be purged too
        VAULT_VERIFY_OK(vault->publish());
    }
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        VAULT_TAKE(vault, box.unlock(device));
        QCOMPARE(vault->entries().size(), std::size_t(1));
        QVERIFY(vault->entry(ids[0]) == nullptr);
        QVERIFY(vault->entry(ids[2]) == nullptr);
        QCOMPARE(vault->resolve(sampleTitle(0), Scope::Any).code(), ErrorCode::NotFound);
        VAULT_TAKE(kept, vault->attachments(ids[1]));
        QCOMPARE(kept.size(), std::size_t(1));
    }
    // In the file: tombstones for both, and no row of the purged entries is left.
    VAULT_TAKE(file, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    for (const EntryId& purged : {ids[0], ids[2]}) {
        QCOMPARE(countRows(file, "SELECT count(*) FROM tombstones WHERE id = ?", purged),
                 qint64(1));
        QCOMPARE(countRows(file, "SELECT count(*) FROM entries WHERE id = ?", purged), qint64(0));
        QCOMPARE(countRows(file, "SELECT count(*) FROM details WHERE id = ?", purged), qint64(0));
        QCOMPARE(countRows(file, "SELECT count(*) FROM attachments WHERE entry = ?", purged),
                 qint64(0));
        QCOMPARE(countRows(file, "SELECT count(*) FROM row_macs WHERE tbl = 4 AND id = ?", purged),
                 qint64(0));
    }
    QCOMPARE(countRows(file, "SELECT count(*) FROM tombstones"), qint64(2));
    QCOMPARE(countRows(file, "SELECT count(*) FROM entries WHERE id = ?", ids[1]), qint64(1));
    QCOMPARE(countRows(file, "SELECT count(*) FROM attachments"), qint64(1));
}

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
