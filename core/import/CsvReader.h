#pragma once
// An RFC 4180 reader over an export file held in secure memory: comma-separated fields,
// double-quoted fields holding commas, line breaks and doubled quotes, CRLF or LF line ends, an
// optional UTF-8 byte order mark, and a header row. Every cell goes straight into its own
// SecureBuffer; no QString ever holds a cell (callers convert only the non-secret ones).
//
// Refused with "line L, record R: ..." and nothing returned: an unterminated quoted field, a
// character after a closing quote, a record whose field count differs from the header's, a field
// above MaxImportFieldBytes, text that is not UTF-8. Blank lines between records are skipped. A
// stray quote inside an unquoted field is kept as it is (spreadsheets write those).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QStringList>

#include <vector>

namespace tessera {

struct CsvRecord {
    std::vector<SecureBuffer> cells;
    int line = 0;   // where the record starts (1-based)
    int number = 0; // 1-based, the header not counted
    QString where() const;
};

struct CsvTable {
    QStringList header; // trimmed
    std::vector<CsvRecord> records;
    int columnOf(const QString& name) const; // case-insensitive; -1 if absent
};

Result<CsvTable> readCsv(const SecureBuffer& bytes);

} // namespace tessera
