#pragma once
// Random passwords of characters: upper-case letters, lower-case letters, digits, symbols and a
// custom set, optionally without look-alikes, with at least one character of every chosen class.
// Built straight into secure memory from libsodium's unbiased CSPRNG (through RandomSource).

#include "RandomSource.h"

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera {

inline constexpr int MinPasswordLength = 4;
inline constexpr int MaxPasswordLength = 128;
inline constexpr int DefaultPasswordLength = 20;

inline constexpr std::string_view UpperCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr std::string_view LowerCharacters = "abcdefghijklmnopqrstuvwxyz";
inline constexpr std::string_view DigitCharacters = "0123456789";
// All 32 ASCII punctuation characters: with the three sets above, every printable ASCII
// character but space (94).
inline constexpr std::string_view SymbolCharacters = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
// What excludeLookAlikes removes from every class, the custom set included: 0 O o (zero, capital
// O, small o), 1 I l | (one, capital i, small L, vertical bar), ` ' (backtick, apostrophe).
// That leaves 24 upper, 24 lower, 8 digits and 29 symbols: 85 characters.
inline constexpr std::string_view LookAlikeCharacters = "0Oo1Il|`'";

struct CharacterSettings {
    int length = DefaultPasswordLength;
    bool upper = true;
    bool lower = true;
    bool digits = true;
    bool symbols = true;
    // Extra characters, a set (repeats count once): printable ASCII other than space. Characters
    // a chosen class already holds are dropped from it; what is left must not be empty, and at
    // least one of them is in every password.
    QString custom;
    bool excludeLookAlikes = false;

    bool operator==(const CharacterSettings&) const = default;
};

// Validated settings, ready to draw from. The chosen classes are disjoint and not empty.
class CharacterGenerator {
public:
    // InvalidArgument with a message for the user when the settings cannot be met.
    static Result<CharacterGenerator> make(const CharacterSettings& settings);

    int length() const { return m_length; }
    // Every character a password can hold, class by class.
    std::string_view pool() const { return m_pool; }
    // The characters of each chosen class (upper, lower, digits, symbols, custom: those chosen).
    std::vector<std::string_view> classes() const;
    // log2 of the number of passwords generate() can return, all equally likely.
    double entropyBits() const;
    SecureBuffer generate(RandomSource& random) const;

private:
    CharacterGenerator() = default;

    int m_length = 0;
    std::string m_pool;               // the characters, grouped by class
    std::vector<std::size_t> m_sizes; // characters per class, in pool order
    std::vector<std::uint8_t> m_classOfIndex;
};

} // namespace tessera
