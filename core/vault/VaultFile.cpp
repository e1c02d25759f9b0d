#include "VaultFile.h"

#include "RecordCodec.h"
#include "Schema.h"
#include "crypto/PageCheck.h"

#include <QFile>
#include <QFileInfo>
#include <QVariant>

#include <thread>

namespace tessera {

namespace {

constexpr qint64 MinPages = 2;
const QByteArray NameRecordId(16, '\0');

Error damaged(const QString& what) {
    return makeError(ErrorCode::Damaged, QStringLiteral("the vault file is damaged: %1").arg(what));
}

Error headerTampered() {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: the header does not match"));
}

// SQLCipher says SQLITE_NOTADB both for a wrong key and for a damaged first page. If another page
// authenticates under our key, the password is right and page 1 is damaged. Pages 2, 3 and the
// last one are tried, so one more damaged page does not turn damage into "wrong password".
Error classifyRejectedKey(const QString& path, const Header& header, const MasterKeys& master) {
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const qint64 pageCount = file.size() / PageSize;
        for (const qint64 pageNumber : {qint64{2}, qint64{3}, pageCount}) {
            if (pageNumber < 2 || pageNumber > pageCount || !file.seek((pageNumber - 1) * PageSize))
                continue;
            const QByteArray page = file.read(PageSize);
            if (checkSqlcipherPage(page, quint32(pageNumber), master.databaseKey, header.bytes()) ==
                PageAuth::Authentic)
                return damaged(QStringLiteral("its first page cannot be read"));
        }
    }
    return makeError(ErrorCode::WrongPassword, QStringLiteral("wrong password"));
}

// Opens and decodes every entries overview.
Status openEveryOverview(OpenVault& vault) {
    auto entries = vault.db.prepare("SELECT id, overview FROM entries");
    if (!entries)
        return entries.error();
    return entries->forEachRow([&vault](const Statement& row) -> Status {
        const QByteArray id = row.blob(0);
        auto plain = open(vault.keys.sealing, row.blobView(1),
                          partAd(vault.vaultId, vault.epoch, id, Part::Overview));
        if (!plain)
            return plain.error();
        if (auto overview = decodeOverview(*plain, id); !overview)
            return overview.error();
        return {};
    });
}

} // namespace

// For files from elsewhere: every row against its MAC, and every sealed part opened and decoded,
// so nothing in the file is believed before all of it is known to be intact.
Status openEveryRecord(OpenVault& vault) {
    TESSERA_TRY(verifyAllRows(vault.db, vault.keys.rowMac));
    TESSERA_TRY(openName(vault));
    const Key& key = vault.keys.sealing;
    auto ad = [&vault](QByteArrayView recordId, Part part) {
        return partAd(vault.vaultId, vault.epoch, recordId, part);
    };
    TESSERA_TRY(openEveryOverview(vault));
    auto details = vault.db.prepare("SELECT id, sealed FROM details");
    if (!details)
        return details.error();
    TESSERA_TRY(details->forEachRow([&](const Statement& row) -> Status {
        auto plain = open(key, row.blobView(1), ad(row.blob(0), Part::Details));
        if (!plain)
            return plain.error();
        if (auto decoded = decodeDetails(*plain); !decoded)
            return decoded.error();
        return {};
    }));
    auto attachments = vault.db.prepare("SELECT id, entry, info, content FROM attachments");
    if (!attachments)
        return attachments.error();
    TESSERA_TRY(attachments->forEachRow([&](const Statement& row) -> Status {
        const QByteArray id = row.blob(0);
        const QByteArray recordId = row.blob(1) + id;
        auto info = open(key, row.blobView(2), ad(recordId, Part::AttachmentInfo));
        if (!info)
            return info.error();
        TESSERA_TRY(decodeAttachmentInfo(*info, id, row.blob(1)));
        TESSERA_TRY(open(key, row.blobView(3), ad(recordId, Part::AttachmentContent)));
        return {};
    }));
    // Every details row and attachment must belong to an entry.
    auto orphans = vault.db.queryInt(
        "SELECT (SELECT count(*) FROM details WHERE id NOT IN (SELECT id FROM entries)) + "
        "(SELECT count(*) FROM attachments WHERE entry NOT IN (SELECT id FROM entries)) + "
        "(SELECT count(*) FROM entries WHERE id NOT IN (SELECT id FROM details))");
    if (!orphans)
        return orphans.error();
    if (*orphans != 0)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: records without their entry"));
    return {};
}

