// The vault API (core/vault/Vault.h) end to end on real files: create and unlock, every entry field
// across lock/unlock, search, resolve, trash/restore/purge, attachments, password and KDF changes
// (new epoch and vault key vs. same key), two devices on one vault file, refusing to publish over a
// file that changed, and no plaintext anywhere on disk.

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"
#include "vault/EpochChain.h"
#include "vault/KeyRing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

const QByteArray NewPassword = QByteArrayLiteral("new master password, after a leak");
constexpr qint64 Minute = 60 * 1000;
constexpr int HlcCounterBits = 16; // FORMAT.md: HLC = 48-bit ms << 16 | counter

QByteArray deviceIdOf(const QString& dataDir) {
    auto store = DeviceStore::open(dataDir);
    return store ? store->deviceId() : QByteArray();
}

// The stamp a field got when it was written at nowMs by the device with that id.
bool stampedAt(const Stamp& stamp, qint64 nowMs, const QByteArray& device) {
    return qint64(stamp.hlc >> HlcCounterBits) == nowMs && stamp.device == device;
}

const HistoryItem* findHistory(const EntryDetails& details, const QString& field,
                               const QByteArray& value) {
    for (const HistoryItem& item : details.history)
        if (item.field == field && bytesOf(item.value) == value)
            return &item;
    return nullptr;
}

const CustomField* findField(const EntryDetails& details, const QString& name) {
    for (const CustomField& field : details.fields)
        if (field.name == name)
            return &field;
    return nullptr;
}

QStringList titles(const std::vector<const EntryOverview*>& entries) {
    QStringList out;
    for (const EntryOverview* entry : entries)
        out.append(entry->title.value);
    out.sort();
    return out;
}

// Every encoding of a string that could leak it to disk.
QList<QByteArray> encodingsOf(const QByteArray& utf8) {
    const QString text = QString::fromUtf8(utf8);
    return {utf8,
            QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2)}; // UTF-16LE
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

    void everyFieldRoundTrips();
    void editKeepsHistory();
    void editWithoutChangeWritesNothing();
    void titleRequired();

    void search_data();
    void search();
    void resolve_data();
    void resolve();

    void trashAndRestore();
    void purgeLeavesTombstone();

    void attachments();
    void attachmentSizeLimit();

    void changePassword();
    void changeKdf();
    void changeKdfAfterPasswordChangeKeepsChain();
    void secretKey();

    void secondDeviceSeesSameEntries();
    void publishRefusesFileChangedOnDisk();
    void deletedVaultFileKeepsWorkingCopy();
    void olderEpochFileIsNotAdopted();

    void noPlaintextAtRest();

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

// ---- Entry fields ----

