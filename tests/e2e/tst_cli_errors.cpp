// tessera-cli end to end: the exit codes for a wrong password (2), files that are not vaults,
// damaged or tampered with (3), missing or ambiguous entries (4) and a missing vault file (6).

#include "CliSandbox.h"

#include <QFile>
#include <QTest>

class TestCliErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void wrongPasswordExits2() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const CliResult result =
            m_sandbox->run({QStringLiteral("ls"), m_sandbox->vaultPath()}, {"not the password"});
        CLI_EXPECT(result, 2);
        QVERIFY(isOneErrorLine(result.err));
    }

    void notAVault_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("text file") << QByteArray("hello, this is not a vault\n").repeated(200) << 3;
        QTest::newRow("empty file") << QByteArray() << 3;
        QTest::newRow("sqlite header")
            << QByteArray("SQLite format 3").append('\0').append(4080, 'x') << 3;
        QByteArray newer(4096, '\x5a');
        newer[0] = 2; // format version 2 with valid parameters: a newer Tessera
        newer[1] = 0;
        newer[2] = 3;
        newer[3] = 28;
        QTest::newRow("newer version") << newer << 3;
    }
    void notAVault() {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFile file(m_sandbox->vaultPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const CliResult result = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(result, exitCode);
        QVERIFY(isOneErrorLine(result.err));
    }

    void damagedOrTampered_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("sameDevice");
        QTest::addColumn<int>("exitCode");
        // A device that knows the vault recognises an edited header; a fresh device cannot tell
        // weaker parameters from a wrong password (the header is the Argon2id salt).
        QTest::newRow("header iterations, known device") << 2 << true << 3;
        QTest::newRow("header iterations, new device") << 2 << false << 2;
        QTest::newRow("second page") << 5000 << false << 3;
        QTest::newRow("first page body") << 100 << false << 3;
    }
    void damagedOrTampered() {
        QFETCH(int, offset);
        QFETCH(bool, sameDevice);
        QFETCH(int, exitCode);
        CLI_EXPECT(m_sandbox->create(), 0);
        QVERIFY(
            !m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Something")}).isEmpty());
        QFile file(m_sandbox->vaultPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(offset));
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        QVERIFY(file.seek(offset));
        QVERIFY(file.putChar(char(byte ^ 0x02))); // iterations 1 -> 3: still a valid header
        file.close();
        const QString dataDir =
            sameDevice ? QString() : m_sandbox->filePath(QStringLiteral("other"));
        const CliResult result = m_sandbox->run({QStringLiteral("ls"), m_sandbox->vaultPath()},
                                                {CliSandbox::MasterPassword}, dataDir);
        CLI_EXPECT(result, exitCode);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY(!result.out.contains("Something"));
    }

    void missingVaultFileIsAnIoError() {
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("ls")), 6);
    }

    void missingEntryExits4_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("entry");
        QTest::newRow("show by title") << QStringLiteral("show") << QStringLiteral("Nope");
        QTest::newRow("show by id") << QStringLiteral("show") << QString(32, QLatin1Char('a'));
        QTest::newRow("rm") << QStringLiteral("rm") << QStringLiteral("Nope");
        QTest::newRow("restore a live entry")
            << QStringLiteral("restore") << QStringLiteral("Present");
    }
    void missingEntryExits4() {
        QFETCH(QString, command);
        QFETCH(QString, entry);
        CLI_EXPECT(m_sandbox->create(), 0);
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Present")}).isEmpty());
        const CliResult result = m_sandbox->runOnVault(command, {entry});
        CLI_EXPECT(result, 4);
        QVERIFY(isOneErrorLine(result.err));
    }

    void ambiguousTitleListsCandidates() {
        CLI_EXPECT(m_sandbox->create(), 0);
        const QString first =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Mail"),
                            QStringLiteral("--username"), QStringLiteral("alice")});
        const QString second =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("mail"),
                            QStringLiteral("--username"), QStringLiteral("bob")});
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("show"), {QStringLiteral("MAIL")});
        CLI_EXPECT(result, 4);
        QVERIFY(isOneErrorLine(result.err));
        QVERIFY2(result.errText().contains(first) && result.errText().contains(second),
                 result.err.constData());
        // The id picks one.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("show"), {second}), 0);
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
