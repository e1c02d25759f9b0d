// SidebarModel over a real vault: the fixed items, the folder tree built from folder paths, the
// tags, counts (a folder counts its subfolders; trashed entries count only in the Trash), and
// dropping dragged entries: onto a folder moves them, onto the Folders heading takes them out of
// every folder, onto a tag adds it, onto Favourites marks them, onto the Trash trashes them.
#include "EntryFilterModel.h"
#include "EntryModel.h"
#include "SidebarModel.h"
#include "ViewFixture.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryFilterModel;
using tessera::ui::EntryModel;
using tessera::ui::SidebarModel;
using Kind = EntryFilterModel::ScopeKind;

namespace {

constexpr int SampleCount = 16; // two of each of the eight services

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent) {
    QStringList names;
    for (int r = 0; r < model.rowCount(parent); ++r)
        names.append(model.index(r, 0, parent).data().toString());
    return names;
}

std::unique_ptr<QMimeData> payload(const QList<QByteArray>& ids) {
    auto mime = std::make_unique<QMimeData>();
    mime->setData(EntryModel::idsMimeType(), EntryModel::encodeIds(ids));
    return mime;
}

} // namespace

class TestSidebarModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void treeAndCounts() {
        ViewFixture f;
        QVERIFY2(f.open(SampleCount), qPrintable(f.error()));
        VAULT_VERIFY_OK(f.controller->trash(f.ids()[0])); // a GitHub entry (Work/Code, dev)
        EntryModel entries(*f.controller);
        SidebarModel sidebar(*f.controller, entries);
        QAbstractItemModelTester tester(&sidebar,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(childNames(sidebar, {}),
                 (QStringList{QStringLiteral("All items"), QStringLiteral("Favourites"),
                              QStringLiteral("Folders"), QStringLiteral("Tags"),
                              QStringLiteral("Trash")}));
        QCOMPARE(childNames(sidebar, sidebar.foldersIndex()),
                 (QStringList{QStringLiteral("Home"), QStringLiteral("Personal"),
                              QStringLiteral("Travel"), QStringLiteral("Work")}));
        const QModelIndex personal = sidebar.indexOf({Kind::Folder, QStringLiteral("Personal")});
        QCOMPARE(childNames(sidebar, personal),
                 (QStringList{QStringLiteral("Email"), QStringLiteral("Finance"),
                              QStringLiteral("Games"), QStringLiteral("Shopping")}));
        QCOMPARE(sidebar.count({Kind::All, {}}), SampleCount - 1);
        QCOMPARE(sidebar.count({Kind::Trash, {}}), 1);
        QCOMPARE(sidebar.count({Kind::Favourites, {}}), 5); // 3, 6, 9, 12, 15 (0 is trashed)
        QCOMPARE(sidebar.count({Kind::Folder, QStringLiteral("Personal")}), 8);
        QCOMPARE(sidebar.count({Kind::Folder, QStringLiteral("Work")}), 3);
        QCOMPARE(sidebar.count({Kind::Folder, QStringLiteral("Work/Code")}), 1);
        QCOMPARE(sidebar.count({Kind::Tag, QStringLiteral("dev")}), 1);
        QCOMPARE(sidebar.count({Kind::Tag, QStringLiteral("important")}), 5);
        // The count column shows the numbers; the scope of an item round-trips.
        const QModelIndex work = sidebar.indexOf({Kind::Folder, QStringLiteral("Work")});
        QCOMPARE(work.siblingAtColumn(SidebarModel::CountColumn).data().toString(),
                 QStringLiteral("3"));
        QCOMPARE(SidebarModel::scopeOf(work).value, QStringLiteral("Work"));
        QVERIFY(!SidebarModel::isScope(sidebar.foldersIndex()));
        QVERIFY(!(sidebar.flags(sidebar.tagsIndex()) & Qt::ItemIsSelectable));
    }

    void countsFollowChanges() {
        ViewFixture f;
        QVERIFY2(f.open(SampleCount), qPrintable(f.error()));
        EntryModel entries(*f.controller);
        SidebarModel sidebar(*f.controller, entries);
        EntryChanges c;
        c.folder = QStringLiteral("Archive/2023");
        VAULT_VERIFY_OK(f.controller->edit(f.ids()[6], std::move(c)));
        QTRY_COMPARE(sidebar.count({Kind::Folder, QStringLiteral("Archive")}), 1);
        QVERIFY(sidebar.indexOf({Kind::Folder, QStringLiteral("Archive/2023")}).isValid());
        VAULT_VERIFY_OK(f.controller->trash(f.ids()[7]));
        QTRY_COMPARE(sidebar.count({Kind::Trash, {}}), 1);
        QCOMPARE(sidebar.count({Kind::All, {}}), SampleCount - 1);
        QCOMPARE(sidebar.indexOf({Kind::Trash, {}})
                     .siblingAtColumn(SidebarModel::CountColumn)
                     .data()
                     .toString(),
                 QStringLiteral("1"));
        f.controller->lock();
        QTRY_COMPARE(sidebar.count({Kind::All, {}}), 0);
        QCOMPARE(sidebar.rowCount(sidebar.foldersIndex()), 0);
    }

