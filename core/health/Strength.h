#pragma once
// Password strength from zxcvbn (Debian's libzxcvbn, the C port). It reports entropy in bits
// only; the score, guesses and crack-time phrase are derived from it as documented in Strength.cpp.

#include "crypto/SecureBuffer.h"

#include <QString>
#include <QStringList>

namespace tessera {

struct StrengthEstimate {
    double entropyBits = 0;   // zxcvbn's estimate
    double log10Guesses = 0;  // = entropyBits * log10(2)
    int score = 0;            // 0 (too guessable) .. 4 (very unguessable), zxcvbn's thresholds
    QString crackTime;        // e.g. "3 hours", "centuries": offline attack on a slow hash
};

// userInputs: words the attacker would try first (the vault name, the entry's title/username).
StrengthEstimate estimateStrength(const SecureBuffer& password, const QStringList& userInputs = {});

} // namespace tessera
