#include "Merge.h"

#include "vault/RecordCodec.h"

#include <algorithm>
#include <cstring>

namespace tessera {

namespace {

int compareBytes(const SecureBuffer& a, const SecureBuffer& b) {
    const std::size_t common = std::min(a.size(), b.size());
    if (common > 0) {
        if (const int order = std::memcmp(a.data(), b.data(), common); order != 0)
            return order;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

SecureBuffer utf8(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

bool historyLess(const HistoryItem& a, const HistoryItem& b) {
    if (a.stamp != b.stamp)
        return a.stamp < b.stamp;
    if (a.field != b.field)
        return a.field < b.field;
    return compareBytes(a.value, b.value) < 0;
}

bool sameHistory(const HistoryItem& a, const HistoryItem& b) {
    return a.stamp == b.stamp && a.field == b.field && a.value.equals(b.value);
}

bool holdsHistory(const EntryDetails& details, const HistoryItem& item) {
    return std::any_of(details.history.begin(), details.history.end(),
                       [&item](const HistoryItem& h) { return sameHistory(h, item); });
}

// Set elements and custom fields are kept in stamp order; elements with one stamp were written
// by one edit, arrive everywhere in that edit's order, and keep it (a stable sort): the order
// the user typed survives, and every replica stores the same order.
bool stampLess(const SetElement& a, const SetElement& b) {
    return a.stamp < b.stamp;
}

// The register that wins: the later stamp; equal stamps (never made by an honest device with two
// values) are ordered by value, so every replica picks the same one.
template <typename T, typename Less>
const Register<T>& winner(const Register<T>& a, const Register<T>& b, Less less) {
    if (a.stamp != b.stamp)
        return a.stamp < b.stamp ? b : a;
    return less(a.value, b.value) ? b : a;
}

// One entry's merge in progress: collects the losing values and counts the conflicts.
class EntryMerge {
public:
    EntryMerge(const EntryRecord& a, const EntryRecord& b, std::vector<HistoryItem>& history)
        : m_a(a)
        , m_b(b)
        , m_history(history) {}

    // A value that lost; fromA says whose it was. Kept unless empty.
    void lose(const Stamp& stamp, const QString& field, SecureBuffer value, bool fromA) {
        if (value.empty())
            return;
        HistoryItem item{stamp, field, std::move(value)};
        // Seen by the winning side (in its history) = replaced knowingly; else concurrent.
        if (!holdsHistory(fromA ? m_b.details : m_a.details, item))
            ++conflicts;
        m_history.push_back(std::move(item));
    }

    Register<QString> text(const Register<QString>& a, const Register<QString>& b,
                           const QString& field) {
        const Register<QString>& win = winner(a, b, std::less<QString>());
        const Register<QString>& lost = &win == &a ? b : a;
        if (lost.stamp != win.stamp || lost.value != win.value)
            lose(lost.stamp, field, utf8(lost.value), &lost == &a);
        return win;
    }

    Register<SecureBuffer> secret(const Register<SecureBuffer>& a, const Register<SecureBuffer>& b,
                                  const QString& field) {
        const auto& win = winner(a, b, [](const SecureBuffer& x, const SecureBuffer& y) {
            return compareBytes(x, y) < 0;
        });
        const auto& lost = &win == &a ? b : a;
        if (lost.stamp != win.stamp || !lost.value.equals(win.value))
            lose(lost.stamp, field, lost.value.clone(), &lost == &a);
        return {win.value.clone(), win.stamp};
    }

    int conflicts = 0;

private:
    const EntryRecord& m_a;
    const EntryRecord& m_b;
    std::vector<HistoryItem>& m_history;
};

std::vector<SetElement> mergeSet(const std::vector<SetElement>& a,
                                 const std::vector<SetElement>& b) {
    std::vector<SetElement> out = a;
    for (const SetElement& element : b) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const SetElement& e) { return e.value == element.value; });
        if (it == out.end())
            out.push_back(element);
        else if (it->stamp < element.stamp ||
                 (it->stamp == element.stamp && element.removed && !it->removed))
            *it = element;
    }
    std::stable_sort(out.begin(), out.end(), stampLess);
    return out;
}

int compareFields(const CustomField& a, const CustomField& b) {
    if (a.stamp != b.stamp)
        return a.stamp < b.stamp ? -1 : 1;
    if (a.removed != b.removed)
        return a.removed ? 1 : -1;
    if (a.isProtected != b.isProtected)
        return a.isProtected ? 1 : -1;
    return compareBytes(a.value, b.value);
}

CustomField cloneField(const CustomField& f) {
    return CustomField{f.name, f.value.clone(), f.isProtected, f.stamp, f.removed};
}

EntryDetails cloneDetails(const EntryDetails& d) {
    EntryDetails out;
    out.password = {d.password.value.clone(), d.password.stamp};
    out.notes = {d.notes.value.clone(), d.notes.stamp};
    out.totp = {d.totp.value.clone(), d.totp.stamp};
    for (const CustomField& field : d.fields)
        out.fields.push_back(cloneField(field));
    for (const HistoryItem& item : d.history)
        out.history.push_back({item.stamp, item.field, item.value.clone()});
    return out;
}

void canonicalHistory(std::vector<HistoryItem>& history) {
    std::sort(history.begin(), history.end(), historyLess);
    history.erase(std::unique(history.begin(), history.end(), sameHistory), history.end());
}

} // namespace

EntryRecord EntryRecord::clone() const {
    return EntryRecord{overview, cloneDetails(details)};
}

void canonicalize(EntryOverview& overview, EntryDetails& details) {
    std::stable_sort(overview.urls.begin(), overview.urls.end(), stampLess);
    std::stable_sort(overview.tags.begin(), overview.tags.end(), stampLess);
    std::stable_sort(details.fields.begin(), details.fields.end(),
                     [](const CustomField& a, const CustomField& b) { return a.stamp < b.stamp; });
    canonicalHistory(details.history);
}

void canonicalize(EntryRecord& entry) {
    canonicalize(entry.overview, entry.details);
}

EntryRecord mergeEntries(const EntryRecord& a, const EntryRecord& b, int* conflicts) {
    EntryRecord out;
    std::vector<HistoryItem>& history = out.details.history;
    for (const EntryRecord* side : {&a, &b})
        for (const HistoryItem& item : side->details.history)
            history.push_back({item.stamp, item.field, item.value.clone()});
    EntryMerge merge(a, b, history);

    const EntryOverview& oa = a.overview;
    const EntryOverview& ob = b.overview;
    EntryOverview& o = out.overview;
    o.id = oa.id;
    o.title = merge.text(oa.title, ob.title, QStringLiteral("title"));
    o.username = merge.text(oa.username, ob.username, QStringLiteral("username"));
    o.folder = merge.text(oa.folder, ob.folder, QStringLiteral("folder"));
    o.urls = mergeSet(oa.urls, ob.urls);
    o.tags = mergeSet(oa.tags, ob.tags);
    o.favourite = winner(oa.favourite, ob.favourite, std::less<bool>());
    o.expires = winner(oa.expires, ob.expires, std::less<qint64>());
    o.trashed = winner(oa.trashed, ob.trashed, std::less<bool>());
    o.created = oa.created == 0 ? ob.created
                                : (ob.created == 0 ? oa.created : std::min(oa.created, ob.created));
    o.modified = std::max(oa.modified, ob.modified);

    const EntryDetails& da = a.details;
    const EntryDetails& db = b.details;
    EntryDetails& d = out.details;
    d.password = merge.secret(da.password, db.password, QStringLiteral("password"));
    d.notes = merge.secret(da.notes, db.notes, QStringLiteral("notes"));
    d.totp = merge.secret(da.totp, db.totp, QStringLiteral("totp"));
    for (const CustomField& field : da.fields)
        d.fields.push_back(cloneField(field));
    for (const CustomField& field : db.fields) {
        auto it = std::find_if(d.fields.begin(), d.fields.end(),
                               [&](const CustomField& f) { return f.name == field.name; });
        if (it == d.fields.end()) {
            d.fields.push_back(cloneField(field));
            continue;
        }
        const int order = compareFields(*it, field);
        if (order == 0)
            continue;
        CustomField& kept = *it;
        const bool bWins = order < 0;
        const CustomField& lost = bWins ? kept : field;
        if (!lost.removed)
            merge.lose(lost.stamp, lost.name, lost.value.clone(), bWins);
        if (bWins)
            kept = cloneField(field);
    }
    canonicalize(out);
    if (conflicts)
        *conflicts += merge.conflicts;
    return out;
}

bool sameEntry(const EntryRecord& a, const EntryRecord& b) {
    return encodeOverview(a.overview).equals(encodeOverview(b.overview)) &&
           encodeDetails(a.details).equals(encodeDetails(b.details));
}

quint64 highestStamp(const EntryRecord& entry) {
    const EntryOverview& o = entry.overview;
    const EntryDetails& d = entry.details;
    quint64 top = 0;
    for (const Stamp* stamp :
         {&o.title.stamp, &o.username.stamp, &o.folder.stamp, &o.favourite.stamp, &o.expires.stamp,
          &o.trashed.stamp, &d.password.stamp, &d.notes.stamp, &d.totp.stamp})
        top = std::max(top, stamp->hlc);
    for (const auto* set : {&o.urls, &o.tags})
        for (const SetElement& element : *set)
            top = std::max(top, element.stamp.hlc);
    for (const CustomField& field : d.fields)
        top = std::max(top, field.stamp.hlc);
    for (const HistoryItem& item : d.history)
        top = std::max(top, item.stamp.hlc);
    return top;
}

Register<QString> mergeName(const Register<QString>& a, const Register<QString>& b) {
    return winner(a, b, std::less<QString>());
}

Tombstones mergeTombstones(const Tombstones& a, const Tombstones& b) {
    Tombstones out = a;
    for (const auto& [id, stamp] : b) {
        auto [it, inserted] = out.emplace(id, stamp);
        if (!inserted && it->second < stamp)
            it->second = stamp;
    }
    return out;
}

Replica Replica::clone() const {
    Replica out;
    out.name = name;
    for (const auto& [id, entry] : entries)
        out.entries.emplace(id, entry.clone());
    out.attachments = attachments;
    out.tombstones = tombstones;
    out.versions = versions;
    return out;
}

Replica mergeReplicas(const Replica& a, const Replica& b) {
    Replica out;
    out.name = mergeName(a.name, b.name);
    out.tombstones = mergeTombstones(a.tombstones, b.tombstones);
    out.versions = mergedVersions(a.versions, b.versions);
    for (const Replica* side : {&a, &b}) {
        const Replica& other = side == &a ? b : a;
        for (const auto& [id, entry] : side->entries) {
            if (out.tombstones.count(id) || out.entries.count(id))
                continue;
            const auto there = other.entries.find(id);
            out.entries.emplace(id, there == other.entries.end()
                                        ? entry.clone()
                                        : mergeEntries(entry, there->second));
        }
        for (const auto& [attachment, entry] : side->attachments)
            if (out.entries.count(entry) &&
                !out.tombstones.count(attachmentTombstone(entry, attachment)))
                out.attachments.emplace(attachment, entry);
    }
    return out;
}

bool sameReplica(const Replica& a, const Replica& b) {
    if (a.name.value != b.name.value || a.name.stamp != b.name.stamp ||
        a.tombstones != b.tombstones || a.versions != b.versions ||
        a.attachments != b.attachments || a.entries.size() != b.entries.size())
        return false;
    for (const auto& [id, entry] : a.entries) {
        const auto there = b.entries.find(id);
        if (there == b.entries.end())
            return false;
        EntryRecord x = entry.clone();
        EntryRecord y = there->second.clone();
        canonicalize(x);
        canonicalize(y);
        if (!sameEntry(x, y))
            return false;
    }
    return true;
}

} // namespace tessera
