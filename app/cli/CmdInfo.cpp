// tessera-cli info VAULT: what the vault is (name, id, format, key epoch, KDF, counts, files) and
// what one password guess against its file costs on this machine.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"

#include "crypto/Crypto.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>
#include <string_view>

namespace tessera::cli {

namespace {

// Cheap parameters (tests, tiny vaults) are derived again until this much time has passed, so the
// figure is stable; a real vault's one derivation takes far longer than this.
constexpr qint64 MinMeasuringNs = 200'000'000;
constexpr int MaxMeasuringRuns = 1000;
constexpr double NsPerSecond = 1e9;

struct GuessCost {
    qint64 nanoseconds = 0; // the fastest derivation seen: what an attacker pays at best
    std::uint64_t memBytes = 0;
    double guessesPerSecond() const { return NsPerSecond / double(nanoseconds); }
};

// An offline guess costs the attacker one Argon2id derivation with the vault's parameters (the
// rest of an unlock attempt is negligible). Timed with a dummy password and a random salt, never
// the user's password or the vault's header.
Result<GuessCost> measureGuessCost(KdfParams kdf) {
    const SecureBuffer dummy = SecureBuffer::copyOf(std::string_view("not the master password"));
    const QByteArray salt = randomBytes(ArgonSaltBytes);
    qint64 fastest = std::numeric_limits<qint64>::max();
    qint64 total = 0;
    for (int run = 0; run < MaxMeasuringRuns && total < MinMeasuringNs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Result<Key> key = argon2id(dummy, salt, {kdf.opsLimit, kdf.memBytes()});
        const qint64 elapsed = std::max<qint64>(timer.nsecsElapsed(), 1);
        if (!key)
            return key.error();
        fastest = std::min(fastest, elapsed);
        total += elapsed;
    }
    return GuessCost{fastest, kdf.memBytes()};
}

QString describeDuration(qint64 nanoseconds) {
    if (nanoseconds >= 1'000'000'000)
        return QStringLiteral("%1 s").arg(double(nanoseconds) / NsPerSecond, 0, 'f', 2);
    if (nanoseconds >= 1'000'000)
        return QStringLiteral("%1 ms").arg(double(nanoseconds) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 ms").arg(double(nanoseconds) / 1e6, 0, 'f', 3);
}

QString describeRate(double perSecond) {
    if (perSecond >= 10)
        return QStringLiteral("about %1 guesses per second").arg(qint64(perSecond + 0.5));
    return QStringLiteral("about %1 guess%2 per second")
        .arg(perSecond, 0, 'g', 2)
        .arg(perSecond >= 0.95 && perSecond < 1.05 ? QString() : QStringLiteral("es"));
}

QString describeGuessCost(const GuessCost& cost, bool requiresSecretKey) {
    const QString memory = cost.memBytes >= (std::uint64_t{1} << 20)
                               ? QStringLiteral("%1 MiB").arg(qulonglong(cost.memBytes >> 20))
                               : QStringLiteral("%1 KiB").arg(qulonglong(cost.memBytes >> 10));
    QString text =
        QStringLiteral("one password guess costs %1 and %2 on this machine: %3 per "
                       "core for anyone with a copy of the vault file")
            .arg(describeDuration(cost.nanoseconds), memory, describeRate(cost.guessesPerSecond()));
    if (requiresSecretKey)
        text += QStringLiteral(" (and without the secret key no guess can succeed)");
    return text;
}

} // namespace

int runInfo(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("info"),
                   QStringLiteral("Show the vault's name, id, format, key epoch, key derivation, "
                                  "the cost of one password guess on this machine, entry "
                                  "counts and where its files are."),
                   QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    const VaultInfo info = (*open)->info();
    const Result<GuessCost> cost = measureGuessCost(info.kdf);
    if (!cost)
        return fail(cost.error());
    Output& out = context.out();
    if (cl.isSet(jsonOption)) {
        JsonWriter json(out);
        json.beginObject();
        json.field("name", info.name);
        json.field("id", idHex(info.id));
        json.field("formatVersion", info.formatVersion);
        json.field("keyEpoch", qint64(info.keyEpoch));
        json.key("kdf");
        json.beginObject();
        json.field("algorithm", QStringLiteral("argon2id"));
        json.field("opsLimit", int(info.kdf.opsLimit));
        json.field("memLog2", int(info.kdf.memLog2));
        json.field("memBytes", qint64(info.kdf.memBytes()));
        json.endObject();
        json.key("guessCost");
        json.beginObject();
        json.field("seconds", double(cost->nanoseconds) / NsPerSecond);
        json.field("memBytes", qint64(cost->memBytes));
        json.field("guessesPerSecondPerCore", cost->guessesPerSecond());
        json.field("summary", describeGuessCost(cost.value(), info.requiresSecretKey));
        json.endObject();
        json.field("requiresSecretKey", info.requiresSecretKey);
        json.field("created", isoTime(info.created));
        json.field("entries", info.entryCount);
        json.field("trashed", info.trashedCount);
        json.field("path", info.path);
        json.field("workingCopy", info.workingCopy);
        json.field("backupDir", info.backupDir);
        json.field("unpublishedChanges", info.unpublishedChanges);
        json.endObject();
        json.finish();
        return ExitOk;
    }
    const auto row = [&out](const char* label, const QString& value) {
        out.line(
            QStringLiteral("%1 %2").arg(QString(QLatin1String(label)).leftJustified(15), value));
    };
    row("Name:", displaySafe(info.name));
    row("Id:", idHex(info.id));
    row("Format:", QString::number(info.formatVersion));
    row("Key epoch:", QString::number(info.keyEpoch));
    row("Key derivation:", describeKdf(info.kdf));
    row("Guess cost:", describeGuessCost(cost.value(), info.requiresSecretKey));
    row("Secret key:", info.requiresSecretKey ? QStringLiteral("required") : QStringLiteral("no"));
    row("Created:", displayTime(info.created));
    row("Entries:",
        QStringLiteral("%1 (%2 in the trash)").arg(info.entryCount).arg(info.trashedCount));
    row("File:", info.path);
    row("Working copy:", info.workingCopy);
    row("Backups:", info.backupDir);
    if (info.unpublishedChanges)
        row("Unpublished:",
            QStringLiteral("yes: the working copy has changes not yet in the file"));
    return ExitOk;
}

} // namespace tessera::cli
