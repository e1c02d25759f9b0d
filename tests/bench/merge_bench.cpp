// merge_bench: how long Vault::merge takes for two replicas of a vault of N realistic entries
// that differ in D entries (the target of issue 4: 10k entries, 1k differing, under 300 ms).
//   merge_bench [--entries N] [--differing D] [--runs R]
// Replica b edits D/2 entries and adds D/4; replica a edits another D/4. Each run restores a's
// data folder and vault file as they were, unlocks (the KDF, at its lowest cost, is outside the
// timing) and times a.merge(b's file): the hardened open of b's file (private copy, integrity
// check, every row MAC, every record opened) plus the merge and its commit. Prints the median.

#include "EntryGenerator.h"
#include "Phases.h"

#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace tessera;
using namespace tessera::bench;

namespace {

constexpr int ExitFailure = 1;

// CPU time of this thread: on a busy machine the wall time also counts other processes' turns.
qint64 threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

[[noreturn]] void fail(const QString& what, const Error& error) {
    std::fprintf(stderr, "merge_bench: %s: %s\n", qPrintable(what), qPrintable(error.message));
    std::exit(ExitFailure);
}

template <typename R> auto take(R result, const char* what) {
    if (!result)
        fail(QString::fromLatin1(what), result.error());
    return std::move(*result);
}

void check(const Status& status, const char* what) {
    if (!status)
        fail(QString::fromLatin1(what), status.error());
}

bool copyTree(const QString& from, const QString& to) {
    QDir().mkpath(to);
    for (const QFileInfo& info :
         QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyTree(info.filePath(), target)
                         : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

EntryChanges editOf(int index, const char* side) {
    EntryChanges c;
    c.password = SecureBuffer::copyOf(std::string_view(side));
    c.username = QStringLiteral("%1-%2@example.com").arg(QLatin1String(side)).arg(index);
    return c;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times Vault::merge of two replicas."));
    parser.addHelpOption();
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
                                           QStringLiteral("Entries (default 10000)."),
                                           QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption differingOption(QStringLiteral("differing"),
                                             QStringLiteral("Differing entries (default 1000)."),
                                             QStringLiteral("D"), QStringLiteral("1000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Timed runs (default 5)."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({entriesOption, differingOption, runsOption});
    parser.process(app);
    const int entries = std::max(parser.value(entriesOption).toInt(), 4);
    const int differing = std::clamp(parser.value(differingOption).toInt(), 4, entries);
    const int runs = std::max(parser.value(runsOption).toInt(), 1);
    check(initializeCrypto(), "libsodium");

    QTemporaryDir dir;
    SystemClock clock;
    const SecureBuffer password = SecureBuffer::copyOf(std::string_view("bench password"));
    const QString cloud = dir.filePath(QStringLiteral("cloud"));
    QDir().mkpath(cloud);
    const QString vaultA = cloud + QStringLiteral("/a.tessera");
    const QString vaultB = cloud + QStringLiteral("/b.tessera");
    const Device deviceA{dir.filePath(QStringLiteral("data-a")), &clock};
    const Device deviceB{dir.filePath(QStringLiteral("data-b")), &clock};
    const EntryGenerator generator;
    std::vector<EntryId> ids;
    {
        auto a = take(Vault::create(deviceA, vaultA, password, {QStringLiteral("Bench"), BenchKdf}),
                      "create");
        std::vector<EntryChanges> all;
        for (int i = 0; i < entries; ++i)
            all.push_back(generator.entry(i));
        ids = take(a->addAll(std::move(all)), "add");
        check(a->publish(), "publish a");
    }
    QFile::copy(vaultA, vaultB);
    {
        auto b = take(Vault::unlock(deviceB, vaultB, password), "unlock b");
        EntryBatch batch;
        for (int i = 0; i < differing / 2; ++i)
            batch.edit.emplace_back(ids[std::size_t(i)], editOf(i, "b"));
        for (int i = 0; i < differing / 4; ++i)
            batch.add.push_back(IncomingEntry{generator.entry(entries + i), false, 0, 0, {}, {}});
        take(b->applyBatch(std::move(batch)), "edit b");
        check(b->publish(), "publish b");
    }
    {
        auto a = take(Vault::unlock(deviceA, vaultA, password), "unlock a");
        EntryBatch batch;
        for (int i = differing / 2; i < differing / 2 + differing / 4; ++i)
            batch.edit.emplace_back(ids[std::size_t(i)], editOf(i, "a"));
        take(a->applyBatch(std::move(batch)), "edit a");
        check(a->publish(), "publish a");
    }
    const QString pristine = dir.filePath(QStringLiteral("pristine"));
    copyTree(deviceA.dataDir, pristine + QStringLiteral("/data"));
    QFile::copy(vaultA, pristine + QStringLiteral("/a.tessera"));

    std::vector<qint64> times;
    std::vector<qint64> cpuTimes;
    for (int run = 0; run < runs; ++run) {
        QDir(deviceA.dataDir).removeRecursively();
        QFile::remove(vaultA);
        copyTree(pristine + QStringLiteral("/data"), deviceA.dataDir);
        QFile::copy(pristine + QStringLiteral("/a.tessera"), vaultA);
        auto a = take(Vault::unlock(deviceA, vaultA, password), "unlock a");
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuMs();
        const MergeReport report = take(a->merge(vaultB, {}), "merge");
        times.push_back(timer.elapsed());
        cpuTimes.push_back(threadCpuMs() - cpuStart);
        if (report.updated != differing / 2 || report.added != differing / 4)
            fail(QStringLiteral("merge report"),
                 makeError(
                     ErrorCode::InvalidArgument,
                     QStringLiteral("%1 updated, %2 added").arg(report.updated).arg(report.added)));
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    std::printf("merge of two %d-entry replicas with %d differing entries: median %lld ms wall "
                "(min %lld, max %lld), %lld ms CPU; %d runs; KDF excluded\n",
                entries, differing, static_cast<long long>(times[times.size() / 2]),
                static_cast<long long>(times.front()), static_cast<long long>(times.back()),
                static_cast<long long>(cpuTimes[cpuTimes.size() / 2]), runs);
    return 0;
}
