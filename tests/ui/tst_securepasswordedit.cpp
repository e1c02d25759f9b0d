// SecurePasswordEdit: typing (ASCII and not), editing keys, paste, clear, and that the text never
// leaves the widget through accessibility or input method queries.
#include "SecurePasswordEdit.h"
#include "crypto/Crypto.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QInputMethodEvent>
#include <QSignalSpy>
#include <QTest>

using tessera::SecureBuffer;
using tessera::ui::SecurePasswordEdit;

namespace {

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

// QTest::keyClicks takes ASCII only: one key event per code point, as a keyboard sends them.
void type(QWidget* widget, const QString& typed) {
    for (const uint cp : typed.toUcs4()) {
        const QString text = QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1);
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, text);
        QApplication::sendEvent(widget, &press);
    }
}

} // namespace

class TestSecurePasswordEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(tessera::initializeCrypto().ok()); }

    void typing_data() {
        QTest::addColumn<QString>("typed");
        QTest::newRow("ascii") << QStringLiteral("correct horse");
        QTest::newRow("latin") << QStringLiteral("pässwörd");
        QTest::newRow("cjk") << QStringLiteral("密码测试");
        QTest::newRow("emoji (surrogates)") << QStringLiteral("k\U0001F511y");
    }
    void typing() {
        QFETCH(QString, typed);
        SecurePasswordEdit edit;
        QSignalSpy changed(&edit, &SecurePasswordEdit::changed);
        type(&edit, typed);
        QCOMPARE(bytesOf(edit.password()), typed.toUtf8());
        QCOMPARE(edit.length(), int(typed.toUcs4().size()));
        QCOMPARE(changed.count(), int(typed.toUcs4().size()));
    }

    void editingKeys() {
        SecurePasswordEdit edit;
        type(&edit, QStringLiteral("abcdé"));
        QTest::keyClick(&edit, Qt::Key_Backspace);
        QCOMPARE(bytesOf(edit.password()), QByteArray("abcd"));
        QTest::keyClick(&edit, Qt::Key_Home);
        QTest::keyClick(&edit, Qt::Key_Delete);
        QCOMPARE(bytesOf(edit.password()), QByteArray("bcd"));
        QTest::keyClick(&edit, Qt::Key_Right);
        type(&edit, QStringLiteral("ü"));
        QCOMPARE(bytesOf(edit.password()), QString::fromUtf8("bücd").toUtf8());
        QTest::keyClick(&edit, Qt::Key_End);
        QTest::keyClick(&edit, Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClicks(&edit, QStringLiteral("X"));
        QCOMPARE(bytesOf(edit.password()), QString::fromUtf8("bücX").toUtf8());
        QTest::keyClick(&edit, Qt::Key_A, Qt::ControlModifier);
        QVERIFY(edit.hasSelection());
        QTest::keyClick(&edit, Qt::Key_Backspace);
        QVERIFY(edit.isEmpty());
        QCOMPARE(edit.length(), 0);
    }

    void enterEmitsReturnPressed() {
        SecurePasswordEdit edit;
        QSignalSpy returned(&edit, &SecurePasswordEdit::returnPressed);
        QTest::keyClicks(&edit, QStringLiteral("pw"));
        QTest::keyClick(&edit, Qt::Key_Return);
        QTest::keyClick(&edit, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(returned.count(), 2);
        QCOMPARE(bytesOf(edit.password()), QByteArray("pw"));
    }

    void pasteTakesFirstLine() {
        SecurePasswordEdit edit;
        QGuiApplication::clipboard()->setText(QStringLiteral("s3cr\u00e9t\nsecond line"));
        QTest::keyClicks(&edit, QStringLiteral("<"));
        QTest::keyClick(&edit, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(bytesOf(edit.password()), QString::fromUtf8("<s3cr\u00e9t").toUtf8());
        QGuiApplication::clipboard()->clear();
    }

    void copyAndUndoDoNothing() {
        SecurePasswordEdit edit;
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        QTest::keyClicks(&edit, QStringLiteral("hunter2"));
        QTest::keyClick(&edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(&edit, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(&edit, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
        QCOMPARE(bytesOf(edit.password()), QByteArray("hunter2"));
        QTest::keyClick(&edit, Qt::Key_Backspace);
        QTest::keyClick(&edit, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(edit.isEmpty());
        QGuiApplication::clipboard()->clear();
    }

    void clearAndTake() {
        SecurePasswordEdit edit;
        QTest::keyClicks(&edit, QStringLiteral("secret"));
        SecureBuffer taken = edit.takePassword();
        QCOMPARE(bytesOf(taken), QByteArray("secret"));
        QVERIFY(edit.isEmpty());
        edit.setPassword(SecureBuffer::copyOf("again"));
        QCOMPARE(edit.length(), 5);
        edit.clear();
        QVERIFY(edit.isEmpty());
        QCOMPARE(edit.password().size(), std::size_t(0));
    }

    void inputMethodCommitIsTaken() {
        SecurePasswordEdit edit;
        QVERIFY(edit.testAttribute(Qt::WA_InputMethodEnabled));
        QInputMethodEvent preedit(QStringLiteral("n"), {});
        QApplication::sendEvent(&edit, &preedit);
        QVERIFY(edit.isEmpty()); // pre-edit text is not stored
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("ñ"));
        QApplication::sendEvent(&edit, &commit);
        QCOMPARE(bytesOf(edit.password()), QString::fromUtf8("ñ").toUtf8());
    }

    void textNeverExposed() {
        SecurePasswordEdit edit;
        edit.setAccessibleName(QStringLiteral("Master password"));
        QTest::keyClicks(&edit, QStringLiteral("topsecret"));
        for (const auto query : {Qt::ImSurroundingText, Qt::ImCurrentSelection,
                                 Qt::ImTextBeforeCursor, Qt::ImTextAfterCursor}) {
            const QVariant value = edit.inputMethodQuery(query);
            QVERIFY2(!value.toString().contains(QStringLiteral("top")),
                     qPrintable(value.toString()));
        }
        QVERIFY(edit.inputMethodQuery(Qt::ImHints).toInt() & Qt::ImhHiddenText);
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(&edit);
        QVERIFY(accessible);
        QCOMPARE(accessible->role(), QAccessible::EditableText);
        QVERIFY(accessible->state().passwordEdit);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Master password"));
        QVERIFY(accessible->text(QAccessible::Value).isEmpty());
    }

    void paintsMaskedAndRevealed() {
        // Painting walks the UTF-8 buffer; both modes must render without touching the text.
        SecurePasswordEdit edit;
        edit.resize(200, 30);
        edit.setPassword(SecureBuffer::copyOf("wörd\xF0\x9F\x94\x91"));
        QImage masked(edit.size(), QImage::Format_ARGB32);
        edit.render(&masked);
        edit.setRevealed(true);
        QImage revealed(edit.size(), QImage::Format_ARGB32);
        edit.render(&revealed);
        QVERIFY(masked != revealed);
        QCOMPARE(edit.length(), 5);
    }
};

QTEST_MAIN(TestSecurePasswordEdit)
#include "tst_securepasswordedit.moc"
