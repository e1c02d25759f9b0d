// Memory residue of the desktop app: the real main window and dialogs offscreen
// (residue_app_child), driven through their widgets; after every step this test reads the child's
// whole writable memory and counts copies of the master password and of every entry's password and
// notes, as UTF-8 and UTF-16 (MemoryScan.h). Zero copies of anything while unlocked and idle and
// after lock; an entry's secrets only while it is shown (selected, revealed), copied (until the
// clipboard is cleared) or edited, and passwords in an editor only in locked memory. The
// secrets are random per run and reach the child on stdin; a canary the child keeps in a
// QByteArray and a QString proves at every step that the scan sees both encodings.
#include "MemoryScan.h"
#include "ResidueHarness.h"
#include "crypto/Crypto.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

Q_DECLARE_METATYPE(tessera::test::Checkpoint)

namespace {

QSet<QString> entrySecrets(std::initializer_list<int> entries) {
    QSet<QString> ids;
    for (const int entry : entries) {
        ids.insert(QStringLiteral("entry%1.password").arg(entry));
        ids.insert(QStringLiteral("entry%1.notes").arg(entry));
    }
    return ids;
}

QSet<QString> ids(std::initializer_list<const char*> names) {
    QSet<QString> set;
    for (const char* name : names)
        set.insert(QString::fromLatin1(name));
    return set;
}

const QSet<QString> Canary{QStringLiteral("canary")};

} // namespace

class TestResidueApp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_harness.isValid());
        const QString made = m_harness.createVault();
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString started =
            m_harness.start(QStringLiteral(TESSERA_RESIDUE_APP_CHILD),
                            {m_harness.vaultPath(), m_harness.childDataDir(),
                             m_harness.path(QStringLiteral("tessera.conf"))},
                            {QStringLiteral("QT_QPA_PLATFORM=offscreen")}, true);
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanupTestCase() { m_harness.stop(); }

    void checkpoint_data() {
        QTest::addColumn<Checkpoint>("checkpoint");
        // Copies of these secrets may exist, but only in locked memory (a SecureBuffer).
        QTest::addColumn<QStringList>("onlyLocked");
        const auto row = [](const char* name, QStringList commands, QSet<QString> allowed,
                            QSet<QString> present, QSet<QString> presentUtf16,
                            QSet<QString> onlyLocked) {
            Checkpoint checkpoint{QString::fromLatin1(name), std::move(commands),
                                  allowed + onlyLocked, present + Canary, presentUtf16 + Canary};
            QTest::newRow(name) << checkpoint << QStringList(onlyLocked.values());
        };
        const auto cmd = [](const char* text) { return QString::fromLatin1(text); };
        row("started", {cmd("canary canary")}, {}, {}, {}, {});
        // The first entry is selected at unlock: the details pane shows it, masked, holding none
        // of its secrets (they are opened when revealed or copied).
        row("unlocked-idle", {cmd("unlock master")}, {}, {}, {}, {});
        row("entry-selected", {cmd("select Entry 1")}, {}, {}, {}, {});
        row("entry-revealed", {cmd("reveal")}, entrySecrets({1}), ids({"entry1.password"}),
            ids({"entry1.password", "entry1.notes"}), {});
        row("entry-hidden-idle", {cmd("hide")}, {}, {}, {}, {});
        row("deselected-idle", {cmd("deselect")}, {}, {}, {}, {});
        // The clipboard holds the copy until it is cleared (the QMimeData's buffer, wiped then).
        row("password-copied", {cmd("select Entry 4"), cmd("copy")}, ids({"entry4.password"}),
            ids({"entry4.password"}), {}, {});
        row("clipboard-cleared-idle", {cmd("clipclear"), cmd("deselect")}, {}, {}, {}, {});
        // The editor holds the password in its SecurePasswordEdit (UTF-8, locked memory) and the
        // notes in its QPlainTextEdit (UTF-16: Qt offers no secure text document).
        // Passwords in the editor never leave locked memory.
        row("editor-open", {cmd("edit Entry 2")}, ids({"entry2.notes"}), ids({"entry2.password"}),
            ids({"entry2.notes"}), ids({"entry2.password"}));
        row("editor-typed", {cmd("type-password new2.password")}, ids({"entry2.notes"}),
            ids({"new2.password"}), ids({"entry2.notes"}),
            ids({"entry2.password", "new2.password"}));
        // The generator dialog has closed (Use): its preview's copy is gone with it.
        row("editor-generated", {cmd("generate")}, ids({"entry2.notes"}), ids({"generated"}),
            ids({"entry2.notes"}), ids({"entry2.password", "new2.password", "generated"}));
        row("editor-saved-closed-idle", {cmd("save")}, {}, {}, {}, {});
        row("locked", {cmd("lock")}, {}, {}, {}, {});
    }

    void checkpoint() {
        QFETCH(Checkpoint, checkpoint);
        QFETCH(QStringList, onlyLocked);
        const QStringList problems = m_harness.check(QStringLiteral("app"), checkpoint);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        // ASan's mlock interceptor does nothing: only the copies can be counted there.
        if (underAddressSanitizer() && !onlyLocked.isEmpty())
            QSKIP("copies counted (as expected); mlock is a no-op under AddressSanitizer");
        const ScanResult& scan = m_harness.lastScan();
        for (const Hit& hit : scan.hits) {
            const QString label = m_harness.lastNeedles().at(hit.needle).label;
            const QString id = label.section(QLatin1Char(' '), 0, 0);
            if (onlyLocked.contains(id))
                QVERIFY2(scan.mappings.at(hit.mapping).locked,
                         qPrintable(label + QStringLiteral(" outside locked memory")));
        }
    }

private:
    ResidueHarness m_harness;
};

QTEST_GUILESS_MAIN(TestResidueApp)
#include "tst_residue_app.moc"
