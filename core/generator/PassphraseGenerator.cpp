#include "PassphraseGenerator.h"

#include "EffWordList.h"

#include <QChar>
#include <QList>

#include <cassert>
#include <cmath>

namespace tessera {

namespace {

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

// Letters in the separator could join with the words around it into other words (and so two
// choices of words into one passphrase); control characters break the one-line output and input;
// combining marks change under NFC normalisation of passwords.
Status checkSeparator(const QString& separator, Capitalization capitalization) {
    const QList<uint> codePoints = separator.toUcs4();
    if (codePoints.size() > MaxSeparatorLength)
        return invalid(QStringLiteral("the separator may be at most %1 characters long")
                           .arg(MaxSeparatorLength));
    for (const uint c : codePoints) {
        const QChar::Category category = QChar::category(c);
        if (QChar::isLetter(c))
            return invalid(QStringLiteral("the separator must not contain letters"));
        if (QChar::isMark(c) || category == QChar::Other_Control ||
            category == QChar::Other_Format || category == QChar::Other_Surrogate ||
            category == QChar::Other_NotAssigned || category == QChar::Other_PrivateUse)
            return invalid(QStringLiteral("the separator must not contain control, format or "
                                          "combining characters"));
    }
    if (separator.normalized(QString::NormalizationForm_C) != separator)
        return invalid(QStringLiteral("the separator must be in Unicode NFC form"));
    if (separator.isEmpty() && capitalization != Capitalization::First)
        return invalid(QStringLiteral("an empty separator needs capitalisation of the first "
                                      "letter of each word, or the words run together"));
    return {};
}

unsigned char upper(unsigned char c) {
    return c >= 'a' && c <= 'z' ? static_cast<unsigned char>(c - 'a' + 'A') : c;
}

} // namespace

Result<PassphraseGenerator> PassphraseGenerator::make(const PassphraseSettings& settings) {
    if (settings.words < MinPassphraseWords || settings.words > MaxPassphraseWords)
        return invalid(QStringLiteral("the number of words must be %1 to %2, not %3")
                           .arg(MinPassphraseWords)
                           .arg(MaxPassphraseWords)
                           .arg(settings.words));
    TESSERA_TRY(checkSeparator(settings.separator, settings.capitalization));
    PassphraseGenerator generator;
    generator.m_settings = settings;
    generator.m_separator = settings.separator.toUtf8();
    return generator;
}

// Every word is one of 7,776, drawn independently and uniformly: words * log2(7776) bits. The
// digit adds which of the 10 digits and after which of the words: log2(10 * words) bits. These
// choices are all told apart in the result: the separator has no letters, so word boundaries
// stay where they are (the four hyphenated words of the list cannot be read as other words:
// "drop", "felt", "tip", "t" and "yo" are not in it), and a digit always ends a word. Separator
// and capitalisation are fixed by the settings and add nothing.
double PassphraseGenerator::entropyBits() const {
    const int words = m_settings.words;
    double bits = words * std::log2(double(EffWordCount));
    if (m_settings.digit)
        bits += std::log2(double(DigitChoices) * words);
    return bits;
}

SecureBuffer PassphraseGenerator::generate(RandomSource& random) const {
    const auto wordList = effLargeWordList();
    const auto wordCount = std::uint32_t(m_settings.words);
    const std::uint32_t digitAfter = m_settings.digit ? random.uniform(wordCount) : wordCount;
    const char digit = m_settings.digit ? char('0' + random.uniform(DigitChoices)) : '\0';

    SecureBuffer passphrase;
    for (std::uint32_t index = 0; index < wordCount; ++index) {
        if (index > 0)
            passphrase.append(m_separator.constData(), std::size_t(m_separator.size()));
        const std::uint32_t choice = random.uniform(std::uint32_t(EffWordCount));
        assert(choice < EffWordCount);
        const std::size_t start = passphrase.size();
        passphrase.append(wordList[choice]);
        if (m_settings.capitalization == Capitalization::First) {
            passphrase.data()[start] = upper(passphrase.data()[start]);
        } else if (m_settings.capitalization == Capitalization::All) {
            for (std::size_t at = start; at < passphrase.size(); ++at)
                passphrase.data()[at] = upper(passphrase.data()[at]);
        }
        if (index == digitAfter)
            passphrase.appendByte(static_cast<unsigned char>(digit));
    }
    return passphrase;
}

} // namespace tessera
