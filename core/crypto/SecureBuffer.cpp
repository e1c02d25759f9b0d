#include "SecureBuffer.h"

#include "SecureArena.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <utility>

namespace tessera {

SecureBuffer::SecureBuffer(std::size_t size) {
    reserve(size);
    m_size = size;
}

SecureBuffer SecureBuffer::copyOf(const void* bytes, std::size_t size) {
    SecureBuffer buffer(size);
    if (size > 0)
        std::memcpy(buffer.m_data, bytes, size);
    return buffer;
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0)) {
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

SecureBuffer::~SecureBuffer() {
    clear();
}

std::string_view SecureBuffer::view() const {
    return m_size == 0 ? std::string_view()
                       : std::string_view(reinterpret_cast<const char*>(m_data), m_size);
}

void SecureBuffer::reserve(std::size_t capacity) {
    if (capacity <= m_capacity && m_data)
        return;
    const std::size_t grown = std::max({capacity, m_capacity * 2, std::size_t{16}});
    auto* fresh = static_cast<unsigned char*>(SecureArena::instance().allocate(grown));
    if (m_data) {
        std::memcpy(fresh, m_data, m_size);
        SecureArena::instance().release(m_data, m_capacity);
    }
    m_data = fresh;
    m_capacity = grown;
}

void SecureBuffer::append(const void* bytes, std::size_t size) {
    if (size == 0)
        return;
    reserve(m_size + size);
    std::memcpy(m_data + m_size, bytes, size);
    m_size += size;
}

void SecureBuffer::truncate(std::size_t size) {
    assert(size <= m_size);
    sodium_memzero(m_data + size, m_size - size);
    m_size = size;
}

void SecureBuffer::clear() {
    if (m_data)
        SecureArena::instance().release(m_data, m_capacity); // wipes
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
}

bool SecureBuffer::equals(const SecureBuffer& other) const {
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

} // namespace tessera
