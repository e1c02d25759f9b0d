#pragma once
// Shared fixture for the vault view suites (tst_entrymodel, tst_entryfiltermodel,
// tst_sidebarmodel, tst_detailspane, tst_entryeditor, tst_vaultview, tst_quickaccess): a real
// vault file with sample entries (core's VaultFixture, minimum KDF), unlocked through
// VaultController's worker the way the app does it, plus the app's settings and clipboard guard.

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "VaultController.h"
#include "VaultFixture.h"

#include <QString>

#include <memory>
#include <vector>

namespace tessera::test {

class ViewFixture {
public:
    ViewFixture();
    ~ViewFixture();

    // Creates the vault with sampleEntry(0..count-1), publishes it, then unlocks it in the
    // controller (waiting for the worker). False, with error() saying why, on any failure.
    bool open(int count);
    QString error() const { return m_error; }

    // The ids of the sample entries, in sampleEntry order.
    const std::vector<EntryId>& ids() const { return m_ids; }
    // The id of the live entry with that title (empty if none).
    EntryId idOf(const QString& title) const;
    // One entry's password as bytes (opened from the vault).
    QByteArray passwordOf(const EntryId& id) const;

    VaultSandbox box;
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<ui::ClipboardGuard> clipboard;
    std::unique_ptr<ui::VaultController> controller;

private:
    std::vector<EntryId> m_ids;
    QString m_error;
};

// The clipboard's text and its password manager hint ("secret" or empty).
QString clipboardText();
QByteArray clipboardHint();

} // namespace tessera::test
