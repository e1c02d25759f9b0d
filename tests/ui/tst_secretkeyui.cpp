// The secret key in the desktop app, with real widgets and real vaults: the create dialog's
// "Protect with a secret key", the unlock page's key field on a device that has no key stored
// (typo, wrong key, "Remember on this device"), Vault ▸ Secret key… turning the key on and off
// with the master password, the Emergency Kit saved from SecretKeyDialog (read back with
// pdftotext), and a password change that keeps the key. Keys are kept in the 0600 file store
// (FileSecretKeyStore): CI has no Secret Service.

#include "AppSettings.h"
#include "CreateVaultDialog.h"
#include "SecretKeyDialog.h"
#include "SecretKeySettingsDialog.h"
#include "SecurePasswordEdit.h"
#include "UnlockPage.h"
#include "VaultController.h"

#include "crypto/Crypto.h"
#include "vault/SecretKey.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using namespace tessera::ui;

namespace {

constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
constexpr int WaitMs = 20000;
const QString Password = QStringLiteral("the master password");

void type(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
    }
}

QString text(const SecureBuffer& buffer) {
    return QString::fromLatin1(reinterpret_cast<const char*>(buffer.data()),
                               qsizetype(buffer.size()));
}

// One device: a data folder, a file key store, a controller.
struct TestDevice {
    explicit TestDevice(const QString& dataDir)
        : controller(tessera::Device{dataDir, &clock}) {
        controller.setSecretKeyStore(std::make_unique<FileSecretKeyStore>(dataDir));
        store = std::make_unique<FileSecretKeyStore>(dataDir);
    }
    SystemClock clock;
    VaultController controller;
    std::unique_ptr<FileSecretKeyStore> store; // the same files, to look at
};

} // namespace

class TestSecretKeyUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void createDialogWithSecretKey();
    void unlockPageAsksForTheKey();
    void outdatedStoredKeyOpensTheField();
    void settingsTurnOnAndOff();
    void emergencyKitFromTheDialog();
    void passwordChangeKeepsTheKey();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    // Creates a vault with a secret key on device; returns the key.
    SecureBuffer createWithKey(TestDevice& device, const QString& vault);
    std::unique_ptr<QTemporaryDir> m_dir;
};

SecureBuffer TestSecretKeyUi::createWithKey(TestDevice& device, const QString& vault) {
    SecureBuffer key = generateSecretKey();
    device.controller.create(vault, SecureBuffer::copyOf(Password.toStdString()),
                             QStringLiteral("Family"), FastKdf, key.clone());
    if (!QTest::qWaitFor([&] { return device.controller.isUnlocked(); }, WaitMs))
        return {};
    return key;
}

void TestSecretKeyUi::createDialogWithSecretKey() {
    TestDevice device(path(QStringLiteral("data")));
    CreateVaultDialog dialog(device.controller);
    dialog.setFolder(m_dir->path());
    dialog.setKdfParams(FastKdf);
    dialog.setShowNewKey(false);
    dialog.nameField()->setText(QStringLiteral("Family"));
    type(dialog.passwordField(), Password);
    type(dialog.repeatField(), Password);
    QVERIFY(!dialog.secretKeyBox()->isChecked()); // opt in
    dialog.secretKeyBox()->setChecked(true);
    QVERIFY(dialog.createButton()->isEnabled());
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(device.controller.isUnlocked(), WaitMs);
    const VaultInfo info = device.controller.vault()->info();
    QVERIFY(info.requiresSecretKey);
    QVERIFY(device.controller.secretKey());
    auto stored = device.store->load(info.id);
    QVERIFY(stored.ok());
    QVERIFY(stored->equals(*device.controller.secretKey()));
    // The vault file never holds the key.
    QFile file(info.path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(
        QByteArray(reinterpret_cast<const char*>(stored->data()), qsizetype(stored->size()))));
}

