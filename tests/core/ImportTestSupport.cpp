#include "ImportTestSupport.h"

#include "TestData.h"
#include "VaultFixture.h"

#include "import/ImportText.h"
#include "totp/Totp.h"

#include <QFile>

#include <algorithm>

namespace tessera::test {

namespace {

QByteArray escaped(std::string_view text) {
    QByteArray out;
    for (const char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\\')
            out += "\\\\";
        else
            out += c;
    }
    return out;
}

QByteArray escaped(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return escaped(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

QByteArray line(const char* name, const QByteArray& value) {
    return QByteArray(name) + ": " + value + '\n';
}

QByteArray time(qint64 ms) {
    return isoTime(ms).toLatin1();
}

QByteArray totpMeaning(const SecureBuffer& totp) {
    auto spec = parseTotp(totp);
    if (!spec)
        return "unparsable " + escaped(totp.view());
    return QByteArray(reinterpret_cast<const char*>(spec->secret.data()),
                      qsizetype(spec->secret.size()))
               .toHex() +
           " digits=" + QByteArray::number(spec->digits) +
           " period=" + QByteArray::number(spec->periodSeconds) + " " +
           algorithmName(spec->algorithm).toLatin1();
}

} // namespace

QByteArray dumpParsed(const ParsedImport& parsed) {
    QByteArray out;
    for (const ImportRecord& record : parsed.records) {
        const IncomingEntry& e = record.entry;
        const EntryChanges& c = e.changes;
        out += "== " + record.where.toUtf8() + '\n';
        out += line("title", escaped(c.title.value_or(QString())));
        if (c.username)
            out += line("username", escaped(*c.username));
        if (c.urls)
            out += line("urls", escaped(c.urls->join(QStringLiteral(" | "))));
        if (c.tags)
            out += line("tags", escaped(c.tags->join(QStringLiteral(" | "))));
        if (c.folder)
            out += line("folder", escaped(*c.folder));
        if (c.favourite)
            out += line("favourite", *c.favourite ? "true" : "false");
        if (c.expires)
            out += line("expires", time(*c.expires));
        if (e.trashed)
            out += line("trashed", "true");
        if (e.created)
            out += line("created", time(e.created));
        if (e.modified)
            out += line("modified", time(e.modified));
        if (c.password)
            out += line("password", escaped(c.password->view()));
        if (c.notes)
            out += line("notes", escaped(c.notes->view()));
        if (c.totp)
            out += line("totp", escaped(c.totp->view()));
        for (const EntryChanges::Field& field : c.fields)
            out += line(field.isProtected ? "protected field" : "field",
                        escaped(field.name) + " = " +
                            (field.value ? escaped(field.value->view()) : QByteArray("(removed)")));
        for (const PastValue& past : e.history)
            out += line("history", escaped(past.field) + " @ " + time(past.replacedMs) + " = " +
                                       escaped(past.value.view()));
        for (const IncomingAttachment& attachment : e.attachments)
            out += line("attachment",
                        escaped(attachment.name) + " = " + escaped(attachment.content.view()));
    }
    for (const SkippedRecord& skipped : parsed.skipped)
        out += "== skipped " + skipped.where.toUtf8() + ": " + skipped.reason.toUtf8() + '\n';
    for (const QString& warning : parsed.warnings)
        out += "== warning: " + warning.toUtf8() + '\n';
    return out;
}

Result<QByteArray> dumpVaultFor(const Vault& vault, const Fidelity& f) {
    QList<QByteArray> entries;
    for (const EntryOverview& o : vault.entries()) {
        auto details = vault.details(o.id);
        if (!details)
            return details.error();
        const EntryDetails& d = *details;
        QByteArray out = "== " + escaped(o.title.value) + '\n';
        out += line("username", escaped(o.username.value));
        QStringList urls = o.urlList();
        if (!f.allUrls && urls.size() > 1)
            urls = urls.mid(0, 1);
        urls.sort();
        out += line("urls", escaped(urls.join(QStringLiteral(" | "))));
        if (f.tags) {
            QStringList tags = o.tagList();
            tags.sort();
            out += line("tags", escaped(tags.join(QStringLiteral(" | "))));
        }
        if (!o.trashed.value || f.trashedFolder)
            out += line("folder", escaped(o.folder.value));
        if (f.favourite)
            out += line("favourite", o.favourite.value ? "true" : "false");
        if (f.expiry)
            out += line("expires", o.expires.value ? time(o.expires.value) : QByteArray("never"));
        out += line("trashed", o.trashed.value ? "true" : "false");
        out += line("created", time(o.created));
        out += line("modified", time(o.modified));
        out += line("password", escaped(d.password.value.view()));
        out += line("notes", escaped(d.notes.value.view()));
        out += line("totp", d.totp.value.empty() ? QByteArray() : totpMeaning(d.totp.value));
        if (f.fields) {
            QList<QByteArray> fields;
            for (const CustomField* field : d.liveFields())
                if (!f.ignoredFields.contains(field->name))
                    fields.append((field->isProtected ? "protected " : "") + escaped(field->name) +
                                  " = " + escaped(field->value.view()));
            std::sort(fields.begin(), fields.end());
            for (const QByteArray& field : fields)
                out += line("field", field);
        }
        if (f.history || f.passwordHistory) {
            QList<QByteArray> history;
            for (const HistoryItem& item : d.history)
                if (f.history || item.field == QLatin1String("password"))
                    history.append(escaped(item.field) + " = " + escaped(item.value.view()));
            std::sort(history.begin(), history.end());
            for (const QByteArray& item : history)
                out += line("history", item);
        }
        if (f.attachments) {
            auto infos = vault.attachments(o.id);
            if (!infos)
                return infos.error();
            QList<QByteArray> names;
            for (const AttachmentInfo& info : *infos) {
                auto content = vault.attachmentContent(o.id, info.name);
                if (!content)
                    return content.error();
                names.append(escaped(info.name) + " = " + escaped(content->view()));
            }
            std::sort(names.begin(), names.end());
            for (const QByteArray& name : names)
                out += line("attachment", name);
        }
        entries.append(out);
    }
    std::sort(entries.begin(), entries.end());
    return entries.join();
}

QByteArray firstDifference(const QByteArray& actual, const QByteArray& expected) {
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i)
        if (a.value(i) != e.value(i))
            return "line " + QByteArray::number(i + 1) + ": " + a.value(i) + " | expected " +
                   e.value(i);
    return {};
}

SecureBuffer fixtureBytes(const QString& name) {
    QFile file(dataPath(QStringLiteral("import/") + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll(); // test data, not a real secret
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace tessera::test
