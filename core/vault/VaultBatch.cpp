// Vault::applyBatch: many entries added (with trash state, times, history and attachments) and
// edited in one transaction.
#include "Vault.h"

#include "RecordCodec.h"
#include "VaultSession.h"

#include "crypto/Crypto.h"

namespace tessera {

namespace {

constexpr std::size_t AttachmentIdBytes = 16; // as in VaultAttachments.cpp
constexpr int HlcCounterBits = 16;

Error invalid(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

Status checkBatch(const EntryBatch& batch, const VaultSession& s) {
    for (const IncomingEntry& entry : batch.add) {
        if (!entry.changes.title || entry.changes.title->trimmed().isEmpty())
            return invalid(QStringLiteral("an entry needs a title"));
        for (const IncomingAttachment& attachment : entry.attachments) {
            if (attachment.name.trimmed().isEmpty())
                return invalid(QStringLiteral("an attachment needs a name"));
            if (qint64(attachment.content.size()) > MaxAttachmentBytes)
                return makeError(ErrorCode::TooLarge,
                                 QStringLiteral("attachment %1 of \"%2\" is above %3 MiB")
                                     .arg(attachment.name, *entry.changes.title)
                                     .arg(MaxAttachmentBytes >> 20));
        }
    }
    for (const auto& [id, changes] : batch.edit) {
        if (!s.find(id))
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no entry %1").arg(QString::fromLatin1(id.toHex())));
        if (changes.title && changes.title->trimmed().isEmpty())
            return invalid(QStringLiteral("an entry needs a title"));
    }
    return {};
}

// A stamp for a past moment, never later than now: history items keep the source's times.
Stamp pastStamp(qint64 ms, const Stamp& now) {
    const quint64 wall = quint64(std::max<qint64>(ms, 0)) << HlcCounterBits;
    return Stamp{ms > 0 ? std::min(wall, now.hlc) : now.hlc, now.device};
}

Status storeAttachment(VaultSession& s, const EntryId& entry, const IncomingAttachment& incoming) {
    const AttachmentInfo info{randomBytes(AttachmentIdBytes), entry, incoming.name,
                              qint64(incoming.content.size()), s.now()};
    auto stmt =
        s.file.db.prepare("INSERT INTO attachments (id, entry, info, content) VALUES (?, ?, ?, ?)");
    if (!stmt)
        return Status(stmt.error());
    const QByteArray recordId = entry + info.id;
    stmt->bind(1, info.id)
        .bind(2, entry)
        .bind(3, seal(s.file.keys.sealing, encodeAttachmentInfo(info),
                      s.ad(recordId, Part::AttachmentInfo)))
        .bind(4,
              seal(s.file.keys.sealing, incoming.content, s.ad(recordId, Part::AttachmentContent)));
    TESSERA_TRY(stmt->run());
    return updateRowMac(s.file.db, s.file.keys.rowMac, Table::Attachments, info.id);
}

} // namespace

Result<std::vector<EntryId>> Vault::applyBatch(EntryBatch batch) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    TESSERA_TRY(m_session->ensureOverviews());
    VaultSession& s = *m_session;
    TESSERA_TRY(checkBatch(batch, s));

    // Edits: computed on copies first, so nothing in memory changes unless the write commits.
    std::vector<std::pair<EntryOverview, EntryDetails>> edited;
    for (auto& [id, changes] : batch.edit) {
        auto details = s.loadDetails(id);
        if (!details)
            return details.error();
        EntryOverview overview = *s.find(id);
        if (!applyChanges(overview, *details, changes, s.nextStamp()))
            continue;
        overview.modified = s.now();
        edited.emplace_back(std::move(overview), std::move(*details));
    }

    std::vector<EntryOverview> added;
    added.reserve(batch.add.size());
    TESSERA_TRY(s.write([&]() -> Status {
        for (IncomingEntry& incoming : batch.add) {
            const Stamp stamp = s.nextStamp();
            EntryOverview overview;
            overview.id = randomBytes(EntryIdBytes);
            overview.created = incoming.created > 0 ? incoming.created : s.now();
            overview.modified = incoming.modified > 0 ? incoming.modified : overview.created;
            overview.title.stamp = overview.username.stamp = overview.folder.stamp = stamp;
            overview.favourite.stamp = overview.expires.stamp = overview.trashed.stamp = stamp;
            EntryDetails details;
            details.password.stamp = details.notes.stamp = details.totp.stamp = stamp;
            applyChanges(overview, details, incoming.changes, stamp);
            overview.trashed.value = incoming.trashed;
            details.history.clear();
            for (PastValue& past : incoming.history)
                details.history.push_back(
                    {pastStamp(past.replacedMs, stamp), past.field, std::move(past.value)});
            TESSERA_TRY(s.storeOverview(overview));
            TESSERA_TRY(s.storeDetails(overview.id, details));
            for (const IncomingAttachment& attachment : incoming.attachments)
                TESSERA_TRY(storeAttachment(s, overview.id, attachment));
            added.push_back(std::move(overview));
        }
        for (const auto& [overview, details] : edited) {
            TESSERA_TRY(s.storeOverview(overview));
            TESSERA_TRY(s.storeDetails(overview.id, details));
        }
        return {};
    }));
    std::vector<EntryId> ids;
    ids.reserve(added.size());
    for (const EntryOverview& overview : added)
        ids.push_back(overview.id);
    s.insertEntries(std::move(added));
    for (auto& [overview, details] : edited)
        s.replaceEntry(std::move(overview));
    return ids;
}

} // namespace tessera