void TestVault::everyFieldRoundTrips() {
    VaultSandbox box;
    const qint64 createdAt = FixtureNowMs + 5 * Minute;
    const qint64 expiry = FixtureNowMs + 400LL * 24 * 3600 * 1000;
    EntryId id;
    {
        VAULT_TAKE(vault, box.create());
        box.clock().set(createdAt);
        EntryChanges c;
        c.title = QStringLiteral("Mail — Ünïcødé 📧");
        c.username = QStringLiteral("jane.doe@example.com");
        c.urls = QStringList{QStringLiteral("https://mail.example.com/login"),
                             QStringLiteral("https://webmail.example.com"),
                             QStringLiteral("imaps://imap.example.com:993")};
        c.tags =
            QStringList{QStringLiteral("email"), QStringLiteral("work"), QStringLiteral("2fa")};
        c.folder = QStringLiteral("Work/Email/Primary");
        c.favourite = true;
        c.expires = expiry;
        c.password = secret(QByteArray("p\xc3\xa4ss w\0rd", 11)); // UTF-8 and a NUL byte
        c.notes = secret("line one\nline two\n\ttabbed");
        c.totp = secret("otpauth://totp/Example:jane?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        c.fields.push_back({QStringLiteral("Recovery code"), secret("ABCD-EFGH-IJKL"), true});
        c.fields.push_back({QStringLiteral("Account number"), secret("DE89 3704 0044"), false});
        c.fields.push_back({QStringLiteral("Empty"), secret(""), false});
        VAULT_TAKE(added, vault->add(std::move(c)));
        id = added;
        QCOMPARE(id.size(), qsizetype(EntryIdBytes));
        VAULT_VERIFY_OK(vault->publish());
    }
    const QByteArray device = deviceIdOf(box.dataDir(QStringLiteral("a")));
    QCOMPARE(device.size(), qsizetype(DeviceIdBytes));

    for (const QString& reader : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        VAULT_TAKE(vault, box.unlock(reader));
        QCOMPARE(vault->entries().size(), std::size_t(1));
        const EntryOverview* o = vault->entry(id);
        QVERIFY(o);
        QCOMPARE(o->id, id);
        QCOMPARE(o->title.value, QStringLiteral("Mail — Ünïcødé 📧"));
        QCOMPARE(o->username.value, QStringLiteral("jane.doe@example.com"));
        QCOMPARE(o->urlList(), (QStringList{QStringLiteral("https://mail.example.com/login"),
                                            QStringLiteral("https://webmail.example.com"),
                                            QStringLiteral("imaps://imap.example.com:993")}));
        QCOMPARE(o->tagList(), (QStringList{QStringLiteral("email"), QStringLiteral("work"),
                                            QStringLiteral("2fa")}));
        QCOMPARE(o->folder.value, QStringLiteral("Work/Email/Primary"));
        QCOMPARE(o->favourite.value, true);
        QCOMPARE(o->expires.value, expiry);
        QCOMPARE(o->trashed.value, false);
        QCOMPARE(o->created, createdAt);
        QCOMPARE(o->modified, createdAt);
        // Every field carries the stamp merging needs: this device, at the time of the change.
        QVERIFY(stampedAt(o->title.stamp, createdAt, device));
        QVERIFY(stampedAt(o->username.stamp, createdAt, device));
        QVERIFY(stampedAt(o->folder.stamp, createdAt, device));
        QVERIFY(stampedAt(o->favourite.stamp, createdAt, device));
        QVERIFY(stampedAt(o->expires.stamp, createdAt, device));
        for (const SetElement& url : o->urls)
            QVERIFY(stampedAt(url.stamp, createdAt, device));

        VAULT_TAKE(d, vault->details(id));
        QCOMPARE(bytesOf(d.password.value), QByteArray("p\xc3\xa4ss w\0rd", 11));
        QCOMPARE(bytesOf(d.notes.value), QByteArray("line one\nline two\n\ttabbed"));
        QCOMPARE(bytesOf(d.totp.value),
                 QByteArray("otpauth://totp/Example:jane?secret=JBSWY3DPEHPK3PXP&issuer=Example"));
        QVERIFY(stampedAt(d.password.stamp, createdAt, device));
        QCOMPARE(d.liveFields().size(), std::size_t(3));
        const CustomField* recovery = findField(d, QStringLiteral("Recovery code"));
        const CustomField* account = findField(d, QStringLiteral("Account number"));
        const CustomField* empty = findField(d, QStringLiteral("Empty"));
        QVERIFY(recovery && account && empty);
        QCOMPARE(bytesOf(recovery->value), QByteArray("ABCD-EFGH-IJKL"));
        QVERIFY(recovery->isProtected);
        QCOMPARE(bytesOf(account->value), QByteArray("DE89 3704 0044"));
        QVERIFY(!account->isProtected);
        QVERIFY(empty->value.empty());
        QVERIFY(d.history.empty()); // a new entry has no previous values
    }
}

void TestVault::editKeepsHistory() {
    VaultSandbox box;
    EntryId id;
    const qint64 editedAt = FixtureNowMs + 90 * Minute;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, vault->add(sampleEntry(0))); // index 0: PIN, two URLs, expiry
        id = added;
        VAULT_VERIFY_OK(vault->publish());
        box.clock().set(editedAt);
        EntryChanges c;
        c.title = QStringLiteral("GitHub (new account)");
        c.username = QStringLiteral("octocat");
        c.urls = QStringList{QStringLiteral("https://github.com/login"),
                             QStringLiteral("https://github.com/sessions/two-factor")};
        c.tags = QStringList{QStringLiteral("dev"), QStringLiteral("2fa")};
        c.folder = QStringLiteral("Work/Code/GitHub");
        c.favourite = false;
        c.expires = 0;
        c.password = secret("the new password");
        c.notes = secret("new notes");
        c.totp = secret("JBSWY3DPEHPK3PXP");
        c.fields.push_back({QStringLiteral("PIN"), secret("9999"), true});
        c.fields.push_back({QStringLiteral("Customer number"), std::nullopt, false}); // remove
        c.fields.push_back({QStringLiteral("Backup email"), secret("backup@example.com"), false});
        VAULT_VERIFY_OK(vault->edit(id, std::move(c)));
        VAULT_VERIFY_OK(vault->publish());
    }
    const EntryChanges original = sampleEntry(0);
    const QByteArray device = deviceIdOf(box.dataDir(QStringLiteral("a")));
    VAULT_TAKE(vault, box.unlock(QStringLiteral("fresh")));
    const EntryOverview* o = vault->entry(id);
    QVERIFY(o);
    QCOMPARE(o->title.value, QStringLiteral("GitHub (new account)"));
    QCOMPARE(o->username.value, QStringLiteral("octocat"));
    QCOMPARE(o->urlList(), (QStringList{QStringLiteral("https://github.com/login"),
                                        QStringLiteral("https://github.com/sessions/two-factor")}));
    QCOMPARE(o->tagList(), (QStringList{QStringLiteral("dev"), QStringLiteral("2fa")}));
    // The dropped URL and tag are kept as removed elements (for merging), stamped at the edit.
    const auto removedUrl =
        std::find_if(o->urls.begin(), o->urls.end(), [](const SetElement& e) { return e.removed; });
    QVERIFY(removedUrl != o->urls.end());
    QCOMPARE(removedUrl->value, original.urls->at(1));
    QVERIFY(stampedAt(removedUrl->stamp, editedAt, device));
    QCOMPARE(o->folder.value, QStringLiteral("Work/Code/GitHub"));
    QCOMPARE(o->favourite.value, false);
    QCOMPARE(o->expires.value, qint64(0));
    QCOMPARE(o->created, FixtureNowMs);
    QCOMPARE(o->modified, editedAt);
    QVERIFY(stampedAt(o->title.stamp, editedAt, device));

    VAULT_TAKE(d, vault->details(id));
    QCOMPARE(bytesOf(d.password.value), QByteArray("the new password"));
    QCOMPARE(bytesOf(d.notes.value), QByteArray("new notes"));
    QCOMPARE(bytesOf(d.totp.value), QByteArray("JBSWY3DPEHPK3PXP"));
    QVERIFY(stampedAt(d.password.stamp, editedAt, device));
    // Every replaced value is in the history, the old password above all.
    const QByteArray oldPassword = bytesOf(*original.password);
    const HistoryItem* oldPw = findHistory(d, QStringLiteral("password"), oldPassword);
    QVERIFY2(oldPw, "the old password is not in the entry's history");
    QVERIFY(stampedAt(oldPw->stamp, editedAt, device));
    QVERIFY(findHistory(d, QStringLiteral("title"), original.title->toUtf8()));
    QVERIFY(findHistory(d, QStringLiteral("username"), original.username->toUtf8()));
    QVERIFY(findHistory(d, QStringLiteral("folder"), original.folder->toUtf8()));
    QVERIFY(findHistory(d, QStringLiteral("notes"), bytesOf(*original.notes)));
    QVERIFY(findHistory(d, QStringLiteral("PIN"), bytesOf(*original.fields[1].value)));
    QVERIFY(findHistory(d, QStringLiteral("Customer number"), bytesOf(*original.fields[0].value)));
    // Custom fields: changed, removed (kept with a flag), added.
    const CustomField* pin = findField(d, QStringLiteral("PIN"));
    QVERIFY(pin && !pin->removed && pin->isProtected);
    QCOMPARE(bytesOf(pin->value), QByteArray("9999"));
    const CustomField* removed = findField(d, QStringLiteral("Customer number"));
    QVERIFY(removed && removed->removed);
    QVERIFY(stampedAt(removed->stamp, editedAt, device));
    QVERIFY(removed->value.empty());
    const CustomField* added = findField(d, QStringLiteral("Backup email"));
    QVERIFY(added && !added->isProtected);
    QCOMPARE(bytesOf(added->value), QByteArray("backup@example.com"));
    QCOMPARE(d.liveFields().size(), std::size_t(2));

    // A second password change keeps both old passwords.
    box.clock().advance(Minute);
    EntryChanges again;
    again.password = secret("third password");
    VAULT_VERIFY_OK(vault->edit(id, std::move(again)));
    VAULT_TAKE(d2, vault->details(id));
    QVERIFY(findHistory(d2, QStringLiteral("password"), oldPassword));
    QVERIFY(findHistory(d2, QStringLiteral("password"), QByteArray("the new password")));
}

