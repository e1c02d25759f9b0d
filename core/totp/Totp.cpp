#include "Totp.h"

#include "crypto/Crypto.h"

#include <array>
#include <cassert>

namespace tessera {

namespace {

constexpr std::size_t CounterBytes = 8;     // RFC 4226: the counter is 8 bytes, big-endian
constexpr unsigned OffsetMask = 0x0f;       // RFC 4226 5.3: low 4 bits of the last byte
constexpr unsigned char SignBitMask = 0x7f; // ... and the 31-bit result is read unsigned
[[maybe_unused]] constexpr std::size_t TruncatedBytes = 4; // only the assert reads it
constexpr std::array<quint32, MaxOtpDigits + 1> PowersOfTen{
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

Result<SecureBuffer> hotpCode(HmacAlgorithm algorithm, const SecureBuffer& secret, quint64 counter,
                              int digits) {
    if (digits < MinOtpDigits || digits > MaxOtpDigits)
        return invalid(QStringLiteral("a one-time code has %1 to %2 digits, not %3")
                           .arg(MinOtpDigits)
                           .arg(MaxOtpDigits)
                           .arg(digits));
    if (secret.empty())
        return invalid(QStringLiteral("the one-time code secret is empty"));
    std::array<unsigned char, CounterBytes> message{};
    for (std::size_t i = 0; i < CounterBytes; ++i)
        message[CounterBytes - 1 - i] = static_cast<unsigned char>(counter >> (8 * i));
    auto mac = hmac(algorithm, secret, message.data(), message.size());
    if (!mac)
        return mac.error();

    // Dynamic truncation (RFC 4226 5.3), whatever the MAC's length (RFC 6238 uses the last byte
    // of the SHA-256 and SHA-512 MACs the same way).
    const unsigned char* bytes = mac->data();
    const std::size_t offset = bytes[mac->size() - 1] & OffsetMask;
    assert(offset + TruncatedBytes <= mac->size());
    quint32 binary = (quint32(bytes[offset] & SignBitMask) << 24) |
                     (quint32(bytes[offset + 1]) << 16) | (quint32(bytes[offset + 2]) << 8) |
                     quint32(bytes[offset + 3]);
    binary %= PowersOfTen[std::size_t(digits)];

    SecureBuffer code{static_cast<std::size_t>(digits)};
    for (std::size_t i = code.size(); i-- > 0; binary /= 10)
        code.data()[i] = static_cast<unsigned char>('0' + binary % 10);
    wipe(&binary, sizeof binary);
    return code;
}

Result<SecureBuffer> totpCode(const TotpSpec& spec, qint64 unixTime) {
    if (unixTime < 0)
        return invalid(QStringLiteral("a TOTP code needs a time after 1970"));
    if (spec.periodSeconds < 1 || spec.periodSeconds > MaxTotpPeriodSeconds)
        return invalid(
            QStringLiteral("a TOTP period is 1 to %1 seconds").arg(MaxTotpPeriodSeconds));
    const quint64 counter = quint64(unixTime) / quint64(spec.periodSeconds);
    return hotpCode(spec.algorithm, spec.secret, counter, spec.digits);
}

qint64 totpSecondsLeft(const TotpSpec& spec, qint64 unixTime) {
    assert(unixTime >= 0 && spec.periodSeconds >= 1);
    if (unixTime < 0 || spec.periodSeconds < 1)
        return 0;
    return spec.periodSeconds - unixTime % spec.periodSeconds;
}

QString algorithmName(HmacAlgorithm algorithm) {
    switch (algorithm) {
    case HmacAlgorithm::Sha1:
        return QStringLiteral("SHA1");
    case HmacAlgorithm::Sha256:
        return QStringLiteral("SHA256");
    case HmacAlgorithm::Sha512:
        return QStringLiteral("SHA512");
    }
    return {};
}

} // namespace tessera
