#include "FuzzVault.h"

#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "vault/Integrity.h"
#include "vault/KeyRing.h"
#include "vault/OverviewLoader.h"
#include "vault/RecordCodec.h"
#include "vault/Schema.h"

#include <QFile>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace tessera::fuzz {

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr int EntryCount = 12;
constexpr qsizetype PageBytes = 4096;

void quietHandler(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

template <typename T> T take(Result<T> result, const char* what) {
    if (!result)
        fail(what, result.error().message);
    return std::move(*result);
}

void check(const Status& status, const char* what) {
    if (!status.ok())
        fail(what, status.error().message);
}

EntryChanges change(std::optional<QString> title, const char* password, const char* notes) {
    EntryChanges c;
    c.title = std::move(title);
    if (password)
        c.password = test::secret(password);
    if (notes)
        c.notes = test::secret(notes);
    return c;
}

// The edits between two versions: what users do to a vault.
void editForVersion(Vault& vault, int version, const std::vector<EntryId>& ids) {
    switch (version) {
    case 1:
        check(
            vault.edit(ids[0], change(QStringLiteral("GitHub (renamed)"), "v1 password", nullptr)),
            "edit");
        check(vault.edit(ids[2], change(std::nullopt, nullptr, "v1 notes")), "edit");
        check(vault.attach(ids[4], QStringLiteral("a.txt"), test::secret("second version")).ok()
                  ? Status()
                  : Status(makeError(ErrorCode::Io, QStringLiteral("attach"))),
              "attach");
        check(vault.purge(ids[5]), "purge");
        check(vault.trash(ids[6]), "trash");
        check(vault.rename(QStringLiteral("Renamed in v1")), "rename");
        break;
    case 2: {
        auto added = test::addSampleEntries(vault, 2, EntryCount);
        check(added ? Status() : Status(added.error()), "add");
        check(vault.detach(ids[8], QStringLiteral("b.txt")), "detach");
        check(vault.restore(ids[6]), "restore");
        EntryChanges field;
        field.fields.push_back(
            {QStringLiteral("Recovery code"), test::secret("v2-recovery"), true});
        check(vault.edit(ids[7], std::move(field)), "edit field");
        break;
    }
    default:
        check(vault.edit(ids[9], change(std::nullopt, "v3 password", "v3 notes")), "edit");
        check(vault.purge(ids[10]), "purge");
        break;
    }
}

} // namespace

void initialize() {
    qInstallMessageHandler(quietHandler);
    if (!initializeCrypto().ok())
        fail("libsodium does not initialise");
}

SecureBuffer secureInput(const std::uint8_t* data, std::size_t size) {
    return SecureBuffer::copyOf(data, size);
}

