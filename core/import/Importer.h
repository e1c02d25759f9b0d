#pragma once
// Import into a vault: read the export file into secure memory, parse it with the importer of
// its format, match every record against the vault, then add and update in ONE transaction.
//
// Duplicates (so importing the same file twice adds nothing): a record matches an entry with the
// same title, username and set of URLs (titles compared case-insensitively, trash included).
// - Same password too: a duplicate; nothing changes.
// - Different password: the entry is UPDATED with the record's values; the old password (and
//   any other value the record replaces) goes to the entry's history, so nothing is lost either
//   way and the source's newer password wins. Custom fields the entry has and the record lacks
//   stay.
// - No match: a new entry. Several records matching one entry update it once (the first);
//   the rest become new entries.

#include "ImportTypes.h"
#include "Importers.h"

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/Vault.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tessera {

enum class ImportFormat {
    KeePassXcCsv,
    KeePassXml,
    BitwardenJson,
    BitwardenCsv,
    OnePasswordCsv,
    ChromeCsv,
    FirefoxCsv,
    GenericCsv,
};

QStringList importFormatNames(); // "keepassxc-csv", ...
std::optional<ImportFormat> importFormatNamed(const QString& name);
QString importFormatName(ImportFormat format);

// Reads a whole export file into secure memory (TooLarge above MaxImportBytes).
Result<SecureBuffer> readImportFile(const QString& path);

Result<ParsedImport> parseImport(ImportFormat format, const SecureBuffer& bytes,
                                 const ColumnMapping& mapping = {});

struct ImportPlanItem {
    enum class Action { Add, Update, Duplicate };
    Action action = Action::Add;
    QString title;
    QString username;
    QString folder;
    QString where;    // in the source
    EntryId existing; // Update / Duplicate: the vault's entry
};

struct ImportReport {
    std::vector<ImportPlanItem> items; // source order
    std::vector<SkippedRecord> skipped;
    QStringList warnings;
    int count(ImportPlanItem::Action action) const;
};

// Matches the records against the vault without changing it (a dry run, or the wizard's
// preview). The records stay untouched.
Result<ImportReport> planImport(const Vault& vault, const ParsedImport& parsed);
// Plans and applies: all records added/updated in one transaction, or nothing on error.
Result<ImportReport> importInto(Vault& vault, ParsedImport parsed);

} // namespace tessera
