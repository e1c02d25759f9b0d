// core/health/HealthReport.h on a crafted vault: weak, reused (a group of three and one of two),
// old (passwords set at chosen times; a later title edit does not make a password new), expired,
// breached (tests/data/pwned-sha1-sample.txt), entries without a password, and a trashed entry
// that would trip every check but is left out.

#include "TestData.h"
#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "health/HealthReport.h"
#include "health/Strength.h"

#include <QTest>

using namespace tessera;
using namespace tessera::test;

namespace {

constexpr qint64 Day = 24 * 60 * Minute;
const char* const Passphrase = "correct horse battery staple"; // strong, shared by three
const char* const ShopPassword = "hT5$wq9!Lm2#xR8z";           // strong, shared by two

QStringList titles(const std::vector<EntryRef>& entries) {
    QStringList out;
    for (const EntryRef& entry : entries)
        out.append(entry.title);
    return out;
}

template <typename Finding> QStringList titles(const std::vector<Finding>& findings) {
    QStringList out;
    for (const Finding& finding : findings)
        out.append(finding.entry.title);
    return out;
}

// An entry with that password (none if empty) and expiry (none if 0).
EntryChanges entry(const char* title, const QByteArray& password, qint64 expires = 0) {
    EntryChanges changes;
    changes.title = QString::fromUtf8(title);
    if (!password.isEmpty())
        changes.password = secret(password);
    if (expires)
        changes.expires = expires;
    return changes;
}

// A strong password that no other entry has.
QByteArray uniquePassword(int index) {
    return QByteArray("Vq8!rT3#zL6$wN1@") + QByteArray::number(index * 7919) + "&Kp";
}

} // namespace

class TestHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void counts();
    void weak();
    void reusedGroups();
    void old_data();
    void old();
    void expired();
    void pwned();
    void pwnedNotCheckedWithoutFile();
    void trashedEntriesLeftOut();
    void findingsLinkToEntries();
    void badOptions();

private:
    Result<HealthReport> run(HealthOptions options = {}) const {
        return checkHealth(*m_vault, options, m_now);
    }

    VaultSandbox m_box;
    std::unique_ptr<Vault> m_vault;
    FixedClock m_now{FixtureNowMs};
};

// Passwords are stamped with the vault's clock when they are set, so entries go in oldest first.
void TestHealth::initTestCase() {
    QVERIFY(initializeCrypto().ok());
    m_box.clock().set(FixtureNowMs - 400 * Day); // about 13 months ago
    VAULT_TAKE(vault, m_box.create());
    m_vault = std::move(vault);
    int unique = 0;
    const auto add = [this](EntryChanges changes) -> EntryId {
        auto id = m_vault->add(std::move(changes));
        return id.ok() ? *id : EntryId();
    };
    QVERIFY(!add(entry("Old forum", uniquePassword(++unique))).isEmpty());
    const EntryId renamed = add(entry("Renamed later", uniquePassword(++unique)));
    const EntryId trashed = add(entry("Trashed", "password", FixtureNowMs - 300 * Day));
    QVERIFY(!renamed.isEmpty() && !trashed.isEmpty());

    m_box.clock().set(FixtureNowMs - 330 * Day); // about 11 months ago
    QVERIFY(!add(entry("Almost old", uniquePassword(++unique))).isEmpty());

    m_box.clock().set(FixtureNowMs - 10 * Day);
    EntryChanges router = entry("Router", "password");
    router.username = QStringLiteral("admin");
    router.urls = QStringList{QStringLiteral("http://192.168.1.1")};
    QVERIFY(!add(std::move(router)).isEmpty());
    QVERIFY(!add(entry("Printer", "qwerty")).isEmpty());
    for (const char* title : {"Forum A", "Forum B", "Forum C"})
        QVERIFY(!add(entry(title, Passphrase)).isEmpty());
    for (const char* title : {"Shop 1", "Shop 2"})
        QVERIFY(!add(entry(title, ShopPassword)).isEmpty());
    QVERIFY(!add(entry("VPN", uniquePassword(++unique), FixtureNowMs - Day)).isEmpty());
    QVERIFY(!add(entry("Future", uniquePassword(++unique), FixtureNowMs + 30 * Day)).isEmpty());
    QVERIFY(!add(entry("Bank", uniquePassword(++unique))).isEmpty());
    QVERIFY(!add(entry("Note only", QByteArray())).isEmpty());

    EntryChanges rename;
    rename.title = QStringLiteral("Renamed");
    VAULT_VERIFY_OK(m_vault->edit(renamed, std::move(rename)));
    VAULT_VERIFY_OK(m_vault->trash(trashed));
}

void TestHealth::counts() {
    VAULT_TAKE(report, run());
    QCOMPARE(report.checkedAt, FixtureNowMs);
    QCOMPARE(report.entriesChecked, 14);   // the trashed one left out
    QCOMPARE(report.passwordsChecked, 13); // "Note only" has none
    QCOMPARE(report.maxAgeMonths, DefaultMaxPasswordAgeMonths);
    // 2 weak + 2 reused groups + 2 old + 1 expired
    QCOMPARE(report.findingCount(), 7);
}