void fail(const char* what, const QString& detail) {
    std::fprintf(stderr, "FUZZ ORACLE: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 qPrintable(detail));
    std::abort();
}

QString firstDifference(const QByteArray& got, const QByteArray& expected) {
    qsizetype at = 0;
    while (at < got.size() && at < expected.size() && got[at] == expected[at])
        ++at;
    const qsizetype from = std::max<qsizetype>(0, at - 48);
    return QStringLiteral("sizes %1/%2, first difference at %3\n  got:      %4\n  expected: %5")
        .arg(got.size())
        .arg(expected.size())
        .arg(at)
        .arg(QString::fromLatin1(got.mid(from, 96).toPercentEncoding()),
             QString::fromLatin1(expected.mid(from, 96).toPercentEncoding()));
}

bool isRefusal(ErrorCode code) {
    switch (code) {
    case ErrorCode::Damaged:
    case ErrorCode::Tampered:
    case ErrorCode::WrongPassword:
    case ErrorCode::NotAVault:
    case ErrorCode::NewerVersion:
    case ErrorCode::Io: // the machine's own trouble (a full disk), never a silent success
        return true;
    default:
        return false;
    }
}

const char* codeName(ErrorCode code) {
    return test::codeName(code);
}

VaultVersions::VaultVersions(int versionCount)
    : m_box(std::make_unique<test::VaultSandbox>()) {
    if (!m_box->isValid() || versionCount < 1 || versionCount > 4)
        fail("cannot make the scratch folder");
    auto vault = take(m_box->create(), "create");
    const auto ids = take(test::addSampleEntries(*vault, EntryCount), "add");
    check(vault->attach(ids[4], QStringLiteral("a.txt"), test::secret("first version")).ok()
              ? Status()
              : Status(makeError(ErrorCode::Io, QStringLiteral("attach"))),
          "attach");
    check(vault->attach(ids[8], QStringLiteral("b.txt"), test::secret("kept")).ok()
              ? Status()
              : Status(makeError(ErrorCode::Io, QStringLiteral("attach"))),
          "attach");
    for (int version = 0; version < versionCount; ++version) {
        if (version > 0) {
            m_box->clock().advance(Hour);
            editForVersion(*vault, version, ids);
        }
        check(vault->publish(), "publish");
        m_files.push_back(test::readFile(m_box->vaultPath()));
    }
    vault->lock();
    m_nowMs = m_box->clock().nowMs();

    m_header =
        take(Header::parse(QByteArrayView(m_files[0]).first(qsizetype(HeaderBytes))), "header");
    m_master =
        take(deriveMasterKeys(test::secret(test::VaultSandbox::MasterPassword), m_header, nullptr),
             "derive keys");
    for (const QByteArray& file : m_files) {
        if (file.left(qsizetype(HeaderBytes)) != m_header.bytes())
            fail("the versions do not share one header");
        const QString path = scratch(QStringLiteral("version.tessera"));
        if (!writeBytes(path, file))
            fail("cannot write a version");
        const OpenOutcome opened = openVaultAt(path, m_master, Trust::Foreign);
        if (!opened.ok)
            fail("a real version does not open", opened.message);
        m_rows.push_back(opened.rows);
        const OpenOutcome own = openVaultAt(path, m_master, Trust::Own);
        if (!own.ok)
            fail("a real version does not open as a working copy", own.message);
        m_sessionRows.push_back(own.rows);
        QByteArray plain = decryptPages(file, m_master.databaseKey, m_header.bytes());
        // The page codec must reproduce what SQLCipher accepts, or every input would only test
        // the page HMAC.
        if (!writeBytes(path, encryptPages(plain, m_master.databaseKey, m_header.bytes())))
            fail("cannot write a version");
        const OpenOutcome again = openVaultAt(path, m_master, Trust::Foreign);
        if (plain.isEmpty() || !again.ok || again.rows != opened.rows)
            fail("decrypting and encrypting a real version does not give it back", again.message);
        m_plain.push_back(std::move(plain));
    }
}

VaultVersions::~VaultVersions() = default;

QString VaultVersions::scratch(const QString& name) const {
    return m_box->path(name);
}

Result<QByteArray> dumpRows(OpenVault& vault) {
    // NOT INDEXED: the rows as the tables hold them. Through an index SQLite reads the indexed
    // columns from the index, which in a damaged file may disagree with the table (Tessera's own
    // reads catch that with the row MACs, which cover every column read).
    static constexpr const char* Queries[] = {
        "SELECT * FROM meta NOT INDEXED",       "SELECT * FROM keyring NOT INDEXED",
        "SELECT * FROM epochs NOT INDEXED",     "SELECT * FROM entries NOT INDEXED",
        "SELECT * FROM details NOT INDEXED",    "SELECT * FROM attachments NOT INDEXED",
        "SELECT * FROM tombstones NOT INDEXED", "SELECT * FROM row_macs NOT INDEXED",
        "SELECT * FROM manifest NOT INDEXED",
    };
    QByteArray out;
    for (const char* sql : Queries) {
        auto stmt = vault.db.prepare(sql);
        if (!stmt)
            return stmt.error();
        std::vector<QByteArray> rows;
        TESSERA_TRY(stmt->forEachRow([&rows](const Statement& row) -> Status {
            QByteArray canonical;
            for (int column = 0; column < row.columnCount(); ++column)
                row.appendCanonical(column, canonical);
            rows.push_back(std::move(canonical));
            return {};
        }));
        // Sorted: the order of a table scan follows rowids, which are not content.
        std::sort(rows.begin(), rows.end());
        out.append(sql);
        for (const QByteArray& row : rows)
            out.append('\n').append(row);
        out.append('\n');
    }
    return out;
}

Result<QByteArray> sessionView(OpenVault& vault) {
    auto loaded = loadOverviews(vault);
    if (!loaded)
        return loaded.error();
    std::vector<EntryOverview>& overviews = loaded->overviews;
    std::sort(overviews.begin(), overviews.end(),
              [](const EntryOverview& a, const EntryOverview& b) { return a.id < b.id; });
    const QByteArray sql = selectWithMac(Table::Details, "t.id = ?");
    auto details = vault.db.prepare(sql.constData());
    if (!details)
        return details.error();
    QByteArray out;
    const auto append = [&out](const SecureBuffer& bytes) {
        out.append(QByteArray::number(qulonglong(bytes.size()))).append(':');
        out.append(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
    };
    for (const EntryOverview& overview : overviews) {
        out.append(overview.id);
        append(encodeOverview(overview));
        details->reset();
        details->bind(1, overview.id);
        auto row = details->step();
        if (!row)
            return row.error();
        if (!*row)
            return makeError(ErrorCode::Tampered, QStringLiteral("details missing"));
        TESSERA_TRY(checkRow(vault.keys.rowMac, Table::Details, *details));
        auto plain = open(vault.keys.sealing, details->blobView(1),
                          partAd(vault.vaultId, vault.epoch, overview.id, Part::Details));
        if (!plain)
            return plain.error();
        auto decoded = decodeDetails(*plain);
        if (!decoded)
            return decoded.error();
        append(encodeDetails(*decoded));
    }
    return out;
}

OpenOutcome openVaultAt(const QString& path, const MasterKeys& master, Trust trust) {
    OpenOutcome outcome;
    auto refused = [&outcome](const Error& error) {
        outcome.code = error.code;
        outcome.message = error.message;
        return outcome;
    };
    auto header = inspectFile(path);
    if (!header)
        return refused(header.error());
    auto file = openVaultFile(path, *header, master, trust);
    if (!file)
        return refused(file.error());
    if (trust == Trust::Own) {
        if (Status all = openEveryRecord(*file); !all.ok())
            return refused(all.error());
    }
    if (auto name = openName(*file); !name)
        return refused(name.error());
    if (auto stamp = readNameStamp(*file); !stamp)
        return refused(stamp.error());
    auto rows = trust == Trust::Own ? sessionView(*file) : dumpRows(*file);
    if (!rows)
        return refused(rows.error());
    outcome.ok = true;
    outcome.rows = std::move(*rows);
    return outcome;
}

// The edit format, read front to back until the input ends:
//   u8 page, u16le offset, u8 length, length bytes: those bytes written at that offset of that
//   page (page and offset taken modulo the file, clipped at its end);
//   page 0xff is a structural edit instead: offset bit 0 drops the last page, bit 1 appends a
//   copy of page `length` (modulo the page count), bit 2 appends a zero page.
QByteArray applyEdits(QByteArray plain, const std::uint8_t* data, std::size_t size) {
    std::size_t at = 0;
    while (at + 4 <= size && !plain.isEmpty()) {
        const int page = data[at];
        const int offset = data[at + 1] | data[at + 2] << 8;
        const std::size_t length = data[at + 3];
        at += 4;
        const qsizetype pages = plain.size() / PageBytes;
        if (page == 0xff) {
            if (offset & 1 && pages > 1)
                plain.chop(PageBytes);
            if (offset & 2 && pages < MaxPages)
                plain.append(
                    plain.mid(qsizetype(length % std::size_t(pages)) * PageBytes, PageBytes));
            if (offset & 4 && plain.size() / PageBytes < MaxPages)
                plain.append(QByteArray(PageBytes, '\0'));
            continue;
        }
        const std::size_t count = std::min(length, size - at);
        const qsizetype start = qsizetype(page % pages) * PageBytes + offset % PageBytes;
        for (std::size_t i = 0; i < count && start + qsizetype(i) < plain.size(); ++i)
            plain[start + qsizetype(i)] = char(data[at + i]);
        at += count;
    }
    return plain;
}

bool writeBytes(const QString& path, const QByteArray& bytes) {
    // A journal or WAL left by the previous input (a file in WAL mode opened read-write) must not
    // carry over into this one.
    for (const char* sidecar : {"-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(sidecar));
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

} // namespace tessera::fuzz