void TestSecretKeyUi::unlockPageAsksForTheKey() {
    const QString vault = path(QStringLiteral("v.tessera"));
    TestDevice a(path(QStringLiteral("data-a")));
    const SecureBuffer key = createWithKey(a, vault);
    QVERIFY(!key.empty());
    a.controller.lock();

    TestDevice b(path(QStringLiteral("data-b")));
    AppSettings settings(path(QStringLiteral("app.conf")));
    UnlockPage page(b.controller, settings);
    page.show();
    page.setVault(vault);
    QVERIFY(page.secretKeyBox()->isVisible());
    QVERIFY(page.rememberKeyBox()->isChecked());
    const auto attempt = [&](const QString& password, const QString& typedKey) {
        page.passwordField()->clear();
        page.secretKeyField()->clear();
        type(page.passwordField(), password);
        type(page.secretKeyField(), typedKey);
        QTest::mouseClick(page.unlockButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!b.controller.isBusy(), WaitMs);
    };
    attempt(Password, QString());
    QVERIFY(page.errorText().contains(QStringLiteral("secret key")));
    QVERIFY(!b.controller.isUnlocked());

    const QString right = text(formatSecretKey(key));
    QString typo = right;
    typo[4] = typo[4] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    attempt(Password, typo);
    QVERIFY2(page.errorText().contains(QStringLiteral("typo")), qPrintable(page.errorText()));
    QCOMPARE(b.controller.throttle().failures(vault), 0); // a typo costs no attempt

    attempt(Password, text(formatSecretKey(generateSecretKey())));
    QVERIFY2(page.errorText().contains(QStringLiteral("Wrong master password or secret key")),
             qPrintable(page.errorText()));
    attempt(QStringLiteral("wrong password"), right);
    QVERIFY(!b.controller.isUnlocked());

    attempt(Password, right.toLower()); // forgiving: case does not matter
    QTRY_VERIFY_WITH_TIMEOUT(b.controller.isUnlocked(), WaitMs);
    const QByteArray id = b.controller.vault()->info().id;
    auto stored = b.store->load(id);
    QVERIFY(stored.ok());
    QVERIFY(stored->equals(key));
    b.controller.lock();

    // Remembered: the next unlock asks for the password only.
    page.setVault(vault);
    QVERIFY(page.secretKeyBox()->isHidden());
    page.passwordField()->clear();
    type(page.passwordField(), Password);
    QTest::mouseClick(page.unlockButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(b.controller.isUnlocked(), WaitMs);
}

void TestSecretKeyUi::outdatedStoredKeyOpensTheField() {
    // b remembered the key; a makes a new one. b's stored key no longer works: the unlock page
    // then asks for the key, and the new one replaces the stored one.
    const QString vault = path(QStringLiteral("v.tessera"));
    TestDevice a(path(QStringLiteral("data-a")));
    const SecureBuffer oldKey = createWithKey(a, vault);
    QVERIFY(!oldKey.empty());
    QVERIFY(a.controller.publishNow().ok());
    TestDevice b(path(QStringLiteral("data-b")));
    b.controller.unlock(vault, SecureBuffer::copyOf(Password.toStdString()), oldKey.clone(), true);
    QTRY_VERIFY_WITH_TIMEOUT(b.controller.isUnlocked(), WaitMs);
    b.controller.lock();
    auto newKey = a.controller.enableSecretKey(SecureBuffer::copyOf(Password.toStdString()));
    QVERIFY(newKey.ok());
    QVERIFY(a.controller.publishNow().ok());

    AppSettings settings(path(QStringLiteral("app.conf")));
    UnlockPage page(b.controller, settings);
    page.show();
    page.setVault(vault);
    QVERIFY(page.secretKeyBox()->isHidden());
    type(page.passwordField(), Password);
    QTest::mouseClick(page.unlockButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!b.controller.isBusy(), WaitMs);
    QVERIFY(!b.controller.isUnlocked());
    QVERIFY(page.secretKeyBox()->isVisible());
    page.passwordField()->clear();
    type(page.passwordField(), Password);
    type(page.secretKeyField(), text(formatSecretKey(*newKey)));
    QTest::mouseClick(page.unlockButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(b.controller.isUnlocked(), WaitMs);
    auto stored = b.store->load(b.controller.vault()->info().id);
    QVERIFY(stored.ok());
    QVERIFY(stored->equals(*newKey));
}

void TestSecretKeyUi::settingsTurnOnAndOff() {
    const QString vault = path(QStringLiteral("v.tessera"));
    TestDevice a(path(QStringLiteral("data-a")));
    a.controller.create(vault, SecureBuffer::copyOf(Password.toStdString()), QStringLiteral("V"),
                        FastKdf);
    QTRY_VERIFY_WITH_TIMEOUT(a.controller.isUnlocked(), WaitMs);
    SecretKeySettingsDialog dialog(a.controller);
    QVERIFY(dialog.turnOffButton()->isHidden());

    type(dialog.passwordField(), QStringLiteral("not it"));
    QVERIFY(!dialog.turnOn(false));
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("Wrong master password")));
    QVERIFY(!a.controller.vault()->info().requiresSecretKey);
    QCOMPARE(a.controller.vault()->info().keyEpoch, 0u);

    type(dialog.passwordField(), Password);
    QVERIFY(dialog.turnOn(false));
    const VaultInfo on = a.controller.vault()->info();
    QVERIFY(on.requiresSecretKey);
    QCOMPARE(on.keyEpoch, 1u);
    QVERIFY(dialog.saveKitButton()->isEnabled());
    QVERIFY(!dialog.turnOffButton()->isHidden());
    auto stored = a.store->load(on.id);
    QVERIFY(stored.ok());
    QVERIFY(stored->equals(*a.controller.secretKey()));
    QVERIFY(a.controller.publishNow().ok());

    // Another device needs the key now.
    TestDevice b(path(QStringLiteral("data-b")));
    QVERIFY(b.controller.needsSecretKey(vault));

    QVERIFY(!dialog.turnOff()); // no password typed
    type(dialog.passwordField(), Password);
    QVERIFY(dialog.turnOff());
    QVERIFY(!a.controller.vault()->info().requiresSecretKey);
    QCOMPARE(a.controller.vault()->info().keyEpoch, 2u);
    QCOMPARE(a.store->load(on.id).code(), ErrorCode::NotFound);
    QVERIFY(a.controller.publishNow().ok());
    QVERIFY(!b.controller.needsSecretKey(vault));
}

