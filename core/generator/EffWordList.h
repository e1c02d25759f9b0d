#pragma once
// The EFF large word list (7,776 words, (c) 2016 Electronic Frontier Foundation, CC BY 3.0 US;
// resources/wordlists/README.md), compiled in by EffWordList.cmake: no file is read at run time.

#include <cstddef>
#include <span>
#include <string_view>

namespace tessera {

inline constexpr std::size_t EffWordCount = 7776; // 6^5: five dice per word

// In dice order (11111 abacus .. 66666 zoom). Lower-case ASCII letters; four words contain a
// hyphen (drop-down, felt-tip, t-shirt, yo-yo).
std::span<const std::string_view, EffWordCount> effLargeWordList();

} // namespace tessera
