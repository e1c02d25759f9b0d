// libFuzzer target: one importer (core/import), chosen at build time with
// TESSERA_FUZZ_IMPORT_FORMAT (tests/fuzz/CMakeLists.txt builds one executable per format, so each
// has its own corpus). The input is the export file's bytes. For the generic CSV importer a first
// line "map:SPEC" is taken as the --map column mapping (core/import/Importers.h) and the rest as
// the file.

#include "FuzzVault.h"

#include "import/Importer.h"

using namespace tessera;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr ImportFormat format = ImportFormat::TESSERA_FUZZ_IMPORT_FORMAT;
    ColumnMapping mapping;
    if (format == ImportFormat::GenericCsv && size >= 4 && std::equal(data, data + 4, "map:")) {
        const auto* end = std::find(data, data + size, std::uint8_t('\n'));
        auto parsed = parseColumnMapping(
            QString::fromUtf8(reinterpret_cast<const char*>(data + 4), end - data - 4));
        if (!parsed) {
            if (parsed.code() != ErrorCode::InvalidArgument)
                fuzz::fail("--map refused with an unexpected code", parsed.error().message);
            return 0;
        }
        mapping = std::move(*parsed);
        const std::size_t consumed = std::size_t(end - data) + (end == data + size ? 0 : 1);
        data += consumed;
        size -= consumed;
    }
    auto parsed = parseImport(format, fuzz::secureInput(data, size), mapping);
    if (!parsed) {
        if (parsed.code() != ErrorCode::InvalidArgument && parsed.code() != ErrorCode::TooLarge)
            fuzz::fail("import refused with an unexpected code", parsed.error().message);
        return 0;
    }
    for (const ImportRecord& record : parsed->records)
        if (record.where.isEmpty())
            fuzz::fail("an imported record without its place in the source");
    return 0;
}
