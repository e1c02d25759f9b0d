// libFuzzer target: a conflict copy or other merge input (core/vault/FileMerge.cpp): the file is
// opened as Vault::merge/sync open it (Trust::ForeignRows) with this vault's keys and merged into
// a fresh copy of the working copy.
//
// Three versions of one vault are built at start-up; the working copy is version 0, the merge
// input is version 1 or 2 (input byte 0, bit 0) with the rest of the input as plaintext page
// edits (FuzzVault.cpp applyEdits), encrypted under the real key (PageCodec.h).
// Oracle: the input is refused with a damage/tamper code and the working copy is untouched, or it
// opened to exactly that version's rows and the merge gives exactly what merging the real version
// gives (the same report), leaving a working copy that opens with every record intact.

#include "FuzzVault.h"

#include "vault/FileMerge.h"

using namespace tessera;

namespace {

std::unique_ptr<fuzz::VaultVersions> g_vault;
QByteArray g_expected[3]; // report summary of merging the intact version into version 0

QString summary(const MergeReport& r) {
    return QStringLiteral("+%1 ~%2 t%3 r%4 p%5 a+%6 a-%7 h%8 n%9 [%10]")
        .arg(r.added)
        .arg(r.updated)
        .arg(r.trashed)
        .arg(r.restored)
        .arg(r.purged)
        .arg(r.attachmentsAdded)
        .arg(r.attachmentsRemoved)
        .arg(r.conflictsKeptInHistory)
        .arg(r.renamed)
        .arg(r.changedTitles.join(QLatin1Char('|')));
}

QString workingPath() {
    return g_vault->scratch(QStringLiteral("working.tessera"));
}
QString inputPath() {
    return g_vault->scratch(QStringLiteral("merge-input.tessera"));
}

// Merges the file at inputPath() into a fresh working copy (version 0). Refused: the error, with
// the working copy checked to be unchanged; merged: the report's summary.
Result<QString> mergeInput(int version) {
    if (!fuzz::writeBytes(workingPath(), g_vault->file(0)))
        fuzz::fail("cannot write the working copy");
    auto working = openVaultFile(workingPath(), g_vault->header(), g_vault->master(), Trust::Own);
    if (!working)
        fuzz::fail("the working copy does not open", working.error().message);
    auto header = inspectFile(inputPath());
    if (!header)
        return header.error();
    auto input = openVaultFile(inputPath(), *header, g_vault->master(), Trust::ForeignRows);
    if (!input)
        return input.error();
    auto rows = fuzz::dumpRows(*input);
    if (!rows)
        return rows.error();
    if (*rows != g_vault->rows(version))
        fuzz::fail("a changed merge input opened to rows that are not the version's",
                   fuzz::firstDifference(*rows, g_vault->rows(version)));
    const FileMergeParams params{true, stampLimitAt(g_vault->nowMs())};
    auto merged = mergeFileInto(*working, *input, params);
    if (!merged) {
        working->db.close();
        const fuzz::OpenOutcome kept =
            fuzz::openVaultAt(workingPath(), g_vault->master(), Trust::Own);
        // (openVaultAt gives a working copy's session view: compare it with version 0's.)
        if (!kept.ok || kept.rows != g_vault->sessionRows(0))
            fuzz::fail("a refused merge changed the working copy", merged.error().message);
        return merged.error();
    }
    working->db.close();
    const fuzz::OpenOutcome after = fuzz::openVaultAt(workingPath(), g_vault->master(), Trust::Own);
    if (!after.ok)
        fuzz::fail("the merged working copy does not open", after.message);
    return summary(merged->report);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    g_vault = std::make_unique<fuzz::VaultVersions>(3);
    for (int version = 1; version <= 2; ++version) {
        if (!fuzz::writeBytes(inputPath(), g_vault->file(version)))
            fuzz::fail("cannot write the merge input");
        auto merged = mergeInput(version);
        if (!merged)
            fuzz::fail("merging a real version fails", merged.error().message);
        g_expected[version] = merged->toUtf8();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const int version = 1 + (data[0] & 1);
    const QByteArray plain = fuzz::applyEdits(g_vault->plaintext(version), data + 1, size - 1);
    if (!fuzz::writeBytes(inputPath(), fuzz::encryptPages(plain, g_vault->master().databaseKey,
                                                          g_vault->header().bytes())))
        fuzz::fail("cannot write the merge input");
    auto merged = mergeInput(version);
    if (!merged) {
        if (!fuzz::isRefusal(merged.code()))
            fuzz::fail(fuzz::codeName(merged.code()), merged.error().message);
        return 0;
    }
    if (merged->toUtf8() != g_expected[version])
        fuzz::fail("an input with the version's rows merged differently", *merged);
    return 0;
}
