#pragma once
// The benchmark's table: one row per metric, one column per vault size, and the targets at 10k.

#include <QJsonObject>

#include <vector>

namespace tessera::bench {

struct SizeFigures {
    int requested = 0;
    QJsonObject figures; // build and measure figures merged; empty when the size failed
};

// Prints the table to stdout, with whether the targets at 10k entries were met.
void printReport(const std::vector<SizeFigures>& sizes, int runs);

} // namespace tessera::bench