void TestVault::editWithoutChangeWritesNothing() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_TAKE(id, vault->add(sampleEntry(4)));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray working = readFile(vault->info().workingCopy);
    box.clock().advance(Minute);
    VAULT_VERIFY_OK(vault->edit(id, sampleEntry(4))); // the very same values
    QCOMPARE(vault->entry(id)->modified, FixtureNowMs);
    QVERIFY(!vault->info().unpublishedChanges);
    QCOMPARE(readFile(vault->info().workingCopy), working);
    VAULT_TAKE(d, vault->details(id));
    QVERIFY(d.history.empty());
}

void TestVault::titleRequired() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    EntryChanges noTitle;
    noTitle.username = QStringLiteral("someone");
    QCOMPARE(vault->add(std::move(noTitle)).code(), ErrorCode::InvalidArgument);
    EntryChanges blank = sampleEntry(5);
    blank.title = QStringLiteral("  \t ");
    QCOMPARE(vault->add(std::move(blank)).code(), ErrorCode::InvalidArgument);
    VAULT_TAKE(id, vault->add(sampleEntry(5)));
    EntryChanges clear;
    clear.title = QString();
    QCOMPARE(vault->edit(id, std::move(clear)).code(), ErrorCode::InvalidArgument);
    QCOMPARE(vault->entry(id)->title.value, sampleTitle(5));
    QCOMPARE(vault->edit(QByteArray(16, 'x'), sampleEntry(6)).code(), ErrorCode::NotFound);
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

// ---- Attachments ----

