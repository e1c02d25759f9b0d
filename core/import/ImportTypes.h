#pragma once
// What every importer produces: the entries it read (in source order, secrets already in secure
// memory), the records it could not turn into an entry and why, and warnings about parts of the
// source it kept in another form.

#include "vault/EntryBatch.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tessera {

// Above this an export file is refused before it is parsed (a real vault export is far smaller).
inline constexpr qint64 MaxImportBytes = 64 * 1024 * 1024;
// One field (CSV cell, XML value, JSON string) above this is refused: no password manager
// stores such a field, and a file that has one is damaged or hostile.
inline constexpr qint64 MaxImportFieldBytes = 1024 * 1024;
// Groups nested deeper than this in a KeePass XML file are refused.
inline constexpr int MaxGroupDepth = 64;

struct ImportRecord {
    IncomingEntry entry;
    QString where; // "record 3 (line 4)", "entry 12": where it was in the source
};

struct SkippedRecord {
    QString where;
    QString reason;
};

struct ParsedImport {
    std::vector<ImportRecord> records;
    std::vector<SkippedRecord> skipped;
    QStringList warnings;
};

} // namespace tessera
