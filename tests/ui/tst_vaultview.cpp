// VaultView driven with the keyboard the way KeePassXC users work: Ctrl+F, a few letters (the
// best match is selected as they type), Ctrl+C copies that entry's password without leaving the
// search box, Ctrl+B the username, Ctrl+U opens the URL, Ctrl+E/Enter edit, Up/Down move the
// selection from the box. Under X11 a focused QLineEdit claims Ctrl+C/Ctrl+U/Ctrl+E through
// ShortcutOverride, unlike the offscreen platform, so CTest runs this suite twice: offscreen, and
// under Xvfb with QT_QPA_PLATFORM=xcb (tst_vaultview_xvfb). Also: multi-select trash / restore /
// purge, move to folder, empty states, and lock clearing the view.
#include "DetailsPane.h"
#include "EntryActions.h"
#include "EntryEditor.h"
#include "EntryFilterModel.h"
#include "EntryListView.h"
#include "EntryModel.h"
#include "SecretLabel.h"
#include "VaultView.h"
#include "ViewFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryFilterModel;
using tessera::ui::EntryModel;
using tessera::ui::VaultView;
using Kind = EntryFilterModel::ScopeKind;

constexpr int SampleCount = 40;

// Receives what QDesktopServices::openUrl would hand to the browser.
class UrlRecorder : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

