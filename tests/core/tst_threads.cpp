// startThread (core/common/Threads.h): the work runs, on a thread that may use every core its
// parent may (it is pinned to another core only until it starts), and inTwoHalves covers the
// whole range once.

#include "common/Threads.h"
#include "common/TwoHalves.h"

#include <QTest>

#include <atomic>
#include <vector>

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

using namespace tessera;

class TestThreads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workRunsOnce() {
        std::atomic<int> runs{0};
        std::thread thread = startThread([&runs] { ++runs; });
        thread.join();
        QCOMPARE(runs.load(), 1);
    }

    void threadMayUseEveryCoreOfItsParent() {
#ifdef __linux__
        cpu_set_t parent;
        QCOMPARE(pthread_getaffinity_np(pthread_self(), sizeof parent, &parent), 0);
        for (int i = 0; i < 8; ++i) {
            cpu_set_t child;
            CPU_ZERO(&child);
            int result = -1;
            std::thread thread = startThread(
                [&] { result = pthread_getaffinity_np(pthread_self(), sizeof child, &child); });
            thread.join();
            QCOMPARE(result, 0);
            QVERIFY(CPU_EQUAL(&parent, &child));
        }
#else
        QSKIP("core placement is Linux only");
#endif
    }

    void twoHalvesCoverTheRangeOnce() {
        constexpr std::size_t Count = 10'001;
        std::vector<std::atomic<int>> seen(Count);
        const bool split = inTwoHalves(Count, 2, [&seen](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i)
                ++seen[i];
        });
        QCOMPARE(split, std::thread::hardware_concurrency() >= 2);
        for (std::size_t i = 0; i < Count; ++i)
            QCOMPARE(seen[i].load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
