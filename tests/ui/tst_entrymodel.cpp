// EntryModel over a real vault: one row per entry with the cached fields and roles, row-level
// updates when the controller names the changed entries (no reset), a reset when it does not,
// empty after lock, the drag payload, and the search text core's search matches.
#include "EntryModel.h"
#include "ViewFixture.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::EntryModel;

class TestEntryModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void rowsMirrorTheVault() {
        ViewFixture f;
        QVERIFY2(f.open(12), qPrintable(f.error()));
        EntryModel model(*f.controller);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), int(EntryModel::ColumnCount));
        const EntryId id = f.ids()[3];
        const QModelIndex title = model.indexOf(id);
        QVERIFY(title.isValid());
        QCOMPARE(title.data().toString(), sampleTitle(3));
        QCOMPARE(title.siblingAtColumn(EntryModel::UsernameColumn).data().toString(),
                 QStringLiteral("user3@example.com"));
        QCOMPARE(title.siblingAtColumn(EntryModel::UrlColumn).data().toString(),
                 QStringLiteral("https://www.amazon.de/login"));
        QCOMPARE(title.siblingAtColumn(EntryModel::FolderColumn).data().toString(),
                 QStringLiteral("Personal/Shopping"));
        QVERIFY(!title.siblingAtColumn(EntryModel::ModifiedColumn).data().toString().isEmpty());
        QCOMPARE(title.data(EntryModel::EntryIdRole).toByteArray(), id);
        QCOMPARE(title.data(EntryModel::FolderRole).toString(),
                 QStringLiteral("Personal/Shopping"));
        QStringList tags = title.data(EntryModel::TagsRole).toStringList();
        tags.sort(); // a set: the vault keeps its own order
        QCOMPARE(tags, (QStringList{QStringLiteral("important"), QStringLiteral("shopping")}));
        QCOMPARE(title.data(EntryModel::FavouriteRole).toBool(), true);
        QCOMPARE(title.data(EntryModel::TrashedRole).toBool(), false);
        QVERIFY(title.data(Qt::DecorationRole).value<QIcon>().availableSizes().size() > 0 ||
                !title.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString haystack = title.data(EntryModel::SearchTextRole).toString();
        QVERIFY(haystack.contains(QStringLiteral("amazon 3")));
        QVERIFY(haystack.contains(QStringLiteral("www.amazon.de/login")));
        QVERIFY(haystack.contains(QStringLiteral("personal/shopping")));
        QVERIFY(!haystack.contains(QStringLiteral("Tr0ub4dor"))); // never a secret
    }

    void changesAreRowLevel() {
        ViewFixture f;
        QVERIFY2(f.open(6), qPrintable(f.error()));
        EntryModel model(*f.controller);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        EntryChanges rename;
        rename.title = QStringLiteral("Renamed");
        VAULT_VERIFY_OK(f.controller->edit(f.ids()[2], std::move(rename)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), model.rowOf(f.ids()[2]));
        QCOMPARE(model.indexOf(f.ids()[2]).data().toString(), QStringLiteral("Renamed"));

        EntryChanges added;
        added.title = QStringLiteral("Brand new");
        auto id = f.controller->add(std::move(added));
        VAULT_VERIFY_OK(id);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.indexOf(*id).data().toString(), QStringLiteral("Brand new"));

        VAULT_VERIFY_OK(f.controller->trash(f.ids()[0]));
        QCOMPARE(model.indexOf(f.ids()[0]).data(EntryModel::TrashedRole).toBool(), true);
        VAULT_VERIFY_OK(f.controller->purge(f.ids()[0]));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowOf(f.ids()[0]), -1);
        // Every remaining row still maps to its own id after the removal.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.rowOf(model.row(r).id), r);
        QCOMPARE(resets.count(), 0);

        VAULT_VERIFY_OK(f.controller->rename(QStringLiteral("Other name"))); // names no entry
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 6);
    }

    void lockEmptiesTheModel() {
        ViewFixture f;
        QVERIFY2(f.open(4), qPrintable(f.error()));
        EntryModel model(*f.controller);
        QCOMPARE(model.rowCount(), 4);
        f.controller->lock();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0, 0).isValid());
    }

    void dragPayloadCarriesIds() {
        ViewFixture f;
        QVERIFY2(f.open(5), qPrintable(f.error()));
        EntryModel model(*f.controller);
        const QModelIndexList rows{model.indexOf(f.ids()[1]),
                                   model.indexOf(f.ids()[1], EntryModel::UrlColumn),
                                   model.indexOf(f.ids()[4])};
        std::unique_ptr<QMimeData> mime(model.mimeData(rows));
        QVERIFY(mime);
        const QList<QByteArray> ids = EntryModel::decodeIds(mime->data(EntryModel::idsMimeType()));
        QCOMPARE(ids, (QList<QByteArray>{f.ids()[1], f.ids()[4]}));
        QVERIFY(model.flags(rows.first()).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(EntryModel::decodeIds("zz\n0011").isEmpty()); // malformed ids are dropped
    }

    void foldMatchesCore_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QStringLiteral("GitHub Work/Code");
        QTest::newRow("umlaut") << QStringLiteral("CAFÉ ZÜRICH");
        QTest::newRow("sharp s") << QStringLiteral("Straße");
        QTest::newRow("greek") << QStringLiteral("ΣΊΣΥΦΟΣ");
        QTest::newRow("astral") << QStringLiteral("\U0001D400 Mathematical A");
    }
    void foldMatchesCore() {
        // Vault::search folds the same way: a title found by core is found by the list.
        QFETCH(QString, text);
        ViewFixture f;
        QVERIFY2(f.open(0), qPrintable(f.error()));
        EntryChanges c;
        c.title = text;
        VAULT_VERIFY_OK(f.controller->add(std::move(c)));
        const QString query = EntryModel::fold(text).left(5);
        QCOMPARE(int(f.controller->vault()->search(query).size()), 1);
        EntryModel model(*f.controller);
        QVERIFY(model.row(0).haystack.contains(query));
    }
};

QTEST_MAIN(TestEntryModel)
#include "tst_entrymodel.moc"
