// tessera-cli sync, status, backups and restore-backup end to end, with one data folder per
// simulated device sharing one vault folder: conflict copies merged and moved away (or left in
// place and reported when they are another vault, damaged, or under another password), two
// devices editing one file at the same time, a rolled-back vault file, backups listed and
// restored by merging or by rolling back.

#include "CliSandbox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace {

const QString ConflictName = QStringLiteral("test (Laptop's conflicted copy 2024-05-01).tessera");

QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool copyOver(const QString& from, const QString& to) {
    QFile::remove(to);
    return QFile::copy(from, to);
}

QStringList titlesIn(const CliResult& listed) {
    QStringList titles;
    for (const QString& line : listed.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        titles << line.section(QLatin1Char('\t'), 1, 1);
    titles.sort();
    return titles;
}

} // namespace

class TestCliSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_sandbox.reset(); }

    void conflictCopyIsMergedAndMovedAway();
    void unusableConflictCopiesAreLeftAndReported_data();
    void unusableConflictCopiesAreLeftAndReported();
    void otherFilesBesideTheVaultAreIgnored();
    void twoDevicesEditingAtOnceLoseNothing();
    void rolledBackFileIsNotAccepted();
    void statusShowsDevicesAndCopies();
    void backupsListedAndRestored();

private:
    QString dataDir(const QString& device) const {
        return m_sandbox->filePath(QStringLiteral("data-") + device);
    }
    // COMMAND VAULT ARGS on the given device, with the master password first on stdin.
    CliResult on(const QString& device, const QString& command, const QStringList& args = {},
                 const QByteArrayList& moreLines = {}) const {
        return m_sandbox->run(QStringList{command, m_sandbox->vaultPath()} + args,
                              QByteArrayList{CliSandbox::MasterPassword} + moreLines,
                              dataDir(device));
    }
    bool addOn(const QString& device, const QString& title) const {
        const CliResult result =
            on(device, QStringLiteral("add"), {QStringLiteral("--title"), title});
        if (result.exitCode != 0)
            qWarning("add on %s failed: %s", qPrintable(device), result.describe().constData());
        return result.exitCode == 0;
    }
    QStringList titlesOn(const QString& device) const {
        return titlesIn(on(device, QStringLiteral("ls")));
    }
    // A and B both have the vault with "base"; then B's edit ends up as a Dropbox conflicted copy
    // beside A's version, as when both edited before their sync clients talked.
    void makeConflictCopy();

    std::unique_ptr<CliSandbox> m_sandbox;
};

void TestCliSync::init() {
    m_sandbox = std::make_unique<CliSandbox>();
    QVERIFY(m_sandbox->isValid());
    const CliResult created = m_sandbox->run(
        QStringList{QStringLiteral("create"), m_sandbox->vaultPath()} + CliSandbox::FastKdf,
        {CliSandbox::MasterPassword}, dataDir(QStringLiteral("a")));
    CLI_EXPECT(created, 0);
    QVERIFY(addOn(QStringLiteral("a"), QStringLiteral("base")));
}

void TestCliSync::makeConflictCopy() {
    const QString vault = m_sandbox->vaultPath();
    QCOMPARE(titlesOn(QStringLiteral("b")), QStringList{QStringLiteral("base")});
    const QString base = m_sandbox->filePath(QStringLiteral("base.tessera"));
    QVERIFY(QFile::copy(vault, base));
    QVERIFY(addOn(QStringLiteral("a"), QStringLiteral("from A")));
    const QString fromA = m_sandbox->filePath(QStringLiteral("a.tessera"));
    QVERIFY(QFile::copy(vault, fromA));
    // B edits the version it knows; its sync client then finds A's version on the server and
    // keeps B's under a conflict name.
    QVERIFY(copyOver(base, vault));
    QVERIFY(addOn(QStringLiteral("b"), QStringLiteral("from B")));
    QVERIFY(QFile::rename(vault, m_sandbox->vaultDir() + QLatin1Char('/') + ConflictName));
    QVERIFY(QFile::copy(fromA, vault));
}

