// libFuzzer target: opening a damaged or hostile vault file, the whole path below the KDF
// (inspectFile, SQLCipher, schema, integrity check, page count, key ring, epochs, manifest, row
// MACs, every sealed record; FuzzVault.h openVaultAt).
//
// The input edits the PLAINTEXT pages of a real vault (FuzzVault.cpp applyEdits), which are then
// encrypted and authenticated under the vault's real database key (PageCodec.h): what someone who
// knows the master password, or a bug, could write. An input starting with "SQLite format 3\0"
// (after the mode byte) is taken as the whole plaintext instead.
// Input byte 0: bits 0-1 trust (0/3 Foreign as at unlock, 1 ForeignRows as a merge input, 2 Own
// as the working copy), bit 2 which of two versions to start from.
// Oracle: the file is refused with a damage/tamper code, or it opens to exactly the rows of the
// version it was made from (as a working copy: exactly what a session reads of it,
// FuzzVault.h sessionView); never anything else.

#include "FuzzVault.h"

#include <cstdlib>

using namespace tessera;

namespace {

constexpr qsizetype PageBytes = 4096;
constexpr char SqliteMagic[] = "SQLite format 3"; // with its NUL: 16 bytes

std::unique_ptr<fuzz::VaultVersions> g_vault;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    g_vault = std::make_unique<fuzz::VaultVersions>(2);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const int trustBits = data[0] & 3;
    const Trust trust = trustBits == 1   ? Trust::ForeignRows
                        : trustBits == 2 ? Trust::Own
                                         : Trust::Foreign;
    const int base = data[0] >> 2 & 1;
    ++data;
    --size;
    QByteArray plain;
    if (size >= sizeof SqliteMagic && std::equal(data, data + sizeof SqliteMagic, SqliteMagic)) {
        const qsizetype bytes = std::min(qsizetype(size), fuzz::MaxPages * PageBytes);
        plain = QByteArray(reinterpret_cast<const char*>(data), bytes);
        plain.append(QByteArray((PageBytes - bytes % PageBytes) % PageBytes, '\0'));
    } else {
        plain = fuzz::applyEdits(g_vault->plaintext(base), data, size);
    }
    // Triage: TESSERA_FUZZ_PLAINTEXT=FILE keeps the plaintext database of the (last) input, which
    // any SQLite tool opens.
    if (const char* keep = std::getenv("TESSERA_FUZZ_PLAINTEXT"))
        fuzz::writeBytes(QString::fromLocal8Bit(keep), plain);
    const QByteArray file =
        fuzz::encryptPages(plain, g_vault->master().databaseKey, g_vault->header().bytes());
    const QString path = g_vault->scratch(QStringLiteral("input.tessera"));
    if (!fuzz::writeBytes(path, file))
        fuzz::fail("cannot write the scratch file");
    const fuzz::OpenOutcome outcome = fuzz::openVaultAt(path, g_vault->master(), trust);
    if (!outcome.ok) {
        if (!fuzz::isRefusal(outcome.code))
            fuzz::fail(fuzz::codeName(outcome.code), outcome.message);
        return 0;
    }
    const QByteArray& expected =
        trust == Trust::Own ? g_vault->sessionRows(base) : g_vault->rows(base);
    if (outcome.rows != expected)
        fuzz::fail("a changed vault file opened to content that is not the version's",
                   fuzz::firstDifference(outcome.rows, expected));
    return 0;
}