    void dropMovesEntries() {
        ViewFixture f;
        QVERIFY2(f.open(SampleCount), qPrintable(f.error()));
        EntryModel entries(*f.controller);
        SidebarModel sidebar(*f.controller, entries);
        const Vault& vault = *f.controller->vault();
        const QList<QByteArray> moved{f.ids()[1], f.ids()[2], f.ids()[3]};

        // Onto a folder: all three move there.
        const QModelIndex travel = sidebar.indexOf({Kind::Folder, QStringLiteral("Travel")});
        auto mime = payload(moved);
        QVERIFY(sidebar.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, travel));
        QVERIFY(sidebar.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, travel));
        for (const QByteArray& id : moved)
            QCOMPARE(vault.entry(id)->folder.value, QStringLiteral("Travel"));
        QTRY_COMPARE(sidebar.count({Kind::Folder, QStringLiteral("Travel")}), 2 + 3);

        // Onto the Folders heading: out of every folder.
        QVERIFY(sidebar.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, sidebar.foldersIndex()));
        for (const QByteArray& id : moved)
            QCOMPARE(vault.entry(id)->folder.value, QString());

        // Onto a tag: added, other tags kept.
        QTRY_VERIFY(sidebar.indexOf({Kind::Tag, QStringLiteral("wifi")}).isValid());
        const QModelIndex wifi = sidebar.indexOf({Kind::Tag, QStringLiteral("wifi")});
        QVERIFY(sidebar.dropMimeData(payload({f.ids()[2]}).get(), Qt::MoveAction, -1, 0, wifi));
        QCOMPARE(vault.entry(f.ids()[2])->tagList(),
                 (QStringList{QStringLiteral("finance"), QStringLiteral("wifi")}));

        // Onto Favourites, then onto the Trash.
        QTRY_VERIFY(sidebar.indexOf({Kind::Favourites, {}}).isValid());
        QVERIFY(sidebar.dropMimeData(payload({f.ids()[4]}).get(), Qt::MoveAction, -1, 0,
                                     sidebar.indexOf({Kind::Favourites, {}})));
        QVERIFY(vault.entry(f.ids()[4])->favourite.value);
        QVERIFY(sidebar.dropMimeData(payload({f.ids()[4], f.ids()[5]}).get(), Qt::MoveAction, -1, 0,
                                     sidebar.indexOf({Kind::Trash, {}})));
        QVERIFY(vault.entry(f.ids()[4])->trashed.value);
        QVERIFY(vault.entry(f.ids()[5])->trashed.value);

        // Not a target: All items, the Tags heading, foreign data.
        QVERIFY(!sidebar.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0,
                                         sidebar.indexOf({Kind::All, {}})));
        QVERIFY(!sidebar.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, sidebar.tagsIndex()));
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QVERIFY(!sidebar.canDropMimeData(&text, Qt::MoveAction, -1, 0, travel));
    }

    void dragFromTheListDropsOnTheSidebar() {
        // The list's own drag payload (through the proxy) is what the sidebar reads.
        ViewFixture f;
        QVERIFY2(f.open(SampleCount), qPrintable(f.error()));
        EntryModel entries(*f.controller);
        EntryFilterModel filter(entries);
        SidebarModel sidebar(*f.controller, entries);
        filter.setSearchText(QStringLiteral("steam"));
        QCOMPARE(filter.rowCount(), 2);
        std::unique_ptr<QMimeData> mime(filter.mimeData({filter.index(0, 0), filter.index(1, 0)}));
        QVERIFY(mime);
        const QModelIndex home = sidebar.indexOf({Kind::Folder, QStringLiteral("Home")});
        QVERIFY(sidebar.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, home));
        QTRY_COMPARE(sidebar.count({Kind::Folder, QStringLiteral("Home")}), 4);
        QCOMPARE(sidebar.count({Kind::Folder, QStringLiteral("Personal/Games")}), 0);
        QVERIFY(!sidebar.indexOf({Kind::Folder, QStringLiteral("Personal/Games")}).isValid());
    }
};

QTEST_MAIN(TestSidebarModel)
#include "tst_sidebarmodel.moc"
