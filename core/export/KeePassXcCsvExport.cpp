// KeePassXC's CSV layout ("Group","Title","Username","Password","URL","Notes","TOTP","Icon",
// "Last Modified","Created"), as KeePassXC 2.7's CSV import expects it. The group path starts
// with the root group "Root"; trashed entries go to "Root/Recycle Bin". CSV holds one URL and no
// custom fields, tags, expiry or history: those are counted in the warnings (use keepass-xml).
#include "ExportText.h"
#include "Exporter.h"

#include "import/ImportText.h"

namespace tessera {

PlainExport writeKeePassXcCsv(std::vector<ExportItem>& items) {
    PlainExport out;
    out.bytes.append(std::string_view("\"Group\",\"Title\",\"Username\",\"Password\",\"URL\","
                                      "\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\","
                                      "\"Created\"\n"));
    int extraUrls = 0, fields = 0, tags = 0, expiring = 0, history = 0, favourites = 0;
    for (const ExportItem& item : items) {
        const EntryOverview& o = *item.overview;
        const EntryDetails& d = item.details;
        QString group = QStringLiteral("Root");
        if (o.trashed.value) // a trashed entry keeps its folder inside the recycle bin
            group += QStringLiteral("/Recycle Bin");
        if (!o.folder.value.isEmpty())
            group += QLatin1Char('/') + o.folder.value;
        const QStringList urls = o.urlList();
        appendCsvCell(out.bytes, group);
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, o.title.value);
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, o.username.value);
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, d.password.value.view());
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, urls.value(0));
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, d.notes.value.view());
        out.bytes.appendByte(',');
        if (d.totp.value.empty())
            appendCsvCell(out.bytes, std::string_view());
        else
            appendCsvCell(out.bytes, totpAsUri(d.totp.value, o.title.value).view());
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, std::string_view("0"));
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, isoTime(o.modified));
        out.bytes.appendByte(',');
        appendCsvCell(out.bytes, isoTime(o.created));
        out.bytes.appendByte('\n');
        extraUrls += std::max<int>(0, int(urls.size()) - 1);
        fields += int(d.liveFields().size());
        tags += o.tagList().isEmpty() ? 0 : 1;
        expiring += o.expires.value > 0 ? 1 : 0;
        favourites += o.favourite.value ? 1 : 0;
        history += int(d.history.size());
        ++out.entries;
    }
    const auto lost = [&out](int count, const char* what) {
        if (count > 0)
            out.warnings.append(QStringLiteral("%1 %2 not exported: KeePassXC's CSV cannot hold "
                                               "them (keepass-xml can)")
                                    .arg(count)
                                    .arg(QLatin1String(what)));
    };
    lost(extraUrls, "additional URL(s)");
    lost(fields, "custom field(s)");
    lost(tags, "entries' tags");
    lost(expiring, "expiry date(s)");
    lost(history, "history item(s)");
    lost(favourites, "favourite mark(s)");
    return out;
}

} // namespace tessera
