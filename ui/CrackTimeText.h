#pragma once
// core's crack-time phrase (core/health/Strength.cpp: "less than a second", "1 hour", "3 days",
// "centuries") in the UI's language, for the strength meter and the health report.

#include <QString>

namespace tessera::ui {

// The phrase translated; one core does not make (a future wording) is shown unchanged.
QString crackTimeText(const QString& corePhrase);

} // namespace tessera::ui
