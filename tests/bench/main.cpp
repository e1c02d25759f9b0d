// vault_bench: how fast Tessera's vault is at 1k, 10k and 100k realistic entries.
//   vault_bench [--entries N]... [--runs N] [--quick] [--max-create-seconds S] [--dir DIR]
// Each size is built and then measured in fresh processes (this program re-executed with --phase),
// so peak RSS belongs to one size only. The KDF runs at the lowest cost and is timed apart.

#include "Metrics.h"
#include "Phases.h"
#include "Report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace tessera;
using namespace tessera::bench;

namespace {

constexpr int DefaultRuns = 7;
constexpr double DefaultMaxCreateSeconds = 900;
const QList<int> DefaultSizes{1'000, 10'000, 100'000};
const QByteArray ResultPrefix = QByteArrayLiteral("RESULT ");
constexpr int ExitFailure = 1;

struct Options {
    QList<int> sizes;
    int runs = DefaultRuns;
    double maxCreateSeconds = DefaultMaxCreateSeconds;
    QString dir;
    QString phase; // set in the re-executed child processes only
};

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "vault_bench: %s\n", qPrintable(message));
    std::exit(ExitFailure);
}

int positive(const QString& text, const QString& option) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value <= 0)
        fail(QStringLiteral("--%1 needs a positive number, not '%2'").arg(option, text));
    return value;
}

Options parseOptions(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Builds vaults of realistic entries and times unlock, list, search, details and edit + "
        "publish (medians; the KDF is excluded), plus peak RSS and file size."));
    parser.addHelpOption();
    const QCommandLineOption entries(QStringLiteral("entries"),
                                     QStringLiteral("A vault size to measure (repeatable; default "
                                                    "1000, 10000 and 100000)."),
                                     QStringLiteral("N"));
    const QCommandLineOption runs(
        QStringLiteral("runs"),
        QStringLiteral("Runs per measurement (default %1).").arg(DefaultRuns), QStringLiteral("N"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("One run per measurement (a smoke test)."));
    const QCommandLineOption maxCreate(
        QStringLiteral("max-create-seconds"),
        QStringLiteral("Stop adding entries to a vault after this long and measure what was built "
                       "(default %1).")
            .arg(DefaultMaxCreateSeconds),
        QStringLiteral("S"));
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Work folder (default: a temporary folder, removed "
                                                "afterwards)."),
                                 QStringLiteral("DIR"));
    QCommandLineOption phase(QStringLiteral("phase"), QStringLiteral("Internal: build or measure."),
                             QStringLiteral("PHASE"));
    phase.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({entries, runs, quick, maxCreate, dir, phase});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    Options options;
    for (const QString& value : parser.values(entries))
        options.sizes << positive(value, entries.names().first());
    if (options.sizes.isEmpty())
        options.sizes = DefaultSizes;
    if (parser.isSet(quick))
        options.runs = 1;
    if (parser.isSet(runs))
        options.runs = positive(parser.value(runs), runs.names().first());
    if (parser.isSet(maxCreate)) {
        bool ok = false;
        options.maxCreateSeconds = parser.value(maxCreate).toDouble(&ok);
        if (!ok || options.maxCreateSeconds < 0)
            fail(QStringLiteral("--max-create-seconds needs a number of seconds"));
    }
    options.dir = parser.value(dir);
    options.phase = parser.value(phase);
    return options;
}

// In a child process: one phase for one size, its figures as one line on stdout.
int runPhase(const Options& options) {
    if (options.dir.isEmpty() || options.sizes.size() != 1)
        fail(QStringLiteral("--phase needs --dir and one --entries"));
    Result<QJsonObject> figures = makeError(
        ErrorCode::InvalidArgument, QStringLiteral("unknown phase '%1'").arg(options.phase));
    if (options.phase == QLatin1StringView("build"))
        figures = buildVault({options.dir, options.sizes.first(), options.maxCreateSeconds});
    else if (options.phase == QLatin1StringView("measure"))
        figures = measureVault({options.dir, options.sizes.first(), options.runs});
    if (!figures)
        fail(QStringLiteral("%1 phase: %2").arg(options.phase, figures.error().message));
    std::printf("%s%s\n", ResultPrefix.constData(),
                QJsonDocument(*figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}

// Runs this program again for one phase; its figures, or an empty object if it failed.
QJsonObject runChild(const QString& phase, const QString& dir, int entries,
                     const Options& options) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--phase"), phase, QStringLiteral("--dir"), dir,
                 QStringLiteral("--entries"), QString::number(entries), QStringLiteral("--runs"),
                 QString::number(options.runs), QStringLiteral("--max-create-seconds"),
                 QString::number(options.maxCreateSeconds)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        std::fprintf(stderr, "vault_bench: the %s phase for %d entries failed\n", qPrintable(phase),
                     entries);
        return {};
    }
    for (const QByteArray& line : child.readAllStandardOutput().split('\n'))
        if (line.startsWith(ResultPrefix))
            return QJsonDocument::fromJson(line.mid(ResultPrefix.size())).object();
    return {};
}

SizeFigures benchSize(int entries, const QString& workDir, const Options& options) {
    const QString dir = workDir + QStringLiteral("/vault-%1").arg(entries);
    QDir(dir).removeRecursively(); // a size given twice, or a kept --dir, starts afresh
    SizeFigures size{entries, {}};

    std::fprintf(stderr, "vault_bench: building %d entries\n", entries);
    QJsonObject built = runChild(QStringLiteral("build"), dir, entries, options);
    if (!built.isEmpty()) {
        std::fprintf(stderr, "vault_bench: measuring %d entries, %d runs\n", entries, options.runs);
        const int count = built.value(key::Built).toInt();
        const QJsonObject measured = runChild(QStringLiteral("measure"), dir, count, options);
        if (!measured.isEmpty()) {
            for (auto it = measured.begin(); it != measured.end(); ++it)
                built.insert(it.key(), it.value());
            size.figures = built;
        }
    }
    QDir(dir).removeRecursively(); // 100k entries take hundreds of MiB with copies and backups
    return size;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    if (!options.phase.isEmpty())
        return runPhase(options);

    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/tessera-bench-XXXXXX"));
    const QString workDir = options.dir.isEmpty() ? temporary.path() : options.dir;
    if ((options.dir.isEmpty() && !temporary.isValid()) || !QDir().mkpath(workDir))
        fail(QStringLiteral("cannot make a work folder"));

    std::vector<SizeFigures> sizes;
    bool allMeasured = true;
    for (const int entries : options.sizes) {
        sizes.push_back(benchSize(entries, workDir, options));
        allMeasured = allMeasured && !sizes.back().figures.isEmpty();
    }
    printReport(sizes, options.runs);
    return allMeasured ? 0 : ExitFailure;
}
