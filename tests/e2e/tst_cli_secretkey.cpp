// The secret key end to end with the real tessera-cli: create --secret-key (key printed once,
// stored on this device, Emergency Kit written), the global --secret-key-file on another device
// (before or after the command), a wrong or mistyped key, secret-key enable/disable/remember/
// forget, passwd keeping the key, sync of a device that catches up with a key turned on elsewhere,
// and the Emergency Kit PDF checked with pdftotext (poppler-utils). The key store is the 0600 file
// in the data folder (TESSERA_SECRET_KEY_STORE=file, set by CMake): CI has no Secret Service.

#include "CliSandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace {

const QRegularExpression KeyPattern(QStringLiteral("T1(-[0-9A-HJKMNP-TV-Z]{5}){6}"));

QString keyIn(const QByteArray& out) {
    return KeyPattern.match(QString::fromUtf8(out)).captured(0);
}

QString vaultIdIn(const QByteArray& createOut) {
    return QRegularExpression(QStringLiteral("\\(([0-9a-f]{32})\\)"))
        .match(QString::fromUtf8(createOut))
        .captured(1);
}

bool writePrivate(const QString& path, const QByteArray& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return false;
    file.close();
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString pdfText(const QString& pdf) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                           QFileDevice::ReadUser | QFileDevice::WriteUser;

} // namespace

class TestCliSecretKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createWithSecretKey();
    void otherDeviceNeedsTheKey();
    void enableRememberDisable();
    void passwdKeepsTheKey();
    void syncCatchesUpWithTheKey();
    void emergencyKitCommand();
    void usageErrors();

private:
    // create --secret-key on sandbox; returns the key text.
    QString createWithKey(const CliSandbox& box, const QStringList& extra = {});
    QString m_otherDevice;
};

void TestCliSecretKey::initTestCase() {
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
             "pdftotext (poppler-utils) is needed: .ci/dev installs it");
    QCOMPARE(qgetenv("TESSERA_SECRET_KEY_STORE"), QByteArray("file"));
}

QString TestCliSecretKey::createWithKey(const CliSandbox& box, const QStringList& extra) {
    const CliResult created =
        box.run(QStringList{QStringLiteral("create"), QStringLiteral("--secret-key")} + extra +
                    CliSandbox::FastKdf + QStringList{box.vaultPath()},
                {CliSandbox::MasterPassword});
    if (created.exitCode != 0) {
        qWarning("%s", created.describe().constData());
        return {};
    }
    return keyIn(created.out);
}

