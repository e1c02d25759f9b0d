// The manifest (core/FORMAT.md "Integrity"): one keyed MAC over the version vector and every row
// MAC, checked on every open. At 100k entries row_macs holds 200k rows, so the check reads them
// on two connections and cores. In format 2 the row MACs come in two parts with a MAC each, so
// that each core also hashes its own part; format 1 hashes them all in one pass.

#include "Integrity.h"
#include "common/Threads.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace tessera {

namespace {

Error tampered(const QString& what) {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: %1").arg(what));
}

// Row MACs per table code (index 0: codes outside 1..7), counted while the MAC is computed.
using MacCounts = std::array<qint64, std::size(AllTables) + 1>;

// The manifest's input for the row_macs rows `where` selects, in (tbl, id) order: per row
// u64 tbl ‖ field(canonical id) ‖ mac, handed to `sink` as one piece; counted per table.
template <typename Sink>
Status scanRowMacs(Database& db, const char* where, MacCounts& counts, RowMacIndex* entryMacs,
                   Sink&& sink) {
    const QByteArray sql =
        QByteArray("SELECT tbl, id, mac FROM row_macs WHERE ") + where + " ORDER BY tbl, id";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QByteArray bytes; // reused: resize keeps the capacity
    bytes.reserve(128);
    const auto putU64 = [&bytes](qsizetype at, quint64 value) {
        for (int i = 0; i < 8; ++i)
            bytes[at + i] = char(value >> (8 * i));
    };
    return stmt->forEachRow([&](const Statement& row) -> Status {
        const qint64 table = row.int64(0);
        ++counts[table >= 1 && table <= qint64(std::size(AllTables)) ? std::size_t(table) : 0];
        if (entryMacs && table == qint64(Table::Entries))
            entryMacs->add(row, 1, 2);
        bytes.resize(16);
        row.appendCanonical(1, bytes);
        putU64(0, quint64(table));
        putU64(8, quint64(bytes.size() - 16));
        bytes.append(row.blobView(2));
        sink(QByteArrayView(bytes));
        return {};
    });
}

Mac manifestPrefix(const Key& manifestKey, const ManifestBinding& binding,
                   QByteArrayView versions) {
    Mac m(manifestKey);
    m.add(QByteArrayView(binding.format >= 2 ? "tessera-manifest-v2" : "tessera-manifest-v1"));
    m.add(binding.vaultId);
    m.add(binding.header);
    m.addU64(binding.epoch);
    m.addField(versions);
    m.add(schemaHash());
    m.addU64(quint64(binding.format));
    return m;
}

// Format 2's two parts of row_macs: the tables before details (meta, keyring, epochs, entries),
// then the rest (details on, and any table code that is not a number: SQLite orders numbers
// before text before blobs). About half the rows each.
constexpr int PartTwoFrom = int(Table::Details);

QByteArray partWhere(int part) {
    return QByteArray(part == 0 ? "tbl < " : "tbl >= ") + QByteArray::number(PartTwoFrom);
}

// The MAC of one part's manifest input, with the row MACs per table code.
struct PartScan {
    Status status;
    MacCounts counts{};
    QByteArray mac;
};

PartScan scanPart(Database& db, const Key& manifestKey, int part, RowMacIndex* entryMacs) {
    Mac m(manifestKey);
    m.add(QByteArrayView("tessera-manifest-part"));
    m.addU64(quint64(part));
    PartScan scan;
    scan.status = scanRowMacs(db, partWhere(part).constData(), scan.counts, entryMacs,
                              [&m](QByteArrayView bytes) { m.add(bytes); });
    if (scan.status.ok())
        scan.mac = m.finish();
    return scan;
}

Result<QByteArray> manifestMac(Database& db, const Key& manifestKey, const ManifestBinding& binding,
                               QByteArrayView versions) {
    Mac m = manifestPrefix(manifestKey, binding, versions);
    if (binding.format < 2) {
        MacCounts counts{};
        TESSERA_TRY(scanRowMacs(db, "1", counts, nullptr, [&m](QByteArrayView b) { m.add(b); }));
        return m.finish();
    }
    for (int part : {0, 1}) {
        PartScan scan = scanPart(db, manifestKey, part, nullptr);
        TESSERA_TRY(scan.status);
        m.add(scan.mac);
    }
    return m.finish();
}

// Rows per table as the file's b-trees count them (from an index where there is one), for the
// tables with codes from..to.
Result<MacCounts> countRows(Database& db, int from = 1, int to = int(std::size(AllTables))) {
    MacCounts rows{};
    for (Table table : AllTables) {
        if (int(table) < from || int(table) > to)
            continue;
        const QByteArray sql = QByteArray("SELECT count(*) FROM ") + tableName(table);
        auto count = db.queryInt(sql.constData());
        if (!count)
            return count.error();
        rows[std::size_t(table)] = *count;
    }
    return rows;
}

// What a second connection computes while the first reads and hashes the start of row_macs: the
// manifest input of the rest (SecondHalf: about half the rows), handed over in pieces as it is
// read so that the first thread hashes them meanwhile, then the row counts (while the first thread
// is still hashing). The row_macs pass is most of an unlock's fixed cost; this runs it on two
// cores.
class HelperScan {
public:
    void run(Database& helper, bool collectEntryMacs) {
        QByteArray piece;
        status = scanRowMacs(helper, SecondHalf, macCounts, collectEntryMacs ? &entryMacs : nullptr,
                             [&](QByteArrayView row) {
                                 piece.append(row);
                                 if (piece.size() >= PieceBytes)
                                     hand(std::exchange(piece, QByteArray()), false);
                             });
        hand(std::move(piece), true);
        if (status.ok())
            rowCounts = countRows(helper);
    }

