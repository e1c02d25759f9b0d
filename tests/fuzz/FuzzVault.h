#pragma once
// Shared by the fuzz targets (tests/fuzz/README.md): start-up, and real vault files built ONCE per
// process with the minimum KDF, their master keys derived once and reused for every input, so
// each input exercises the whole open path below the KDF (SQLCipher, schema, integrity check,
// manifest, row MACs, sealed records) and nothing else is slow.

#include "PageCodec.h"

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/VaultFile.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tessera::test {
class VaultSandbox;
}

namespace tessera::fuzz {

// Once per process, from LLVMFuzzerInitialize: libsodium, and Qt's debug/info/warning output
// silenced (critical and fatal messages stay).
void initialize();

// The input as the core receives user data: in secure memory.
SecureBuffer secureInput(const std::uint8_t* data, std::size_t size);

// Prints what went wrong and aborts, so libFuzzer keeps the input as a crash.
[[noreturn]] void fail(const char* what, const QString& detail = {});

// Where two byte strings (row dumps) part, with some context, for a failure message.
QString firstDifference(const QByteArray& got, const QByteArray& expected);

// What a damaged or hostile vault file may be answered with (anything else is a misclassified
// error or a bug): Damaged, Tampered, WrongPassword (page 1 and its checks damaged), NotAVault,
// NewerVersion (a schema version above ours under the right key), Io (the machine's own
// trouble: a long run once saw SQLITE_FULL that no replay reproduced).
bool isRefusal(ErrorCode code);
const char* codeName(ErrorCode code);

// One vault published in several versions without re-keying (same header, same keys), as a user
// makes them: entries added, edited, trashed, purged, attachments replaced, the vault renamed.
class VaultVersions {
public:
    // Builds versionCount versions (1..4); aborts if anything fails.
    explicit VaultVersions(int versionCount);
    ~VaultVersions();
    VaultVersions(const VaultVersions&) = delete;
    VaultVersions& operator=(const VaultVersions&) = delete;

    int count() const { return int(m_files.size()); }
    const QByteArray& file(int version) const { return m_files[std::size_t(version)]; }
    // The same file decrypted page by page (PageCodec.h).
    const QByteArray& plaintext(int version) const { return m_plain[std::size_t(version)]; }
    // Every row of every table, canonically (dumpRows), for comparing what a file opened to.
    const QByteArray& rows(int version) const { return m_rows[std::size_t(version)]; }
    // What a session reads from it as its working copy (sessionView).
    const QByteArray& sessionRows(int version) const { return m_sessionRows[std::size_t(version)]; }
    const Header& header() const { return m_header; }
    const MasterKeys& master() const { return m_master; }
    // A path in this process's private scratch folder.
    QString scratch(const QString& name) const;
    // The fixed "now" of the vault's clock, for merge stamp limits.
    qint64 nowMs() const { return m_nowMs; }

private:
    std::unique_ptr<test::VaultSandbox> m_box;
    std::vector<QByteArray> m_files, m_plain, m_rows, m_sessionRows;
    Header m_header;
    MasterKeys m_master;
    qint64 m_nowMs = 0;
};

// Every row of every table of an open vault file in a canonical byte form (each column as
// Statement::appendCanonical gives it), tables in schema order, rows in key order.
Result<QByteArray> dumpRows(OpenVault& vault);

// What a session reads from its working copy: every overview as loadOverviews gives them (at
// unlock) and each entry's details looked up by id (when shown), re-encoded, in id order. A
// working copy is read only through these, so this, not every table row, is its content.
Result<QByteArray> sessionView(OpenVault& vault);

// What opening a file the way Tessera opens vault files gave.
struct OpenOutcome {
    bool ok = false;
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message;
    QByteArray rows; // when ok: dumpRows, or for Trust::Own sessionView
};

// inspectFile, openVaultFile with the given master keys and trust, then what an unlock reads on
// top: the vault name and its stamp, and for Trust::Own every record (a working copy's rows are
// checked as they are read) and the session view.
OpenOutcome openVaultAt(const QString& path, const MasterKeys& master, Trust trust);

// Plaintext edits a fuzz input describes (FuzzVault.cpp: the format), applied to plain (whole
// pages). At most MaxPages pages come out.
inline constexpr int MaxPages = 64;
QByteArray applyEdits(QByteArray plain, const std::uint8_t* data, std::size_t size);

// Replaces the file at path (and removes any journal or WAL beside it).
bool writeBytes(const QString& path, const QByteArray& bytes);

} // namespace tessera::fuzz
