#include "SecurePasswordEdit.h"

#include "PasswordText.h"
#include "crypto/Crypto.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace tessera::ui {

namespace {

constexpr unsigned X11LockMask = 0x2; // xcb's state bit for Caps Lock in nativeModifiers()

std::atomic<bool> g_capsLock{false};

} // namespace

SecurePasswordEdit::SecurePasswordEdit(QWidget* parent)
    : QWidget(parent) {
    static std::once_flag installed;
    std::call_once(installed, [] { QAccessible::installFactory(passwordAccessibleFactory); });
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true); // dead keys and compose come as commits
    setAttribute(Qt::WA_KeyCompression, false);
    setCursor(Qt::IBeamCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setBackgroundRole(QPalette::Base);
}

SecurePasswordEdit::~SecurePasswordEdit() = default; // m_text wipes itself

SecureBuffer SecurePasswordEdit::takePassword() {
    SecureBuffer out = std::move(m_text);
    m_text = SecureBuffer();
    m_length = m_cursor = m_anchor = 0;
    m_scroll = 0;
    edited();
    return out;
}

void SecurePasswordEdit::setPassword(SecureBuffer password) {
    m_text = std::move(password);
    m_length = countCodePoints(m_text);
    m_cursor = m_anchor = m_length;
    edited();
}

void SecurePasswordEdit::clear() {
    m_text.clear();
    m_length = m_cursor = m_anchor = 0;
    m_scroll = 0;
    edited();
}

void SecurePasswordEdit::setRevealed(bool revealed) {
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    update();
}

void SecurePasswordEdit::setPlaceholderText(const QString& text) {
    m_placeholder = text;
    update();
}

void SecurePasswordEdit::selectAll() {
    m_anchor = 0;
    m_cursor = m_length;
    update();
}

bool SecurePasswordEdit::capsLockOn() {
    return g_capsLock.load();
}

void SecurePasswordEdit::edited() {
    restartBlink();
    update();
    Q_EMIT changed();
}

void SecurePasswordEdit::insertWiping(QString& text) {
    // Static text (a literal) is read-only and no secret: work on a heap copy of it.
    if (!text.isEmpty() && !text.data_ptr().d_ptr())
        text = QString(text.constData(), text.size());
    // Keep the first line only and drop control characters, as a one-line field would.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            break;
        if (c.category() == QChar::Other_Control)
            continue;
        const_cast<QChar*>(text.constData())[kept++] = c; // in place: no detached copy
    }
    if (kept > 0) {
        removeSelection();
        QByteArray utf8 = QStringView(text.constData(), kept).toUtf8();
        const std::size_t at = byteOffset(m_text, m_cursor);
        SecureBuffer next(0);
        next.append(m_text.data(), at);
        next.append(utf8.constData(), std::size_t(utf8.size()));
        next.append(m_text.data() + at, m_text.size() - at);
        int added = 0;
        for (const char byte : std::as_const(utf8))
            added += isContinuation(static_cast<unsigned char>(byte)) ? 0 : 1;
        wipe(utf8);
        m_text = std::move(next);
        m_length += added;
        m_cursor += added;
        m_anchor = m_cursor;
    }
    wipe(text);
    if (kept > 0)
        edited();
}

void SecurePasswordEdit::removeRange(int from, int to) {
    const std::size_t a = byteOffset(m_text, from);
    const std::size_t b = byteOffset(m_text, to);
    SecureBuffer next(0);
    next.append(m_text.data(), a);
    next.append(m_text.data() + b, m_text.size() - b);
    m_text = std::move(next);
    m_length -= to - from;
    m_cursor = m_anchor = from;
}

bool SecurePasswordEdit::removeSelection() {
    if (!hasSelection())
        return false;
    removeRange(std::min(m_cursor, m_anchor), std::max(m_cursor, m_anchor));
    return true;
}

void SecurePasswordEdit::moveCursor(int position, bool extendSelection) {
    m_cursor = std::clamp(position, 0, m_length);
    if (!extendSelection)
        m_anchor = m_cursor;
    restartBlink();
    update();
}

void SecurePasswordEdit::paste() {
    const QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    QString text = clipboard->text(QClipboard::Clipboard);
    insertWiping(text);
}

void SecurePasswordEdit::noteCapsLock(const QKeyEvent* event) {
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return;
    const bool on = (event->nativeModifiers() & X11LockMask) != 0;
    if (g_capsLock.exchange(on) != on || event->key() == Qt::Key_CapsLock)
        Q_EMIT capsLockChanged(event->key() == Qt::Key_CapsLock ? !on : on);
}

bool SecurePasswordEdit::handlesKey(const QKeyEvent* event) const {
    if (event->matches(QKeySequence::SelectAll) || event->matches(QKeySequence::Paste))
        return true;
    switch (event->key()) {
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Left:
    case Qt::Key_Right:
        return true;
    default:
        break;
    }
    const Qt::KeyboardModifiers mods =
        event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (mods & (Qt::ControlModifier | Qt::MetaModifier))
        return false;
    const QString text = event->text();
    if (text.isEmpty())
        return false;
    const char32_t first = text.size() > 1 && text.at(0).isHighSurrogate()
                               ? QChar::surrogateToUcs4(text.at(0), text.at(1))
                               : text.at(0).unicode();
    return QChar::isPrint(first);
}

