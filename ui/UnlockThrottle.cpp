#include "UnlockThrottle.h"

#include "sync/DeviceStore.h"

#include <algorithm>

namespace tessera::ui {

qint64 UnlockThrottle::delayAfter(int failures) {
    if (failures <= FreeAttempts)
        return 0;
    const int doublings = std::min(failures - FreeAttempts - 1, 5); // 2^5 s > 30 s: capped
    return std::min(FirstDelayMs << doublings, MaxDelayMs);
}

qint64 UnlockThrottle::remainingMs(const QString& vaultPath) const {
    const auto found = m_states.constFind(canonicalVaultPath(vaultPath));
    if (found == m_states.constEnd())
        return 0;
    return std::max<qint64>(0, found->allowedAtMs - m_clock.nowMs());
}

int UnlockThrottle::failures(const QString& vaultPath) const {
    return m_states.value(canonicalVaultPath(vaultPath)).failures;
}

void UnlockThrottle::recordFailure(const QString& vaultPath) {
    State& state = m_states[canonicalVaultPath(vaultPath)];
    ++state.failures;
    state.allowedAtMs = m_clock.nowMs() + delayAfter(state.failures);
}

void UnlockThrottle::recordSuccess(const QString& vaultPath) {
    m_states.remove(canonicalVaultPath(vaultPath));
}

} // namespace tessera::ui