void TestVault::attachments() {
    VaultSandbox box;
    QByteArray binary(70000, '\0'); // spans overflow pages; every byte value
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = char(i * 131 % 256);
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, addSampleEntries(*vault, 2));
        ids = added;
        box.clock().set(FixtureNowMs + Minute);
        VAULT_TAKE(info, vault->attach(ids[0], QStringLiteral("passport.jpg"), secret(binary)));
        QCOMPARE(info.name, QStringLiteral("passport.jpg"));
        QCOMPARE(info.size, qint64(binary.size()));
        QCOMPARE(info.added, FixtureNowMs + Minute);
        QCOMPARE(info.entry, ids[0]);
        VAULT_VERIFY_OK(
            vault->attach(ids[0], QStringLiteral("recovery codes.txt"), secret("1234-5678\n")));
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("passport.jpg"), secret("other")));
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("empty"), secret("")));
        VAULT_VERIFY_OK(vault->publish());
    }
    {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("fresh")));
        VAULT_TAKE(list, vault->attachments(ids[0]));
        QCOMPARE(list.size(), std::size_t(2));
        VAULT_TAKE(content, vault->attachmentContent(ids[0], QStringLiteral("passport.jpg")));
        QCOMPARE(bytesOf(content), binary);
        VAULT_TAKE(codes, vault->attachmentContent(ids[0], QStringLiteral("recovery codes.txt")));
        QCOMPARE(bytesOf(codes), QByteArray("1234-5678\n"));
        VAULT_TAKE(other, vault->attachmentContent(ids[1], QStringLiteral("passport.jpg")));
        QCOMPARE(bytesOf(other), QByteArray("other"));
        VAULT_TAKE(empty, vault->attachmentContent(ids[1], QStringLiteral("empty")));
        QVERIFY(empty.empty());
        QCOMPARE(vault->attachmentContent(ids[0], QStringLiteral("nope")).code(),
                 ErrorCode::NotFound);
        QCOMPARE(vault->attachmentContent(ids[0], QStringLiteral("PASSPORT.JPG")).code(),
                 ErrorCode::NotFound);

        // Same name: replaced, not added.
        VAULT_VERIFY_OK(
            vault->attach(ids[0], QStringLiteral("passport.jpg"), secret("a new scan")));
        VAULT_TAKE(after, vault->attachments(ids[0]));
        QCOMPARE(after.size(), std::size_t(2));
        VAULT_TAKE(replaced, vault->attachmentContent(ids[0], QStringLiteral("passport.jpg")));
        QCOMPARE(bytesOf(replaced), QByteArray("a new scan"));
        // Detach one; the other entry's attachment of the same name stays.
        VAULT_VERIFY_OK(vault->detach(ids[0], QStringLiteral("recovery codes.txt")));
        QCOMPARE(vault->detach(ids[0], QStringLiteral("recovery codes.txt")).code(),
                 ErrorCode::NotFound);
        QCOMPARE(vault->attach(QByteArray(16, 'z'), QStringLiteral("x"), secret("x")).code(),
                 ErrorCode::NotFound);
        QCOMPARE(vault->attach(ids[0], QStringLiteral("  "), secret("x")).code(),
                 ErrorCode::InvalidArgument);
        VAULT_VERIFY_OK(vault->publish());
    }
    VAULT_TAKE(vault, box.unlock());
    VAULT_TAKE(list, vault->attachments(ids[0]));
    QCOMPARE(list.size(), std::size_t(1));
    QCOMPARE(list[0].name, QStringLiteral("passport.jpg"));
    QCOMPARE(list[0].size, qint64(10));
    VAULT_TAKE(content, vault->attachmentContent(ids[0], QStringLiteral("passport.jpg")));
    QCOMPARE(bytesOf(content), QByteArray("a new scan"));
    VAULT_TAKE(other, vault->attachmentContent(ids[1], QStringLiteral("passport.jpg")));
    QCOMPARE(bytesOf(other), QByteArray("other"));
    VAULT_TAKE(file, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    QCOMPARE(countRows(file, "SELECT count(*) FROM attachments"), qint64(3));
}

void TestVault::attachmentSizeLimit() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_TAKE(id, vault->add(sampleEntry(0)));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray before = readFile(vault->info().workingCopy);
    {
        SecureBuffer tooLarge{std::size_t(MaxAttachmentBytes) + 1};
        auto refused = vault->attach(id, QStringLiteral("huge.iso"), tooLarge);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.code(), ErrorCode::TooLarge);
        QVERIFY2(refused.error().message.contains(QStringLiteral("huge.iso")),
                 qPrintable(refused.error().message));
    }
    QCOMPARE(readFile(vault->info().workingCopy), before);
    VAULT_TAKE(none, vault->attachments(id));
    QVERIFY(none.empty());
    // Exactly the limit is accepted and round-trips.
    SecureBuffer atLimit{std::size_t(MaxAttachmentBytes)};
    for (std::size_t i = 0; i < atLimit.size(); i += 4096)
        atLimit.data()[i] = static_cast<unsigned char>(i / 4096);
    const QByteArray expectedHash = hash(bytesOf(atLimit));
    VAULT_VERIFY_OK(vault->attach(id, QStringLiteral("limit.bin"), atLimit));
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    VAULT_TAKE(again, box.unlock(QStringLiteral("fresh")));
    VAULT_TAKE(content, again->attachmentContent(id, QStringLiteral("limit.bin")));
    QCOMPARE(qint64(content.size()), MaxAttachmentBytes);
    QCOMPARE(hash(bytesOf(content)), expectedHash);
}

// ---- Password and KDF changes ----

