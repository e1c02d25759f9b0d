// Merging two replicas of one vault (Vault::merge, core/sync/Merge.h), field by field on real
// files: concurrent edits of different fields both survive, one field is last-writer-wins with the
// loser in the history, URL/tag additions and removals, trash versus edit, purge beats everything
// for good, attachments, the vault name. Every case checks that both replicas converge.

#include "MergeFixture.h"

#include "crypto/Crypto.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr qint64 T1 = FixtureNowMs + 10 * Minute;
constexpr qint64 T2 = FixtureNowMs + 20 * Minute;
constexpr qint64 T3 = FixtureNowMs + 30 * Minute;

EntryChanges changeOf(const QString& field, const QByteArray& value) {
    EntryChanges c;
    const QString text = QString::fromUtf8(value);
    if (field == QLatin1String("title"))
        c.title = text;
    else if (field == QLatin1String("username"))
        c.username = text;
    else if (field == QLatin1String("folder"))
        c.folder = text;
    else if (field == QLatin1String("password"))
        c.password = secret(value);
    else if (field == QLatin1String("notes"))
        c.notes = secret(value);
    else if (field == QLatin1String("totp"))
        c.totp = secret(value);
    else
        c.fields.push_back({field, secret(value), false});
    return c;
}

QByteArray valueOf(Vault& vault, const EntryId& id, const QString& field) {
    const EntryOverview* o = vault.entry(id);
    if (!o)
        return "<no entry>";
    if (field == QLatin1String("title"))
        return o->title.value.toUtf8();
    if (field == QLatin1String("username"))
        return o->username.value.toUtf8();
    if (field == QLatin1String("folder"))
        return o->folder.value.toUtf8();
    auto d = vault.details(id);
    if (!d)
        return "<no details>";
    if (field == QLatin1String("password"))
        return bytesOf(d->password.value);
    if (field == QLatin1String("notes"))
        return bytesOf(d->notes.value);
    if (field == QLatin1String("totp"))
        return bytesOf(d->totp.value);
    for (const CustomField* f : d->liveFields())
        if (f->name == field)
            return bytesOf(f->value);
    return "<no field>";
}

// The first line where two dumps differ, for failure messages.
QByteArray firstDifference(const QByteArray& a, const QByteArray& b) {
    const QList<QByteArray> x = a.split('\n');
    const QList<QByteArray> y = b.split('\n');
    for (qsizetype i = 0; i < std::min(x.size(), y.size()); ++i)
        if (x[i] != y[i])
            return "line " + QByteArray::number(i) + ": " + x[i] + " <> " + y[i];
    return "lengths differ";
}

bool inHistory(Vault& vault, const EntryId& id, const QString& field, const QByteArray& value) {
    auto d = vault.details(id);
    return d && findHistory(*d, field, value);
}

} // namespace

class TestMerge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void differentFieldsBothSurvive();
    void sameFieldLastWriterWins_data();
    void sameFieldLastWriterWins();
    void knownOverwriteIsNoConflict();
    void concurrentUrlAndTagAdditionsBothSurvive();
    void removalVersusConcurrentAddition();
    void trashVersusEdit();
    void purgeBeatsEverythingForever();
    void newEntriesBothWays();
    void attachmentsMergeByRecord();
    void vaultNameIsARegister();
    void mergingTwiceChangesNothing();
};

void TestMerge::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    preferRamDisk();
}

void TestMerge::differentFieldsBothSurvive() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[0];
    EntryChanges onA;
    onA.title = QStringLiteral("Title from A");
    onA.password = secret("password from A");
    VAULT_VERIFY_OK(r.editAt(r.a(), T1, id, std::move(onA)));
    EntryChanges onB;
    onB.username = QStringLiteral("user-from-b");
    onB.notes = secret("notes from B");
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, std::move(onB)));

    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.conflictsKeptInHistory, 0);
    QCOMPARE(report.changedTitles, QStringList{QStringLiteral("Title from A")});
    VAULT_TAKE(back, r.aIntoB());
    QCOMPARE(back.updated, 1);
    for (Vault* v : {&r.a(), &r.b()}) {
        QCOMPARE(valueOf(*v, id, QStringLiteral("title")), QByteArray("Title from A"));
        QCOMPARE(valueOf(*v, id, QStringLiteral("username")), QByteArray("user-from-b"));
        QCOMPARE(valueOf(*v, id, QStringLiteral("password")), QByteArray("password from A"));
        QCOMPARE(valueOf(*v, id, QStringLiteral("notes")), QByteArray("notes from B"));
    }
    VAULT_TAKE(dumpA, dumpVault(r.a()));
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpA == dumpB, firstDifference(dumpA, dumpB).constData());
}

