#pragma once
// Threads that start at once on another core (unlock's manifest helper, overview workers, halves).

#include <atomic>
#include <memory>
#include <thread>
#include <utility>

namespace tessera {

// Where a new thread starts: on a core other than its parent's, from where it may move anywhere.
class ThreadPlacement {
public:
    ThreadPlacement(); // notes the cores the calling thread may use
    ~ThreadPlacement();
    // In the parent, right after creating the thread: pins it to another of those cores.
    void place(std::thread& thread);
    // First thing in the thread: waits until placed, then allows every one of those cores again.
    void release();

private:
    struct Cores;
    std::unique_ptr<Cores> m_cores;
    std::atomic<bool> m_placed{false};
};

// std::thread(work), except that the thread runs at once. Linux queues a new thread on its
// parent's core; when the other cores have been idle for a few milliseconds, it waits there until
// the next scheduler tick (up to 4 ms) or until the parent blocks. On this project's 2-core
// machines that was 3 ms per thread, and an unlock starts up to four.
template <typename Work> std::thread startThread(Work&& work) {
    auto placement = std::make_shared<ThreadPlacement>();
    std::thread thread([placement, work = std::forward<Work>(work)]() mutable {
        placement->release();
        work();
    });
    placement->place(thread);
    return thread;
}

} // namespace tessera