void TestVault::changePassword() {
    VaultSandbox box;
    QByteArray before;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_TAKE(added, addSampleEntries(*vault, 6));
        ids = added;
        EntryChanges edit;
        edit.password = secret("edited password"); // gives the entry a history
        VAULT_VERIFY_OK(vault->edit(ids[0], std::move(edit)));
        VAULT_VERIFY_OK(vault->attach(ids[1], QStringLiteral("a.txt"), secret("attached")));
        VAULT_VERIFY_OK(vault->trash(ids[2]));
        VAULT_VERIFY_OK(vault->purge(ids[3]));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        before = dump;
    }
    // Device b knows the vault at epoch 0.
    { VAULT_TAKE(b, box.unlock(QStringLiteral("b"))); }

    VAULT_TAKE(epoch0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(epoch0.keys.vaultKey);
    const QByteArray header0 = epoch0.header.bytes();
    const QByteArray vaultId = epoch0.vaultId;
    QCOMPARE(epoch0.epoch, quint64(0));
    epoch0.db.close();

    {
        VAULT_TAKE(vault, box.unlock());
        VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
        QCOMPARE(vault->info().keyEpoch, 1u);
        QVERIFY(vault->info().unpublishedChanges);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, before);
        VAULT_VERIFY_OK(vault->publish());
    }
    const QByteArray header1 = readFile(box.vaultPath()).left(qsizetype(HeaderBytes));
    QVERIFY(header1.mid(4) != header0.mid(4)); // a new header: fresh random bytes

    // The old password opens nothing any more, on any device; the new one opens everything.
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        auto old = box.unlock(device, VaultSandbox::MasterPassword);
        QVERIFY2(!old.ok(), qPrintable(device));
        QCOMPARE(old.code(), ErrorCode::WrongPassword);
        VAULT_TAKE(vault, box.unlock(device, NewPassword));
        QCOMPARE(vault->info().keyEpoch, 1u);
        QCOMPARE(vault->info().id, vaultId);
        VAULT_TAKE(dump, dumpVault(*vault));
        QCOMPARE(dump, before);
    }
    auto oldOnWorkingCopy =
        openVaultRaw(box.workingCopy(), VaultSandbox::MasterPassword, Trust::Foreign);
    QCOMPARE(oldOnWorkingCopy.code(), ErrorCode::WrongPassword);
    {
        // The working copy holds the same new vault key as the published file.
        VAULT_TAKE(working, openVaultRaw(box.workingCopy(), NewPassword, Trust::Foreign));
        QCOMPARE(working.epoch, quint64(1));
        QVERIFY(hashKey(working.keys.vaultKey) != keyHash0);
        VAULT_TAKE(published, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
        QCOMPARE(hashKey(working.keys.vaultKey), hashKey(published.keys.vaultKey));
    }

    // A new vault key, and a chain that leads back from it to the original one.
    VAULT_TAKE(epoch1, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
    QCOMPARE(epoch1.epoch, quint64(1));
    QCOMPARE(epoch1.vaultId, vaultId);
    QCOMPARE(epoch1.header.bytes(), header1);
    const QByteArray keyHash1 = hashKey(epoch1.keys.vaultKey);
    QVERIFY(keyHash1 != keyHash0);
    QCOMPARE(epoch1.epochs.size(), std::size_t(2));
    QCOMPARE(epoch1.epochs[0].header, header0);
    QCOMPARE(epoch1.epochs[0].keyHash, keyHash0);
    QCOMPARE(epoch1.epochs[1].keyHash, keyHash1);
    VAULT_TAKE(original, walkBack(epoch1.epochs, vaultId, epoch1.keys.vaultKey, 0));
    QCOMPARE(hashKey(original), keyHash0);
    VAULT_TAKE(same, walkBack(epoch1.epochs, vaultId, epoch1.keys.vaultKey, 1));
    QCOMPARE(hashKey(same), keyHash1);
    // The chain is bound to the vault id and starts at the real current key.
    QCOMPARE(walkBack(epoch1.epochs, QByteArray(16, '\0'), epoch1.keys.vaultKey, 0).code(),
             ErrorCode::Tampered);
    QCOMPARE(walkBack(epoch1.epochs, vaultId, randomKey(), 0).code(), ErrorCode::Tampered);
    epoch1.db.close();

    // The previous published file was kept as a backup, still under the old password: someone
    // who knows the old password can read copies from that time, and nothing newer.
    bool oldBackupOpens = false;
    for (const QString& backup : filesUnder(box.backupDir())) {
        auto opened = openVaultRaw(backup, VaultSandbox::MasterPassword, Trust::Foreign);
        if (opened)
            oldBackupOpens = opened->epoch == 0;
    }
    QVERIFY(oldBackupOpens);

    // A second change: epoch 2, and the chain still reaches epochs 1 and 0.
    const QByteArray third = QByteArrayLiteral("third password");
    {
        VAULT_TAKE(vault, box.unlock(QStringLiteral("a"), NewPassword));
        VAULT_VERIFY_OK(vault->changePassword(secret(third), KdfParams{2, 14}));
        VAULT_VERIFY_OK(vault->publish());
        QCOMPARE(vault->info().keyEpoch, 2u);
        QCOMPARE(vault->info().kdf, (KdfParams{2, 14}));
    }
    VAULT_TAKE(epoch2, openVaultRaw(box.vaultPath(), third, Trust::Foreign));
    QCOMPARE(epoch2.epochs.size(), std::size_t(3));
    VAULT_TAKE(back0, walkBack(epoch2.epochs, vaultId, epoch2.keys.vaultKey, 0));
    QCOMPARE(hashKey(back0), keyHash0);
    VAULT_TAKE(back1, walkBack(epoch2.epochs, vaultId, epoch2.keys.vaultKey, 1));
    QCOMPARE(hashKey(back1), keyHash1);
    VAULT_TAKE(vault, box.unlock(QStringLiteral("b"), third));
    VAULT_TAKE(dump, dumpVault(*vault));
    QCOMPARE(dump, before);
}

void TestVault::changeKdf() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 4));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(before, dumpVault(*vault));
    const QByteArray published = readFile(box.vaultPath());
    VAULT_TAKE(raw0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(raw0.keys.vaultKey);
    const QByteArray header0 = raw0.header.bytes();
    raw0.db.close();

    // The current password is required.
    const KdfParams stronger{2, 14};
    const Status wrong = vault->changeKdf(secret("not the password"), stronger);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.code(), ErrorCode::WrongPassword);
    QCOMPARE(vault->info().kdf, FastKdf);
    QVERIFY(!vault->info().unpublishedChanges);
    QCOMPARE(readFile(box.vaultPath()), published);

    VAULT_VERIFY_OK(vault->changeKdf(secret(VaultSandbox::MasterPassword), stronger));
    QCOMPARE(vault->info().kdf, stronger);
    QCOMPARE(vault->info().keyEpoch, 0u);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();

    const QByteArray header1 = readFile(box.vaultPath()).left(qsizetype(HeaderBytes));
    QCOMPARE(quint8(header1[2]), quint8(2));
    QCOMPARE(quint8(header1[3]), quint8(14));
    QVERIFY(header1.mid(4) != header0.mid(4));
    VAULT_TAKE(raw1, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    QCOMPARE(raw1.epoch, quint64(0));
    QCOMPARE(hashKey(raw1.keys.vaultKey), keyHash0); // same vault key
    QCOMPARE(raw1.epochs.size(), std::size_t(1));
    QCOMPARE(raw1.epochs[0].header, header1);
    raw1.db.close();

    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        VAULT_TAKE(again, box.unlock(device));
        QCOMPARE(again->info().kdf, stronger);
        VAULT_TAKE(dump, dumpVault(*again));
        QCOMPARE(dump, before);
    }
}

