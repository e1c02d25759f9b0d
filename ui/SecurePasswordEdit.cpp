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
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>

namespace tessera::ui {

namespace {

constexpr int HorizontalMargin = 2;   // between the frame's contents and the first character
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

std::vector<qreal> SecurePasswordEdit::boundaries() const {
    const QFontMetricsF metrics(font());
    std::vector<qreal> xs;
    xs.reserve(std::size_t(m_length) + 1);
    xs.push_back(0);
    if (!m_revealed) {
        const Glyph mask(
            char32_t(style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter, nullptr, this)));
        const qreal advance = metrics.horizontalAdvance(mask.view());
        for (int i = 1; i <= m_length; ++i)
            xs.push_back(advance * i);
        return xs;
    }
    for (std::size_t offset = 0; offset < m_text.size();) {
        char32_t cp = 0;
        offset += decodeAt(m_text, offset, &cp);
        const Glyph glyph(cp);
        cp = 0;
        xs.push_back(xs.back() + metrics.horizontalAdvance(glyph.view()));
    }
    return xs;
}

void SecurePasswordEdit::initStyleOption(QStyleOptionFrame* option) const {
    option->initFrom(this);
    option->rect = rect();
    option->lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, option, this);
    option->midLineWidth = 0;
    option->state |= QStyle::State_Sunken;
    option->features = QStyleOptionFrame::None;
}

QRect SecurePasswordEdit::contentsRect(const QStyleOptionFrame& option) const {
    return style()
        ->subElementRect(QStyle::SE_LineEditContents, &option, this)
        .adjusted(HorizontalMargin, 0, -HorizontalMargin, 0);
}

int SecurePasswordEdit::positionAt(qreal x) const {
    QStyleOptionFrame option;
    initStyleOption(&option);
    const qreal local = x - contentsRect(option).left() + m_scroll;
    const std::vector<qreal> xs = boundaries();
    int best = 0;
    for (int i = 0; i < int(xs.size()); ++i) {
        if (std::abs(xs[std::size_t(i)] - local) < std::abs(xs[std::size_t(best)] - local))
            best = i;
    }
    return best;
}

void SecurePasswordEdit::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    QStyleOptionFrame option;
    initStyleOption(&option);
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);

    const QRect area = contentsRect(option);
    painter.setClipRect(area);
    const QFontMetricsF metrics(font());
    const qreal baseline = area.top() + (area.height() - metrics.height()) / 2 + metrics.ascent();
    const QPalette& pal = palette();

    if (m_length == 0) {
        // Like QLineEdit in Qt 6: the placeholder stays while the empty field has focus.
        if (!m_placeholder.isEmpty()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(m_placeholder, Qt::ElideRight, area.width()));
        }
        if (hasFocus() && m_cursorVisible && isEnabled()) {
            painter.setPen(pal.color(QPalette::Text));
            const qreal x = area.left() + 0.5;
            painter.drawLine(QPointF(x, area.top() + 2), QPointF(x, area.bottom() - 1));
        }
        m_scroll = 0;
        return;
    }

    const std::vector<qreal> xs = boundaries();
    // Keep the cursor in view.
    const qreal cursorX = xs[std::size_t(m_cursor)];
    if (cursorX - m_scroll > area.width() - 1)
        m_scroll = cursorX - area.width() + 1;
    if (cursorX - m_scroll < 0)
        m_scroll = cursorX;
    m_scroll = std::max<qreal>(0, std::min(m_scroll, xs.back() - area.width() + 1));
    if (xs.back() < area.width())
        m_scroll = 0;
    const qreal left = area.left() - m_scroll;

    if (hasSelection()) {
        const qreal a = xs[std::size_t(std::min(m_cursor, m_anchor))];
        const qreal b = xs[std::size_t(std::max(m_cursor, m_anchor))];
        painter.fillRect(QRectF(left + a, area.top() + 1, b - a, area.height() - 2),
                         pal.brush(QPalette::Highlight));
    }

    const auto penFor = [&](int index) {
        const bool selected =
            index >= std::min(m_cursor, m_anchor) && index < std::max(m_cursor, m_anchor);
        return pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    };
    if (m_revealed) {
        int index = 0;
        for (std::size_t offset = 0; offset < m_text.size(); ++index) {
            char32_t cp = 0;
            offset += decodeAt(m_text, offset, &cp);
            const Glyph glyph(cp);
            cp = 0;
            painter.setPen(penFor(index));
            painter.drawText(QPointF(left + xs[std::size_t(index)], baseline), glyph.view());
        }
    } else {
        const Glyph mask(
            char32_t(style()->styleHint(QStyle::SH_LineEdit_PasswordCharacter, nullptr, this)));
        for (int index = 0; index < m_length; ++index) {
            painter.setPen(penFor(index));
            painter.drawText(QPointF(left + xs[std::size_t(index)], baseline), mask.view());
        }
    }

    if (hasFocus() && m_cursorVisible && isEnabled()) {
        painter.setPen(pal.color(QPalette::Text));
        const qreal x = std::floor(left + cursorX) + 0.5;
        painter.drawLine(QPointF(x, area.top() + 2), QPointF(x, area.bottom() - 1));
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

QSize SecurePasswordEdit::sizeHint() const {
    const QFontMetrics metrics(font());
    QStyleOptionFrame option;
    initStyleOption(&option);
    const int height = std::max(metrics.height(), 14) + 2;
    const int width = metrics.horizontalAdvance(QLatin1Char('x')) * 17 + 4;
    return style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(width, height), this);
}

QSize SecurePasswordEdit::minimumSizeHint() const {
    const QFontMetrics metrics(font());
    QStyleOptionFrame option;
    initStyleOption(&option);
    const int height = metrics.height() + 2;
    const int width = metrics.maxWidth() + 4;
    return style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(width, height), this);
}

} // namespace tessera::ui
