#pragma once
// Shared by the generator suites: scripted randomness, bytes of a secure buffer, terse settings.

#include "generator/Generator.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdint>
#include <deque>

namespace tessera::test {

// Returns the values given, in order; a test fails loudly if one is out of range or missing.
class ScriptedSource final : public RandomSource {
public:
    explicit ScriptedSource(std::deque<std::uint32_t> values)
        : m_values(std::move(values)) {}
    std::uint32_t uniform(std::uint32_t upperBound) override {
        if (m_values.empty())
            qFatal("ScriptedSource ran dry");
        const std::uint32_t value = m_values.front();
        m_values.pop_front();
        if (value >= upperBound)
            qFatal("scripted %u is not below %u", value, upperBound);
        return value;
    }
    bool done() const { return m_values.empty(); }

private:
    std::deque<std::uint32_t> m_values;
};

inline QByteArray text(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

// classes: any of U, L, D, S (upper, lower, digits, symbols).
inline CharacterSettings chars(int length, const QString& classes, const QString& custom = {},
                               bool exclude = false) {
    CharacterSettings settings;
    settings.length = length;
    settings.upper = classes.contains(QLatin1Char('U'));
    settings.lower = classes.contains(QLatin1Char('L'));
    settings.digits = classes.contains(QLatin1Char('D'));
    settings.symbols = classes.contains(QLatin1Char('S'));
    settings.custom = custom;
    settings.excludeLookAlikes = exclude;
    return settings;
}

} // namespace tessera::test