void TestSecretKeyUi::emergencyKitFromTheDialog() {
    TestDevice a(path(QStringLiteral("data-a")));
    const SecureBuffer key = createWithKey(a, path(QStringLiteral("Family.tessera")));
    QVERIFY(!key.empty());
    const VaultInfo info = a.controller.vault()->info();
    const QString pdf = path(QStringLiteral("kit.pdf"));
    {
        SecretKeyDialog dialog(info, key);
        QCOMPARE(dialog.keyLabel()->text(), text(formatSecretKey(key)));
        QVERIFY(dialog.saveKitTo(pdf).ok());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Saved")));
        dialog.reject();
        QVERIFY(dialog.keyLabel()->text().isEmpty()); // the shown key is gone once closed
    }
    QCOMPARE(QFileInfo(pdf).permissions(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadUser | QFileDevice::WriteUser);
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(pdftotext.waitForFinished(30000), "pdftotext (poppler-utils) is needed");
    const QString content = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(content.contains(text(formatSecretKey(key))), qPrintable(content));
    QVERIFY(content.contains(QStringLiteral("Family")));
    QVERIFY(content.simplified()
                .remove(QLatin1Char(' '))
                .contains(QString::fromLatin1(info.id.toHex())));
}

void TestSecretKeyUi::passwordChangeKeepsTheKey() {
    const QString vault = path(QStringLiteral("v.tessera"));
    TestDevice a(path(QStringLiteral("data-a")));
    const SecureBuffer key = createWithKey(a, vault);
    QVERIFY(!key.empty());
    QVERIFY(a.controller.changePassword(SecureBuffer::copyOf("new password"), FastKdf).ok());
    QVERIFY(a.controller.vault()->info().requiresSecretKey);
    QVERIFY(a.controller.changeKdf(SecureBuffer::copyOf("new password"), KdfParams{2, MinMemLog2})
                .ok());
    QVERIFY(a.controller.vault()->info().requiresSecretKey);
    a.controller.lock();
    a.controller.unlock(vault, SecureBuffer::copyOf("new password")); // key from the store
    QTRY_VERIFY_WITH_TIMEOUT(!a.controller.isBusy(), WaitMs);
    QVERIFY(a.controller.isUnlocked());
}

QTEST_MAIN(TestSecretKeyUi)
#include "tst_secretkeyui.moc"
