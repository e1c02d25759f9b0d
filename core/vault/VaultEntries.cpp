// The entry operations of Vault: list, search, resolve, open details, add, edit, trash, purge.
#include "Vault.h"

#include "RecordCodec.h"
#include "VaultSession.h"
#include "common/TwoHalves.h"
#include "sync/Merge.h"

namespace tessera {

namespace {

constexpr qsizetype HexIdLength = 32;

Error notFound(const QString& what) {
    return makeError(ErrorCode::NotFound, QStringLiteral("no entry %1").arg(what));
}

bool inScope(const EntryOverview& entry, Scope scope) {
    return scope == Scope::Any || entry.trashed.value == (scope == Scope::Trashed);
}

// Replaces a last-writer-wins element set with the given values, keeping removals as flags.
bool replaceSet(std::vector<SetElement>& set, const QStringList& values, const Stamp& stamp) {
    bool changed = false;
    for (SetElement& element : set) {
        const bool wanted = values.contains(element.value);
        if (element.removed == wanted) {
            element.removed = !wanted;
            element.stamp = stamp;
            changed = true;
        }
    }
    for (const QString& value : values) {
        const bool known = std::any_of(set.begin(), set.end(),
                                       [&](const SetElement& e) { return e.value == value; });
        if (!known) {
            set.push_back({value, stamp, false});
            changed = true;
        }
    }
    return changed;
}

SecureBuffer utf8(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

// Sets a text register, keeping the old value in the history when there was one. A history item
// carries the stamp its value was written at, so every replica names it alike (core/sync/Merge.h).
bool setText(Register<QString>& reg, const std::optional<QString>& value, const Stamp& stamp,
             const QString& field, std::vector<HistoryItem>& history) {
    if (!value || *value == reg.value)
        return false;
    if (!reg.value.isEmpty())
        history.push_back({reg.stamp, field, utf8(reg.value)});
    reg = {*value, stamp};
    return true;
}

bool setSecret(Register<SecureBuffer>& reg, std::optional<SecureBuffer>& value, const Stamp& stamp,
               const QString& field, std::vector<HistoryItem>& history) {
    if (!value || value->equals(reg.value))
        return false;
    if (!reg.value.empty())
        history.push_back({reg.stamp, field, std::move(reg.value)});
    reg = {std::move(*value), stamp};
    return true;
}

template <typename T>
bool setPlain(Register<T>& reg, const std::optional<T>& value, const Stamp& stamp) {
    if (!value || *value == reg.value)
        return false;
    reg = {*value, stamp};
    return true;
}

bool applyField(std::vector<CustomField>& fields, EntryChanges::Field& change, const Stamp& stamp,
                std::vector<HistoryItem>& history) {
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const CustomField& f) { return f.name == change.name; });
    if (!change.value) {
        if (it == fields.end() || it->removed)
            return false;
        history.push_back({it->stamp, it->name, std::move(it->value)});
        it->value = SecureBuffer();
        it->removed = true;
        it->stamp = stamp;
        return true;
    }
    if (it == fields.end()) {
        fields.push_back({change.name, std::move(*change.value), change.isProtected, stamp, false});
        return true;
    }
    if (!it->removed && it->isProtected == change.isProtected && it->value.equals(*change.value))
        return false;
    if (!it->removed && !it->value.empty())
        history.push_back({it->stamp, it->name, std::move(it->value)});
    it->value = std::move(*change.value);
    it->isProtected = change.isProtected;
    it->removed = false;
    it->stamp = stamp;
    return true;
}

} // namespace

// Applies changes to an overview and its details; true if anything changed.
bool applyChanges(EntryOverview& o, EntryDetails& d, EntryChanges& c, const Stamp& stamp) {
    bool changed = false;
    auto& history = d.history;
    changed |= setText(o.title, c.title, stamp, QStringLiteral("title"), history);
    changed |= setText(o.username, c.username, stamp, QStringLiteral("username"), history);
    changed |= setText(o.folder, c.folder, stamp, QStringLiteral("folder"), history);
    if (c.urls)
        changed |= replaceSet(o.urls, *c.urls, stamp);
    if (c.tags)
        changed |= replaceSet(o.tags, *c.tags, stamp);
    changed |= setPlain(o.favourite, c.favourite, stamp);
    changed |= setPlain(o.expires, c.expires, stamp);
    changed |= setSecret(d.password, c.password, stamp, QStringLiteral("password"), history);
    changed |= setSecret(d.notes, c.notes, stamp, QStringLiteral("notes"), history);
    changed |= setSecret(d.totp, c.totp, stamp, QStringLiteral("totp"), history);
    for (EntryChanges::Field& field : c.fields)
        changed |= applyField(d.fields, field, stamp, history);
    if (changed)
        canonicalize(o, d); // the stored order merging produces (core/sync/Merge.h)
    return changed;
}