namespace {

Result<QByteArray> readMeta(Database& db, const RowMacKey& rowMacKey, const QString& name) {
    const QByteArray sql = selectWithMac(Table::Meta, "t.name = ?");
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bindText(1, name);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: %1 is missing").arg(name));
    TESSERA_TRY(checkRow(rowMacKey, Table::Meta, *stmt));
    return stmt->blob(1);
}

Status writeMeta(Database& db, const RowMacKey& rowMacKey, const QString& name,
                 const QVariant& value) {
    auto stmt = db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bindText(1, name);
    if (value.typeId() == QMetaType::LongLong)
        stmt->bind(2, value.toLongLong());
    else
        stmt->bind(2, value.toByteArray());
    TESSERA_TRY(stmt->run());
    return updateRowMac(db, rowMacKey, Table::Meta, name);
}

Result<Key> unwrapVaultKey(Database& db, const Key& wrappingKey, const RowMacKey* rowMacKey,
                           QByteArrayView vaultId, const Header& header, quint64 epoch) {
    const QByteArray sql = selectWithMac(Table::Keyring);
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: the key ring is missing"));
    auto vaultKey = openKey(wrappingKey, stmt->blob(1), wrapAd(vaultId, header.bytes(), epoch));
    if (!vaultKey)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: the vault key does not open"));
    if (rowMacKey)
        TESSERA_TRY(checkRow(*rowMacKey, Table::Keyring, *stmt));
    return vaultKey;
}

} // namespace

Result<Header> inspectFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    auto header = Header::parse(file.read(qint64(HeaderBytes)));
    if (!header)
        return header.error();
    const qint64 size = file.size();
    if (size % PageSize != 0 || size < MinPages * PageSize)
        return damaged(QStringLiteral("its size is not a whole number of pages"));
    return header;
}

namespace {

// Page 1's page size and reserve, checked before SQLCipher sees the file: SQLCipher 3.4.1 takes
// a page size from a correctly encrypted first page and then reads past its page buffer when it
// differs from cipher_page_size (tests/fuzz/fuzz_vault_open). Needs the key, so only someone who
// knows the password can write such a file, but a file must never crash Tessera.
Status checkFirstPage(const QString& path, const Header& header, const MasterKeys& master) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray page = file.read(PageSize);
    const auto fields = readSqlcipherFirstPage(page, master.databaseKey, header.bytes());
    if (fields && (fields->pageSize != std::uint32_t(PageSize) ||
                   fields->reservedBytes != SqlcipherReserveBytes))
        return damaged(QStringLiteral("its first page describes another page layout"));
    return {};
}

} // namespace

