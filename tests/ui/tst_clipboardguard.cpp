// ClipboardGuard: secrets carry the password manager hint and go only to the clipboard, the
// clipboard is cleared after the configured seconds, but not when the user copied something else
// meanwhile, and clearNow() (what locking calls) clears at once.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "crypto/Crypto.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tessera::SecureBuffer;
using tessera::ui::AppSettings;
using tessera::ui::ClipboardGuard;

namespace {

constexpr int ClearWaitMs = 5000; // one second setting plus slack on a loaded machine

QClipboard* clipboard() {
    return QGuiApplication::clipboard();
}

} // namespace

class TestClipboardGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tessera::initializeCrypto().ok());
        QVERIFY(m_dir.isValid());
    }
    void init() { clipboard()->clear(); }

    void secretHasHint() {
        AppSettings settings(m_dir.filePath(QStringLiteral("a.conf")));
        ClipboardGuard guard(settings);
        QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
        guard.copySecret(SecureBuffer::copyOf("hunter2"), QStringLiteral("password"));
        const QMimeData* mime = clipboard()->mimeData(QClipboard::Clipboard);
        QVERIFY(mime);
        QCOMPARE(mime->data(QStringLiteral("text/plain")), QByteArray("hunter2"));
        QCOMPARE(clipboard()->text(), QStringLiteral("hunter2"));
        QCOMPARE(mime->data(ClipboardGuard::PasswordManagerHint), QByteArray("secret"));
        QVERIFY(guard.holdsSecret());
        QCOMPARE(countdown.count(), 1);
        QCOMPARE(countdown.at(0).at(0).toInt(), 20);
        QCOMPARE(countdown.at(0).at(1).toString(), QStringLiteral("password"));
        if (clipboard()->supportsSelection())
            QVERIFY(clipboard()->text(QClipboard::Selection) != QStringLiteral("hunter2"));
    }

    void plainTextHasNoHint() {
        AppSettings settings(m_dir.filePath(QStringLiteral("b.conf")));
        ClipboardGuard guard(settings);
        guard.copyText(QStringLiteral("https://example.org"), QStringLiteral("URL"));
        QCOMPARE(clipboard()->text(), QStringLiteral("https://example.org"));
        QVERIFY(!clipboard()->mimeData()->hasFormat(ClipboardGuard::PasswordManagerHint));
        QVERIFY(guard.holdsOurData());
        QVERIFY(!guard.holdsSecret());
    }

    void clearedAfterTimeout() {
        AppSettings settings(m_dir.filePath(QStringLiteral("c.conf")));
        settings.setClipboardSeconds(1);
        ClipboardGuard guard(settings);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(SecureBuffer::copyOf("s3cret"), QStringLiteral("password"));
        QCOMPARE(clipboard()->text(), QStringLiteral("s3cret"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, ClearWaitMs);
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(!guard.holdsOurData());
    }

    void userCopyIsLeftAlone() {
        AppSettings settings(m_dir.filePath(QStringLiteral("d.conf")));
        settings.setClipboardSeconds(1);
        ClipboardGuard guard(settings);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(SecureBuffer::copyOf("s3cret"), QStringLiteral("password"));
        clipboard()->setText(QStringLiteral("the user's own text"));
        QVERIFY(!guard.holdsOurData());
        QTest::qWait(1500); // past the timeout: nothing may touch the user's text
        QCOMPARE(clipboard()->text(), QStringLiteral("the user's own text"));
        guard.clearNow();
        QCOMPARE(clipboard()->text(), QStringLiteral("the user's own text"));
    }

    void sameTextCopiedByUserIsNotOurs() {
        // The same characters put there by someone else are not our QMimeData.
        AppSettings settings(m_dir.filePath(QStringLiteral("e.conf")));
        ClipboardGuard guard(settings);
        guard.copySecret(SecureBuffer::copyOf("same"), QStringLiteral("password"));
        clipboard()->setText(QStringLiteral("same"));
        guard.clearNow();
        QCOMPARE(clipboard()->text(), QStringLiteral("same"));
    }

    void clearNowClears() {
        AppSettings settings(m_dir.filePath(QStringLiteral("f.conf")));
        ClipboardGuard guard(settings);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(SecureBuffer::copyOf("locked away"), QStringLiteral("password"));
        guard.clearNow();
        QCOMPARE(cleared.count(), 1);
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(!guard.holdsSecret());
        QCOMPARE(guard.secondsLeft(), 0);
    }

    void secondCopyReplacesFirst() {
        AppSettings settings(m_dir.filePath(QStringLiteral("g.conf")));
        ClipboardGuard guard(settings);
        guard.copySecret(SecureBuffer::copyOf("first"), QStringLiteral("password"));
        guard.copySecret(SecureBuffer::copyOf("second"), QStringLiteral("username"));
        QCOMPARE(clipboard()->text(), QStringLiteral("second"));
        QVERIFY(guard.holdsSecret());
        guard.clearNow();
        QVERIFY(clipboard()->text().isEmpty());
    }

    void destructionClears() {
        AppSettings settings(m_dir.filePath(QStringLiteral("h.conf")));
        {
            ClipboardGuard guard(settings);
            guard.copySecret(SecureBuffer::copyOf("bye"), QStringLiteral("password"));
        }
        QVERIFY(clipboard()->text().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"
