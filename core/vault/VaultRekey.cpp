// Changing the master password (new key epoch) or the KDF parameters (same epoch): every record is
// copied into a new file under the new keys, which then atomically replaces the working copy.
#include "Vault.h"

#include "RecordCodec.h"
#include "VaultSession.h"

#include <QFile>

#include <cstdio>

namespace tessera {

namespace {

Status insertEntry(OpenVault& out, const EntryOverview& overview, const EntryDetails& details) {
    auto entry = out.db.prepare("INSERT INTO entries (id, title_index, overview) VALUES (?, ?, ?)");
    auto detail = out.db.prepare("INSERT INTO details (id, sealed) VALUES (?, ?)");
    if (!entry || !detail)
        return entry ? detail.error() : entry.error();
    const QByteArray& id = overview.id;
    entry->bind(1, id)
        .bind(2, titleIndex(out.keys.titleIndex, overview.title.value))
        .bind(3, seal(out.keys.sealing, encodeOverview(overview),
                      partAd(out.vaultId, out.epoch, id, Part::Overview)));
    detail->bind(1, id).bind(2, seal(out.keys.sealing, encodeDetails(details),
                                     partAd(out.vaultId, out.epoch, id, Part::Details)));
    TESSERA_TRY(entry->run());
    TESSERA_TRY(detail->run());
    TESSERA_TRY(updateRowMac(out.db, out.keys.rowMac, Table::Entries, id));
    return updateRowMac(out.db, out.keys.rowMac, Table::Details, id);
}

Status copyAttachments(VaultSession& s, OpenVault& out) {
    auto read = s.file.db.prepare(selectWithMac(Table::Attachments).constData());
    auto write =
        out.db.prepare("INSERT INTO attachments (id, entry, info, content) VALUES (?, ?, ?, ?)");
    if (!read || !write)
        return read ? write.error() : read.error();
    RowMacs macs(s.file.keys.rowMac, Table::Attachments);
    return read->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        const QByteArray id = row.blob(0);
        const QByteArray entry = row.blob(1);
        const QByteArray recordId = entry + id;
        auto info =
            open(s.file.keys.sealing, row.blobView(2), s.ad(recordId, Part::AttachmentInfo));
        if (!info)
            return info.error();
        auto content =
            open(s.file.keys.sealing, row.blobView(3), s.ad(recordId, Part::AttachmentContent));
        if (!content)
            return content.error();
        write->reset();
        write->bind(1, id).bind(2, entry);
        write->bind(3, seal(out.keys.sealing, *info,
                            partAd(out.vaultId, out.epoch, recordId, Part::AttachmentInfo)));
        write->bind(4, seal(out.keys.sealing, *content,
                            partAd(out.vaultId, out.epoch, recordId, Part::AttachmentContent)));
        TESSERA_TRY(write->run());
        return updateRowMac(out.db, out.keys.rowMac, Table::Attachments, id);
    });
}

Status copyTombstones(VaultSession& s, OpenVault& out) {
    auto read = s.file.db.prepare(selectWithMac(Table::Tombstones).constData());
    auto write = out.db.prepare("INSERT INTO tombstones (id, stamp) VALUES (?, ?)");
    if (!read || !write)
        return read ? write.error() : read.error();
    RowMacs macs(s.file.keys.rowMac, Table::Tombstones);
    return read->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(macs.check(row));
        write->reset();
        write->bind(1, row.blob(0)).bind(2, row.blob(1));
        TESSERA_TRY(write->run());
        return updateRowMac(out.db, out.keys.rowMac, Table::Tombstones, row.blob(0));
    });
}

