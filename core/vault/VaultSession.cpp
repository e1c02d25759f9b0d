#include "VaultSession.h"

#include "ListOrder.h"
#include "OverviewLoader.h"
#include "RecordCodec.h"
#include "common/TwoHalves.h"
#include "sync/Publisher.h"

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

namespace {
// Up to this many entries are added to a list without search texts one by one (an edit, an add);
// more (a merge) build the texts and merge in one pass.
constexpr std::size_t FewAtATime = 16;
} // namespace

void VaultSession::insertEntries(std::vector<EntryOverview> added,
                                 std::vector<QString> addedHaystacks) {
    if (!overviewsLoaded) {
        for (EntryOverview& overview : added) {
            const EntryId id = overview.id;
            opened.insert_or_assign(id, std::move(overview));
        }
        return;
    }
    if (entries.empty()) {
        // A whole vault at unlock: put it in order where it is, no second copy of the list.
        if (addedHaystacks.size() != added.size())
            addedHaystacks.clear(); // built when first needed (search(), a change)
        const std::vector<std::size_t> order =
            listOrderOf(added, addedHaystacks.empty() ? nullptr : &addedHaystacks);
        permuteInPlace(added, addedHaystacks, order);
        entries = std::move(added);
        haystacks = std::move(addedHaystacks);
        indexPositions();
        return;
    }
    if (haystacks.size() != entries.size() && added.size() <= FewAtATime) {
        // The list's texts are not built (nothing searched since unlock): each addition finds its
        // place by binary search, building only the few texts it is compared with.
        for (EntryOverview& overview : added) {
            const QString text = searchText(overview);
            const auto at =
                std::partition_point(entries.begin(), entries.end(), [&](const EntryOverview& e) {
                    return listOrder(searchText(e), e.id, text, overview.id);
                });
            entries.insert(at, std::move(overview));
        }
        indexPositions();
        return;
    }
    searchTexts();
    if (addedHaystacks.size() != added.size()) {
        addedHaystacks.clear();
        addedHaystacks.reserve(added.size());
        for (const EntryOverview& overview : added)
            addedHaystacks.push_back(searchText(overview));
    }
    const std::vector<std::size_t> order = listOrderOf(added, &addedHaystacks);
    // Merge the sorted additions into the sorted list.
    std::vector<EntryOverview> mergedEntries;
    std::vector<QString> mergedHaystacks;
    mergedEntries.reserve(entries.size() + added.size());
    mergedHaystacks.reserve(entries.size() + added.size());
    std::size_t old = 0;
    for (std::size_t next : order) {
        while (old < entries.size() &&
               listOrder(haystacks[old], entries[old].id, addedHaystacks[next], added[next].id)) {
            mergedEntries.push_back(std::move(entries[old]));
            mergedHaystacks.push_back(std::move(haystacks[old]));
            ++old;
        }
        mergedEntries.push_back(std::move(added[next]));
        mergedHaystacks.push_back(std::move(addedHaystacks[next]));
    }
    for (; old < entries.size(); ++old) {
        mergedEntries.push_back(std::move(entries[old]));
        mergedHaystacks.push_back(std::move(haystacks[old]));
    }
    entries = std::move(mergedEntries);
    haystacks = std::move(mergedHaystacks);
    indexPositions();
}

