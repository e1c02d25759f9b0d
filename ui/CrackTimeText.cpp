#include "CrackTimeText.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tessera::ui {

namespace {

struct Unit {
    QLatin1String name; // core's word, singular
    const char* text;   // the plural message
};

// Context and sources for lupdate; translated at run time with the count.
const Unit Units[] = {
    {QLatin1String("second"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n seconds")},
    {QLatin1String("minute"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n minutes")},
    {QLatin1String("hour"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n hours")},
    {QLatin1String("day"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n days")},
    {QLatin1String("month"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n months")},
    {QLatin1String("year"), QT_TRANSLATE_N_NOOP("tessera::ui::CrackTime", "%n years")},
};

} // namespace

QString crackTimeText(const QString& corePhrase) {
    if (corePhrase == QLatin1String("less than a second"))
        return QCoreApplication::translate("tessera::ui::CrackTime", "less than a second");
    if (corePhrase == QLatin1String("centuries"))
        return QCoreApplication::translate("tessera::ui::CrackTime", "centuries");
    static const QRegularExpression counted(QStringLiteral("^([0-9]{1,9}) ([a-z]+?)s?$"));
    const QRegularExpressionMatch match = counted.match(corePhrase);
    if (!match.hasMatch())
        return corePhrase;
    for (const Unit& unit : Units) {
        if (match.capturedView(2) != unit.name)
            continue;
        // Without a translator (not even the English plural forms) "%n hours" would give
        // "1 hours": core's own phrase is right then.
        const QString translated = QCoreApplication::translate("tessera::ui::CrackTime", unit.text,
                                                               nullptr, match.captured(1).toInt());
        const QString untranslated =
            QString::fromLatin1(unit.text).replace(QLatin1String("%n"), match.captured(1));
        return translated == untranslated ? corePhrase : translated;
    }
    return corePhrase;
}

} // namespace tessera::ui