void TestCliSecretKey::createWithSecretKey() {
    CliSandbox box;
    const QString kit = box.filePath(QStringLiteral("kit.pdf"));
    const CliResult created =
        box.run(QStringList{QStringLiteral("create"), QStringLiteral("--secret-key"),
                            QStringLiteral("--name"), QStringLiteral("Family vault"),
                            QStringLiteral("--emergency-kit"), kit} +
                    CliSandbox::FastKdf + QStringList{box.vaultPath()},
                {CliSandbox::MasterPassword});
    CLI_EXPECT(created, 0);
    const QString key = keyIn(created.out);
    QVERIFY2(!key.isEmpty(), created.out.constData());
    QCOMPARE(created.out.count(key.toLatin1()), 1); // shown once
    const QString vaultId = vaultIdIn(created.out);
    QVERIFY(!vaultId.isEmpty());
    QVERIFY(created.outText().contains(QStringLiteral("Stored on this device")));

    // The key is stored on this device (0600 in a 0700 folder), never in the vault file.
    const QString stored =
        box.dataDir() + QStringLiteral("/secret-keys/") + vaultId + QStringLiteral(".key");
    QVERIFY(QFileInfo::exists(stored));
    QCOMPARE(QFileInfo(stored).permissions(), OwnerOnly);
    QFile vaultFile(box.vaultPath());
    QVERIFY(vaultFile.open(QIODevice::ReadOnly));
    QVERIFY(!vaultFile.readAll().contains(key.toLatin1()));
    // This device opens it with the password alone.
    CLI_EXPECT(box.runOnVault(QStringLiteral("ls")), 0);
    const CliResult info = box.runOnVault(QStringLiteral("info"));
    CLI_EXPECT(info, 0);
    QVERIFY(info.outText().contains(QStringLiteral("required")));

    // The kit: 0600, with the key, the vault id and the name.
    QCOMPARE(QFileInfo(kit).permissions(), OwnerOnly);
    const QString text = pdfText(kit);
    QVERIFY2(text.contains(key), qPrintable(text));
    QVERIFY2(text.simplified().remove(QLatin1Char(' ')).contains(vaultId), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Family vault")));
    QVERIFY(text.contains(QStringLiteral("master password"), Qt::CaseInsensitive));
    QVERIFY(text.contains(QFileInfo(box.vaultPath()).fileName()));
}

void TestCliSecretKey::otherDeviceNeedsTheKey() {
    CliSandbox box;
    const QString key = createWithKey(box);
    QVERIFY(!key.isEmpty());
    const QString other = box.filePath(QStringLiteral("other-device"));
    const QString ls = QStringLiteral("ls");
    const QString vault = box.vaultPath();

    const CliResult without = box.run({ls, vault}, {CliSandbox::MasterPassword}, other);
    CLI_EXPECT(without, 2);
    QVERIFY(isOneErrorLine(without.err));
    QVERIFY(without.errText().contains(QStringLiteral("--secret-key-file")));

    const QString keyFile = box.filePath(QStringLiteral("key.txt"));
    QVERIFY(writePrivate(keyFile, "# Emergency Kit line\n" + key.toLatin1() + "\n"));
    const QString flag = QStringLiteral("--secret-key-file");
    CLI_EXPECT(box.run({flag, keyFile, ls, vault}, {CliSandbox::MasterPassword}, other), 0);
    CLI_EXPECT(box.run({ls, flag, keyFile, vault}, {CliSandbox::MasterPassword}, other), 0);
    CLI_EXPECT(box.run({ls, flag + QLatin1Char('=') + keyFile, vault}, {CliSandbox::MasterPassword},
                       other),
               0);
    // The right key with a wrong password, or the right password with another vault's key.
    const CliResult wrongPassword =
        box.run({flag, keyFile, ls, vault}, {QByteArray("not the password")}, other);
    CLI_EXPECT(wrongPassword, 2);
    QVERIFY(
        wrongPassword.errText().contains(QStringLiteral("wrong master password or secret key")));
    CliSandbox second;
    const QString otherKey = createWithKey(second);
    QVERIFY(!otherKey.isEmpty());
    const QString otherKeyFile = box.filePath(QStringLiteral("other-key.txt"));
    QVERIFY(writePrivate(otherKeyFile, otherKey.toLatin1()));
    CLI_EXPECT(box.run({flag, otherKeyFile, ls, vault}, {CliSandbox::MasterPassword}, other), 2);
    // A typo is a typo, not a wrong password.
    QString typo = key;
    typo[5] = typo[5] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const QString typoFile = box.filePath(QStringLiteral("typo.txt"));
    QVERIFY(writePrivate(typoFile, typo.toLatin1()));
    const CliResult mistyped =
        box.run({flag, typoFile, ls, vault}, {CliSandbox::MasterPassword}, other);
    CLI_EXPECT(mistyped, 1);
    QVERIFY(mistyped.errText().contains(QStringLiteral("typo")));
    // A key file others can read still works, with a warning.
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadOther));
    const CliResult exposed =
        box.run({flag, keyFile, ls, vault}, {CliSandbox::MasterPassword}, other);
    CLI_EXPECT(exposed, 0);
    QVERIFY(exposed.errText().contains(QStringLiteral("readable by other users")));
}