class TestVaultView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_urls, "open");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); }

    void init() {
        m_f = std::make_unique<ViewFixture>();
        QVERIFY2(m_f->open(SampleCount), qPrintable(m_f->error()));
        m_view = std::make_unique<VaultView>(*m_f->controller, *m_f->clipboard, *m_f->settings);
        m_view->resize(1200, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // Without a window manager (Xvfb) nothing activates a new window: ask for it.
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_urls.opened.clear();
    }
    void cleanup() {
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
        m_view.reset();
        m_f.reset();
    }

    void searchSelectsBestMatchAndCtrlCCopiesIt() {
        m_view->list()->setFocus();
        QTest::keyClick(m_view->list(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), m_view->searchField());
        QTest::keyClicks(m_view->searchField(), QStringLiteral("gmail 17"));
        const EntryId expected = m_f->idOf(QStringLiteral("Gmail 17"));
        QCOMPARE(m_view->currentEntry(), expected);
        QCOMPARE(m_view->details()->entryId(), expected);

        QTest::keyClick(m_view->searchField(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText().toUtf8(), m_f->passwordOf(expected));
        QCOMPARE(clipboardHint(), QByteArray("secret"));
        QCOMPARE(QApplication::focusWidget(), m_view->searchField());
        QCOMPARE(m_view->searchField()->text(), QStringLiteral("gmail 17"));
    }

    void bestMatchFollowsEveryKeystroke() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("ste"));
        QCOMPARE(m_view->currentEntry(), m_f->idOf(QStringLiteral("Steam 13"))); // first Steam
        QTest::keyClicks(m_view->searchField(), QStringLiteral("am 2"));
        QCOMPARE(m_view->currentEntry(), m_f->idOf(QStringLiteral("Steam 21")));
        QTest::keyClick(m_view->searchField(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText().toUtf8(), m_f->passwordOf(m_f->idOf(QStringLiteral("Steam 21"))));
    }

    void ctrlBCopiesTheUsername() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("amazon 11"));
        QTest::keyClick(m_view->searchField(), Qt::Key_B, Qt::ControlModifier);
        QCOMPARE(clipboardText(), QStringLiteral("user11@example.com"));
        QCOMPARE(clipboardHint(), QByteArray()); // not a secret
        QCOMPARE(m_view->searchField()->text(), QStringLiteral("amazon 11"));
        QCOMPARE(m_view->searchField()->cursorPosition(), 9); // Ctrl+B did not move the cursor
    }

    void ctrlUOpensTheUrl() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("github 8"));
        QTest::keyClick(m_view->searchField(), Qt::Key_U, Qt::ControlModifier);
        const EntryId id = m_f->idOf(QStringLiteral("GitHub 8"));
        const QString first = m_f->controller->vault()->entry(id)->urlList().first();
        QCOMPARE(m_urls.opened, (QList<QUrl>{QUrl(first)}));
        // The box kept its text (X11's Ctrl+U would have deleted it).
        QCOMPARE(m_view->searchField()->text(), QStringLiteral("github 8"));
        QCOMPARE(QApplication::focusWidget(), m_view->searchField());
    }

    void ctrlCWithSelectedTextCopiesTheText() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("gmail"));
        m_view->searchField()->selectAll();
        QTest::keyClick(m_view->searchField(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText(), QStringLiteral("gmail"));
        QCOMPARE(clipboardHint(), QByteArray());
    }

    void upDownMoveTheSelectionFromTheBox() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("router"));
        const QModelIndex first = m_view->list()->currentIndex();
        QCOMPARE(first.row(), 0);
        QTest::keyClick(m_view->searchField(), Qt::Key_Down);
        QCOMPARE(m_view->list()->currentIndex().row(), 1);
        QTest::keyClick(m_view->searchField(), Qt::Key_Down);
        QTest::keyClick(m_view->searchField(), Qt::Key_Up);
        QCOMPARE(m_view->list()->currentIndex().row(), 1);
        QCOMPARE(QApplication::focusWidget(), m_view->searchField());
        const EntryId second = m_view->currentEntry();
        QTest::keyClick(m_view->searchField(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText().toUtf8(), m_f->passwordOf(second));
        QTest::keyClick(m_view->searchField(), Qt::Key_Escape);
        QVERIFY(m_view->searchField()->text().isEmpty());
    }

    void ctrlEAndEnterOpenTheEditor() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("nextcloud 12"));
        QTest::keyClick(m_view->searchField(), Qt::Key_E, Qt::ControlModifier);
        auto* editor = qobject_cast<ui::EntryEditor*>(QApplication::activeModalWidget());
        QVERIFY(editor);
        QCOMPARE(editor->titleEdit()->text(), QStringLiteral("Nextcloud 12"));
        QCOMPARE(m_view->searchField()->text(), QStringLiteral("nextcloud 12"));
        editor->reject();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_view->focusSearch();
        QTest::keyClick(m_view->searchField(), Qt::Key_Return);
        editor = qobject_cast<ui::EntryEditor*>(QApplication::activeModalWidget());
        QVERIFY(editor);
        QCOMPARE(editor->titleEdit()->text(), QStringLiteral("Nextcloud 12"));
        editor->reject();
    }

    void ctrlNStartsInTheSelectedFolder() {
        m_view->setScope({Kind::Folder, QStringLiteral("Personal/Games")});
        m_view->list()->setFocus();
        QTest::keyClick(m_view->list(), Qt::Key_N, Qt::ControlModifier);
        auto* editor = qobject_cast<ui::EntryEditor*>(QApplication::activeModalWidget());
        QVERIFY(editor);
        QVERIFY(editor->isNewEntry());
        QCOMPARE(editor->folderBox()->currentText(), QStringLiteral("Personal/Games"));
        editor->titleEdit()->setText(QStringLiteral("Minecraft"));
        QVERIFY(editor->save());
        const EntryId id = m_f->idOf(QStringLiteral("Minecraft"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_view->currentEntry(), id); // the new entry is selected
    }

    void multiSelectTrashRestorePurge() {
        QTreeView* list = m_view->list();
        m_view->setScope({Kind::Folder, QStringLiteral("Home")}); // Router admin 6, 14, 22, 30, 38
        QCOMPARE(m_view->filterModel()->rowCount(), 5);
        list->selectionModel()->select(
            QItemSelection(m_view->filterModel()->index(0, 0), m_view->filterModel()->index(2, 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QList<QByteArray> chosen = m_view->selectedEntries();
        QCOMPARE(chosen.size(), 3);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        for (const QByteArray& id : chosen)
            QVERIFY(m_f->controller->vault()->entry(id)->trashed.value);
        QCOMPARE(m_view->filterModel()->rowCount(), 2);

        m_view->setScope({Kind::Trash, {}});
        QCOMPARE(m_view->filterModel()->rowCount(), 3);
        list->selectAll();
        QVERIFY(m_view->actions()->restore()->isEnabled());
        QVERIFY(!m_view->actions()->trash()->isEnabled());
        list->selectionModel()->select(m_view->filterModel()->index(0, 0),
                                       QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
        m_view->actions()->restore()->trigger();
        QCOMPARE(m_view->filterModel()->rowCount(), 1);

        // Delete in the trash purges, after a question.
        QStringList asked;
        bool answer = false;
        m_view->actions()->setConfirm([&](const QString& q) {
            asked.append(q);
            return answer;
        });
        list->selectAll();
        const QByteArray last = m_view->selectedEntries().value(0);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(asked.size(), 1);
        QVERIFY(m_f->controller->vault()->entry(last)); // "Cancel": still there
        answer = true;
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(asked.size(), 2);
        QVERIFY(!m_f->controller->vault()->entry(last));
        QCOMPARE(m_view->filterModel()->rowCount(), 0);
        QVERIFY(m_view->list()->emptyText().contains(QStringLiteral("trash is empty")));
    }

    void moveSelectedToFolder() {
        m_view->setScope({Kind::Tag, QStringLiteral("wifi")});
        m_view->list()->selectAll();
        const QList<QByteArray> chosen = m_view->selectedEntries();
        QCOMPARE(chosen.size(), 5);
        QCOMPARE(m_view->actions()->moveSelectedTo(QStringLiteral("Archive/Wi-Fi")), 5);
        for (const QByteArray& id : chosen)
            QCOMPARE(m_f->controller->vault()->entry(id)->folder.value,
                     QStringLiteral("Archive/Wi-Fi"));
    }

    void emptyStates() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("no-such-entry"));
        QCOMPARE(m_view->filterModel()->rowCount(), 0);
        QVERIFY(m_view->list()->emptyText().contains(QStringLiteral("No entries match")));
        QVERIFY(m_view->currentEntry().isEmpty());
        QVERIFY(m_view->details()->entryId().isEmpty());
        QVERIFY(!m_view->actions()->copyPassword()->isEnabled());

        ViewFixture empty;
        QVERIFY2(empty.open(0), qPrintable(empty.error()));
        VaultView view(*empty.controller, *empty.clipboard, *empty.settings);
        QVERIFY(view.list()->emptyText().contains(QStringLiteral("Ctrl+N")));
    }

    void lockClearsTheView() {
        m_view->focusSearch();
        QTest::keyClicks(m_view->searchField(), QStringLiteral("github 0"));
        m_view->details()->passwordLabel()->setRevealed(true);
        m_view->details()->setNotesShown(true);
        QVERIFY(m_view->details()->secretsHeld() > 0);
        m_f->controller->lock();
        QVERIFY(m_view->searchField()->text().isEmpty());
        QCOMPARE(m_view->details()->secretsHeld(), 0);
        QVERIFY(m_view->details()->entryId().isEmpty());
        QCOMPARE(m_view->filterModel()->rowCount(), 0);
        QVERIFY(!m_view->actions()->copyPassword()->isEnabled());
    }

    void everyActionHasItsShortcut_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QKeySequence>("shortcut");
        QTest::newRow("copy username") << "copyUsername" << QKeySequence(QStringLiteral("Ctrl+B"));
        QTest::newRow("copy password") << "copyPassword" << QKeySequence(QStringLiteral("Ctrl+C"));
        QTest::newRow("open url") << "openUrl" << QKeySequence(QStringLiteral("Ctrl+U"));
        QTest::newRow("copy totp") << "copyTotp" << QKeySequence(QStringLiteral("Ctrl+T"));
        QTest::newRow("edit") << "edit" << QKeySequence(QStringLiteral("Ctrl+E"));
        QTest::newRow("new") << "newEntry" << QKeySequence(QStringLiteral("Ctrl+N"));
        QTest::newRow("trash") << "trash" << QKeySequence(QStringLiteral("Del"));
        QTest::newRow("search") << "search" << QKeySequence(QStringLiteral("Ctrl+F"));
    }
    void everyActionHasItsShortcut() {
        QFETCH(QString, name);
        QFETCH(QKeySequence, shortcut);
        ui::EntryActions* a = m_view->actions();
        const QHash<QString, QAction*> byName{{QStringLiteral("copyUsername"), a->copyUsername()},
                                              {QStringLiteral("copyPassword"), a->copyPassword()},
                                              {QStringLiteral("openUrl"), a->openUrl()},
                                              {QStringLiteral("copyTotp"), a->copyTotp()},
                                              {QStringLiteral("edit"), a->edit()},
                                              {QStringLiteral("newEntry"), a->newEntry()},
                                              {QStringLiteral("trash"), a->trash()},
                                              {QStringLiteral("search"), a->search()}};
        QAction* action = byName.value(name);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), shortcut);
        QVERIFY(!action->icon().isNull() || !action->text().isEmpty());
        QVERIFY(m_view->entryActions().contains(action));
    }

private:
    UrlRecorder m_urls;
    std::unique_ptr<ViewFixture> m_f;
    std::unique_ptr<VaultView> m_view;
};

QTEST_MAIN(TestVaultView)
#include "tst_vaultview.moc"
