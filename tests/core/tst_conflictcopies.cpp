// Conflict copies beside a vault file (core/sync/ConflictCopies): the names sync clients really
// write, and the near misses that must never be taken for a copy of this vault.

#include "sync/ConflictCopies.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace tessera;

Q_DECLARE_METATYPE(std::optional<tessera::ConflictStyle>)

namespace {

std::optional<ConflictStyle> none() {
    return std::nullopt;
}

QByteArray headerWithRandom(char fill, char kdfOps = 1) {
    QByteArray header(16, fill);
    header[0] = 1;
    header[1] = 0;
    header[2] = kdfOps;
    header[3] = 13;
    return header;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestConflictCopies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void otherVaultNames_data();
    void otherVaultNames();
    void findsCopiesInFolder();
    void headerFilter();
};

void TestConflictCopies::names_data() {
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<std::optional<ConflictStyle>>("expected");
    const auto add = [](const char* name, std::optional<ConflictStyle> style) {
        QTest::newRow(name) << QString::fromUtf8(name) << style;
    };
    // Dropbox
    add("Personal (conflicted copy 2024-05-01).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (Jane Doe's conflicted copy 2024-05-01).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (MacBook-Pro's conflicted copy 2024-05-01).tessera",
        ConflictStyle::ConflictedCopy);
    add("Personal (MacBook-Pro's conflicted copy 2024-05-01 (1)).tessera",
        ConflictStyle::ConflictedCopy);
    add("Personal (Jane\u2019s conflicted copy 2024-05-01).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (Jane's Conflicted Copy 2024-05-01).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (DESKTOP-4K1MDG5's conflicted copy 2023-12-31 (12)).tessera",
        ConflictStyle::ConflictedCopy);
    // Nextcloud / ownCloud >= 2.5
    add("Personal (conflicted copy 2018-04-10 093612).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (conflicted copy alice 2018-04-10 093612).tessera",
        ConflictStyle::ConflictedCopy);
    add("Personal (conflicted copy alice.smith@example.org 2018-04-10 093612).tessera",
        ConflictStyle::ConflictedCopy);
    // ownCloud before 2.5
    add("Personal_conflict-20150101-120000.tessera", ConflictStyle::OwnCloudLegacy);
    add("Personal_conflict_alice-20150101-120000.tessera", ConflictStyle::OwnCloudLegacy);
    // Syncthing
    add("Personal.sync-conflict-20240413-091523-K3X2R2T.tessera", ConflictStyle::Syncthing);
    add("Personal.sync-conflict-20160512-101010.tessera", ConflictStyle::Syncthing);
    // OneDrive
    add("Personal-DESKTOP-4K1MDG5.tessera", ConflictStyle::OneDriveHost);
    add("Personal-DESKTOP-4K1MDG5-1.tessera", ConflictStyle::OneDriveHost);
    add("Personal-LAPTOP-Q1W2E3R4-2.tessera", ConflictStyle::OneDriveHost);
    add("Personal-hilap.tessera", ConflictStyle::OneDriveHost);
    add("Personal-sahil-Inspiron-5559.tessera", ConflictStyle::OneDriveHost);
    add("Personal-laptop-2.tessera", ConflictStyle::OneDriveHost);
    add("Personal-hilap-hilap.tessera", ConflictStyle::OneDriveHost);
    add("Personal-thinkpad-safeBackup-0001.tessera", ConflictStyle::OneDriveSafeCopy);
    // Google Drive, Windows, generic; iCloud
    add("Personal (1).tessera", ConflictStyle::NumberedCopy);
    add("Personal (2).tessera", ConflictStyle::NumberedCopy);
    add("Personal (1) (1).tessera", ConflictStyle::NumberedCopy);
    add("Personal 2.tessera", ConflictStyle::NumberedNoBracket);
    add("Personal 17.tessera", ConflictStyle::NumberedNoBracket);
    // Stacked: the most telling marker names the style.
    add("Personal (conflicted copy 2024-05-01) (1).tessera", ConflictStyle::ConflictedCopy);
    add("Personal (1) (conflicted copy 2024-05-01).tessera", ConflictStyle::ConflictedCopy);
    add("Personal.sync-conflict-20240413-091523-K3X2R2T 2.tessera", ConflictStyle::Syncthing);
    add("Personal (Jane's conflicted copy 2024-05-01) (Bob's conflicted copy 2024-05-02).tessera",
        ConflictStyle::ConflictedCopy);

    // Never a conflict copy of Personal.tessera:
    add("Personal.tessera", none());                          // the vault itself
    add("Work.tessera", none());                              // another vault beside it
    add("Personalities.tessera", none());                     // a longer name
    add("personal (1).tessera", none());                      // another name (case matters)
    add(".Personal.tessera.tmp-1a2b3c4d", none());            // our own publisher's temporary file
    add("Personal.tessera.tmp", none());                      // some other program's temporary
    add("Personal.tessera.tmp-1a2b3c4d", none());             //
    add("Personal (1).tessera.tmp", none());                  //
    add("Personal.tessera-journal", none());                  // SQLite leftovers
    add("Personal.tessera.bak", none());                      //
    add("Personal (conflicted copy 2024-05-01).txt", none()); // another extension
    add("Personal (conflicted copy 2024-05-01).tessera.part", none());
    add("Personal copy.tessera", none());                        // the user's own Finder duplicate
    add("Personal copy 2.tessera", none());                      //
    add("Personal-backup.tessera", none());                      // the user's own copies
    add("Personal-Backup-2.tessera", none());                    //
    add("Personal-old.tessera", none());                         //
    add("Personal-copy.tessera", none());                        //
    add("Personal-2024.tessera", none());                        // a year, not a host
    add("Personal-2024-05-01.tessera", none());                  // a date
    add("Personal_old.tessera", none());                         //
    add("Personal (old).tessera", none());                       //
    add("Personal 1.tessera", none());                           // iCloud starts at 2
    add("Personal 2024.tessera", none());                        // a year
    add("Personal (1234).tessera", none());                      // no sync client counts that far
    add("Personal  (1).tessera", none());                        // two spaces
    add("Personal(1).tessera", none());                          // no space
    add("Personal-.tessera", none());                            //
    add("Personal--host.tessera", none());                       //
    add("Personal-host-.tessera", none());                       //
    add("Personal.sync-conflict-2024-04-13.tessera", none());    // not Syncthing's format
    add("Personal.sync-conflict-20240413.tessera", none());      // no time
    add("Personal_conflict-2015-01-01.tessera", none());         //
    add("Personal (conflicted copy 2024-05-01.tessera", none()); // unclosed
    add("Personal (Jane's copy 2024-05-01).tessera", none());    //
    add("XPersonal (1).tessera", none());                        //
    add("Personal (1).tesseract", none());                       //
    add("Personal (1)", none());                                 //
}

void TestConflictCopies::names() {
    QFETCH(QString, candidate);
    QFETCH(std::optional<ConflictStyle>, expected);
    const auto style = conflictStyle(QStringLiteral("Personal.tessera"), candidate);
    QCOMPARE(style.has_value(), expected.has_value());
    if (expected)
        QCOMPARE(int(*style), int(*expected));
}

// Names whose vault file is itself named like a copy of another: the relation runs one way only.
void TestConflictCopies::otherVaultNames_data() {
    QTest::addColumn<QString>("vault");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("isCopy");
    QTest::newRow("copy of a numbered vault") << QStringLiteral("Personal (1).tessera")
                                              << QStringLiteral("Personal (1) (1).tessera") << true;
    QTest::newRow("base of a numbered vault")
        << QStringLiteral("Personal (1).tessera") << QStringLiteral("Personal.tessera") << false;
    QTest::newRow("base of a hyphenated vault")
        << QStringLiteral("Personal-Work.tessera") << QStringLiteral("Personal.tessera") << false;
    QTest::newRow("sibling of a hyphenated vault")
        << QStringLiteral("Personal-Work.tessera") << QStringLiteral("Personal-Home.tessera")
        << false;
    QTest::newRow("no extension") << QStringLiteral("vault")
                                  << QStringLiteral("vault (conflicted copy 2024-05-01)") << true;
    QTest::newRow("two dots") << QStringLiteral("my.vault.tessera")
                              << QStringLiteral("my.vault (1).tessera") << true;
    QTest::newRow("syncthing two dots")
        << QStringLiteral("my.vault.tessera")
        << QStringLiteral("my.vault.sync-conflict-20240413-091523-ABCDEFG.tessera") << true;
    QTest::newRow("non-ASCII") << QStringLiteral("Schlüssel.tessera")
                               << QStringLiteral("Schlüssel (Jürgen's conflicted copy "
                                                 "2024-05-01).tessera")
                               << true;
}

void TestConflictCopies::otherVaultNames() {
    QFETCH(QString, vault);
    QFETCH(QString, candidate);
    QFETCH(bool, isCopy);
    QCOMPARE(conflictStyle(vault, candidate).has_value(), isCopy);
}

void TestConflictCopies::findsCopiesInFolder() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray ours = headerWithRandom('\x11');
    const QStringList copies{
        QStringLiteral("Personal (Jane's conflicted copy 2024-05-01).tessera"),
        QStringLiteral("Personal (1).tessera"),
        QStringLiteral("Personal.sync-conflict-20240413-091523-K3X2R2T.tessera"),
    };
    const QStringList others{
        QStringLiteral("Personal.tessera"),
        QStringLiteral("Work.tessera"),
        QStringLiteral(".Personal.tessera.tmp-00ff00ff"),
        QStringLiteral("Personal.tessera.tmp"),
        QStringLiteral("Personal-backup.tessera"),
    };
    for (const QString& name : copies + others)
        QVERIFY(writeFile(dir.filePath(name), ours + QByteArray(4080, 'x')));
    // Folders and symbolic links named like copies are not taken.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("Personal (2).tessera")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("Work.tessera")),
                        dir.filePath(QStringLiteral("Personal (3).tessera"))));
    // A short file is still listed (it will be reported as damaged), with no header.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("Personal 2.tessera")), "short"));

    const auto found = findConflictCopies(dir.filePath(QStringLiteral("Personal.tessera")));
    QStringList names;
    for (const ConflictCopy& copy : found) {
        names << copy.fileName;
        QCOMPARE(copy.path, QDir(dir.path()).absoluteFilePath(copy.fileName));
        QCOMPARE(copy.header,
                 copy.fileName == QLatin1String("Personal 2.tessera") ? QByteArray() : ours);
    }
    QStringList expected = copies;
    expected << QStringLiteral("Personal 2.tessera");
    expected.sort();
    QCOMPARE(names, expected);
    // The vault's folder may not exist (any more): nothing is found, nothing fails.
    QVERIFY(findConflictCopies(dir.filePath(QStringLiteral("gone/Personal.tessera"))).empty());
}

void TestConflictCopies::headerFilter() {
    const QByteArray current = headerWithRandom('\x11');
    const QByteArray previousEpoch = headerWithRandom('\x22');
    const std::vector<QByteArray> known{previousEpoch, current};
    QVERIFY(headerOfThisVault(current, known));
    QVERIFY(headerOfThisVault(previousEpoch, known));
    // Other KDF parameters, same random bytes: this vault (a header edit is caught on open).
    QVERIFY(headerOfThisVault(headerWithRandom('\x11', 3), known));
    QVERIFY(!headerOfThisVault(headerWithRandom('\x33'), known)); // another vault
    QVERIFY(!headerOfThisVault(QByteArray(), known));
    QVERIFY(!headerOfThisVault(current.left(15), known));
    QVERIFY(!headerOfThisVault(current, {}));
    QVERIFY(saysConflict(ConflictStyle::ConflictedCopy));
    QVERIFY(saysConflict(ConflictStyle::Syncthing));
    QVERIFY(!saysConflict(ConflictStyle::NumberedCopy));
    QVERIFY(!saysConflict(ConflictStyle::OneDriveHost));
}

QTEST_GUILESS_MAIN(TestConflictCopies)
#include "tst_conflictcopies.moc"