void TestCliSecretKey::enableRememberDisable() {
    CliSandbox box;
    CLI_EXPECT(box.create(), 0);
    const QString vault = box.vaultPath();
    const QString other = box.filePath(QStringLiteral("other-device"));
    const QString ls = QStringLiteral("ls");
    const QString secretKey = QStringLiteral("secret-key");
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 0);

    // enable with a mistyped password changes nothing.
    CLI_EXPECT(box.run({secretKey, QStringLiteral("enable"), vault}, {QByteArray("typo")}), 2);
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 0);

    const CliResult enabled =
        box.run({secretKey, QStringLiteral("enable"), vault}, {CliSandbox::MasterPassword});
    CLI_EXPECT(enabled, 0);
    const QString key = keyIn(enabled.out);
    QVERIFY2(!key.isEmpty(), enabled.out.constData());
    QVERIFY(enabled.outText().contains(QStringLiteral("key epoch 1")));
    CLI_EXPECT(box.runOnVault(ls), 0); // stored here
    CLI_EXPECT(box.run({secretKey, QStringLiteral("enable"), vault}, {CliSandbox::MasterPassword}),
               1); // already on

    // The other device: refused without the key, remembers it once, then needs no flag.
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 2);
    const QString keyFile = box.filePath(QStringLiteral("key.txt"));
    QVERIFY(writePrivate(keyFile, key.toLatin1()));
    CLI_EXPECT(box.run({QStringLiteral("--secret-key-file"), keyFile, secretKey,
                        QStringLiteral("remember"), vault},
                       {CliSandbox::MasterPassword}, other),
               0);
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 0);
    CLI_EXPECT(box.run({secretKey, QStringLiteral("forget"), vault}, {}, other), 0);
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 2);

    // Turned off: the password alone opens it everywhere again.
    const CliResult disabled =
        box.run({secretKey, QStringLiteral("disable"), vault}, {CliSandbox::MasterPassword});
    CLI_EXPECT(disabled, 0);
    QVERIFY(disabled.outText().contains(QStringLiteral("key epoch 2")));
    CLI_EXPECT(box.run({ls, vault}, {CliSandbox::MasterPassword}, other), 0);
    const CliResult info = box.runOnVault(QStringLiteral("info"));
    QVERIFY(!info.outText().contains(QStringLiteral("required")));
    CLI_EXPECT(box.run({secretKey, QStringLiteral("disable"), vault}, {CliSandbox::MasterPassword}),
               1);
}

void TestCliSecretKey::passwdKeepsTheKey() {
    CliSandbox box;
    const QString key = createWithKey(box);
    QVERIFY(!key.isEmpty());
    const QByteArray newPassword("a new master password for the test");
    CLI_EXPECT(box.runOnVault(QStringLiteral("passwd"), {}, {newPassword}), 0);
    const QString other = box.filePath(QStringLiteral("other-device"));
    const QString keyFile = box.filePath(QStringLiteral("key.txt"));
    QVERIFY(writePrivate(keyFile, key.toLatin1()));
    const QString ls = QStringLiteral("ls");
    CLI_EXPECT(box.run({ls, box.vaultPath()}, {newPassword}, other), 2);
    CLI_EXPECT(box.run({QStringLiteral("--secret-key-file"), keyFile, ls, box.vaultPath()},
                       {newPassword}, other),
               0);
}

void TestCliSecretKey::syncCatchesUpWithTheKey() {
    // b opened the vault before a turned the key on: b is refused until it gives the key once,
    // then syncs and edits, and a sees b's edit.
    CliSandbox box;
    CLI_EXPECT(box.create(), 0);
    const QString vault = box.vaultPath();
    const QString b = box.filePath(QStringLiteral("device-b"));
    CLI_EXPECT(box.run({QStringLiteral("ls"), vault}, {CliSandbox::MasterPassword}, b), 0);
    const CliResult enabled =
        box.run({QStringLiteral("secret-key"), QStringLiteral("enable"), vault},
                {CliSandbox::MasterPassword});
    CLI_EXPECT(enabled, 0);
    const QString keyFile = box.filePath(QStringLiteral("key.txt"));
    QVERIFY(writePrivate(keyFile, keyIn(enabled.out).toLatin1()));
    CLI_EXPECT(box.run({QStringLiteral("sync"), vault}, {CliSandbox::MasterPassword}, b), 2);
    const CliResult synced =
        box.run({QStringLiteral("sync"), QStringLiteral("--secret-key-file"), keyFile, vault},
                {CliSandbox::MasterPassword}, b);
    CLI_EXPECT(synced, 0);
    const CliResult added =
        box.run({QStringLiteral("--secret-key-file"), keyFile, QStringLiteral("add"), vault,
                 QStringLiteral("--title"), QStringLiteral("From b")},
                {CliSandbox::MasterPassword}, b);
    CLI_EXPECT(added, 0);
    const CliResult onA = box.runOnVault(QStringLiteral("ls"));
    CLI_EXPECT(onA, 0);
    QVERIFY2(onA.outText().contains(QStringLiteral("From b")), onA.out.constData());
}

