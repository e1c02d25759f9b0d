// Properties of the merge CRDT (core/sync/Merge.h) over random in-memory replicas: commutative,
// associative, idempotent, and no value ever typed is lost (each is the current value or in the
// history of the merge). Fixed seeds; TESSERA_MERGE_PROPERTY_ROUNDS=N runs longer.

#include "sync/Merge.h"

#include "crypto/Crypto.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tessera;

namespace {

SecureBuffer secretOf(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

QByteArray bytesOf(const SecureBuffer& b) {
    return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size()));
}

// A replica being edited by one device with its own clock.
class Editor {
public:
    Editor(Replica& replica, QByteArray device, QRandomGenerator& random, quint64& clock)
        : m_r(replica)
        , m_device(std::move(device))
        , m_random(random)
        , m_clock(clock) {}

    void randomEdit() {
        const int op = int(m_random.bounded(100));
        if (m_r.entries.empty() || op < 10)
            return addEntry();
        auto it = m_r.entries.begin();
        std::advance(it, m_random.bounded(int(m_r.entries.size())));
        EntryRecord& e = it->second;
        if (op < 14)
            return purge(it->first);
        if (op < 20) {
            e.overview.trashed = {!e.overview.trashed.value, stamp()};
            return;
        }
        if (op < 28)
            return editSet(e.overview.urls, QStringLiteral("https://u%1.example"));
        if (op < 34)
            return editSet(e.overview.tags, QStringLiteral("tag%1"));
        if (op < 42)
            return editField(e);
        if (op < 46) {
            const QByteArray att =
                QByteArray::number(m_random.generate64(), 16).rightJustified(16, '0');
            m_r.attachments[att] = it->first;
            return;
        }
        if (op < 48) {
            for (auto a = m_r.attachments.begin(); a != m_r.attachments.end(); ++a)
                if (a->second == it->first) {
                    m_r.tombstones[attachmentTombstone(a->second, a->first)] = stamp();
                    m_r.attachments.erase(a);
                    break;
                }
            return;
        }
        if (op < 50) {
            m_r.name = {QStringLiteral("name %1").arg(m_random.bounded(5)), stamp()};
            return;
        }
        const int which = int(m_random.bounded(6));
        const QString value = QStringLiteral("v%1").arg(m_random.bounded(8)); // repeats happen
        if (which < 3) {
            Register<QString>* regs[] = {&e.overview.title, &e.overview.username,
                                         &e.overview.folder};
            const char* names[] = {"title", "username", "folder"};
            Register<QString>& reg = *regs[which];
            if (reg.value == value)
                return;
            if (!reg.value.isEmpty())
                e.details.history.push_back(
                    {reg.stamp, QString::fromLatin1(names[which]), secretOf(reg.value.toUtf8())});
            reg = {value, stamp()};
        } else {
            Register<SecureBuffer>* regs[] = {&e.details.password, &e.details.notes,
                                              &e.details.totp};
            const char* names[] = {"password", "notes", "totp"};
            Register<SecureBuffer>& reg = *regs[which - 3];
            if (bytesOf(reg.value) == value.toUtf8())
                return;
            if (!reg.value.empty())
                e.details.history.push_back(
                    {reg.stamp, QString::fromLatin1(names[which - 3]), std::move(reg.value)});
            reg = {secretOf(value.toUtf8()), stamp()};
        }
        canonicalize(e);
    }

private:
    Stamp stamp() {
        // Devices' clocks run close together, sometimes equal: ties are exercised too.
        m_clock += m_random.bounded(3);
        m_last = std::max(m_last + 1, m_clock);
        return Stamp{m_last, m_device};
    }
    void addEntry() {
        EntryRecord e;
        e.overview.id = QByteArray::number(m_random.generate64(), 16).rightJustified(16, '0');
        const Stamp s = stamp();
        e.overview.title = {QStringLiteral("entry"), s};
        e.overview.username.stamp = e.overview.folder.stamp = e.overview.favourite.stamp = s;
        e.overview.expires.stamp = e.overview.trashed.stamp = s;
        e.details.password = {secretOf("initial"), s};
        e.details.notes.stamp = e.details.totp.stamp = s;
        e.overview.created = e.overview.modified = qint64(s.hlc);
        m_r.entries.emplace(e.overview.id, std::move(e));
    }
    void purge(const EntryId id) { // a copy: erasing the entry frees its key
        m_r.entries.erase(id);
        m_r.tombstones[id] = stamp();
        for (auto a = m_r.attachments.begin(); a != m_r.attachments.end();)
            a = a->second == id ? m_r.attachments.erase(a) : std::next(a);
    }
    void editSet(std::vector<SetElement>& set, const QString& pattern) {
        const QString value = pattern.arg(m_random.bounded(4));
        auto it = std::find_if(set.begin(), set.end(),
                               [&](const SetElement& e) { return e.value == value; });
        if (it == set.end())
            set.push_back({value, stamp(), false});
        else
            *it = {value, stamp(), !it->removed};
    }
    void editField(EntryRecord& e) {
        const QString name = QStringLiteral("field%1").arg(m_random.bounded(3));
        auto it = std::find_if(e.details.fields.begin(), e.details.fields.end(),
                               [&](const CustomField& f) { return f.name == name; });
        const bool remove = m_random.bounded(4) == 0;
        if (it == e.details.fields.end()) {
            if (!remove)
                e.details.fields.push_back({name, secretOf(QByteArray::number(m_random.bounded(5))),
                                            false, stamp(), false});
        } else {
            if (!it->removed && !it->value.empty())
                e.details.history.push_back({it->stamp, name, it->value.clone()});
            it->value = remove ? SecureBuffer() : secretOf(QByteArray::number(m_random.bounded(5)));
            it->removed = remove;
            it->stamp = stamp();
        }
        canonicalize(e);
    }

