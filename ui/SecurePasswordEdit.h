#pragma once
// A one-line password field whose characters live only in a SecureBuffer (UTF-8). QLineEdit keeps
// UTF-16 copies and an undo stack that cannot be wiped, so this widget paints the text itself:
// masked dots, or the characters when revealed. Typed and pasted text passes through the QString
// Qt hands us and that copy is wiped at once. No undo, no copy or cut out of the field, and no text
// through accessibility or input method queries.

#include "crypto/SecureBuffer.h"

#include <QBasicTimer>
#include <QString>
#include <QWidget>

class QStyleOptionFrame;

namespace tessera::ui {

class SecurePasswordEdit : public QWidget {
    Q_OBJECT
public:
    explicit SecurePasswordEdit(QWidget* parent = nullptr);
    ~SecurePasswordEdit() override;

    const SecureBuffer& password() const { return m_text; }
    // Moves the password out; the field is empty afterwards.
    SecureBuffer takePassword();
    void setPassword(SecureBuffer password);
    bool isEmpty() const { return m_text.empty(); }
    // Number of characters (Unicode code points).
    int length() const { return m_length; }

    bool isRevealed() const { return m_revealed; }
    void setRevealed(bool revealed);
    QString placeholderText() const { return m_placeholder; }
    void setPlaceholderText(const QString& text);

    int cursorPosition() const { return m_cursor; }
    bool hasSelection() const { return m_anchor != m_cursor; }
    void selectAll();

    // Best effort: the Caps Lock state as last seen in a key event (X11 reports it with every key).
    static bool capsLockOn();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

public Q_SLOTS:
    void clear(); // wipes
    void paste();

Q_SIGNALS:
    void changed();
    void returnPressed();
    void capsLockChanged(bool on);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void timerEvent(QTimerEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    // Inserts UTF-16 text (control characters dropped, stops at a line break) and wipes it.
    void insertWiping(QString& text);
    void removeRange(int from, int to); // code point indices, from < to
    bool removeSelection();
    void moveCursor(int position, bool extendSelection);
    void edited();
    void noteCapsLock(const QKeyEvent* event);
    bool handlesKey(const QKeyEvent* event) const;

    // Geometry: the x offset of the boundary before each code point (length()+1 values).
    std::vector<qreal> boundaries() const;
    QRect contentsRect(const QStyleOptionFrame& option) const;
    void initStyleOption(QStyleOptionFrame* option) const;
    int positionAt(qreal x) const;
    void restartBlink();

    SecureBuffer m_text; // UTF-8
    int m_length = 0;    // code points
    int m_cursor = 0;    // code point index
    int m_anchor = 0;    // other end of the selection
    qreal m_scroll = 0;
    bool m_revealed = false;
    bool m_cursorVisible = false;
    QString m_placeholder;
    QBasicTimer m_blink;
};

} // namespace tessera::ui
