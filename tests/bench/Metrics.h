#pragma once
// What the benchmark measures: each metric's key in the phases' JSON, its row label, and the
// target at 10k entries from issues 2 and 9 where there is one.

#include <QLatin1StringView>

#include <array>

namespace tessera::bench {

struct Metric {
    QLatin1StringView key;
    const char* label;
    int decimals;
    double targetAt10k = 0; // 0: no target; otherwise the value must stay below it
};

namespace key {
inline constexpr QLatin1StringView Built{"built"};
inline constexpr QLatin1StringView CreateSeconds{"createS"};
inline constexpr QLatin1StringView AddFirstMs{"addFirstMs"};
inline constexpr QLatin1StringView AddLastMs{"addLastMs"};
inline constexpr QLatin1StringView BulkAddMs{"bulkAddMs"};
inline constexpr QLatin1StringView CreatePublishMs{"createPublishMs"};
inline constexpr QLatin1StringView KdfMs{"kdfMs"};
inline constexpr QLatin1StringView UnlockMs{"unlockMs"};
inline constexpr QLatin1StringView ListMs{"listMs"};
inline constexpr QLatin1StringView SearchMs{"searchMs"};
inline constexpr QLatin1StringView SearchWorstMs{"searchWorstMs"};
inline constexpr QLatin1StringView DetailsMs{"detailsMs"};
inline constexpr QLatin1StringView EditPublishMs{"editPublishMs"};
inline constexpr QLatin1StringView EditMs{"editMs"};
inline constexpr QLatin1StringView PeakRssMiB{"peakRssMiB"};
inline constexpr QLatin1StringView FileMiB{"fileMiB"};
} // namespace key

inline constexpr double UnlockTargetMs = 40; // issue 9: open + list beyond the KDF (issue 2 said 50)
inline constexpr double SearchTargetMs = 5;
inline constexpr double EditPublishTargetMs = 30;
inline constexpr int TargetEntries = 10'000;

inline constexpr std::array Metrics{
    Metric{key::Built, "entries built", 0},
    Metric{key::CreateSeconds, "create: all adds + publish (s)", 1},
    Metric{key::AddFirstMs, "  one add, into empty vault (ms)", 2},
    Metric{key::BulkAddMs, "  addAll, per entry (ms)", 3},
    Metric{key::AddLastMs, "  one add, at full size (ms)", 2},
    Metric{key::CreatePublishMs, "  first publish (ms)", 1},
    Metric{key::KdfMs, "KDF alone, excluded below (ms)", 3},
    Metric{key::UnlockMs, "unlock to ready (ms)", 2, UnlockTargetMs},
    Metric{key::ListMs, "list all (ms)", 2},
    Metric{key::SearchMs, "search, median of queries (ms)", 3, SearchTargetMs},
    Metric{key::SearchWorstMs, "  slowest query's median (ms)", 3},
    Metric{key::DetailsMs, "resolve title + details (ms)", 2},
    Metric{key::EditPublishMs, "edit + publish (ms)", 2, EditPublishTargetMs},
    Metric{key::EditMs, "  of which edit (ms)", 2},
    Metric{key::PeakRssMiB, "peak RSS while unlocked (MiB)", 1},
    Metric{key::FileMiB, "vault file (MiB)", 2},
};

} // namespace tessera::bench
