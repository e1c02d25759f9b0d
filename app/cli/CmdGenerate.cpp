// tessera-cli generate: random passwords or passphrases from libsodium's CSPRNG; no vault needed.
// Each one goes to stdout straight from secure memory, one per line; the entropy and zxcvbn's
// score go to stderr, so `$(tessera-cli generate)` captures the password alone.

#include "CliCommon.h"
#include "Commands.h"

#include "generator/Generator.h"
#include "health/Strength.h"

#include <algorithm>
#include <cstdio>

namespace tessera::cli {

namespace {

namespace Opt {
const QString Spec = QStringLiteral("spec");
const QString Count = QStringLiteral("count");
const QString Length = QStringLiteral("length");
const QString NoUpper = QStringLiteral("no-upper");
const QString NoLower = QStringLiteral("no-lower");
const QString NoDigits = QStringLiteral("no-digits");
const QString NoSymbols = QStringLiteral("no-symbols");
const QString Custom = QStringLiteral("custom");
const QString ExcludeLookAlikes = QStringLiteral("exclude-lookalikes");
const QString Words = QStringLiteral("words");
const QString Separator = QStringLiteral("separator");
const QString Capitalize = QStringLiteral("capitalize");
const QString Digit = QStringLiteral("digit");
} // namespace Opt

constexpr int MaxCount = 1000;
constexpr int ZxcvbnMaxScore = 4;

const QStringList CharacterOptions = {Opt::Length,           Opt::NoUpper,   Opt::NoLower,
                                      Opt::NoDigits,         Opt::NoSymbols, Opt::Custom,
                                      Opt::ExcludeLookAlikes};
const QStringList PassphraseOptions = {Opt::Words, Opt::Separator, Opt::Capitalize, Opt::Digit};

void addOptions(CommandLine& cl) {
    const auto add = [&cl](const QString& name, const QString& description,
                           const QString& valueName = {}) {
        cl.addOption(QCommandLineOption(name, description, valueName));
    };
    add(Opt::Length,
        QStringLiteral("Characters: the length, %1 to %2 (default %3).")
            .arg(MinPasswordLength)
            .arg(MaxPasswordLength)
            .arg(DefaultPasswordLength),
        QStringLiteral("N"));
    add(Opt::NoUpper, QStringLiteral("Characters: no upper-case letters."));
    add(Opt::NoLower, QStringLiteral("Characters: no lower-case letters."));
    add(Opt::NoDigits, QStringLiteral("Characters: no digits."));
    add(Opt::NoSymbols, QStringLiteral("Characters: no symbols (ASCII punctuation)."));
    add(Opt::Custom,
        QStringLiteral("Characters: more characters (printable ASCII, not space), at least one "
                       "of them in every password."),
        QStringLiteral("CHARS"));
    add(Opt::ExcludeLookAlikes,
        QStringLiteral("Characters: leave out %1 (also from CHARS).")
            .arg(QLatin1String(LookAlikeCharacters.data(), qsizetype(LookAlikeCharacters.size()))));
    add(Opt::Words,
        QStringLiteral("A passphrase of N words (%1 to %2) from the EFF large word list instead.")
            .arg(MinPassphraseWords)
            .arg(MaxPassphraseWords),
        QStringLiteral("N"));
    add(Opt::Separator,
        QStringLiteral("Passphrase: the text between words, no letters (default \"-\")."),
        QStringLiteral("S"));
    add(Opt::Capitalize,
        QStringLiteral("Passphrase: capitalise the first letter of each word, or all letters."),
        QStringLiteral("first|all"));
    add(Opt::Digit, QStringLiteral("Passphrase: append a random digit to a random word."));
    add(Opt::Spec,
        QStringLiteral("All settings in one string instead of the options above, e.g. chars:20, "
                       "chars:24:upper,lower,digits:exclude-lookalikes, "
                       "chars:16:custom=0123456789abcdef, words:6:sep=-:cap=first:digit."),
        QStringLiteral("SPEC"));
    add(Opt::Count,
        QStringLiteral("How many to print, one per line (default 1, at most %1).").arg(MaxCount),
        QStringLiteral("N"));
}

std::optional<int> number(const CommandLine& cl, const QString& name) {
    bool ok = false;
    const int value = cl.value(name).toInt(&ok);
    if (!ok) {
        cl.usageError(QStringLiteral("--%1 takes a number, not '%2'").arg(name, cl.value(name)));
        return std::nullopt;
    }
    return value;
}

bool anySet(const CommandLine& cl, const QStringList& names) {
    return std::any_of(names.begin(), names.end(),
                       [&cl](const QString& name) { return cl.isSet(name); });
}

// The settings the options ask for; nullopt after a usage error (printed).
std::optional<GeneratorSettings> settingsFromOptions(const CommandLine& cl) {
    if (cl.isSet(Opt::Spec)) {
        if (anySet(cl, CharacterOptions + PassphraseOptions)) {
            cl.usageError(QStringLiteral("--spec replaces the other generator options"));
            return std::nullopt;
        }
        auto settings = parseGeneratorSpec(cl.value(Opt::Spec));
        if (!settings) {
            cl.usageError(settings.error().message);
            return std::nullopt;
        }
        return *settings;
    }
    if (!cl.isSet(Opt::Words)) {
        if (anySet(cl, PassphraseOptions)) {
            cl.usageError(QStringLiteral("--separator, --capitalize and --digit need --words"));
            return std::nullopt;
        }
        CharacterSettings settings;
        if (cl.isSet(Opt::Length)) {
            const auto length = number(cl, Opt::Length);
            if (!length)
                return std::nullopt;
            settings.length = *length;
        }
        settings.upper = !cl.isSet(Opt::NoUpper);
        settings.lower = !cl.isSet(Opt::NoLower);
        settings.digits = !cl.isSet(Opt::NoDigits);
        settings.symbols = !cl.isSet(Opt::NoSymbols);
        settings.custom = cl.value(Opt::Custom);
        settings.excludeLookAlikes = cl.isSet(Opt::ExcludeLookAlikes);
        return settings;
    }
    if (anySet(cl, CharacterOptions)) {
        cl.usageError(QStringLiteral("--words makes a passphrase: the character options do not "
                                     "apply"));
        return std::nullopt;
    }
    PassphraseSettings settings;
    const auto words = number(cl, Opt::Words);
    if (!words)
        return std::nullopt;
    settings.words = *words;
    if (cl.isSet(Opt::Separator))
        settings.separator = cl.value(Opt::Separator);
    if (cl.isSet(Opt::Capitalize)) {
        const QString capitalize = cl.value(Opt::Capitalize);
        if (capitalize == QLatin1String("first")) {
            settings.capitalization = Capitalization::First;
        } else if (capitalize == QLatin1String("all")) {
            settings.capitalization = Capitalization::All;
        } else {
            cl.usageError(
                QStringLiteral("--capitalize takes first or all, not '%1'").arg(capitalize));
            return std::nullopt;
        }
    }
    settings.digit = cl.isSet(Opt::Digit);
    return settings;
}

} // namespace

int runGenerate(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("generate"),
        QStringLiteral("Print random passwords (default: 20 characters with upper- and "
                       "lower-case letters, digits and symbols, at least one of each) or, with "
                       "--words, passphrases from the EFF large word list. Randomness comes from "
                       "libsodium, without bias. Passwords go to stdout, one per line; the "
                       "entropy in bits and zxcvbn's score (0-4) go to stderr. No vault is "
                       "needed. --spec takes the same SPEC as add/edit --generate=SPEC."),
        QString());
    addOptions(cl);
    if (auto exitCode = cl.parse(args, 0, 0))
        return *exitCode;
    const auto settings = settingsFromOptions(cl);
    if (!settings)
        return ExitUsage;
    int count = 1;
    if (cl.isSet(Opt::Count)) {
        const auto wanted = number(cl, Opt::Count);
        if (!wanted)
            return ExitUsage;
        if (*wanted < 1 || *wanted > MaxCount)
            return cl.usageError(QStringLiteral("--count must be 1 to %1").arg(MaxCount));
        count = *wanted;
    }
    auto generator = Generator::make(*settings);
    if (!generator)
        return cl.usageError(generator.error().message);

    CsprngSource random;
    int lowestScore = ZxcvbnMaxScore;
    for (int index = 0; index < count; ++index) {
        const SecureBuffer password = generator->generate(random);
        lowestScore = std::min(lowestScore, estimateStrength(password).score);
        context.out().secret(password, Output::SecretStyle::Raw);
        context.out().bytes("\n");
    }
    const QString strength =
        count == 1
            ? QStringLiteral("zxcvbn score %1 of %2").arg(lowestScore).arg(ZxcvbnMaxScore)
            : QStringLiteral("lowest zxcvbn score %1 of %2").arg(lowestScore).arg(ZxcvbnMaxScore);
    const QString line = QStringLiteral("Entropy: %1 bits (%2); %3\n")
                             .arg(generator->entropyBits(), 0, 'f', 1)
                             .arg(generatorSpec(*settings), strength);
    std::fputs(line.toUtf8().constData(), stderr);
    return ExitOk;
}

} // namespace tessera::cli
