// Crash safety of publishing (DESIGN.md "Sync through a cloud folder"): the real tessera-cli is
// killed with SIGKILL at random moments while it adds an entry and publishes, 240 times with a
// fixed seed. After every kill the vault file must open and hold the state before the run or a
// later one (never less, never a torn file), every run that finished must be in the final file,
// and the temporary files killed publishes leave beside the vault file are gone after the next
// publish. The vault file is checked in-process (the hardened open of core/vault/VaultFile.h with
// keys derived once), so the loop costs little more than the killed runs themselves.

#include "CliSandbox.h"

#include "vault/Entry.h"
#include "vault/OverviewLoader.h"
#include "vault/VaultFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <optional>

using namespace tessera;

namespace {

constexpr int Kills = 240;
constexpr quint32 Seed = 20261127;
constexpr int TimingRuns = 5;

// Starts `add VAULT --title TITLE` with the master password on stdin.
void startAdd(QProcess& process, const CliSandbox& sandbox, const QString& title) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_DATA_DIR"), sandbox.dataDir());
    environment.insert(QStringLiteral("HOME"), sandbox.filePath(QStringLiteral("home")));
    environment.remove(QStringLiteral("XDG_DATA_HOME"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TESSERA_CLI_PATH),
                  {QStringLiteral("add"), sandbox.vaultPath(), QStringLiteral("--title"), title});
    process.waitForStarted();
    // No event loop runs here: hand the password over now, not when the process is waited for.
    process.write(CliSandbox::MasterPassword + '\n');
    process.waitForBytesWritten();
    process.closeWriteChannel();
}

// Reads the titles in the published vault file the way a second device would (a private copy,
// opened read-only with every check), with keys derived once.
class PublishedReader {
public:
    explicit PublishedReader(const CliSandbox& sandbox)
        : m_sandbox(sandbox) {}

    // nullopt (with the reason in m_error) if the file does not open.
    std::optional<QSet<QString>> titles() {
        const QString copy = m_sandbox.filePath(QStringLiteral("check.tessera"));
        QFile::remove(copy);
        if (!QFile::copy(m_sandbox.vaultPath(), copy))
            return fail(QStringLiteral("cannot copy the vault file"));
        auto header = inspectFile(copy);
        if (!header)
            return fail(header.error().message);
        if (!m_keys || header->bytes() != m_header) {
            auto keys = deriveMasterKeys(SecureBuffer::copyOf(std::string_view(
                                             CliSandbox::MasterPassword.constData(),
                                             std::size_t(CliSandbox::MasterPassword.size()))),
                                         *header, nullptr);
            if (!keys)
                return fail(keys.error().message);
            m_keys.emplace(std::move(*keys));
            m_header = header->bytes();
        }
        auto file = openVaultFile(copy, *header, *m_keys, Trust::Foreign);
        if (!file)
            return fail(file.error().message);
        auto loaded = loadOverviews(*file);
        if (!loaded)
            return fail(loaded.error().message);
        QSet<QString> result;
        for (const EntryOverview& overview : loaded->overviews)
            result.insert(overview.title.value);
        return result;
    }
    QString error() const { return m_error; }

private:
    std::optional<QSet<QString>> fail(const QString& why) {
        m_error = why;
        return std::nullopt;
    }
    const CliSandbox& m_sandbox;
    std::optional<MasterKeys> m_keys;
    QByteArray m_header;
    QString m_error;
};

QStringList temporaries(const CliSandbox& sandbox) {
    return QDir(sandbox.vaultDir())
        .entryList({QStringLiteral(".test.tessera.tmp-*")}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestCliCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killDuringPublish();
};

void TestCliCrash::killDuringPublish() {
    CliSandbox sandbox;
    QVERIFY(sandbox.isValid());
    CLI_EXPECT(sandbox.create(), 0);

    // How long one whole run takes here: kills are spread over that span (and a little beyond,
    // so some runs finish).
    std::vector<qint64> durations;
    QSet<QString> finished;
    for (int i = 0; i < TimingRuns; ++i) {
        const QString title = QStringLiteral("timing %1").arg(i);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!sandbox.add({QStringLiteral("--title"), title}).isEmpty());
        durations.push_back(timer.nsecsElapsed() / 1000);
        finished.insert(title);
    }
    std::sort(durations.begin(), durations.end());
    const qint64 spanUs = durations[durations.size() / 2] * 6 / 5;
    qInfo("one run takes about %lld ms; kills come within %lld ms of the start",
          durations[durations.size() / 2] / 1000, spanUs / 1000);

    PublishedReader reader(sandbox);
    auto published = reader.titles();
    QVERIFY2(published.has_value(), qPrintable(reader.error()));
    QCOMPARE(*published, finished);

    QRandomGenerator random(Seed);
    QSet<QString> attempted = finished;
    int killedBeforePublish = 0;
    int tornPublishes = 0;
    int completed = 0;
    for (int i = 0; i < Kills; ++i) {
        const QString title = QStringLiteral("entry %1").arg(i);
        attempted.insert(title);
        QProcess process;
        startAdd(process, sandbox, title);
        QThread::usleep(random.bounded(quint32(spanUs)));
        process.kill();
        process.waitForFinished();
        if (process.exitStatus() == QProcess::NormalExit) {
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            finished.insert(title);
            ++completed;
        }
        if (!temporaries(sandbox).isEmpty())
            ++tornPublishes;

        const auto now = reader.titles();
        QVERIFY2(now.has_value(),
                 qPrintable(QStringLiteral("after kill %1 the vault file does not open: %2")
                                .arg(i)
                                .arg(reader.error())));
        // The previous state or a newer one: nothing published is ever lost, nothing appears
        // that no run wrote.
        QVERIFY2(now->contains(*published),
                 qPrintable(QStringLiteral("kill %1 lost entries").arg(i)));
        QVERIFY(attempted.contains(*now));
        QVERIFY(now->contains(finished));
        if (!now->contains(title))
            ++killedBeforePublish;
        published = now;
    }
    qInfo("%d kills: %d runs finished, %d killed before their entry was published, %d left a "
          "temporary file in the vault folder",
          Kills, completed, killedBeforePublish, tornPublishes);

    // The next ordinary run publishes whatever the killed ones committed to the working copy, and
    // removes the temporary files killed publishes left.
    QVERIFY(
        !sandbox.add({QStringLiteral("--title"), QStringLiteral("after the crashes")}).isEmpty());
    finished.insert(QStringLiteral("after the crashes"));
    attempted.insert(QStringLiteral("after the crashes"));
    QVERIFY2(temporaries(sandbox).isEmpty(), qPrintable(temporaries(sandbox).join(u' ')));
    const auto last = reader.titles();
    QVERIFY2(last.has_value(), qPrintable(reader.error()));
    QVERIFY(last->contains(finished));
    QVERIFY(attempted.contains(*last));
    // The CLI itself agrees, on a second device that has never seen the vault.
    const CliResult listed =
        sandbox.run({QStringLiteral("ls"), sandbox.vaultPath()}, {CliSandbox::MasterPassword},
                    sandbox.filePath(QStringLiteral("data-b")));
    CLI_EXPECT(listed, 0);
    for (const QString& title : finished)
        QVERIFY2(listed.outText().contains(title), qPrintable(title));
    // The working copy on the killed device holds everything any run committed.
    const CliResult local = sandbox.runOnVault(QStringLiteral("ls"));
    CLI_EXPECT(local, 0);
    QCOMPARE(local.outText().count(QLatin1Char('\n')), last->size());
}

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_cli_crash.moc"
