#include "FileMerge.h"

#include "RecordCodec.h"
#include "sync/Merge.h"

#include <QHash>

#include <algorithm>
#include <optional>

namespace tessera {

namespace {

constexpr int CounterBits = 16;

struct StoredEntry {
    QByteArray overview;
    QByteArray details;
};

// What one file holds, as stored (sealed); records are opened only where the two files differ.
struct StoredRows {
    QHash<QByteArray, StoredEntry> entries;
    QHash<QByteArray, QByteArray> attachments; // attachment id -> entry id
    Tombstones tombstones;
    Register<QString> name;
};

Error futureStamp() {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("the file holds changes stamped more than a day in the future "
                                    "(a device's clock is far off, or the file was tampered "
                                    "with); nothing was merged"));
}

// Reads what a file holds. Rows are checked against their MACs unless the whole file was already
// (a foreign file: every row was checked when it was opened, and its private copy is immutable).
Result<StoredRows> readRows(OpenVault& file, bool checkMacs) {
    StoredRows rows;
    auto entries = file.db.prepare(checkMacs ? selectWithMac(Table::Entries).constData()
                                             : "SELECT id, title_index, overview FROM entries");
    if (!entries)
        return entries.error();
    RowMacs entryMacs(file.keys.rowMac, Table::Entries);
    TESSERA_TRY(entries->forEachRow([&](const Statement& row) -> Status {
        if (checkMacs)
            TESSERA_TRY(entryMacs.check(row));
        rows.entries[row.blob(0)].overview = row.blob(2);
        return {};
    }));
    auto details = file.db.prepare(checkMacs ? selectWithMac(Table::Details).constData()
                                             : "SELECT id, sealed FROM details");
    if (!details)
        return details.error();
    RowMacs detailMacs(file.keys.rowMac, Table::Details);
    TESSERA_TRY(details->forEachRow([&](const Statement& row) -> Status {
        if (checkMacs)
            TESSERA_TRY(detailMacs.check(row));
        auto it = rows.entries.find(row.blob(0));
        if (it == rows.entries.end())
            return makeError(ErrorCode::Tampered,
                             QStringLiteral("vault tampered or damaged: details without entry"));
        it->details = row.blob(1);
        return {};
    }));
    // Attachment rows are checked against their MACs where their content is read (copyAttachment).
    auto attachments = file.db.prepare("SELECT id, entry FROM attachments");
    if (!attachments)
        return attachments.error();
    TESSERA_TRY(attachments->forEachRow([&](const Statement& row) -> Status {
        rows.attachments.insert(row.blob(0), row.blob(1));
        return {};
    }));
    auto tombstones = file.db.prepare(selectWithMac(Table::Tombstones).constData());
    if (!tombstones)
        return tombstones.error();
    RowMacs tombstoneMacs(file.keys.rowMac, Table::Tombstones);
    TESSERA_TRY(tombstones->forEachRow([&](const Statement& row) -> Status {
        TESSERA_TRY(tombstoneMacs.check(row));
        auto stamp = decodeStamp(row.blobView(1));
        if (!stamp)
            return stamp.error();
        rows.tombstones[row.blob(0)] = *stamp;
        return {};
    }));
    auto name = openName(file);
    if (!name)
        return name.error();
    auto nameStamp = readNameStamp(file);
    if (!nameStamp)
        return nameStamp.error();
    rows.name = {*name, *nameStamp};
    return rows;
}

Result<EntryRecord> openEntry(const OpenVault& file, const EntryId& id, const StoredEntry& stored) {
    auto overviewPlain = open(file.keys.sealing, stored.overview,
                              partAd(file.vaultId, file.epoch, id, Part::Overview));
    if (!overviewPlain)
        return overviewPlain.error();
    auto overview = decodeOverview(*overviewPlain, id);
    if (!overview)
        return overview.error();
    auto detailsPlain = open(file.keys.sealing, stored.details,
                             partAd(file.vaultId, file.epoch, id, Part::Details));
    if (!detailsPlain)
        return detailsPlain.error();
    auto details = decodeDetails(*detailsPlain);
    if (!details)
        return details.error();
    return EntryRecord{std::move(*overview), std::move(*details)};
}

// Writes whole entries into one file, with statements prepared once per merge (a merge may write
// thousands of entries).
class EntryWriter {
public:
    explicit EntryWriter(OpenVault& file)
        : m_file(file)
        , m_entryMacs(file.keys.rowMac, Table::Entries)
        , m_detailMacs(file.keys.rowMac, Table::Details) {}

