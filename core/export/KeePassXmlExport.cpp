// KeePass 2 XML that KeePassXC (`keepassxc-cli import`, checked with 2.7.4) and KeePass 2 read:
// folders become nested groups under "Root", trashed entries go to a recycle bin group, the first
// URL is "URL" and further ones KP2A_URL, KP2A_URL_1, ...; custom fields are strings, the TOTP is
// the "otp" string (an otpauth:// URI), attachments are <Meta><Binaries>, and each history item
// becomes a <History> version. Secrets are marked ProtectInMemory="True" (keepassxc-cli 2.7.4
// crashes on Protected="True", which in a real KDBX means "encrypted with the inner stream").
// Times are ISO 8601 UTC. Only favourite marks have no place in KeePass (warned).
#include "ExportText.h"
#include "Exporter.h"

#include "crypto/Crypto.h"
#include "import/ImportText.h"

#include <map>

namespace tessera {

namespace {

constexpr std::size_t UuidBytes = 16;
constexpr int HlcCounterBits = 16;

QString newUuid() {
    return QString::fromLatin1(randomBytes(UuidBytes).toBase64());
}

struct Group {
    QString uuid = newUuid();
    std::map<QString, Group> children;
    std::vector<const ExportItem*> entries;
};

// One version of an entry: KeePass key -> (value, protected).
struct Version {
    std::map<QString, std::pair<SecureBuffer, bool>> strings;
    qint64 modified = 0;
};

QString keePassKey(const QString& field) {
    if (field == QLatin1String("title"))
        return QStringLiteral("Title");
    if (field == QLatin1String("username"))
        return QStringLiteral("UserName");
    if (field == QLatin1String("password"))
        return QStringLiteral("Password");
    if (field == QLatin1String("notes"))
        return QStringLiteral("Notes");
    if (field == QLatin1String("url"))
        return QStringLiteral("URL");
    if (field == QLatin1String("totp"))
        return QStringLiteral("otp");
    return field;
}

class XmlWriter {
public:
    explicit XmlWriter(SecureBuffer& out)
        : m_out(out) {}
    void raw(std::string_view text) { m_out.append(text); }
    void indent(int depth) {
        for (int i = 0; i < depth; ++i)
            m_out.appendByte('\t');
    }
    void element(int depth, const char* name, const QString& value) {
        indent(depth);
        raw("<");
        raw(name);
        raw(">");
        appendXmlText(m_out, value);
        raw("</");
        raw(name);
        raw(">\n");
    }
    void string(int depth, const QString& key, std::string_view value, bool isProtected) {
        indent(depth);
        raw("<String><Key>");
        appendXmlText(m_out, key);
        raw(isProtected ? "</Key><Value ProtectInMemory=\"True\">" : "</Key><Value>");
        appendXmlText(m_out, value);
        raw("</Value></String>\n");
    }

private:
    SecureBuffer& m_out;
};

Version currentVersion(const ExportItem& item) {
    const EntryOverview& o = *item.overview;
    const EntryDetails& d = item.details;
    Version v;
    const auto text = [&](const char* key, const QString& value) {
        const QByteArray bytes = value.toUtf8();
        v.strings[QLatin1String(key)] = {
            SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size())), false};
    };
    text("Title", o.title.value);
    text("UserName", o.username.value);
    const QStringList urls = o.urlList();
    text("URL", urls.value(0));
    for (qsizetype i = 1; i < urls.size(); ++i)
        text(i == 1 ? "KP2A_URL" : qPrintable(QStringLiteral("KP2A_URL_%1").arg(i - 1)),
             urls.at(i));
    v.strings[QStringLiteral("Password")] = {d.password.value.clone(), true};
    v.strings[QStringLiteral("Notes")] = {d.notes.value.clone(), false};
    if (!d.totp.value.empty())
        v.strings[QStringLiteral("otp")] = {totpAsUri(d.totp.value, o.title.value), true};
    for (const CustomField* field : d.liveFields())
        v.strings[field->name] = {field->value.clone(), field->isProtected};
    v.modified = o.modified;
    return v;
}

