#include "OverviewLoader.h"

#include "RecordCodec.h"
#include "Search.h"
#include "VaultSession.h"
#include "common/Threads.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace tessera {

namespace {

Error entriesDamaged(const QString& what) {
    return makeError(ErrorCode::Tampered,
                     QStringLiteral("vault tampered or damaged: entries %1").arg(what));
}

// One entries row as read: its columns as the row MAC covers them.
struct RawRow {
    EntryId id;
    QByteArray columns;
    qsizetype lastAt = 0; // the overview column inside `columns` (type byte, length, sealed)
};

constexpr std::size_t ChunkRows = 256;
// Below this, a second thread costs more than it saves.
constexpr std::size_t ParallelFromRows = 2 * ChunkRows;

// Reading (SQLite, one connection, one thread) feeds chunks of rows to workers that check,
// open and decode them: the MAC, the AEAD and the decoding are most of an unlock.
class Pipeline {
public:
    Pipeline(const OpenVault& vault, const RowMacIndex& macs, const SearchQuery* keepOnly)
        : m_vault(vault)
        , m_macs(macs)
        , m_keepOnly(keepOnly)
        , m_expected(std::size_t(macs.size()))
        , m_used(new std::atomic<bool>[std::size_t(macs.size())])
        , m_chunkDone(new std::atomic<bool>[std::size_t(macs.size()) / ChunkRows + 1]) {
        const std::size_t expected = m_expected;
        for (std::size_t i = 0; i < expected; ++i)
            m_used[i] = false;
        for (std::size_t i = 0; i <= expected / ChunkRows; ++i)
            m_chunkDone[i] = false;
        m_raw.reserve(expected); // never grows past this: workers read it while it fills
    }

    // Called by the reader only; false once as many rows as MACs were read.
    bool add(RawRow row) {
        if (m_raw.size() == m_expected)
            return false;
        m_raw.push_back(std::move(row));
        if (m_raw.size() % ChunkRows == 0) {
            publish(false);
            releaseOpenedRows();
            // Reading is faster than opening: past a few waiting chunks the reader opens one
            // itself, so the raw rows held at once stay bounded (tens of MiB at 100k entries).
            while (waitingRows() > MaxWaitingChunks * ChunkRows && openNextChunk(false)) {
            }
        }
        return true;
    }
    void finishReading() { publish(true); }
    std::size_t rowsRead() const { return m_raw.size(); }

    // Checks, opens and decodes chunks until none is left; run by every thread.
    void work() {
        makeSlots();
        while (openNextChunk(true)) {
        }
    }

