// Attachments: separate sealed records bound to their entry (record id = entry id ‖ attachment id).
#include "Vault.h"

#include "RecordCodec.h"
#include "VaultSession.h"
#include "sync/Merge.h"

namespace tessera {

namespace {

constexpr std::size_t AttachmentIdBytes = 16;

struct StoredAttachment {
    AttachmentInfo info;
    QByteArray sealedContent;
};

// Every attachment of an entry, rows checked and infos opened; the sealed content is kept only
// for the attachment named contentOf (if any), not copied for all of them.
Result<std::vector<StoredAttachment>> readAttachments(VaultSession& s, const EntryId& entry,
                                                      const QString* contentOf = nullptr) {
    auto found = s.lookup(entry);
    if (!found)
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no entry %1").arg(QString::fromLatin1(entry.toHex())));
    const QByteArray sql = selectWithMac(Table::Attachments, "t.entry = ?");
    auto stmt = s.file.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, entry);
    std::vector<StoredAttachment> out;
    RowMacs macs(s.file.keys.rowMac, Table::Attachments);
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        const QByteArray id = row.blob(0);
        auto plain =
            open(s.file.keys.sealing, row.blobView(2), s.ad(entry + id, Part::AttachmentInfo));
        if (!plain)
            return plain.error();
        auto info = decodeAttachmentInfo(*plain, id, entry);
        if (!info)
            return info.error();
        const bool wanted = contentOf && info->name == *contentOf;
        out.push_back({std::move(*info), wanted ? row.blob(3) : QByteArray()});
        return {};
    }));
    return out;
}

// Removes an attachment and leaves its removal tombstone (entry id ‖ attachment id), so that a
// merge with an older copy does not bring it back (core/FORMAT.md "Merging").
Status removeAttachment(VaultSession& s, const EntryId& entry, const QByteArray& id,
                        const Stamp& stamp) {
    TESSERA_TRY(s.deleteRows(Table::Attachments, "id", id));
    auto stmt = s.file.db.prepare("INSERT OR REPLACE INTO tombstones (id, stamp) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    const QByteArray tombstone = attachmentTombstone(entry, id);
    stmt->bind(1, tombstone).bind(2, encodeStamp(stamp));
    TESSERA_TRY(stmt->run());
    return updateRowMac(s.file.db, s.file.keys.rowMac, Table::Tombstones, tombstone);
}

} // namespace

Result<std::vector<AttachmentInfo>> Vault::attachments(const EntryId& id) const {
    if (!m_session)
        return lockedError();
    auto stored = readAttachments(*m_session, id);
    if (!stored)
        return stored.error();
    std::vector<AttachmentInfo> out;
    for (StoredAttachment& attachment : *stored)
        out.push_back(std::move(attachment.info));
    return out;
}

Result<AttachmentInfo> Vault::attach(const EntryId& id, const QString& name,
                                     const SecureBuffer& content) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    if (qint64(content.size()) > MaxAttachmentBytes)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("%1 is %2 MiB; attachments are limited to %3 MiB")
                             .arg(name)
                             .arg(double(content.size()) / (1 << 20), 0, 'f', 1)
                             .arg(MaxAttachmentBytes >> 20));
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an attachment needs a name"));
    VaultSession& s = *m_session;
    auto existing = readAttachments(s, id);
    if (!existing)
        return existing.error();
    AttachmentInfo info{randomBytes(AttachmentIdBytes), id, name, qint64(content.size()), s.now()};
    const Stamp stamp = s.nextStamp();
    TESSERA_TRY(s.write([&]() -> Status {
        for (const StoredAttachment& old : *existing)
            if (old.info.name == name)
                TESSERA_TRY(removeAttachment(s, id, old.info.id, stamp));
        auto stmt = s.file.db.prepare(
            "INSERT INTO attachments (id, entry, info, content) VALUES (?, ?, ?, ?)");
        if (!stmt)
            return Status(stmt.error());
        const QByteArray recordId = id + info.id;
        stmt->bind(1, info.id)
            .bind(2, id)
            .bind(3, seal(s.file.keys.sealing, encodeAttachmentInfo(info),
                          s.ad(recordId, Part::AttachmentInfo)))
            .bind(4, seal(s.file.keys.sealing, content, s.ad(recordId, Part::AttachmentContent)));
        TESSERA_TRY(stmt->run());
        return updateRowMac(s.file.db, s.file.keys.rowMac, Table::Attachments, info.id);
    }));
    return info;
}

Result<SecureBuffer> Vault::attachmentContent(const EntryId& id, const QString& name) const {
    if (!m_session)
        return lockedError();
    auto stored = readAttachments(*m_session, id, &name);
    if (!stored)
        return stored.error();
    for (const StoredAttachment& attachment : *stored)
        if (attachment.info.name == name)
            return open(m_session->file.keys.sealing, attachment.sealedContent,
                        m_session->ad(id + attachment.info.id, Part::AttachmentContent));
    return makeError(ErrorCode::NotFound, QStringLiteral("no attachment \"%1\"").arg(name));
}

Status Vault::detach(const EntryId& id, const QString& name) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    auto stored = readAttachments(s, id);
    if (!stored)
        return stored.error();
    for (const StoredAttachment& attachment : *stored)
        if (attachment.info.name == name)
            return s.write([&]() -> Status {
                return removeAttachment(s, id, attachment.info.id, s.nextStamp());
            });
    return makeError(ErrorCode::NotFound, QStringLiteral("no attachment \"%1\"").arg(name));
}

} // namespace tessera