const std::vector<QString>& VaultSession::searchTexts() {
    if (haystacks.size() == entries.size())
        return haystacks;
    haystacks.assign(entries.size(), QString());
    const auto build = [this](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            haystacks[i] = searchText(entries[i]);
    };
    inTwoHalves(entries.size(), 20'000, build);
    return haystacks;
}

void VaultSession::indexPositions() {
    positions.clear();
    positionsCurrent = false; // built when first asked for: listing never needs it
}

const QHash<QByteArray, std::size_t>& VaultSession::positionIndex() const {
    if (!positionsCurrent) {
        positions.clear();
        positions.reserve(qsizetype(entries.size()));
        for (std::size_t i = 0; i < entries.size(); ++i)
            positions.insert(entries[i].id, i);
        positionsCurrent = true;
    }
    return positions;
}

void VaultSession::replaceEntry(EntryOverview overview) {
    if (!overviewsLoaded) {
        const EntryId id = overview.id;
        opened.insert_or_assign(id, std::move(overview));
        return;
    }
    const std::size_t at = positionIndex().value(overview.id);
    const bool textsBuilt = haystacks.size() == entries.size();
    const auto textAt = [&](std::size_t i) {
        return textsBuilt ? haystacks[i] : searchText(entries[i]);
    };
    QString haystack = searchText(overview);
    const bool staysInPlace =
        (at == 0 || listOrder(textAt(at - 1), entries[at - 1].id, haystack, overview.id)) &&
        (at + 1 == entries.size() ||
         listOrder(haystack, overview.id, textAt(at + 1), entries[at + 1].id));
    if (staysInPlace) {
        entries[at] = std::move(overview);
        if (textsBuilt)
            haystacks[at] = std::move(haystack);
        return;
    }
    removeEntry(overview.id);
    std::vector<EntryOverview> one;
    one.push_back(std::move(overview));
    insertEntries(std::move(one));
}

void VaultSession::removeEntry(const EntryId& id) {
    if (!overviewsLoaded) {
        opened.erase(id);
        return;
    }
    const std::size_t at = positionIndex().value(id);
    if (haystacks.size() == entries.size())
        haystacks.erase(haystacks.begin() + qsizetype(at));
    entries.erase(entries.begin() + qsizetype(at));
    positions.remove(id);
    for (std::size_t i = at; i < entries.size(); ++i)
        positions[entries[i].id] = i;
}

const EntryOverview* VaultSession::find(const EntryId& id) const {
    if (!overviewsLoaded) {
        const auto it = opened.find(id);
        return it == opened.end() ? nullptr : &it->second;
    }
    const auto& index = positionIndex();
    const auto it = index.constFind(id);
    return it == index.cend() ? nullptr : &entries[*it];
}

Result<const EntryOverview*> VaultSession::lookup(const EntryId& id) {
    if (overviewsLoaded || opened.count(id))
        return find(id);
    auto plain = openRecord(Table::Entries, Part::Overview, id);
    if (!plain)
        return plain.error();
    if (!*plain)
        return static_cast<const EntryOverview*>(nullptr);
    auto overview = decodeOverview(**plain, id);
    if (!overview)
        return overview.error();
    return &opened.insert_or_assign(id, std::move(*overview)).first->second;
}

Result<std::optional<SecureBuffer>> VaultSession::openRecord(Table table, Part part,
                                                             const EntryId& id) {
    const QByteArray sql = selectWithMac(table, "t.id = ?");
    auto stmt = file.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<SecureBuffer>();
    TESSERA_TRY(checkRow(file.keys.rowMac, table, *stmt));
    // The sealed part is the table's last column (entries: overview; details: sealed).
    auto plain = open(file.keys.sealing, stmt->blobView(columnCount(table) - 1), ad(id, part));
    if (!plain)
        return plain.error();
    return std::optional<SecureBuffer>(std::move(*plain));
}

Status VaultSession::loadEntries() {
    entries.clear();
    haystacks.clear();
    indexPositions();
    auto loaded = loadOverviews(file);
    if (!loaded)
        return loaded.error();
    opened.clear();
    overviewsLoaded = true;
    insertEntries(std::move(loaded->overviews), std::move(loaded->haystacks));
    auto version = file.db.queryInt("PRAGMA data_version");
    if (!version)
        return version.error();
    seenDataVersion = *version;
    return {};
}

Result<std::vector<const EntryOverview*>> VaultSession::searchUnloaded(const SearchQuery& query) {
    auto loaded = loadOverviews(file, &query);
    if (!loaded)
        return loaded.error();
    const std::vector<std::size_t> order = listOrderOf(loaded->overviews, &loaded->haystacks);
    std::vector<const EntryOverview*> hits;
    hits.reserve(order.size());
    for (std::size_t i : order) {
        const EntryId id = loaded->overviews[i].id;
        const auto stored = opened.insert_or_assign(id, std::move(loaded->overviews[i])).first;
        hits.push_back(&stored->second);
    }
    return hits;
}

Status VaultSession::refreshIfChanged() {
    if (!file.db.isOpen())
        return lockedError();
    auto version = file.db.queryInt("PRAGMA data_version");
    if (!version)
        return version.error();
    if (*version == seenDataVersion)
        return {};
    auto versions = verifyVaultManifest(file, overviewsLoaded);
    if (!versions)
        return versions.error();
    file.versions = std::move(*versions);
    for (const auto& [deviceId, hlc] : file.versions)
        lastHlc = std::max(lastHlc, hlc);
    auto name_ = openName(file);
    if (!name_)
        return name_.error();
    name = *name_;
    auto nameStamp_ = readNameStamp(file);
    if (!nameStamp_)
        return nameStamp_.error();
    nameStamp = *nameStamp_;
    if (!overviewsLoaded) {
        opened.clear(); // opened again from the changed file when named
        seenDataVersion = *version;
        return {};
    }
    return loadEntries();
}

Status VaultSession::markUnpublished() {
    auto lock = PublishLock::acquire(store.lockPath(path));
    if (!lock)
        return lock.error();
    auto disk = store.loadState(path);
    if (!disk)
        return disk.error();
    if (disk->vaultId == state.vaultId)
        state = *disk;
    if (state.unpublished)
        return {};
    state.unpublished = true;
    return store.saveState(path, state);
}

Status VaultSession::write(const std::function<Status()>& body) {
    if (!file.db.isOpen())
        return lockedError();
    auto transaction = Transaction::begin(file.db);
    if (!transaction)
        return transaction.error();
    TESSERA_TRY(body());
    VersionVector versions = file.versions;
    versions[store.deviceId()] = nextStamp().hlc;
    TESSERA_TRY(writeManifest(file.db, file.keys.manifest, file.binding(), versions));
    // Flagged before the commit, so a crash in between can only leave a harmless "unpublished"
    // flag, never a committed change the device believes published (unlock relies on it).
    TESSERA_TRY(markUnpublished());
    TESSERA_TRY(transaction->commit());
    file.versions = std::move(versions);
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
    auto plain = openRecord(Table::Details, Part::Details, id);
    if (!plain)
        return plain.error();
    if (!*plain)
        return makeError(
            ErrorCode::Tampered,
            QStringLiteral("vault tampered or damaged: an entry's details are missing"));
    return decodeDetails(**plain);
}

Status VaultSession::deleteRows(Table table, const char* column, const QByteArray& value) {
    const QByteArray keys = QByteArray("SELECT ") + keyColumn(table) + " FROM " + tableName(table) +
                            " WHERE " + column + " = ?";
    auto select = file.db.prepare(keys.constData());
    if (!select)
        return select.error();
    select->bind(1, value);
    std::vector<QByteArray> ids;
    TESSERA_TRY(select->forEachRow([&ids](const Statement& row) -> Status {
        ids.push_back(row.blob(0));
        return {};
    }));
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