void TestVault::changeKdfAfterPasswordChangeKeepsChain() {
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
    VAULT_VERIFY_OK(vault->publish());
    VAULT_TAKE(raw0, openVaultRaw(box.vaultPath(), VaultSandbox::MasterPassword, Trust::Foreign));
    const QByteArray keyHash0 = hashKey(raw0.keys.vaultKey);
    raw0.db.close();
    VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
    VAULT_VERIFY_OK(vault->changeKdf(secret(NewPassword), KdfParams{3, 13}));
    QCOMPARE(vault->info().keyEpoch, 1u);
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();
    VAULT_TAKE(raw, openVaultRaw(box.vaultPath(), NewPassword, Trust::Foreign));
    QCOMPARE(raw.epoch, quint64(1));
    QCOMPARE(raw.header.kdf, (KdfParams{3, 13}));
    QCOMPARE(raw.epochs.back().header, raw.header.bytes());
    VAULT_TAKE(back, walkBack(raw.epochs, raw.vaultId, raw.keys.vaultKey, 0));
    QCOMPARE(hashKey(back), keyHash0);
    raw.db.close();
    VAULT_TAKE(again, box.unlock(QStringLiteral("fresh"), NewPassword));
    QCOMPARE(again->entries().size(), std::size_t(2));
}

void TestVault::secretKey() {
    VaultSandbox box;
    const SecureBuffer key = secret(QByteArray(32, '\x5c'));
    const SecureBuffer otherKey = secret(QByteArray(32, '\x5d'));
    {
        Vault::CreateOptions options;
        options.name = VaultSandbox::VaultName;
        options.kdf = FastKdf;
        options.secretKey = &key;
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        QVERIFY(vault->info().requiresSecretKey);
        VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(FlagSecretKey));
    const auto unlockWith = [&](const QString& device, const SecureBuffer* secretKey) {
        return Vault::unlock(box.device(device), box.vaultPath(),
                             secret(VaultSandbox::MasterPassword), secretKey);
    };
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("fresh")}) {
        QCOMPARE(unlockWith(device, nullptr).code(), ErrorCode::WrongPassword);
        QCOMPARE(unlockWith(device, &otherKey).code(), ErrorCode::WrongPassword);
        VAULT_TAKE(vault, unlockWith(device, &key));
        QCOMPARE(vault->entries().size(), std::size_t(2));
    }
    // Dropping the secret key is a password change: new epoch, no flag, the key no longer needed.
    {
        VAULT_TAKE(vault, unlockWith(QStringLiteral("a"), &key));
        VAULT_VERIFY_OK(vault->changePassword(secret(VaultSandbox::MasterPassword), FastKdf));
        QVERIFY(!vault->info().requiresSecretKey);
        QCOMPARE(vault->info().keyEpoch, 1u);
        VAULT_VERIFY_OK(vault->publish());
    }
    QCOMPARE(quint8(readFile(box.vaultPath())[1]), quint8(0));
    VAULT_TAKE(vault, unlockWith(QStringLiteral("other"), nullptr));
    QCOMPARE(vault->entries().size(), std::size_t(2));
}

// ---- Devices and publishing ----