// Writes every record into a new file under the new header and keys, then swaps it in as the
// working copy.
Status rekey(VaultSession& s, const Header& header, const MasterKeys& master, Key vaultKey,
             quint64 epoch) {
    TESSERA_TRY(s.ensureOverviews()); // every entry is copied
    const QByteArray vaultId = s.file.vaultId;
    std::vector<EpochRecord> epochs = s.file.epochs;
    if (epoch == s.file.epoch) {
        EpochRecord& current = epochs.back();
        current.header = header.bytes();
        if (current.epoch > 0) {
            auto previous =
                walkBack(s.file.epochs, vaultId, s.file.keys.vaultKey, current.epoch - 1);
            if (!previous)
                return previous.error();
            current.link =
                epochLink(*previous, vaultId, current.epoch, current.header, current.keyHash);
        }
    } else {
        epochs.push_back(
            makeEpoch(vaultId, epoch, header.bytes(), vaultKey, &s.file.keys.vaultKey));
    }
    VersionVector versions = s.file.versions;
    versions[s.store.deviceId()] = s.nextStamp().hlc;

    const QString fresh = s.store.folderFor(s.path) + QStringLiteral("/rekey.tessera");
    QFile::remove(fresh);
    auto out = createVaultFile(fresh, NewFile{header, vaultId, s.file.created, epochs}, master,
                               std::move(vaultKey), versions);
    if (!out)
        return out.error();
    auto copyAll = [&]() -> Status {
        auto transaction = Transaction::begin(out->db);
        if (!transaction)
            return transaction.error();
        TESSERA_TRY(storeName(*out, s.name));
        TESSERA_TRY(storeNameStamp(*out, s.nameStamp));
        for (const EntryOverview& overview : s.entries) {
            auto details = s.loadDetails(overview.id);
            if (!details)
                return details.error();
            TESSERA_TRY(insertEntry(*out, overview, *details));
        }
        TESSERA_TRY(copyAttachments(s, *out));
        TESSERA_TRY(copyTombstones(s, *out));
        TESSERA_TRY(writeManifest(out->db, out->keys.manifest, out->binding(), versions));
        return transaction->commit();
    };
    if (auto copied = copyAll(); !copied) {
        out->db.close();
        QFile::remove(fresh);
        return copied;
    }
    out->db.close();
    const QString working = s.store.workingCopyPath(s.path);
    s.file.db.close();
    if (std::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(working).constData()) !=
        0)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot replace the working copy %1").arg(working));
    auto reopened = openVaultFile(working, header, master, Trust::Own);
    if (!reopened)
        return reopened.error();
    s.file = std::move(*reopened);
    s.master = MasterKeys{master.databaseKey.clone(), master.wrappingKey.clone()};
    return s.markUnpublished();
}

} // namespace

Status Vault::changePassword(const SecureBuffer& newPassword, KdfParams kdf,
                             const SecureBuffer* newSecretKey) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    TESSERA_TRY(checkAffordable(kdf));
    const Header header = Header::fresh(kdf, newSecretKey != nullptr);
    auto master = deriveMasterKeys(newPassword, header, newSecretKey);
    if (!master)
        return master.error();
    return rekey(*m_session, header, *master, randomKey(), m_session->file.epoch + 1);
}

Status Vault::changeKdf(const SecureBuffer& password, KdfParams kdf,
                        const SecureBuffer* secretKey) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    TESSERA_TRY(checkAffordable(kdf));
    // The password must be today's: otherwise this would change it without a new epoch.
    auto current = deriveMasterKeys(password, s.file.header, secretKey);
    if (!current)
        return current.error();
    const QString working = s.store.workingCopyPath(s.path);
    {
        auto probe = Database::open(working, current->databaseKey, s.file.header.bytes(),
                                    Database::Mode::ReadWrite);
        if (!probe)
            return makeError(ErrorCode::WrongPassword, QStringLiteral("wrong password"));
    }
    const Header header = Header::fresh(kdf, secretKey != nullptr);
    auto master = deriveMasterKeys(password, header, secretKey);
    if (!master)
        return master.error();
    return rekey(s, header, *master, s.file.keys.vaultKey.clone(), s.file.epoch);
}

} // namespace tessera
