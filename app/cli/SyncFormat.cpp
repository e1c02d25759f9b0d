#include "SyncFormat.h"

#include "Format.h"

#include <QFileInfo>

namespace tessera::cli {

namespace {

constexpr qsizetype ShortDeviceDigits = 8;

} // namespace

Result<UnlockedVault> unlockKeepingPassword(CliContext& context, const QString& path) {
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::Io, QStringLiteral("no vault file at %1").arg(path));
    UnlockedVault unlocked;
    auto open = unlockVault(context, path, &unlocked.password); // with the secret key, if any
    if (!open)
        return open.error();
    unlocked.open = std::move(*open);
    return unlocked;
}

int changeCount(const MergeReport& report) {
    return report.added + report.updated + report.trashed + report.restored + report.purged +
           report.attachmentsAdded + report.attachmentsRemoved + (report.renamed ? 1 : 0);
}

QString describeChanges(const MergeReport& report) {
    const int count = changeCount(report);
    if (count == 0)
        return QStringLiteral("no changes");
    QStringList parts;
    const auto add = [&parts](int n, const char* what) {
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(what));
    };
    add(report.added, "added");
    add(report.updated, "updated");
    add(report.trashed, "trashed");
    add(report.restored, "restored");
    add(report.purged, "purged");
    add(report.attachmentsAdded, "attachments added");
    add(report.attachmentsRemoved, "attachments removed");
    if (report.renamed)
        parts << QStringLiteral("vault renamed");
    QString text =
        QStringLiteral("%1 change%2 (%3)")
            .arg(count)
            .arg(count == 1 ? QString() : QStringLiteral("s"), parts.join(QLatin1String(", ")));
    if (report.conflictsKeptInHistory > 0)
        text += QStringLiteral("; %1 concurrent edit%2 kept in the entries' history")
                    .arg(report.conflictsKeptInHistory)
                    .arg(report.conflictsKeptInHistory == 1 ? QString() : QStringLiteral("s"));
    return text;
}

void writeMergeFields(JsonWriter& json, const MergeReport& report) {
    json.field("changes", changeCount(report));
    json.field("added", report.added);
    json.field("updated", report.updated);
    json.field("trashed", report.trashed);
    json.field("restored", report.restored);
    json.field("purged", report.purged);
    json.field("attachmentsAdded", report.attachmentsAdded);
    json.field("attachmentsRemoved", report.attachmentsRemoved);
    json.field("conflictsKeptInHistory", report.conflictsKeptInHistory);
    json.field("renamed", report.renamed);
    json.field("titles", report.changedTitles);
    json.field("rollbackSuspected", report.rollbackSuspected);
    json.field("warnings", report.warnings);
}

QString shortDevice(const QByteArray& device) {
    return QString::fromLatin1(device.toHex().left(ShortDeviceDigits));
}

} // namespace tessera::cli
