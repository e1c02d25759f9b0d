#pragma once
// The one type that holds secrets: keys, passwords and opened record details. Memory comes from
// libsodium's guarded, mlock-ed allocations (small secrets share a locked arena, since every
// sodium_malloc costs a mapping plus guard pages) and is wiped when released. Move-only; no
// implicit conversion to QString or std::string.

#include <cstddef>
#include <string_view>

namespace tessera {

class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size); // zero-filled
    static SecureBuffer copyOf(const void* bytes, std::size_t size);
    static SecureBuffer copyOf(std::string_view text) { return copyOf(text.data(), text.size()); }

    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;
    ~SecureBuffer();

    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // The bytes as UTF-8 text, valid while this buffer lives and is not changed.
    std::string_view view() const;

    SecureBuffer clone() const { return copyOf(m_data, m_size); }
    void append(const void* bytes, std::size_t size);
    void append(std::string_view text) { append(text.data(), text.size()); }
    void append(const SecureBuffer& other) { append(other.data(), other.size()); }
    void appendByte(unsigned char byte) { append(&byte, 1); }
    // Shrinks to the first size bytes, wiping the rest.
    void truncate(std::size_t size);
    void clear(); // wipes and releases

    // Constant-time comparison of contents (lengths are not secret).
    bool equals(const SecureBuffer& other) const;

private:
    void reserve(std::size_t capacity);

    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

// A fixed-size secret such as a key; the size is part of the type.
template <std::size_t N> class FixedSecret {
public:
    static constexpr std::size_t Size = N;
    FixedSecret()
        : m_buffer(N) {}
    unsigned char* data() { return m_buffer.data(); }
    const unsigned char* data() const { return m_buffer.data(); }
    static constexpr std::size_t size() { return N; }
    FixedSecret clone() const {
        FixedSecret copy;
        copy.m_buffer = m_buffer.clone();
        return copy;
    }
    bool equals(const FixedSecret& other) const { return m_buffer.equals(other.m_buffer); }

private:
    SecureBuffer m_buffer;
};

} // namespace tessera