void TestMerge::sameFieldLastWriterWins_data() {
    QTest::addColumn<QString>("field");
    for (const char* field :
         {"title", "username", "folder", "password", "notes", "totp", "Customer number"})
        QTest::newRow(field) << QString::fromLatin1(field);
}

void TestMerge::sameFieldLastWriterWins() {
    QFETCH(QString, field);
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[1];
    VAULT_VERIFY_OK(r.editAt(r.a(), T1, id, changeOf(field, "value from A (earlier)")));
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, changeOf(field, "value from B (later)")));

    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.updated, 1);
    QCOMPARE(report.conflictsKeptInHistory, 1);
    VAULT_TAKE(back, r.aIntoB());
    // b already had the winner; a's losing value joins its history (an update, no new conflict).
    QCOMPARE(back.updated, 1);
    QCOMPARE(back.conflictsKeptInHistory, 0);
    for (Vault* v : {&r.a(), &r.b()}) {
        QCOMPARE(valueOf(*v, id, field), QByteArray("value from B (later)"));
        QVERIFY2(inHistory(*v, id, field, "value from A (earlier)"), "the loser is not kept");
    }
    VAULT_TAKE(dumpA, dumpVault(r.a()));
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpA == dumpB, firstDifference(dumpA, dumpB).constData());

    // The same clock on both devices: the device id breaks the tie, the same way on both.
    TwoReplicas tie;
    VAULT_VERIFY_OK(tie.setUp());
    VAULT_VERIFY_OK(tie.editAt(tie.a(), T3, tie.ids[1], changeOf(field, "tie from A")));
    VAULT_VERIFY_OK(tie.editAt(tie.b(), T3, tie.ids[1], changeOf(field, "tie from B")));
    VAULT_VERIFY_OK(tie.bIntoA());
    VAULT_VERIFY_OK(tie.aIntoB());
    const QByteArray winner = valueOf(tie.a(), tie.ids[1], field);
    QCOMPARE(valueOf(tie.b(), tie.ids[1], field), winner);
    const bool aWins = deviceIdOf(tie.box.dataDir(QStringLiteral("a"))) >
                       deviceIdOf(tie.box.dataDir(QStringLiteral("b")));
    QCOMPARE(winner, aWins ? QByteArray("tie from A") : QByteArray("tie from B"));
    QVERIFY(inHistory(tie.a(), tie.ids[1], field, aWins ? "tie from B" : "tie from A"));
}

void TestMerge::knownOverwriteIsNoConflict() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[2];
    VAULT_VERIFY_OK(r.editAt(r.a(), T1, id, changeOf(QStringLiteral("password"), "first")));
    VAULT_VERIFY_OK(r.aIntoB());
    // b saw "first" and replaced it: no conflict, "first" is in the history everywhere.
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, changeOf(QStringLiteral("password"), "second")));
    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.conflictsKeptInHistory, 0);
    QCOMPARE(valueOf(r.a(), id, QStringLiteral("password")), QByteArray("second"));
    QVERIFY(inHistory(r.a(), id, QStringLiteral("password"), "first"));
}

void TestMerge::concurrentUrlAndTagAdditionsBothSurvive() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[1]; // one URL, one tag
    const QStringList urls = r.a().entry(id)->urlList();
    const QStringList tags = r.a().entry(id)->tagList();
    EntryChanges onA;
    onA.urls = urls + QStringList{QStringLiteral("https://a.example")};
    onA.tags = tags + QStringList{QStringLiteral("from-a")};
    VAULT_VERIFY_OK(r.editAt(r.a(), T1, id, std::move(onA)));
    EntryChanges onB;
    onB.urls = urls + QStringList{QStringLiteral("https://b.example")};
    onB.tags = tags + QStringList{QStringLiteral("from-b")};
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, std::move(onB)));
    VAULT_VERIFY_OK(r.bIntoA());
    VAULT_VERIFY_OK(r.aIntoB());
    for (Vault* v : {&r.a(), &r.b()}) {
        const EntryOverview* o = v->entry(id);
        for (const QString& url : urls + QStringList{QStringLiteral("https://a.example"),
                                                     QStringLiteral("https://b.example")})
            QVERIFY2(o->urlList().contains(url), qPrintable(url));
        for (const QString& tag :
             tags + QStringList{QStringLiteral("from-a"), QStringLiteral("from-b")})
            QVERIFY2(o->tagList().contains(tag), qPrintable(tag));
    }
    VAULT_TAKE(dumpA, dumpVault(r.a()));
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpA == dumpB, firstDifference(dumpA, dumpB).constData());
}