// Older versions, oldest first: going back from the current one, each group of history items
// made at one moment restores the values they replaced.
std::vector<Version> historyVersions(const ExportItem& item, const Version& current) {
    std::map<quint64, std::vector<const HistoryItem*>> byStamp;
    for (const HistoryItem& old : item.details.history)
        byStamp[old.stamp.hlc].push_back(&old);
    std::vector<Version> versions;
    Version state;
    for (const auto& [key, value] : current.strings)
        state.strings[key] = {value.first.clone(), value.second};
    for (auto it = byStamp.rbegin(); it != byStamp.rend(); ++it) {
        for (const HistoryItem* old : it->second) {
            const QString key = keePassKey(old->field);
            const auto known = state.strings.find(key);
            const bool isProtected =
                known != state.strings.end() ? known->second.second : key == QLatin1String("otp");
            state.strings[key] = {old->value.clone(), isProtected};
        }
        const auto older = std::next(it);
        state.modified = older != byStamp.rend() ? qint64(older->first >> HlcCounterBits)
                                                 : item.overview->created;
        Version copy;
        for (const auto& [key, value] : state.strings)
            copy.strings[key] = {value.first.clone(), value.second};
        copy.modified = state.modified;
        versions.insert(versions.begin(), std::move(copy));
    }
    return versions;
}

void writeEntryBody(XmlWriter& xml, int depth, const QString& uuid, const ExportItem& item,
                    const Version& version, const std::vector<int>& binaryIds) {
    const EntryOverview& o = *item.overview;
    xml.element(depth, "UUID", uuid);
    xml.element(depth, "Tags", o.tagList().join(QLatin1Char(';')));
    xml.indent(depth);
    xml.raw("<Times>\n");
    xml.element(depth + 1, "CreationTime", isoTime(o.created));
    xml.element(depth + 1, "LastModificationTime", isoTime(version.modified));
    xml.element(depth + 1, "LastAccessTime", isoTime(version.modified));
    xml.element(depth + 1, "ExpiryTime",
                isoTime(o.expires.value > 0 ? o.expires.value : o.created));
    xml.element(depth + 1, "Expires",
                o.expires.value > 0 ? QStringLiteral("True") : QStringLiteral("False"));
    xml.element(depth + 1, "UsageCount", QStringLiteral("0"));
    xml.element(depth + 1, "LocationChanged", isoTime(o.modified));
    xml.indent(depth);
    xml.raw("</Times>\n");
    for (const auto& [key, value] : version.strings)
        xml.string(depth, key, value.first.view(), value.second);
    for (std::size_t i = 0; i < binaryIds.size(); ++i) {
        xml.indent(depth);
        xml.raw("<Binary><Key>");
        SecureBuffer name;
        appendXmlText(name, item.attachments[i].name);
        xml.raw(name.view());
        xml.raw(QStringLiteral("</Key><Value Ref=\"%1\"/></Binary>\n")
                    .arg(binaryIds[i])
                    .toLatin1()
                    .constData());
    }
}

struct Writer {
    SecureBuffer& out;
    XmlWriter xml{out};
    std::map<const ExportItem*, std::vector<int>> binaries;

    void writeEntry(int depth, const ExportItem& item) {
        const QString uuid = newUuid();
        const Version current = currentVersion(item);
        const std::vector<int>& ids = binaries[&item];
        xml.indent(depth);
        xml.raw("<Entry>\n");
        writeEntryBody(xml, depth + 1, uuid, item, current, ids);
        const std::vector<Version> versions = historyVersions(item, current);
        if (!versions.empty()) {
            xml.indent(depth + 1);
            xml.raw("<History>\n");
            for (const Version& version : versions) {
                xml.indent(depth + 2);
                xml.raw("<Entry>\n");
                writeEntryBody(xml, depth + 3, uuid, item, version, ids);
                xml.indent(depth + 2);
                xml.raw("</Entry>\n");
            }
            xml.indent(depth + 1);
            xml.raw("</History>\n");
        }
        xml.indent(depth);
        xml.raw("</Entry>\n");
    }

