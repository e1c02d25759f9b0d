#include "EntryFormat.h"

#include "Format.h"
#include "common/TwoHalves.h"

#include <QStringEncoder>

namespace tessera::cli {

void writeOverviewFields(JsonWriter& json, const EntryOverview& entry) {
    json.field("id", idHex(entry.id));
    json.field("title", entry.title.value);
    json.field("username", entry.username.value);
    json.field("urls", entry.urlList());
    json.field("tags", entry.tagList());
    json.field("folder", entry.folder.value);
    json.field("favourite", entry.favourite.value);
    json.key("expires");
    if (entry.expires.value == 0)
        json.null();
    else
        json.value(isoTime(entry.expires.value));
    json.field("trashed", entry.trashed.value);
    json.field("created", isoTime(entry.created));
    json.field("modified", isoTime(entry.modified));
}

void printOverviews(Output& out, const std::vector<const EntryOverview*>& entries, bool asJson) {
    if (asJson) {
        JsonWriter json(out);
        json.beginArray();
        for (const EntryOverview* entry : entries) {
            json.beginObject();
            writeOverviewFields(json, *entry);
            json.endObject();
        }
        json.endArray();
        json.finish();
        return;
    }
    // Tab-separated lines, UTF-8; a long list is formatted in two halves on two cores.
    const auto format = [&entries](std::size_t from, std::size_t to) {
        QStringEncoder utf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
        QByteArray text;
        QString line;
        for (std::size_t i = from; i < to; ++i) {
            const EntryOverview* entry = entries[i];
            line.resize(0); // one buffer for every line
            appendHex(line, entry->id);
            for (const QString* field :
                 {&entry->title.value, &entry->username.value, &entry->folder.value}) {
                line += QLatin1Char('\t');
                appendDisplaySafe(line, *field);
            }
            line += QLatin1Char('\n');
            const qsizetype at = text.size();
            text.resize(at + utf8.requiredSpace(line.size()));
            text.resize(utf8.appendToBuffer(text.data() + at, line) - text.constData());
        }
        return text;
    };
    QByteArray halves[2];
    inTwoHalves(entries.size(), 4096, [&](std::size_t from, std::size_t to) {
        halves[from == 0 ? 0 : 1] = format(from, to);
    });
    out.bytes(halves[0]);
    out.bytes(halves[1]);
}

} // namespace tessera::cli
