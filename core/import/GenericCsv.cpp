// Any CSV with a header row: the user says which column holds what (--map title=Name,...), or
// columns named like the roles (and Tessera's own CSV export) are recognised. Every other column
// becomes a custom field.
#include "CsvColumns.h"
#include "ImportText.h"
#include "Importers.h"

namespace tessera {

namespace {

struct RoleName {
    const char* name;
    ColumnRole role;
};

// The roles --map accepts, then the names only recognised in a header.
constexpr RoleName MapRoles[] = {
    {"title", ColumnRole::Title},         {"username", ColumnRole::Username},
    {"password", ColumnRole::Password},   {"url", ColumnRole::Url},
    {"notes", ColumnRole::Notes},         {"folder", ColumnRole::Folder},
    {"tags", ColumnRole::Tags},           {"totp", ColumnRole::Totp},
    {"favourite", ColumnRole::Favourite}, {"expires", ColumnRole::Expires},
};
constexpr RoleName HeaderOnlyRoles[] = {
    {"urls", ColumnRole::Url},          {"favorite", ColumnRole::Favourite},
    {"trashed", ColumnRole::Trashed},   {"created", ColumnRole::Created},
    {"modified", ColumnRole::Modified},
};

const QString FieldPrefix = QStringLiteral("field:");
const QString ProtectedPrefix = QStringLiteral("protected:");

std::optional<ColumnRole> roleNamed(const QString& name, bool headerToo) {
    for (const RoleName& role : MapRoles)
        if (name.compare(QLatin1String(role.name), Qt::CaseInsensitive) == 0)
            return role.role;
    if (headerToo)
        for (const RoleName& role : HeaderOnlyRoles)
            if (name.compare(QLatin1String(role.name), Qt::CaseInsensitive) == 0)
                return role.role;
    return std::nullopt;
}

ColumnSpec specForHeader(const QString& header, int index) {
    if (header.startsWith(ProtectedPrefix, Qt::CaseInsensitive))
        return {ColumnRole::ProtectedField, header.mid(ProtectedPrefix.size())};
    if (header.startsWith(FieldPrefix, Qt::CaseInsensitive))
        return {ColumnRole::Field, header.mid(FieldPrefix.size())};
    if (const auto role = roleNamed(header, true))
        return {*role, {}};
    return {ColumnRole::Field,
            header.isEmpty() ? QStringLiteral("Column %1").arg(index + 1) : header};
}

} // namespace

QStringList mappingRoles() {
    QStringList names;
    for (const RoleName& role : MapRoles)
        names.append(QLatin1String(role.name));
    return names;
}

Result<ColumnMapping> parseColumnMapping(const QString& spec) {
    ColumnMapping mapping;
    for (const QString& part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        const QString role = part.left(equals).trimmed().toLower();
        const QString column = equals < 0 ? QString() : part.mid(equals + 1).trimmed();
        if (equals < 0 || column.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--map: \"%1\" is not ROLE=COLUMN").arg(part));
        if (!roleNamed(role, false))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--map: unknown role \"%1\" (roles: %2)")
                                 .arg(role, mappingRoles().join(QStringLiteral(", "))));
        for (const auto& [known, unused] : mapping)
            if (known == role)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("--map: \"%1\" is mapped twice").arg(role));
        mapping.append({role, column});
    }
    return mapping;
}

Result<ParsedImport> importGenericCsv(const SecureBuffer& bytes, const ColumnMapping& mapping) {
    auto table = readCsv(bytes);
    if (!table)
        return table.error();
    std::vector<ColumnSpec> specs;
    if (mapping.isEmpty()) {
        for (qsizetype i = 0; i < table->header.size(); ++i)
            specs.push_back(specForHeader(table->header.at(i), int(i)));
        const bool anyRole = std::any_of(specs.begin(), specs.end(), [](const ColumnSpec& spec) {
            return spec.role != ColumnRole::Field && spec.role != ColumnRole::ProtectedField;
        });
        if (!anyRole)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("no column is named like a role (%1); say which "
                                            "column is which with --map title=COLUMN,...")
                                 .arg(mappingRoles().join(QStringLiteral(", "))));
    } else {
        specs = specsFromHeader(table->header, {});
        for (const auto& [role, column] : mapping) {
            const int index = table->columnOf(column);
            if (index < 0)
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("--map: the header has no column \"%1\" "
                                                "(columns: %2)")
                                     .arg(column, table->header.join(QStringLiteral(", "))));
            if (specs[std::size_t(index)].role != ColumnRole::Field)
                return makeError(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("--map: column \"%1\" is mapped to two roles").arg(column));
            specs[std::size_t(index)] = {*roleNamed(role, false), {}};
        }
    }
    return mapCsv(*table, specs);
}

} // namespace tessera
