// Search as you type in slices (EntryFilterModel::startSearch) over a few thousand entries: the
// rows shown once a search finishes are exactly what one whole search shows (typing, backspacing,
// other scopes and sort orders), a newer search replaces a running one, a change of the vault
// during a pass is still answered, and VaultView selects the best match when the pass ends and
// lets Up/Down work on the rows of what was typed. Slices are bounded by rows here (not time), so
// every run takes the same slices.
#include "EntryFilterModel.h"
#include "EntryListView.h"
#include "EntryModel.h"
#include "VaultView.h"
#include "ViewFixture.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryFilterModel;
using tessera::ui::EntryModel;
using tessera::ui::VaultView;
using Kind = EntryFilterModel::ScopeKind;

namespace {

constexpr int SampleCount = 2000;
constexpr int RowsPerSlice = 97;             // a full pass takes about 20 slices
constexpr int NoTimeLimitUs = 1'000'000'000; // slices end by their row count alone

QList<QByteArray> shownIds(const EntryFilterModel& filter) {
    QList<QByteArray> ids;
    for (int r = 0; r < filter.rowCount(); ++r)
        ids.append(filter.index(r, 0).data(EntryModel::EntryIdRole).toByteArray());
    return ids;
}

QByteArray idOf(const QModelIndex& index) {
    return index.data(EntryModel::EntryIdRole).toByteArray();
}

// Starts a search and waits until it has been answered.
struct Answer {
    bool sliced = false; // still searching after startSearch returned
    int answers = 0;     // searchFinished signals
};
Answer searchInSlices(EntryFilterModel& filter, const QString& text) {
    QSignalSpy finished(&filter, &EntryFilterModel::searchFinished);
    filter.startSearch(text);
    Answer answer;
    answer.sliced = filter.searching();
    if (answer.sliced)
        finished.wait();
    answer.answers = int(finished.count());
    return answer;
}

} // namespace

class TestSlicedSearch : public QObject {
    Q_OBJECT

    // The vault's main view, shown, its search in slices of RowsPerSlice rows.
    std::unique_ptr<VaultView> slicedView() {
        auto view = std::make_unique<VaultView>(*m_f.controller, *m_f.clipboard, *m_f.settings);
        view->resize(1000, 600);
        view->show();
        view->filterModel()->setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        return view;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY2(m_f.open(SampleCount), qPrintable(m_f.error()));
        m_model = std::make_unique<EntryModel>(*m_f.controller);
    }

