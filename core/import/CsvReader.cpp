#include "CsvReader.h"

#include "ImportText.h"
#include "ImportTypes.h"

namespace tessera {

namespace {

constexpr std::string_view Utf8Bom = "\xEF\xBB\xBF";

class Parser {
public:
    explicit Parser(std::string_view text)
        : m_text(text) {}

    // One record's cells, or an empty vector at the end of the input.
    Result<std::vector<SecureBuffer>> next(int recordNumber) {
        std::vector<SecureBuffer> cells;
        // Blank lines between records carry nothing.
        while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            advanceLineEnd();
        if (m_pos >= m_text.size())
            return cells;
        m_recordLine = m_line;
        for (;;) {
            auto cell = readField(recordNumber);
            if (!cell)
                return cell.error();
            cells.push_back(std::move(*cell));
            if (m_pos >= m_text.size())
                return cells;
            const char c = m_text[m_pos];
            if (c == ',') {
                ++m_pos;
                continue;
            }
            advanceLineEnd(); // '\r' or '\n' after a field
            return cells;
        }
    }
    int recordLine() const { return m_recordLine; }

private:
    void advanceLineEnd() {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    Error error(int recordNumber, const QString& message) const {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("line %1, record %2: %3").arg(m_line).arg(recordNumber).arg(message));
    }

    Status append(SecureBuffer& cell, const char* bytes, std::size_t size, int recordNumber) {
        if (qint64(cell.size() + size) > MaxImportFieldBytes)
            return error(
                recordNumber,
                QStringLiteral("a field is larger than %1 MiB").arg(MaxImportFieldBytes >> 20));
        cell.append(bytes, size);
        return {};
    }

    Result<SecureBuffer> readField(int recordNumber) {
        SecureBuffer cell;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            const int openedOn = m_line;
            ++m_pos;
            for (;;) {
                if (m_pos >= m_text.size())
                    return makeError(ErrorCode::InvalidArgument,
                                     QStringLiteral("line %1, record %2: unterminated quoted field "
                                                    "(its quote is never closed)")
                                         .arg(openedOn)
                                         .arg(recordNumber));
                const std::size_t start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != '"') {
                    if (m_text[m_pos] == '\n')
                        ++m_line;
                    ++m_pos;
                }
                TESSERA_TRY(append(cell, m_text.data() + start, m_pos - start, recordNumber));
                if (m_pos >= m_text.size())
                    continue; // reports the unterminated field
                ++m_pos;      // the quote
                if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    TESSERA_TRY(append(cell, "\"", 1, recordNumber));
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n' &&
                    m_text[m_pos] != '\r')
                    return error(recordNumber,
                                 QStringLiteral("unexpected text after a closing quote"));
                return cell;
            }
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n' &&
               m_text[m_pos] != '\r')
            ++m_pos;
        TESSERA_TRY(append(cell, m_text.data() + start, m_pos - start, recordNumber));
        return cell;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_recordLine = 1;
};

} // namespace

QString CsvRecord::where() const {
    return QStringLiteral("record %1 (line %2)").arg(number).arg(line);
}

int CsvTable::columnOf(const QString& name) const {
    for (qsizetype i = 0; i < header.size(); ++i)
        if (header.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

Result<CsvTable> readCsv(const SecureBuffer& bytes) {
    if (qint64(bytes.size()) > MaxImportBytes)
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("the file is larger than %1 MiB").arg(MaxImportBytes >> 20));
    std::string_view text = bytes.view();
    if (text.substr(0, Utf8Bom.size()) == Utf8Bom)
        text.remove_prefix(Utf8Bom.size());
    TESSERA_TRY(checkUtf8(text, QStringLiteral("the file")));
    Parser parser(text);
    CsvTable table;
    auto header = parser.next(0);
    if (!header)
        return header.error();
    if (header->empty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the file is empty (no header row)"));
    for (const SecureBuffer& cell : *header)
        table.header.append(textOf(cell).trimmed());
    for (int number = 1;; ++number) {
        auto cells = parser.next(number);
        if (!cells)
            return cells.error();
        if (cells->empty())
            break;
        if (cells->size() != std::size_t(table.header.size()))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("line %1, record %2: %3 fields, but the header has %4")
                                 .arg(parser.recordLine())
                                 .arg(number)
                                 .arg(cells->size())
                                 .arg(table.header.size()));
        table.records.push_back({std::move(*cells), parser.recordLine(), number});
    }
    return table;
}

} // namespace tessera
