#include "SecureArena.h"

#include <sodium.h>

#include <new>

namespace tessera {

SecureArena& SecureArena::instance() {
    // Deliberately never destroyed: secrets may be released during static destruction.
    static auto* arena = [] {
        if (sodium_init() < 0)
            throw std::bad_alloc(); // libsodium cannot run without a working RNG
        return new SecureArena;
    }();
    return *arena;
}

int SecureArena::classOf(std::size_t size) {
    int index = 0;
    for (std::size_t slot = SmallestSlot; slot < size; slot *= 2)
        ++index;
    return index;
}

void* SecureArena::allocate(std::size_t size) {
    if (size > LargestSlot) {
        void* block = sodium_malloc(size);
        if (!block)
            throw std::bad_alloc();
        sodium_memzero(block, size);
        return block;
    }
    const int index = classOf(size);
    const std::size_t slot = SmallestSlot << index;
    std::lock_guard lock(m_mutex);
    auto& freeSlots = m_free[index];
    if (freeSlots.empty()) {
        auto* chunk = static_cast<unsigned char*>(sodium_malloc(ChunkBytes));
        if (!chunk)
            throw std::bad_alloc();
        sodium_memzero(chunk, ChunkBytes);
        for (std::size_t offset = 0; offset + slot <= ChunkBytes; offset += slot)
            freeSlots.push_back(chunk + offset);
    }
    void* block = freeSlots.back();
    freeSlots.pop_back();
    return block;
}

void SecureArena::release(void* block, std::size_t size) {
    if (size > LargestSlot) {
        sodium_free(block); // wipes before unmapping
        return;
    }
    const int index = classOf(size);
    sodium_memzero(block, SmallestSlot << index);
    std::lock_guard lock(m_mutex);
    m_free[index].push_back(block);
}

} // namespace tessera
