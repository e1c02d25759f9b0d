#include "Exporter.h"

#include <QFile>

namespace tessera {

namespace {

struct FormatName {
    ExportFormat format;
    const char* name;
};

constexpr FormatName Formats[] = {
    {ExportFormat::Tessera, "tessera"},
    {ExportFormat::Csv, "csv"},
    {ExportFormat::KeePassXcCsv, "keepassxc-csv"},
    {ExportFormat::KeePassXml, "keepass-xml"},
    {ExportFormat::BitwardenJson, "bitwarden-json"},
};

constexpr int HlcCounterBits = 16;

} // namespace

QStringList exportFormatNames() {
    QStringList names;
    for (const FormatName& format : Formats)
        names.append(QLatin1String(format.name));
    return names;
}

std::optional<ExportFormat> exportFormatNamed(const QString& name) {
    for (const FormatName& format : Formats)
        if (name == QLatin1String(format.name))
            return format.format;
    return std::nullopt;
}

Result<std::vector<ExportItem>> collectEntries(const Vault& vault, bool withAttachments) {
    std::vector<ExportItem> items;
    for (const EntryOverview& overview : vault.entries()) {
        auto details = vault.details(overview.id);
        if (!details)
            return details.error();
        ExportItem item{&overview, std::move(*details), {}};
        if (withAttachments) {
            auto infos = vault.attachments(overview.id);
            if (!infos)
                return infos.error();
            for (const AttachmentInfo& info : *infos) {
                auto content = vault.attachmentContent(overview.id, info.name);
                if (!content)
                    return content.error();
                item.attachments.push_back({info.name, std::move(*content)});
            }
        }
        items.push_back(std::move(item));
    }
    return items;
}

Result<PlainExport> exportPlaintext(const Vault& vault, ExportFormat format) {
    const bool files = format == ExportFormat::KeePassXml;
    auto items = collectEntries(vault, files);
    if (!items)
        return items.error();
    int attachments = 0;
    if (!files) {
        for (const EntryOverview& overview : vault.entries()) {
            auto infos = vault.attachments(overview.id);
            if (!infos)
                return infos.error();
            attachments += int(infos->size());
        }
    }
    PlainExport out;
    switch (format) {
    case ExportFormat::Csv:
        out = writeTesseraCsv(*items);
        break;
    case ExportFormat::KeePassXcCsv:
        out = writeKeePassXcCsv(*items);
        break;
    case ExportFormat::KeePassXml:
        out = writeKeePassXml(*items, vault.info().name);
        break;
    case ExportFormat::BitwardenJson:
        out = writeBitwardenJson(*items);
        break;
    case ExportFormat::Tessera:
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a Tessera export is a new vault, not plaintext"));
    }
    if (attachments > 0)
        out.warnings.append(QStringLiteral("%1 attachment(s) not exported: this format cannot "
                                           "hold files (keepass-xml and tessera can)")
                                .arg(attachments));
    return out;
}

Result<VaultInfo> exportToNewVault(const Vault& source, const Device& device, const QString& path,
                                   const SecureBuffer& password, KdfParams kdf) {
    if (QFile::exists(path))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("%1 already exists; an export never overwrites a file").arg(path));
    auto items = collectEntries(source, true);
    if (!items)
        return items.error();
    EntryBatch batch;
    for (ExportItem& item : *items) {
        const EntryOverview& o = *item.overview;
        IncomingEntry entry;
        EntryChanges& c = entry.changes;
        c.title = o.title.value;
        c.username = o.username.value;
        c.urls = o.urlList();
        c.tags = o.tagList();
        c.folder = o.folder.value;
        c.favourite = o.favourite.value;
        c.expires = o.expires.value;
        c.password = std::move(item.details.password.value);
        c.notes = std::move(item.details.notes.value);
        c.totp = std::move(item.details.totp.value);
        for (CustomField& field : item.details.fields)
            if (!field.removed)
                c.fields.push_back({field.name, std::move(field.value), field.isProtected});
        entry.trashed = o.trashed.value;
        entry.created = o.created;
        entry.modified = o.modified;
        for (HistoryItem& old : item.details.history)
            entry.history.push_back(
                {old.field, std::move(old.value), qint64(old.stamp.hlc >> HlcCounterBits)});
        entry.attachments = std::move(item.attachments);
        batch.add.push_back(std::move(entry));
    }
    Vault::CreateOptions options;
    options.name = source.info().name;
    options.kdf = kdf;
    auto target = Vault::create(device, path, password, options);
    if (!target)
        return target.error();
    const auto cleanUp = [&](const Error& error) -> Result<VaultInfo> {
        (*target)->lock();
        QFile::remove(path);
        return error;
    };
    if (auto added = (*target)->applyBatch(std::move(batch)); !added)
        return cleanUp(added.error());
    if (auto published = (*target)->publish(); !published)
        return cleanUp(published.error());
    return (*target)->info();
}

} // namespace tessera