    // In the first thread: every piece, in order, to `hash` as it arrives.
    template <typename Hash> void drain(Hash&& hash) {
        for (;;) {
            QByteArray piece;
            bool last = false;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return !m_pieces.empty() || m_done; });
                if (m_pieces.empty())
                    return;
                piece = std::move(m_pieces.front());
                m_pieces.pop_front();
                last = m_done && m_pieces.empty();
            }
            hash(QByteArrayView(piece));
            if (last)
                return;
        }
    }

    Status status;
    MacCounts macCounts{};
    RowMacIndex entryMacs; // the entries at the start of the second half
    Result<MacCounts> rowCounts = MacCounts{};

    // Complementary ranges of the key, for every value its columns can hold (SQLite orders numbers
    // before text before blobs, so a text table code lands in the second). The first thread also
    // hashes everything, so it reads a little less: the entries below id D8.. (84% of the rows of
    // meta, keyring, epochs and entries); the second the rest, details, attachments, tombstones.
    static constexpr const char* FirstHalf = "(tbl, id) < (4, x'D8')";
    static constexpr const char* SecondHalf = "(tbl, id) >= (4, x'D8')";

private:
    static constexpr qsizetype PieceBytes = 256 * 1024;

    void hand(QByteArray piece, bool last) {
        {
            std::lock_guard lock(m_mutex);
            m_pieces.push_back(std::move(piece));
            m_done = last;
        }
        m_ready.notify_one();
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<QByteArray> m_pieces;
    bool m_done = false;
};

// A deferred read transaction: the shared lock is taken at the first read and held to the end.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db)
        : m_db(db) {}
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot() {
        if (m_open)
            (void)m_db.exec("ROLLBACK"); // it wrote nothing
    }
    Status begin() {
        TESSERA_TRY(m_db.exec("BEGIN"));
        m_open = true;
        return {};
    }

private:
    Database& m_db;
    bool m_open = false;
};

// What one pass over row_macs gives (the counts need no second read of the table: at 100k
// entries it holds 200k rows): the manifest MAC of the file as it is, the row MACs per table code
// and the rows per table.
struct Pass {
    Status status;
    QByteArray mac;
    MacCounts macCounts{};
    Result<MacCounts> rowCounts = MacCounts{};
};

// Format 1: one MAC over every row MAC. A helper reads the second half and hands it over in
// pieces; this thread hashes them after its own half.
Pass formatOnePass(Database& db, Mac m, RowMacIndex* entryMacs, Database* helper) {
    Pass pass;
    HelperScan second;
    std::thread helperThread;
    if (helper)
        helperThread = startThread(
            [&second, helper, entryMacs] { second.run(*helper, entryMacs != nullptr); });
    const auto hash = [&m](QByteArrayView bytes) { m.add(bytes); };
    pass.status =
        scanRowMacs(db, helper ? HelperScan::FirstHalf : "1", pass.macCounts, entryMacs, hash);
    if (helper) {
        second.drain(hash); // waits for the second half's pieces, in order
        helperThread.join();
        if (pass.status.ok())
            pass.status = second.status;
        for (std::size_t i = 0; i < pass.macCounts.size(); ++i)
            pass.macCounts[i] += second.macCounts[i];
        if (entryMacs)
            entryMacs->append(second.entryMacs); // ids above the first half's: still sorted
        pass.rowCounts = second.rowCounts;
    } else if (pass.status.ok()) {
        pass.rowCounts = countRows(db);
    }
    pass.mac = m.finish();
    return pass;
}