void TestCliSync::conflictCopyIsMergedAndMovedAway() {
    makeConflictCopy();
    const CliResult synced = on(QStringLiteral("a"), QStringLiteral("sync"));
    CLI_EXPECT(synced, 0);
    QVERIFY2(synced.outText().contains(ConflictName), synced.out.constData());
    QVERIFY2(synced.outText().contains(QLatin1String("1 change (1 added)")),
             synced.out.constData());
    QVERIFY2(synced.outText().contains(QLatin1String("changed: from B")), synced.out.constData());
    QVERIFY(synced.outText().contains(QLatin1String("Published")));
    // Moved out of the vault's folder, into A's backups.
    QCOMPARE(QDir(m_sandbox->vaultDir()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("test.tessera")});
    const QStringList all{QStringLiteral("base"), QStringLiteral("from A"),
                          QStringLiteral("from B")};
    QCOMPARE(titlesOn(QStringLiteral("a")), all);
    // B merges the published file on its next sync; a third device sees everything.
    CLI_EXPECT(on(QStringLiteral("b"), QStringLiteral("sync")), 0);
    QCOMPARE(titlesOn(QStringLiteral("b")), all);
    QCOMPARE(titlesOn(QStringLiteral("c")), all);
    // The merged copy is listed as a backup from elsewhere, under its original name.
    const CliResult listed =
        on(QStringLiteral("a"), QStringLiteral("backups"), {QStringLiteral("--json")});
    CLI_EXPECT(listed, 0);
    bool found = false;
    for (const QJsonValue& value : parseJson(listed.out).array()) {
        const QJsonObject backup = value.toObject();
        if (backup.value(QStringLiteral("kind")).toString() != QLatin1String("conflict-copy"))
            continue;
        found = true;
        QCOMPARE(backup.value(QStringLiteral("origin")).toString(), ConflictName);
        QVERIFY(backup.value(QStringLiteral("fromElsewhere")).toBool());
        QVERIFY(backup.value(QStringLiteral("identified")).toBool());
        QVERIFY(!backup.value(QStringLiteral("lastDeviceIsThisDevice")).toBool()); // B's edit
    }
    QVERIFY2(found, listed.out.constData());
    // Nothing left to do: a second sync changes nothing.
    const CliResult again =
        on(QStringLiteral("a"), QStringLiteral("sync"), {QStringLiteral("--json")});
    CLI_EXPECT(again, 0);
    const QJsonObject report = parseJson(again.out).object();
    QVERIFY(report.value(QStringLiteral("conflictCopies")).toArray().isEmpty());
    QVERIFY(!report.value(QStringLiteral("vaultFile"))
                 .toObject()
                 .value(QStringLiteral("published"))
                 .toBool());
}

void TestCliSync::unusableConflictCopiesAreLeftAndReported_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("another vault")
        << QStringLiteral("other") << QStringLiteral("test (conflicted copy 2024-05-01).tessera")
        << QStringLiteral("another vault");
    QTest::newRow("damaged") << QStringLiteral("damaged")
                             << QStringLiteral("test.sync-conflict-20240501-101010-ABCDEFG.tessera")
                             << QStringLiteral("damaged");
    QTest::newRow("another password")
        << QStringLiteral("password") << QStringLiteral("test_conflict-20240501-101010.tessera")
        << QStringLiteral("master password");
    QTest::newRow("not a vault") << QStringLiteral("text")
                                 << QStringLiteral(
                                        "test (Bob's conflicted copy 2024-05-01).tessera")
                                 << QStringLiteral("not a Tessera vault");
}

