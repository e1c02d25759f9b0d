#pragma once
// Shared by the import/export suites: a canonical text form of what an importer produced (to
// compare with the .expected file beside each fixture in tests/data/import), and of a vault's
// entries with only the fields a format can hold (to compare a vault with its round trip).

#include "import/ImportTypes.h"
#include "vault/Vault.h"

#include <QByteArray>
#include <QString>

namespace tessera::test {

// Every field of every record, skipped record and warning, one "name: value" line each.
QByteArray dumpParsed(const ParsedImport& parsed);

// What a format keeps; the rest is left out of dumpVaultFor.
struct Fidelity {
    bool allUrls = true;
    bool tags = true;
    bool favourite = true;
    bool expiry = true;
    bool fields = true;
    bool history = true; // every history item (field and value)
    bool passwordHistory = true;
    bool attachments = true;
    bool trashedFolder = true; // a trashed entry keeps its folder
    // Fields the format adds on the way back (e.g. Bitwarden's "Tags"/"Expires") are ignored.
    QStringList ignoredFields;
};

// Entries sorted by title and username; TOTP compared by meaning (secret, digits, period,
// algorithm), not by spelling; history as a sorted set of field=value.
Result<QByteArray> dumpVaultFor(const Vault& vault, const Fidelity& fidelity);

// "line N: <actual> | expected <expected>" at the first line where two dumps differ.
QByteArray firstDifference(const QByteArray& actual, const QByteArray& expected);

// The file's bytes in secure memory.
SecureBuffer fixtureBytes(const QString& name);

} // namespace tessera::test
