// tessera-cli info: the cost of one password guess on this machine, in the human and JSON output.
// Plausibility only (no timing thresholds): the cost is positive, matches the vault's memory, and
// a vault with a bigger memlimit costs more per guess than the fast test vault.

#include "CliSandbox.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace {

// Bigger than the sandbox's FastKdf (1 MiB) by a factor that no scheduling noise can hide, yet
// cheap enough for a test (tens of milliseconds per derivation).
const QStringList CostlierKdf = {QStringLiteral("--kdf-ops"), QStringLiteral("2"),
                                 QStringLiteral("--kdf-mem"), QStringLiteral("32")};
constexpr qint64 FastMemBytes = qint64(1) << 20;
constexpr qint64 CostlierMemBytes = qint64(32) << 20;

QJsonObject guessCost(const CliSandbox& sandbox, const QString& vault) {
    const CliResult info = sandbox.run({QStringLiteral("info"), vault, QStringLiteral("--json")},
                                       {CliSandbox::MasterPassword});
    if (info.exitCode != 0) {
        qWarning("info failed: %s", info.describe().constData());
        return {};
    }
    return parseJson(info.out).object().value(QLatin1String("guessCost")).toObject();
}

} // namespace

class TestCliInfo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
    }
    void cleanup() { m_sandbox.reset(); }

    void humanOutputHasGuessCostLine() {
        const CliResult info = m_sandbox->runOnVault(QStringLiteral("info"));
        CLI_EXPECT(info, 0);
        const QString text = info.outText();
        const QRegularExpression line(
            QStringLiteral("^Guess cost: +one password guess costs ([0-9.]+) (s|ms) and 1 MiB on "
                           "this machine: about ([0-9.e+]+) guess(es)? per second per core"),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = line.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QVERIFY2(match.captured(1).toDouble() > 0, qPrintable(match.captured(0)));
        QVERIFY2(match.captured(3).toDouble() > 0, qPrintable(match.captured(0)));
        // The file's format version (core/FORMAT.md): a new vault is in format 2.
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("^Format: +2$"),
                                                  QRegularExpression::MultilineOption)),
                 qPrintable(text));
        // The measurement uses a dummy password: the master password never shows up anywhere.
        QVERIFY(!info.out.contains(CliSandbox::MasterPassword));
        QVERIFY(!info.err.contains(CliSandbox::MasterPassword));
    }

    void jsonGuessCostIsPlausible() {
        const QJsonObject cost = guessCost(*m_sandbox, m_sandbox->vaultPath());
        QVERIFY(!cost.isEmpty());
        const double seconds = cost.value(QLatin1String("seconds")).toDouble();
        const double rate = cost.value(QLatin1String("guessesPerSecondPerCore")).toDouble();
        QVERIFY2(seconds > 0, qPrintable(QString::number(seconds)));
        QVERIFY2(rate > 0, qPrintable(QString::number(rate)));
        // The rate is the reciprocal of the time, not an independent figure.
        QVERIFY2(qAbs(seconds * rate - 1.0) < 1e-6, qPrintable(QString::number(seconds * rate)));
        QCOMPARE(cost.value(QLatin1String("memBytes")).toInteger(), FastMemBytes);
        QVERIFY(cost.value(QLatin1String("summary")).toString().contains(QLatin1String("guess")));
    }

    void costlierVaultCostsMorePerGuess() {
        const QString costlier = m_sandbox->vaultPath(QStringLiteral("costlier"));
        CLI_EXPECT(m_sandbox->run(QStringList{QStringLiteral("create"), costlier} + CostlierKdf,
                                  {CliSandbox::MasterPassword}),
                   0);
        const QJsonObject fast = guessCost(*m_sandbox, m_sandbox->vaultPath());
        const QJsonObject slow = guessCost(*m_sandbox, costlier);
        QVERIFY(!fast.isEmpty() && !slow.isEmpty());
        QCOMPARE(slow.value(QLatin1String("memBytes")).toInteger(), CostlierMemBytes);
        const double fastSeconds = fast.value(QLatin1String("seconds")).toDouble();
        const double slowSeconds = slow.value(QLatin1String("seconds")).toDouble();
        QVERIFY2(slowSeconds > fastSeconds,
                 qPrintable(QStringLiteral("%1 s vs %2 s").arg(slowSeconds).arg(fastSeconds)));
    }

    void wrongPasswordMeasuresNothing() {
        const CliResult info =
            m_sandbox->run({QStringLiteral("info"), m_sandbox->vaultPath()}, {"wrong password"});
        CLI_EXPECT(info, 2);
        QVERIFY(isOneErrorLine(info.err));
        QVERIFY(!info.out.contains("Guess cost"));
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "tst_cli_info.moc"
