// KeePass 2 XML (KeePass "KeePass XML (2.x)" export, `keepassxc-cli export --format xml`), read
// with QtCore's QXmlStreamReader. Groups become folders "A/B" (the root group is not a folder),
// the recycle bin's entries are imported into the trash, and <Meta><Binaries> feed attachments.
//
// Hostile input: a DTD (and so any entity definition: "billion laughs", external entities) is
// refused when the reader meets it, as are entity references, files above MaxImportBytes, values
// above MaxImportFieldBytes and groups nested deeper than MaxGroupDepth.
//
// Copies: QXmlStreamReader reads the file from a QByteArray over the secure buffer
// (fromRawData: no copy), but decodes it into internal QString buffers we cannot reach; every
// value we take (readElementText) is moved into secure memory and its QString wiped at once.
#include "Gzip.h"
#include "ImportText.h"
#include "Importers.h"
#include "KeePassXmlEntry.h"

#include <QTimeZone>
#include <QXmlStreamReader>

namespace tessera {

namespace {

// KDBX 4 writes times as base64 of a little-endian count of seconds since 0001-01-01 UTC.
constexpr qint64 SecondsFromYear1To1970 = 62135596800LL;
constexpr int KdbxTimeBytes = 8;
constexpr quint64 MaxKdbxSeconds = 315537897599ULL; // 9999-12-31 23:59:59

class XmlImporter {
public:
    explicit XmlImporter(const SecureBuffer& bytes)
        : m_xml(QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()),
                                        qsizetype(bytes.size()))) {}

