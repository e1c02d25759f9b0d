#include "EntryFormat.h"

#include "Format.h"

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
    QString line;
    for (const EntryOverview* entry : entries) {
        line.resize(0); // one buffer for every line
        appendHex(line, entry->id);
        for (const QString* field :
             {&entry->title.value, &entry->username.value, &entry->folder.value}) {
            line += QLatin1Char('\t');
            line += displaySafe(*field);
        }
        out.line(line);
    }
}

} // namespace tessera::cli
