// Bitwarden's unencrypted JSON export format, as Bitwarden's "Import data → Bitwarden (json)"
// reads it: folders, and every entry as a login item (type 1; an entry with only notes as a
// secure note, type 2) with all its URLs, TOTP, custom fields (protected ones "hidden", type 1),
// the password history, favourite, and times. Bitwarden has no tags or expiry: they become the
// text fields "Tags" and "Expires". Trashed entries carry a deletedDate. Attachments and the
// history of fields other than the password cannot be held (warned).
#include "ExportText.h"
#include "Exporter.h"

#include "import/ImportText.h"

#include <QUuid>

#include <map>

namespace tessera {

namespace {

constexpr int HlcCounterBits = 16;

QString uuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

class JsonWriter {
public:
    explicit JsonWriter(SecureBuffer& out)
        : m_out(out) {}
    void raw(std::string_view text) { m_out.append(text); }
    void key(const char* name) {
        comma();
        appendJsonString(m_out, std::string_view(name));
        raw(":");
        m_first = true; // the value follows without a comma
        m_pendingValue = true;
    }
    void value(const QString& text) {
        comma();
        appendJsonString(m_out, text);
    }
    void value(std::string_view secret) {
        comma();
        appendJsonString(m_out, secret);
    }
    void secretOrNull(const SecureBuffer& secret) {
        if (secret.empty())
            literal("null");
        else
            value(secret.view());
    }
    void literal(const char* text) {
        comma();
        raw(text);
    }
    void open(char bracket) {
        comma();
        m_out.appendByte(static_cast<unsigned char>(bracket));
        m_first = true;
    }
    void close(char bracket) {
        m_out.appendByte(static_cast<unsigned char>(bracket));
        m_first = false;
    }

private:
    void comma() {
        if (m_pendingValue) {
            m_pendingValue = false;
            m_first = false;
            return;
        }
        if (!m_first)
            raw(",");
        m_first = false;
    }
    SecureBuffer& m_out;
    bool m_first = true;
    bool m_pendingValue = false;
};

void field(JsonWriter& json, const QString& name, std::string_view value, int type) {
    json.open('{');
    json.key("name");
    json.value(name);
    json.key("value");
    json.value(value);
    json.key("type");
    json.literal(QByteArray::number(type).constData());
    json.key("linkedId");
    json.literal("null");
    json.close('}');
}

} // namespace

PlainExport writeBitwardenJson(std::vector<ExportItem>& items) {
    PlainExport out;
    JsonWriter json(out.bytes);
    std::map<QString, QString> folders; // name -> id
    for (const ExportItem& item : items)
        if (!item.overview->folder.value.isEmpty())
            folders.emplace(item.overview->folder.value, uuid());
    json.open('{');
    json.key("encrypted");
    json.literal("false");
    json.key("folders");
    json.open('[');
    for (const auto& [name, id] : folders) {
        json.open('{');
        json.key("id");
        json.value(id);
        json.key("name");
        json.value(name);
        json.close('}');
    }
    json.close(']');
    json.key("items");
    json.open('[');
    int otherHistory = 0;
    for (const ExportItem& item : items) {
        const EntryOverview& o = *item.overview;
        const EntryDetails& d = item.details;
        const bool noteOnly = o.username.value.isEmpty() && d.password.value.empty() &&
                              o.urlList().isEmpty() && d.totp.value.empty();
        json.open('{');
        json.key("id");
        json.value(uuid());
        json.key("organizationId");
        json.literal("null");
        json.key("folderId");
        if (o.folder.value.isEmpty())
            json.literal("null");
        else
            json.value(folders.at(o.folder.value));
        json.key("type");
        json.literal(noteOnly ? "2" : "1");
        json.key("reprompt");
        json.literal("0");
        json.key("name");
        json.value(o.title.value);
        json.key("notes");
        json.secretOrNull(d.notes.value);
        json.key("favorite");
        json.literal(o.favourite.value ? "true" : "false");
        json.key("fields");
        json.open('[');
        for (const CustomField* custom : d.liveFields())
            field(json, custom->name, custom->value.view(), custom->isProtected ? 1 : 0);
        if (!o.tagList().isEmpty()) {
            const QByteArray tags = o.tagList().join(QStringLiteral(", ")).toUtf8();
            field(json, QStringLiteral("Tags"), {tags.constData(), std::size_t(tags.size())}, 0);
        }
        if (o.expires.value > 0) {
            const QByteArray expires = isoTime(o.expires.value).toUtf8();
            field(json, QStringLiteral("Expires"),
                  {expires.constData(), std::size_t(expires.size())}, 0);
        }
        json.close(']');
        if (noteOnly) {
            json.key("secureNote");
            json.literal("{\"type\":0}");
        } else {
            json.key("login");
            json.open('{');
            json.key("uris");
            json.open('[');
            for (const QString& url : o.urlList()) {
                json.open('{');
                json.key("match");
                json.literal("null");
                json.key("uri");
                json.value(url);
                json.close('}');
            }
            json.close(']');
            json.key("username");
            if (o.username.value.isEmpty())
                json.literal("null");
            else
                json.value(o.username.value);
            json.key("password");
            json.secretOrNull(d.password.value);
            json.key("totp");
            json.secretOrNull(d.totp.value);
            json.close('}');
        }
        json.key("passwordHistory");
        json.open('[');
        for (const HistoryItem& old : d.history) {
            if (old.field != QLatin1String("password")) {
                ++otherHistory;
                continue;
            }
            json.open('{');
            json.key("lastUsedDate");
            json.value(isoTime(qint64(old.stamp.hlc >> HlcCounterBits)));
            json.key("password");
            json.value(old.value.view());
            json.close('}');
        }
        json.close(']');
        json.key("collectionIds");
        json.literal("null");
        json.key("revisionDate");
        json.value(isoTime(o.modified));
        json.key("creationDate");
        json.value(isoTime(o.created));
        json.key("deletedDate");
        if (o.trashed.value)
            json.value(isoTime(o.modified));
        else
            json.literal("null");
        json.close('}');
        ++out.entries;
    }
    json.close(']');
    json.close('}');
    json.raw("\n");
    if (otherHistory > 0)
        out.warnings.append(QStringLiteral("%1 history item(s) of fields other than the password "
                                           "not exported: Bitwarden keeps only password history")
                                .arg(otherHistory));
    return out;
}

} // namespace tessera
