// filter_bench: how long one keystroke in the desktop app's search box takes at 100k entries.
//   filter_bench [--entries N] [--dir DIR] [--reuse] [--whole] [--qt-delegate]
// Builds a vault of realistic entries (EntryGenerator, lowest KDF cost), unlocks it through
// VaultController as the app does, puts EntryModel + EntryFilterModel under the app's EntryListView
// (shown on the offscreen platform) and types search queries letter by letter, with backspaces:
// each keystroke is what VaultView does, startSearch (the first slice runs in the key's handler,
// the rest from the event loop), then, once the rows are shown, bestMatch + selecting it; --whole
// filters inside the handler instead (setSearchText), as the app did before. Prints the median,
// 90th percentile and maximum of the time until a keystroke's rows are shown (every event until
// the search is published, then the view's layout and paint) and of the longest the event loop
// was blocked per keystroke: the handler or any single event dispatched until then, whichever is
// longer; the target is one frame, 16 ms, at 100k entries. A benchmark, never a test of time: the
// smoke run only proves the program works.

#include "EntryFilterModel.h"
#include "EntryGenerator.h"
#include "EntryListView.h"
#include "EntryModel.h"
#include "VaultController.h"
#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

using namespace tessera;

namespace {

constexpr int DefaultEntries = 100'000;

// This thread's CPU time: unlike the wall clock, not inflated while other processes run.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Times every event dispatched from the event loop itself (nested dispatches belong to it).
class BlockTimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (event->type() == QEvent::Paint && receiver == m_list)
            ++m_paints;
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        m_longestMs = std::max(m_longestMs, ms);
        m_longestCpuMs = std::max(m_longestCpuMs, threadCpuMs() - cpuStart);
        // The filter's slices are QTimer timeouts; the view's layout and paint are not.
        if (event->type() != QEvent::Timer || !qobject_cast<QTimer*>(receiver))
            m_longestOtherMs = std::max(m_longestOtherMs, ms);
        ++m_dispatches;
        --m_depth;
        return handled;
    }
    // The longest single dispatch since the last call.
    double takeLongestMs() { return std::exchange(m_longestMs, 0.0); }
    // The longest single dispatch in CPU time since the last call.
    double takeLongestCpuMs() { return std::exchange(m_longestCpuMs, 0.0); }
    // The longest dispatch other than a QTimer's (the search's slices) since the last call.
    double takeLongestOtherMs() { return std::exchange(m_longestOtherMs, 0.0); }
    // Paint events of `list` (the list's viewport) since the last call.
    void countPaints(const QObject* list) { m_list = list; }
    int takePaints() { return std::exchange(m_paints, 0); }
    // Events dispatched from the event loop since the last call.
    int takeDispatches() { return std::exchange(m_dispatches, 0); }

private:
    int m_depth = 0;
    double m_longestMs = 0;
    double m_longestOtherMs = 0;
    double m_longestCpuMs = 0;
    int m_dispatches = 0;
    const QObject* m_list = nullptr;
    int m_paints = 0;
};
constexpr int Batch = 1000;

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "filter_bench: %s\n", qPrintable(message));
    std::exit(1);
}

