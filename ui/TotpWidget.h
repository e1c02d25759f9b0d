#pragma once
// An entry's one-time code (core/totp): the current code grouped for reading ("123 456"), a ring
// showing how much of the period is left (amber in the last five seconds), a Copy button that
// goes through the ClipboardGuard, and a button showing the otpauth:// URI as a QR code. The
// stored secret stays in a SecureBuffer; the shown code is the one QString copy (QLabel needs
// it) and is wiped when replaced. The clock ticks only while the widget is visible.
//
// An empty secret hides the widget; one the parser rejects shows its one-line error instead of a
// code. HOTP secrets show the code for the stored counter (the app does not advance it).

#include "common/Clock.h"
#include "crypto/SecureBuffer.h"
#include "totp/Totp.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace tessera::ui {

class ClipboardGuard;

class TotpWidget : public QWidget {
    Q_OBJECT
public:
    // Seconds left at or below which the ring turns amber.
    static constexpr int UrgentSeconds = 5;

    // clock: where the time comes from (tests inject one); null = the system clock. It must
    // outlive the widget.
    explicit TotpWidget(ClipboardGuard& clipboard, QWidget* parent = nullptr,
                        const Clock* clock = nullptr);
    ~TotpWidget() override;

    // The entry's TOTP field: an otpauth:// URI or a bare base32 secret.
    void setSecret(SecureBuffer otpauthOrBase32);
    // Names the account in the QR code when the secret is bare base32 (a URI names its own).
    void setAccount(const QString& issuer, const QString& account);
    // Wipes the secret and the shown code; hides the widget.
    void clear();

    bool hasCode() const { return m_spec.has_value(); }
    QString errorText() const { return m_error; }
    // The code as shown ("123 456"); empty without a code. For tests and accessibility.
    QString displayedCode() const;
    int secondsLeft() const { return m_secondsLeft; }
    // The part of the period still left, 0..1 (what the ring shows).
    double remainingFraction() const { return m_fraction; }
    bool isUrgent() const { return hasCode() && m_period > 0 && m_secondsLeft <= UrgentSeconds; }
    bool isTicking() const { return m_timer.isActive(); }

    // The otpauth:// URI the QR code shows (built from a bare base32 secret and the account).
    SecureBuffer otpauthUri() const;

public Q_SLOTS:
    // Copies the current code through the ClipboardGuard (nothing without a code).
    void copyCode();
    // Opens the QR code dialog (modal to this window).
    void showQrCode();
    // Reads the clock and updates code and ring (each second while visible).
    void refresh();

Q_SIGNALS:
    void codeCopied();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showCode(const SecureBuffer& code);
    void setShownText(const QString& text);
    void scheduleTick(qint64 nowMs);

    ClipboardGuard& m_clipboard;
    SystemClock m_systemClock;
    const Clock& m_clock;

    SecureBuffer m_secretText; // what the entry stores
    std::optional<TotpSpec> m_spec;
    QString m_error;
    QString m_issuer, m_account;

    qint64 m_shownCounter = -1; // the time step (or HOTP counter) of the code shown
    qint64 m_period = 0;        // seconds; 0 for HOTP
    int m_secondsLeft = 0;
    double m_fraction = 0;
    QString m_shownText; // shares the label's text so it can be wiped in place

    QWidget* m_ring = nullptr;
    QLabel* m_code = nullptr;
    QLabel* m_note = nullptr;
    QToolButton* m_copyButton = nullptr;
    QToolButton* m_qrButton = nullptr;
    QTimer m_timer;
};

} // namespace tessera::ui