void TestMerge::removalVersusConcurrentAddition() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[0]; // two URLs
    const QStringList urls = r.a().entry(id)->urlList();
    QCOMPARE(urls.size(), 2);
    // a removes the second URL; b, later, adds a third one without knowing of the removal.
    EntryChanges onA;
    onA.urls = QStringList{urls[0]};
    VAULT_VERIFY_OK(r.editAt(r.a(), T1, id, std::move(onA)));
    EntryChanges onB;
    onB.urls = urls + QStringList{QStringLiteral("https://new.example")};
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, std::move(onB)));
    VAULT_VERIFY_OK(r.bIntoA());
    // b's later edit did not touch the removed URL (it was already there): the removal stands.
    QCOMPARE(r.a().entry(id)->urlList(),
             (QStringList{urls[0], QStringLiteral("https://new.example")}));

    // A re-addition LATER than the removal, by a device that saw the removal, wins; a removal
    // later than an addition wins.
    VAULT_VERIFY_OK(r.aIntoB()); // b sees urls[1] removed
    EntryChanges removeNew;
    removeNew.urls = QStringList{urls[0]};
    VAULT_VERIFY_OK(r.editAt(r.a(), T2 + Minute, id, std::move(removeNew)));
    EntryChanges readd;
    readd.urls = QStringList{urls[0], QStringLiteral("https://new.example"), urls[1]};
    VAULT_VERIFY_OK(r.editAt(r.b(), T3, id, std::move(readd)));
    VAULT_VERIFY_OK(r.bIntoA());
    VAULT_VERIFY_OK(r.aIntoB());
    for (Vault* v : {&r.a(), &r.b()}) {
        const QStringList merged = v->entry(id)->urlList();
        QVERIFY(merged.contains(urls[1]));
        QVERIFY(!merged.contains(QStringLiteral("https://new.example")));
    }
    VAULT_TAKE(dumpA, dumpVault(r.a()));
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpA == dumpB, firstDifference(dumpA, dumpB).constData());
}

void TestMerge::trashVersusEdit() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[3];
    r.box.clock().set(T1);
    VAULT_VERIFY_OK(r.a().trash(id));
    VAULT_VERIFY_OK(r.editAt(r.b(), T2, id, changeOf(QStringLiteral("username"), "edited")));
    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.updated, 1);
    VAULT_TAKE(back, r.aIntoB());
    QCOMPARE(back.trashed, 1);
    for (Vault* v : {&r.a(), &r.b()}) {
        QVERIFY(v->entry(id)->trashed.value);
        QCOMPARE(v->entry(id)->username.value, QStringLiteral("edited"));
    }
    // Restoring later wins over the earlier trash.
    r.box.clock().set(T3);
    VAULT_VERIFY_OK(r.b().restore(id));
    VAULT_TAKE(restored, r.bIntoA());
    QCOMPARE(restored.restored, 1);
    QVERIFY(!r.a().entry(id)->trashed.value);
}

void TestMerge::purgeBeatsEverythingForever() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[2];
    VAULT_VERIFY_OK(r.a().attach(id, QStringLiteral("key.txt"), secret("attached")));
    VAULT_VERIFY_OK(r.aIntoB());
    const QByteArray beforePurge = readFile(r.box.vaultPath());
    r.box.clock().set(T1);
    VAULT_VERIFY_OK(r.a().purge(id));
    // b edits the entry LATER than the purge, and restores it from a trash it was never in.
    VAULT_VERIFY_OK(r.editAt(r.b(), T3, id, changeOf(QStringLiteral("title"), "still here?")));
    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.added, 0);
    QVERIFY(!r.a().entry(id));
    VAULT_TAKE(back, r.aIntoB());
    QCOMPARE(back.purged, 1);
    QCOMPARE(back.changedTitles, QStringList{QStringLiteral("still here?")});
    QVERIFY(!r.b().entry(id));
    // An old copy from before the purge never brings it back.
    const QString old = r.box.path(QStringLiteral("cloud/old.tessera"));
    QVERIFY(writeFile(old, beforePurge));
    VAULT_TAKE(again, r.a().merge(old, MergeOptions{nullptr, nullptr, false, true}));
    QCOMPARE(again.added, 0);
    QVERIFY(!r.a().entry(id));
    VAULT_TAKE(
        raw, openVaultRaw(r.a().info().workingCopy, VaultSandbox::MasterPassword, Trust::Foreign));
    QCOMPARE(countRows(raw, "SELECT count(*) FROM attachments WHERE entry = ?", id), qint64(0));
    QCOMPARE(countRows(raw, "SELECT count(*) FROM tombstones WHERE id = ?", id), qint64(1));
}

