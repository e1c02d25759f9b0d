// parseTotp: what a user stores as an entry's TOTP - an otpauth:// URI or a bare base32 secret.
//
// URI rules (Google Authenticator's Key Uri Format, read leniently where apps in the wild differ
// and strictly where a mistake would give wrong codes):
// - scheme "otpauth" and type "totp" or "hotp", both case-insensitive; anything after '#' is
//   ignored;
// - the label is percent-decoded UTF-8; "Issuer:account" (the colon literal or %3A, spaces after
//   it dropped) gives the issuer and the account; an issuer parameter wins over the label prefix;
// - parameters: secret (required, base32 as in Base32.h, percent-encoding allowed), issuer,
//   algorithm SHA1|SHA256|SHA512 (default SHA1), digits 6|7|8 (default 6), period 1..86400
//   (default 30, totp only), counter 0..2^64-1 (required for hotp, ignored for totp); names are
//   case-insensitive, values are percent-decoded with '+' as a space; unknown parameters are
//   ignored; a known parameter given twice is an error (which one counts would be a guess).
// The secret is percent-decoded and base32-decoded from the URI's bytes into secure memory; only
// the label and the issuer, which are not secret, become QStrings.

#include "Totp.h"

#include "Base32.h"

#include <QStringDecoder>

#include <array>
#include <limits>
#include <optional>
#include <string_view>

namespace tessera {

namespace {

constexpr std::string_view SchemeSeparator = "://";
constexpr std::string_view OtpAuthScheme = "otpauth";
constexpr std::string_view OtpAuthPrefix = "otpauth:"; // ':' is not base32: never a bare secret
constexpr std::size_t MaxQuotedChars = 24;             // of a bad value, echoed in an error message
constexpr int HexDigitBits = 4;
constexpr unsigned DecimalBase = 10;

enum Param : std::size_t { Secret, Issuer, Algorithm, Digits, Period, Counter, ParamCount };
constexpr std::array<std::string_view, ParamCount> ParamNames{"secret", "issuer", "algorithm",
                                                              "digits", "period", "counter"};

char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

// A non-secret value for an error message: printable ASCII, others as '?', shortened.
QString quoted(std::string_view raw) {
    QString text;
    for (std::size_t i = 0; i < raw.size() && i < MaxQuotedChars; ++i)
        text += QLatin1Char(raw[i] >= ' ' && raw[i] < 0x7f ? raw[i] : '?');
    if (raw.size() > MaxQuotedChars)
        text += QStringLiteral("...");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = asciiLower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + DecimalBase : -1;
}

// %XX escapes (and '+' as a space in query values) decoded into secure memory; nullopt when an
// escape is malformed.
std::optional<SecureBuffer> percentDecode(std::string_view raw, bool plusIsSpace) {
    SecureBuffer out(raw.size());
    std::size_t size = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            const int high = i + 2 < raw.size() ? hexValue(raw[i + 1]) : -1;
            const int low = i + 2 < raw.size() ? hexValue(raw[i + 2]) : -1;
            if (high < 0 || low < 0)
                return std::nullopt;
            c = char((high << HexDigitBits) | low);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            c = ' ';
        }
        out.data()[size++] = static_cast<unsigned char>(c);
    }
    out.truncate(size);
    return out;
}

// A label or issuer: percent-decoded, valid UTF-8.
Result<QString> decodeText(std::string_view raw, bool plusIsSpace, const QString& what) {
    const auto bytes = percentDecode(raw, plusIsSpace);
    if (!bytes)
        return invalid(QStringLiteral("the otpauth URI has a bad %-escape in its %1").arg(what));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(QByteArrayView(bytes->data(), qsizetype(bytes->size())));
    if (utf8.hasError())
        return invalid(QStringLiteral("the otpauth URI's %1 is not valid UTF-8").arg(what));
    return text;
}

// Decimal digits only, no sign, within [min, max].
std::optional<quint64> parseNumber(std::string_view raw, quint64 min, quint64 max) {
    if (raw.empty())
        return std::nullopt;
    quint64 value = 0;
    for (const char c : raw) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const unsigned digit = unsigned(c - '0');
        if (digit > max || value > (max - digit) / DecimalBase)
            return std::nullopt;
        value = value * DecimalBase + digit;
    }
    if (value < min)
        return std::nullopt;
    return value;
}

Result<SecureBuffer> decodeSecret(std::string_view base32) {
    auto secret = decodeBase32(base32);
    if (!secret)
        return makeError(secret.code(),
                         QStringLiteral("the TOTP secret %1").arg(secret.error().message));
    return secret;
}

Result<HmacAlgorithm> parseAlgorithm(std::string_view raw) {
    const auto value = percentDecode(raw, true);
    const std::string_view name = value ? value->view() : std::string_view();
    if (equalsIgnoreCase(name, "SHA1"))
        return HmacAlgorithm::Sha1;
    if (equalsIgnoreCase(name, "SHA256"))
        return HmacAlgorithm::Sha256;
    if (equalsIgnoreCase(name, "SHA512"))
        return HmacAlgorithm::Sha512;
    return invalid(QStringLiteral("the otpauth URI's algorithm %1 is not SHA1, SHA256 or SHA512")
                       .arg(quoted(raw)));
}

