// The entry list's order (core/vault/ListOrder.h): by each entry's search text (the case-folded
// title, then username, folder, URLs, tags), then by id. Unlock sorts a whole vault by the first
// 16 folded units of each text without building the texts, and by the whole texts where those
// tie; changes keep the list in order with the texts built. Checked here against the definition:
// every neighbour pair ordered by (searchText(), id).

#include "VaultFixture.h"

#include "vault/Search.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

EntryChanges entry(const QString& title, const QString& username = QString(),
                   const QString& folder = QString(), const QStringList& tags = {}) {
    EntryChanges c;
    c.title = title;
    c.username = username;
    c.folder = folder;
    c.tags = tags;
    return c;
}

// The first pair out of order, or an empty string.
QString firstDisorder(const std::vector<EntryOverview>& list) {
    for (std::size_t i = 1; i < list.size(); ++i) {
        const QString a = searchText(list[i - 1]);
        const QString b = searchText(list[i]);
        const int order = a.compare(b);
        if (order > 0 || (order == 0 && !(list[i - 1].id < list[i].id)))
            return QStringLiteral("%1: \"%2\" before \"%3\"").arg(i).arg(a, b);
    }
    return {};
}

} // namespace

class TestListOrder : public QObject {
    Q_OBJECT

private:
    static constexpr int GeneratedCount = 4200; // above the sort's threshold for two cores
    VaultSandbox m_box;
    std::vector<EntryId> m_ids; // of the hand-made entries

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY(m_box.isValid());
        VAULT_TAKE(vault, m_box.create());
        std::vector<EntryChanges> made;
        // Ties in the first 16 folded units, broken further on, by case, username, folder, id.
        made.push_back(entry(QStringLiteral("Amazon — family 1037")));
        made.push_back(entry(QStringLiteral("amazon — FAMILY 1036")));
        made.push_back(entry(QStringLiteral("Amazon — family 10"), QStringLiteral("zed")));
        made.push_back(entry(QStringLiteral("Amazon — family 10"), QStringLiteral("Adam")));
        made.push_back(entry(QStringLiteral("Same"), QStringLiteral("u"), QStringLiteral("B")));
        made.push_back(entry(QStringLiteral("Same"), QStringLiteral("u"), QStringLiteral("a")));
        made.push_back(entry(QStringLiteral("Twin"), QStringLiteral("u")));
        made.push_back(entry(QStringLiteral("Twin"), QStringLiteral("u")));
        // Ties in the first 32 units: ordered by the whole texts.
        const QString longTitle =
            QStringLiteral("A title that goes on past thirty-two units, no. ");
        for (const char* end : {"3", "1", "20", "2"})
            made.push_back(entry(longTitle + QLatin1String(end)));
        // Beyond ASCII: folded per character, as search folds.
        made.push_back(entry(QStringLiteral("Éclair")));
        made.push_back(entry(QStringLiteral("éclair 2")));
        made.push_back(entry(QStringLiteral("Über")));
        made.push_back(entry(QStringLiteral("uber")));
        made.push_back(entry(QStringLiteral("ΣΊΣΥΦΟΣ")));
        made.push_back(entry(QStringLiteral("σίσυφος")));
        made.push_back(entry(QStringLiteral("Straße")));
        // A surrogate pair folds the whole text at once: in the title, and only in a tag.
        made.push_back(entry(QStringLiteral("\U00010400 Deseret")));
        made.push_back(entry(QStringLiteral("\U00010428 deseret")));
        made.push_back(
            entry(QStringLiteral("Deseret"), QString(), QString(), {QStringLiteral("\U00010400")}));
        made.push_back(
            entry(QStringLiteral("DESERET"), QString(), QString(), {QStringLiteral("\U00010428")}));
        VAULT_TAKE(ids, vault->addAll(std::move(made)));
        m_ids = ids;
        // A URL replaced: the old one stays as a removed element, left out of the text.
        EntryChanges urls;
        urls.urls = QStringList{QStringLiteral("https://a.example")};
        VAULT_VERIFY_OK(vault->edit(m_ids[6], std::move(urls)));
        urls = EntryChanges();
        urls.urls = QStringList{QStringLiteral("https://b.example")};
        VAULT_VERIFY_OK(vault->edit(m_ids[6], std::move(urls)));
        // Many entries whose titles share long prefixes, on the two-core path.
        std::vector<EntryChanges> generated;
        for (int i = 0; i < GeneratedCount; ++i)
            generated.push_back(entry(QStringLiteral("Service — account %1").arg(i % 997),
                                      QStringLiteral("user%1").arg(i % 7)));
        VAULT_VERIFY_OK(vault->addAll(std::move(generated)));
        VAULT_VERIFY_OK(vault->publish());
    }

    void unlockListsInOrder() {
        VAULT_TAKE(vault, m_box.unlock());
        QCOMPARE(int(vault->entries().size()), GeneratedCount + int(m_ids.size()));
        QCOMPARE(firstDisorder(vault->entries()), QString());
    }

    // Changes right after unlock (texts not built yet) and after a search (texts built).
    void changesKeepTheOrder_data() {
        QTest::addColumn<bool>("searchFirst");
        QTest::addColumn<int>("edited");
        QTest::addColumn<int>("purged");
        QTest::addColumn<QString>("title"); // sorts first
        QTest::newRow("right after unlock") << false << 10 << 3 << QStringLiteral("!1 first");
        QTest::newRow("after a search") << true << 11 << 2 << QStringLiteral("!0 first");
    }
    void changesKeepTheOrder() {
        QFETCH(bool, searchFirst);
        QFETCH(int, edited);
        QFETCH(int, purged);
        QFETCH(QString, title);
        VAULT_TAKE(vault, m_box.unlock());
        if (searchFirst)
            QCOMPARE(int(vault->search(QStringLiteral("éclair")).size()), 2);
        EntryChanges moved;
        moved.title = title;
        VAULT_VERIFY_OK(vault->edit(m_ids[std::size_t(edited)], std::move(moved)));
        QCOMPARE(vault->entries().front().id, m_ids[std::size_t(edited)]);
        VAULT_TAKE(added, vault->add(entry(title + QStringLiteral(" added"))));
        VAULT_VERIFY_OK(vault->purge(m_ids[std::size_t(purged)]));
        QCOMPARE(firstDisorder(vault->entries()), QString());
        const auto found = vault->search(title + QStringLiteral(" added"));
        QCOMPARE(int(found.size()), 1);
        QCOMPARE(found.front()->id, added);
    }
};

QTEST_GUILESS_MAIN(TestListOrder)
#include "tst_listorder.moc"
