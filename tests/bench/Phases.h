#pragma once
// The two halves of one benchmark size, each run in a process of its own so that one size's
// memory never shows in another's peak RSS:
//   build:   a vault of N generated entries through Vault::create, add, addAll and publish;
//   measure: unlock, list, search, details, edit + publish on that vault, over several runs.
// Both return their figures as a JSON object keyed by Metrics.h.

#include "common/Result.h"
#include "vault/Header.h"

#include <QJsonObject>
#include <QString>

namespace tessera::bench {

// The lowest KDF cost a header allows, so that the figures show Tessera's own work. The KDF is
// still timed on its own and taken out of unlock.
inline constexpr KdfParams BenchKdf{MinOpsLimit, MinMemLog2};

struct BuildOptions {
    QString dir; // holds vault.tessera and the device's data folder
    int entries = 0;
    double maxSeconds = 0; // stop adding when building takes longer (0: no limit)
};

struct MeasureOptions {
    QString dir;
    int entries = 0; // as built: the measuring process names entries by index
    int runs = 0;
};

Result<QJsonObject> buildVault(const BuildOptions& options);
Result<QJsonObject> measureVault(const MeasureOptions& options);

} // namespace tessera::bench