    Status put(const EntryRecord& entry) {
        if (!m_overview)
            TESSERA_TRY(prepare());
        const EntryId& id = entry.overview.id;
        Statement& overview = *m_overview;
        Statement& details = *m_details;
        overview.reset();
        overview.bind(1, id)
            .bind(2, titleIndex(m_file.keys.titleIndex, entry.overview.title.value))
            .bind(3, seal(m_file.keys.sealing, encodeOverview(entry.overview),
                          partAd(m_file.vaultId, m_file.epoch, id, Part::Overview)));
        TESSERA_TRY(overview.run());
        details.reset();
        details.bind(1, id).bind(2, seal(m_file.keys.sealing, encodeDetails(entry.details),
                                         partAd(m_file.vaultId, m_file.epoch, id, Part::Details)));
        TESSERA_TRY(details.run());
        TESSERA_TRY(rowMac(*m_selectEntry, m_entryMacs, Table::Entries, id));
        return rowMac(*m_selectDetails, m_detailMacs, Table::Details, id);
    }

private:
    Status prepare() {
        auto overview = m_file.db.prepare(
            "INSERT OR REPLACE INTO entries (id, title_index, overview) VALUES (?, ?, ?)");
        auto details =
            m_file.db.prepare("INSERT OR REPLACE INTO details (id, sealed) VALUES (?, ?)");
        auto selectEntry = m_file.db.prepare("SELECT * FROM entries WHERE id = ?");
        auto selectDetails = m_file.db.prepare("SELECT * FROM details WHERE id = ?");
        auto mac =
            m_file.db.prepare("INSERT OR REPLACE INTO row_macs (tbl, id, mac) VALUES (?, ?, ?)");
        for (const auto* stmt : {&overview, &details, &selectEntry, &selectDetails, &mac})
            if (!*stmt)
                return stmt->error();
        m_overview.emplace(std::move(*overview));
        m_details.emplace(std::move(*details));
        m_selectEntry.emplace(std::move(*selectEntry));
        m_selectDetails.emplace(std::move(*selectDetails));
        m_mac.emplace(std::move(*mac));
        return {};
    }
    // The row MAC over the row as stored (the same as updateRowMac, statements reused).
    Status rowMac(Statement& select, RowMacs& macs, Table table, const QByteArray& id) {
        select.reset();
        select.bind(1, id);
        auto row = select.step();
        if (!row)
            return row.error();
        if (!*row)
            return makeError(ErrorCode::NotFound, QStringLiteral("row to authenticate is missing"));
        const QByteArray mac = macs.of(select);
        m_mac->reset();
        m_mac->bind(1, qint64(table)).bind(2, id).bind(3, mac);
        return m_mac->run();
    }