void TestMerge::newEntriesBothWays() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp(2));
    r.box.clock().set(T1);
    VAULT_TAKE(onA, addSampleEntries(r.a(), 3, 100));
    VAULT_TAKE(onB, addSampleEntries(r.b(), 2, 200));
    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.added, 2);
    QCOMPARE(report.changedTitles, (QStringList{sampleTitle(200), sampleTitle(201)}));
    VAULT_TAKE(back, r.aIntoB());
    QCOMPARE(back.added, 3);
    QCOMPARE(r.a().entries().size(), std::size_t(7));
    VAULT_TAKE(dumpA, dumpVault(r.a()));
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpA == dumpB, firstDifference(dumpA, dumpB).constData());
}

void TestMerge::attachmentsMergeByRecord() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    const EntryId id = r.ids[0];
    VAULT_VERIFY_OK(r.a().attach(id, QStringLiteral("old.txt"), secret("old content")));
    VAULT_VERIFY_OK(r.aIntoB());
    r.box.clock().set(T1);
    VAULT_VERIFY_OK(r.a().attach(id, QStringLiteral("from-a.txt"), secret("content A")));
    VAULT_VERIFY_OK(r.b().attach(id, QStringLiteral("from-b.txt"), secret("content B")));
    VAULT_VERIFY_OK(r.b().detach(id, QStringLiteral("old.txt")));
    VAULT_TAKE(report, r.bIntoA());
    QCOMPARE(report.attachmentsAdded, 1);
    QCOMPARE(report.attachmentsRemoved, 1);
    VAULT_TAKE(back, r.aIntoB());
    QCOMPARE(back.attachmentsAdded, 1);
    for (Vault* v : {&r.a(), &r.b()}) {
        VAULT_TAKE(list, v->attachments(id));
        QStringList names;
        for (const AttachmentInfo& info : list)
            names.append(info.name);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("from-a.txt"), QStringLiteral("from-b.txt")}));
        VAULT_TAKE(b, v->attachmentContent(id, QStringLiteral("from-b.txt")));
        QCOMPARE(bytesOf(b), QByteArray("content B"));
        VAULT_TAKE(a, v->attachmentContent(id, QStringLiteral("from-a.txt")));
        QCOMPARE(bytesOf(a), QByteArray("content A"));
    }
}

void TestMerge::vaultNameIsARegister() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    r.box.clock().set(T1);
    VAULT_VERIFY_OK(r.b().rename(QStringLiteral("Earlier name")));
    r.box.clock().set(T2);
    VAULT_VERIFY_OK(r.a().rename(QStringLiteral("Later name")));
    VAULT_TAKE(report, r.bIntoA());
    QVERIFY(!report.renamed);
    VAULT_TAKE(back, r.aIntoB());
    QVERIFY(back.renamed);
    QCOMPARE(r.a().info().name, QStringLiteral("Later name"));
    QCOMPARE(r.b().info().name, QStringLiteral("Later name"));
}

void TestMerge::mergingTwiceChangesNothing() {
    TwoReplicas r;
    VAULT_VERIFY_OK(r.setUp());
    VAULT_VERIFY_OK(r.editAt(r.b(), T1, r.ids[0], changeOf(QStringLiteral("notes"), "n")));
    VAULT_TAKE(first, r.bIntoA());
    QVERIFY(first.changed());
    VAULT_TAKE(dump, dumpVault(r.a()));
    const QByteArray working = readFile(r.a().info().workingCopy);
    VAULT_TAKE(second, r.a().merge(r.copyPath(), {}));
    QVERIFY(!second.changed());
    QCOMPARE(second.conflictsKeptInHistory, 0);
    VAULT_TAKE(dumpAgain, dumpVault(r.a()));
    QCOMPARE(dumpAgain, dump);
    QCOMPARE(readFile(r.a().info().workingCopy), working); // not even rewritten
    // Both ways round, the replicas end equal.
    VAULT_VERIFY_OK(r.aIntoB());
    VAULT_TAKE(dumpB, dumpVault(r.b()));
    QVERIFY2(dumpB == dump, firstDifference(dumpB, dump).constData());
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
