#pragma once
// What the sync commands (sync, status, backups, restore-backup) share: unlocking with the master
// password kept for reading other files of the vault, and how merges, devices and conflict
// copies are shown.

#include "CliCommon.h"
#include "JsonWriter.h"

#include "sync/Sync.h"
#include "vault/Vault.h"

#include <QString>

namespace tessera::cli {

struct UnlockedVault {
    OpenVault open;
    SecureBuffer password; // for opening backups and the vault file with the same password
};

// Like unlockVault(), keeping the password.
Result<UnlockedVault> unlockKeepingPassword(CliContext& context, const QString& path);

// "3 changes (1 added, 2 updated)" or "no changes".
QString describeChanges(const MergeReport& report);
int changeCount(const MergeReport& report);
// Changes, titles and warnings of a merge, as JSON object fields.
void writeMergeFields(JsonWriter& json, const MergeReport& report);
// A device id for people: its first 8 hex digits.
QString shortDevice(const QByteArray& device);

} // namespace tessera::cli