    void writeGroup(int depth, const QString& name, const Group& group, qint64 now) {
        xml.indent(depth);
        xml.raw("<Group>\n");
        xml.element(depth + 1, "UUID", group.uuid);
        xml.element(depth + 1, "Name", name);
        xml.indent(depth + 1);
        xml.raw("<Times>\n");
        xml.element(depth + 2, "LastModificationTime", isoTime(now));
        xml.element(depth + 2, "CreationTime", isoTime(now));
        xml.element(depth + 2, "Expires", QStringLiteral("False"));
        xml.indent(depth + 1);
        xml.raw("</Times>\n");
        for (const ExportItem* item : group.entries)
            writeEntry(depth + 1, *item);
        for (const auto& [childName, child] : group.children)
            writeGroup(depth + 1, childName, child, now);
        xml.indent(depth);
        xml.raw("</Group>\n");
    }
};

} // namespace

PlainExport writeKeePassXml(std::vector<ExportItem>& items, const QString& vaultName) {
    PlainExport out;
    Group root;
    Group recycleBin;
    qint64 latest = 0;
    int favourites = 0;
    for (const ExportItem& item : items) {
        const EntryOverview& o = *item.overview;
        Group* group = o.trashed.value ? &recycleBin : &root;
        // A trashed entry keeps its folder inside the recycle bin.
        for (const QString& part : o.folder.value.split(QLatin1Char('/'), Qt::SkipEmptyParts))
            group = &group->children[part];
        group->entries.push_back(&item);
        latest = std::max(latest, o.modified);
        favourites += o.favourite.value ? 1 : 0;
        ++out.entries;
    }
    Writer writer{out.bytes, XmlWriter(out.bytes), {}};
    XmlWriter& xml = writer.xml;
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<KeePassFile>\n");
    xml.raw("\t<Meta>\n");
    xml.element(2, "Generator", QStringLiteral("Tessera"));
    xml.element(2, "DatabaseName", vaultName);
    xml.element(2, "RecycleBinEnabled", QStringLiteral("True"));
    xml.element(2, "RecycleBinUUID", recycleBin.uuid);
    xml.raw("\t\t<Binaries>\n");
    int nextBinary = 0;
    for (const ExportItem& item : items) {
        for (const IncomingAttachment& attachment : item.attachments) {
            xml.raw(QStringLiteral("\t\t\t<Binary ID=\"%1\" Compressed=\"False\">")
                        .arg(nextBinary)
                        .toLatin1()
                        .constData());
            QByteArray encoded =
                QByteArray::fromRawData(reinterpret_cast<const char*>(attachment.content.data()),
                                        qsizetype(attachment.content.size()))
                    .toBase64();
            xml.raw(std::string_view(encoded.constData(), std::size_t(encoded.size())));
            wipe(encoded);
            xml.raw("</Binary>\n");
            writer.binaries[&item].push_back(nextBinary++);
        }
    }
    xml.raw("\t\t</Binaries>\n\t</Meta>\n\t<Root>\n");
    if (!recycleBin.entries.empty() || !recycleBin.children.empty())
        root.children.emplace(QStringLiteral("Recycle Bin"), std::move(recycleBin));
    // The recycle bin keeps the UUID Meta announced (moved into the tree above).
    writer.writeGroup(2, QStringLiteral("Root"), root, latest);
    xml.raw("\t</Root>\n</KeePassFile>\n");
    if (favourites > 0)
        out.warnings.append(QStringLiteral("%1 favourite mark(s) not exported: KeePass has no "
                                           "favourites")
                                .arg(favourites));
    return out;
}

} // namespace tessera
