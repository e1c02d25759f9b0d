#pragma once
// One front for both generators, and the spec string that names a setting in one word for the
// command line (`tessera-cli generate --spec`, `add/edit --generate=SPEC`).
//
// Spec grammar (strict: lower case, every option at most once, no empty fields):
//
//   spec      = chars-spec | words-spec
//   chars-spec = "chars" [":" LENGTH] *(":" chars-opt)
//   chars-opt = CLASS *("," CLASS) | "custom=" VALUE | "exclude-lookalikes"
//   CLASS     = "upper" | "lower" | "digits" | "symbols"
//   words-spec = "words" [":" COUNT] *(":" words-opt)
//   words-opt = "sep=" VALUE | "cap=" ("none" | "first" | "all") | "digit"
//   LENGTH, COUNT = decimal digits without sign or leading zero (4..128 and 3..20)
//   VALUE     = any text, where "\:" stands for ":" and "\\" for "\" (no other "\" allowed)
//
// Defaults: chars = 20 characters of all four classes (when neither a class list nor a custom
// set is given; otherwise exactly the classes listed plus the custom set); words = 6 words,
// sep=-, cap=none, no digit. Examples:
//   chars:20    chars:24:upper,lower,digits:exclude-lookalikes    chars:16:custom=0123456789abcdef
//   words       words:6:sep=-:cap=first:digit    words:5:sep=\::cap=all    words:4:sep= :digit

#include "CharacterGenerator.h"
#include "PassphraseGenerator.h"

#include <QString>

#include <variant>

namespace tessera {

using GeneratorSettings = std::variant<CharacterSettings, PassphraseSettings>;

inline constexpr QLatin1String DefaultGeneratorSpec("chars:20");

// Parses and validates a spec: a spec that parses can always generate. InvalidArgument names
// the spec and what is wrong with it.
Result<GeneratorSettings> parseGeneratorSpec(const QString& spec);
// The canonical spec of settings (parseGeneratorSpec gives the same settings back).
QString generatorSpec(const GeneratorSettings& settings);

class Generator {
public:
    static Result<Generator> make(const GeneratorSettings& settings);
    static Result<Generator> fromSpec(const QString& spec);

    double entropyBits() const;
    SecureBuffer generate(RandomSource& random) const;

private:
    explicit Generator(std::variant<CharacterGenerator, PassphraseGenerator> generator)
        : m_generator(std::move(generator)) {}

    std::variant<CharacterGenerator, PassphraseGenerator> m_generator;
};

} // namespace tessera
