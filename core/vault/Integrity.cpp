#include "Integrity.h"

#include "KeyRing.h"

#include <QSet>
#include <QtEndian>

#include <algorithm>
#include <bit>

namespace tessera {

namespace {

Error tampered(const QString& what) {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: %1").arg(what));
}

constexpr std::size_t VersionEntryBytes = 16 + 8;

} // namespace

QByteArray encodeVersions(const VersionVector& versions) {
    QByteArray out;
    for (const auto& [device, hlc] : versions) {
        out.append(device);
        out.append(u64le(hlc));
    }
    return out;
}

Result<VersionVector> decodeVersions(QByteArrayView bytes) {
    if (bytes.size() % qsizetype(VersionEntryBytes) != 0)
        return tampered(QStringLiteral("malformed version vector"));
    VersionVector versions;
    QByteArray previous;
    for (qsizetype at = 0; at < bytes.size(); at += qsizetype(VersionEntryBytes)) {
        const QByteArray device = bytes.sliced(at, 16).toByteArray();
        quint64 hlc = 0;
        for (int i = 0; i < 8; ++i)
            hlc |= quint64(quint8(bytes[at + 16 + i])) << (8 * i);
        if (!previous.isEmpty() && device <= previous)
            return tampered(QStringLiteral("malformed version vector"));
        previous = device;
        versions[device] = hlc;
    }
    return versions;
}

VersionVector mergedVersions(const VersionVector& a, const VersionVector& b) {
    VersionVector out = a;
    for (const auto& [device, hlc] : b)
        out[device] = std::max(out[device], hlc);
    return out;
}

bool isBehind(const VersionVector& file, const VersionVector& known) {
    bool lacksSomething = false;
    for (const auto& [device, hlc] : known) {
        const auto it = file.find(device);
        if (it == file.end() || it->second < hlc)
            lacksSomething = true;
    }
    if (!lacksSomething)
        return false;
    // A file with edits this device has not seen is a concurrent replica (a conflict copy, a
    // device that has not synced yet), not an old version: merging it is the normal case.
    for (const auto& [device, hlc] : file) {
        const auto it = known.find(device);
        if (it == known.end() || it->second < hlc)
            return false;
    }
    return true;
}

QByteArray selectWithMac(Table table, const char* where) {
    QByteArray sql = "SELECT t.*, m.mac FROM ";
    sql += tableName(table);
    sql += " AS t LEFT JOIN row_macs AS m ON m.tbl = " + QByteArray::number(int(table)) +
           " AND m.id = t.";
    sql += keyColumn(table);
    if (where) {
        sql += " WHERE ";
        sql += where;
    }
    return sql;
}

RowMacs::RowMacs(const RowMacKey& rowMacKey, Table table)
    : m_table(table)
    , m_sealedByTag(table == Table::Entries && rowMacKey.format >= 2)
    , m_base(rowMacKey.key) {
    m_base.addField(QByteArrayView(tableName(table)));
    m_columns.reserve(1024);
}

qsizetype RowMacs::canonicalColumns(const Statement& row) {
    m_columns.resize(0); // keeps the capacity (clear() would free it)
    qsizetype lastAt = 0;
    for (int column = 0; column < columnCount(m_table); ++column) {
        lastAt = m_columns.size();
        row.appendCanonical(column, m_columns);
    }
    return lastAt;
}

QByteArray RowMacs::of(const Statement& row) {
    const qsizetype lastAt = canonicalColumns(row);
    return ofColumns(m_columns, lastAt);
}

QByteArray RowMacs::ofColumns(QByteArrayView columns, qsizetype lastAt) const {
    Mac m(m_base); // the keyed state after the table name: no key block to compress again
    // Format 2: a sealed overview (a blob of at least nonce and tag) counts by its type, length,
    // nonce and tag. The tag authenticates the ciphertext under the sealing key and every reader
    // opens the overview before using it, so a changed ciphertext is refused there; the MAC pins
    // which sealing belongs in this file. Unlock hashes one BLAKE2b block per entry, not three or
    // four.
    constexpr qsizetype Head = 1 + 8; // type byte and u64 length (Statement::appendCanonical)
    constexpr char BlobType = 4;      // SQLITE_BLOB
    constexpr auto Nonce = qsizetype(NonceBytes);
    constexpr auto Tag = qsizetype(AeadTagBytes);
    if (m_sealedByTag && lastAt >= 0 && lastAt < columns.size() && columns[lastAt] == BlobType &&
        columns.size() - lastAt >= Head + Nonce + Tag) {
        m.add(columns.first(lastAt + Head + Nonce));
        m.add(columns.last(Tag));
    } else {
        m.add(columns);
    }
    return m.finish();
}

Status RowMacs::check(const Statement& row) {
    const int macColumn = columnCount(m_table);
    const qsizetype lastAt = canonicalColumns(row);
    return check(m_columns, lastAt,
                 row.isNull(macColumn) ? std::nullopt : std::optional(row.blobView(macColumn)));
}

Status RowMacs::check(QByteArrayView columns, qsizetype lastAt,
                      std::optional<QByteArrayView> stored) const {
    if (!stored)
        return tampered(
            QStringLiteral("a %1 row has no MAC").arg(QLatin1String(tableName(m_table))));
    if (!constantTimeEqual(ofColumns(columns, lastAt), *stored))
        return tampered(QStringLiteral("a %1 row does not match its MAC")
                            .arg(QLatin1String(tableName(m_table))));
    return {};
}

void RowMacIndex::add(const Statement& row, int idColumn, int macColumn) {
    const QByteArrayView id = row.blobView(idColumn);
    const QByteArrayView mac = row.blobView(macColumn);
    if (id.size() != IdBytes || mac.size() != MacBytes || row.isNull(idColumn)) {
        m_malformed = true;
        return;
    }
    m_records.append(id);
    m_records.append(mac);
}

void RowMacIndex::indexRanges() {
    const qsizetype count = size();
    const int bits = std::clamp(int(std::bit_width(quint64(count))), 1, 20);
    m_rangeShift = 64 - bits;
    m_rangeStart.assign((std::size_t(1) << bits) + 1, 0);
    std::size_t next = 0; // the first range whose start is not set yet
    for (qsizetype at = 0; at < count; ++at) {
        const quint64 range =
            qFromBigEndian<quint64>(m_records.constData() + at * RecordBytes) >> m_rangeShift;
        while (next <= range)
            m_rangeStart[next++] = quint32(at);
    }
    while (next < m_rangeStart.size())
        m_rangeStart[next++] = quint32(count);
}

qsizetype RowMacIndex::find(QByteArrayView id) const {
    if (id.size() != IdBytes)
        return -1;
    // The ids are sorted as SQLite sorts blobs (memcmp): as two big-endian 64-bit numbers.
    const auto halves = [](const char* bytes) {
        return std::pair(qFromBigEndian<quint64>(bytes), qFromBigEndian<quint64>(bytes + 8));
    };
    const auto wanted = halves(id.data());
    qsizetype low = 0;
    qsizetype high = size();
    if (!m_rangeStart.empty()) {
        const std::size_t range = std::size_t(wanted.first >> m_rangeShift);
        low = m_rangeStart[range];
        high = m_rangeStart[range + 1];
    }
    while (low < high) {
        const qsizetype middle = low + (high - low) / 2;
        const auto here = halves(m_records.constData() + middle * RecordBytes);
        if (here == wanted)
            return middle;
        if (here < wanted)
            low = middle + 1;
        else
            high = middle;
    }
    return -1;
}

Result<RowMacIndex> readRowMacs(Database& db, Table table) {
    auto stmt = db.prepare("SELECT id, mac FROM row_macs WHERE tbl = ? ORDER BY id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, qint64(table));
    RowMacIndex index;
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        index.add(row, 0, 1);
        return {};
    }));
    return index;
}