void TestCliSync::unusableConflictCopiesAreLeftAndReported() {
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const QString copy = m_sandbox->vaultDir() + QLatin1Char('/') + name;
    if (kind == QLatin1String("other")) {
        const QString other = m_sandbox->filePath(QStringLiteral("other.tessera"));
        CLI_EXPECT(
            m_sandbox->run(QStringList{QStringLiteral("create"), other} + CliSandbox::FastKdf,
                           {CliSandbox::MasterPassword}, dataDir(QStringLiteral("x"))),
            0);
        QVERIFY(QFile::rename(other, copy));
    } else if (kind == QLatin1String("damaged")) {
        QVERIFY(QFile::copy(m_sandbox->vaultPath(), copy));
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096 + 1000)); // inside page 2
        QVERIFY(file.write("damage") == 6);
    } else if (kind == QLatin1String("password")) {
        // The same vault, re-keyed under another password on a device that is not this one.
        const QString elsewhere = m_sandbox->filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(elsewhere));
        const QString moved = elsewhere + QStringLiteral("/test.tessera");
        QVERIFY(QFile::copy(m_sandbox->vaultPath(), moved));
        const CliResult changed =
            m_sandbox->run({QStringLiteral("passwd"), moved, QStringLiteral("--kdf-ops"),
                            QStringLiteral("1"), QStringLiteral("--kdf-mem"), QStringLiteral("1")},
                           {CliSandbox::MasterPassword, "another password entirely"},
                           dataDir(QStringLiteral("x")));
        CLI_EXPECT(changed, 0);
        QVERIFY(QFile::rename(moved, copy));
    } else {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("just some text\n").repeated(300));
    }
    const QByteArray copyBefore = fileHash(copy);
    const QByteArray vaultBefore = fileHash(m_sandbox->vaultPath());

    const CliResult synced = on(QStringLiteral("a"), QStringLiteral("sync"));
    CLI_EXPECT(synced, 3);
    QVERIFY2(synced.errText().contains(name) && synced.errText().contains(reason),
             synced.err.constData());
    QVERIFY(synced.errText().contains(QLatin1String("left in place")));
    // Left exactly where and as it was; the vault file and its entries unchanged.
    QCOMPARE(fileHash(copy), copyBefore);
    QCOMPARE(fileHash(m_sandbox->vaultPath()), vaultBefore);
    QCOMPARE(titlesOn(QStringLiteral("a")), QStringList{QStringLiteral("base")});
    // status lists it for the user too; JSON says why.
    const CliResult status = on(QStringLiteral("a"), QStringLiteral("status"));
    CLI_EXPECT(status, 0);
    QVERIFY2(status.outText().contains(name), status.out.constData());
    const CliResult json =
        on(QStringLiteral("a"), QStringLiteral("sync"), {QStringLiteral("--json")});
    CLI_EXPECT(json, 3);
    const QJsonArray copies =
        parseJson(json.out).object().value(QStringLiteral("conflictCopies")).toArray();
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.at(0).toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("left"));
}

void TestCliSync::otherFilesBesideTheVaultAreIgnored() {
    // Another vault whose name happens to look like a numbered copy, our own temporary file and
    // a user's copy: none is touched or reported.
    const QString numbered = m_sandbox->vaultPath(QStringLiteral("test (1)"));
    CLI_EXPECT(m_sandbox->create(CliSandbox::MasterPassword, numbered), 0);
    const QString work = m_sandbox->vaultPath(QStringLiteral("Work"));
    CLI_EXPECT(m_sandbox->create(CliSandbox::MasterPassword, work), 0);
    const QString userCopy = m_sandbox->vaultPath(QStringLiteral("test-backup"));
    QVERIFY(QFile::copy(m_sandbox->vaultPath(), userCopy));
    const QByteArray before = fileHash(numbered) + fileHash(work) + fileHash(userCopy);
    const CliResult synced = on(QStringLiteral("a"), QStringLiteral("sync"));
    CLI_EXPECT(synced, 0);
    QVERIFY2(synced.err.isEmpty(), synced.err.constData());
    QCOMPARE(fileHash(numbered) + fileHash(work) + fileHash(userCopy), before);
    const CliResult status =
        on(QStringLiteral("a"), QStringLiteral("status"), {QStringLiteral("--json")});
    CLI_EXPECT(status, 0);
    QVERIFY(
        parseJson(status.out).object().value(QStringLiteral("conflictCopies")).toArray().isEmpty());
}

