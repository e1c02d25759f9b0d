#pragma once
// One-time codes: RFC 4226 HOTP (HMAC over a counter, dynamic truncation) and RFC 6238 TOTP (the
// counter is the number of whole periods since the Unix epoch, T0 = 0), with SHA-1, SHA-256 or
// SHA-512 and 6 to 8 digits. Secrets and codes live only in secure memory. Time always comes from
// the caller (a Clock in the apps), never from a clock read here.
//
// What the user stores (EntryDetails::totp) is either a bare base32 secret, which means the
// defaults (TOTP, SHA-1, 6 digits, 30 s), or an otpauth:// URI in Google Authenticator's "Key Uri
// Format": otpauth://TYPE/LABEL?secret=...&issuer=...&algorithm=...&digits=...&period=...
// (hotp: &counter=...). parseTotp reads both; see TotpParse.cpp for every rule.

#include "common/Result.h"
#include "crypto/Hmac.h"
#include "crypto/SecureBuffer.h"

#include <QString>

namespace tessera {

enum class OtpType { Totp, Hotp };

inline constexpr int MinOtpDigits = 6;
inline constexpr int MaxOtpDigits = 8;
inline constexpr int DefaultOtpDigits = 6;
inline constexpr qint64 DefaultTotpPeriodSeconds = 30;
inline constexpr qint64 MaxTotpPeriodSeconds = 86400; // one day

struct TotpSpec {
    OtpType type = OtpType::Totp;
    SecureBuffer secret; // the decoded key bytes, never empty
    HmacAlgorithm algorithm = HmacAlgorithm::Sha1;
    int digits = DefaultOtpDigits;
    qint64 periodSeconds = DefaultTotpPeriodSeconds; // TOTP only
    quint64 counter = 0;                             // HOTP only: the next counter value
    QString issuer;                                  // from the issuer parameter or label prefix
    QString account;                                 // the label without the issuer prefix
};

// Reads an otpauth:// URI or a bare base32 secret (surrounding white space ignored). The secret
// goes from userText's bytes into secure memory without any QString/QByteArray copy. Errors are
// InvalidArgument (TooLarge for an absurdly long secret) with a one-line message for the user.
Result<TotpSpec> parseTotp(const SecureBuffer& userText);

// RFC 4226: the code for one counter value, `digits` ASCII digits with leading zeros.
Result<SecureBuffer> hotpCode(HmacAlgorithm algorithm, const SecureBuffer& secret, quint64 counter,
                              int digits);

// RFC 6238: floor(unixTime / period) as the HOTP counter. unixTime must not be negative.
Result<SecureBuffer> totpCode(const TotpSpec& spec, qint64 unixTime);
// Seconds until the code for unixTime (>= 0) stops being current: 1..period.
qint64 totpSecondsLeft(const TotpSpec& spec, qint64 unixTime);

QString algorithmName(HmacAlgorithm algorithm); // "SHA1", "SHA256", "SHA512"

} // namespace tessera