    void slicesShowWhatAWholeSearchShows_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::newRow("all, by title") << int(Kind::All) << QString() << 0 << false;
        QTest::newRow("folder, by title")
            << int(Kind::Folder) << QStringLiteral("Personal") << 0 << false;
        QTest::newRow("all, by username descending")
            << int(Kind::All) << QString() << int(EntryModel::UsernameColumn) << true;
    }
    void slicesShowWhatAWholeSearchShows() {
        QFETCH(int, kind);
        QFETCH(QString, value);
        QFETCH(int, column);
        QFETCH(bool, descending);
        const EntryFilterModel::Scope scope{Kind(kind), value};
        const Qt::SortOrder order = descending ? Qt::DescendingOrder : Qt::AscendingOrder;
        EntryFilterModel sliced(*m_model);
        QAbstractItemModelTester tester(&sliced,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sliced.setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        sliced.setScope(scope);
        sliced.sort(column, order);
        int slicedSearches = 0;
        // Typed letter by letter, a backspace, a second word, erased, another query, no match.
        for (const char* typed :
             {"s",   "st",  "ste", "steam",  "steam 1", "steam 12", "steam 1", "steam",
              "ste", "",    "g",   "gm",     "gmail",   "gmail 3",  "gmail",   "",
              "zz",  "zzq", "",    "work 1", "work",    ""}) {
            const QString text = QString::fromLatin1(typed);
            const Answer answer = searchInSlices(sliced, text);
            slicedSearches += answer.sliced ? 1 : 0;
            QCOMPARE(answer.answers, 1);
            QVERIFY(!sliced.searching());
            // One whole search, with no earlier search to narrow from.
            EntryFilterModel whole(*m_model);
            whole.setScope(scope);
            whole.sort(column, order);
            whole.setSearchText(text);
            QCOMPARE(shownIds(sliced), shownIds(whole));
            QCOMPARE(idOf(sliced.bestMatch()), idOf(whole.bestMatch()));
            if (kind == int(Kind::All))
                QCOMPARE(sliced.rowCount(), int(m_f.controller->vault()->search(text).size()));
        }
        // Every query that needs a pass over all entries (first letters, backspaces) is sliced.
        QVERIFY(slicedSearches >= 6);
    }

    void newerSearchWins() {
        EntryFilterModel filter(*m_model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        QSignalSpy finished(&filter, &EntryFilterModel::searchFinished);
        filter.startSearch(QStringLiteral("gmail"));
        QVERIFY(filter.searching());
        QCoreApplication::processEvents(); // a slice or so, far from done
        QVERIFY(filter.searching());
        filter.startSearch(QStringLiteral("steam 1"));
        QVERIFY(finished.wait());
        QTest::qWait(20); // nothing of the replaced search arrives later
        QCOMPARE(finished.count(), 1);
        QVERIFY(!filter.searching());
        EntryFilterModel whole(*m_model);
        whole.setSearchText(QStringLiteral("steam 1"));
        QCOMPARE(shownIds(filter), shownIds(whole));
        QCOMPARE(filter.searchText(), QStringLiteral("steam 1"));
    }

    void finishSearchCompletesAtOnce() {
        EntryFilterModel filter(*m_model);
        filter.setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        QSignalSpy finished(&filter, &EntryFilterModel::searchFinished);
        filter.startSearch(QStringLiteral("bank"));
        QVERIFY(filter.searching());
        const QList<QByteArray> before = shownIds(filter); // still the last rows: all entries
        QCOMPARE(before.size(), SampleCount);
        filter.finishSearch();
        QVERIFY(!filter.searching());
        QCOMPARE(finished.count(), 1);
        EntryFilterModel whole(*m_model);
        whole.setSearchText(QStringLiteral("bank"));
        QCOMPARE(shownIds(filter), shownIds(whole));
        QVERIFY(filter.rowCount() < SampleCount);
    }

    void emptyQueryAndNoMatch() {
        EntryFilterModel filter(*m_model);
        filter.setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        QVERIFY(searchInSlices(filter, QStringLiteral("qqqq zzzz")).sliced);
        QCOMPARE(filter.rowCount(), 0);
        QVERIFY(!filter.bestMatch().isValid());
        QCOMPARE(searchInSlices(filter, QStringLiteral("   ")).answers, 1);
        QCOMPARE(filter.rowCount(), SampleCount);
        QCOMPARE(filter.bestMatch(), filter.index(0, 0));
        // The same terms again: answered at once, nothing redone.
        QSignalSpy finished(&filter, &EntryFilterModel::searchFinished);
        filter.startSearch(QString());
        QCOMPARE(finished.count(), 1);
        QVERIFY(!filter.searching());
    }

    void viewSelectsBestMatchWhenThePassEnds() {
        const auto shown = slicedView();
        VaultView& view = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EntryFilterModel* filter = view.filterModel();
        view.focusSearch();
        QTest::keyClick(view.searchField(), 's');
        QVERIFY(filter->searching()); // the list still shows every entry
        QCOMPARE(filter->rowCount(), SampleCount);
        QTest::keyClicks(view.searchField(), QStringLiteral("team 21"));
        QTRY_VERIFY(!filter->searching());
        // "Steam 21" is the exact title; "Steam 210".."Steam 2197" only start with the query.
        QCOMPARE(view.currentEntry(), m_f.idOf(QStringLiteral("Steam 21")));
        QCOMPARE(filter->rowCount(),
                 int(m_f.controller->vault()->search(QStringLiteral("steam 21")).size()));
    }

    void upDownActOnTheRowsOfWhatWasTyped() {
        const auto shown = slicedView();
        VaultView& view = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EntryFilterModel* filter = view.filterModel();
        view.focusSearch();
        QTest::keyClicks(view.searchField(), QStringLiteral("router"));
        QVERIFY(filter->searching());
        // Down before the pass ended: the pass ends first, its best match is selected, and
        // Down moves from there.
        QTest::keyClick(view.searchField(), Qt::Key_Down);
        QVERIFY(!filter->searching());
        EntryFilterModel whole(*m_model);
        whole.setSearchText(QStringLiteral("router"));
        QCOMPARE(shownIds(*filter), shownIds(whole));
        const int best = whole.bestMatch().row();
        QCOMPARE(view.list()->currentIndex().row(), best + 1);
        QCOMPARE(view.currentEntry(), idOf(whole.index(best + 1, 0)));
        // Clearing the box (a full pass again) brings every entry back.
        QTest::keyClick(view.searchField(), Qt::Key_Escape);
        QTRY_VERIFY(!filter->searching());
        QCOMPARE(filter->rowCount(), SampleCount);
    }

    void aClickDuringThePassIsKept() {
        const auto shown = slicedView();
        VaultView& view = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        EntryFilterModel* filter = view.filterModel();
        view.focusSearch();
        QTest::keyClicks(view.searchField(), QStringLiteral("steam"));
        QTRY_VERIFY(!filter->searching());
        QCOMPARE(view.currentEntry(), idOf(filter->bestMatch()));
        // "steam 2": while its pass runs, the user clicks the fourth row shown ("steam" rows).
        QTest::keyClicks(view.searchField(), QStringLiteral(" 2"));
        QVERIFY(filter->searching());
        const QModelIndex clicked = filter->index(3, 0);
        const QByteArray clickedId = idOf(clicked);
        QTest::mouseClick(view.list()->viewport(), Qt::LeftButton, {},
                          view.list()->visualRect(clicked).center());
        QCOMPARE(view.currentEntry(), clickedId);
        QTRY_VERIFY(!filter->searching());
        EntryFilterModel whole(*m_model);
        whole.setSearchText(QStringLiteral("steam 2"));
        QCOMPARE(shownIds(*filter), shownIds(whole));
        QVERIFY(shownIds(whole).contains(clickedId)); // "Steam 1029"
        QVERIFY(idOf(filter->bestMatch()) != clickedId);
        QCOMPARE(view.currentEntry(), clickedId); // kept, not replaced by the best match
        // The next search without a click selects its best match again.
        QTest::keyClick(view.searchField(), '1');
        QTRY_VERIFY(!filter->searching());
        QCOMPARE(view.currentEntry(), idOf(filter->bestMatch()));
    }

    void editedEntryJoinsAndLeavesTheRows() {
        EntryFilterModel filter(*m_model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSearchText(QStringLiteral("gmail 1"));
        const int before = filter.rowCount();
        const QPersistentModelIndex kept = filter.index(before - 1, 0);
        const QByteArray keptId = idOf(kept);
        const EntryId renamed = m_f.idOf(QStringLiteral("Steam 13"));
        EntryChanges join;
        join.title = QStringLiteral("Gmail 1 (old Steam)");
        VAULT_VERIFY_OK(m_f.controller->edit(renamed, std::move(join)));
        QCOMPARE(filter.rowCount(), before + 1);
        QVERIFY(shownIds(filter).contains(renamed));
        EntryFilterModel whole(*m_model);
        whole.setSearchText(QStringLiteral("gmail 1"));
        QCOMPARE(shownIds(filter), shownIds(whole)); // in title order
        QCOMPARE(idOf(kept), keptId);                // a selected row stays selected
        EntryChanges leave;
        leave.title = QStringLiteral("Steam 13");
        VAULT_VERIFY_OK(m_f.controller->edit(renamed, std::move(leave)));
        QCOMPARE(filter.rowCount(), before);
        QVERIFY(!shownIds(filter).contains(renamed));
        QCOMPARE(idOf(kept), keptId);
    }

    // Last: it changes the vault. An entry trashed while a pass runs: the search is still
    // answered, on the changed rows.
    void changeOfTheVaultDuringAPass() {
        EntryFilterModel filter(*m_model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSliceBudget(NoTimeLimitUs, RowsPerSlice);
        QSignalSpy finished(&filter, &EntryFilterModel::searchFinished);
        filter.startSearch(QStringLiteral("gmail"));
        QVERIFY(filter.searching());
        const EntryId gone = m_f.idOf(QStringLiteral("Gmail 9"));
        VAULT_VERIFY_OK(m_f.controller->trash(gone));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!filter.searching());
        QVERIFY(!shownIds(filter).contains(gone));
        QCOMPARE(filter.rowCount(),
                 int(m_f.controller->vault()->search(QStringLiteral("gmail")).size()));
    }

    void cleanupTestCase() { m_model.reset(); }

private:
    ViewFixture m_f;
    std::unique_ptr<EntryModel> m_model;
};

QTEST_MAIN(TestSlicedSearch)
#include "tst_slicedsearch.moc"