    // The first failure in row order, as a single-threaded pass would have reported it.
    Status firstError() const {
        const auto first =
            std::min_element(m_failures.begin(), m_failures.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        if (first == m_failures.end())
            return {};
        return first->second;
    }

    LoadedOverviews take(std::size_t rows) {
        if (!m_keepOnly)
            m_overviews.resize(rows);
        return {std::move(m_overviews), std::move(m_haystacks)};
    }

private:
    static constexpr std::size_t MaxWaitingChunks = 8;

    // The overview of every row, in row order (not in keepOnly mode). Made by the first thread
    // to need it: a worker, as a rule, while the reader reads the first rows (1.7 ms at 10k).
    void makeSlots() {
        if (!m_keepOnly)
            std::call_once(m_slotsMade, [this] { m_overviews.resize(m_expected); });
    }

    std::size_t waitingRows() {
        std::lock_guard lock(m_mutex);
        return m_published - m_taken;
    }

    // Takes the next published chunk (with `wait`, waits for one until reading is done) and
    // opens its rows; false if there was none.
    bool openNextChunk(bool wait) {
        std::size_t begin = 0;
        std::size_t end = 0;
        {
            std::unique_lock lock(m_mutex);
            if (wait)
                m_ready.wait(lock, [&] { return m_taken < m_published || m_done; });
            if (m_taken >= m_published)
                return false;
            begin = m_taken;
            end = std::min(m_published, begin + ChunkRows);
            m_taken = end;
        }
        makeSlots();
        const RowMacs macs(m_vault.keys.rowMac, Table::Entries);
        EntryOverview scratch; // keepOnly: each row is opened here, only matches are kept
        for (std::size_t i = begin; i < end; ++i) {
            EntryOverview& overview = m_keepOnly ? scratch : m_overviews[i];
            if (auto status = openRow(macs, m_raw[i], overview); !status.ok()) {
                fail(i, status.error());
            } else if (m_keepOnly) {
                QString haystack = searchText(overview);
                if (m_keepOnly->matches(overview, haystack))
                    keep(std::move(overview), std::move(haystack));
            }
        }
        m_chunkDone[begin / ChunkRows].store(true, std::memory_order_release);
        return true;
    }

    // The reader frees the rows of opened chunks itself: memory goes back to the allocator arena
    // it came from without taking another thread's arena lock (which made the threads wait).
    void releaseOpenedRows() {
        while (m_released < m_raw.size() &&
               m_chunkDone[m_released / ChunkRows].load(std::memory_order_acquire)) {
            const std::size_t end = std::min(m_raw.size(), m_released + ChunkRows);
            for (std::size_t i = m_released; i < end; ++i)
                m_raw[i] = RawRow();
            m_released = end;
        }
    }

    void keep(EntryOverview overview, QString haystack) {
        std::lock_guard lock(m_mutex);
        m_overviews.push_back(std::move(overview));
        m_haystacks.push_back(std::move(haystack));
    }

    void fail(std::size_t row, Error error) {
        std::lock_guard lock(m_mutex);
        m_failures.emplace_back(row, std::move(error));
    }

    void publish(bool done) {
        {
            std::lock_guard lock(m_mutex);
            m_published = m_raw.size();
            m_done = done;
        }
        m_ready.notify_all();
    }

    Status openRow(const RowMacs& macs, const RawRow& row, EntryOverview& overview) {
        const qsizetype at = m_macs.find(row.id);
        if (at < 0)
            return entriesDamaged(QStringLiteral("have a row without a MAC"));
        // Each MAC vouches for one row: a second row with its id is a repeated page.
        if (m_used[std::size_t(at)].exchange(true))
            return entriesDamaged(QStringLiteral("stored twice"));
        TESSERA_TRY(macs.check(row.columns, row.lastAt, m_macs.mac(at)));
        const QByteArrayView sealed =
            QByteArrayView(row.columns).sliced(std::min(row.lastAt + 9, row.columns.size()));
        auto plain = open(m_vault.keys.sealing, sealed,
                          partAd(m_vault.vaultId, m_vault.epoch, row.id, Part::Overview));
        if (!plain)
            return plain.error();
        return decodeOverviewInto(*plain, row.id, overview);
    }

    const OpenVault& m_vault;
    const RowMacIndex& m_macs;
    const SearchQuery* m_keepOnly;               // null: every overview is kept, in row order
    const std::size_t m_expected;                // rows there are MACs for: never more are taken
    std::unique_ptr<std::atomic<bool>[]> m_used; // per MAC: a row was checked against it
    std::unique_ptr<std::atomic<bool>[]> m_chunkDone; // per chunk: its rows are opened
    std::size_t m_released = 0;                       // rows before this are freed (reader)
    std::vector<RawRow> m_raw;
    std::once_flag m_slotsMade;
    std::vector<EntryOverview> m_overviews; // keepOnly: the matches, in no particular order
    std::vector<QString> m_haystacks;       // keepOnly: searchText() of each match
    std::vector<std::pair<std::size_t, Error>> m_failures; // rare: a damaged or tampered file
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::size_t m_published = 0;
    std::size_t m_taken = 0;
    bool m_done = false;
};

Status readRows(OpenVault& vault, Pipeline& pipeline) {
    // The working copy is opened without PRAGMA integrity_check, and the row count check at open
    // counts an index, not the table. So a table b-tree that shows a row twice (a leaf page
    // stored twice: each copy has a valid MAC) or lost rows is caught here: every row is checked
    // against its own row MAC, each MAC used once, as many rows as MACs: exactly the MAC'd set.
    // Found by tests/fuzz/fuzz_vault_open. The table is read in its own order, NOT INDEXED.
    QByteArray sql = QByteArray("SELECT * FROM ") + tableName(Table::Entries) + " NOT INDEXED";
    auto stmt = vault.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    const int columns = columnCount(Table::Entries);
    return stmt->forEachRow([&](const Statement& row) -> Status {
        RawRow raw;
        raw.id = row.blob(0);
        raw.columns.reserve(512);
        for (int column = 0; column < columns; ++column) {
            raw.lastAt = raw.columns.size();
            row.appendCanonical(column, raw.columns);
        }
        if (!pipeline.add(std::move(raw)))
            return entriesDamaged(QStringLiteral("have rows without MACs"));
        return {};
    });
}

} // namespace

Result<LoadedOverviews> loadOverviews(OpenVault& vault, const SearchQuery* keepOnly) {
    auto macs = takeEntryMacs(vault);
    if (!macs)
        return macs.error();
    if (macs->malformed())
        return entriesDamaged(QStringLiteral("have malformed row MACs"));
    macs->indexRanges();
    Pipeline pipeline(vault, *macs, keepOnly);
    std::vector<std::thread> workers;
    if (std::size_t(macs->size()) >= ParallelFromRows) {
        const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
        for (unsigned i = 1; i < std::min(cores, 8U); ++i)
            workers.push_back(startThread([&pipeline] { pipeline.work(); }));
    }
    const Status read = readRows(vault, pipeline);
    pipeline.finishReading();
    pipeline.work(); // the reader helps with what is left
    for (std::thread& worker : workers)
        worker.join();
    TESSERA_TRY(read);
    const std::size_t rows = pipeline.rowsRead();
    TESSERA_TRY(pipeline.firstError());
    if (rows != std::size_t(macs->size()))
        return entriesDamaged(QStringLiteral("missing"));
    return pipeline.take(rows);
}

} // namespace tessera
