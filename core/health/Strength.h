#pragma once
// Password strength from zxcvbn (Debian's libzxcvbn, the C port). It reports entropy in bits
// only; the score, guesses and crack-time phrase are derived from it as documented in Strength.cpp.

#include "crypto/SecureBuffer.h"

#include <QString>
#include <QStringList>

namespace tessera {

// The attack the crack time assumes: offline, against a slow salted hash (zxcvbn's
// "offline_slow_hashing_1e4_per_second" scenario).
inline constexpr double CrackGuessesPerSecond = 1e4;
// Scores at or below this are "weak": the health report flags them, create/passwd warn.
inline constexpr int WeakScoreMax = 2;
inline constexpr int MaxScore = 4;

struct StrengthEstimate {
    double entropyBits = 0;  // zxcvbn's estimate
    double log10Guesses = 0; // = entropyBits * log10(2)
    int score = 0;           // 0 (too guessable) .. 4 (very unguessable), zxcvbn's thresholds
    QString crackTime;       // e.g. "3 hours", "centuries": offline attack on a slow hash
    bool isWeak() const { return score <= WeakScoreMax; }
};

// userInputs: words the attacker would try first (the vault name, the entry's title/username).
// The password is read up to its first NUL byte (zxcvbn takes a C string).
StrengthEstimate estimateStrength(const SecureBuffer& password, const QStringList& userInputs = {});

// The derivations estimateStrength uses, for callers that have only a guess count (the generator
// knows its entropy exactly) and for tests of the boundaries.
int scoreForLog10Guesses(double log10Guesses);
QString crackTimePhrase(double seconds);
StrengthEstimate strengthFromEntropy(double entropyBits);

} // namespace tessera