void TestCliSync::twoDevicesEditingAtOnceLoseNothing() {
    constexpr int Rounds = 30;
    CLI_EXPECT(on(QStringLiteral("b"), QStringLiteral("sync")), 0);
    // Two shells, one per device, each adding Rounds entries one tessera-cli run at a time, both
    // at once on the same vault file. The password reaches each run on its stdin.
    const auto start = [this](QProcess& shell, const QString& device) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TESSERA_DATA_DIR"), dataDir(device));
        environment.insert(QStringLiteral("CLI"), QStringLiteral(TESSERA_CLI_PATH));
        environment.insert(QStringLiteral("VAULT"), m_sandbox->vaultPath());
        environment.insert(QStringLiteral("DEVICE"), device);
        shell.setProcessEnvironment(environment);
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"),
                     QStringLiteral(
                         "read -r pw; i=0; while [ $i -lt %1 ]; do "
                         "printf '%s\\n' \"$pw\" | \"$CLI\" add \"$VAULT\" --title "
                         "\"$DEVICE $i\" >/dev/null; rc=$?; "
                         // 5: a rename of the other device came between this
                         // one's merge and rename; the entry is committed and the
                         // next run publishes it.
                         "[ $rc -eq 5 ] && echo busy; [ $rc -eq 0 ] || [ $rc -eq 5 ] || exit $rc; "
                         "i=$((i+1)); done")
                         .arg(Rounds)});
        shell.waitForStarted();
        shell.write(CliSandbox::MasterPassword + '\n');
        shell.waitForBytesWritten();
        shell.closeWriteChannel();
    };
    QProcess shellA;
    QProcess shellB;
    start(shellA, QStringLiteral("a"));
    start(shellB, QStringLiteral("b"));
    QVERIFY(shellA.waitForFinished(120000));
    QVERIFY(shellB.waitForFinished(120000));
    QVERIFY2(shellA.exitCode() == 0, shellA.readAllStandardError().constData());
    QVERIFY2(shellB.exitCode() == 0, shellB.readAllStandardError().constData());
    qInfo("runs that found the file changed between their merge and their rename: %lld",
          qint64(shellA.readAllStandardOutput().count("busy") +
                 shellB.readAllStandardOutput().count("busy")));
    // Renames of the two devices can cross (only a sync client's conflict copies would order
    // them across machines): each device's next sync merges what the file lacks.
    CLI_EXPECT(on(QStringLiteral("a"), QStringLiteral("sync")), 0);
    CLI_EXPECT(on(QStringLiteral("b"), QStringLiteral("sync")), 0);
    CLI_EXPECT(on(QStringLiteral("a"), QStringLiteral("sync")), 0);
    QStringList expected{QStringLiteral("base")};
    for (int i = 0; i < Rounds; ++i)
        expected << QStringLiteral("a %1").arg(i) << QStringLiteral("b %1").arg(i);
    expected.sort();
    QCOMPARE(titlesOn(QStringLiteral("fresh")), expected);
    QCOMPARE(titlesOn(QStringLiteral("a")), expected);
    QCOMPARE(titlesOn(QStringLiteral("b")), expected);
}

void TestCliSync::rolledBackFileIsNotAccepted() {
    const QString old = m_sandbox->filePath(QStringLiteral("old.tessera"));
    QVERIFY(QFile::copy(m_sandbox->vaultPath(), old));
    QVERIFY(addOn(QStringLiteral("a"), QStringLiteral("newer")));
    CLI_EXPECT(on(QStringLiteral("b"), QStringLiteral("sync")), 0);
    // Someone puts the older version back (a provider restoring an old version, or an attacker
    // withholding updates).
    QVERIFY(copyOver(old, m_sandbox->vaultPath()));
    const QByteArray rolledBack = fileHash(m_sandbox->vaultPath());
    for (const QString& device : {QStringLiteral("a"), QStringLiteral("b")}) {
        const CliResult status = on(device, QStringLiteral("status"));
        CLI_EXPECT(status, 3);
        QVERIFY2((status.outText() + status.errText())
                     .contains(QLatin1String("rollback"), Qt::CaseInsensitive),
                 status.describe().constData());
        const CliResult synced = on(device, QStringLiteral("sync"));
        CLI_EXPECT(synced, 3);
        QVERIFY2(synced.errText().contains(QLatin1String("rollback"), Qt::CaseInsensitive),
                 synced.describe().constData());
        QCOMPARE(fileHash(m_sandbox->vaultPath()), rolledBack); // not published over silently
    }
}

void TestCliSync::statusShowsDevicesAndCopies() {
    CLI_EXPECT(on(QStringLiteral("b"), QStringLiteral("sync")), 0);
    QVERIFY(addOn(QStringLiteral("b"), QStringLiteral("from B")));
    CLI_EXPECT(on(QStringLiteral("a"), QStringLiteral("sync")), 0);
    QVERIFY(QFile::copy(m_sandbox->vaultPath(),
                        m_sandbox->vaultDir() + QStringLiteral("/test (1).tessera")));
    const CliResult status =
        on(QStringLiteral("a"), QStringLiteral("status"), {QStringLiteral("--json")});
    CLI_EXPECT(status, 0);
    const QJsonObject json = parseJson(status.out).object();
    QCOMPARE(json.value(QStringLiteral("keyEpoch")).toInt(), 0);
    const QJsonArray devices = json.value(QStringLiteral("devices")).toArray();
    QCOMPARE(devices.size(), 2);
    int mine = 0;
    for (const QJsonValue& device : devices) {
        mine += device.toObject().value(QStringLiteral("thisDevice")).toBool() ? 1 : 0;
        QVERIFY(!device.toObject().value(QStringLiteral("lastEdit")).toString().isEmpty());
    }
    QCOMPARE(mine, 1);
    QCOMPARE(json.value(QStringLiteral("vaultFile")).toString(), QStringLiteral("up-to-date"));
    QVERIFY(!json.value(QStringLiteral("unpublishedChanges")).toBool());
    QVERIFY(!json.value(QStringLiteral("lastPublishedEdit")).toString().isEmpty());
    const QJsonArray copies = json.value(QStringLiteral("conflictCopies")).toArray();
    QCOMPARE(copies.size(), 1);
    QCOMPARE(copies.at(0).toObject().value(QStringLiteral("file")).toString(),
             QStringLiteral("test (1).tessera"));
    // Text: one line per device, this one marked.
    const CliResult text = on(QStringLiteral("a"), QStringLiteral("status"));
    CLI_EXPECT(text, 0);
    QVERIFY2(text.outText().contains(QLatin1String("(this device)")), text.out.constData());
    QVERIFY(text.outText().contains(QLatin1String("test (1).tessera")));
}

