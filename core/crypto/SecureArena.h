#pragma once
// Locked memory for secrets. sodium_malloc gives guard pages and mlock but costs a mapping per
// call (a process gets ~65k mappings, and an unprivileged process may lock only a few MiB), so
// small secrets are carved from larger sodium_malloc-ed chunks in power-of-two slots. Large
// secrets get their own sodium_malloc block. Every release wipes the memory first.

#include <cstddef>
#include <mutex>
#include <vector>

namespace tessera {

class SecureArena {
public:
    // The allocator is process-wide like malloc itself; it holds no configuration.
    static SecureArena& instance();

    void* allocate(std::size_t size);
    void release(void* block, std::size_t size);

    static constexpr std::size_t SmallestSlot = 16;
    static constexpr std::size_t LargestSlot = 4096;
    static constexpr std::size_t ChunkBytes = 64 * 1024;

private:
    SecureArena() = default;
    static int classOf(std::size_t size);

    static constexpr int ClassCount = 9; // 16, 32, ..., 4096
    std::mutex m_mutex;
    std::vector<void*> m_free[ClassCount];
};

} // namespace tessera