Result<OpenVault> openVaultFile(const QString& path, const Header& header, const MasterKeys& master,
                                Trust trust, bool collectEntryMacs) {
    const QByteArray headerBytes = header.bytes();
    TESSERA_TRY(checkFirstPage(path, header, master));
    auto db =
        Database::open(path, master.databaseKey, headerBytes,
                       trust != Trust::Own ? Database::Mode::Hostile : Database::Mode::ReadWrite);
    if (!db) {
        if (db.code() == ErrorCode::WrongPassword)
            return classifyRejectedKey(path, header, master);
        if (db.code() == ErrorCode::Io)
            return db.error();
        return damaged(db.error().message);
    }
    auto format = checkSchema(*db);
    if (!format)
        return format.error();
    if (trust != Trust::Own) {
        // Merge inputs get DESIGN.md's quick_check (structure, no index-to-table cross check):
        // every row's MAC and every record used are checked on top, and a merge runs often.
        auto check = db->prepare(trust == Trust::ForeignRows ? "PRAGMA quick_check(1)"
                                                             : "PRAGMA integrity_check(1)");
        if (!check)
            return damaged(check.error().message);
        auto row = check->step();
        if (!row || !*row || check->text(0) != QLatin1String("ok"))
            return damaged(QStringLiteral("its structure check failed"));
    }
    auto pages = db->queryInt("PRAGMA page_count");
    if (!pages)
        return damaged(pages.error().message);
    if (*pages * PageSize != QFileInfo(path).size())
        return damaged(QStringLiteral("its size does not match its page count"));
    if (trust != Trust::Own)
        db->restrictToReading(readableTables());

    // Vault id and epoch come before any MAC can be checked: the keys depend on them. They are
    // bound by the wrapped key's associated data and checked against their row MACs right after.
    auto idStmt = db->prepare("SELECT value FROM meta WHERE name = 'vault_id'");
    if (!idStmt)
        return idStmt.error();
    auto idRow = idStmt->step();
    if (!idRow || !*idRow)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: no vault id"));
    const QByteArray vaultId = idStmt->blob(0);
    auto epoch = db->queryInt("SELECT max(epoch) FROM epochs");
    if (!epoch || vaultId.size() != qsizetype(VaultIdBytes))
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: no key epoch"));

    auto vaultKey =
        unwrapVaultKey(*db, master.wrappingKey, nullptr, vaultId, header, quint64(*epoch));
    if (!vaultKey)
        return vaultKey.error();
    OpenVault vault{std::move(*db),
                    header,
                    vaultId,
                    quint64(*epoch),
                    0,
                    {},
                    VaultKeys::fromVaultKey(std::move(*vaultKey), *format),
                    {},
                    {},
                    {}};
    TESSERA_TRY(unwrapVaultKey(vault.db, master.wrappingKey, &vault.keys.rowMac, vaultId, header,
                               vault.epoch));
    auto idAgain = readMeta(vault.db, vault.keys.rowMac, QStringLiteral("vault_id"));
    if (!idAgain)
        return idAgain.error();
    auto created = readMeta(vault.db, vault.keys.rowMac, QStringLiteral("created"));
    auto name = readMeta(vault.db, vault.keys.rowMac, QStringLiteral("name"));
    if (!created || !name)
        return created ? name.error() : created.error();
    vault.created = created->toLongLong();
    vault.sealedName = *name;

    auto epochs = readEpochs(vault.db, vault.keys.rowMac);
    if (!epochs)
        return epochs.error();
    vault.epochs = std::move(*epochs);
    const EpochRecord& current = vault.epochs.back();
    if (current.header != headerBytes)
        return headerTampered();
    if (!constantTimeEqual(current.keyHash, hashKey(vault.keys.vaultKey)))
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: the key epoch does not match"));

    // A large file's manifest pass is split over a second connection and core.
    std::optional<Database> helper;
    if (QFileInfo(path).size() >= ManifestHelperFromBytes &&
        std::thread::hardware_concurrency() > 1) {
        auto second = Database::open(path, master.databaseKey, headerBytes,
                                     trust != Trust::Own ? Database::Mode::Hostile
                                                         : Database::Mode::ReadOnly);
        if (second) // else one connection does it all
            helper = std::move(*second);
    }
    auto versions = verifyVaultManifest(vault, collectEntryMacs, helper ? &*helper : nullptr);
    helper.reset();
    if (!versions)
        return versions.error();
    vault.versions = std::move(*versions);
    if (trust == Trust::Foreign)
        TESSERA_TRY(openEveryRecord(vault));
    else if (trust == Trust::ForeignRows) {
        TESSERA_TRY(verifyAllRows(vault.db, vault.keys.rowMac));
        // In format 2 an entries row's MAC covers its overview by nonce and tag: the AEAD vouches
        // for the rest. Opening every overview here keeps a merge input exactly what was written,
        // byte for byte, before anything of it is used (its other rows are whole in their MACs).
        if (vault.keys.rowMac.format >= 2)
            TESSERA_TRY(openEveryOverview(vault));
    }
    return vault;
}

Result<VersionVector> verifyVaultManifest(OpenVault& vault, bool collectEntryMacs,
                                          Database* helper) {
    vault.entryMacs = {};
    RowMacIndex macs;
    auto versions = verifyManifest(vault.db, vault.keys.manifest, vault.binding(),
                                   collectEntryMacs ? &macs : nullptr, helper);
    if (!collectEntryMacs)
        return versions;
    if (!versions)
        return versions.error();
    auto dataVersion = vault.db.queryInt("PRAGMA data_version");
    if (!dataVersion)
        return dataVersion.error();
    vault.entryMacs = {std::move(macs), vault.db.totalChanges(), *dataVersion};
    return versions;
}

