// The backup folder of a vault (core/sync/Backups): what is listed and in which order, conflict
// copies moved in with their name remembered, and their own quota, which never touches published
// backups or set-aside working copies.

#include "sync/Backups.h"
#include "sync/Publisher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

namespace {

constexpr qint64 Base = 1'700'000'000'000; // 2023-11-14T22:13:20Z
constexpr qint64 Second = 1000;

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestBackups : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsEveryKindNewestFirst();
    void conflictCopiesHaveTheirOwnQuota();
    void findsByNameOrPath();
    void keepsACopyInSetAside();

private:
    QString backups() const { return m_dir.filePath(QStringLiteral("backups")); }
    QString setAside() const { return backups() + QStringLiteral("/set-aside"); }
    QString cloud() const { return m_dir.filePath(QStringLiteral("cloud")); }

    QTemporaryDir m_dir;
};

void TestBackups::init() {
    QVERIFY(m_dir.isValid());
    QDir(backups()).removeRecursively();
    QDir(cloud()).removeRecursively();
    QVERIFY(QDir().mkpath(setAside()));
    QVERIFY(QDir().mkpath(cloud()));
}

void TestBackups::listsEveryKindNewestFirst() {
    QVERIFY(writeFile(backupPath(backups(), Base), "published 1"));
    QVERIFY(writeFile(backupPath(backups(), Base + Second), "published 2"));
    QVERIFY(writeFile(backupPath(backups(), Base + Second), "published 3, same millisecond"));
    QVERIFY(writeFile(
        backupPath(setAside(), Base + 2 * Second, QStringLiteral("superseded-working-copy")),
        "working"));
    QVERIFY(
        writeFile(backupPath(setAside(), Base + 3 * Second, QStringLiteral("before-key-epoch-2")),
                  "before a password change"));
    QVERIFY(writeFile(backupPath(setAside(), Base + 4 * Second, QStringLiteral("before-rollback")),
                      "rolled back"));
    const QString copy = cloud() + QStringLiteral("/v (conflicted copy 2023-11-14).tessera");
    QVERIFY(writeFile(copy, "from elsewhere"));
    auto moved = setAsideConflictCopy(copy, backups(), Base + 5 * Second);
    QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
    QVERIFY(!QFile::exists(copy));
    // Not backups: other files in the folders.
    QVERIFY(writeFile(backups() + QStringLiteral("/notes.txt"), "x"));
    QVERIFY(writeFile(backups() + QStringLiteral("/20231114-221320-000-label.tessera"), "x"));

    auto listed = listBackups(backups());
    QVERIFY(listed);
    QCOMPARE(int(listed->size()), 7);
    const std::vector<BackupKind> kinds{BackupKind::ConflictCopy, BackupKind::BeforeRollback,
                                        BackupKind::WorkingCopy,  BackupKind::WorkingCopy,
                                        BackupKind::Published,    BackupKind::Published,
                                        BackupKind::Published};
    for (std::size_t i = 0; i < kinds.size(); ++i)
        QCOMPARE(int((*listed)[i].kind), int(kinds[i]));
    const BackupFile& conflict = listed->front();
    QCOMPARE(conflict.time, Base + 5 * Second);
    QCOMPARE(conflict.origin, QStringLiteral("v (conflicted copy 2023-11-14).tessera"));
    QVERIFY(conflict.fromElsewhere());
    QVERIFY(conflict.name.startsWith(QLatin1String("set-aside/")));
    QCOMPARE(conflict.size, qint64(14));
    QCOMPARE(QFile::permissions(conflict.path) & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());
    // Two in one millisecond: the later one first.
    QCOMPARE((*listed)[4].size, qint64(29));
    QCOMPARE((*listed)[5].size, qint64(11));
    QVERIFY(!(*listed)[6].fromElsewhere());
    QVERIFY(!(*listed)[6].identified);
    // A folder that does not exist has no backups.
    auto none = listBackups(m_dir.filePath(QStringLiteral("nowhere")));
    QVERIFY(none && none->empty());
}

