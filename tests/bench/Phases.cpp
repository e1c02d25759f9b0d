#include "Phases.h"

#include "EntryGenerator.h"
#include "Metrics.h"

#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace tessera::bench {
namespace {

constexpr std::string_view BenchPassword = "correct horse battery staple, benchmark edition";
constexpr int SingleAddSample = 100; // entries added one by one into the empty and the full vault
constexpr int BulkBatch = 1000;      // entries per Vault::addAll transaction in between
constexpr double ProgressEverySeconds = 15;
constexpr double MsPerSecond = 1000.0;
constexpr double BytesPerMiB = 1024.0 * 1024.0;
constexpr double KiBPerMiB = 1024.0;

// Wall time on the monotonic clock.
class Stopwatch {
public:
    double elapsedMs() const {
        return std::chrono::duration<double, std::milli>(Clock::now() - m_start).count();
    }
    void restart() { m_start = Clock::now(); }

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point m_start = Clock::now();
};

double median(std::vector<double> samples) {
    if (samples.empty())
        return 0;
    const auto middle = samples.begin() + std::ptrdiff_t(samples.size() / 2);
    std::nth_element(samples.begin(), middle, samples.end());
    if (samples.size() % 2 == 1)
        return *middle;
    return (*middle + *std::max_element(samples.begin(), middle)) / 2;
}

QString vaultPath(const QString& dir) {
    return dir + QStringLiteral("/vault.tessera");
}

Result<Device> makeDevice(const QString& dir, const Clock& clock) {
    const QString dataDir = dir + QStringLiteral("/data");
    if (!QDir().mkpath(dataDir) ||
        !QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return makeError(ErrorCode::Io, QStringLiteral("cannot make %1").arg(dataDir));
    return Device{dataDir, &clock};
}

double fileMiB(const QString& path) {
    return double(QFileInfo(path).size()) / BytesPerMiB;
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / KiBPerMiB; // ru_maxrss is in KiB on Linux
}

// Fills a new vault with generated entries, entry after entry.
struct Builder {
    Vault& vault;
    EntryGenerator generator;
    const Stopwatch& total;
    const BuildOptions& options;
    int next = 0; // the index of the next entry to add
    double lastProgress = 0;

    int count() const { return next; }

    // Adds entries up to index `end` through Vault::add; the time of each add.
    Result<std::vector<double>> addOneByOne(int end) {
        std::vector<double> times;
        for (; next < end; ++next) {
            EntryChanges entry = generator.entry(next);
            const Stopwatch one;
            auto added = vault.add(std::move(entry));
            if (!added)
                return added.error();
            times.push_back(one.elapsedMs());
        }
        return times;
    }

    // Adds entries up to index `end` through Vault::addAll, BulkBatch at a time, unless building
    // takes longer than options.maxSeconds.
    Status addInBatches(int end) {
        while (next < end) {
            const int stop = std::min(end, next + BulkBatch);
            std::vector<EntryChanges> batch;
            batch.reserve(std::size_t(stop - next));
            for (int index = next; index < stop; ++index)
                batch.push_back(generator.entry(index));
            auto added = vault.addAll(std::move(batch));
            if (!added)
                return added.error();
            next += int(added->size());
            if (outOfTime(end))
                break;
        }
        return {};
    }

    bool outOfTime(int end) {
        const double seconds = total.elapsedMs() / MsPerSecond;
        if (seconds - lastProgress >= ProgressEverySeconds) {
            std::fprintf(stderr, "  built %d of %d entries in %.0f s\n", next, options.entries,
                         seconds);
            lastProgress = seconds;
        }
        if (options.maxSeconds <= 0 || seconds <= options.maxSeconds || next >= end)
            return false;
        std::fprintf(stderr,
                     "  stopped adding after %.0f s at %d of %d entries (--max-create-seconds)\n",
                     seconds, next, options.entries);
        return true;
    }
};

SecureBuffer benchPassword() {
    return SecureBuffer::copyOf(BenchPassword);
}

// A few queries a user types: one service, two terms, terms over tags and folders, a person, and
// one that matches nothing (a full scan).
const QStringList& searchQueries() {
    static const QStringList queries{QStringLiteral("github"), QStringLiteral("work email"),
                                     QStringLiteral("finance bank"), QStringLiteral("alice"),
                                     QStringLiteral("no-such-entry")};
    return queries;
}

} // namespace

Result<QJsonObject> buildVault(const BuildOptions& options) {
    TESSERA_TRY(initializeCrypto());
    const SystemClock clock;
    auto device = makeDevice(options.dir, clock);
    if (!device)
        return device.error();
    const SecureBuffer password = benchPassword();

    const Stopwatch total;
    auto created =
        Vault::create(*device, vaultPath(options.dir), password,
                      Vault::CreateOptions{QStringLiteral("Benchmark"), BenchKdf, nullptr});
    if (!created)
        return created.error();
    Builder builder{**created, EntryGenerator(), total, options};

    // One by one into the empty vault, in bulk up to the last few, then one by one at full size.
    const int firstSingles = std::min(SingleAddSample, options.entries);
    const int lastSingles = std::min(SingleAddSample, options.entries - firstSingles);
    auto first = builder.addOneByOne(firstSingles);
    if (!first)
        return first.error();
    const Stopwatch bulk;
    const int bulkStart = builder.count();
    TESSERA_TRY(builder.addInBatches(options.entries - lastSingles));
    const double bulkMs = bulk.elapsedMs();
    const int bulkCount = builder.count() - bulkStart;
    auto last = builder.addOneByOne(builder.count() + lastSingles);
    if (!last)
        return last.error();

    const Stopwatch publishing;
    TESSERA_TRY(builder.vault.publish());
    const double publishMs = publishing.elapsedMs();

    QJsonObject figures;
    figures[key::Built] = builder.count();
    figures[key::CreateSeconds] = total.elapsedMs() / MsPerSecond;
    figures[key::AddFirstMs] = median(*first);
    figures[key::AddLastMs] = median(*last);
    if (bulkCount > 0)
        figures[key::BulkAddMs] = bulkMs / bulkCount;
    figures[key::CreatePublishMs] = publishMs;
    figures[key::FileMiB] = fileMiB(vaultPath(options.dir));
    return figures;
}

Result<QJsonObject> measureVault(const MeasureOptions& options) {
    TESSERA_TRY(initializeCrypto());
    const SystemClock clock;
    auto device = makeDevice(options.dir, clock);
    if (!device)
        return device.error();
    const SecureBuffer password = benchPassword();
    const QString path = vaultPath(options.dir);
    const QString target = EntryGenerator().title(options.entries / 2);

    std::vector<double> unlockMs, listMs, detailsMs, editMs, editPublishMs, kdfMs;
    std::vector<std::vector<double>> searchMs(std::size_t(searchQueries().size()));
    std::size_t checksum = 0; // keeps the compiler from dropping the work it would not use

    for (int run = 0; run < options.runs; ++run) {
        Stopwatch watch;
        auto unlocked = Vault::unlock(*device, path, password);
        if (!unlocked)
            return unlocked.error();
        Vault& vault = **unlocked;
        checksum += vault.entries().size();
        unlockMs.push_back(watch.elapsedMs());

        watch.restart();
        for (const EntryOverview& entry : vault.entries())
            checksum += std::size_t(entry.title.value.size() + entry.username.value.size() +
                                    entry.folder.value.size()) +
                        entry.urls.size();
        listMs.push_back(watch.elapsedMs());

        for (qsizetype query = 0; query < searchQueries().size(); ++query) {
            watch.restart();
            checksum += vault.search(searchQueries()[query]).size();
            searchMs[std::size_t(query)].push_back(watch.elapsedMs());
        }

        watch.restart();
        auto id = vault.resolve(target);
        if (!id)
            return id.error();
        auto details = vault.details(*id);
        if (!details)
            return details.error();
        checksum += details->password.value.size();
        detailsMs.push_back(watch.elapsedMs());

        EntryChanges change;
        change.password =
            SecureBuffer::copyOf(QStringLiteral("edited in run %1").arg(run).toStdString());
        change.notes = SecureBuffer::copyOf(std::string_view("Rotated by the benchmark."));
        watch.restart();
        TESSERA_TRY(vault.edit(*id, std::move(change)));
        editMs.push_back(watch.elapsedMs());
        TESSERA_TRY(vault.publish());
        editPublishMs.push_back(watch.elapsedMs());
    }

    // The KDF on its own, at the vault's parameters and with its header as the salt.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1").arg(path));
    const QByteArray header = file.read(qint64(HeaderBytes));
    for (int run = 0; run < options.runs; ++run) {
        const Stopwatch watch;
        auto key = argon2id(password, header, Argon2Params{BenchKdf.opsLimit, BenchKdf.memBytes()});
        if (!key)
            return key.error();
        kdfMs.push_back(watch.elapsedMs());
    }

    std::vector<double> perQuery;
    for (const auto& samples : searchMs)
        perQuery.push_back(median(samples));

    QJsonObject figures;
    figures[key::KdfMs] = median(kdfMs);
    figures[key::UnlockMs] = std::max(0.0, median(unlockMs) - median(kdfMs));
    figures[key::ListMs] = median(listMs);
    figures[key::SearchMs] = median(perQuery);
    figures[key::SearchWorstMs] = *std::max_element(perQuery.begin(), perQuery.end());
    figures[key::DetailsMs] = median(detailsMs);
    figures[key::EditPublishMs] = median(editPublishMs);
    figures[key::EditMs] = median(editMs);
    figures[key::PeakRssMiB] = peakRssMiB();
    figures[key::FileMiB] = fileMiB(path);
    figures[QLatin1StringView("checksum")] = double(checksum);
    return figures;
}

} // namespace tessera::bench
