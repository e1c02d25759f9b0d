// End to end: the real tessera binary. --version and --help work without a display, a bad option
// is refused, started offscreen it shows the unlock page for a vault path (the password field
// focused) or the welcome page on first run, and a second launch hands its vault path to the
// running instance and exits, and SIGTERM quits the way Quit does.
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int ProcessWaitMs = 60000; // a loaded CI machine

} // namespace

class TestAppSmoke : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("run"))));
        QVERIFY(QFile::setPermissions(m_dir->filePath(QStringLiteral("run")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void version() {
        QProcess app;
        app.setProcessEnvironment(isolated(false));
        app.start(QStringLiteral(TESSERA_APP), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(ProcessWaitMs));
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(app.readAllStandardOutput(), QByteArray("tessera " TESSERA_VERSION "\n"));
    }

    void help() {
        QProcess app;
        app.setProcessEnvironment(isolated(false));
        app.start(QStringLiteral(TESSERA_APP), {QStringLiteral("--help")});
        QVERIFY(app.waitForFinished(ProcessWaitMs));
        QCOMPARE(app.exitCode(), 0);
        const QByteArray out = app.readAllStandardOutput();
        QVERIFY(out.startsWith("Usage: tessera [VAULT_FILE]"));
        QVERIFY(out.contains("--quick"));
    }

    void badOption() {
        QProcess app;
        app.setProcessEnvironment(isolated(false));
        app.start(QStringLiteral(TESSERA_APP), {QStringLiteral("--frobnicate")});
        QVERIFY(app.waitForFinished(ProcessWaitMs));
        QCOMPARE(app.exitCode(), 2);
        QCOMPARE(app.readAllStandardError(),
                 QByteArray("tessera: unknown option --frobnicate (see tessera --help)\n"));
    }

    void showsUnlockPageForVault() {
        const QString vault = m_dir->filePath(QStringLiteral("Family.tessera"));
        const QByteArray out = runApp({vault}, 1500);
        QCOMPARE(out, QByteArray("page=unlock focus=Master password\n"));
        // The data folder was made private.
        const QFileInfo data(m_dir->filePath(QStringLiteral("data")));
        QVERIFY(data.isDir());
        QCOMPARE(data.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void firstRunShowsWelcome() {
        QCOMPARE(runApp({}, 1500), QByteArray("page=welcome focus=Create a new vault\n"));
    }

    void secondLaunchForwards() {
        // The first instance waits long enough for the second to hand over its vault path.
        QProcess first;
        first.setProcessEnvironment(isolated(true, 10000));
        first.start(QStringLiteral(TESSERA_APP), {});
        QVERIFY(first.waitForStarted(ProcessWaitMs));
        const QString socket = m_dir->filePath(QStringLiteral("run/tessera.socket"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), ProcessWaitMs);

        QProcess second;
        second.setProcessEnvironment(isolated(true, 1));
        const QString vault = m_dir->filePath(QStringLiteral("Work.tessera"));
        second.start(QStringLiteral(TESSERA_APP), {vault});
        QVERIFY(second.waitForFinished(ProcessWaitMs));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(second.readAllStandardOutput(), QByteArray()); // it never showed a window

        QVERIFY(first.waitForFinished(ProcessWaitMs));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(first.readAllStandardOutput(), QByteArray("page=unlock focus=Master password\n"));
    }

    void terminateQuitsLikeQuit() {
        // SIGTERM (logout) goes the Quit way: exit 0, the window geometry remembered.
        QProcess app;
        app.setProcessEnvironment(isolated(false));
        app.start(QStringLiteral(TESSERA_APP),
                  {QStringLiteral("-platform"), QStringLiteral("offscreen")});
        QVERIFY(app.waitForStarted(ProcessWaitMs));
        const QString socket = m_dir->filePath(QStringLiteral("run/tessera.socket"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), ProcessWaitMs);
        app.terminate();
        QVERIFY(app.waitForFinished(ProcessWaitMs));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QSettings settings(m_dir->filePath(QStringLiteral("config/Tessera/tessera.ini")),
                           QSettings::IniFormat);
        QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    }

private:
    QProcessEnvironment isolated(bool smoke, int exitMs = 1500) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_dir->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("TESSERA_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        // English whatever the machine's language: the checks below read the UI's text.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        if (smoke)
            env.insert(QStringLiteral("TESSERA_SMOKE_EXIT_MS"), QString::number(exitMs));
        else
            env.remove(QStringLiteral("DISPLAY")); // --version/--help need no display
        return env;
    }

    QByteArray runApp(const QStringList& args, int exitMs) {
        QProcess app;
        app.setProcessEnvironment(isolated(true, exitMs));
        app.start(QStringLiteral(TESSERA_APP), args);
        if (!app.waitForFinished(ProcessWaitMs)) {
            app.kill();
            app.waitForFinished();
            return "timed out";
        }
        if (app.exitCode() != 0)
            return "exit " + QByteArray::number(app.exitCode()) + ": " + app.readAllStandardError();
        return app.readAllStandardOutput();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestAppSmoke)
#include "tst_appsmoke.moc"
