// Entries (core/vault/Vault.h) end to end on real files: every field across lock/unlock and on a
// device that has never seen the vault, with the stamps merging needs; edits and the history they
// keep; attachments, replaced and detached, up to the size limit.

#include "VaultFixture.h"

#include "crypto/Crypto.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

const CustomField* findField(const EntryDetails& details, const QString& name) {
    for (const CustomField& field : details.fields)
        if (field.name == name)
            return &field;
    return nullptr;
}

} // namespace

class TestEntries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void everyFieldRoundTrips();
    void editKeepsHistory();
    void editWithoutChangeWritesNothing();
    void titleRequired();

    void attachments();
    void attachmentSizeLimit();
};

void TestEntries::initTestCase() {
    QVERIFY(initializeCrypto().ok());
}

// ---- Entry fields ----

void TestEntries::everyFieldRoundTrips() {
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

void TestEntries::editKeepsHistory() {
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
    // A history item keeps the stamp its value was written at (the same item on every replica).
    QVERIFY(stampedAt(oldPw->stamp, FixtureNowMs, device));
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

void TestEntries::editWithoutChangeWritesNothing() {
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

void TestEntries::titleRequired() {
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

// ---- Attachments ----

void TestEntries::attachments() {
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

void TestEntries::attachmentSizeLimit() {
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

QTEST_GUILESS_MAIN(TestEntries)
#include "tst_entries.moc"
