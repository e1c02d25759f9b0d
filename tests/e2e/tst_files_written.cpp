// What a realistic session of the real binaries leaves on disk. tessera-cli creates a vault, adds
// entries with secrets (typed on stdin: never argv or environment), shows, edits, attaches,
// exports to a new vault, publishes several times (so backups exist) and lists the backups; the
// desktop app starts offscreen on that vault and quits. HOME, every XDG_* folder and TMPDIR point
// into the sandbox and the umask is 022, so a file created without an explicit private mode shows
// up as group/world readable. Then EVERY file under the sandbox is searched for the master
// passwords and the entry secrets (UTF-8 and UTF-16LE), and every file and folder that the
// binaries created must be 0600 / 0700.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

constexpr int TimeoutMs = 120 * 1000;
const QStringList FastKdf = {QStringLiteral("--kdf-ops"), QStringLiteral("1"),
                             QStringLiteral("--kdf-mem"), QStringLiteral("1")};

QByteArray randomText(int length) {
    static const char Alphabet[] =
        "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+=?@";
    QByteArray text;
    for (int i = 0; i < length; ++i)
        text.append(Alphabet[QRandomGenerator::system()->bounded(int(sizeof Alphabet) - 1)]);
    return text;
}

QByteArray utf16le(const QByteArray& utf8) {
    const QString text = QString::fromUtf8(utf8);
    return QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray describe() const {
        return "exit " + QByteArray::number(exitCode) + "; stderr: " + err.trimmed();
    }
};

} // namespace

