#pragma once
// The per-entry copy and open operations that the vault view, its details pane and the quick
// access window share. Each opens the entry's details only for as long as it needs them (into
// secure memory, wiped on return) and hands secrets to ClipboardGuard::copySecret; usernames and
// URLs are not secret (as in KeePassXC) and go through copyText.

#include "common/Result.h"
#include "vault/Entry.h"

#include <QCoreApplication>
#include <QString>

namespace tessera {
class Clock;
}

namespace tessera::ui {

class ClipboardGuard;
class VaultController;

class EntryClipboard {
    Q_DECLARE_TR_FUNCTIONS(tessera::ui::EntryClipboard)

public:
    EntryClipboard(const VaultController& controller, ClipboardGuard& clipboard);

    Status copyUsername(const EntryId& id) const;
    Status copyPassword(const EntryId& id) const;
    Status copyUrl(const EntryId& id) const;
    // The current TOTP code (HOTP entries are refused: copying would have to advance the counter).
    Status copyTotp(const EntryId& id) const;
    // Opens the first URL in the desktop's browser.
    Status openUrl(const EntryId& id) const;

    ClipboardGuard& clipboard() const { return m_clipboard; }

private:
    const VaultController& m_controller;
    ClipboardGuard& m_clipboard;
};

// A URL as the user typed it ("example.com") made openable ("https://example.com").
QString openableUrl(const QString& url);

} // namespace tessera::ui
