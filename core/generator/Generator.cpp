#include "Generator.h"

namespace tessera {

namespace {

template <typename... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
// clang 14 does not deduce aggregate template arguments (C++20 P1816) without a guide.
template <typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

Result<Generator> Generator::make(const GeneratorSettings& settings) {
    return std::visit(Overloaded{
                          [](const CharacterSettings& characters) -> Result<Generator> {
                              auto generator = CharacterGenerator::make(characters);
                              if (!generator)
                                  return generator.error();
                              return Generator(std::move(*generator));
                          },
                          [](const PassphraseSettings& passphrase) -> Result<Generator> {
                              auto generator = PassphraseGenerator::make(passphrase);
                              if (!generator)
                                  return generator.error();
                              return Generator(std::move(*generator));
                          },
                      },
                      settings);
}

Result<Generator> Generator::fromSpec(const QString& spec) {
    auto settings = parseGeneratorSpec(spec);
    if (!settings)
        return settings.error();
    return make(*settings);
}

double Generator::entropyBits() const {
    return std::visit([](const auto& generator) { return generator.entropyBits(); }, m_generator);
}

SecureBuffer Generator::generate(RandomSource& random) const {
    return std::visit([&random](const auto& generator) { return generator.generate(random); },
                      m_generator);
}

} // namespace tessera
