#pragma once
// Checks one SQLCipher 3 page's HMAC without SQLCipher. SQLCipher 3 answers SQLITE_NOTADB both for
// a wrong key and for a damaged first page; checking another page's HMAC under the same key tells
// the two apart (core/FORMAT.md "Unlock header").
//
// Page layout with SQLCipher 3.4.1's defaults, a raw key and cipher_page_size 4096 (verified
// against real files by tests/core/tst_pagecheck.cpp):
//   [0, 4048)     AES-256-CBC ciphertext (page 1: bytes 0..15 are the salt in the clear instead)
//   [4048, 4064)  IV
//   [4064, 4084)  HMAC-SHA1 over ciphertext || IV || page number (u32 little-endian)
//   [4084, 4096)  random padding that nothing authenticates
// HMAC key = PBKDF2-HMAC-SHA1(raw key, salt XOR 0x3a per byte, 2 iterations, 32 bytes).

#include "Crypto.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace tessera {

inline constexpr std::size_t SqlcipherPageBytes = 4096;  // PRAGMA cipher_page_size
inline constexpr std::size_t SqlcipherSaltBytes = 16;    // clear salt at the start of page 1
inline constexpr std::size_t SqlcipherIvBytes = 16;      // AES block
inline constexpr std::size_t SqlcipherHmacBytes = 20;    // HMAC-SHA1
inline constexpr std::size_t SqlcipherReserveBytes = 48; // IV + HMAC rounded up to the AES block
inline constexpr std::size_t SqlcipherPaddingBytes =
    SqlcipherReserveBytes - SqlcipherIvBytes - SqlcipherHmacBytes; // 12, unauthenticated

enum class PageAuth { Authentic, NotAuthentic };

// page: one whole page as stored in the file (SqlcipherPageBytes; any other size is not
// authentic); pageNumber: 1-based; rawKey: the key given to SQLCipher (not a passphrase);
// salt: the database's 16-byte salt (the first 16 bytes of the file).
[[nodiscard]] PageAuth checkSqlcipherPage(QByteArrayView page, std::uint32_t pageNumber,
                                          const Key& rawKey, QByteArrayView salt);

// What page 1 tells SQLite about the file, read by decrypting its first block: SQLCipher 3.4.1
// believes these fields and, for a page size other than cipher_page_size, reads past its page
// buffer (found by tests/fuzz/fuzz_vault_open). Empty if page 1 does not authenticate under the
// key (a wrong key, or damage: SQLCipher then refuses the file itself).
struct SqliteHeaderFields {
    std::uint32_t pageSize = 0;     // bytes 16..17, big-endian; 1 means 65536
    std::uint8_t reservedBytes = 0; // byte 20
};
[[nodiscard]] std::optional<SqliteHeaderFields>
readSqlcipherFirstPage(QByteArrayView page, const Key& rawKey, QByteArrayView salt);

} // namespace tessera
