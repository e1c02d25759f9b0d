#pragma once
// Passphrases of words from the EFF large word list (7,776 words, 12.925 bits each), joined by a
// separator, optionally capitalised and with one added digit. Built straight into secure memory.

#include "RandomSource.h"

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>

namespace tessera {

inline constexpr int MinPassphraseWords = 3;
inline constexpr int MaxPassphraseWords = 20;
inline constexpr int DefaultPassphraseWords = 6;
inline constexpr int MaxSeparatorLength = 16; // characters (code points)
inline constexpr int DigitChoices = 10;

enum class Capitalization {
    None,  // correct-horse-battery
    First, // Correct-Horse-Battery: the first letter of every word
    All,   // CORRECT-HORSE-BATTERY
};

struct PassphraseSettings {
    int words = DefaultPassphraseWords;
    // Any text of at most 16 characters without letters, control or combining characters, so no
    // two choices of words give the same passphrase (the entropy stated stays true). Empty only
    // with Capitalization::First, where the capitals mark where words begin.
    QString separator = QStringLiteral("-");
    Capitalization capitalization = Capitalization::None;
    // One digit 0-9 appended to one word, both chosen at random ("correct-horse7-battery").
    bool digit = false;

    bool operator==(const PassphraseSettings&) const = default;
};

// Validated settings, ready to draw from.
class PassphraseGenerator {
public:
    // InvalidArgument with a message for the user when the settings are not allowed.
    static Result<PassphraseGenerator> make(const PassphraseSettings& settings);

    // words * log2(7776), plus log2(10 * words) with the digit (which digit, after which word).
    double entropyBits() const;
    SecureBuffer generate(RandomSource& random) const;

private:
    PassphraseGenerator() = default;

    PassphraseSettings m_settings;
    QByteArray m_separator; // UTF-8
};

} // namespace tessera
