// parseGeneratorSpec / generatorSpec: the grammar is in Generator.h.

#include "Generator.h"

#include <QStringList>

#include <optional>

namespace tessera {

namespace {

const QString CharsKind = QStringLiteral("chars");
const QString WordsKind = QStringLiteral("words");
const QString ExcludeLookAlikes = QStringLiteral("exclude-lookalikes");
const QString CustomPrefix = QStringLiteral("custom=");
const QString SeparatorPrefix = QStringLiteral("sep=");
const QString CapitalPrefix = QStringLiteral("cap=");
const QString DigitOption = QStringLiteral("digit");
const QString DefaultSeparator = QStringLiteral("-");

struct ClassName {
    QLatin1String name;
    bool CharacterSettings::*flag;
};
const ClassName ClassNames[] = {
    {QLatin1String("upper"), &CharacterSettings::upper},
    {QLatin1String("lower"), &CharacterSettings::lower},
    {QLatin1String("digits"), &CharacterSettings::digits},
    {QLatin1String("symbols"), &CharacterSettings::symbols},
};

struct CapitalName {
    QLatin1String name;
    Capitalization value;
};
const CapitalName CapitalNames[] = {
    {QLatin1String("none"), Capitalization::None},
    {QLatin1String("first"), Capitalization::First},
    {QLatin1String("all"), Capitalization::All},
};

// Splits at unescaped ':' and resolves "\:" and "\\".
Result<QStringList> splitFields(const QString& spec) {
    QStringList fields{QString()};
    for (qsizetype at = 0; at < spec.size(); ++at) {
        const QChar c = spec.at(at);
        if (c == QLatin1Char('\\')) {
            if (at + 1 == spec.size() ||
                (spec.at(at + 1) != QLatin1Char(':') && spec.at(at + 1) != QLatin1Char('\\')))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'\\' must be followed by ':' or '\\'"));
            fields.last().append(spec.at(++at));
        } else if (c == QLatin1Char(':')) {
            fields.append(QString());
        } else {
            fields.last().append(c);
        }
    }
    return fields;
}

QString escaped(QString value) {
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char(':'), QLatin1String("\\:"));
    return value;
}

// LENGTH / COUNT: plain decimal digits, no sign, no leading zero, no overflow games.
std::optional<int> parseCount(const QString& field) {
    if (field.isEmpty() || field.size() > 4 || field.startsWith(QLatin1Char('0')))
        return std::nullopt;
    int value = 0;
    for (const QChar c : field) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

bool looksLikeCount(const QString& field) {
    return !field.isEmpty() && field.at(0).isDigit();
}

Result<CharacterSettings> parseChars(const QStringList& fields) {
    CharacterSettings settings;
    bool classesGiven = false;
    bool customGiven = false;
    bool excludeGiven = false;
    qsizetype at = 1;
    if (at < fields.size() && looksLikeCount(fields.at(at))) {
        const auto length = parseCount(fields.at(at++));
        if (!length)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the length must be a number from %1 to %2")
                                 .arg(MinPasswordLength)
                                 .arg(MaxPasswordLength));
        settings.length = *length;
    }
    for (; at < fields.size(); ++at) {
        const QString& field = fields.at(at);
        const auto duplicate = [&field]() {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("'%1' is given twice").arg(field));
        };
        if (field == ExcludeLookAlikes) {
            if (excludeGiven)
                return duplicate();
            excludeGiven = true;
            settings.excludeLookAlikes = true;
        } else if (field.startsWith(CustomPrefix)) {
            if (customGiven)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'custom=' is given twice"));
            customGiven = true;
            settings.custom = field.mid(CustomPrefix.size());
            if (settings.custom.isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'custom=' needs at least one character"));
        } else if (looksLikeCount(field)) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the length comes right after 'chars:'"));
        } else {
            if (classesGiven)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("give the classes once, separated by commas"));
            classesGiven = true;
            CharacterSettings none;
            none.upper = none.lower = none.digits = none.symbols = false;
            for (const QString& name : field.split(QLatin1Char(','))) {
                const ClassName* found = nullptr;
                for (const ClassName& known : ClassNames)
                    found = name == known.name ? &known : found;
                if (!found)
                    return makeError(ErrorCode::InvalidArgument,
                                     QStringLiteral("unknown option or class '%1' (classes: "
                                                    "upper, lower, digits, symbols)")
                                         .arg(name));
                if (none.*(found->flag))
                    return makeError(ErrorCode::InvalidArgument,
                                     QStringLiteral("class '%1' is given twice").arg(name));
                none.*(found->flag) = true;
            }
            settings.upper = none.upper;
            settings.lower = none.lower;
            settings.digits = none.digits;
            settings.symbols = none.symbols;
        }
    }
    if (customGiven && !classesGiven)
        settings.upper = settings.lower = settings.digits = settings.symbols = false;
    return settings;
}