// Splits the query into the known parameters; a known one given twice is an error.
Result<std::array<std::optional<std::string_view>, ParamCount>> readQuery(std::string_view query) {
    std::array<std::optional<std::string_view>, ParamCount> params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t equals = pair.find('=');
        const std::string_view key = pair.substr(0, equals);
        const std::string_view value =
            equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        for (std::size_t i = 0; i < ParamCount; ++i) {
            if (!equalsIgnoreCase(key, ParamNames[i]))
                continue;
            if (params[i])
                return invalid(QStringLiteral("the otpauth URI gives '%1' more than once")
                                   .arg(QLatin1String(ParamNames[i])));
            params[i] = value;
        }
    }
    return params;
}

Status readLabel(std::string_view raw, TotpSpec& spec) {
    auto label = decodeText(raw, false, QStringLiteral("label"));
    if (!label)
        return label.error();
    const qsizetype colon = label->indexOf(QLatin1Char(':'));
    if (colon < 0) {
        spec.account = *label;
        return {};
    }
    spec.issuer = label->left(colon);
    qsizetype start = colon + 1;
    while (start < label->size() && label->at(start) == QLatin1Char(' '))
        ++start;
    spec.account = label->mid(start);
    return {};
}

Result<TotpSpec> parseUri(std::string_view uri) {
    const std::size_t separator = uri.find(SchemeSeparator);
    if (separator == std::string_view::npos)
        return invalid(QStringLiteral("an otpauth URI starts with otpauth://"));
    if (!equalsIgnoreCase(uri.substr(0, separator), OtpAuthScheme))
        return invalid(QStringLiteral("the URI scheme %1 is not otpauth (a TOTP secret is an "
                                      "otpauth:// URI or base32)")
                           .arg(quoted(uri.substr(0, separator))));
    std::string_view rest = uri.substr(separator + SchemeSeparator.size());
    rest = rest.substr(0, rest.find('#'));

    const std::size_t typeEnd = rest.find_first_of("/?");
    const std::string_view type = rest.substr(0, typeEnd);
    TotpSpec spec;
    if (equalsIgnoreCase(type, "totp"))
        spec.type = OtpType::Totp;
    else if (equalsIgnoreCase(type, "hotp"))
        spec.type = OtpType::Hotp;
    else
        return invalid(
            QStringLiteral("the otpauth URI's type %1 is not totp or hotp").arg(quoted(type)));
    rest = typeEnd == std::string_view::npos ? std::string_view() : rest.substr(typeEnd);

    const std::size_t question = rest.find('?');
    std::string_view path = rest.substr(0, question);
    if (path.starts_with('/'))
        path.remove_prefix(1);
    TESSERA_TRY(readLabel(path, spec));

    auto params = readQuery(question == std::string_view::npos ? std::string_view()
                                                               : rest.substr(question + 1));
    if (!params)
        return params.error();
    const auto& p = *params;
    if (!p[Secret])
        return invalid(QStringLiteral("the otpauth URI has no secret parameter"));
    const auto secretText = percentDecode(*p[Secret], true);
    if (!secretText)
        return invalid(QStringLiteral("the otpauth URI has a bad %-escape in its secret"));
    auto secret = decodeSecret(secretText->view());
    if (!secret)
        return secret.error();
    spec.secret = std::move(*secret);

    if (p[Issuer]) {
        auto issuer = decodeText(*p[Issuer], true, QStringLiteral("issuer"));
        if (!issuer)
            return issuer.error();
        spec.issuer = *issuer;
    }
    if (p[Algorithm]) {
        auto algorithm = parseAlgorithm(*p[Algorithm]);
        if (!algorithm)
            return algorithm.error();
        spec.algorithm = *algorithm;
    }
    if (p[Digits]) {
        const auto digits = parseNumber(*p[Digits], MinOtpDigits, MaxOtpDigits);
        if (!digits)
            return invalid(QStringLiteral("the otpauth URI's digits must be 6, 7 or 8, not %1")
                               .arg(quoted(*p[Digits])));
        spec.digits = int(*digits);
    }
    if (spec.type == OtpType::Totp && p[Period]) {
        const auto period = parseNumber(*p[Period], 1, MaxTotpPeriodSeconds);
        if (!period)
            return invalid(
                QStringLiteral("the otpauth URI's period must be 1 to %1 seconds, not %2")
                    .arg(MaxTotpPeriodSeconds)
                    .arg(quoted(*p[Period])));
        spec.periodSeconds = qint64(*period);
    }
    if (spec.type == OtpType::Hotp) {
        if (!p[Counter])
            return invalid(QStringLiteral("an hotp otpauth URI needs a counter parameter"));
        const auto counter = parseNumber(*p[Counter], 0, std::numeric_limits<quint64>::max());
        if (!counter)
            return invalid(QStringLiteral("the otpauth URI's counter must be a whole number from "
                                          "0 to 2^64-1, not %1")
                               .arg(quoted(*p[Counter])));
        spec.counter = *counter;
    }
    return spec;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

} // namespace

Result<TotpSpec> parseTotp(const SecureBuffer& userText) {
    const std::string_view text = trimmed(userText.view());
    if (text.find(SchemeSeparator) != std::string_view::npos ||
        startsWithIgnoreCase(text, OtpAuthPrefix))
        return parseUri(text);
    auto secret = decodeSecret(text);
    if (!secret)
        return secret.error();
    TotpSpec spec;
    spec.secret = std::move(*secret);
    return spec;
}

} // namespace tessera