    Replica& m_r;
    QByteArray m_device;
    QRandomGenerator& m_random;
    quint64& m_clock;
    quint64 m_last = 0;
};

// Every (field, value) a replica holds: current values and history.
QSet<QByteArray> valuesOf(const Replica& r) {
    QSet<QByteArray> out;
    for (const auto& [id, e] : r.entries) {
        const QByteArray key = id + '/';
        out.insert(key + "title=" + e.overview.title.value.toUtf8());
        out.insert(key + "username=" + e.overview.username.value.toUtf8());
        out.insert(key + "folder=" + e.overview.folder.value.toUtf8());
        out.insert(key + "password=" + bytesOf(e.details.password.value));
        out.insert(key + "notes=" + bytesOf(e.details.notes.value));
        out.insert(key + "totp=" + bytesOf(e.details.totp.value));
        for (const CustomField& f : e.details.fields)
            if (!f.removed)
                out.insert(key + f.name.toUtf8() + '=' + bytesOf(f.value));
        for (const HistoryItem& h : e.details.history)
            out.insert(key + h.field.toUtf8() + '=' + bytesOf(h.value));
    }
    return out;
}

int rounds() {
    const int fromEnv = qEnvironmentVariableIntValue("TESSERA_MERGE_PROPERTY_ROUNDS");
    return fromEnv > 0 ? fromEnv : 400;
}

} // namespace

class TestMergeProperties : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }
    void laws_data();
    void laws();
};

void TestMergeProperties::laws_data() {
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 7u, 42u, 2024u})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TestMergeProperties::laws() {
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    for (int round = 0; round < rounds(); ++round) {
        // A common ancestor, then three devices editing apart.
        Replica base;
        quint64 clock = 1000;
        Editor(base, QByteArray(16, 'o'), random, clock).randomEdit();
        for (int i = 0; i < 6; ++i)
            Editor(base, QByteArray(16, 'o'), random, clock).randomEdit();
        std::vector<Replica> replicas;
        for (int d = 0; d < 3; ++d) {
            replicas.push_back(base.clone());
            quint64 deviceClock = clock;
            Editor editor(replicas.back(), QByteArray(16, char('a' + d)), random, deviceClock);
            const int edits = int(random.bounded(12));
            for (int i = 0; i < edits; ++i)
                editor.randomEdit();
        }
        const Replica& a = replicas[0];
        const Replica& b = replicas[1];
        const Replica& c = replicas[2];
        const Replica ab = mergeReplicas(a, b);
        QVERIFY2(sameReplica(ab, mergeReplicas(b, a)), "not commutative");
        QVERIFY2(sameReplica(mergeReplicas(ab, c), mergeReplicas(a, mergeReplicas(b, c))),
                 "not associative");
        QVERIFY2(sameReplica(mergeReplicas(a, a), a), "not idempotent");
        QVERIFY2(sameReplica(mergeReplicas(ab, b), ab), "merging again changes the result");
        // Nothing typed is lost: every value of either side is current or in the history,
        // except in entries purged for good.
        const QSet<QByteArray> merged = valuesOf(ab);
        for (const Replica* side : {&a, &b})
            for (const QByteArray& value : valuesOf(*side)) {
                const QByteArray id = value.left(16);
                if (ab.tombstones.count(id))
                    continue;
                QVERIFY2(merged.contains(value) || value.endsWith('='),
                         qPrintable(QStringLiteral("lost %1").arg(QString::fromUtf8(value))));
            }
        for (const auto& [id, stamp] : ab.tombstones)
            if (id.size() == 16)
                QVERIFY2(!ab.entries.count(id), "a purged entry came back");
    }
}

QTEST_GUILESS_MAIN(TestMergeProperties)
#include "tst_merge_properties.moc"