// Format 2: a MAC per part, each computed by the thread that reads the part, and the rows of its
// tables counted there too; the manifest MAC is over the two.
Pass formatTwoPass(Database& db, const Key& manifestKey, Mac m, RowMacIndex* entryMacs,
                   Database* helper) {
    PartScan parts[2];
    Result<MacCounts> counts[2] = {MacCounts{}, MacCounts{}};
    const auto runPart = [&](Database& on, int part) {
        parts[part] = scanPart(on, manifestKey, part, part == 0 ? entryMacs : nullptr);
        if (parts[part].status.ok())
            counts[part] =
                part == 0 ? countRows(on, 1, PartTwoFrom - 1) : countRows(on, PartTwoFrom);
    };
    std::thread helperThread;
    if (helper)
        helperThread = startThread([&runPart, helper] { runPart(*helper, 1); });
    runPart(db, 0);
    if (helper)
        helperThread.join();
    else
        runPart(db, 1);
    Pass pass;
    pass.status = parts[0].status.ok() ? parts[1].status : parts[0].status;
    for (int part : {0, 1}) {
        for (std::size_t i = 0; i < pass.macCounts.size(); ++i)
            pass.macCounts[i] += parts[part].counts[i];
        if (!counts[part])
            pass.rowCounts = counts[part].error();
        else if (pass.rowCounts)
            for (std::size_t i = 0; i < pass.rowCounts->size(); ++i)
                (*pass.rowCounts)[i] += (*counts[part])[i];
        m.add(parts[part].mac);
    }
    pass.mac = m.finish();
    return pass;
}

} // namespace

Status writeManifest(Database& db, const Key& manifestKey, const ManifestBinding& binding,
                     const VersionVector& versions) {
    const QByteArray encoded = encodeVersions(versions);
    auto mac = manifestMac(db, manifestKey, binding, encoded);
    if (!mac)
        return mac.error();
    auto stmt = db.prepare("INSERT OR REPLACE INTO manifest (id, versions, mac) VALUES (1, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, encoded).bind(2, *mac);
    return stmt->run();
}

Result<VersionVector> verifyManifest(Database& db, const Key& manifestKey,
                                     const ManifestBinding& binding, RowMacIndex* entryMacs,
                                     Database* helper) {
    // With a helper connection, both read one snapshot: this one holds a read transaction (a
    // shared lock: no writer can commit) from the manifest row until the helper is done.
    // (A read-only connection here is a private immutable copy: nothing writes it.)
    ReadSnapshot snapshot(db);
    if (helper && !db.isReadOnly())
        TESSERA_TRY(snapshot.begin());
    auto stmt = db.prepare("SELECT versions, mac FROM manifest WHERE id = 1");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    const bool haveManifest = *row;
    const QByteArray versions = haveManifest ? stmt->blob(0) : QByteArray();
    const QByteArray stored = haveManifest ? stmt->blob(1) : QByteArray();

    Pass pass =
        binding.format >= 2
            ? formatTwoPass(db, manifestKey, manifestPrefix(manifestKey, binding, versions),
                            entryMacs, helper)
            : formatOnePass(db, manifestPrefix(manifestKey, binding, versions), entryMacs, helper);
    TESSERA_TRY(pass.status);
    Result<MacCounts>& rowCounts = pass.rowCounts;
    const MacCounts& macCounts = pass.macCounts;
    if (!rowCounts)
        return rowCounts.error();
    for (Table table : AllTables)
        if ((*rowCounts)[std::size_t(table)] != macCounts[std::size_t(table)])
            return tampered(QStringLiteral("rows of %1 were added or removed")
                                .arg(QLatin1String(tableName(table))));
    if (macCounts[0] != 0)
        return tampered(QStringLiteral("unknown row MACs"));
    if (!haveManifest)
        return tampered(QStringLiteral("the manifest is missing"));
    if (!constantTimeEqual(pass.mac, stored))
        return tampered(QStringLiteral("the manifest does not match the file"));
    return decodeVersions(versions);
}

} // namespace tessera
