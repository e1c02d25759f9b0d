// tessera-cli merge VAULT OTHER... end to end: a copy edited on another device merged in and
// published, another vault refused, an old copy refused as a possible rollback unless accepted,
// a copy made under the old master password merged only with --old-password-prompt.

#include "CliSandbox.h"

#include <QFile>
#include <QTest>

namespace {

const QByteArray NewPassword = "a brand new master password 42";

} // namespace

class TestCliMerge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_box = std::make_unique<CliSandbox>();
        QVERIFY(m_box->isValid());
        CLI_EXPECT(m_box->create(), 0);
        QVERIFY(!m_box->add({QStringLiteral("--title"), QStringLiteral("Shared")}).isEmpty());
        QVERIFY(QFile::copy(m_box->vaultPath(), copyPath()));
    }
    void cleanup() { m_box.reset(); }

    void mergesACopyAndPublishes() {
        CLI_EXPECT(m_box->run({QStringLiteral("add"), copyPath(), QStringLiteral("--title"),
                               QStringLiteral("Added on the copy")},
                              {CliSandbox::MasterPassword}, otherDevice()),
                   0);
        CLI_EXPECT(m_box->run({QStringLiteral("edit"), copyPath(), QStringLiteral("Shared"),
                               QStringLiteral("--username"), QStringLiteral("bob")},
                              {CliSandbox::MasterPassword}, otherDevice()),
                   0);
        QVERIFY(!m_box->add({QStringLiteral("--title"), QStringLiteral("Added here")}).isEmpty());

        const CliResult merged = m_box->runOnVault(QStringLiteral("merge"), {copyPath()});
        CLI_EXPECT(merged, 0);
        QVERIFY2(merged.out.contains("1 added") && merged.out.contains("1 updated"),
                 merged.out.constData());
        QVERIFY(merged.out.contains("changed: Added on the copy"));
        QVERIFY(merged.out.contains("changed: Shared"));
        QVERIFY(merged.out.contains("Published the vault file"));
        QVERIFY(merged.err.isEmpty());
        // Another device that never saw either file sees all of it in the vault file.
        const CliResult listed =
            m_box->run({QStringLiteral("ls"), m_box->vaultPath()}, {CliSandbox::MasterPassword},
                       m_box->filePath(QStringLiteral("third")));
        CLI_EXPECT(listed, 0);
        for (const char* title : {"Shared", "Added on the copy", "Added here", "bob"})
            QVERIFY2(listed.out.contains(title), title);
        // The copy is now older than what this device has (it merged it, then published): merging
        // it again is flagged as a possible rollback, and accepting it changes nothing.
        const CliResult again = m_box->runOnVault(QStringLiteral("merge"), {copyPath()});
        CLI_EXPECT(again, 3);
        const CliResult accepted = m_box->runOnVault(
            QStringLiteral("merge"), {copyPath(), QStringLiteral("--accept-rollback")});
        CLI_EXPECT(accepted, 0);
        QVERIFY2(accepted.out.contains("no changes"), accepted.out.constData());
    }

    void otherVaultRefused() {
        CLI_EXPECT(
            m_box->create(CliSandbox::MasterPassword, m_box->vaultPath(QStringLiteral("other"))),
            0);
        const QByteArray before = readAll(m_box->vaultPath());
        const CliResult refused = m_box->runOnVault(
            QStringLiteral("merge"),
            {m_box->vaultPath(QStringLiteral("other")), QStringLiteral("--other-password-prompt")},
            {CliSandbox::MasterPassword});
        CLI_EXPECT(refused, 3);
        QVERIFY(isOneErrorLine(refused.err));
        QVERIFY(refused.err.contains("different vault"));
        QCOMPARE(readAll(m_box->vaultPath()), before);
    }

    void oldCopyIsAPossibleRollback() {
        // The copy is from before this device's later edit: older in every way.
        QVERIFY(!m_box->add({QStringLiteral("--title"), QStringLiteral("Newer")}).isEmpty());
        const CliResult refused = m_box->runOnVault(QStringLiteral("merge"), {copyPath()});
        CLI_EXPECT(refused, 3);
        QVERIFY(refused.err.contains("rollback") && refused.err.contains("--accept-rollback"));
        const CliResult accepted = m_box->runOnVault(
            QStringLiteral("merge"), {copyPath(), QStringLiteral("--accept-rollback")});
        CLI_EXPECT(accepted, 0);
        QVERIFY(accepted.err.contains("warning:"));
        QVERIFY(accepted.out.contains("no changes"));
        QVERIFY(m_box->runOnVault(QStringLiteral("ls")).out.contains("Newer"));
    }

    void olderPasswordOnlyWhenTyped() {
        CLI_EXPECT(m_box->run({QStringLiteral("edit"), copyPath(), QStringLiteral("Shared"),
                               QStringLiteral("--username"), QStringLiteral("from the old copy")},
                              {CliSandbox::MasterPassword}, otherDevice()),
                   0);
        CLI_EXPECT(m_box->runOnVault(QStringLiteral("passwd"), {}, {NewPassword, NewPassword}), 0);
        const auto onVault = [this](const QStringList& args, const QByteArrayList& lines) {
            return m_box->run(QStringList{QStringLiteral("merge"), m_box->vaultPath()} + args,
                              QByteArrayList{NewPassword} + lines);
        };
        const CliResult needed = onVault({copyPath()}, {});
        CLI_EXPECT(needed, 2);
        QVERIFY(needed.err.contains("--other-password-prompt"));
        const CliResult older = onVault({copyPath(), QStringLiteral("--other-password-prompt")},
                                        {CliSandbox::MasterPassword});
        CLI_EXPECT(older, 3);
        QVERIFY(older.err.contains("--old-password-prompt"));
        const CliResult merged = onVault({copyPath(), QStringLiteral("--old-password-prompt")},
                                         {CliSandbox::MasterPassword});
        CLI_EXPECT(merged, 0);
        QVERIFY(merged.err.contains("warning:") && merged.err.contains("older master password"));
        const CliResult shown = m_box->run(
            {QStringLiteral("show"), m_box->vaultPath(), QStringLiteral("Shared")}, {NewPassword});
        CLI_EXPECT(shown, 0);
        QVERIFY(shown.out.contains("from the old copy"));
    }

private:
    QString copyPath() const { return m_box->vaultPath(QStringLiteral("copy")); }
    QString otherDevice() const { return m_box->filePath(QStringLiteral("other-device")); }
    static QByteArray readAll(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<CliSandbox> m_box;
};

QTEST_GUILESS_MAIN(TestCliMerge)
#include "tst_cli_merge.moc"
