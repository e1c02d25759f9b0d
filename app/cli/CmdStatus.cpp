// tessera-cli status VAULT: where this device stands with the vault file: key epoch, each
// device's last edit (the version vector), the last publish, unpublished changes, whether another
// device changed the file (or it looks like a rollback), and conflict copies waiting for `sync`.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"
#include "SyncFormat.h"

#include "sync/ReplicaProbe.h"
#include "sync/Sync.h"

#include <QFileInfo>

namespace tessera::cli {

namespace {

enum class FileState { UpToDate, Changed, Missing, RollbackSuspected, OtherVault, Unreadable };

struct SyncStatus {
    VaultInfo info;
    std::vector<DeviceVersion> devices; // the working copy's version vector
    qint64 lastPublishedEdit = 0;       // this device's latest stamp in a file it published
    FileState file = FileState::UpToDate;
    QString fileDetail; // why the file could not be read, or what a rollback lacks
    std::vector<ConflictCopy> copies;
};

const char* fileStateName(FileState state) {
    switch (state) {
    case FileState::UpToDate:
        return "up-to-date";
    case FileState::Changed:
        return "changed";
    case FileState::Missing:
        return "missing";
    case FileState::RollbackSuspected:
        return "possible-rollback";
    case FileState::OtherVault:
        return "other-vault";
    case FileState::Unreadable:
        return "unreadable";
    }
    return "unreadable";
}

// Which device's edits the file lacks compared with what this device has seen.
QString lacking(const VersionVector& file, const std::vector<DeviceVersion>& seen) {
    for (const DeviceVersion& device : seen) {
        const auto it = file.find(device.device);
        if (it == file.end() || it->second < device.hlc)
            return QStringLiteral("it lacks edits of device %1%2 up to %3")
                .arg(shortDevice(device.device),
                     device.thisDevice ? QStringLiteral(" (this device)") : QString(),
                     displayTime(device.wallMs()));
    }
    return {};
}

// Reads the vault file (a private copy, the hardened way) when it is not what this device last
// saw: another device's newer version, or an older one (a possible rollback).
void checkFile(SyncStatus& status, const Vault& vault, const SecureBuffer& password,
               const SecureBuffer* secretKey) {
    if (!QFileInfo::exists(status.info.path)) {
        status.file = FileState::Missing;
        return;
    }
    auto changed = vault.vaultFileChanged();
    if (!changed) {
        status.file = FileState::Unreadable;
        status.fileDetail = changed.error().message;
        return;
    }
    if (!*changed)
        return;
    const QString probe =
        QFileInfo(status.info.workingCopy).absolutePath() + QStringLiteral("/status-probe.tessera");
    auto file = probeReplica(status.info.path, probe, password, secretKey);
    if (!file) {
        status.file = FileState::Unreadable;
        status.fileDetail = file.error().message;
        return;
    }
    if (file->vaultId != status.info.id) {
        status.file = FileState::OtherVault;
        return;
    }
    VersionVector seen;
    for (const DeviceVersion& device : vault.seenVersionVector())
        seen[device.device] = device.hlc;
    if (isBehind(file->versions, seen)) {
        status.file = FileState::RollbackSuspected;
        status.fileDetail = lacking(file->versions, vault.seenVersionVector());
        return;
    }
    status.file = FileState::Changed;
}

void printJson(Output& out, const SyncStatus& status) {
    JsonWriter json(out);
    json.beginObject();
    json.field("name", status.info.name);
    json.field("id", idHex(status.info.id));
    json.field("keyEpoch", qint64(status.info.keyEpoch));
    json.key("devices");
    json.beginArray();
    for (const DeviceVersion& device : status.devices) {
        json.beginObject();
        json.field("device", idHex(device.device));
        json.field("thisDevice", device.thisDevice);
        json.field("lastEdit", isoTime(device.wallMs()));
        json.endObject();
    }
    json.endArray();
    json.key("lastPublishedEdit");
    if (status.lastPublishedEdit > 0)
        json.value(isoTime(status.lastPublishedEdit));
    else
        json.null();
    json.field("unpublishedChanges", status.info.unpublishedChanges);
    json.field("vaultFile", QString::fromLatin1(fileStateName(status.file)));
    if (!status.fileDetail.isEmpty())
        json.field("vaultFileDetail", status.fileDetail);
    json.field("rollbackSuspected", status.file == FileState::RollbackSuspected);
    json.key("conflictCopies");
    json.beginArray();
    for (const ConflictCopy& copy : status.copies) {
        json.beginObject();
        json.field("file", copy.fileName);
        json.field("kind", describe(copy.style));
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
}

void printText(Output& out, const SyncStatus& status) {
    const auto row = [&out](const char* label, const QString& value) {
        out.line(
            QStringLiteral("%1 %2").arg(QString(QLatin1String(label)).leftJustified(17), value));
    };
    row("Vault:",
        QStringLiteral("%1 (%2)").arg(displaySafe(status.info.name), idHex(status.info.id)));
    row("Key epoch:", QString::number(status.info.keyEpoch));
    out.line(QStringLiteral("Devices (last edit):"));
    for (const DeviceVersion& device : status.devices)
        out.line(QStringLiteral("  %1  %2%3")
                     .arg(shortDevice(device.device), displayTime(device.wallMs()),
                          device.thisDevice ? QStringLiteral("  (this device)") : QString()));
    row("Last publish:", status.lastPublishedEdit > 0
                             ? QStringLiteral("%1 (this device's latest edit in the vault file)")
                                   .arg(displayTime(status.lastPublishedEdit))
                             : QStringLiteral("never"));
    row("Unpublished:", status.info.unpublishedChanges
                            ? QStringLiteral("yes: the working copy has changes not yet in the "
                                             "file (run: tessera-cli sync)")
                            : QStringLiteral("no"));
    QString file;
    switch (status.file) {
    case FileState::UpToDate:
        file = QStringLiteral("up to date");
        break;
    case FileState::Changed:
        file = QStringLiteral("changed by another device (run: tessera-cli sync)");
        break;
    case FileState::Missing:
        file = QStringLiteral("missing; the working copy keeps every change and the next sync "
                              "publishes it again");
        break;
    case FileState::RollbackSuspected:
        file = QStringLiteral("POSSIBLE ROLLBACK: the file is older than what this device has "
                              "seen (%1); it will not be accepted silently")
                   .arg(status.fileDetail);
        break;
    case FileState::OtherVault:
        file = QStringLiteral("replaced by another vault; sync will not publish over it");
        break;
    case FileState::Unreadable:
        file = QStringLiteral("cannot be read: %1").arg(status.fileDetail);
        break;
    }
    row("Vault file:", file);
    if (status.copies.empty()) {
        row("Conflict copies:", QStringLiteral("none"));
        return;
    }
    row("Conflict copies:", QStringLiteral("%1 (run: tessera-cli sync)").arg(status.copies.size()));
    for (const ConflictCopy& copy : status.copies)
        out.line(
            QStringLiteral("  %1  (%2)").arg(displaySafe(copy.fileName), describe(copy.style)));
}

} // namespace

int runStatus(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("status"),
                   QStringLiteral("Show the vault's sync state: key epoch, each device's last "
                                  "edit, the last publish, unpublished changes, whether another "
                                  "device changed the vault file or it looks like a rollback, "
                                  "and conflict copies found beside it. Changes nothing."),
                   QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    auto unlocked = unlockKeepingPassword(context, cl.positional().constFirst());
    if (!unlocked)
        return fail(unlocked.error());
    const Vault& vault = *unlocked->open.vault;
    SyncStatus status;
    status.info = vault.info();
    status.devices = vault.versionVector();
    for (const DeviceVersion& device : vault.seenVersionVector()) {
        if (device.thisDevice)
            status.lastPublishedEdit = device.wallMs();
    }
    checkFile(status, vault, unlocked->password, unlocked->open.secretKeyOrNull());
    status.copies = pendingConflictCopies(vault);
    if (cl.isSet(jsonOption))
        printJson(context.out(), status);
    else
        printText(context.out(), status);
    return status.file == FileState::RollbackSuspected ? int(ExitBadVault) : int(ExitOk);
}

} // namespace tessera::cli
