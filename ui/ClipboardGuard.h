#pragma once
// Copies values to the clipboard (never the PRIMARY selection) and clears them again after
// AppSettings::clipboardSeconds(), but only if the clipboard still holds what Tessera put there:
// something the user copied meanwhile is left alone. Secrets carry the MIME hint
// x-kde-passwordManagerHint: secret, so clipboard managers keep them out of their history. What is
// still ours is recognised by the QMimeData we handed over plus a keyed hash of its text (no
// plaintext copy is kept for comparing); the bytes Qt shares with us are wiped when we let go.

#include "crypto/Crypto.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QMimeData;

namespace tessera::ui {

class AppSettings;

class ClipboardGuard : public QObject {
    Q_OBJECT
public:
    static inline const QString PasswordManagerHint = QStringLiteral("x-kde-passwordManagerHint");

    explicit ClipboardGuard(const AppSettings& settings, QObject* parent = nullptr);
    ~ClipboardGuard() override; // clears what is still ours

    // what: shown in the status bar ("password", "username"); never the value itself.
    void copySecret(const SecureBuffer& value, const QString& what);
    void copyText(const QString& text, const QString& what);

    // Whether the clipboard still holds what we put there (and it is not yet cleared).
    bool holdsOurData() const;
    bool holdsSecret() const { return m_secret && holdsOurData(); }
    int secondsLeft() const { return m_secondsLeft; }

public Q_SLOTS:
    // Clears the clipboard if it still holds our data; forgets it either way.
    void clearNow();

Q_SIGNALS:
    void countdown(int secondsLeft, const QString& what);
    void cleared();

private:
    void put(QByteArray bytes, bool secret, const QString& what);
    void tick();
    void clipboardChanged();
    void release(); // wipe our reference to the shared bytes, stop the countdown
    QByteArray fingerprint(const QByteArray& bytes) const;

    const AppSettings& m_settings;
    Key m_hashKey; // per process: a fingerprint says nothing about the value elsewhere
    QPointer<QMimeData> m_mime;
    QByteArray m_bytes;       // shares the QMimeData's buffer, so it can be wiped in place
    QByteArray m_fingerprint; // keyed hash of what we put
    QString m_what;
    bool m_secret = false;
    int m_secondsLeft = 0;
    QTimer m_timer;
};

} // namespace tessera::ui