Result<RowMacIndex> takeEntryMacs(OpenVault& vault) {
    auto collected = std::exchange(vault.entryMacs, {});
    if (collected.changes >= 0 && collected.changes == vault.db.totalChanges()) {
        auto dataVersion = vault.db.queryInt("PRAGMA data_version");
        if (!dataVersion)
            return dataVersion.error();
        if (collected.dataVersion == *dataVersion)
            return std::move(collected.macs);
    }
    return readRowMacs(vault.db, Table::Entries);
}

Result<OpenVault> createVaultFile(const QString& path, const NewFile& spec,
                                  const MasterKeys& master, Key vaultKey,
                                  const VersionVector& versions) {
    const QByteArray headerBytes = spec.header.bytes();
    auto db = Database::open(path, master.databaseKey, headerBytes, Database::Mode::Create);
    if (!db)
        return db.error();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    OpenVault vault{std::move(*db),
                    spec.header,
                    spec.vaultId,
                    spec.epochs.back().epoch,
                    spec.created,
                    {},
                    VaultKeys::fromVaultKey(std::move(vaultKey), SchemaVersion),
                    versions,
                    spec.epochs,
                    {}};
    Database& out = vault.db;
    auto transaction = Transaction::begin(out);
    if (!transaction)
        return transaction.error();
    TESSERA_TRY(createSchema(out));
    const RowMacKey& rowMac = vault.keys.rowMac;
    TESSERA_TRY(writeMeta(out, rowMac, QStringLiteral("vault_id"), spec.vaultId));
    TESSERA_TRY(
        writeMeta(out, rowMac, QStringLiteral("created"), QVariant(qlonglong(spec.created))));
    TESSERA_TRY(writeMeta(out, rowMac, QStringLiteral("name"), QByteArray()));
    for (const EpochRecord& record : spec.epochs)
        TESSERA_TRY(writeEpoch(out, rowMac, record));
    auto keyring = out.prepare("INSERT INTO keyring (id, wrapped_key) VALUES (1, ?)");
    if (!keyring)
        return keyring.error();
    const Key& vk = vault.keys.vaultKey;
    keyring->bind(1, seal(master.wrappingKey, vk.data(), vk.size(),
                          wrapAd(spec.vaultId, headerBytes, vault.epoch)));
    TESSERA_TRY(keyring->run());
    TESSERA_TRY(updateRowMac(out, rowMac, Table::Keyring, qint64(1)));
    TESSERA_TRY(writeManifest(out, vault.keys.manifest, vault.binding(), versions));
    TESSERA_TRY(transaction->commit());
    return vault;
}

QByteArray sealName(const OpenVault& vault, const QString& name) {
    const QByteArray utf8 = name.toUtf8();
    return seal(vault.keys.sealing, reinterpret_cast<const unsigned char*>(utf8.constData()),
                std::size_t(utf8.size()),
                partAd(vault.vaultId, vault.epoch, NameRecordId, Part::VaultName));
}

Result<QString> openName(const OpenVault& vault) {
    if (vault.sealedName.isEmpty())
        return QString();
    auto plain = open(vault.keys.sealing, vault.sealedName,
                      partAd(vault.vaultId, vault.epoch, NameRecordId, Part::VaultName));
    if (!plain)
        return plain.error();
    return QString::fromUtf8(reinterpret_cast<const char*>(plain->data()),
                             qsizetype(plain->size()));
}

Status storeName(OpenVault& vault, const QString& name) {
    vault.sealedName = sealName(vault, name);
    return writeMeta(vault.db, vault.keys.rowMac, QStringLiteral("name"), vault.sealedName);
}

Result<Stamp> readNameStamp(OpenVault& vault) {
    const QByteArray sql = selectWithMac(Table::Meta, "t.name = 'name_stamp'");
    auto stmt = vault.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Stamp{};
    TESSERA_TRY(checkRow(vault.keys.rowMac, Table::Meta, *stmt));
    return decodeStamp(stmt->blob(1));
}

Status storeNameStamp(OpenVault& vault, const Stamp& stamp) {
    return writeMeta(vault.db, vault.keys.rowMac, QStringLiteral("name_stamp"), encodeStamp(stamp));
}

} // namespace tessera
