// libFuzzer target: otpauth:// URIs and bare base32 secrets (core/totp/TotpParse.cpp), and the
// codes computed from whatever parses.

#include "FuzzVault.h"

#include "totp/Totp.h"

using namespace tessera;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto spec = parseTotp(fuzz::secureInput(data, size));
    if (!spec) {
        if (spec.code() != ErrorCode::InvalidArgument && spec.code() != ErrorCode::TooLarge)
            fuzz::fail("otpauth refused with an unexpected code", spec.error().message);
        return 0;
    }
    if (spec->secret.empty() || spec->digits < MinOtpDigits || spec->digits > MaxOtpDigits ||
        (spec->type == OtpType::Totp &&
         (spec->periodSeconds < 1 || spec->periodSeconds > MaxTotpPeriodSeconds)))
        fuzz::fail("parseTotp accepted a spec outside its documented ranges");
    for (const qint64 time :
         {qint64{0}, qint64{59}, qint64{1'700'000'000}, qint64{4'102'444'800}}) {
        auto code = spec->type == OtpType::Totp
                        ? totpCode(*spec, time)
                        : hotpCode(spec->algorithm, spec->secret, spec->counter, spec->digits);
        if (!code || code->size() != std::size_t(spec->digits))
            fuzz::fail("no code for an accepted spec");
        for (std::size_t i = 0; i < code->size(); ++i)
            if (code->data()[i] < '0' || code->data()[i] > '9')
                fuzz::fail("a code that is not digits");
        if (spec->type == OtpType::Totp) {
            const qint64 left = totpSecondsLeft(*spec, time);
            if (left < 1 || left > spec->periodSeconds)
                fuzz::fail("seconds left outside 1..period");
        }
    }
    return 0;
}
