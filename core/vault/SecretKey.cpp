#include "SecretKey.h"

#include "crypto/Crypto.h"

#include <array>

namespace tessera {

namespace {

constexpr std::string_view Prefix = "T1";
constexpr char VersionLetter = 'T';
constexpr std::size_t KeyDigits = 26;     // ceil(128 / 5)
constexpr std::size_t ChecksumDigits = 4; // 20 bits: a typo slips through once in a million
constexpr int BitsPerDigit = 5;
constexpr std::string_view Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford
constexpr std::string_view ChecksumDomain = "tessera secret key T1 checksum";
static_assert(KeyDigits + ChecksumDigits == SecretKeyTextDigits);
static_assert(KeyDigits * BitsPerDigit >= SecretKeyBytes * 8);

// The value of a Crockford digit as people type it, or -1. Hyphens and spaces are handled by the
// caller.
int digitValue(char c) {
    if (c >= 'a' && c <= 'z')
        c = char(c - 'a' + 'A');
    if (c == 'O')
        c = '0';
    if (c == 'I' || c == 'L')
        c = '1';
    const std::size_t at = Alphabet.find(c);
    return at == std::string_view::npos ? -1 : int(at);
}

// The first 20 bits of BLAKE2b-256(domain ‖ key) as four digits.
std::array<char, ChecksumDigits> checksum(const SecureBuffer& key) {
    Mac hasher;
    hasher.add(QByteArrayView(ChecksumDomain.data(), qsizetype(ChecksumDomain.size())));
    hasher.add(key.data(), key.size());
    const QByteArray digest = hasher.finish();
    const std::uint32_t bits = (std::uint32_t(std::uint8_t(digest[0])) << 12) |
                               (std::uint32_t(std::uint8_t(digest[1])) << 4) |
                               (std::uint32_t(std::uint8_t(digest[2])) >> 4);
    std::array<char, ChecksumDigits> out{};
    for (std::size_t i = 0; i < ChecksumDigits; ++i)
        out[i] = Alphabet[(bits >> (BitsPerDigit * (ChecksumDigits - 1 - i))) & 0x1f];
    return out;
}

Error typo() {
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("this secret key has a typo: compare it with the Emergency "
                                    "Kit character by character"));
}

} // namespace

SecureBuffer generateSecretKey() {
    SecureBuffer key(SecretKeyBytes);
    randomBytes(key.data(), key.size());
    return key;
}

SecureBuffer formatSecretKey(const SecureBuffer& key) {
    Q_ASSERT(key.size() == SecretKeyBytes);
    SecureBuffer digits(SecretKeyTextDigits);
    // 128 bits read five at a time, most significant first; the last digit carries 2 zero bits.
    std::size_t bit = 0;
    for (std::size_t i = 0; i < KeyDigits; ++i, bit += BitsPerDigit) {
        int value = 0;
        for (int b = 0; b < BitsPerDigit; ++b) {
            const std::size_t at = bit + std::size_t(b);
            const int set = at < SecretKeyBytes * 8 ? (key.data()[at / 8] >> (7 - at % 8)) & 1 : 0;
            value = (value << 1) | set;
        }
        digits.data()[i] = static_cast<unsigned char>(Alphabet[std::size_t(value)]);
    }
    const auto check = checksum(key);
    for (std::size_t i = 0; i < ChecksumDigits; ++i)
        digits.data()[KeyDigits + i] = static_cast<unsigned char>(check[i]);

    SecureBuffer text;
    text.append(Prefix);
    for (std::size_t i = 0; i < SecretKeyTextDigits; ++i) {
        if (i % SecretKeyGroupDigits == 0)
            text.appendByte('-');
        text.appendByte(digits.data()[i]);
    }
    return text;
}

Result<SecureBuffer> parseSecretKey(std::string_view text) {
    // Leading and trailing white space (a line read from a file) is not part of the key.
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    const Error notAKey = makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("this is not a Tessera secret key (a secret key starts with T1-)"));
    if (text.size() < Prefix.size() || (text[0] != VersionLetter && text[0] != 't'))
        return notAKey;
    const int version = digitValue(text[1]);
    if (version < 0 || version > 9)
        return notAKey;
    if (version != 1)
        return makeError(ErrorCode::NewerVersion,
                         QStringLiteral("this secret key was made by a newer version of Tessera"));

    SecureBuffer values(SecretKeyTextDigits);
    std::size_t count = 0;
    for (const char c : text.substr(Prefix.size())) {
        if (c == '-' || c == ' ')
            continue;
        const int value = digitValue(c);
        if (value < 0)
            return makeError(ErrorCode::InvalidArgument,
                             c == 'U' || c == 'u'
                                 ? QStringLiteral("a secret key has no letter U: check that "
                                                  "character against the Emergency Kit")
                                 : QStringLiteral("a secret key has only digits and letters: "
                                                  "check it against the Emergency Kit"));
        if (count == SecretKeyTextDigits)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("this secret key is too long: it has %1 characters "
                                            "after T1-")
                                 .arg(SecretKeyTextDigits));
        values.data()[count++] = static_cast<unsigned char>(value);
    }
    if (count < SecretKeyTextDigits)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("this secret key is incomplete: it has %1 characters "
                                        "after T1-, not %2")
                             .arg(count)
                             .arg(SecretKeyTextDigits));

    SecureBuffer key(SecretKeyBytes);
    std::size_t bit = 0;
    for (std::size_t i = 0; i < KeyDigits; ++i) {
        for (int b = BitsPerDigit - 1; b >= 0; --b, ++bit) {
            const int set = (values.data()[i] >> b) & 1;
            if (bit >= SecretKeyBytes * 8) {
                if (set) // padding bits are zero in every key Tessera wrote
                    return typo();
                continue;
            }
            key.data()[bit / 8] =
                static_cast<unsigned char>(key.data()[bit / 8] | (set << (7 - bit % 8)));
        }
    }
    const auto check = checksum(key);
    unsigned char difference = 0; // no early exit: the checksum is derived from the key
    for (std::size_t i = 0; i < ChecksumDigits; ++i)
        difference |= static_cast<unsigned char>(Alphabet[values.data()[KeyDigits + i]] ^ check[i]);
    if (difference != 0)
        return typo();
    return key;
}

} // namespace tessera
