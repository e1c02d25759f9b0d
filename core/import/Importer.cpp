#include "Importer.h"

#include "ImportText.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tessera {

namespace {

struct FormatName {
    ImportFormat format;
    const char* name;
};

constexpr FormatName Formats[] = {
    {ImportFormat::KeePassXcCsv, "keepassxc-csv"},   {ImportFormat::KeePassXml, "keepass-xml"},
    {ImportFormat::BitwardenJson, "bitwarden-json"}, {ImportFormat::BitwardenCsv, "bitwarden-csv"},
    {ImportFormat::OnePasswordCsv, "1password-csv"}, {ImportFormat::ChromeCsv, "chrome-csv"},
    {ImportFormat::FirefoxCsv, "firefox-csv"},       {ImportFormat::GenericCsv, "csv"},
};

Error ioError(const QString& path, const char* what) {
    return makeError(ErrorCode::Io, QStringLiteral("cannot %1 %2: %3")
                                        .arg(QLatin1String(what), path,
                                             QString::fromLocal8Bit(std::strerror(errno))));
}

QStringList sortedUrls(const QStringList& urls) {
    QStringList sorted = urls;
    for (QString& url : sorted)
        url = url.trimmed();
    sorted.removeDuplicates();
    sorted.sort();
    return sorted;
}

struct MatchKey {
    QString title;
    QString username;
    QStringList urls;
    bool operator==(const MatchKey&) const = default;
};

MatchKey keyOf(const EntryChanges& c) {
    return {c.title.value_or(QString()).trimmed().toCaseFolded(),
            c.username.value_or(QString()).trimmed(), sortedUrls(c.urls.value_or(QStringList()))};
}

MatchKey keyOf(const EntryOverview& o) {
    return {o.title.value.trimmed().toCaseFolded(), o.username.value.trimmed(),
            sortedUrls(o.urlList())};
}

bool samePassword(const std::optional<SecureBuffer>& incoming, const SecureBuffer& stored) {
    if (!incoming || incoming->empty())
        return stored.empty();
    return incoming->equals(stored);
}

} // namespace

QStringList importFormatNames() {
    QStringList names;
    for (const FormatName& format : Formats)
        names.append(QLatin1String(format.name));
    return names;
}

std::optional<ImportFormat> importFormatNamed(const QString& name) {
    for (const FormatName& format : Formats)
        if (name == QLatin1String(format.name))
            return format.format;
    return std::nullopt;
}

QString importFormatName(ImportFormat format) {
    for (const FormatName& known : Formats)
        if (known.format == format)
            return QLatin1String(known.name);
    return {};
}

Result<SecureBuffer> readImportFile(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(path, "open");
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::Io, QStringLiteral("%1 is not a regular file").arg(path));
    }
    if (info.st_size > MaxImportBytes) {
        ::close(fd);
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("%1 is larger than %2 MiB").arg(path).arg(MaxImportBytes >> 20));
    }
    // The whole file in secure memory: a plaintext export is as secret as the vault.
    SecureBuffer bytes(std::size_t(info.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const Error error = ioError(path, "read");
            ::close(fd);
            return error;
        }
        if (got == 0)
            break;
        done += std::size_t(got);
    }
    ::close(fd);
    bytes.truncate(done);
    return bytes;
}

Result<ParsedImport> parseImport(ImportFormat format, const SecureBuffer& bytes,
                                 const ColumnMapping& mapping) {
    if (!mapping.isEmpty() && format != ImportFormat::GenericCsv)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a column mapping is only for the generic csv format"));
    switch (format) {
    case ImportFormat::KeePassXcCsv:
        return importKeePassXcCsv(bytes);
    case ImportFormat::KeePassXml:
        return importKeePassXml(bytes);
    case ImportFormat::BitwardenJson:
        return importBitwardenJson(bytes);
    case ImportFormat::BitwardenCsv:
        return importBitwardenCsv(bytes);
    case ImportFormat::OnePasswordCsv:
        return importOnePasswordCsv(bytes);
    case ImportFormat::ChromeCsv:
        return importChromeCsv(bytes);
    case ImportFormat::FirefoxCsv:
        return importFirefoxCsv(bytes);
    case ImportFormat::GenericCsv:
        return importGenericCsv(bytes, mapping);
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown import format"));
}

int ImportReport::count(ImportPlanItem::Action action) const {
    return int(std::count_if(items.begin(), items.end(), [action](const ImportPlanItem& item) {
        return item.action == action;
    }));
}

Result<ImportReport> planImport(const Vault& vault, const ParsedImport& parsed) {
    ImportReport report;
    report.skipped = parsed.skipped;
    report.warnings = parsed.warnings;
    // Entries by match key; the password of an entry is opened only when a record matches it.
    QHash<QString, std::vector<const EntryOverview*>> byTitle;
    for (const EntryOverview& entry : vault.entries())
        byTitle[keyOf(entry).title].push_back(&entry);
    QSet<EntryId> claimed; // entries already updated or matched by an earlier record
    for (const ImportRecord& record : parsed.records) {
        const EntryChanges& c = record.entry.changes;
        ImportPlanItem item{ImportPlanItem::Action::Add,
                            c.title.value_or(QString()),
                            c.username.value_or(QString()),
                            c.folder.value_or(QString()),
                            record.where,
                            {}};
        const MatchKey key = keyOf(c);
        const EntryOverview* update = nullptr;
        for (const EntryOverview* candidate : byTitle.value(key.title)) {
            if (claimed.contains(candidate->id) || !(keyOf(*candidate) == key))
                continue;
            auto details = vault.details(candidate->id);
            if (!details)
                return details.error();
            if (samePassword(c.password, details->password.value)) {
                item.action = ImportPlanItem::Action::Duplicate;
                item.existing = candidate->id;
                break;
            }
            if (!update)
                update = candidate;
        }
        if (item.action != ImportPlanItem::Action::Duplicate && update) {
            item.action = ImportPlanItem::Action::Update;
            item.existing = update->id;
        }
        if (!item.existing.isEmpty())
            claimed.insert(item.existing);
        report.items.push_back(item);
    }
    return report;
}

Result<ImportReport> importInto(Vault& vault, ParsedImport parsed) {
    auto report = planImport(vault, parsed);
    if (!report)
        return report.error();
    EntryBatch batch;
    for (std::size_t i = 0; i < parsed.records.size(); ++i) {
        const ImportPlanItem& item = report->items[i];
        IncomingEntry& entry = parsed.records[i].entry;
        if (item.action == ImportPlanItem::Action::Add)
            batch.add.push_back(std::move(entry));
        else if (item.action == ImportPlanItem::Action::Update)
            batch.edit.emplace_back(item.existing, std::move(entry.changes));
    }
    if (batch.add.empty() && batch.edit.empty())
        return report;
    auto ids = vault.applyBatch(std::move(batch));
    if (!ids)
        return ids.error();
    return report;
}

} // namespace tessera
