// HealthDialog on a vault with known weak, reused, old and expired passwords (two in a Pwned
// Passwords sample file): the check runs on a worker thread, the tree lists every finding under
// its group with counts, activating a finding names its entry, and locking while the worker runs
// waits for it and leaves nothing shown.
#include "HealthDialog.h"
#include "TestData.h"
#include "Translations.h"
#include "VaultController.h"
#include "VaultFixture.h"

#include "crypto/Crypto.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace tessera;
using namespace tessera::test;
using tessera::ui::HealthDialog;
using tessera::ui::VaultController;

namespace {

constexpr qint64 Day = 24 * 60 * Minute;
constexpr int WaitMs = 60000; // generous on a loaded 2-core machine; typically well under 1 s

EntryChanges entry(const char* title, const char* password, qint64 expires = 0) {
    EntryChanges changes;
    changes.title = QString::fromUtf8(title);
    changes.password = secret(password);
    if (expires)
        changes.expires = expires;
    return changes;
}

// The titles under a tree item (for reused groups: under each group, joined by "+").
QStringList childTitles(const QTreeWidgetItem* item) {
    QStringList titles;
    for (int i = 0; i < item->childCount(); ++i) {
        const QTreeWidgetItem* child = item->child(i);
        if (child->childCount() > 0)
            titles << childTitles(child).join(QLatin1Char('+'));
        else
            titles << child->text(0);
    }
    return titles;
}

} // namespace

class TestHealthDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(initializeCrypto().ok());
        // English plural forms ("1 group"), as the app installs them at start.
        ui::translations::install(*QCoreApplication::instance(), QLocale(QLocale::English));
        m_box.clock().set(FixtureNowMs - 400 * Day); // set about 13 months ago: old
        VAULT_TAKE(vault, m_box.create());
        VAULT_VERIFY_OK(vault->add(entry("Old forum", "Vq8!rT3#zL6$wN1@7919&Kp")));
        m_box.clock().set(FixtureNowMs - 10 * Day);
        VAULT_TAKE(router, vault->add(entry("Router", "password")));
        m_routerId = router;
        VAULT_VERIFY_OK(vault->add(entry("Printer", "qwerty")));
        VAULT_VERIFY_OK(vault->add(entry("Shop 1", "hT5$wq9!Lm2#xR8z")));
        VAULT_VERIFY_OK(vault->add(entry("Shop 2", "hT5$wq9!Lm2#xR8z")));
        VAULT_VERIFY_OK(vault->add(entry("VPN", "Zr4&uY7*pQ1!mB6^", FixtureNowMs - Day)));
        VAULT_VERIFY_OK(vault->add(entry("Bank", "Gx2@nW9%kD5#sJ8!")));
        VAULT_VERIFY_OK(vault->publish());
        vault.reset();
        m_box.clock().set(FixtureNowMs);

        m_controller = std::make_unique<VaultController>(m_box.device());
        QSignalSpy unlocked(m_controller.get(), &VaultController::unlocked);
        m_controller->unlock(m_box.vaultPath(), secret(VaultSandbox::MasterPassword));
        QVERIFY(unlocked.wait(WaitMs));
        QVERIFY(m_controller->isUnlocked());
    }
    void cleanupTestCase() { m_controller.reset(); }

    void listsTheFindings() {
        HealthDialog dialog(*m_controller);
        dialog.setPwnedFile(dataPath(QStringLiteral("pwned-sha1-sample.txt")));
        QSignalSpy finished(&dialog, &HealthDialog::finished);
        dialog.start();
        QVERIFY(dialog.isChecking()); // on the worker; the event loop keeps running
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(!dialog.isChecking());
        QVERIFY(dialog.report().has_value());
        QCOMPARE(dialog.report()->checkedAt, FixtureNowMs);

        auto group = [&](HealthDialog::Group which) {
            QTreeWidgetItem* item = dialog.groupItem(which);
            if (!item)
                qFatal("group %d missing", int(which));
            return item;
        };
        QCOMPARE(childTitles(group(HealthDialog::Group::Weak)),
                 (QStringList{QStringLiteral("Printer"), QStringLiteral("Router")}));
        QCOMPARE(group(HealthDialog::Group::Weak)->text(1), QStringLiteral("2 entries"));
        QCOMPARE(childTitles(group(HealthDialog::Group::Reused)),
                 (QStringList{QStringLiteral("Shop 1+Shop 2")}));
        QCOMPARE(group(HealthDialog::Group::Reused)->text(1), QStringLiteral("1 group"));
        QCOMPARE(childTitles(group(HealthDialog::Group::Old)),
                 (QStringList{QStringLiteral("Old forum")}));
        QCOMPARE(childTitles(group(HealthDialog::Group::Expired)),
                 (QStringList{QStringLiteral("VPN")}));
        QCOMPARE(childTitles(group(HealthDialog::Group::Pwned)),
                 (QStringList{QStringLiteral("Printer"), QStringLiteral("Router")}));
        QString seen = group(HealthDialog::Group::Pwned)->child(1)->text(1);
        seen.remove(QLocale().groupSeparator());
        QVERIFY2(seen.contains(QStringLiteral("9545824")), qPrintable(seen));
        QVERIFY2(
            dialog.summaryText().startsWith(QStringLiteral("7 problems found in 7 passwords.")),
            qPrintable(dialog.summaryText()));
    }

    void withoutPwnedFile() {
        HealthDialog dialog(*m_controller);
        QSignalSpy finished(&dialog, &HealthDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(WaitMs));
        QTreeWidgetItem* pwned = dialog.groupItem(HealthDialog::Group::Pwned);
        QVERIFY(pwned);
        QCOMPARE(pwned->childCount(), 0);
        QVERIFY(pwned->text(1).startsWith(QStringLiteral("not checked")));
        // A shorter age limit makes more passwords old.
        dialog.setMaxAgeMonths(0); // clamps to 1
        finished.clear();
        dialog.start();
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(dialog.report()->maxAgeMonths, 1);
        QCOMPARE(dialog.groupItem(HealthDialog::Group::Old)->childCount(), 1);
    }

    void badPwnedFileShowsTheError() {
        HealthDialog dialog(*m_controller);
        dialog.setPwnedFile(QStringLiteral("/nonexistent/pwned.txt"));
        QSignalSpy finished(&dialog, &HealthDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(dialog.summaryText().startsWith(QStringLiteral("The check failed: ")));
        QCOMPARE(dialog.tree()->topLevelItemCount(), 0);
    }

    void activatingAFindingNamesTheEntry() {
        HealthDialog dialog(*m_controller);
        dialog.setCloseOnActivate(false);
        QSignalSpy finished(&dialog, &HealthDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(WaitMs));
        QSignalSpy activated(&dialog, &HealthDialog::entryActivated);
        QTreeWidgetItem* weak = dialog.groupItem(HealthDialog::Group::Weak);
        QTreeWidgetItem* router = weak->child(1);
        QCOMPARE(router->text(0), QStringLiteral("Router"));
        Q_EMIT dialog.tree()->itemActivated(weak, 0); // a group names no entry
        QCOMPARE(activated.count(), 0);
        Q_EMIT dialog.tree()->itemActivated(router, 0);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toByteArray(), m_routerId);
        QVERIFY(dialog.result() != QDialog::Accepted);

        dialog.setCloseOnActivate(true);
        dialog.open();
        Q_EMIT dialog.tree()->itemActivated(router, 0);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // Last: locks the controller.
    void lockingWaitsAndClears() {
        HealthDialog dialog(*m_controller);
        QSignalSpy finished(&dialog, &HealthDialog::finished);
        dialog.start();
        m_controller->lock(); // waits for the worker before the keys go
        QVERIFY(!dialog.isChecking());
        QCOMPARE(finished.count(), 1);
        QVERIFY(!dialog.report().has_value());
        QCOMPARE(dialog.tree()->topLevelItemCount(), 0);
        dialog.start();
        QCOMPARE(dialog.summaryText(), QStringLiteral("The vault is locked."));
    }

private:
    VaultSandbox m_box;
    std::unique_ptr<VaultController> m_controller;
    EntryId m_routerId;
};

QTEST_MAIN(TestHealthDialog)
#include "tst_healthdialog.moc"
