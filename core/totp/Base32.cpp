#include "Base32.h"

#include "crypto/Crypto.h"

#include <array>

namespace tessera {

namespace {

constexpr std::size_t BitsPerByte = 8;
// Characters past a whole 8-character block -> padding the block needs (-1: impossible).
constexpr std::array<int, Base32BlockChars> PaddingForRemainder{0, -1, 6, -1, 4, 3, -1, 1};

// All ones when lo <= c <= hi, else zero. Branch-free, like libsodium's base64 decoder, so the
// time taken does not depend on which secret character is decoded.
constexpr unsigned rangeMask(unsigned c, unsigned lo, unsigned hi) {
    const unsigned outside = ((c - lo) | (hi - c)) >> (sizeof(unsigned) * BitsPerByte - 1);
    return 0U - (outside ^ 1U);
}

struct Decoded {
    unsigned value;
    bool valid;
};

constexpr Decoded base32Value(unsigned char byte) {
    const unsigned c = byte;
    const unsigned upper = rangeMask(c, 'A', 'Z');
    const unsigned lower = rangeMask(c, 'a', 'z');
    const unsigned digit = rangeMask(c, '2', '7');
    const unsigned value =
        (upper & (c - 'A')) | (lower & (c - 'a')) | (digit & (c - '2' + ('Z' - 'A' + 1)));
    return {value, (upper | lower | digit) != 0};
}

bool isSeparator(char c) {
    return c == ' ' || c == '-';
}

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

QString describeCharacter(unsigned char c) {
    if (c > ' ' && c < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
    return QStringLiteral("byte 0x%1").arg(unsigned(c), 2, 16, QLatin1Char('0'));
}

} // namespace

Result<SecureBuffer> decodeBase32(std::string_view text) {
    // Pass 1: classify every character; only lengths and positions, never values, leave it.
    std::size_t dataChars = 0;
    std::size_t paddingChars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isSeparator(c))
            continue;
        if (c == '=') {
            ++paddingChars;
            continue;
        }
        if (!base32Value(static_cast<unsigned char>(c)).valid)
            return invalid(QStringLiteral("is not base32: %1 at position %2 (base32 uses A-Z and "
                                          "2-7)")
                               .arg(describeCharacter(static_cast<unsigned char>(c)))
                               .arg(i + 1));
        if (paddingChars > 0)
            return invalid(QStringLiteral("is not base32: characters follow the '=' padding"));
        ++dataChars;
    }
    if (dataChars == 0)
        return invalid(paddingChars > 0 ? QStringLiteral("is not base32: only '=' padding")
                                        : QStringLiteral("is empty"));
    const int needed = PaddingForRemainder[dataChars % Base32BlockChars];
    if (needed < 0)
        return invalid(QStringLiteral("is not base32: %1 characters is an impossible length (one "
                                      "is missing or extra)")
                           .arg(dataChars));
    if (paddingChars != 0 && paddingChars != std::size_t(needed))
        return invalid(QStringLiteral("is not base32: its '=' padding does not fit its length"));
    const std::size_t bytes = dataChars * Base32BitsPerChar / BitsPerByte;
    if (bytes > MaxOtpSecretBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("is longer than %1 bytes").arg(MaxOtpSecretBytes));

    // Pass 2: decode into secure memory; the bit accumulator is wiped afterwards.
    SecureBuffer out(bytes);
    std::size_t written = 0;
    unsigned accumulator = 0;
    std::size_t bits = 0;
    for (const char c : text) {
        if (isSeparator(c) || c == '=')
            continue;
        accumulator =
            (accumulator << Base32BitsPerChar) | base32Value(static_cast<unsigned char>(c)).value;
        bits += Base32BitsPerChar;
        if (bits >= BitsPerByte) {
            bits -= BitsPerByte;
            out.data()[written++] = static_cast<unsigned char>(accumulator >> bits);
            accumulator &= (1U << bits) - 1; // keep only the bits not yet written
        }
    }
    wipe(&accumulator, sizeof accumulator);
    return out;
}

} // namespace tessera
