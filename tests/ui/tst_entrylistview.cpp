// EntryListView paints its cells through EntryListDelegate (text laid out once and cached): the
// list must look exactly as Qt's own delegate paints it, selected rows, favourites in bold, texts
// elided in narrow columns and right-to-left included; the cache follows a changed text and width
// and is emptied when the list is reset (the vault locks).
#include "EntryFilterModel.h"
#include "EntryListDelegate.h"
#include "EntryListView.h"
#include "EntryModel.h"
#include "ViewFixture.h"

#include <QHeaderView>
#include <QImage>
#include <QStyledItemDelegate>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryFilterModel;
using tessera::ui::EntryListDelegate;
using tessera::ui::EntryListView;
using tessera::ui::EntryModel;

namespace {

constexpr int SampleCount = 40;

// The list painted by its own delegate, then by QStyledItemDelegate: the pixels that differ.
int differingPixels(EntryListView& list) {
    const QImage cached = list.viewport()->grab().toImage();
    QAbstractItemDelegate* own = list.itemDelegate();
    QStyledItemDelegate plain;
    list.setItemDelegate(&plain);
    const QImage reference = list.viewport()->grab().toImage();
    list.setItemDelegate(own);
    if (cached.size() != reference.size())
        return -1;
    int differing = 0;
    for (int y = 0; y < cached.height(); ++y)
        for (int x = 0; x < cached.width(); ++x)
            differing += cached.pixel(x, y) != reference.pixel(x, y) ? 1 : 0;
    return differing;
}

} // namespace

class TestEntryListView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY2(m_f.open(SampleCount), qPrintable(m_f.error()));
    }

    void looksAsQtPaintsIt_data() {
        QTest::addColumn<int>("titleWidth");
        QTest::addColumn<bool>("rightToLeft");
        QTest::newRow("wide columns") << 260 << false;
        QTest::newRow("texts elided") << 70 << false;
        QTest::newRow("right to left") << 90 << true;
    }
    void looksAsQtPaintsIt() {
        QFETCH(int, titleWidth);
        QFETCH(bool, rightToLeft);
        EntryModel model(*m_f.controller);
        EntryFilterModel filter(model);
        EntryListView list;
        list.setModel(&filter);
        list.sortByColumn(EntryModel::TitleColumn, Qt::AscendingOrder);
        list.setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
        list.header()->resizeSection(EntryModel::TitleColumn, titleWidth);
        list.header()->resizeSection(EntryModel::UsernameColumn, titleWidth / 2);
        list.resize(700, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.setFocus();
        // A selected favourite ("GitHub 0": every third entry is one) and a selected plain row.
        list.selectionModel()->select(filter.index(0, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        list.selectionModel()->setCurrentIndex(filter.index(2, 0), QItemSelectionModel::Select |
                                                                       QItemSelectionModel::Rows);
        QVERIFY(model.row(filter.mapToSource(filter.index(0, 0)).row()).favourite ||
                model.row(filter.mapToSource(filter.index(2, 0)).row()).favourite);
        QCOMPARE(differingPixels(list), 0);
        // Painted from the cache (left to right), or as Qt paints (right to left).
        const auto* delegate = qobject_cast<EntryListDelegate*>(list.itemDelegate());
        QVERIFY(delegate);
        QCOMPARE(delegate->cachedTexts() > 0, !rightToLeft);
    }

    void cacheFollowsTextAndWidth() {
        EntryModel model(*m_f.controller);
        EntryFilterModel filter(model);
        EntryListView list;
        list.setModel(&filter);
        list.sortByColumn(EntryModel::TitleColumn, Qt::AscendingOrder);
        list.resize(700, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QCOMPARE(differingPixels(list), 0);
        // Narrower: the same texts elided at the new width.
        list.header()->resizeSection(EntryModel::TitleColumn, 60);
        QCOMPARE(differingPixels(list), 0);
        // A changed title is painted as changed.
        EntryChanges renamed;
        renamed.title = QStringLiteral("AAA renamed entry");
        VAULT_VERIFY_OK(m_f.controller->edit(m_f.ids()[5], std::move(renamed)));
        QCOMPARE(filter.index(0, 0).data().toString(), QStringLiteral("AAA renamed entry"));
        QCOMPARE(differingPixels(list), 0);
        // Locking resets the list: no laid-out titles are kept.
        const auto* delegate = qobject_cast<EntryListDelegate*>(list.itemDelegate());
        QVERIFY(delegate && delegate->cachedTexts() > 0);
        model.reload();
        QCOMPARE(delegate->cachedTexts(), 0);
    }

private:
    ViewFixture m_f;
};

QTEST_MAIN(TestEntryListView)
#include "tst_entrylistview.moc"