void TestVault::secondDeviceSeesSameEntries() {
    VaultSandbox box;
    VAULT_TAKE(a, box.create());
    VAULT_TAKE(ids, addSampleEntries(*a, 8));
    VAULT_VERIFY_OK(a->attach(ids[3], QStringLiteral("doc.pdf"), secret("%PDF")));
    VAULT_VERIFY_OK(a->trash(ids[5]));
    VAULT_VERIFY_OK(a->publish());
    VAULT_TAKE(dumpA, dumpVault(*a));

    VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
    VAULT_TAKE(dumpB, dumpVault(*b));
    QCOMPARE(dumpB, dumpA);
    QCOMPARE(b->info().id, a->info().id);
    QVERIFY(b->info().workingCopy != a->info().workingCopy);
    QVERIFY(deviceIdOf(box.dataDir(QStringLiteral("a"))) !=
            deviceIdOf(box.dataDir(QStringLiteral("b"))));

    // b edits and publishes; a, which has nothing unpublished, picks it up at its next unlock.
    box.clock().advance(Minute);
    EntryChanges change;
    change.username = QStringLiteral("changed-on-b");
    VAULT_VERIFY_OK(b->edit(ids[0], std::move(change)));
    VAULT_VERIFY_OK(b->publish());
    const QByteArray deviceB = deviceIdOf(box.dataDir(QStringLiteral("b")));
    QVERIFY(stampedAt(b->entry(ids[0])->username.stamp, FixtureNowMs + Minute, deviceB));
    VAULT_TAKE(dumpB2, dumpVault(*b));
    a->lock();
    VAULT_TAKE(a2, box.unlock());
    QCOMPARE(a2->entry(ids[0])->username.value, QStringLiteral("changed-on-b"));
    VAULT_TAKE(dumpA2, dumpVault(*a2));
    QCOMPARE(dumpA2, dumpB2);
}

void TestVault::publishRefusesFileChangedOnDisk() {
    VaultSandbox box;
    std::vector<EntryId> ids;
    {
        VAULT_TAKE(a, box.create());
        VAULT_TAKE(added, addSampleEntries(*a, 3));
        ids = added;
        VAULT_VERIFY_OK(a->publish());
    }
    VAULT_TAKE(a, box.unlock(QStringLiteral("a")));
    VAULT_TAKE(b, box.unlock(QStringLiteral("b"))); // b loads the same version

    EntryChanges onA;
    onA.title = QStringLiteral("edited on A");
    VAULT_VERIFY_OK(a->edit(ids[0], std::move(onA)));
    VAULT_VERIFY_OK(a->publish());
    const QByteArray published = readFile(box.vaultPath());

    EntryChanges onB;
    onB.title = QStringLiteral("edited on B");
    VAULT_VERIFY_OK(b->edit(ids[1], std::move(onB))); // the working copy only
    QVERIFY(b->info().unpublishedChanges);
    const Status refused = b->publish();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.code(), ErrorCode::ChangedOnDisk);
    QCOMPARE(readFile(box.vaultPath()), published); // the same bytes: nothing overwritten
    QVERIFY(b->info().unpublishedChanges);

    // Unlocking again on b refuses too, rather than dropping b's change or a's.
    b->lock();
    auto reopened = box.unlock(QStringLiteral("b"));
    QVERIFY(!reopened.ok());
    QCOMPARE(reopened.code(), ErrorCode::ChangedOnDisk);
    QCOMPARE(readFile(box.vaultPath()), published);
    // b's change is safe in its working copy.
    VAULT_TAKE(working, openVaultRaw(box.workingCopy(QStringLiteral("b")),
                                     VaultSandbox::MasterPassword, Trust::Foreign));
    VAULT_TAKE(overview, readOverviewRaw(working, ids[1]));
    QCOMPARE(overview.title.value, QStringLiteral("edited on B"));
    working.db.close();
    // a's view is a's change only.
    a->lock();
    VAULT_TAKE(a2, box.unlock(QStringLiteral("fresh")));
    QCOMPARE(a2->entry(ids[0])->title.value, QStringLiteral("edited on A"));
    QCOMPARE(a2->entry(ids[1])->title.value, sampleTitle(1));
}

void TestVault::deletedVaultFileKeepsWorkingCopy() {
    VaultSandbox box;
    QByteArray before;
    {
        VAULT_TAKE(vault, box.create());
        VAULT_VERIFY_OK(addSampleEntries(*vault, 3));
        VAULT_VERIFY_OK(vault->publish());
        VAULT_TAKE(dump, dumpVault(*vault));
        before = dump;
    }
    QVERIFY(QFile::remove(box.vaultPath()));
    VAULT_TAKE(vault, box.unlock());
    VAULT_TAKE(dump, dumpVault(*vault));
    QCOMPARE(dump, before);
    QVERIFY(vault->info().unpublishedChanges);
    VAULT_VERIFY_OK(vault->publish());
    QVERIFY(QFileInfo::exists(box.vaultPath()));
    VAULT_TAKE(fresh, box.unlock(QStringLiteral("fresh")));
    VAULT_TAKE(freshDump, dumpVault(*fresh));
    QCOMPARE(freshDump, before);
}

void TestVault::olderEpochFileIsNotAdopted() {
    // DESIGN.md "Key epochs": a device never moves to a lower epoch; a copy made under an older
    // password is merged only if the user asks for it explicitly. Someone who knows the old
    // password and puts an epoch-0 file in the cloud folder must not get it accepted silently.
    VaultSandbox box;
    VAULT_TAKE(vault, box.create());
    VAULT_VERIFY_OK(addSampleEntries(*vault, 2));
    VAULT_VERIFY_OK(vault->publish());
    const QByteArray epoch0File = readFile(box.vaultPath());
    VAULT_VERIFY_OK(vault->changePassword(secret(NewPassword), FastKdf));
    VAULT_VERIFY_OK(vault->publish());
    vault->lock();

    QVERIFY(writeFile(box.vaultPath(), epoch0File));
    auto rolledBack = box.unlock(QStringLiteral("a"), VaultSandbox::MasterPassword);
    QVERIFY2(!rolledBack.ok(),
             "a device at epoch 1 silently adopted an epoch-0 file opened with the old password");
    VAULT_TAKE(working, openVaultRaw(box.workingCopy(), NewPassword, Trust::Foreign));
    QCOMPARE(working.epoch, quint64(1));
}

