#include "VaultSession.h"

#include "RecordCodec.h"

#include <algorithm>

namespace tessera {

VaultSession::VaultSession(Device device_, DeviceStore store_, QString path_, OpenVault file_,
                           VaultFileState state_)
    : device(std::move(device_))
    , store(std::move(store_))
    , path(std::move(path_))
    , file(std::move(file_))
    , state(std::move(state_)) {
    for (const auto& [deviceId, hlc] : file.versions)
        lastHlc = std::max(lastHlc, hlc);
}

Stamp VaultSession::nextStamp() {
    constexpr int CounterBits = 16;
    const quint64 wall = quint64(std::max<qint64>(now(), 0)) << CounterBits;
    lastHlc = std::max(wall, lastHlc + 1);
    return Stamp{lastHlc, store.deviceId()};
}

QString searchText(const EntryOverview& o) {
    QStringList parts{o.title.value, o.username.value, o.folder.value};
    parts += o.urlList();
    parts += o.tagList();
    return parts.join(QLatin1Char('\n')).toCaseFolded();
}

void VaultSession::reindex() {
    std::sort(entries.begin(), entries.end(), [](const EntryOverview& a, const EntryOverview& b) {
        const int order = a.title.value.compare(b.title.value, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    positions.clear();
    positions.reserve(qsizetype(entries.size()));
    haystacks.clear();
    haystacks.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        positions.insert(entries[i].id, i);
        haystacks.push_back(searchText(entries[i]));
    }
}

const EntryOverview* VaultSession::find(const EntryId& id) const {
    const auto it = positions.constFind(id);
    return it == positions.cend() ? nullptr : &entries[*it];
}

Status VaultSession::loadEntries() {
    entries.clear();
    auto stmt = file.db.prepare(selectWithMac(Table::Entries).constData());
    if (!stmt)
        return stmt.error();
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        TESSERA_TRY(checkRow(file.keys.rowMac, Table::Entries, *stmt));
        const EntryId id = stmt->blob(0);
        auto plain = open(file.keys.sealing, stmt->blob(2), ad(id, Part::Overview));
        if (!plain)
            return plain.error();
        auto overview = decodeOverview(*plain, id);
        if (!overview)
            return overview.error();
        entries.push_back(std::move(*overview));
    }
    reindex();
    return {};
}

Status VaultSession::write(const std::function<Status()>& body) {
    if (!file.db.isOpen())
        return makeError(ErrorCode::Locked, QStringLiteral("the vault is locked"));
    auto transaction = Transaction::begin(file.db);
    if (!transaction)
        return transaction.error();
    TESSERA_TRY(body());
    VersionVector versions = file.versions;
    versions[store.deviceId()] = nextStamp().hlc;
    TESSERA_TRY(writeManifest(file.db, file.keys.manifest, file.binding(), versions));
    TESSERA_TRY(transaction->commit());
    file.versions = std::move(versions);
    if (!state.unpublished) {
        state.unpublished = true;
        TESSERA_TRY(store.saveState(path, state));
    }
    return {};
}

Status VaultSession::storeOverview(const EntryOverview& overview) {
    auto stmt = file.db.prepare(
        "INSERT OR REPLACE INTO entries (id, title_index, overview) VALUES (?, ?, ?)");
    if (!stmt)
        return stmt.error();
    const SecureBuffer plain = encodeOverview(overview);
    stmt->bind(1, overview.id)
        .bind(2, titleIndex(file.keys.titleIndex, overview.title.value))
        .bind(3, seal(file.keys.sealing, plain, ad(overview.id, Part::Overview)));
    TESSERA_TRY(stmt->run());
    return updateRowMac(file.db, file.keys.rowMac, Table::Entries, overview.id);
}

Status VaultSession::storeDetails(const EntryId& id, const EntryDetails& details) {
    auto stmt = file.db.prepare("INSERT OR REPLACE INTO details (id, sealed) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    const SecureBuffer plain = encodeDetails(details);
    stmt->bind(1, id).bind(2, seal(file.keys.sealing, plain, ad(id, Part::Details)));
    TESSERA_TRY(stmt->run());
    return updateRowMac(file.db, file.keys.rowMac, Table::Details, id);
}

Result<EntryDetails> VaultSession::loadDetails(const EntryId& id) {
    const QByteArray sql = selectWithMac(Table::Details, "t.id = ?");
    auto stmt = file.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("vault tampered or damaged: an entry's details are missing"));
    TESSERA_TRY(checkRow(file.keys.rowMac, Table::Details, *stmt));
    auto plain = open(file.keys.sealing, stmt->blob(1), ad(id, Part::Details));
    if (!plain)
        return plain.error();
    return decodeDetails(*plain);
}

Status VaultSession::deleteRows(Table table, const char* column, const QByteArray& value) {
    const QByteArray keys = QByteArray("SELECT ") + keyColumn(table) + " FROM " + tableName(table) +
                            " WHERE " + column + " = ?";
    auto select = file.db.prepare(keys.constData());
    if (!select)
        return select.error();
    select->bind(1, value);
    std::vector<QByteArray> ids;
    for (;;) {
        auto row = select->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ids.push_back(select->blob(0));
    }
    const QByteArray sql =
        QByteArray("DELETE FROM ") + tableName(table) + " WHERE " + keyColumn(table) + " = ?";
    for (const QByteArray& id : ids) {
        auto del = file.db.prepare(sql.constData());
        if (!del)
            return del.error();
        del->bind(1, id);
        TESSERA_TRY(del->run());
        TESSERA_TRY(removeRowMac(file.db, table, id));
    }
    return {};
}

} // namespace tessera
