// tessera-cli end to end: changing the master password, and no plaintext at rest anywhere the
// CLI writes (vault file, working copy, backups, device state).

#include "CliSandbox.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <unistd.h>

namespace {

int keyEpoch(const CliSandbox& sandbox, const QByteArray& password) {
    const CliResult info = sandbox.run(
        {QStringLiteral("info"), sandbox.vaultPath(), QStringLiteral("--json")}, {password});
    return QJsonDocument::fromJson(info.out).object().value(QLatin1String("keyEpoch")).toInt(-1);
}

QByteArray utf16le(const QByteArray& utf8) {
    const QString text = QString::fromUtf8(utf8);
    QByteArray bytes;
    for (const QChar c : text) {
        bytes.append(char(c.unicode() & 0xff));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

} // namespace

class TestCliSecurity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
    }
    void cleanup() { m_sandbox.reset(); }

    void passwdChangesTheMasterPassword() {
        const QString id = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Mail"),
                                           QStringLiteral("--password-prompt")},
                                          {"entry-password"});
        QVERIFY(!id.isEmpty());
        const int epochBefore = keyEpoch(*m_sandbox, CliSandbox::MasterPassword);
        QVERIFY(epochBefore >= 0);

        const QByteArray newPassword = "a much better passphrase";
        CLI_EXPECT(m_sandbox->run({QStringLiteral("passwd"), m_sandbox->vaultPath()},
                                  {CliSandbox::MasterPassword, newPassword}),
                   0);
        const CliResult old = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(old, 2);

        const CliResult shown =
            m_sandbox->run({QStringLiteral("show"), m_sandbox->vaultPath(), id,
                            QStringLiteral("--field"), QStringLiteral("password")},
                           {newPassword});
        CLI_EXPECT(shown, 0);
        QCOMPARE(shown.out, QByteArray("entry-password\n"));
        QCOMPARE(keyEpoch(*m_sandbox, newPassword), epochBefore + 1);
    }

    void passwdKdfOptions_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("opsLimit");
        QTest::addColumn<int>("memLog2");
        QTest::newRow("keeps the vault's parameters") << QStringList() << 1 << 20;
        QTest::newRow("new iterations")
            << QStringList{QStringLiteral("--kdf-ops"), QStringLiteral("2")} << 2 << 20;
        QTest::newRow("new memory")
            << QStringList{QStringLiteral("--kdf-mem"), QStringLiteral("2")} << 1 << 21;
    }
    void passwdKdfOptions() {
        QFETCH(QStringList, options);
        QFETCH(int, opsLimit);
        QFETCH(int, memLog2);
        const QByteArray newPassword = "another passphrase";
        CLI_EXPECT(
            m_sandbox->run(QStringList{QStringLiteral("passwd"), m_sandbox->vaultPath()} + options,
                           {CliSandbox::MasterPassword, newPassword}),
            0);
        const CliResult info = m_sandbox->run(
            {QStringLiteral("info"), m_sandbox->vaultPath(), QStringLiteral("--json")},
            {newPassword});
        CLI_EXPECT(info, 0);
        const QJsonObject kdf =
            QJsonDocument::fromJson(info.out).object().value(QLatin1String("kdf")).toObject();
        QCOMPARE(kdf.value(QLatin1String("opsLimit")).toInt(), opsLimit);
        QCOMPARE(kdf.value(QLatin1String("memLog2")).toInt(), memLog2);
    }

    void passwdWithWrongCurrentPasswordChangesNothing() {
        const QByteArray before = [this] {
            QFile file(m_sandbox->vaultPath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        CLI_EXPECT(m_sandbox->run({QStringLiteral("passwd"), m_sandbox->vaultPath()},
                                  {"wrong", "new password"}),
                   2);
        QFile file(m_sandbox->vaultPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("ls")), 0);
    }

    void changedOnDiskIsMerged() {
        if (geteuid() == 0)
            QSKIP("needs a folder the process cannot write to; root writes anyway");
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("First")}).isEmpty());
        // Publishing fails: the change stays in this device's working copy only.
        const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ExeOwner;
        QVERIFY(QFile::setPermissions(m_sandbox->vaultDir(), readOnly));
        const CliResult unpublished = m_sandbox->runOnVault(
            QStringLiteral("add"), {QStringLiteral("--title"), QStringLiteral("Local")});
        QVERIFY(QFile::setPermissions(m_sandbox->vaultDir(), readOnly | QFileDevice::WriteOwner));
        CLI_EXPECT(unpublished, 6);
        // Another device changes the vault file meanwhile.
        const QString other = m_sandbox->filePath(QStringLiteral("other"));
        CLI_EXPECT(m_sandbox->run({QStringLiteral("add"), m_sandbox->vaultPath(),
                                   QStringLiteral("--title"), QStringLiteral("Remote")},
                                  {CliSandbox::MasterPassword}, other),
                   0);
        // This device merges the changed file into its working copy: both edits are there.
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(result, 0);
        QVERIFY(result.out.contains("Local") && result.out.contains("Remote"));
        // ... and the next change publishes both.
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Later")}).isEmpty());
        const CliResult seen = m_sandbox->run({QStringLiteral("ls"), m_sandbox->vaultPath()},
                                              {CliSandbox::MasterPassword}, other);
        CLI_EXPECT(seen, 0);
        QVERIFY(seen.out.contains("Local") && seen.out.contains("Remote") &&
                seen.out.contains("Later"));
    }

    void noPlaintextAtRest() {
        const QByteArrayList needles = {"TitleNeedle-7f3a",      "user-needle-91c2@example.org",
                                        "pw-needle-Zq8#x",       "notes needle 5d1e",
                                        "field-needle-e44b",     "protected-needle-0b6c",
                                        "attachment-needle-c9d2"};
        const QString id = m_sandbox->add(
            {QStringLiteral("--title"), QString::fromUtf8(needles[0]), QStringLiteral("--username"),
             QString::fromUtf8(needles[1]), QStringLiteral("--password-prompt"),
             QStringLiteral("--notes"), QString::fromUtf8(needles[3]), QStringLiteral("--field"),
             QStringLiteral("plain=") + QString::fromUtf8(needles[4]),
             QStringLiteral("--protected-field"), QStringLiteral("secret")},
            {needles[2], needles[5]});
        QVERIFY(!id.isEmpty());
        // More writes: history, attachments, trash, several publishes (so backups exist).
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("edit"),
                                         {id, QStringLiteral("--password-prompt")},
                                         {"pw-replaced-Zq8"}),
                   0);
        const QString attachment = m_sandbox->filePath(QStringLiteral("note.txt"));
        {
            QFile file(attachment);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(needles[6]);
        }
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("attach"), {id, attachment}), 0);
        QVERIFY(QFile::remove(attachment)); // the only plaintext copy the test made on disk
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {id}), 0);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("restore"), {id}), 0);
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--show-protected")}),
            0);

        // The scan must cover the working copy in the data folder, not only the vault file.
        const CliResult info =
            m_sandbox->runOnVault(QStringLiteral("info"), {QStringLiteral("--json")});
        const QString workingCopy = QJsonDocument::fromJson(info.out)
                                        .object()
                                        .value(QLatin1String("workingCopy"))
                                        .toString();
        QVERIFY2(workingCopy.startsWith(m_sandbox->dataDir()), qPrintable(workingCopy));
        QVERIFY(QFileInfo::exists(workingCopy));
        QCOMPARE(QFileInfo(m_sandbox->dataDir()).permissions() &
                     ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                       QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 QFileDevice::Permissions());

        int filesScanned = 0;
        QDirIterator files(m_sandbox->root(), QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++filesScanned;
            for (const QByteArray& needle : needles) {
                QVERIFY2(!content.contains(needle),
                         qPrintable(path + QLatin1String(": ") + QString::fromUtf8(needle)));
                QVERIFY2(
                    !content.contains(utf16le(needle)),
                    qPrintable(path + QLatin1String(" (UTF-16): ") + QString::fromUtf8(needle)));
            }
        }
        QVERIFY2(filesScanned >= 2, "expected at least the vault file and its working copy");
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliSecurity)
#include "tst_cli_security.moc"
