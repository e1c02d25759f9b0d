// libFuzzer target: files built from whole 4 KiB pages of several real versions of one vault
// (same key and header, so every page authenticates wherever SQLCipher expects its number):
// DESIGN.md's "pages of two versions of one vault could be mixed". Single byte flips never get
// past the page HMAC; this is what an attacker holding old copies of the file can do.
//
// Four versions are built at start-up. Input byte 0: bits 0-1 the version to start from, bit 2
// open as a merge input (Trust::ForeignRows) instead of as at unlock (Trust::Foreign). Then
// 4-byte operations [op, version, a, b]: op%4 = 0 page a := that version's page b; 1 that
// version's page b inserted before page a; 2 page a dropped; 3 pages a and b swapped (indices
// modulo the page counts; at most 64 pages).
// Oracle: refused (Tampered, Damaged; WrongPassword when page 1 and the pages checked beside it
// are all moved; NotAVault or NewerVersion when another page's bytes come first), or opened to
// EXACTLY the rows of one real version: never a mix, never a crash.

#include "FuzzVault.h"

using namespace tessera;

namespace {

constexpr qsizetype PageBytes = 4096;
constexpr int Versions = 4;

std::unique_ptr<fuzz::VaultVersions> g_vault;

QByteArray pageOf(int version, int index) {
    const QByteArray& file = g_vault->file(version);
    const qsizetype pages = file.size() / PageBytes;
    return file.mid(qsizetype(index % pages) * PageBytes, PageBytes);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    g_vault = std::make_unique<fuzz::VaultVersions>(Versions);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const int base = data[0] & 3;
    const Trust trust = data[0] & 4 ? Trust::ForeignRows : Trust::Foreign;
    std::vector<QByteArray> pages;
    const int basePages = int(g_vault->file(base).size() / PageBytes);
    for (int i = 0; i < basePages; ++i)
        pages.push_back(pageOf(base, i));
    for (std::size_t at = 1; at + 4 <= size && !pages.empty(); at += 4) {
        const int version = data[at + 1] % Versions;
        const std::size_t a = data[at + 2] % pages.size();
        const int b = data[at + 3];
        switch (data[at] % 4) {
        case 0:
            pages[a] = pageOf(version, b);
            break;
        case 1:
            if (pages.size() < std::size_t(fuzz::MaxPages))
                pages.insert(pages.begin() + qsizetype(a), pageOf(version, b));
            break;
        case 2:
            if (pages.size() > 1)
                pages.erase(pages.begin() + qsizetype(a));
            break;
        default:
            std::swap(pages[a], pages[std::size_t(b) % pages.size()]);
            break;
        }
    }
    QByteArray file;
    for (const QByteArray& page : pages)
        file.append(page);
    const QString path = g_vault->scratch(QStringLiteral("mixed.tessera"));
    if (!fuzz::writeBytes(path, file))
        fuzz::fail("cannot write the scratch file");
    const fuzz::OpenOutcome outcome = fuzz::openVaultAt(path, g_vault->master(), trust);
    if (!outcome.ok) {
        if (!fuzz::isRefusal(outcome.code))
            fuzz::fail(fuzz::codeName(outcome.code), outcome.message);
        return 0;
    }
    for (int version = 0; version < Versions; ++version)
        if (outcome.rows == g_vault->rows(version))
            return 0;
    fuzz::fail("a file mixed from several versions opened to rows of none of them",
               QStringLiteral("against the version it started from: ") +
                   fuzz::firstDifference(outcome.rows, g_vault->rows(base)));
}
