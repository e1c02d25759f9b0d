// Every heap block is wiped when it is released: free() and realloc() of glibc are replaced by
// versions that zero the block (all of malloc_usable_size) before handing it back to glibc's
// allocator. Linked into the desktop app only (never a library): Qt widgets keep UTF-16 copies of
// what they show — a QTextDocument's piece table, every QTextLayout's copy of a line, harfbuzz's
// shaping buffers, the QString temporaries of QPainter::drawText — and free them unwiped, where
// they stayed readable in the process for as long as the allocator did not reuse the memory. The
// app wipes the copies it holds (SecureBuffer, wipe()); this catches the ones Qt holds and frees.
//
// Secrets never rely on this alone: they live in SecureBuffer (mlock-ed, guarded). It is a second
// line for memory we cannot reach. glibc supports replacing these functions (its own calls go
// through the PLT); the real allocator stays glibc's, reached through __libc_free/__libc_malloc.
// Not built under AddressSanitizer, which replaces the allocator itself (the residue test sets
// ASan's free_fill options instead).

#include <malloc.h>
#include <stddef.h>
#include <string.h>

extern "C" {

void* __libc_malloc(size_t size);
void __libc_free(void* block);

namespace {

// memset through a volatile function pointer: the compiler cannot drop a store to memory that
// is freed right after (explicit_bzero is not in every libc this builds with).
void* (*const volatile wipeBytes)(void*, int, size_t) = memset;

void wipeBlock(void* block) {
    if (block)
        wipeBytes(block, 0, malloc_usable_size(block));
}

} // namespace

void free(void* block) {
    wipeBlock(block);
    __libc_free(block);
}

void cfree(void* block) {
    free(block);
}

// glibc's realloc may move a block and free the old one internally, unwiped: grow into a new
// block instead and wipe the old one here. Shrinking stays in place; the cut-off tail is wiped.
void* realloc(void* block, size_t size) {
    if (!block)
        return __libc_malloc(size);
    if (size == 0) {
        free(block);
        return nullptr;
    }
    const size_t usable = malloc_usable_size(block);
    if (size <= usable) {
        wipeBytes(static_cast<char*>(block) + size, 0, usable - size);
        return block;
    }
    void* grown = __libc_malloc(size);
    if (!grown)
        return nullptr; // the old block stays valid, as realloc promises
    memcpy(grown, block, usable);
    free(block);
    return grown;
}

void* reallocarray(void* block, size_t count, size_t size) {
    size_t bytes = 0;
    if (__builtin_mul_overflow(count, size, &bytes))
        return nullptr;
    return realloc(block, bytes);
}

} // extern "C"
