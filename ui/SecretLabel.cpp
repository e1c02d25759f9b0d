#include "SecretLabel.h"

#include "ClipboardGuard.h"
#include "ViewIcons.h"
#include "crypto/Crypto.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace tessera::ui {

namespace {

// A fixed mask: the length of a secret is not shown either.
const QString Mask = QString(8, QChar(0x2022));

} // namespace

SecretLabel::SecretLabel(ClipboardGuard& clipboard, const QString& what, QWidget* parent)
    : QWidget(parent)
    , m_clipboard(clipboard)
    , m_what(what)
    , m_label(new QLabel(this))
    , m_reveal(new QToolButton(this))
    , m_copy(new QToolButton(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reveal);
    layout->addWidget(m_copy);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAccessibleName(what);
    m_reveal->setCheckable(true);
    m_reveal->setAutoRaise(true);
    m_reveal->setIcon(viewIcon(QStringLiteral("reveal"), QStringLiteral("view-visible")));
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show or hide the %1").arg(what));
    m_reveal->setAccessibleName(tr("Show %1").arg(what));
    m_copy->setAutoRaise(true);
    m_copy->setIcon(viewIcon(QStringLiteral("copy"), QStringLiteral("edit-copy")));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the %1").arg(what));
    m_copy->setAccessibleName(tr("Copy %1").arg(what));
    connect(m_reveal, &QToolButton::toggled, this, &SecretLabel::setRevealed);
    connect(m_copy, &QToolButton::clicked, this, &SecretLabel::copy);
    showMask();
}

SecretLabel::~SecretLabel() {
    clear();
}

void SecretLabel::setSecret(SecureBuffer secret) {
    clear();
    m_secret = std::move(secret);
    showMask();
}

void SecretLabel::setSource(Source source) {
    clear();
    m_source = std::move(source);
    showMask();
}

QString SecretLabel::shownText() const {
    return m_label->text();
}

void SecretLabel::showMask() {
    // Replace the label's text first, then wipe our copy of the revealed text: while we still
    // hold a reference, the buffer is alive and wiping it clears the only remaining copy.
    m_label->setText(isEmpty() ? QString() : Mask);
    wipe(m_shown);
}

void SecretLabel::setRevealed(bool revealed) {
    if (revealed && m_secret.empty() && m_source) {
        if (Result<SecureBuffer> opened = m_source())
            m_secret = std::move(*opened);
    }
    if (revealed && m_secret.empty())
        revealed = false;
    m_revealed = revealed;
    if (m_reveal->isChecked() != revealed) {
        const QSignalBlocker block(m_reveal);
        m_reveal->setChecked(revealed);
    }
    if (!revealed) {
        showMask();
        if (m_source)
            m_secret.clear(); // opened again when needed
        return;
    }
    const std::string_view text = m_secret.view();
    m_shown = QString::fromUtf8(text.data(), qsizetype(text.size()));
    m_label->setText(m_shown);
}

void SecretLabel::copy() {
    if (!m_secret.empty()) {
        m_clipboard.copySecret(m_secret, m_what);
    } else if (m_source) {
        Result<SecureBuffer> opened = m_source(); // wiped on return
        if (!opened || opened->empty())
            return;
        m_clipboard.copySecret(*opened, m_what);
    } else {
        return;
    }
    Q_EMIT copied();
}

void SecretLabel::clear() {
    setRevealed(false);
    m_secret.clear();
    m_source = nullptr;
    showMask();
}

} // namespace tessera::ui