Status Vault::loadOverviews() {
    if (!m_session)
        return lockedError();
    return m_session->ensureOverviews();
}

const std::vector<EntryOverview>& Vault::entries() const {
    static const std::vector<EntryOverview> none;
    if (m_session)
        (void)m_session->ensureOverviews(); // OnDemand: loadOverviews() reports errors
    return m_session ? m_session->entries : none;
}

const EntryOverview* Vault::entry(const EntryId& id) const {
    if (!m_session)
        return nullptr;
    auto found = m_session->lookup(id); // on demand: an entry not opened yet is opened now
    return found ? *found : nullptr;
}

std::vector<const EntryOverview*> Vault::search(const QString& query) const {
    std::vector<const EntryOverview*> hits;
    if (!m_session)
        return hits;
    (void)m_session->ensureOverviews(); // OnDemand: loadOverviews() reports errors
    const SearchQuery matcher(query);
    const auto& entries = m_session->entries;
    const auto& haystacks = m_session->searchTexts();
    std::vector<char> found(entries.size());
    const auto check = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            found[i] = matcher.matches(entries[i], haystacks[i]);
    };
    inTwoHalves(entries.size(), 20'000, check);
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (found[i])
            hits.push_back(&entries[i]);
    return hits;
}

Result<std::vector<const EntryOverview*>> Vault::searchOnce(const QString& query) {
    if (!m_session)
        return lockedError();
    if (m_session->overviewsLoaded)
        return search(query);
    TESSERA_TRY(m_session->refreshIfChanged()); // another process may have written meanwhile
    return m_session->searchUnloaded(SearchQuery(query));
}

Result<EntryId> Vault::resolve(const QString& idOrTitle, Scope scope) const {
    if (!m_session)
        return lockedError();
    VaultSession& s = *m_session;
    if (idOrTitle.size() == HexIdLength) {
        const EntryId id = QByteArray::fromHex(idOrTitle.toLatin1());
        if (id.size() == qsizetype(EntryIdBytes)) {
            auto entry = s.lookup(id);
            if (!entry)
                return entry.error();
            if (*entry && inScope(**entry, scope))
                return id;
        }
    }
    auto stmt = s.file.db.prepare("SELECT id FROM entries WHERE title_index = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, titleIndex(s.file.keys.titleIndex, idOrTitle));
    std::vector<const EntryOverview*> matches;
    std::vector<EntryId> indexed; // ids under this title's index
    TESSERA_TRY(stmt->forEachRow([&](const Statement& row) -> Status {
        indexed.push_back(row.blob(0));
        return {};
    }));
    for (const EntryId& candidate : indexed) {
        auto found = s.lookup(candidate);
        if (!found)
            return found.error();
        const EntryOverview* entry = *found;
        // The index is a hint: the opened title must agree (it always does unless two titles
        // collide).
        if (entry && inScope(*entry, scope) &&
            normalizedTitle(entry->title.value) == normalizedTitle(idOrTitle))
            matches.push_back(entry);
    }
    if (matches.empty())
        return notFound(QStringLiteral("\"%1\"").arg(idOrTitle));
    if (matches.size() > 1) {
        QStringList candidates;
        for (const EntryOverview* entry : matches) {
            QStringList where{entry->folder.value, entry->username.value};
            where.removeAll(QString());
            candidates.append(
                QString::fromLatin1(entry->id.toHex()) +
                (where.isEmpty() ? QString()
                                 : QStringLiteral(" (%1)").arg(where.join(QStringLiteral(", ")))));
        }
        return makeError(ErrorCode::Ambiguous, QStringLiteral("\"%1\" matches %2 entries: %3")
                                                   .arg(idOrTitle)
                                                   .arg(matches.size())
                                                   .arg(candidates.join(QStringLiteral("; "))));
    }
    return matches.front()->id;
}

Result<EntryDetails> Vault::details(const EntryId& id) const {
    if (!m_session)
        return lockedError();
    auto entry = m_session->lookup(id);
    if (!entry)
        return entry.error();
    if (!*entry)
        return notFound(QString::fromLatin1(id.toHex()));
    return m_session->loadDetails(id);
}

Result<EntryId> Vault::add(EntryChanges changes) {
    std::vector<EntryChanges> one;
    one.push_back(std::move(changes));
    auto ids = addAll(std::move(one));
    if (!ids)
        return ids.error();
    return ids->front();
}

Result<std::vector<EntryId>> Vault::addAll(std::vector<EntryChanges> newEntries) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    for (const EntryChanges& changes : newEntries)
        if (!changes.title || changes.title->trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("an entry needs a title"));
    VaultSession& s = *m_session;
    std::vector<EntryOverview> added;
    added.reserve(newEntries.size());
    TESSERA_TRY(s.write([&]() -> Status {
        for (EntryChanges& changes : newEntries) {
            const Stamp stamp = s.nextStamp();
            EntryOverview overview;
            overview.id = randomBytes(EntryIdBytes);
            overview.created = overview.modified = s.now();
            overview.title.stamp = overview.username.stamp = overview.folder.stamp = stamp;
            overview.favourite.stamp = overview.expires.stamp = overview.trashed.stamp = stamp;
            EntryDetails details;
            details.password.stamp = details.notes.stamp = details.totp.stamp = stamp;
            applyChanges(overview, details, changes, stamp);
            details.history.clear(); // a new entry has no previous values
            TESSERA_TRY(s.storeOverview(overview));
            TESSERA_TRY(s.storeDetails(overview.id, details));
            added.push_back(std::move(overview));
        }
        return {};
    }));
    std::vector<EntryId> ids;
    ids.reserve(added.size());
    for (const EntryOverview& overview : added)
        ids.push_back(overview.id);
    s.insertEntries(std::move(added));
    return ids;
}

