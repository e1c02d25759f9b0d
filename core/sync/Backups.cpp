#include "Backups.h"

#include "DeviceStore.h"
#include "Publisher.h"
#include "ReplicaProbe.h"
#include "vault/Entry.h"
#include "vault/VaultFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <optional>
#include <unistd.h>

namespace tessera {

namespace {

const QString SetAsideFolder = QStringLiteral("set-aside");
const QString ConflictLabel = QStringLiteral("conflict-copy");
const QString BeforeRollbackLabel = QStringLiteral("before-rollback");
// A conflict copy's name in the vault's folder, kept beside it ("<backup>.origin").
const QString OriginSuffix = QStringLiteral(".origin");
constexpr qint64 MaxOriginBytes = 4096;
// What identifyBackups() found, so the app can show it without the password and nothing is
// opened twice: one line per backup, "name size device-hex last-edit-ms key-epoch other-vault".
// Nothing secret: device ids and times are in the clear in every status output.
const QString IdentifiedFile = QStringLiteral("identified");
constexpr int IdentifiedFields = 6;

struct Identified {
    qint64 size = 0;
    QByteArray device;
    qint64 lastEditMs = 0;
    quint64 keyEpoch = 0;
    bool otherVault = false;
};

std::map<QString, Identified> readIdentified(const QString& backupDir) {
    std::map<QString, Identified> known;
    QFile file(backupDir + QLatin1Char('/') + IdentifiedFile);
    if (!file.open(QIODevice::ReadOnly))
        return known;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(' ');
        if (fields.size() != IdentifiedFields)
            continue;
        Identified entry{fields[1].toLongLong(), QByteArray::fromHex(fields[2]),
                         fields[3].toLongLong(), fields[4].toULongLong(), fields[5] == "1"};
        known[QString::fromUtf8(QByteArray::fromPercentEncoding(fields[0]))] = entry;
    }
    return known;
}

void writeIdentified(const QString& backupDir, const std::vector<BackupFile>& backups) {
    QByteArray text;
    for (const BackupFile& backup : backups) {
        if (!backup.identified)
            continue;
        text += backup.name.toUtf8().toPercentEncoding() + ' ' + QByteArray::number(backup.size) +
                ' ' + backup.lastDevice.toHex() + ' ' + QByteArray::number(backup.lastEditMs) +
                ' ' + QByteArray::number(backup.keyEpoch) + ' ' + (backup.otherVault ? "1" : "0") +
                '\n';
    }
    (void)writeFileAtomically(backupDir + QLatin1Char('/') + IdentifiedFile, text);
}

// backupPath() names: "yyyyMMdd-HHmmss-zzz[-label][-n].tessera" (core/sync/Publisher.cpp).
const QRegularExpression& backupName() {
    static const QRegularExpression pattern(
        QStringLiteral("\\A(\\d{8}-\\d{6}-\\d{3})(?:-([a-z-]*?))?(?:-(\\d+))?\\.tessera\\z"));
    return pattern;
}

std::optional<BackupKind> kindOf(const QString& label, bool inSetAside) {
    if (!inSetAside)
        return label.isEmpty() ? std::optional(BackupKind::Published) : std::nullopt;
    if (label == ConflictLabel)
        return BackupKind::ConflictCopy;
    if (label == BeforeRollbackLabel)
        return BackupKind::BeforeRollback;
    // Everything else there is a working copy this device set aside ("superseded-working-copy",
    // "before-key-epoch-N", ...).
    return BackupKind::WorkingCopy;
}

QString readOrigin(const QString& backup) {
    QFile file(backup + OriginSuffix);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.read(MaxOriginBytes)).trimmed();
}

void listFolder(const QString& folder, bool inSetAside, std::vector<BackupFile>& out) {
    const QDir dir(folder);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.tessera")},
                                                  QDir::Files | QDir::NoSymLinks, QDir::Name);
    for (const QFileInfo& info : files) {
        const auto match = backupName().match(info.fileName());
        if (!match.hasMatch())
            continue;
        const auto kind = kindOf(match.captured(2), inSetAside);
        if (!kind)
            continue;
        QDateTime time =
            QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss-zzz"));
        time.setTimeSpec(Qt::UTC);
        BackupFile backup;
        backup.path = info.absoluteFilePath();
        backup.name =
            inSetAside ? SetAsideFolder + QLatin1Char('/') + info.fileName() : info.fileName();
        backup.time =
            time.isValid() ? time.toMSecsSinceEpoch() : info.lastModified().toMSecsSinceEpoch();
        backup.size = info.size();
        backup.kind = *kind;
        backup.sequence = match.captured(3).toInt();
        if (backup.kind == BackupKind::ConflictCopy)
            backup.origin = readOrigin(backup.path);
        out.push_back(std::move(backup));
    }
}

Status writeOrigin(const QString& backup, const QString& origin) {
    return writeFileAtomically(backup + OriginSuffix, origin.toUtf8() + '\n');
}

