#pragma once
// What create and passwd say about a new master password: its zxcvbn score and crack-time
// estimate on stderr (never stdout, which scripts read), and a warning when it is weak.

#include "CliCommon.h"

#include "health/Strength.h"

#include <QStringList>

#include <cstdio>

namespace tessera::cli {

inline void reportMasterStrength(const SecureBuffer& password, const QStringList& userInputs) {
    const StrengthEstimate strength =
        estimateStrength(password, userInputs + QStringList{QStringLiteral("tessera")});
    const QString line =
        QStringLiteral("Master password strength: %1 of %2; time to crack offline at 10,000 "
                       "guesses per second: %3\n")
            .arg(strength.score)
            .arg(MaxScore)
            .arg(strength.crackTime);
    std::fputs(line.toUtf8().constData(), stderr);
    if (strength.isWeak())
        printWarning(QStringLiteral("the master password is weak (score %1 of %2): it guards every "
                                    "password in the vault; change it with `tessera-cli passwd` "
                                    "to a longer one, e.g. several random words")
                         .arg(strength.score)
                         .arg(MaxScore));
}

} // namespace tessera::cli