// What a user types: each query letter by letter, then erased with backspaces.
QStringList keystrokes() {
    const QStringList queries{QStringLiteral("github"),      QStringLiteral("mail work"),
                              QStringLiteral("amaz"),        QStringLiteral("bank 12"),
                              QStringLiteral("example.org"), QStringLiteral("zzq")};
    QStringList typed;
    for (const QString& query : queries) {
        for (int n = 1; n <= query.size(); ++n)
            typed.append(query.left(n));
        for (int n = query.size() - 1; n >= 0; --n)
            typed.append(query.left(n));
    }
    return typed;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const std::size_t at = std::min(values.size() - 1, std::size_t(p * double(values.size())));
    return values[at];
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BlockTimingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Per-keystroke search time of the entry list."));
    parser.addHelpOption();
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
                                           QStringLiteral("Entries in the vault (100000)."),
                                           QStringLiteral("N"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption reuseOption(
        QStringLiteral("reuse"), QStringLiteral("Use the vault an earlier run left in --dir."));
    const QCommandLineOption wholeOption(
        QStringLiteral("whole"),
        QStringLiteral("Filter inside the key's handler (setSearchText), not in slices."));
    const QCommandLineOption qtDelegateOption(
        QStringLiteral("qt-delegate"),
        QStringLiteral("Paint cells with QStyledItemDelegate (what EntryListDelegate replaces)."));
    parser.addOptions({entriesOption, dirOption, reuseOption, wholeOption, qtDelegateOption});
    parser.process(app);
    const int count =
        parser.isSet(entriesOption) ? parser.value(entriesOption).toInt() : DefaultEntries;
    if (count <= 0)
        fail(QStringLiteral("--entries needs a positive number"));
    if (!initializeCrypto().ok())
        fail(QStringLiteral("libsodium failed to initialise"));
    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    const QString dataDir = dir + QStringLiteral("/data");
    if (!QDir().mkpath(dataDir) ||
        !QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        fail(QStringLiteral("cannot make %1").arg(dataDir));
    SystemClock clock;
    const Device device{dataDir, &clock};
    const QString path = dir + QStringLiteral("/bench.tessera");
    const SecureBuffer password = SecureBuffer::copyOf("filter bench password");

    QElapsedTimer timer;
    timer.start();
    if (!parser.isSet(reuseOption) || !QFile::exists(path)) {
        QFile::remove(path);
        auto created = Vault::create(device, path, password,
                                     {QStringLiteral("bench"), KdfParams{MinOpsLimit, MinMemLog2}});
        if (!created)
            fail(created.error().message);
        const bench::EntryGenerator generator;
        for (int first = 0; first < count; first += Batch) {
            std::vector<EntryChanges> batch;
            for (int i = first; i < std::min(count, first + Batch); ++i)
                batch.push_back(generator.entry(i));
            if (auto added = (*created)->addAll(std::move(batch)); !added)
                fail(added.error().message);
        }
        if (Status published = (*created)->publish(); !published)
            fail(published.error().message);
    }
    std::printf("filter_bench: built %d entries in %.1f s\n", count, timer.elapsed() / 1000.0);

    ui::VaultController controller(device);
    QEventLoop loop;
    QObject::connect(&controller, &ui::VaultController::unlocked, &loop, &QEventLoop::quit);
    QObject::connect(&controller, &ui::VaultController::unlockFailed, &loop,
                     [](const Error& error) { fail(error.message); });
    timer.restart();
    controller.unlock(path, password.clone());
    loop.exec();
    std::printf("filter_bench: unlocked (KDF at minimum cost) in %.0f ms\n",
                double(timer.elapsed()));

    timer.restart();
    ui::EntryModel model(controller);
    ui::EntryFilterModel filter(model);
    ui::EntryListView view; // the app's list: uniform rows, cells through EntryListDelegate
    view.setModel(&filter);
    QStyledItemDelegate qtDelegate;
    if (parser.isSet(qtDelegateOption))
        view.setItemDelegate(&qtDelegate);
    view.setSortingEnabled(true);
    view.sortByColumn(ui::EntryModel::TitleColumn, Qt::AscendingOrder);
    view.resize(900, 600);
    view.show();
    QCoreApplication::processEvents();
    std::printf("filter_bench: model, proxy and view over %d rows in %.0f ms\n", model.rowCount(),
                double(timer.elapsed()));

    // What VaultView does: the search box's handler starts the search; when its rows are shown,
    // the best match is selected and scrolled to. --whole filters inside the handler instead.
    const bool whole = parser.isSet(wholeOption);
    QModelIndex best;
    const auto selectBest = [&filter, &view, &best] {
        best = filter.bestMatch();
        view.selectionModel()->setCurrentIndex(best, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
        if (best.isValid())
            view.scrollTo(best);
    };
    QObject::connect(&filter, &ui::EntryFilterModel::searchFinished, &view, selectBest);

    std::vector<double> times, handlerTimes, blocks, cpuBlocks, others, events, paints;
    app.countPaints(view.viewport());
    const QStringList typed = keystrokes();
    long long matched = 0;
    for (const QString& text : typed) {
        app.takeLongestMs();
        app.takeDispatches();
        app.takeLongestOtherMs();
        app.takePaints();
        app.takeLongestCpuMs();
        const double cpuStart = threadCpuMs();
        QElapsedTimer keystroke;
        keystroke.start();
        if (whole) {
            filter.setSearchText(text);
            selectBest();
        } else {
            filter.startSearch(text);
        }
        const double handlerMs = double(keystroke.nsecsElapsed()) / 1e6;
        const double handlerCpuMs = threadCpuMs() - cpuStart;
        // Every event until the rows are published, then the view's layout and paint.
        while (filter.searching())
            QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        matched += filter.rowCount();
        times.push_back(double(keystroke.nsecsElapsed()) / 1e6);
        handlerTimes.push_back(handlerMs);
        blocks.push_back(std::max(handlerMs, app.takeLongestMs()));
        events.push_back(double(app.takeDispatches()));
        others.push_back(app.takeLongestOtherMs());
        paints.push_back(double(app.takePaints()));
        cpuBlocks.push_back(std::max(handlerCpuMs, app.takeLongestCpuMs()));
    }
    std::printf("filter_bench: %s, %d keystrokes (%lld rows matched in all)\n",
                whole ? "whole search in the key's handler (--whole)" : "search in slices",
                int(typed.size()), matched);
    std::printf("filter_bench: keystroke until its rows are shown: median %.2f ms, p90 %.2f ms, "
                "max %.2f ms\n",
                percentile(times, 0.5), percentile(times, 0.9), percentile(times, 1.0));
    std::printf("filter_bench: the key's handler: median %.2f ms; per keystroke: events "
                "dispatched median %.0f, max %.0f; paints of the list median %.0f, max %.0f\n",
                percentile(handlerTimes, 0.5), percentile(events, 0.5), percentile(events, 1.0),
                percentile(paints, 0.5), percentile(paints, 1.0));
    std::printf(
        "filter_bench: longest event-loop block per keystroke: median %.2f ms, p90 %.2f ms, "
        "max %.2f ms (target: 16 ms at 100k entries)\n",
        percentile(blocks, 0.5), percentile(blocks, 0.9), percentile(blocks, 1.0));
    std::printf("filter_bench: of which the longest event other than a search slice (publishing "
                "the rows with the selection, layout, paint): median %.2f ms, p90 %.2f ms, max "
                "%.2f ms\n",
                percentile(others, 0.5), percentile(others, 0.9), percentile(others, 1.0));
    std::printf("filter_bench: longest block per keystroke in this thread's CPU time (not "
                "inflated by other processes): median %.2f ms, p90 %.2f ms, max %.2f ms\n",
                percentile(cpuBlocks, 0.5), percentile(cpuBlocks, 0.9), percentile(cpuBlocks, 1.0));
    return 0;
}
