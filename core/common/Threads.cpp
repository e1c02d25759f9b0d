#include "Threads.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

namespace tessera {

#ifdef __linux__

struct ThreadPlacement::Cores {
    cpu_set_t allowed;
    bool known = false;
};

ThreadPlacement::ThreadPlacement()
    : m_cores(std::make_unique<Cores>()) {
    CPU_ZERO(&m_cores->allowed);
    m_cores->known =
        pthread_getaffinity_np(pthread_self(), sizeof(cpu_set_t), &m_cores->allowed) == 0;
}

void ThreadPlacement::place(std::thread& thread) {
    const int here = sched_getcpu();
    if (m_cores->known && here >= 0 && CPU_COUNT(&m_cores->allowed) > 1) {
        // Spread the threads of one parent over the other cores, round robin.
        static std::atomic<unsigned> next{0};
        const unsigned others =
            unsigned(CPU_COUNT(&m_cores->allowed)) - (CPU_ISSET(here, &m_cores->allowed) ? 1U : 0U);
        unsigned skip = others > 0 ? next++ % others : 0;
        for (int core = 0; core < CPU_SETSIZE; ++core) {
            if (core == here || !CPU_ISSET(core, &m_cores->allowed) || skip-- > 0)
                continue;
            cpu_set_t target;
            CPU_ZERO(&target);
            CPU_SET(core, &target);
            (void)pthread_setaffinity_np(thread.native_handle(), sizeof(cpu_set_t), &target);
            break;
        }
    }
    m_placed.store(true, std::memory_order_release);
}

void ThreadPlacement::release() {
    while (!m_placed.load(std::memory_order_acquire))
        std::this_thread::yield();
    if (m_cores->known)
        (void)pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t), &m_cores->allowed);
}

#else

struct ThreadPlacement::Cores {};

ThreadPlacement::ThreadPlacement()
    : m_cores(std::make_unique<Cores>()) {
}

void ThreadPlacement::place(std::thread&) {
    m_placed.store(true, std::memory_order_release);
}

void ThreadPlacement::release() {
}

#endif

ThreadPlacement::~ThreadPlacement() = default;

} // namespace tessera
