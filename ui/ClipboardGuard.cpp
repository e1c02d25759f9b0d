#include "ClipboardGuard.h"

#include "AppSettings.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace tessera::ui {

namespace {

constexpr int TickMs = 1000;
const QString PlainText = QStringLiteral("text/plain");
const QString PlainUtf8 = QStringLiteral("text/plain;charset=utf-8");

} // namespace

ClipboardGuard::ClipboardGuard(const AppSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_hashKey(randomKey()) {
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::tick);
    if (QClipboard* clipboard = QGuiApplication::clipboard())
        connect(clipboard, &QClipboard::dataChanged, this, &ClipboardGuard::clipboardChanged);
}

ClipboardGuard::~ClipboardGuard() {
    clearNow();
}

QByteArray ClipboardGuard::fingerprint(const QByteArray& bytes) const {
    return mac(m_hashKey, bytes);
}

void ClipboardGuard::copySecret(const SecureBuffer& value, const QString& what) {
    put(QByteArray(reinterpret_cast<const char*>(value.data()), qsizetype(value.size())), true,
        what);
}

void ClipboardGuard::copyText(const QString& text, const QString& what) {
    put(text.toUtf8(), false, what);
}

void ClipboardGuard::put(QByteArray bytes, bool secret, const QString& what) {
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard) {
        wipe(bytes);
        return;
    }
    // What we copied before stays in the clipboard until the new data replaces it; its buffer is
    // wiped once the clipboard has let go of it.
    QByteArray previous = std::move(m_bytes);
    m_bytes = QByteArray();
    release();
    auto* mime = new QMimeData;
    // The MIME data, our m_bytes and the clipboard all share one buffer, wiped in release().
    mime->setData(PlainText, bytes);
    mime->setData(PlainUtf8, bytes);
    if (secret)
        mime->setData(PasswordManagerHint, QByteArrayLiteral("secret"));
    m_fingerprint = fingerprint(bytes);
    m_bytes = std::move(bytes);
    m_secret = secret;
    m_what = what;
    m_mime = mime;
    m_secondsLeft = m_settings.clipboardSeconds();
    // Only the clipboard: the PRIMARY selection is pasted by a middle click anywhere.
    clipboard->setMimeData(mime, QClipboard::Clipboard);
    wipe(previous);
    m_timer.start();
    Q_EMIT countdown(m_secondsLeft, m_what);
}

bool ClipboardGuard::holdsOurData() const {
    if (!m_mime)
        return false;
    const QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return false;
    const QMimeData* current = clipboard->mimeData(QClipboard::Clipboard);
    if (current != m_mime.data())
        return false;
    return constantTimeEqual(fingerprint(current->data(PlainText)), m_fingerprint);
}

void ClipboardGuard::tick() {
    if (!holdsOurData()) {
        release();
        Q_EMIT cleared();
        return;
    }
    if (--m_secondsLeft <= 0) {
        clearNow();
        return;
    }
    Q_EMIT countdown(m_secondsLeft, m_what);
}

void ClipboardGuard::clipboardChanged() {
    // Someone else (or the user) copied something: it is not ours to clear.
    if (m_mime && !holdsOurData()) {
        release();
        Q_EMIT cleared();
    }
}

void ClipboardGuard::clearNow() {
    const bool had = m_mime || !m_bytes.isEmpty();
    if (holdsOurData()) {
        // clear() deletes the QMimeData, dropping its references to our buffer.
        QClipboard* clipboard = QGuiApplication::clipboard();
        const QSignalBlocker quiet(clipboard);
        clipboard->clear(QClipboard::Clipboard);
    }
    release();
    if (had)
        Q_EMIT cleared();
}

void ClipboardGuard::release() {
    m_timer.stop();
    m_secondsLeft = 0;
    // If the clipboard still shares the buffer (it holds our data), wiping here would empty
    // the clipboard under the user; clearNow() clears it first.
    if (!holdsOurData())
        wipe(m_bytes);
    m_bytes = QByteArray();
    m_mime = nullptr;
    m_fingerprint.clear();
    m_what.clear();
    m_secret = false;
}

} // namespace tessera::ui