Status checkRow(const RowMacKey& rowMacKey, Table table, const Statement& row) {
    return RowMacs(rowMacKey, table).check(row);
}

void bindKey(Statement& stmt, int index, const RowKey& key) {
    if (const auto* number = std::get_if<qint64>(&key))
        stmt.bind(index, *number);
    else if (const auto* text = std::get_if<QString>(&key))
        stmt.bindText(index, *text);
    else
        stmt.bind(index, std::get<QByteArray>(key));
}

Status updateRowMac(Database& db, const RowMacKey& rowMacKey, Table table, const RowKey& key) {
    QByteArray sql =
        QByteArray("SELECT * FROM ") + tableName(table) + " WHERE " + keyColumn(table) + " = ?";
    auto select = db.prepare(sql.constData());
    if (!select)
        return select.error();
    bindKey(*select, 1, key);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, QStringLiteral("row to authenticate is missing"));
    const QByteArray rowMac = RowMacs(rowMacKey, table).of(*select);
    auto insert = db.prepare("INSERT OR REPLACE INTO row_macs (tbl, id, mac) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, qint64(table));
    bindKey(*insert, 2, key);
    insert->bind(3, rowMac);
    return insert->run();
}

Status removeRowMac(Database& db, Table table, const RowKey& key) {
    auto stmt = db.prepare("DELETE FROM row_macs WHERE tbl = ? AND id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, qint64(table));
    bindKey(*stmt, 2, key);
    return stmt->run();
}

Status verifyAllRows(Database& db, const RowMacKey& rowMacKey) {
    // Every row of each TABLE b-tree (NOT INDEXED), and then exactly the rows row_macs lists: no
    // key twice, as many rows as MACs. The row counts of verifyManifest come from an index, and a
    // merge input gets no index-to-table cross check (quick_check), so a stale or repeated page
    // of a table (each row on it with a valid MAC, e.g. from an older version of the file) would
    // otherwise hide rows or show some twice. Found by tests/fuzz/fuzz_pages.
    for (Table table : AllTables) {
        const QByteArray sql = QByteArray("SELECT t.*, m.mac FROM ") + tableName(table) +
                               " AS t NOT INDEXED LEFT JOIN row_macs AS m ON m.tbl = " +
                               QByteArray::number(int(table)) + " AND m.id = t." + keyColumn(table);
        auto stmt = db.prepare(sql.constData());
        if (!stmt)
            return stmt.error();
        RowMacs macs(rowMacKey, table);
        QSet<QByteArray> keys;
        QByteArray key;
        TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
            TESSERA_TRY(macs.check(row));
            key.resize(0);
            row.appendCanonical(0, key); // the key column comes first in every table
            if (keys.contains(key))
                return tampered(QStringLiteral("a %1 row is stored twice")
                                    .arg(QLatin1String(tableName(table))));
            keys.insert(key);
            return {};
        }));
        const QByteArray count =
            "SELECT count(*) FROM row_macs WHERE tbl = " + QByteArray::number(int(table));
        auto macCount = db.queryInt(count.constData());
        if (!macCount)
            return macCount.error();
        if (*macCount != keys.size())
            return tampered(
                QStringLiteral("rows of %1 are missing").arg(QLatin1String(tableName(table))));
    }
    return {};
}

} // namespace tessera
