#include "Sync.h"

#include "Backups.h"
#include "Publisher.h"

#include <QFile>

namespace tessera {

namespace {

constexpr qint64 HeaderSize = 16;

QByteArray firstBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(HeaderSize);
}

// The headers a conflict copy of this vault can carry without being a stranger: the working
// copy's (this vault's current header).
std::vector<QByteArray> knownHeaders(const VaultInfo& info) {
    std::vector<QByteArray> headers;
    const QByteArray working = firstBytes(info.workingCopy);
    if (working.size() == HeaderSize)
        headers.push_back(working);
    return headers;
}

bool looksLikeThisVault(const ConflictCopy& copy, const std::vector<QByteArray>& headers) {
    return saysConflict(copy.style) || headerOfThisVault(copy.header, headers);
}

QString reasonFor(const Error& error) {
    switch (error.code) {
    case ErrorCode::OtherVault:
        return QStringLiteral("it is another vault");
    case ErrorCode::PasswordNeeded:
    case ErrorCode::WrongPassword:
        return QStringLiteral("it is under a master password this device does not have (was "
                              "the password changed on another device?)");
    case ErrorCode::OlderEpoch:
        return QStringLiteral("it was made under an older master password; merge it only if "
                              "you trust where it came from");
    default:
        return error.message;
    }
}

// A file named only with a number or a host name that is not this vault is none of our business.
bool unrelated(const ConflictCopy& copy, ErrorCode code) {
    if (saysConflict(copy.style))
        return false;
    return code == ErrorCode::OtherVault || code == ErrorCode::NotAVault ||
           code == ErrorCode::PasswordNeeded || code == ErrorCode::NewerVersion;
}

ConflictCopyResult mergeCopy(Vault& vault, const ConflictCopy& copy, const QString& backupDir,
                             const Clock& clock, const SyncOptions& sync, bool knownHeader) {
    ConflictCopyResult result;
    result.path = copy.path;
    result.fileName = copy.fileName;
    result.style = copy.style;
    const QByteArray before = fileIdentity(copy.path);
    MergeOptions options;
    options.acceptRollback = true;
    if (!knownHeader && sync.password) {
        options.otherPassword = sync.password;
        options.otherSecretKey = sync.secretKey;
    }
    auto merged = vault.merge(copy.path, options);
    if (!merged) {
        result.outcome = unrelated(copy, merged.code()) ? ConflictCopyResult::Outcome::Unrelated
                                                        : ConflictCopyResult::Outcome::LeftInPlace;
        result.error = merged.code();
        result.reason = reasonFor(merged.error());
        return result;
    }
    result.merge = std::move(*merged);
    // A sync client may have rewritten the copy while it was merged: then what lies there now was
    // not merged. Leave it; the next sync merges it (merging twice changes nothing).
    if (fileIdentity(copy.path) != before) {
        result.outcome = ConflictCopyResult::Outcome::LeftInPlace;
        result.error = ErrorCode::ChangedOnDisk;
        result.reason = QStringLiteral("it changed while it was merged; it is merged again at "
                                       "the next sync");
        return result;
    }
    auto moved = setAsideConflictCopy(copy.path, backupDir, clock.nowMs());
    if (!moved) {
        // Merged, but still there: harmless (merging it again changes nothing), and said.
        result.outcome = ConflictCopyResult::Outcome::LeftInPlace;
        result.error = moved.code();
        result.reason = QStringLiteral("merged, but it could not be moved to the backup folder: %1")
                            .arg(moved.error().message);
        return result;
    }
    result.outcome = ConflictCopyResult::Outcome::Merged;
    result.movedTo = *moved;
    return result;
}

} // namespace

int SyncReport::merged() const {
    int count = 0;
    for (const ConflictCopyResult& copy : copies)
        count += copy.outcome == ConflictCopyResult::Outcome::Merged ? 1 : 0;
    return count;
}

int SyncReport::leftInPlace() const {
    int count = 0;
    for (const ConflictCopyResult& copy : copies)
        count += copy.outcome == ConflictCopyResult::Outcome::LeftInPlace ? 1 : 0;
    return count;
}

bool SyncReport::rollbackSuspected() const {
    if (file.rollbackSuspected)
        return true;
    return fileError && fileError->code == ErrorCode::PossibleRollback;
}

std::vector<ConflictCopy> pendingConflictCopies(const Vault& vault) {
    const VaultInfo info = vault.info();
    const std::vector<QByteArray> headers = knownHeaders(info);
    std::vector<ConflictCopy> copies;
    for (ConflictCopy& copy : findConflictCopies(info.path)) {
        if (looksLikeThisVault(copy, headers))
            copies.push_back(std::move(copy));
    }
    return copies;
}

Result<SyncReport> syncVault(Vault& vault, const Clock& clock, const SyncOptions& options) {
    if (vault.isLocked())
        return makeError(ErrorCode::Locked, QStringLiteral("the vault is locked"));
    const VaultInfo info = vault.info();
    SyncReport report;
    // Conflict copies first: what they hold then goes out with this very publish.
    const std::vector<QByteArray> headers = knownHeaders(info);
    for (const ConflictCopy& copy : findConflictCopies(info.path)) {
        if (!looksLikeThisVault(copy, headers)) {
            ConflictCopyResult skipped;
            skipped.path = copy.path;
            skipped.fileName = copy.fileName;
            skipped.style = copy.style;
            skipped.outcome = ConflictCopyResult::Outcome::Unrelated;
            skipped.reason = QStringLiteral("not this vault");
            report.copies.push_back(std::move(skipped));
            continue;
        }
        report.copies.push_back(mergeCopy(vault, copy, info.backupDir, clock, options,
                                          headerOfThisVault(copy.header, headers)));
    }
    // Vault::sync merges and retries when another device renames its version in between.
    auto synced = vault.sync(options.file);
    if (synced)
        report.file = std::move(*synced);
    else
        report.fileError = synced.error();
    return report;
}

} // namespace tessera
