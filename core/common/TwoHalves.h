#pragma once
// Work over a large list split in two halves, one per core (unlock's sort, search, search texts).

#include "Threads.h"

#include <cstddef>
#include <thread>

namespace tessera {

// Runs work(from, to) over [0, count): in two halves on two threads when count reaches
// parallelFrom and the machine has two cores, else in one call. Returns whether it was split
// (the split is at count / 2).
template <typename Work>
bool inTwoHalves(std::size_t count, std::size_t parallelFrom, Work&& work) {
    if (count < parallelFrom || std::thread::hardware_concurrency() < 2) {
        work(std::size_t(0), count);
        return false;
    }
    const std::size_t half = count / 2;
    std::thread first = startThread([&] { work(std::size_t(0), half); });
    work(half, count);
    first.join();
    return true;
}

} // namespace tessera
