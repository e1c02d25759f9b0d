#include "Report.h"

#include "Metrics.h"
#include "Phases.h"

#include <QString>

#include <cstdio>

namespace tessera::bench {
namespace {

constexpr int LabelWidth = 32;
constexpr int ColumnWidth = 12;
constexpr int ThousandsGroup = 3;
constexpr std::uint64_t KiB = 1024;

QString withThousands(qint64 value) {
    QString digits = QString::number(value);
    for (qsizetype at = digits.size() - ThousandsGroup; at > 0; at -= ThousandsGroup)
        digits.insert(at, QLatin1Char(','));
    return digits;
}

QString cell(const SizeFigures& size, const Metric& metric) {
    if (size.figures.isEmpty())
        return QStringLiteral("failed");
    const QJsonValue value = size.figures.value(metric.key);
    if (value.isUndefined())
        return QStringLiteral("-");
    if (metric.decimals == 0)
        return withThousands(qint64(value.toDouble()));
    return QString::number(value.toDouble(), 'f', metric.decimals);
}

// The size the targets apply to, if this run has it fully built and measured.
const SizeFigures* targetSize(const std::vector<SizeFigures>& sizes) {
    for (const SizeFigures& size : sizes)
        if (size.requested == TargetEntries &&
            size.figures.value(key::Built).toInt() == TargetEntries &&
            size.figures.contains(key::UnlockMs))
            return &size;
    return nullptr;
}

void printRow(const QString& label, const QStringList& cells) {
    QString line = label.leftJustified(LabelWidth);
    for (const QString& text : cells)
        line += text.rightJustified(ColumnWidth);
    std::printf("%s\n", line.toUtf8().constData());
}

} // namespace

void printReport(const std::vector<SizeFigures>& sizes, int runs) {
    std::printf(
        "\nTessera vault benchmark: Argon2id ops %d, mem %llu KiB (timed alone, taken out of "
        "unlock); medians of %d run%s\n\n",
        int(BenchKdf.opsLimit), static_cast<unsigned long long>(BenchKdf.memBytes() / KiB), runs,
        runs == 1 ? "" : "s");

    const SizeFigures* atTarget = targetSize(sizes);
    QStringList header;
    for (const SizeFigures& size : sizes)
        header << withThousands(size.requested);
    header << QStringLiteral("target@10k");
    printRow(QStringLiteral("entries requested"), header);

    QStringList missed;
    for (const Metric& metric : Metrics) {
        QStringList cells;
        for (const SizeFigures& size : sizes)
            cells << cell(size, metric);
        QString target;
        if (metric.targetAt10k > 0) {
            target = QStringLiteral("< %1").arg(metric.targetAt10k);
            if (atTarget) {
                const bool met =
                    atTarget->figures.value(metric.key).toDouble() < metric.targetAt10k;
                target += met ? QStringLiteral(" ok") : QStringLiteral(" MISS");
                if (!met)
                    missed << QString::fromLatin1(metric.label).trimmed();
            }
        }
        printRow(QString::fromLatin1(metric.label), cells << target);
    }

    std::printf("\n");
    for (const SizeFigures& size : sizes) {
        const int built = size.figures.value(key::Built).toInt();
        if (!size.figures.isEmpty() && built < size.requested)
            std::printf(
                "note: %s entries requested, %s built before the time limit; the figures are "
                "for %s\n",
                qPrintable(withThousands(size.requested)), qPrintable(withThousands(built)),
                qPrintable(withThousands(built)));
    }
    if (!atTarget)
        std::printf("targets at 10k entries: not checked (no complete 10,000-entry run)\n");
    else if (missed.isEmpty())
        std::printf("targets at 10k entries: all met\n");
    else
        std::printf("targets at 10k entries: MISSED %s\n",
                    qPrintable(missed.join(QStringLiteral(", "))));
}

} // namespace tessera::bench