// Keeps the newest KeepConflictCopies conflict copies; nothing else is ever removed here.
void applyConflictQuota(const QString& setAside) {
    std::vector<BackupFile> files;
    listFolder(setAside, true, files);
    std::vector<QString> conflicts;
    for (const BackupFile& file : files) {
        if (file.kind == BackupKind::ConflictCopy)
            conflicts.push_back(file.path);
    }
    std::sort(conflicts.begin(), conflicts.end()); // names start with the time: oldest first
    for (std::size_t i = 0; i + KeepConflictCopies < conflicts.size(); ++i) {
        QFile::remove(conflicts[i]);
        QFile::remove(conflicts[i] + OriginSuffix);
    }
}

} // namespace

Result<std::vector<BackupFile>> listBackups(const QString& backupDir) {
    std::vector<BackupFile> backups;
    listFolder(backupDir, false, backups);
    listFolder(backupDir + QLatin1Char('/') + SetAsideFolder, true, backups);
    const auto known = readIdentified(backupDir);
    for (BackupFile& backup : backups) {
        const auto it = known.find(backup.name);
        if (it == known.end() || it->second.size != backup.size)
            continue;
        backup.identified = true;
        backup.lastDevice = it->second.device;
        backup.lastEditMs = it->second.lastEditMs;
        backup.keyEpoch = it->second.keyEpoch;
        backup.otherVault = it->second.otherVault;
    }
    std::stable_sort(backups.begin(), backups.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
    });
    return backups;
}

Result<BackupFile> findBackup(const QString& backupDir, const QString& nameOrPath) {
    auto backups = listBackups(backupDir);
    if (!backups)
        return backups.error();
    const QString canonical = QFileInfo(nameOrPath).canonicalFilePath();
    for (BackupFile& backup : *backups) {
        const bool sameName =
            backup.name == nameOrPath || QFileInfo(backup.path).fileName() == nameOrPath;
        if (sameName ||
            (!canonical.isEmpty() && QFileInfo(backup.path).canonicalFilePath() == canonical))
            return std::move(backup);
    }
    return makeError(
        ErrorCode::NotFound,
        QStringLiteral("no backup named %1 (see: tessera-cli backups VAULT)").arg(nameOrPath));
}

void identifyBackups(std::vector<BackupFile>& backups, const QString& backupDir,
                     const QByteArray& vaultId, const SecureBuffer& password,
                     const SecureBuffer* secretKey) {
    // One key derivation per header: most backups share the vault's current header.
    std::map<QByteArray, std::optional<MasterKeys>> keys;
    for (BackupFile& backup : backups) {
        if (backup.identified)
            continue;
        auto header = inspectFile(backup.path);
        if (!header)
            continue;
        const QByteArray headerBytes = header->bytes();
        auto known = keys.find(headerBytes);
        if (known == keys.end()) {
            auto derived = deriveMasterKeys(password, *header, secretKey);
            known = keys.emplace(headerBytes,
                                 derived ? std::optional(std::move(*derived)) : std::nullopt)
                        .first;
        }
        if (!known->second)
            continue;
        // Backups live in the private data folder, but are opened as the foreign files they were.
        auto file = openVaultFile(backup.path, *header, *known->second, Trust::Foreign);
        if (!file)
            continue;
        backup.identified = true;
        backup.otherVault = file->vaultId != vaultId;
        backup.keyEpoch = file->epoch;
        lastEdit(file->versions, backup.lastDevice, backup.lastEditMs);
    }
    writeIdentified(backupDir, backups);
}

Result<QString> keepInSetAside(const QString& file, const QString& backupDir, const QString& label,
                               qint64 nowMs) {
    const QString folder = backupDir + QLatin1Char('/') + SetAsideFolder;
    TESSERA_TRY(makePrivateDir(folder));
    const QString target = backupPath(folder, nowMs, label);
    if (::link(QFile::encodeName(file).constData(), QFile::encodeName(target).constData()) != 0) {
        auto copied = copyFile(file, target);
        if (!copied)
            return copied.error();
    }
    return target;
}

Result<QString> setAsideConflictCopy(const QString& copyPath, const QString& backupDir,
                                     qint64 nowMs) {
    const QString folder = backupDir + QLatin1Char('/') + SetAsideFolder;
    TESSERA_TRY(makePrivateDir(folder));
    const QString target = backupPath(folder, nowMs, ConflictLabel);
    // The cloud folder is usually on another file system than the data folder: then copy, make
    // sure the copy is whole, and only then remove the original.
    if (!QFile::rename(copyPath, target)) {
        auto copied = copyFile(copyPath, target);
        if (!copied)
            return copied.error();
        auto original = hashFile(copyPath);
        if (!original || *original != *copied) {
            QFile::remove(target);
            return makeError(ErrorCode::ChangedOnDisk,
                             QStringLiteral("%1 changed while it was moved; it was left in place")
                                 .arg(copyPath));
        }
        if (!QFile::remove(copyPath)) {
            QFile::remove(target);
            return makeError(ErrorCode::Io, QStringLiteral("cannot move %1").arg(copyPath));
        }
    }
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    (void)writeOrigin(target, QFileInfo(copyPath).fileName());
    applyConflictQuota(folder);
    return target;
}

} // namespace tessera
