// Memory residue of the vault core, driven the way tessera-cli drives it (residue_core_child):
// after every step this test reads the child's whole writable memory and counts copies of the
// master password and of every entry's password and notes, as UTF-8 and UTF-16. Zero copies of
// anything once unlocking is done and while idle; an opened entry's secrets only while its details
// are held, and then only in locked (mlock-ed) memory; zero after lock. The secrets are random per
// run and reach the child on stdin. A canary the child keeps on purpose in a QByteArray and a
// QString proves at every step that the scan finds both encodings.
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

const QSet<QString> Canary{QStringLiteral("canary")};

} // namespace

class TestResidueCore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_harness.isValid());
        const QString made = m_harness.createVault();
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString started = m_harness.start(QStringLiteral(TESSERA_RESIDUE_CORE_CHILD),
                                                {m_harness.vaultPath(), m_harness.childDataDir()});
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanupTestCase() { m_harness.stop(); }

    void checkpoint_data() {
        QTest::addColumn<Checkpoint>("checkpoint");
        QTest::addColumn<bool>("keysLocked"); // VmLck > 0 here
        // Every copy of these secrets must lie in mlock-ed memory (opened details).
        QTest::addColumn<QStringList>("onlyLocked");
        const auto row = [](const char* name, QStringList commands, QSet<QString> allowed,
                            QSet<QString> present, bool keysLocked) {
            Checkpoint checkpoint{QString::fromLatin1(name), std::move(commands), allowed,
                                  present + Canary, Canary};
            QTest::newRow(name) << checkpoint << keysLocked << QStringList(allowed.values());
        };
        row("started", {QStringLiteral("canary canary")}, {}, {}, false);
        row("unlocked-idle", {QStringLiteral("unlock master")}, {}, {}, true);
        row("listed-idle", {QStringLiteral("list")}, {}, {}, true);
        row("two-entries-open", {QStringLiteral("open Entry 1"), QStringLiteral("open Entry 3")},
            entrySecrets({1, 3}), entrySecrets({1, 3}), true);
        row("entries-closed", {QStringLiteral("close")}, {}, {}, true);
        row("password-copied", {QStringLiteral("copy Entry 4")}, {}, {}, true);
        row("password-changed", {QStringLiteral("passwd Entry 2 new2.password")}, {}, {}, true);
        row("locked", {QStringLiteral("lock")}, {}, {}, false);
    }

    void checkpoint() {
        QFETCH(Checkpoint, checkpoint);
        QFETCH(bool, keysLocked);
        QFETCH(QStringList, onlyLocked);
        const QStringList problems = m_harness.check(QStringLiteral("core"), checkpoint);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));

        // Keys and opened details live in mlock-ed memory (SecureBuffer). ASan's mlock
        // interceptor does nothing, so under ASan only the copies were counted.
        if (underAddressSanitizer() && (keysLocked || !onlyLocked.isEmpty()))
            QSKIP("copies counted (none found); mlock is a no-op under AddressSanitizer");
        if (keysLocked) {
            const qint64 locked = lockedKiB(m_harness.childPid());
            QVERIFY2(locked > 0, qPrintable(QStringLiteral("VmLck %1 kB").arg(locked)));
        }
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

QTEST_GUILESS_MAIN(TestResidueCore)
#include "tst_residue_core.moc"