    Result<ParsedImport> run() {
        const bool started = nextStart();
        if (m_error)
            return *m_error;
        if (!started || m_xml.name() != QLatin1String("KeePassFile"))
            return failure(QStringLiteral("not a KeePass XML file (no <KeePassFile>)"));
        while (nextChild()) {
            if (m_xml.name() == QLatin1String("Meta"))
                TESSERA_TRY(readMeta());
            else if (m_xml.name() == QLatin1String("Root"))
                TESSERA_TRY(readRoot());
            else
                skip();
            if (m_error)
                return *m_error;
        }
        if (m_error)
            return *m_error;
        if (m_xml.hasError())
            return failure(m_xml.errorString());
        return std::move(m_parsed);
    }

private:
    Error failure(const QString& message) const {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("line %1: %2").arg(m_xml.lineNumber()).arg(message));
    }

    // Reads to the next token that matters; DTDs and entity references end the import.
    bool advance() {
        for (;;) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::DTD || token == QXmlStreamReader::EntityReference) {
                m_error = failure(QStringLiteral("XML with a DTD or entities is refused (a "
                                                 "password manager's export has none)"));
                return false;
            }
            if (token == QXmlStreamReader::Invalid || token == QXmlStreamReader::EndDocument)
                return false;
            if (token == QXmlStreamReader::StartElement || token == QXmlStreamReader::EndElement)
                return true;
        }
    }
    bool nextStart() {
        while (advance())
            if (m_xml.isStartElement())
                return true;
        return false;
    }
    // The next child element of the current one; false at its end.
    bool nextChild() {
        if (m_error || !advance())
            return false;
        return m_xml.isStartElement();
    }
    void skip() {
        int depth = 1;
        while (depth > 0 && advance())
            depth += m_xml.isStartElement() ? 1 : -1;
    }
    // The current element's text, refusing oversized values and nested elements.
    Result<QString> text() {
        QString value;
        for (;;) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::Characters) {
                value += m_xml.text();
                if (value.size() > MaxImportFieldBytes) {
                    wipe(value);
                    return makeError(ErrorCode::TooLarge,
                                     QStringLiteral("line %1: a value is larger than %2 MiB")
                                         .arg(m_xml.lineNumber())
                                         .arg(MaxImportFieldBytes >> 20));
                }
            } else if (token == QXmlStreamReader::EndElement) {
                return value;
            } else if (token == QXmlStreamReader::Comment) {
                continue;
            } else {
                wipe(value);
                if (token == QXmlStreamReader::EntityReference || token == QXmlStreamReader::DTD)
                    return failure(QStringLiteral("XML with entities is refused"));
                return failure(m_xml.hasError() ? m_xml.errorString()
                                                : QStringLiteral("unexpected element in a value"));
            }
        }
    }
    Result<SecureBuffer> secret() {
        auto value = text();
        if (!value)
            return value.error();
        return takeSecret(*value);
    }
    Result<qint64> time() {
        auto value = text();
        if (!value)
            return value.error();
        const QString t = value->trimmed();
        if (const auto iso = parseTimeMs(t))
            return *iso;
        const QByteArray raw = QByteArray::fromBase64(t.toLatin1());
        if (raw.size() == KdbxTimeBytes) {
            quint64 seconds = 0;
            for (int i = KdbxTimeBytes - 1; i >= 0; --i)
                seconds = (seconds << 8) | static_cast<unsigned char>(raw.at(i));
            // Seconds since 0001-01-01; beyond 9999-12-31 it is no KeePass time (and would
            // overflow milliseconds).
            if (seconds <= MaxKdbxSeconds)
                return (qint64(seconds) - SecondsFromYear1To1970) * 1000;
        }
        return failure(QStringLiteral("\"%1\" is not a time").arg(t));
    }

    Status readMeta() {
        while (nextChild()) {
            if (m_xml.name() == QLatin1String("RecycleBinUUID")) {
                auto uuid = text();
                if (!uuid)
                    return uuid.error();
                m_recycleBin = uuid->trimmed();
            } else if (m_xml.name() == QLatin1String("Binaries")) {
                TESSERA_TRY(readBinaries());
            } else {
                skip();
            }
        }
        return m_error ? Status(*m_error) : Status();
    }
    Status readBinaries() {
        while (nextChild()) {
            if (m_xml.name() != QLatin1String("Binary")) {
                skip();
                continue;
            }
            const QString id = m_xml.attributes().value(QLatin1String("ID")).toString();
            const bool compressed =
                m_xml.attributes().value(QLatin1String("Compressed")) == QLatin1String("True");
            auto value = text();
            if (!value)
                return value.error();
            QByteArray encoded = value->toLatin1();
            wipe(*value);
            QByteArray content = QByteArray::fromBase64(encoded);
            wipe(encoded);
            if (compressed) {
                auto inflated = gunzip(content, std::size_t(MaxAttachmentBytes));
                wipe(content);
                if (!inflated)
                    return failure(
                        QStringLiteral("binary %1: %2").arg(id, inflated.error().message));
                m_binaries.insert_or_assign(id, std::move(*inflated));
            } else {
                m_binaries.insert_or_assign(
                    id, SecureBuffer::copyOf(content.constData(), std::size_t(content.size())));
            }
            wipe(content);
        }
        return m_error ? Status(*m_error) : Status();
    }
    Status readRoot() {
        while (nextChild()) {
            if (m_xml.name() == QLatin1String("Group"))
                TESSERA_TRY(readGroup(QStringList(), 0, false));
            else
                skip(); // DeletedObjects: what was purged stays purged
        }
        return m_error ? Status(*m_error) : Status();
    }

    Status readGroup(const QStringList& parentPath, int depth, bool inRecycleBin) {
        if (depth > MaxGroupDepth)
            return failure(
                QStringLiteral("groups are nested more than %1 deep").arg(MaxGroupDepth));
        QString name;
        QString uuid;
        bool recycleBin = inRecycleBin;
        QStringList path = parentPath;
        bool named = false;
        const auto ensureNamed = [&] {
            if (named)
                return;
            named = true;
            if (!m_recycleBin.isEmpty() && uuid == m_recycleBin) {
                recycleBin = true; // its entries go to the trash, in their folder from there
                path = QStringList();
            } else if (depth > 0) {
                path.append(name);
            }
        };
        while (nextChild()) {
            const auto element = m_xml.name();
            if (element == QLatin1String("Name") || element == QLatin1String("UUID")) {
                auto value = text();
                if (!value)
                    return value.error();
                (element == QLatin1String("Name") ? name : uuid) = value->trimmed();
            } else if (element == QLatin1String("Entry")) {
                ensureNamed();
                TESSERA_TRY(readTopEntry(path, recycleBin));
            } else if (element == QLatin1String("Group")) {
                ensureNamed();
                TESSERA_TRY(readGroup(path, depth + 1, recycleBin));
            } else {
                skip();
            }
        }
        return m_error ? Status(*m_error) : Status();
    }

    Status readTopEntry(const QStringList& path, bool trashed) {
        KeePassEntry entry;
        TESSERA_TRY(readEntry(entry, true));
        IncomingEntry incoming = convertKeePassEntry(entry, path.join(QLatin1Char('/')), trashed,
                                                     m_binaries, m_parsed.warnings);
        const QString where = QStringLiteral("entry %1 (line %2)").arg(++m_entries).arg(entry.line);
        if (!incoming.changes.title || incoming.changes.title->isEmpty()) {
            if (incoming.changes.urls && !incoming.changes.urls->isEmpty())
                incoming.changes.title = titleFromUrl(incoming.changes.urls->constFirst());
            else if (incoming.changes.username && !incoming.changes.username->isEmpty())
                incoming.changes.title = *incoming.changes.username;
            else
                incoming.changes.title = QStringLiteral("(untitled)");
        }
        m_parsed.records.push_back({std::move(incoming), where});
        return {};
    }

    Status readEntry(KeePassEntry& entry, bool allowHistory) {
        entry.line = int(m_xml.lineNumber());
        while (nextChild()) {
            const auto element = m_xml.name();
            if (element == QLatin1String("String")) {
                TESSERA_TRY(readString(entry));
            } else if (element == QLatin1String("Tags")) {
                auto tags = text();
                if (!tags)
                    return tags.error();
                entry.tags = *tags;
            } else if (element == QLatin1String("Times")) {
                TESSERA_TRY(readTimes(entry));
            } else if (element == QLatin1String("Binary")) {
                TESSERA_TRY(readBinaryRef(entry));
            } else if (element == QLatin1String("History") && allowHistory) {
                while (nextChild()) {
                    if (m_xml.name() != QLatin1String("Entry")) {
                        skip();
                        continue;
                    }
                    KeePassEntry old;
                    TESSERA_TRY(readEntry(old, false));
                    entry.history.push_back(std::move(old));
                }
            } else {
                skip();
            }
        }
        return m_error ? Status(*m_error) : Status();
    }

    Status readString(KeePassEntry& entry) {
        KeePassString s;
        while (nextChild()) {
            if (m_xml.name() == QLatin1String("Key")) {
                auto key = text();
                if (!key)
                    return key.error();
                s.key = *key;
            } else if (m_xml.name() == QLatin1String("Value")) {
                const auto attributes = m_xml.attributes();
                s.isProtected =
                    attributes.value(QLatin1String("ProtectInMemory")) == QLatin1String("True") ||
                    attributes.value(QLatin1String("Protected")) == QLatin1String("True");
                auto value = secret();
                if (!value)
                    return value.error();
                s.value = std::move(*value);
            } else {
                skip();
            }
        }
        if (m_error)
            return *m_error;
        if (s.key.isEmpty())
            return failure(QStringLiteral("a <String> without a <Key>"));
        entry.strings.push_back(std::move(s));
        return {};
    }

    Status readTimes(KeePassEntry& entry) {
        while (nextChild()) {
            const auto element = m_xml.name();
            qint64* target = element == QLatin1String("CreationTime")           ? &entry.created
                             : element == QLatin1String("LastModificationTime") ? &entry.modified
                             : element == QLatin1String("ExpiryTime")           ? &entry.expiryTime
                                                                                : nullptr;
            if (target) {
                auto ms = time();
                if (!ms)
                    return ms.error();
                *target = *ms;
            } else if (element == QLatin1String("Expires")) {
                auto flag = text();
                if (!flag)
                    return flag.error();
                entry.expires =
                    flag->trimmed().compare(QLatin1String("True"), Qt::CaseInsensitive) == 0;
            } else {
                skip();
            }
        }
        return m_error ? Status(*m_error) : Status();
    }

    Status readBinaryRef(KeePassEntry& entry) {
        KeePassBinaryRef ref;
        while (nextChild()) {
            if (m_xml.name() == QLatin1String("Key")) {
                auto key = text();
                if (!key)
                    return key.error();
                ref.name = *key;
            } else if (m_xml.name() == QLatin1String("Value")) {
                ref.ref = m_xml.attributes().value(QLatin1String("Ref")).toString();
                skip();
            } else {
                skip();
            }
        }
        if (m_error)
            return *m_error;
        entry.binaries.push_back(std::move(ref));
        return {};
    }

    QXmlStreamReader m_xml;
    std::optional<Error> m_error;
    ParsedImport m_parsed;
    QString m_recycleBin;
    std::map<QString, SecureBuffer> m_binaries;
    int m_entries = 0;
};

} // namespace

Result<ParsedImport> importKeePassXml(const SecureBuffer& bytes) {
    if (qint64(bytes.size()) > MaxImportBytes)
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("the file is larger than %1 MiB").arg(MaxImportBytes >> 20));
    TESSERA_TRY(checkUtf8(bytes.view(), QStringLiteral("the file")));
    XmlImporter importer(bytes);
    return importer.run();
}

} // namespace tessera