    OpenVault& m_file;
    RowMacs m_entryMacs;
    RowMacs m_detailMacs;
    std::optional<Statement> m_overview;
    std::optional<Statement> m_details;
    std::optional<Statement> m_selectEntry;
    std::optional<Statement> m_selectDetails;
    std::optional<Statement> m_mac;
};

Status deleteRow(OpenVault& file, Table table, const QByteArray& id) {
    const QByteArray sql = QByteArray("DELETE FROM ") + tableName(table) + " WHERE id = ?";
    auto stmt = file.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    TESSERA_TRY(stmt->run());
    return removeRowMac(file.db, table, id);
}

Status putTombstone(OpenVault& file, const QByteArray& id, const Stamp& stamp) {
    auto stmt = file.db.prepare("INSERT OR REPLACE INTO tombstones (id, stamp) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id).bind(2, encodeStamp(stamp));
    TESSERA_TRY(stmt->run());
    return updateRowMac(file.db, file.keys.rowMac, Table::Tombstones, id);
}

// Copies one attachment from one file to the other, re-sealed under the target's keys.
Status copyAttachment(OpenVault& target, OpenVault& from, const QByteArray& id) {
    auto read = from.db.prepare(selectWithMac(Table::Attachments, "t.id = ?").constData());
    if (!read)
        return read.error();
    read->bind(1, id);
    auto row = read->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Tampered,
                         QStringLiteral("vault tampered or damaged: an attachment is missing"));
    TESSERA_TRY(checkRow(from.keys.rowMac, Table::Attachments, *read));
    const QByteArray entry = read->blob(1);
    const QByteArray recordId = entry + id;
    auto info = open(from.keys.sealing, read->blobView(2),
                     partAd(from.vaultId, from.epoch, recordId, Part::AttachmentInfo));
    if (!info)
        return info.error();
    auto content = open(from.keys.sealing, read->blobView(3),
                        partAd(from.vaultId, from.epoch, recordId, Part::AttachmentContent));
    if (!content)
        return content.error();
    auto write = target.db.prepare(
        "INSERT OR REPLACE INTO attachments (id, entry, info, content) VALUES (?, ?, ?, ?)");
    if (!write)
        return write.error();
    write->bind(1, id).bind(2, entry);
    write->bind(3, seal(target.keys.sealing, *info,
                        partAd(target.vaultId, target.epoch, recordId, Part::AttachmentInfo)));
    write->bind(4, seal(target.keys.sealing, *content,
                        partAd(target.vaultId, target.epoch, recordId, Part::AttachmentContent)));
    TESSERA_TRY(write->run());
    return updateRowMac(target.db, target.keys.rowMac, Table::Attachments, id);
}

// One merge in progress: both files' rows, the merged tombstones, the report.
class Merger {
public:
    Merger(OpenVault& target, OpenVault& other, const FileMergeParams& params)
        : m_target(target)
        , m_other(other)
        , m_params(params)
        , m_writer(target) {}

    Status run(FileMergeResult& result);

private:
    bool isLocal(const OpenVault& file) const {
        return (&file == &m_target) == m_params.targetIsLocal;
    }
    // Opens a record of either side; the foreign side's stamps are checked.
    Result<EntryRecord> entryOf(OpenVault& file, const StoredRows& rows, const EntryId& id) {
        auto entry = openEntry(file, id, rows.entries.value(id));
        if (!entry)
            return entry.error();
        if (!isLocal(file)) {
            const quint64 top = highestStamp(*entry);
            if (top > m_params.stampLimit)
                return futureStamp();
            m_result->highestStamp = std::max(m_result->highestStamp, top);
        }
        return entry;
    }
    void noteChange(const QString& title) { m_titles.append(title); }
    Status mergeEntry(const EntryId& id);
    Status mergeAttachments();