Status Vault::edit(const EntryId& id, EntryChanges changes) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    auto found = s.lookup(id);
    if (!found)
        return found.error();
    const EntryOverview* current = *found;
    if (!current)
        return notFound(QString::fromLatin1(id.toHex()));
    if (changes.title && changes.title->trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("an entry needs a title"));
    auto details = s.loadDetails(id);
    if (!details)
        return details.error();
    EntryOverview overview = *current;
    if (!applyChanges(overview, *details, changes, s.nextStamp()))
        return {};
    overview.modified = s.now();
    TESSERA_TRY(s.write([&]() -> Status {
        TESSERA_TRY(s.storeOverview(overview));
        return s.storeDetails(id, *details);
    }));
    s.replaceEntry(std::move(overview));
    return {};
}

static Status setTrashed(VaultSession* s, const EntryId& id, bool trashed) {
    if (!s)
        return lockedError();
    TESSERA_TRY(s->refreshIfChanged());
    auto found = s->lookup(id);
    if (!found)
        return found.error();
    const EntryOverview* current = *found;
    if (!current)
        return notFound(QString::fromLatin1(id.toHex()));
    if (current->trashed.value == trashed)
        return {};
    EntryOverview overview = *current;
    overview.trashed = {trashed, s->nextStamp()};
    overview.modified = s->now();
    TESSERA_TRY(s->write([&]() -> Status { return s->storeOverview(overview); }));
    s->replaceEntry(std::move(overview));
    return {};
}

Status Vault::trash(const EntryId& id) {
    return setTrashed(m_session.get(), id, true);
}
Status Vault::restore(const EntryId& id) {
    return setTrashed(m_session.get(), id, false);
}

Status Vault::purge(const EntryId& id) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    auto found = s.lookup(id);
    if (!found)
        return found.error();
    if (!*found)
        return notFound(QString::fromLatin1(id.toHex()));
    const Stamp stamp = s.nextStamp();
    TESSERA_TRY(s.write([&]() -> Status {
        TESSERA_TRY(s.deleteRows(Table::Attachments, "entry", id));
        TESSERA_TRY(s.deleteRows(Table::Details, "id", id));
        TESSERA_TRY(s.deleteRows(Table::Entries, "id", id));
        auto stmt =
            s.file.db.prepare("INSERT OR REPLACE INTO tombstones (id, stamp) VALUES (?, ?)");
        if (!stmt)
            return Status(stmt.error());
        stmt->bind(1, id).bind(2, encodeStamp(stamp));
        TESSERA_TRY(stmt->run());
        return updateRowMac(s.file.db, s.file.keys.rowMac, Table::Tombstones, id);
    }));
    s.removeEntry(id);
    return {};
}

} // namespace tessera
