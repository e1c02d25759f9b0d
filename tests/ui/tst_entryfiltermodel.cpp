// EntryFilterModel over a real vault: search as you type means what Vault::search means (every
// term, case-insensitive, in title, username, URL, tag or folder; trashed entries left out),
// sidebar scopes (all, favourites, a folder with its subfolders, a tag, the trash), and the best
// match the view selects while the user types.
#include "EntryFilterModel.h"
#include "EntryModel.h"
#include "ViewFixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryFilterModel;
using tessera::ui::EntryModel;
using Kind = EntryFilterModel::ScopeKind;

namespace {

constexpr int SampleCount = 40;

QSet<QByteArray> shownIds(const EntryFilterModel& filter) {
    QSet<QByteArray> ids;
    for (int r = 0; r < filter.rowCount(); ++r)
        ids.insert(filter.index(r, 0).data(EntryModel::EntryIdRole).toByteArray());
    return ids;
}

} // namespace

class TestEntryFilterModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY2(m_f.open(SampleCount), qPrintable(m_f.error()));
        // Two trashed entries: core's search leaves them out, and so must the list.
        VAULT_VERIFY_OK(m_f.controller->trash(m_f.ids()[1]));
        VAULT_VERIFY_OK(m_f.controller->trash(m_f.ids()[9]));
        m_model = std::make_unique<EntryModel>(*m_f.controller);
    }

    void searchMeansWhatCoreMeans_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("title") << QStringLiteral("github");
        QTest::newRow("title mixed case") << QStringLiteral("GiTHuB 1");
        QTest::newRow("username") << QStringLiteral("user17@");
        QTest::newRow("url") << QStringLiteral("steampowered");
        QTest::newRow("tag") << QStringLiteral("important");
        QTest::newRow("folder") << QStringLiteral("personal/");
        QTest::newRow("two terms") << QStringLiteral("gmail important");
        QTest::newRow("terms across fields") << QStringLiteral("work 12 example");
        QTest::newRow("extra white space") << QStringLiteral("  amazon\t 3  ");
        QTest::newRow("non-ascii") << QStringLiteral("ZÜRICH café");
        QTest::newRow("no match") << QStringLiteral("nothing-like-this");
        QTest::newRow("trashed title") << QStringLiteral("gmail 1");
        QTest::newRow("password is not searched") << QStringLiteral("tr0ub4dor");
        QTest::newRow("notes are not searched") << QStringLiteral("security question");
    }
    void searchMeansWhatCoreMeans() {
        QFETCH(QString, query);
        EntryFilterModel filter(*m_model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSearchText(query);
        QSet<QByteArray> expected;
        for (const EntryOverview* entry : m_f.controller->vault()->search(query))
            expected.insert(entry->id);
        QCOMPARE(shownIds(filter), expected);
    }

    void typingNarrowsAndWidens() {
        EntryFilterModel filter(*m_model);
        QList<int> counts;
        for (const QString& typed : {QStringLiteral("g"), QStringLiteral("gm"),
                                     QStringLiteral("gma"), QStringLiteral("gm"), QString()}) {
            filter.setSearchText(typed);
            counts.append(filter.rowCount());
            QCOMPARE(filter.rowCount(), int(m_f.controller->vault()->search(typed).size()));
        }
        QVERIFY(counts[0] >= counts[1] && counts[1] >= counts[2]);
        QCOMPARE(counts[3], counts[1]);
        QCOMPARE(counts[4], SampleCount - 2);
    }

    void scopes_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        QTest::newRow("all") << int(Kind::All) << QString();
        QTest::newRow("favourites") << int(Kind::Favourites) << QString();
        QTest::newRow("folder") << int(Kind::Folder) << QStringLiteral("Personal/Email");
        QTest::newRow("folder with subfolders") << int(Kind::Folder) << QStringLiteral("Personal");
        QTest::newRow("prefix is not a parent") << int(Kind::Folder) << QStringLiteral("Pers");
        QTest::newRow("tag") << int(Kind::Tag) << QStringLiteral("important");
        QTest::newRow("trash") << int(Kind::Trash) << QString();
    }
    void scopes() {
        QFETCH(int, kind);
        QFETCH(QString, value);
        EntryFilterModel filter(*m_model);
        filter.setScope({Kind(kind), value});
        QSet<QByteArray> expected;
        for (const EntryOverview& e : m_f.controller->vault()->entries()) {
            bool in = false;
            const QString& folder = e.folder.value;
            switch (Kind(kind)) {
            case Kind::All:
                in = !e.trashed.value;
                break;
            case Kind::Favourites:
                in = !e.trashed.value && e.favourite.value;
                break;
            case Kind::Folder:
                in = !e.trashed.value &&
                     (folder == value || folder.startsWith(value + QLatin1Char('/')));
                break;
            case Kind::Tag:
                in = !e.trashed.value && e.tagList().contains(value);
                break;
            case Kind::Trash:
                in = e.trashed.value;
                break;
            }
            if (in)
                expected.insert(e.id);
        }
        QCOMPARE(shownIds(filter), expected);
        if (value != QLatin1String("Pers"))
            QVERIFY(!expected.isEmpty()); // every row here tests something
    }

    void searchWithinScope() {
        EntryFilterModel filter(*m_model);
        filter.setScope({Kind::Trash, {}});
        filter.setSearchText(QStringLiteral("gmail"));
        QCOMPARE(shownIds(filter), (QSet<QByteArray>{m_f.ids()[1], m_f.ids()[9]}));
        filter.setScope({Kind::Folder, QStringLiteral("Work")});
        filter.setSearchText(QStringLiteral("github"));
        for (const QByteArray& id : shownIds(filter))
            QVERIFY(
                m_f.controller->vault()->entry(id)->folder.value.startsWith(QLatin1String("Work")));
        QCOMPARE(filter.rowCount(), 5); // GitHub 0, 8, 16, 24, 32
    }

    void bestMatch_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("title");
        // Exact title beats a title that merely starts with the query ("GitHub 16").
        QTest::newRow("exact") << QStringLiteral("github 1") << QString();
        QTest::newRow("prefix") << QStringLiteral("steam 2") << QStringLiteral("Steam 21");
        QTest::newRow("title over other fields") << QStringLiteral("home") << QString();
        QTest::newRow("case") << QStringLiteral("DEUTSCHE bank 34")
                              << QStringLiteral("Deutsche Bank 34");
        QTest::newRow("several terms") << QStringLiteral("gmail 17") << QStringLiteral("Gmail 17");
        QTest::newRow("nothing") << QStringLiteral("zzz") << QString();
    }
    void bestMatch() {
        QFETCH(QString, query);
        QFETCH(QString, title);
        EntryFilterModel filter(*m_model);
        filter.setSearchText(query);
        const QModelIndex best = filter.bestMatch();
        if (query == QLatin1String("github 1")) {
            // No "GitHub 1" exists (1 % 8 is Gmail); titles starting with the query win:
            // the first of them in list order.
            QCOMPARE(best.data().toString(), QStringLiteral("GitHub 16"));
            return;
        }
        if (query == QLatin1String("home")) {
            // "home" is only a folder ("Home"): no title contains it; the first match wins.
            QVERIFY(best.isValid());
            QCOMPARE(best.row(), 0);
            return;
        }
        if (title.isEmpty()) {
            QVERIFY(!best.isValid());
            return;
        }
        QCOMPARE(best.data().toString(), title);
    }

    void exactTitleWins() {
        ViewFixture f;
        QVERIFY2(f.open(0), qPrintable(f.error()));
        for (const char* t : {"Mail archive", "Mail", "Gmail", "Mailbox"}) {
            EntryChanges c;
            c.title = QString::fromLatin1(t);
            VAULT_VERIFY_OK(f.controller->add(std::move(c)));
        }
        EntryModel model(*f.controller);
        EntryFilterModel filter(model);
        filter.setSearchText(QStringLiteral("mail"));
        QCOMPARE(filter.rowCount(), 4);
        QCOMPARE(filter.bestMatch().data().toString(), QStringLiteral("Mail"));
        filter.setSearchText(QStringLiteral("mailb"));
        QCOMPARE(filter.bestMatch().data().toString(), QStringLiteral("Mailbox"));
        filter.setSearchText(QStringLiteral("ail"));
        QCOMPARE(filter.bestMatch().data().toString(), QStringLiteral("Gmail")); // list order
    }

    void sortsByEveryColumn() {
        EntryFilterModel filter(*m_model);
        filter.sort(EntryModel::TitleColumn, Qt::AscendingOrder);
        for (int r = 1; r < filter.rowCount(); ++r)
            QVERIFY(filter.index(r - 1, 0).data().toString().compare(
                        filter.index(r, 0).data().toString(), Qt::CaseInsensitive) <= 0);
        filter.sort(EntryModel::ModifiedColumn, Qt::DescendingOrder);
        for (int r = 1; r < filter.rowCount(); ++r)
            QVERIFY(m_model->row(filter.mapToSource(filter.index(r - 1, 0)).row()).modified >=
                    m_model->row(filter.mapToSource(filter.index(r, 0)).row()).modified);
        filter.sort(EntryModel::UsernameColumn, Qt::AscendingOrder);
        for (int r = 1; r < filter.rowCount(); ++r)
            QVERIFY(filter.index(r - 1, EntryModel::UsernameColumn)
                        .data()
                        .toString()
                        .compare(filter.index(r, EntryModel::UsernameColumn).data().toString(),
                                 Qt::CaseInsensitive) <= 0);
    }

    void cleanupTestCase() { m_model.reset(); }

private:
    ViewFixture m_f;
    std::unique_ptr<EntryModel> m_model;
};

QTEST_MAIN(TestEntryFilterModel)
#include "tst_entryfiltermodel.moc"