// ---- Nothing readable on disk ----

void TestVault::noPlaintextAtRest() {
    const QList<QByteArray> secrets{
        QByteArrayLiteral("Zanzibar-Quokka-Title-7741"),
        QByteArrayLiteral("quokka.user.5521@zanzibar.example"),
        QByteArrayLiteral("Pw-Marmalade-Quasar-9138!"),
        QByteArrayLiteral("Pw-Nebula-Tangerine-3317"),
        QByteArrayLiteral("Notes under the old lighthouse 4412"),
        QByteArrayLiteral("Edited notes of the lighthouse 9921"),
        QByteArrayLiteral("FieldValue-Xylophone-2290"),
        QByteArrayLiteral("Protected-Vermilion-6603"),
        QByteArrayLiteral("Field-Name-Gazebo-3390"),
        QByteArrayLiteral("quokka-login.zanzibar.example"),
        QByteArrayLiteral("tag-periwinkle-8876"),
        QByteArrayLiteral("Folder-Obsidian-1187"),
        QByteArrayLiteral("JBSWY3DPQUOKKA77"),
        QByteArrayLiteral("passport-scan-quokka.pdf"),
        QByteArrayLiteral("ATTACHMENT-CONTENT-OCELOT-4456"),
        QByteArrayLiteral("Vault-Name-Heliotrope"),
        QByteArrayLiteral("Ünïcødé-Ŧitle-Ωmega-5150"),
        VaultSandbox::MasterPassword,
    };
    // The scanner finds what it looks for (so that zero hits below means something).
    {
        QByteArray planted = "xx";
        for (const QByteArray& encoded : encodingsOf(secrets.last()))
            planted += encoded;
        int found = 0;
        for (const QByteArray& encoded : encodingsOf(secrets.last()))
            found += planted.contains(encoded) ? 1 : 0;
        QCOMPARE(found, 2);
    }

    VaultSandbox box;
    {
        Vault::CreateOptions options;
        options.name = QString::fromUtf8(secrets[15]);
        options.kdf = FastKdf;
        VAULT_TAKE(vault, Vault::create(box.device(), box.vaultPath(),
                                        secret(VaultSandbox::MasterPassword), options));
        VAULT_VERIFY_OK(addSampleEntries(*vault, 5));
        EntryChanges c;
        c.title = QString::fromUtf8(secrets[0]);
        c.username = QString::fromUtf8(secrets[1]);
        c.password = secret(secrets[2]);
        c.notes = secret(secrets[4]);
        c.fields.push_back({QStringLiteral("Plain"), secret(secrets[6]), false});
        c.fields.push_back({QString::fromUtf8(secrets[8]), secret(secrets[7]), true});
        c.urls = QStringList{QStringLiteral("https://") + QString::fromUtf8(secrets[9])};
        c.tags = QStringList{QString::fromUtf8(secrets[10])};
        c.folder = QString::fromUtf8(secrets[11]);
        c.totp = secret(secrets[12]);
        VAULT_TAKE(id, vault->add(std::move(c)));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        EntryChanges edit; // the old password and notes go into the history
        edit.password = secret(secrets[3]);
        edit.notes = secret(secrets[5]);
        VAULT_VERIFY_OK(vault->edit(id, std::move(edit)));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        VAULT_VERIFY_OK(vault->attach(id, QString::fromUtf8(secrets[13]), secret(secrets[14])));
        VAULT_VERIFY_OK(vault->publish());
        box.clock().advance(Minute);
        EntryChanges retitle;
        retitle.title = QString::fromUtf8(secrets[16]);
        VAULT_VERIFY_OK(vault->edit(id, std::move(retitle)));
        VAULT_VERIFY_OK(vault->publish());
        // Everything really is in the vault (the scan below is not vacuous).
        VAULT_TAKE(d, vault->details(id));
        QVERIFY(findHistory(d, QStringLiteral("password"), secrets[2]));
    }
    {
        // Another device too, and a password change (a re-keyed file).
        VAULT_TAKE(b, box.unlock(QStringLiteral("b")));
        VAULT_VERIFY_OK(b->changePassword(secret(VaultSandbox::MasterPassword), FastKdf));
        VAULT_VERIFY_OK(b->publish());
    }

    QStringList files = filesUnder(box.cloudDir());
    files += filesUnder(box.dataDir(QStringLiteral("a")));
    files += filesUnder(box.dataDir(QStringLiteral("b")));
    QVERIFY(files.contains(box.vaultPath()));
    QVERIFY(files.contains(box.workingCopy(QStringLiteral("a"))));
    QVERIFY(files.contains(box.workingCopy(QStringLiteral("b"))));
    const QStringList backups = filesUnder(box.backupDir(QStringLiteral("a")));
    QVERIFY2(backups.size() >= 3, qPrintable(backups.join(QLatin1Char(' '))));
    QStringList hits;
    for (const QString& file : files) {
        const QByteArray bytes = readFile(file);
        for (const QByteArray& s : secrets)
            for (const QByteArray& encoded : encodingsOf(s))
                if (bytes.contains(encoded))
                    hits.append(file + QStringLiteral(": ") + QString::fromUtf8(s));
    }
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