    OpenVault& m_target;
    OpenVault& m_other;
    const FileMergeParams& m_params;
    EntryWriter m_writer;
    StoredRows m_targetRows;
    StoredRows m_otherRows;
    Tombstones m_tombstones;
    FileMergeResult* m_result = nullptr;
    QStringList m_titles;
};

Status Merger::mergeEntry(const EntryId& id) {
    FileMergeResult& r = *m_result;
    MergeReport& report = r.report;
    const bool inTarget = m_targetRows.entries.contains(id);
    const bool inOther = m_otherRows.entries.contains(id);
    const bool targetLocal = m_params.targetIsLocal;
    if (m_tombstones.count(id)) {
        // Purged on some side: gone for good, with its attachments (mergeAttachments).
        if (targetLocal ? inTarget : inOther) {
            auto local = targetLocal ? entryOf(m_target, m_targetRows, id)
                                     : entryOf(m_other, m_otherRows, id);
            if (!local)
                return local.error();
            ++report.purged;
            noteChange(local->overview.title.value);
        }
        if (inTarget) {
            TESSERA_TRY(deleteRow(m_target, Table::Details, id));
            TESSERA_TRY(deleteRow(m_target, Table::Entries, id));
            r.targetWritten = true;
            r.removed.push_back(id);
        }
        return {};
    }
    if (inTarget && !inOther) {
        // Only the target has it. If the target is the foreign side, that is an addition.
        if (!targetLocal) {
            auto added = entryOf(m_target, m_targetRows, id);
            if (!added)
                return added.error();
            ++report.added;
            noteChange(added->overview.title.value);
        } else {
            r.foreignLacksSomething = true;
        }
        return {};
    }
    if (!inTarget) {
        auto added = entryOf(m_other, m_otherRows, id);
        if (!added)
            return added.error();
        if (targetLocal) {
            ++report.added;
            noteChange(added->overview.title.value);
        } else {
            r.foreignLacksSomething = true;
        }
        canonicalize(*added);
        TESSERA_TRY(m_writer.put(*added));
        r.targetWritten = true;
        r.upserted.push_back(std::move(added->overview));
        return {};
    }
    const StoredEntry& a = m_targetRows.entries[id];
    const StoredEntry& b = m_otherRows.entries[id];
    if (a.overview == b.overview && a.details == b.details)
        return {}; // the same sealed bytes (same key epoch): nothing to open
    auto mine = entryOf(m_target, m_targetRows, id);
    if (!mine)
        return mine.error();
    auto theirs = entryOf(m_other, m_otherRows, id);
    if (!theirs)
        return theirs.error();
    EntryRecord merged = mergeEntries(*mine, *theirs, &report.conflictsKeptInHistory);
    const EntryRecord& local = targetLocal ? *mine : *theirs;
    const EntryRecord& foreign = targetLocal ? *theirs : *mine;
    if (!sameEntry(merged, foreign))
        r.foreignLacksSomething = true;
    // What the user sees changed is judged against the canonical form (a reordering alone is no
    // change); what is written is judged against the stored form, so that replicas converge to
    // the same bytes.
    EntryRecord canonicalLocal = local.clone();
    canonicalize(canonicalLocal);
    if (!sameEntry(merged, canonicalLocal)) {
        if (local.overview.trashed.value != merged.overview.trashed.value)
            ++(merged.overview.trashed.value ? report.trashed : report.restored);
        else
            ++report.updated;
        noteChange(merged.overview.title.value);
    }
    if (!sameEntry(merged, *mine)) {
        TESSERA_TRY(m_writer.put(merged));
        r.targetWritten = true;
        r.upserted.push_back(std::move(merged.overview));
    }
    return {};
}

Status Merger::mergeAttachments() {
    FileMergeResult& r = *m_result;
    MergeReport& report = r.report;
    const bool targetLocal = m_params.targetIsLocal;
    const auto gone = [this](const QByteArray& id, const QByteArray& entry) {
        return m_tombstones.count(entry) || m_tombstones.count(attachmentTombstone(entry, id));
    };
    for (auto it = m_targetRows.attachments.cbegin(); it != m_targetRows.attachments.cend(); ++it) {
        if (gone(it.key(), it.value())) {
            TESSERA_TRY(deleteRow(m_target, Table::Attachments, it.key()));
            r.targetWritten = true;
            if (targetLocal && !m_tombstones.count(it.value()))
                ++report.attachmentsRemoved;
        } else if (!m_otherRows.attachments.contains(it.key())) {
            if (targetLocal)
                r.foreignLacksSomething = true;
            else
                ++report.attachmentsAdded;
        }
    }
    for (auto it = m_otherRows.attachments.cbegin(); it != m_otherRows.attachments.cend(); ++it) {
        if (gone(it.key(), it.value())) {
            if (!targetLocal && !m_tombstones.count(it.value()))
                ++report.attachmentsRemoved;
            continue;
        }
        if (m_targetRows.attachments.contains(it.key()))
            continue;
        if (!m_targetRows.entries.contains(it.value()) && !m_otherRows.entries.contains(it.value()))
            return makeError(ErrorCode::Tampered,
                             QStringLiteral("vault tampered or damaged: records without their "
                                            "entry"));
        TESSERA_TRY(copyAttachment(m_target, m_other, it.key()));
        r.targetWritten = true;
        if (targetLocal)
            ++report.attachmentsAdded;
        else
            r.foreignLacksSomething = true;
    }
    return {};
}

Status Merger::run(FileMergeResult& result) {
    m_result = &result;
    // Both files are read whole and many pages of the target are rewritten: a page cache that
    // holds them spares decrypting pages again and again (SQLCipher's default holds 2000 pages).
    (void)m_target.db.exec("PRAGMA cache_size = -65536");
    auto targetRows = readRows(m_target, m_params.targetIsLocal);
    if (!targetRows)
        return targetRows.error();
    auto otherRows = readRows(m_other, !m_params.targetIsLocal);
    if (!otherRows)
        return otherRows.error();
    m_targetRows = std::move(*targetRows);
    m_otherRows = std::move(*otherRows);
    const StoredRows& foreignRows = m_params.targetIsLocal ? m_otherRows : m_targetRows;
    const OpenVault& foreign = m_params.targetIsLocal ? m_other : m_target;
    for (const auto& [device, hlc] : foreign.versions)
        if (hlc > m_params.stampLimit)
            return futureStamp();
    for (const auto& [id, stamp] : foreignRows.tombstones)
        if (stamp.hlc > m_params.stampLimit)
            return futureStamp();
    if (foreignRows.name.stamp.hlc > m_params.stampLimit)
        return futureStamp();

    m_tombstones = mergeTombstones(m_targetRows.tombstones, m_otherRows.tombstones);
    auto transaction = Transaction::begin(m_target.db);
    if (!transaction)
        return transaction.error();

    std::vector<QByteArray> ids;
    ids.reserve(std::size_t(m_targetRows.entries.size() + m_otherRows.entries.size()));
    for (auto it = m_targetRows.entries.cbegin(); it != m_targetRows.entries.cend(); ++it)
        ids.push_back(it.key());
    for (auto it = m_otherRows.entries.cbegin(); it != m_otherRows.entries.cend(); ++it)
        if (!m_targetRows.entries.contains(it.key()))
            ids.push_back(it.key());
    for (const EntryId& id : ids)
        TESSERA_TRY(mergeEntry(id));
    TESSERA_TRY(mergeAttachments());

    for (const auto& [id, stamp] : m_tombstones) {
        const auto mine = m_targetRows.tombstones.find(id);
        if (mine == m_targetRows.tombstones.end() || mine->second != stamp) {
            TESSERA_TRY(putTombstone(m_target, id, stamp));
            result.targetWritten = true;
        }
        const StoredRows& foreignSide = m_params.targetIsLocal ? m_otherRows : m_targetRows;
        const auto theirs = foreignSide.tombstones.find(id);
        if (theirs == foreignSide.tombstones.end() || theirs->second != stamp)
            result.foreignLacksSomething = true;
    }

    const StoredRows& localRows = m_params.targetIsLocal ? m_targetRows : m_otherRows;
    result.name = mergeName(m_targetRows.name, m_otherRows.name);
    result.report.renamed = result.name.value != localRows.name.value;
    if (result.name.stamp != foreignRows.name.stamp || result.name.value != foreignRows.name.value)
        result.foreignLacksSomething = true;
    if (result.name.stamp != m_targetRows.name.stamp ||
        result.name.value != m_targetRows.name.value) {
        TESSERA_TRY(storeName(m_target, result.name.value));
        TESSERA_TRY(storeNameStamp(m_target, result.name.stamp));
        result.targetWritten = true;
    }
    result.highestStamp = std::max(result.highestStamp, foreignRows.name.stamp.hlc);
    for (const auto& [device, hlc] : foreign.versions)
        result.highestStamp = std::max(result.highestStamp, hlc);

    // The version vector is joined, never bumped: merging is not an edit, so merges converge.
    const VersionVector versions = mergedVersions(m_target.versions, m_other.versions);
    if (versions != foreign.versions)
        result.foreignLacksSomething = true;
    if (versions != m_target.versions)
        result.targetWritten = true;
    m_titles.sort(Qt::CaseInsensitive);
    m_titles.removeDuplicates();
    result.report.changedTitles = m_titles;
    if (!result.targetWritten)
        return {}; // the transaction rolls back: nothing to write
    TESSERA_TRY(writeManifest(m_target.db, m_target.keys.manifest, m_target.binding(), versions));
    TESSERA_TRY(transaction->commit());
    m_target.versions = versions;
    return {};
}

} // namespace

quint64 stampLimitAt(qint64 nowMs) {
    return (quint64(std::max<qint64>(nowMs, 0) + MaxClockSkewMs) << CounterBits) |
           ((quint64(1) << CounterBits) - 1);
}

Result<FileMergeResult> mergeFileInto(OpenVault& target, OpenVault& other,
                                      const FileMergeParams& params) {
    FileMergeResult result;
    Merger merger(target, other, params);
    TESSERA_TRY(merger.run(result));
    if (!result.targetWritten) {
        // Nothing written: the report still says what the foreign side lacks, but the lists
        // of written entries must be empty.
        result.upserted.clear();
        result.removed.clear();
    }
    return result;
}

} // namespace tessera
