#pragma once
// A fresh temporary folder per test with a vault folder and a data folder, and a way to run the
// real tessera-cli binary inside it with stdin lines (secrets never go on the command line).

#include <QByteArray>
#include <QByteArrayList>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    // For failure messages: what the command said.
    QByteArray describe() const;
};

// Parses JSON output (warns with the text if it is not JSON).
QJsonDocument parseJson(const QByteArray& bytes);
// Errors are exactly one line on stderr: "tessera-cli: <message>".
bool isOneErrorLine(const QByteArray& err);

// Fails the test with the command's stderr when the exit code differs.
#define CLI_EXPECT(result, expected)                                                               \
    do {                                                                                           \
        const CliResult& cliResult_ = (result);                                                    \
        QVERIFY2(cliResult_.exitCode == (expected),                                                \
                 QByteArray("expected exit " + QByteArray::number(expected) + ", " +               \
                            cliResult_.describe())                                                 \
                     .constData());                                                                \
    } while (false)

class CliSandbox {
public:
    static const QByteArray MasterPassword;
    // Fast parameters for tests; real vaults use calibrated ones.
    static const QStringList FastKdf;

    CliSandbox();
    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString vaultDir() const { return m_dir.filePath(QStringLiteral("vaults")); }
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString vaultPath(const QString& name = QStringLiteral("test")) const;
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    // dataDir: another device's data folder (default: this sandbox's).
    CliResult run(const QStringList& args, const QByteArrayList& stdinLines = {},
                  const QString& dataDir = {}) const;
    // create VAULT with the fast KDF and MasterPassword (or the given password).
    CliResult create(const QByteArray& password = MasterPassword,
                     const QString& vault = QString()) const;
    // add VAULT ARGS with the master password first; returns the new id or an empty string.
    QString add(const QStringList& args, const QByteArrayList& secrets = {}) const;
    // Runs COMMAND VAULT ARGS... with the master password as the first stdin line.
    CliResult runOnVault(const QString& command, const QStringList& args = {},
                         const QByteArrayList& moreLines = {}) const;

private:
    QTemporaryDir m_dir;
};
