#include "CliSandbox.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

const QByteArray CliSandbox::MasterPassword = QByteArrayLiteral("correct horse battery staple");
const QStringList CliSandbox::FastKdf = {QStringLiteral("--kdf-ops"), QStringLiteral("1"),
                                         QStringLiteral("--kdf-mem"), QStringLiteral("1")};

namespace {
constexpr int ProcessTimeoutMs = 120 * 1000;
// In the sanitizer build (-DTESSERA_SANITIZE=ON) an ASan, UBSan or LSan report ends tessera-cli
// with this code (tests/sanitizer/SanitizerOptions.cpp); no Tessera program uses it otherwise.
constexpr int SanitizerExitCode = 86;
} // namespace

QJsonDocument parseJson(const QByteArray& bytes) {
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON: %s in %s", qPrintable(error.errorString()), bytes.constData());
    return document;
}

bool isOneErrorLine(const QByteArray& err) {
    return err.startsWith("tessera-cli: ") && err.endsWith('\n') && err.count('\n') == 1;
}

QByteArray CliResult::describe() const {
    return "exit " + QByteArray::number(exitCode) + "; stderr: " + err.trimmed() +
           "; stdout: " + out.left(400).trimmed();
}

CliSandbox::CliSandbox() {
    QDir().mkpath(vaultDir());
    QDir().mkpath(m_dir.filePath(QStringLiteral("home")));
}

QString CliSandbox::vaultPath(const QString& name) const {
    return vaultDir() + QLatin1Char('/') + name + QLatin1String(".tessera");
}

CliResult CliSandbox::run(const QStringList& args, const QByteArrayList& stdinLines,
                          const QString& otherDataDir) const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_DATA_DIR"),
                       otherDataDir.isEmpty() ? dataDir() : otherDataDir);
    environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    environment.remove(QStringLiteral("XDG_DATA_HOME"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(TESSERA_CLI_PATH), args);
    CliResult result;
    if (!process.waitForStarted()) {
        result.err = "could not start " TESSERA_CLI_PATH;
        return result;
    }
    for (const QByteArray& line : stdinLines)
        process.write(line + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(ProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    // A report from the child fails the running test even where it expects some failure exit.
    if (result.exitCode == SanitizerExitCode || result.err.contains("Sanitizer:")) {
        const QByteArray report = "sanitizer report from tessera-cli " +
                                  args.join(QLatin1Char(' ')).toUtf8() + ":\n" + result.err;
        QTest::qFail(report.constData(), __FILE__, __LINE__);
    }
    return result;
}

CliResult CliSandbox::create(const QByteArray& password, const QString& vault) const {
    return run(QStringList{QStringLiteral("create"), vault.isEmpty() ? vaultPath() : vault} +
                   FastKdf,
               {password});
}

QString CliSandbox::add(const QStringList& args, const QByteArrayList& secrets) const {
    const CliResult result = runOnVault(QStringLiteral("add"), args, secrets);
    if (result.exitCode != 0) {
        qWarning("add failed: %s", result.describe().constData());
        return {};
    }
    return result.outText().trimmed();
}

CliResult CliSandbox::runOnVault(const QString& command, const QStringList& args,
                                 const QByteArrayList& moreLines) const {
    return run(QStringList{command, vaultPath()} + args,
               QByteArrayList{MasterPassword} + moreLines);
}