bool SecurePasswordEdit::event(QEvent* e) {
    if (e->type() == QEvent::ShortcutOverride) {
        // Keys this field edits with win over application shortcuts while it has focus.
        if (handlesKey(static_cast<QKeyEvent*>(e))) {
            e->accept();
            return true;
        }
    }
    return QWidget::event(e);
}

void SecurePasswordEdit::keyPressEvent(QKeyEvent* event) {
    noteCapsLock(event);
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (event->matches(QKeySequence::Copy) || event->matches(QKeySequence::Cut) ||
        event->matches(QKeySequence::Undo) || event->matches(QKeySequence::Redo)) {
        event->ignore(); // nothing leaves the field; there is no undo history
        return;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT returnPressed();
        event->ignore(); // like QLineEdit: a dialog's default button still sees it
        return;
    case Qt::Key_Backspace:
        if (!removeSelection() && m_cursor > 0)
            removeRange(control ? 0 : m_cursor - 1, m_cursor);
        edited();
        return;
    case Qt::Key_Delete:
        if (!removeSelection() && m_cursor < m_length)
            removeRange(m_cursor, control ? m_length : m_cursor + 1);
        edited();
        return;
    case Qt::Key_Home:
        moveCursor(0, shift);
        return;
    case Qt::Key_End:
        moveCursor(m_length, shift);
        return;
    case Qt::Key_Left:
        moveCursor(!shift && hasSelection() ? std::min(m_cursor, m_anchor)
                   : control                ? 0
                                            : m_cursor - 1,
                   shift);
        return;
    case Qt::Key_Right:
        moveCursor(!shift && hasSelection() ? std::max(m_cursor, m_anchor)
                   : control                ? m_length
                                            : m_cursor + 1,
                   shift);
        return;
    default:
        break;
    }
    if (handlesKey(event)) {
        // text() shares the event's buffer: wiping it in place wipes the event's copy as well.
        QString text = event->text();
        insertWiping(text);
        return;
    }
    event->ignore();
}

void SecurePasswordEdit::inputMethodEvent(QInputMethodEvent* event) {
    // Only committed text is taken; pre-edit text is neither stored nor painted.
    if (!event->commitString().isEmpty()) {
        QString text = event->commitString();
        insertWiping(text);
    }
    event->accept();
}

QVariant SecurePasswordEdit::inputMethodQuery(Qt::InputMethodQuery query) const {
    switch (query) {
    case Qt::ImEnabled:
        return isEnabled();
    case Qt::ImHints:
        return int(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                   Qt::ImhNoAutoUppercase);
    case Qt::ImCursorRectangle:
        return QRect(0, 0, 1, height());
    case Qt::ImFont:
        return font();
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
    case Qt::ImTextBeforeCursor:
    case Qt::ImTextAfterCursor:
        return QString(); // the text never leaves the field
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return 0;
    default:
        return QWidget::inputMethodQuery(query);
    }
}

void SecurePasswordEdit::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        moveCursor(positionAt(event->position().x()), event->modifiers() & Qt::ShiftModifier);
    QWidget::mousePressEvent(event);
}

void SecurePasswordEdit::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton)
        moveCursor(positionAt(event->position().x()), true);
}

void SecurePasswordEdit::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        selectAll();
}

void SecurePasswordEdit::focusInEvent(QFocusEvent* event) {
    restartBlink();
    QWidget::focusInEvent(event);
    update();
}

void SecurePasswordEdit::focusOutEvent(QFocusEvent* event) {
    m_blink.stop();
    m_cursorVisible = false;
    QWidget::focusOutEvent(event);
    update();
}

void SecurePasswordEdit::restartBlink() {
    m_cursorVisible = true;
    const int flash = QApplication::cursorFlashTime();
    if (hasFocus() && flash > 0)
        m_blink.start(flash / 2, this);
    else
        m_blink.stop();
}

void SecurePasswordEdit::timerEvent(QTimerEvent* event) {
    if (event->timerId() != m_blink.timerId()) {
        QWidget::timerEvent(event);
        return;
    }
    m_cursorVisible = !m_cursorVisible;
    update();
}

void SecurePasswordEdit::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* pasteAction = menu.addAction(tr("&Paste"), this, &SecurePasswordEdit::paste);
    const QClipboard* clipboard = QGuiApplication::clipboard();
    pasteAction->setEnabled(clipboard && clipboard->mimeData() && clipboard->mimeData()->hasText());
    menu.addAction(tr("Select &All"), this, &SecurePasswordEdit::selectAll)
        ->setEnabled(m_length > 0);
    menu.addAction(tr("&Clear"), this, &SecurePasswordEdit::clear)->setEnabled(m_length > 0);
    menu.exec(event->globalPos());
}

} // namespace tessera::ui
