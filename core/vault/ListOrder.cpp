#include "ListOrder.h"

#include "Search.h"
#include "common/TwoHalves.h"

#include <algorithm>
#include <array>

namespace tessera {

namespace {

// listOrder as far as the first 32 UTF-16 units of the search text go: QString compares unit by
// unit and a shorter string first, and padding with 0 keeps both. Kept side by side in one
// array, these decide most comparisons without touching the strings. (16 units left a third of
// realistic entries tied: "Amazon — family 1037" and "Amazon — family 1108" share 16.)
constexpr std::size_t PrefixUnits = 32;
using OrderPrefix = std::array<quint64, PrefixUnits / 4>;

OrderPrefix pack(const std::array<char16_t, PrefixUnits>& units) {
    OrderPrefix prefix{};
    for (std::size_t i = 0; i < PrefixUnits; ++i)
        prefix[i / 4] = prefix[i / 4] << 16 | units[i];
    return prefix;
}

OrderPrefix orderPrefix(const QString& text) {
    std::array<char16_t, PrefixUnits> units{};
    for (std::size_t i = 0; i < PrefixUnits && qsizetype(i) < text.size(); ++i)
        units[i] = text[qsizetype(i)].unicode();
    return pack(units);
}

// orderPrefix(searchText(o)) without building the text. foldForSearch folds unit by unit unless
// the text holds a surrogate anywhere (then the whole string is folded at once): only then is the
// text built.
OrderPrefix orderPrefix(const EntryOverview& o) {
    std::array<char16_t, PrefixUnits> units{};
    std::size_t count = 0;
    bool surrogate = false;
    const auto put = [&](QStringView part, bool newLine) {
        if (newLine && count < PrefixUnits)
            units[count++] = u'\n';
        const char16_t* chars = part.utf16();
        const qsizetype size = part.size();
        for (qsizetype i = 0; i < size && count < PrefixUnits; ++i) {
            const char16_t c = chars[i];
            units[count++] = c < 0x80 ? char16_t(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c)
                                      : QChar::toCaseFolded(c);
        }
        bool any = false;
        for (qsizetype i = 0; i < size; ++i)
            any |= (chars[i] & 0xF800) == 0xD800;
        surrogate = surrogate || any;
    };
    put(o.title.value, false);
    put(o.username.value, true);
    put(o.folder.value, true);
    for (const auto* set : {&o.urls, &o.tags})
        for (const SetElement& element : *set)
            if (!element.removed)
                put(element.value, true);
    return surrogate ? orderPrefix(searchText(o)) : pack(units);
}

} // namespace

bool listOrder(const QString& a, const EntryId& idA, const QString& b, const EntryId& idB) {
    const int order = a.compare(b);
    return order != 0 ? order < 0 : idA < idB;
}

std::vector<std::size_t> listOrderOf(const std::vector<EntryOverview>& items,
                                     const std::vector<QString>* texts) {
    const std::size_t count = items.size();
    std::vector<std::size_t> order(count);
    std::vector<OrderPrefix> prefixes(count);
    const auto before = [&](std::size_t a, std::size_t b) { return prefixes[a] < prefixes[b]; };
    const auto sortRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            order[i] = i;
            prefixes[i] = texts ? orderPrefix((*texts)[i]) : orderPrefix(items[i]);
        }
        std::sort(order.begin() + qsizetype(from), order.begin() + qsizetype(to), before);
    };
    // A whole vault at unlock: each half sorted on its own core, then merged.
    if (inTwoHalves(count, 4096, sortRange))
        std::inplace_merge(order.begin(), order.begin() + qsizetype(count / 2), order.end(),
                           before);
    // Entries whose prefixes tie (a few percent) are ordered by their whole search texts.
    std::vector<std::pair<QString, std::size_t>> run;
    for (std::size_t start = 0; start < count;) {
        std::size_t end = start + 1;
        while (end < count && prefixes[order[end]] == prefixes[order[start]])
            ++end;
        if (end - start > 1) {
            run.clear();
            for (std::size_t k = start; k < end; ++k)
                run.emplace_back(texts ? (*texts)[order[k]] : searchText(items[order[k]]),
                                 order[k]);
            std::sort(run.begin(), run.end(), [&](const auto& a, const auto& b) {
                return listOrder(a.first, items[a.second].id, b.first, items[b.second].id);
            });
            for (std::size_t k = start; k < end; ++k)
                order[k] = run[k - start].second;
        }
        start = end;
    }
    return order;
}

void permuteInPlace(std::vector<EntryOverview>& items, std::vector<QString>& texts,
                    const std::vector<std::size_t>& order) {
    const bool withTexts = !texts.empty();
    std::vector<bool> placed(order.size());
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == start)
            continue;
        EntryOverview item = std::move(items[start]);
        QString text = withTexts ? std::move(texts[start]) : QString();
        std::size_t at = start;
        for (;;) {
            placed[at] = true;
            const std::size_t from = order[at];
            if (from == start) {
                items[at] = std::move(item);
                if (withTexts)
                    texts[at] = std::move(text);
                break;
            }
            items[at] = std::move(items[from]);
            if (withTexts)
                texts[at] = std::move(texts[from]);
            at = from;
        }
    }
}

} // namespace tessera
