#pragma once
// A read-only secret in the details pane (a password, a protected custom field): masked by
// default, with a reveal toggle and a copy button. The value is held in a SecureBuffer — or, with
// setSource(), not held at all while masked: revealing opens it (and hiding wipes it again), and
// copying opens it just for the copy, so an entry that is merely selected leaves no copy of its
// secrets in memory (tests/residue). Revealing
// has to hand QLabel a QString: that copy is kept here, sharing its buffer with the label's, and
// wiped in place (sodium_memzero) when the value is hidden, replaced or cleared. What QLabel's
// text layout caches while the text is painted cannot be reached; it is freed with the layout.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>
#include <QWidget>

#include <functional>

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

    using Source = std::function<Result<SecureBuffer>()>;

    void setSecret(SecureBuffer secret);
    // A secret opened on demand (reveal, copy) and wiped once hidden or copied.
    void setSource(Source source);
    bool isEmpty() const { return m_secret.empty() && !m_source; }
    // Whether the value is in memory now (always for setSecret, while revealed for setSource).
    bool holdsSecret() const { return !m_secret.empty(); }
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
    Source m_source;
    QString m_shown; // the revealed text; shares QLabel's buffer so wiping it wipes both
    bool m_revealed = false;
    QLabel* m_label;
    QToolButton* m_reveal;
    QToolButton* m_copy;
};

} // namespace tessera::ui
