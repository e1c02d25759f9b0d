#include "Entry.h"

namespace tessera {

namespace {
QStringList liveValues(const std::vector<SetElement>& elements) {
    QStringList out;
    for (const SetElement& element : elements)
        if (!element.removed)
            out.append(element.value);
    return out;
}
} // namespace

QStringList EntryOverview::urlList() const {
    return liveValues(urls);
}
QStringList EntryOverview::tagList() const {
    return liveValues(tags);
}

std::vector<const CustomField*> EntryDetails::liveFields() const {
    std::vector<const CustomField*> out;
    for (const CustomField& field : fields)
        if (!field.removed)
            out.push_back(&field);
    return out;
}

} // namespace tessera