void TestHealth::weak() {
    VAULT_TAKE(report, run());
    QCOMPARE(titles(report.weak),
             (QStringList{QStringLiteral("Printer"), QStringLiteral("Router")}));
    for (const WeakPassword& weak : report.weak) {
        QVERIFY(weak.score <= WeakScoreMax);
        QCOMPARE(weak.crackTime, QStringLiteral("less than a second"));
    }
}

void TestHealth::reusedGroups() {
    VAULT_TAKE(report, run());
    QCOMPARE(report.reused.size(), std::size_t(2));
    QCOMPARE(titles(report.reused[0].entries),
             (QStringList{QStringLiteral("Forum A"), QStringLiteral("Forum B"),
                          QStringLiteral("Forum C")}));
    QCOMPARE(titles(report.reused[1].entries),
             (QStringList{QStringLiteral("Shop 1"), QStringLiteral("Shop 2")}));
    // A new random key per run: the same groups every time.
    VAULT_TAKE(again, run());
    QCOMPARE(titles(again.reused[0].entries), titles(report.reused[0].entries));
    QCOMPARE(titles(again.reused[1].entries), titles(report.reused[1].entries));
}

void TestHealth::old_data() {
    QTest::addColumn<int>("months");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("12 months (default)")
        << 12 << QStringList{QStringLiteral("Old forum"), QStringLiteral("Renamed")};
    QTest::newRow("6 months") << 6
                              << QStringList{QStringLiteral("Almost old"),
                                             QStringLiteral("Old forum"),
                                             QStringLiteral("Renamed")};
    QTest::newRow("24 months") << 24 << QStringList{};
}

void TestHealth::old() {
    QFETCH(int, months);
    QFETCH(QStringList, expected);
    HealthOptions options;
    options.maxAgeMonths = months;
    VAULT_TAKE(report, run(options));
    QCOMPARE(titles(report.old), expected);
    // By when the password was set, not the title ("Renamed" was renamed 10 days ago).
    for (const OldPassword& old : report.old) {
        const qint64 set = old.entry.title == QLatin1String("Almost old")
                               ? FixtureNowMs - 330 * Day
                               : FixtureNowMs - 400 * Day;
        QCOMPARE(old.passwordSet, set);
    }
}

void TestHealth::expired() {
    VAULT_TAKE(report, run());
    QCOMPARE(titles(report.expired), QStringList{QStringLiteral("VPN")});
    QCOMPARE(report.expired.front().expires, FixtureNowMs - Day);
    // A month later "Future" has expired too.
    FixedClock later(FixtureNowMs + 31 * Day);
    VAULT_TAKE(laterReport, checkHealth(*m_vault, {}, later));
    QCOMPARE(titles(laterReport.expired),
             (QStringList{QStringLiteral("Future"), QStringLiteral("VPN")}));
}

void TestHealth::pwned() {
    HealthOptions options;
    options.pwnedFile = dataPath(QStringLiteral("pwned-sha1-sample.txt"));
    VAULT_TAKE(report, run(options));
    QVERIFY(report.pwnedChecked);
    QCOMPARE(titles(report.pwned),
             (QStringList{QStringLiteral("Printer"), QStringLiteral("Router")}));
    QCOMPARE(report.pwned[0].count, quint64(10556095)); // "qwerty"
    QCOMPARE(report.pwned[1].count, quint64(9545824));  // "password"
    QCOMPARE(report.findingCount(), 9);
}

void TestHealth::pwnedNotCheckedWithoutFile() {
    VAULT_TAKE(report, run());
    QVERIFY(!report.pwnedChecked);
    QVERIFY(report.pwned.empty());

    HealthOptions options;
    options.pwnedFile = m_box.path(QStringLiteral("missing.txt"));
    auto missing = run(options);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.code(), ErrorCode::Io);
}

// "Trashed" has the weakest, a breached, an old and an expired password, and shares "password"
// with Router: none of it shows.
void TestHealth::trashedEntriesLeftOut() {
    HealthOptions options;
    options.pwnedFile = dataPath(QStringLiteral("pwned-sha1-sample.txt"));
    VAULT_TAKE(report, run(options));
    const QString trashed = QStringLiteral("Trashed");
    QVERIFY(!titles(report.weak).contains(trashed));
    QVERIFY(!titles(report.old).contains(trashed));
    QVERIFY(!titles(report.expired).contains(trashed));
    QVERIFY(!titles(report.pwned).contains(trashed));
    for (const ReusedPassword& group : report.reused)
        QVERIFY(!titles(group.entries).contains(trashed));
}

void TestHealth::findingsLinkToEntries() {
    VAULT_TAKE(report, run());
    for (const WeakPassword& weak : report.weak) {
        const EntryOverview* overview = m_vault->entry(weak.entry.id);
        QVERIFY(overview);
        QCOMPARE(overview->title.value, weak.entry.title);
    }
    for (const ReusedPassword& group : report.reused) {
        for (const EntryRef& ref : group.entries) {
            QVERIFY(m_vault->entry(ref.id));
            QCOMPARE(m_vault->entry(ref.id)->title.value, ref.title);
        }
    }
}

void TestHealth::badOptions() {
    for (int months : {0, -1, 100000}) {
        HealthOptions options;
        options.maxAgeMonths = months;
        auto report = run(options);
        QVERIFY(!report.ok());
        QCOMPARE(report.code(), ErrorCode::InvalidArgument);
    }
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