void TestCliSync::backupsListedAndRestored() {
    QVERIFY(addOn(QStringLiteral("a"), QStringLiteral("second")));
    QVERIFY(addOn(QStringLiteral("a"), QStringLiteral("third")));
    const CliResult listed =
        on(QStringLiteral("a"), QStringLiteral("backups"), {QStringLiteral("--json")});
    CLI_EXPECT(listed, 0);
    const QJsonArray backups = parseJson(listed.out).array();
    QVERIFY2(backups.size() >= 2, listed.out.constData());
    // Newest first: the version just before "third" was published holds base and second.
    const QJsonObject newest = backups.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("published"));
    QVERIFY(!newest.value(QStringLiteral("fromElsewhere")).toBool());
    QVERIFY(newest.value(QStringLiteral("identified")).toBool());
    QVERIFY(newest.value(QStringLiteral("lastDeviceIsThisDevice")).toBool());
    QVERIFY(newest.value(QStringLiteral("size")).toInt() > 0);
    const QString name = newest.value(QStringLiteral("name")).toString();
    const CliResult text = on(QStringLiteral("a"), QStringLiteral("backups"));
    CLI_EXPECT(text, 0);
    QVERIFY(text.outText().contains(name));
    QVERIFY(text.outText().contains(QLatin1String("(this device)")));

    // A merge restore brings nothing back that is not lost (newer edits stay).
    const CliResult merged = on(QStringLiteral("a"), QStringLiteral("restore-backup"), {name});
    CLI_EXPECT(merged, 0);
    QVERIFY2(merged.outText().contains(QLatin1String("no changes")), merged.out.constData());
    const QStringList all{QStringLiteral("base"), QStringLiteral("second"),
                          QStringLiteral("third")};
    QCOMPARE(titlesOn(QStringLiteral("a")), all);

    // --rollback replaces the vault file (and this device's working copy) with the backup.
    const CliResult rolled = on(QStringLiteral("a"), QStringLiteral("restore-backup"),
                                {name, QStringLiteral("--rollback")});
    CLI_EXPECT(rolled, 0);
    const QStringList before{QStringLiteral("base"), QStringLiteral("second")};
    QCOMPARE(titlesOn(QStringLiteral("a")), before);
    QCOMPARE(titlesOn(QStringLiteral("fresh")), before);
    // This device accepts it from now on; the replaced file is a backup of its own kind.
    CLI_EXPECT(on(QStringLiteral("a"), QStringLiteral("sync")), 0);
    CLI_EXPECT(on(QStringLiteral("a"), QStringLiteral("status")), 0);
    const CliResult after =
        on(QStringLiteral("a"), QStringLiteral("backups"), {QStringLiteral("--json")});
    QString beforeRollback;
    for (const QJsonValue& value : parseJson(after.out).array()) {
        if (value.toObject().value(QStringLiteral("kind")).toString() ==
            QLatin1String("before-rollback"))
            beforeRollback = value.toObject().value(QStringLiteral("name")).toString();
    }
    QVERIFY2(!beforeRollback.isEmpty(), after.out.constData());
    // ... and merging it back undoes the rollback without losing anything.
    const CliResult undone =
        on(QStringLiteral("a"), QStringLiteral("restore-backup"), {beforeRollback});
    CLI_EXPECT(undone, 0);
    QCOMPARE(titlesOn(QStringLiteral("a")), all);
    QCOMPARE(titlesOn(QStringLiteral("fresh2")), all);

    // Bad input changes nothing.
    const CliResult missing = on(QStringLiteral("a"), QStringLiteral("restore-backup"),
                                 {QStringLiteral("no-such-backup")});
    CLI_EXPECT(missing, 4);
    QVERIFY(isOneErrorLine(missing.err));
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
