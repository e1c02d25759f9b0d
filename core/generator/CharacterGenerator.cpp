#include "CharacterGenerator.h"

#include <bit>
#include <cassert>
#include <cmath>

namespace tessera {

namespace {

constexpr char FirstPrintable = '!'; // space is left out on purpose (lost at the ends of forms)
constexpr char LastPrintable = '~';
// upper, lower, digits, symbols, custom: one bit each in the "classes seen" mask.
constexpr std::size_t MaxClasses = 5;

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

bool isLookAlike(char c) {
    return LookAlikeCharacters.find(c) != std::string_view::npos;
}

std::string withoutLookAlikes(std::string_view characters, bool exclude) {
    std::string kept;
    for (const char c : characters) {
        if (!exclude || !isLookAlike(c))
            kept.push_back(c);
    }
    return kept;
}

} // namespace

Result<CharacterGenerator> CharacterGenerator::make(const CharacterSettings& settings) {
    if (settings.length < MinPasswordLength || settings.length > MaxPasswordLength)
        return invalid(QStringLiteral("the length must be %1 to %2, not %3")
                           .arg(MinPasswordLength)
                           .arg(MaxPasswordLength)
                           .arg(settings.length));
    const bool exclude = settings.excludeLookAlikes;
    std::vector<std::string> chosen;
    if (settings.upper)
        chosen.push_back(withoutLookAlikes(UpperCharacters, exclude));
    if (settings.lower)
        chosen.push_back(withoutLookAlikes(LowerCharacters, exclude));
    if (settings.digits)
        chosen.push_back(withoutLookAlikes(DigitCharacters, exclude));
    if (settings.symbols)
        chosen.push_back(withoutLookAlikes(SymbolCharacters, exclude));

    if (!settings.custom.isEmpty()) {
        std::string custom;
        for (const QChar qc : settings.custom) {
            if (qc.unicode() < FirstPrintable || qc.unicode() > LastPrintable)
                return invalid(QStringLiteral("the custom set may hold only printable ASCII "
                                              "characters other than space (! to ~), not '%1'")
                                   .arg(qc.isPrint() ? QString(qc)
                                                     : QStringLiteral("U+%1").arg(
                                                           qc.unicode(), 4, 16, QLatin1Char('0'))));
            const char c = char(qc.unicode());
            bool taken = custom.find(c) != std::string::npos; // a repeat counts once
            for (const std::string& other : chosen)
                taken = taken || other.find(c) != std::string::npos;
            if (!taken && !(exclude && isLookAlike(c)))
                custom.push_back(c);
        }
        if (custom.empty())
            return invalid(exclude ? QStringLiteral("the custom set adds no character beyond the "
                                                    "chosen classes once look-alikes are excluded")
                                   : QStringLiteral("the custom set adds no character beyond the "
                                                    "chosen classes"));
        chosen.push_back(std::move(custom));
    }
    if (chosen.empty())
        return invalid(QStringLiteral("choose at least one kind of character (upper, lower, "
                                      "digits, symbols or a custom set)"));
    // A guard: today at most 4 classes can be chosen (a custom set must add characters the
    // standard classes lack, and all four cover printable ASCII), and the length is at least 4.
    if (std::size_t(settings.length) < chosen.size())
        return invalid(QStringLiteral("a password of %1 characters cannot hold one character "
                                      "of each of the %2 chosen kinds")
                           .arg(settings.length)
                           .arg(chosen.size()));

    CharacterGenerator generator;
    generator.m_length = settings.length;
    for (std::size_t index = 0; index < chosen.size(); ++index) {
        generator.m_pool += chosen[index];
        generator.m_sizes.push_back(chosen[index].size());
        generator.m_classOfIndex.insert(generator.m_classOfIndex.end(), chosen[index].size(),
                                        std::uint8_t(index));
    }
    return generator;
}

std::vector<std::string_view> CharacterGenerator::classes() const {
    std::vector<std::string_view> result;
    std::size_t start = 0;
    for (const std::size_t size : m_sizes) {
        result.push_back(std::string_view(m_pool).substr(start, size));
        start += size;
    }
    return result;
}

// The passwords generate() returns are exactly the strings of length L over the pool (P
// characters) holding at least one character of each of the k classes. Their number N follows by
// inclusion-exclusion over the classes missed: N = sum over subsets S of the classes of
// (-1)^|S| (P - |S's characters|)^L. N can reach 94^128, so work with N / P^L (the chance that a
// uniform string qualifies, a sum of at most 2^5 terms of magnitude <= 1 in double precision)
// and report L log2 P + log2(N / P^L).
double CharacterGenerator::entropyBits() const {
    const std::size_t classCount = m_sizes.size();
    const double poolSize = double(m_pool.size());
    double qualifying = 0;
    for (std::uint32_t missed = 0; missed < (1u << classCount); ++missed) {
        std::size_t missedSize = 0;
        for (std::size_t index = 0; index < classCount; ++index) {
            if (missed & (1u << index))
                missedSize += m_sizes[index];
        }
        const double term = std::pow(1.0 - double(missedSize) / poolSize, m_length);
        qualifying += std::popcount(missed) % 2 == 0 ? term : -term;
    }
    return m_length * std::log2(poolSize) + std::log2(qualifying);
}

// Rejection sampling of whole passwords. Each try draws every position independently and
// uniformly from the pool (randombytes_uniform has no modulo bias), so each of the P^L strings is
// equally likely; a try that misses a class is thrown away whole (overwritten by the next). Keeping
// only the qualifying strings of a uniform distribution leaves them uniform: each of the N comes
// out with probability 1/N, which is what entropyBits() reports. (Placing one character of each
// class and shuffling would not be uniform: it favours passwords with many characters from small
// classes.) Expected tries: P^L / N, at most about 100 for the worst settings allowed (4 characters
// from 4 classes, one of them a single custom character).
SecureBuffer CharacterGenerator::generate(RandomSource& random) const {
    static_assert(MaxClasses <= 8);
    assert(!m_sizes.empty() && m_sizes.size() <= MaxClasses);
    const std::uint32_t allClasses = (1u << m_sizes.size()) - 1;
    const auto poolSize = std::uint32_t(m_pool.size());
    SecureBuffer password{std::size_t(m_length)};
    for (;;) {
        std::uint32_t seen = 0;
        for (std::size_t position = 0; position < password.size(); ++position) {
            const std::uint32_t index = random.uniform(poolSize);
            assert(index < poolSize);
            password.data()[position] = static_cast<unsigned char>(m_pool[index]);
            seen |= 1u << m_classOfIndex[index];
        }
        if (seen == allClasses)
            return password;
    }
}

} // namespace tessera