Result<PassphraseSettings> parseWords(const QStringList& fields) {
    PassphraseSettings settings;
    bool separatorGiven = false;
    bool capitalGiven = false;
    bool digitGiven = false;
    qsizetype at = 1;
    if (at < fields.size() && looksLikeCount(fields.at(at))) {
        const auto words = parseCount(fields.at(at++));
        if (!words)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the number of words must be a number from %1 to %2")
                                 .arg(MinPassphraseWords)
                                 .arg(MaxPassphraseWords));
        settings.words = *words;
    }
    for (; at < fields.size(); ++at) {
        const QString& field = fields.at(at);
        if (field.startsWith(SeparatorPrefix)) {
            if (std::exchange(separatorGiven, true))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'sep=' is given twice"));
            settings.separator = field.mid(SeparatorPrefix.size());
        } else if (field.startsWith(CapitalPrefix)) {
            if (std::exchange(capitalGiven, true))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'cap=' is given twice"));
            const QString value = field.mid(CapitalPrefix.size());
            const CapitalName* found = nullptr;
            for (const CapitalName& known : CapitalNames)
                found = value == known.name ? &known : found;
            if (!found)
                return makeError(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("'cap=' takes none, first or all, not '%1'").arg(value));
            settings.capitalization = found->value;
        } else if (field == DigitOption) {
            if (std::exchange(digitGiven, true))
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("'digit' is given twice"));
            settings.digit = true;
        } else if (looksLikeCount(field)) {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the number of words comes right after 'words:'"));
        } else {
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("unknown option '%1' (options: sep=, cap=, digit)").arg(field));
        }
    }
    return settings;
}

Result<GeneratorSettings> parseFields(const QString& spec) {
    auto fields = splitFields(spec);
    if (!fields)
        return fields.error();
    for (qsizetype at = 1; at < fields->size(); ++at) {
        if (fields->at(at).isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("empty field"));
    }
    const QString& kind = fields->constFirst();
    if (kind == CharsKind) {
        auto settings = parseChars(*fields);
        if (!settings)
            return settings.error();
        TESSERA_TRY(CharacterGenerator::make(*settings));
        return GeneratorSettings(std::move(*settings));
    }
    if (kind == WordsKind) {
        auto settings = parseWords(*fields);
        if (!settings)
            return settings.error();
        TESSERA_TRY(PassphraseGenerator::make(*settings));
        return GeneratorSettings(std::move(*settings));
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("it must start with 'chars' or 'words'"));
}

QString charsSpec(const CharacterSettings& settings) {
    QString spec = CharsKind + QLatin1Char(':') + QString::number(settings.length);
    const bool allFour = settings.upper && settings.lower && settings.digits && settings.symbols;
    if (!allFour || !settings.custom.isEmpty()) {
        QStringList classes;
        for (const ClassName& known : ClassNames) {
            if (settings.*(known.flag))
                classes.append(known.name);
        }
        if (!classes.isEmpty())
            spec += QLatin1Char(':') + classes.join(QLatin1Char(','));
    }
    if (!settings.custom.isEmpty())
        spec += QLatin1Char(':') + CustomPrefix + escaped(settings.custom);
    if (settings.excludeLookAlikes)
        spec += QLatin1Char(':') + ExcludeLookAlikes;
    return spec;
}

QString wordsSpec(const PassphraseSettings& settings) {
    QString spec = WordsKind + QLatin1Char(':') + QString::number(settings.words);
    if (settings.separator != DefaultSeparator)
        spec += QLatin1Char(':') + SeparatorPrefix + escaped(settings.separator);
    for (const CapitalName& known : CapitalNames) {
        if (known.value == settings.capitalization && known.value != Capitalization::None)
            spec += QLatin1Char(':') + CapitalPrefix + known.name;
    }
    if (settings.digit)
        spec += QLatin1Char(':') + DigitOption;
    return spec;
}

} // namespace

Result<GeneratorSettings> parseGeneratorSpec(const QString& spec) {
    auto settings = parseFields(spec);
    if (!settings)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("bad generator spec \"%1\": %2").arg(spec, settings.error().message));
    return settings;
}

QString generatorSpec(const GeneratorSettings& settings) {
    if (const auto* characters = std::get_if<CharacterSettings>(&settings))
        return charsSpec(*characters);
    return wordsSpec(std::get<PassphraseSettings>(settings));
}

} // namespace tessera