void TestBackups::conflictCopiesHaveTheirOwnQuota() {
    for (int i = 0; i < 5; ++i)
        QVERIFY(writeFile(backupPath(backups(), Base + i), "published"));
    QVERIFY(writeFile(backupPath(setAside(), Base, QStringLiteral("superseded-working-copy")),
                      "working copy: kept for good"));
    // A flood of conflict copies.
    constexpr int Flood = KeepConflictCopies + 7;
    for (int i = 0; i < Flood; ++i) {
        const QString copy = cloud() + QStringLiteral("/v (%1).tessera").arg(i + 1);
        QVERIFY(writeFile(copy, QByteArray::number(i)));
        QVERIFY(setAsideConflictCopy(copy, backups(), Base + 10 * Second + i));
    }
    auto listed = listBackups(backups());
    QVERIFY(listed);
    int published = 0;
    int working = 0;
    QStringList origins;
    for (const BackupFile& backup : *listed) {
        published += backup.kind == BackupKind::Published ? 1 : 0;
        working += backup.kind == BackupKind::WorkingCopy ? 1 : 0;
        if (backup.kind == BackupKind::ConflictCopy)
            origins << backup.origin;
    }
    QCOMPARE(published, 5);
    QCOMPARE(working, 1);
    QCOMPARE(origins.size(), KeepConflictCopies);
    // The newest ones stay; the sidecars of removed ones went with them.
    QCOMPARE(origins.first(), QStringLiteral("v (%1).tessera").arg(Flood));
    QCOMPARE(origins.last(), QStringLiteral("v (%1).tessera").arg(Flood - KeepConflictCopies + 1));
    QCOMPARE(QDir(setAside()).entryList({QStringLiteral("*.origin")}, QDir::Files).size(),
             KeepConflictCopies);
}

void TestBackups::findsByNameOrPath() {
    QVERIFY(writeFile(backupPath(backups(), Base), "published"));
    const QString copy = cloud() + QStringLiteral("/v (1).tessera");
    QVERIFY(writeFile(copy, "copy"));
    auto moved = setAsideConflictCopy(copy, backups(), Base + Second);
    QVERIFY(moved);
    const QString fileName = QFileInfo(*moved).fileName();
    for (const QString& key : {QStringLiteral("set-aside/") + fileName, fileName, *moved}) {
        auto found = findBackup(backups(), key);
        QVERIFY2(found, qPrintable(key));
        QCOMPARE(found->path, QFileInfo(*moved).absoluteFilePath());
    }
    auto published = findBackup(backups(), QStringLiteral("20231114-221320-000.tessera"));
    QVERIFY(published);
    QCOMPARE(int(published->kind), int(BackupKind::Published));
    auto missing = findBackup(backups(), QStringLiteral("20991231-000000-000.tessera"));
    QVERIFY(!missing);
    QCOMPARE(int(missing.code()), int(ErrorCode::NotFound));
    // A file outside the backup folder is never taken for a backup.
    const QString outside = cloud() + QStringLiteral("/old version.tessera");
    QVERIFY(writeFile(outside, "not a backup"));
    QVERIFY(!findBackup(backups(), outside));
}

void TestBackups::keepsACopyInSetAside() {
    const QString file = cloud() + QStringLiteral("/v.tessera");
    QVERIFY(writeFile(file, "current"));
    auto kept = keepInSetAside(file, backups(), QStringLiteral("before-rollback"), Base);
    QVERIFY(kept);
    QVERIFY(QFile::exists(file)); // a copy (or link), not a move
    QFile copy(*kept);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArray("current"));
    auto listed = listBackups(backups());
    QVERIFY(listed && listed->size() == 1);
    QCOMPARE(int(listed->front().kind), int(BackupKind::BeforeRollback));
}

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
