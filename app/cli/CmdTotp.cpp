// tessera-cli totp VAULT ENTRY: the entry's current one-time code. The code goes to stdout alone
// (for scripts); the seconds it stays valid go to stderr, or into the JSON. HOTP entries print
// the code for their stored counter (or --counter N); the counter is not advanced.
//
// Exit codes: 4 when the entry has no TOTP secret; 1 when the stored secret cannot be used (it
// predates validation or came from another client: the vault itself is fine, so not 3).

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"

#include "totp/Totp.h"

#include <cstdio>
#include <limits>

namespace tessera::cli {

namespace {

constexpr qint64 MsPerSecond = 1000;

const QString AtOption = QStringLiteral("at");
const QString CounterOption = QStringLiteral("counter");
const QString JsonOption = QStringLiteral("json");

struct Moment {
    qint64 unixTime = 0; // TOTP
    quint64 counter = 0; // HOTP
};

// nullopt after a usage error (already printed).
std::optional<qint64> nonNegative(const CommandLine& cl, const QString& option) {
    bool ok = false;
    const qint64 value = cl.value(option).toLongLong(&ok);
    if (!ok || value < 0) {
        cl.usageError(QStringLiteral("--%1 takes a whole number of 0 or more, not '%2'")
                          .arg(option, cl.value(option)));
        return std::nullopt;
    }
    return value;
}

void printJson(Output& out, const TotpSpec& spec, const SecureBuffer& code, const Moment& at) {
    JsonWriter json(out);
    json.beginObject();
    json.secretField("code", code);
    json.field("type",
               spec.type == OtpType::Totp ? QStringLiteral("totp") : QStringLiteral("hotp"));
    json.field("issuer", spec.issuer);
    json.field("account", spec.account);
    json.field("algorithm", algorithmName(spec.algorithm));
    json.field("digits", spec.digits);
    if (spec.type == OtpType::Totp) {
        json.field("period", spec.periodSeconds);
        json.field("time", at.unixTime);
        json.field("secondsLeft", totpSecondsLeft(spec, at.unixTime));
    } else if (at.counter <= quint64(std::numeric_limits<qint64>::max())) {
        json.field("counter", qint64(at.counter));
    } else {
        json.field("counter", QString::number(at.counter)); // beyond a safe JSON number
    }
    json.endObject();
    json.finish();
}

} // namespace

int runTotp(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("totp"),
                   QStringLiteral("Print the entry's current TOTP code (the seconds it stays valid "
                                  "go to stderr). For an HOTP entry, the code for its stored "
                                  "counter or --counter; the counter is not advanced."),
                   QStringLiteral("VAULT ENTRY"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addOption(QCommandLineOption(
        AtOption, QStringLiteral("The code at this time (seconds since 1970) instead of now."),
        QStringLiteral("UNIX_TIME")));
    cl.addOption(QCommandLineOption(
        CounterOption, QStringLiteral("HOTP entries: the code for this counter value."),
        QStringLiteral("N")));
    cl.addOption(QCommandLineOption(JsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    Moment at;
    at.unixTime = context.clock().nowMs() / MsPerSecond;
    std::optional<qint64> counter;
    if (cl.isSet(AtOption)) {
        const auto time = nonNegative(cl, AtOption);
        if (!time)
            return ExitUsage;
        at.unixTime = *time;
    }
    if (cl.isSet(CounterOption) && !(counter = nonNegative(cl, CounterOption)))
        return ExitUsage;

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    const Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    const EntryOverview* entry = vault.entry(*id);
    if (!entry)
        return fail(makeError(ErrorCode::NotFound, QStringLiteral("no such entry")));
    const QString title = displaySafe(entry->title.value);
    auto details = vault.details(*id);
    if (!details)
        return fail(details.error());
    if (details->totp.value.empty())
        return fail(makeError(ErrorCode::NotFound,
                              QStringLiteral("entry \"%1\" has no TOTP secret (edit --totp-prompt "
                                             "sets one)")
                                  .arg(title)));
    auto spec = parseTotp(details->totp.value);
    if (!spec)
        return fail(makeError(ErrorCode::InvalidArgument,
                              QStringLiteral("entry \"%1\" has a TOTP secret that cannot be used "
                                             "(%2); edit --totp-prompt replaces it")
                                  .arg(title, spec.error().message)));
    const bool hotp = spec->type == OtpType::Hotp;
    if (hotp && cl.isSet(AtOption))
        return cl.usageError(QStringLiteral("entry \"%1\" holds an HOTP secret: use --counter, "
                                            "not --at")
                                 .arg(title));
    if (!hotp && counter)
        return cl.usageError(
            QStringLiteral("entry \"%1\" holds a TOTP secret: use --at, not --counter").arg(title));
    at.counter = counter ? quint64(*counter) : spec->counter;

    auto code = hotp ? hotpCode(spec->algorithm, spec->secret, at.counter, spec->digits)
                     : totpCode(*spec, at.unixTime);
    if (!code)
        return fail(code.error());
    if (cl.isSet(JsonOption)) {
        printJson(context.out(), *spec, *code, at);
    } else {
        context.out().secret(*code, Output::SecretStyle::Raw);
        context.out().bytes("\n");
        const QString note =
            hotp ? QStringLiteral("HOTP counter %1 (not advanced)\n").arg(at.counter)
                 : QStringLiteral("valid for %1 more s (period %2 s)\n")
                       .arg(totpSecondsLeft(*spec, at.unixTime))
                       .arg(spec->periodSeconds);
        std::fputs(note.toUtf8().constData(), stderr);
    }
    return ExitOk;
}

} // namespace tessera::cli
