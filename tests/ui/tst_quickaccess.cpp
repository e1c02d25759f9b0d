// QuickAccessWindow: typing selects the best match, Enter copies its password (with the
// password manager hint) and closes, Shift+Enter copies its username and closes, Up/Down pick
// another match, Escape closes, an entry without a password keeps the window open with a
// message, and locking hides it with the search cleared. Searches run in slices as in the main
// window; keys that act on the rows finish a running search first.
#include "EntryFilterModel.h"
#include "EntryModel.h"
#include "QuickAccessWindow.h"
#include "ViewFixture.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::QuickAccessWindow;

class TestQuickAccess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QVERIFY2(m_f.open(24), qPrintable(m_f.error()));
        EntryChanges bare;
        bare.title = QStringLiteral("Bare entry");
        VAULT_VERIFY_OK(m_f.controller->add(std::move(bare)));
    }

    void enterCopiesThePasswordAndCloses() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        QVERIFY(window.isVisible());
        QVERIFY(window.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
        QVERIFY(window.windowFlags().testFlag(Qt::FramelessWindowHint));
        QTest::keyClicks(window.searchField(), QStringLiteral("deutsche 18"));
        const EntryId expected = m_f.idOf(QStringLiteral("Deutsche Bank 18"));
        QCOMPARE(window.selectedEntry(), expected);
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        QCOMPARE(clipboardText().toUtf8(), m_f.passwordOf(expected));
        QCOMPARE(clipboardHint(), QByteArray("secret"));
        QVERIFY(!window.isVisible());
        QVERIFY(window.searchField()->text().isEmpty()); // nothing typed is left behind
    }

    // A large vault is searched in slices through the event loop: the best match is selected
    // when the search lands, and Enter or Down before that act on what was typed.
    void slicedSearchLandsAndEnterWaitsForIt() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        auto* filter = window.findChild<ui::EntryFilterModel*>();
        QVERIFY(filter);
        filter->setSliceBudget(1'000'000, 3); // 3 rows per slice: this vault takes many slices
        window.present();
        const EntryId expected = m_f.idOf(QStringLiteral("Deutsche Bank 18"));
        QTest::keyClicks(window.searchField(), QStringLiteral("deutsche 18"));
        QVERIFY(filter->searching()); // still running: nothing decided yet
        QTRY_COMPARE(window.selectedEntry(), expected);
        QTest::keyClicks(window.searchField(), QStringLiteral("x")); // matches nothing
        QTest::keyClick(window.searchField(), Qt::Key_Backspace);
        QVERIFY(filter->searching());
        QTest::keyClick(window.searchField(), Qt::Key_Return); // finishes the search first
        QCOMPARE(clipboardText().toUtf8(), m_f.passwordOf(expected));
        QVERIFY(!window.isVisible());
    }

    void shiftEnterCopiesTheUsername() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        QTest::keyClicks(window.searchField(), QStringLiteral("steam"));
        QTest::keyClick(window.searchField(), Qt::Key_Down); // the second Steam entry
        const EntryId chosen = window.selectedEntry();
        QCOMPARE(chosen, m_f.idOf(QStringLiteral("Steam 21")));
        QTest::keyClick(window.searchField(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(clipboardText(), QStringLiteral("user21@example.com"));
        QVERIFY(!window.isVisible());
    }

    void escapeCloses() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        QTest::keyClicks(window.searchField(), QStringLiteral("git"));
        const QString before = clipboardText();
        QTest::keyClick(window.searchField(), Qt::Key_Escape);
        QVERIFY(!window.isVisible());
        QCOMPARE(clipboardText(), before);
    }

    void noPasswordKeepsItOpen() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        QTest::keyClicks(window.searchField(), QStringLiteral("bare"));
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        QVERIFY(window.isVisible());
        QVERIFY(window.findChild<QLabel*>()->text().contains(QStringLiteral("no password")));
        QTest::keyClicks(window.searchField(), QStringLiteral("zzz"));
        QTest::keyClick(window.searchField(), Qt::Key_Return);
        QVERIFY(window.isVisible());
    }

    void showsTenRows() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        const int rowHeight = window.results()->sizeHintForRow(0);
        QVERIFY(rowHeight > 0);
        QVERIFY(window.results()->viewport()->height() >= rowHeight * 9);
        QVERIFY(window.findChild<QLabel*>()->text().contains(QStringLiteral("keep typing")));
    }

    // Last: it locks the shared vault.
    void lockHidesIt() {
        QuickAccessWindow window(*m_f.controller, *m_f.clipboard);
        window.present();
        QTest::keyClicks(window.searchField(), QStringLiteral("gmail"));
        m_f.controller->lock();
        QVERIFY(!window.isVisible());
        QVERIFY(window.searchField()->text().isEmpty());
        QCOMPARE(window.filterModel()->rowCount(), 0);
    }

private:
    ViewFixture m_f;
};

QTEST_MAIN(TestQuickAccess)
#include "tst_quickaccess.moc"
