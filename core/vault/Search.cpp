#include "Search.h"

#include <QRegularExpression>

#include <algorithm>

namespace tessera {

QString searchText(const EntryOverview& o) {
    qsizetype length = o.title.value.size() + o.username.value.size() + o.folder.value.size() + 2;
    for (const auto* set : {&o.urls, &o.tags})
        for (const SetElement& element : *set)
            length += element.value.size() + 1;
    QString text;
    text.reserve(length); // one allocation
    text += o.title.value;
    const auto add = [&text](const QString& part) {
        text += QLatin1Char('\n');
        text += part;
    };
    add(o.username.value);
    add(o.folder.value);
    for (const auto* set : {&o.urls, &o.tags})
        for (const SetElement& element : *set)
            if (!element.removed)
                add(element.value);
    return foldForSearch(std::move(text));
}

QString foldForSearch(QString text) {
    // Simple (one-to-one) case folding, character by character: ASCII inline, the rest through
    // QChar. QString::toCaseFolded costs several times more, and search runs it on every entry.
    char16_t* chars = reinterpret_cast<char16_t*>(text.data());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i];
        if (c < 0x80) {
            if (c >= u'A' && c <= u'Z')
                chars[i] = char16_t(c + (u'a' - u'A'));
        } else if (QChar::isSurrogate(c)) {
            return std::move(text).toCaseFolded();
        } else {
            chars[i] = QChar::toCaseFolded(c);
        }
    }
    return text;
}

SearchQuery::SearchQuery(const QString& query) {
    const QStringList terms =
        foldForSearch(query).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString& term : terms)
        m_terms.emplace_back(term, Qt::CaseSensitive);
}

bool SearchQuery::matches(const EntryOverview& overview, const QString& haystack) const {
    return !overview.trashed.value &&
           std::all_of(m_terms.begin(), m_terms.end(),
                       [&](const QStringMatcher& term) { return term.indexIn(haystack) >= 0; });
}

} // namespace tessera
