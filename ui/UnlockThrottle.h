#pragma once
// A growing wait after wrong passwords typed into this app, per vault file: none for the first
// three, then 1, 2, 4, 8, 16 and at most 30 seconds; a successful unlock resets it. Kept in memory
// only. This slows down guessing at this window, nothing else: someone with a copy of the vault
// file guesses offline, where each guess costs one key derivation (Argon2id) and, if the vault has
// one, the secret key makes guessing hopeless. Time comes from a Clock, so tests need no sleeping.

#include "common/Clock.h"

#include <QHash>
#include <QString>

namespace tessera::ui {

class UnlockThrottle {
public:
    static constexpr int FreeAttempts = 3;
    static constexpr qint64 FirstDelayMs = 1000;
    static constexpr qint64 MaxDelayMs = 30 * 1000;

    explicit UnlockThrottle(const Clock& clock)
        : m_clock(clock) {}

    // The wait imposed after this many failures in a row.
    static qint64 delayAfter(int failures);

    // Milliseconds until the next attempt at this vault file is allowed (0: now).
    qint64 remainingMs(const QString& vaultPath) const;
    int failures(const QString& vaultPath) const;
    void recordFailure(const QString& vaultPath);
    void recordSuccess(const QString& vaultPath);

private:
    struct State {
        int failures = 0;
        qint64 allowedAtMs = 0;
    };
    const Clock& m_clock;
    QHash<QString, State> m_states; // by canonical vault path
};

} // namespace tessera::ui
