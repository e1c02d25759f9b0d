#pragma once
// A read-only secret in the details pane (a password, a protected custom field): masked by
// default, with a reveal toggle and a copy button. The value is held in a SecureBuffer. Revealing
// has to hand QLabel a QString: that copy is kept here, sharing its buffer with the label's, and
// wiped in place (sodium_memzero) when the value is hidden, replaced or cleared. What QLabel's
// text layout caches while the text is painted cannot be reached; it is freed with the layout.

#include "crypto/SecureBuffer.h"

#include <QString>
#include <QWidget>

class QLabel;
class QToolButton;

namespace tessera::ui {

class ClipboardGuard;

class SecretLabel : public QWidget {
    Q_OBJECT
public:
    // what: the field's name for the status bar and accessibility ("password").
    SecretLabel(ClipboardGuard& clipboard, const QString& what, QWidget* parent = nullptr);
    ~SecretLabel() override;

    void setSecret(SecureBuffer secret);
    bool isEmpty() const { return m_secret.empty(); }
    bool isRevealed() const { return m_revealed; }
    // The text the label shows now (the mask unless revealed); for tests.
    QString shownText() const;
    QToolButton* revealButton() const { return m_reveal; }
    QToolButton* copyButton() const { return m_copy; }

public Q_SLOTS:
    void setRevealed(bool revealed);
    void copy();
    void clear(); // hides and wipes

Q_SIGNALS:
    void copied();

private:
    void showMask();

    ClipboardGuard& m_clipboard;
    QString m_what;
    SecureBuffer m_secret;
    QString m_shown; // the revealed text; shares QLabel's buffer so wiping it wipes both
    bool m_revealed = false;
    QLabel* m_label;
    QToolButton* m_reveal;
    QToolButton* m_copy;
};

} // namespace tessera::ui