void TestCliSecretKey::emergencyKitCommand() {
    CliSandbox box;
    CLI_EXPECT(box.create(), 0);
    const QString pdf = box.filePath(QStringLiteral("kit.pdf"));
    const CliResult none = box.runOnVault(QStringLiteral("emergency-kit"), {pdf});
    CLI_EXPECT(none, 1);
    QVERIFY(none.errText().contains(QStringLiteral("no secret key")));
    QVERIFY(!QFileInfo::exists(pdf));

    const CliResult enabled =
        box.run({QStringLiteral("secret-key"), QStringLiteral("enable"), box.vaultPath()},
                {CliSandbox::MasterPassword});
    CLI_EXPECT(enabled, 0);
    const QString key = keyIn(enabled.out);
    const CliResult info = box.runOnVault(QStringLiteral("info"), {QStringLiteral("--json")});
    const QString vaultId = parseJson(info.out).object().value(QStringLiteral("id")).toString();
    QVERIFY(!vaultId.isEmpty());

    const CliResult written = box.run({QStringLiteral("emergency-kit"), box.vaultPath(), pdf},
                                      {CliSandbox::MasterPassword});
    CLI_EXPECT(written, 0);
    QVERIFY(!written.out.contains(key.toLatin1())); // the key goes into the kit only
    QCOMPARE(QFileInfo(pdf).permissions(), OwnerOnly);
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(key), qPrintable(text));
    QVERIFY2(text.simplified().remove(QLatin1Char(' ')).contains(vaultId), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("test"))); // the vault's name
    // Never over an existing file unless asked.
    CLI_EXPECT(box.run({QStringLiteral("emergency-kit"), box.vaultPath(), pdf},
                       {CliSandbox::MasterPassword}),
               6);
    CLI_EXPECT(
        box.run({QStringLiteral("emergency-kit"), QStringLiteral("--force"), box.vaultPath(), pdf},
                {CliSandbox::MasterPassword}),
        0);
}

void TestCliSecretKey::usageErrors() {
    CliSandbox box;
    CLI_EXPECT(box.create(), 0);
    const QString vault = box.vaultPath();
    CLI_EXPECT(box.run({QStringLiteral("ls"), vault, QStringLiteral("--secret-key-file")},
                       {CliSandbox::MasterPassword}),
               1);
    CLI_EXPECT(box.run({QStringLiteral("secret-key"), QStringLiteral("rotate"), vault},
                       {CliSandbox::MasterPassword}),
               1);
    CLI_EXPECT(box.run({QStringLiteral("secret-key"), QStringLiteral("remember"), vault},
                       {CliSandbox::MasterPassword}),
               1);
    CLI_EXPECT(box.run({QStringLiteral("--secret-key-file"), box.filePath(QStringLiteral("none")),
                        QStringLiteral("ls"), vault},
                       {CliSandbox::MasterPassword}),
               6);
    const CliResult help = box.run({QStringLiteral("--help")});
    QVERIFY(help.outText().contains(QStringLiteral("--secret-key-file")));
    QVERIFY(help.outText().contains(QStringLiteral("emergency-kit")));
}

QTEST_GUILESS_MAIN(TestCliSecretKey)
#include "tst_cli_secretkey.moc"
