#include "Strength.h"

#include <QByteArray>

#include <zxcvbn.h>

#include <cmath>
#include <cstring>
#include <vector>

// How the estimate follows from zxcvbn's one number.
//
// Debian's libzxcvbn (Tony Evans' C port, 2.5) returns only the entropy in bits of the cheapest
// way it finds to build the password (dictionary words, l33t, keyboard walks, dates, repeats,
// sequences, brute force for the rest). Its dictionaries are compiled into the library (the
// Debian build does not define USE_DICT_FILE, so ZxcvbnInit is a no-op macro and no dictionary
// file is needed at run time, from the build tree or an install alike). The rest is derived here
// the way Dropbox's reference zxcvbn derives it from its guess count
// (github.com/dropbox/zxcvbn, src/time_estimates.coffee, `estimate_attack_times`,
// `guesses_to_score` and `display_time`; the README lists the same score table):
//
//  - guesses = 2^bits, kept as log10(guesses) = bits * log10(2) so nothing overflows.
//  - score: guesses < 10^3 + 5 -> 0 "too guessable", < 10^6 + 5 -> 1 "very guessable",
//    < 10^8 + 5 -> 2 "somewhat guessable", < 10^10 + 5 -> 3 "safely unguessable", else 4
//    "very unguessable". The "+ 5" is zxcvbn's DELTA: it keeps a password that is exactly one of
//    a few brute-force lengths on the lower side of a boundary.
//  - crack time = guesses / 10^4 seconds: zxcvbn's "offline_slow_hashing_1e4_per_second"
//    scenario (a stolen file, a salted slow hash, many machines). Tessera's vault costs about one
//    second of Argon2id per guess on one machine, so this is deliberately pessimistic.
//  - the phrase rounds to the largest whole unit: under 1 s "less than a second", then seconds,
//    minutes, hours, days, months (31 days), years (12 months), and from 100 years "centuries";
//    "1 hour" but "2 hours".
//
// zxcvbn works on its own (unwiped) copies of the password while it matches; that is the price
// of using the reference estimator rather than a home-made one. Everything Tessera holds stays
// in secure memory.

namespace tessera {

namespace {

constexpr double ScoreDelta = 5; // zxcvbn's DELTA
constexpr double ScoreBoundaries[] = {1e3 + ScoreDelta, 1e6 + ScoreDelta, 1e8 + ScoreDelta,
                                      1e10 + ScoreDelta};

constexpr double Minute = 60;
constexpr double Hour = 60 * Minute;
constexpr double Day = 24 * Hour;
constexpr double Month = 31 * Day;
constexpr double Year = 12 * Month;
constexpr double Century = 100 * Year;

QString countOf(double amount, const char* unit) {
    const auto rounded = static_cast<long long>(std::llround(amount));
    QString phrase = QStringLiteral("%1 %2").arg(rounded).arg(QLatin1String(unit));
    if (rounded != 1)
        phrase += QLatin1Char('s');
    return phrase;
}

// The user inputs as zxcvbn wants them: lower-case UTF-8 C strings, then a null pointer.
class UserDictionary {
public:
    explicit UserDictionary(const QStringList& words) {
        for (const QString& word : words) {
            const QString trimmed = word.trimmed();
            if (!trimmed.isEmpty())
                m_words.push_back(trimmed.toLower().toUtf8());
        }
        for (const QByteArray& word : m_words)
            m_pointers.push_back(word.constData());
        m_pointers.push_back(nullptr);
    }
    const char** pointers() { return m_pointers.data(); }

private:
    std::vector<QByteArray> m_words;
    std::vector<const char*> m_pointers;
};

} // namespace

int scoreForLog10Guesses(double log10Guesses) {
    const double guesses = std::pow(10.0, log10Guesses); // +inf past 10^308: score 4
    int score = 0;
    for (double boundary : ScoreBoundaries) {
        if (guesses < boundary)
            return score;
        ++score;
    }
    return score;
}

QString crackTimePhrase(double seconds) {
    if (seconds < 1)
        return QStringLiteral("less than a second");
    if (seconds < Minute)
        return countOf(seconds, "second");
    if (seconds < Hour)
        return countOf(seconds / Minute, "minute");
    if (seconds < Day)
        return countOf(seconds / Hour, "hour");
    if (seconds < Month)
        return countOf(seconds / Day, "day");
    if (seconds < Year)
        return countOf(seconds / Month, "month");
    if (seconds < Century)
        return countOf(seconds / Year, "year");
    return QStringLiteral("centuries");
}

StrengthEstimate strengthFromEntropy(double entropyBits) {
    StrengthEstimate estimate;
    estimate.entropyBits = entropyBits < 0 ? 0 : entropyBits;
    estimate.log10Guesses = estimate.entropyBits * std::log10(2.0);
    estimate.score = scoreForLog10Guesses(estimate.log10Guesses);
    const double log10Seconds = estimate.log10Guesses - std::log10(CrackGuessesPerSecond);
    estimate.crackTime = crackTimePhrase(std::pow(10.0, log10Seconds));
    return estimate;
}

StrengthEstimate estimateStrength(const SecureBuffer& password, const QStringList& userInputs) {
    // zxcvbn takes a C string: a NUL-terminated copy, in secure memory like the original (one
    // zero-filled allocation, so no grown-and-moved copy either).
    SecureBuffer terminated(password.size() + 1);
    if (!password.empty())
        std::memcpy(terminated.data(), password.data(), password.size());
    UserDictionary dictionary(userInputs);
    const double bits = ZxcvbnMatch(reinterpret_cast<const char*>(terminated.data()),
                                    dictionary.pointers(), nullptr);
    return strengthFromEntropy(bits);
}

} // namespace tessera