class TestFilesWritten : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // Folders the test makes itself; everything else under the sandbox the binaries made.
        for (const char* folder : {"home", "vaults", "tmp", "runtime"}) {
            QVERIFY(QDir().mkpath(path(QString::fromLatin1(folder))));
            m_ours.insert(path(QString::fromLatin1(folder)));
        }
        QVERIFY(QFile::setPermissions(path(QStringLiteral("runtime")), QFileDevice::ReadOwner |
                                                                           QFileDevice::WriteOwner |
                                                                           QFileDevice::ExeOwner));
        m_ours.insert(m_dir.path());
        m_master = randomText(20) + "\xc3\xa9" + randomText(6); // with an é
        m_exportMaster = randomText(24);
        for (int i = 0; i < 3; ++i)
            m_passwords.append(randomText(18));
        m_changedPassword = randomText(21);
        m_protectedValue = randomText(17);
        m_attachmentText = "attachment " + randomText(20);
        m_oldUmask = ::umask(022);
    }

    void cleanupTestCase() { ::umask(m_oldUmask); }

    void cliSession() {
        const QString vault = path(QStringLiteral("vaults/main.tessera"));
        expect(cli(QStringList{QStringLiteral("create"), vault} + FastKdf, {m_master}), 0);
        for (int i = 0; i < m_passwords.size(); ++i) {
            QStringList args = {QStringLiteral("add"),
                                vault,
                                QStringLiteral("--title"),
                                QStringLiteral("Entry %1").arg(i),
                                QStringLiteral("--username"),
                                QStringLiteral("user%1").arg(i),
                                QStringLiteral("--password-prompt")};
            QByteArrayList input = {m_master, m_passwords.at(i)};
            if (i == 0) {
                args << QStringLiteral("--protected-field") << QStringLiteral("pin");
                input << m_protectedValue;
            }
            expect(cli(args, input), 0);
        }
        expect(cli({QStringLiteral("show"), vault, QStringLiteral("Entry 0"),
                    QStringLiteral("--show-protected")},
                   {m_master}),
               0);
        expect(cli({QStringLiteral("edit"), vault, QStringLiteral("Entry 1"),
                    QStringLiteral("--password-prompt")},
                   {m_master, m_changedPassword}),
               0);
        // An attachment from a file the test writes (its own file, removed at once).
        const QString attachment = path(QStringLiteral("note.txt"));
        {
            QFile file(attachment);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(m_attachmentText);
        }
        expect(cli({QStringLiteral("attach"), vault, QStringLiteral("Entry 2"), attachment},
                   {m_master}),
               0);
        QVERIFY(QFile::remove(attachment));
        // Export to a NEW encrypted vault under another master password.
        expect(cli(QStringList{QStringLiteral("export"), vault, QStringLiteral("--format"),
                               QStringLiteral("tessera"), QStringLiteral("--output"),
                               path(QStringLiteral("vaults/exported.tessera"))} +
                       FastKdf,
                   {m_master, m_exportMaster}),
               0);
        expect(cli({QStringLiteral("ls"), path(QStringLiteral("vaults/exported.tessera"))},
                   {m_exportMaster}),
               0);
        const Run backups = cli({QStringLiteral("backups"), vault}, {m_master});
        expect(backups, 0);
        QVERIFY2(!backups.out.trimmed().isEmpty(), "no backups were kept");
    }

    void appSession() {
        // The desktop app offscreen on that vault: it shows the unlock page, then quits.
        QProcess app;
        app.setProcessEnvironment(environment());
        app.setWorkingDirectory(path(QStringLiteral("home")));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("TESSERA_SMOKE_EXIT_MS"), QStringLiteral("500"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(TESSERA_APP), {path(QStringLiteral("vaults/main.tessera"))});
        QVERIFY(app.waitForStarted(TimeoutMs));
        app.closeWriteChannel();
        QVERIFY(app.waitForFinished(TimeoutMs));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(app.readAllStandardOutput().contains("page=unlock"), "the app did not start");
    }

    void noSecretInAnyFile() {
        QList<QPair<QString, QByteArray>> needles;
        const auto add = [&needles](const QString& what, const QByteArray& secret) {
            needles.append({what + QStringLiteral(" (UTF-8)"), secret});
            needles.append({what + QStringLiteral(" (UTF-16)"), utf16le(secret)});
        };
        add(QStringLiteral("master password"), m_master);
        add(QStringLiteral("export master password"), m_exportMaster);
        for (int i = 0; i < m_passwords.size(); ++i)
            add(QStringLiteral("entry %1 password").arg(i), m_passwords.at(i));
        add(QStringLiteral("changed password"), m_changedPassword);
        add(QStringLiteral("protected field"), m_protectedValue);
        add(QStringLiteral("attachment text"), m_attachmentText);

        // A positive control: a file of the test's own holding a secret must be found.
        const QByteArray canary = randomText(20);
        {
            QFile file(path(QStringLiteral("tmp/canary.txt")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x" + utf16le(canary));
            m_ours.insert(file.fileName());
        }
        add(QStringLiteral("canary"), canary);

        int scanned = 0;
        QStringList found;
        QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            if (QFileInfo(file).isSymLink())
                continue;
            QFile handle(file);
            if (!handle.open(QIODevice::ReadOnly))
                continue; // a socket
            const QByteArray content = handle.readAll();
            ++scanned;
            for (const auto& [what, bytes] : needles) {
                if (content.contains(bytes))
                    found.append(relative(file) + QStringLiteral(": ") + what);
            }
        }
        qInfo("scanned %d files", scanned);
        QVERIFY2(scanned >= 5, "the session wrote almost nothing: nothing was checked");
        QVERIFY2(found.removeAll(QStringLiteral("tmp/canary.txt: canary (UTF-16)")) == 1,
                 "the scan did not find the canary");
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    }

    void everythingCreatedIsPrivate() {
        QStringList wrong;
        int checked = 0;
        QDirIterator entries(m_dir.path(),
                             QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
        while (entries.hasNext()) {
            const QString entry = entries.next();
            if (m_ours.contains(entry))
                continue;
            struct stat info {};
            if (::lstat(QFile::encodeName(entry).constData(), &info) != 0 || S_ISLNK(info.st_mode))
                continue;
            ++checked;
            const mode_t mode = info.st_mode & 07777;
            // Folders 0700; files no more than 0600; sockets (the single-instance one) nothing
            // for group or others.
            const bool ok = S_ISDIR(info.st_mode)    ? mode == 0700
                            : S_ISSOCK(info.st_mode) ? (mode & 077) == 0
                                                     : (mode & 0177) == 0;
            if (!ok)
                wrong.append(
                    QStringLiteral("%1 %2").arg(relative(entry)).arg(mode, 4, 8, QLatin1Char('0')));
        }
        qInfo("checked %d files and folders the binaries created", checked);
        QVERIFY(checked >= 5);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
    }

    void settingsHoldNoSecret() {
        // The app's settings exist (so the scan above covered them) and hold no secret.
        QStringList settings;
        QDirIterator files(path(QStringLiteral("xdg-config")),
                           {QStringLiteral("*.conf"), QStringLiteral("*.ini")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext())
            settings.append(files.next());
        QVERIFY2(!settings.isEmpty(), "the app wrote no settings file");
        for (const QString& file : std::as_const(settings)) {
            QFile handle(file);
            QVERIFY(handle.open(QIODevice::ReadOnly));
            const QByteArray content = handle.readAll();
            QVERIFY(!content.contains(m_master) && !content.contains(utf16le(m_master)));
        }
    }

private:
    QString path(const QString& relativePath) const { return m_dir.filePath(relativePath); }
    QString relative(const QString& file) const {
        return QDir(m_dir.path()).relativeFilePath(file);
    }

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"TESSERA_DATA_DIR", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        // Not made by the test: the binaries create what they need (and must make it private).
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("xdg-cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("xdg-state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        return env;
    }

    // Runs tessera-cli; secrets only as stdin lines. The arguments are checked for every secret.
    Run cli(const QStringList& args, const QByteArrayList& input) {
        const QByteArray argv = args.join(QLatin1Char('\n')).toUtf8();
        for (const QByteArray& secret : input)
            if (argv.contains(secret))
                qFatal("a secret would go on the command line");
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(path(QStringLiteral("home")));
        process.start(QStringLiteral(TESSERA_CLI_PATH), args);
        Run run;
        if (!process.waitForStarted(TimeoutMs))
            return run;
        for (const QByteArray& line : input)
            process.write(line + '\n');
        process.closeWriteChannel();
        if (!process.waitForFinished(TimeoutMs))
            process.kill();
        process.waitForFinished();
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    static void expect(const Run& run, int code) {
        QVERIFY2(run.exitCode == code, run.describe().constData());
    }

    QTemporaryDir m_dir;
    QSet<QString> m_ours;
    QByteArray m_master, m_exportMaster, m_changedPassword, m_protectedValue, m_attachmentText;
    QByteArrayList m_passwords;
    mode_t m_oldUmask = 022;
};

QTEST_GUILESS_MAIN(TestFilesWritten)
#include "tst_files_written.moc"
