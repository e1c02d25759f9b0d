#include "EntryClipboard.h"

#include "ClipboardGuard.h"
#include "VaultController.h"
#include "totp/Totp.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QUrl>

namespace tessera::ui {

namespace {

Error nothingSelected() {
    return Error{ErrorCode::NotFound, EntryClipboard::tr("No entry is selected.")};
}

} // namespace

EntryClipboard::EntryClipboard(const VaultController& controller, ClipboardGuard& clipboard)
    : m_controller(controller)
    , m_clipboard(clipboard) {
}

QString openableUrl(const QString& url) {
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1String("://")) ||
        trimmed.startsWith(QLatin1String("mailto:")))
        return trimmed;
    return QStringLiteral("https://") + trimmed;
}

Status EntryClipboard::copyUsername(const EntryId& id) const {
    const Vault* vault = m_controller.vault();
    const EntryOverview* entry = vault ? vault->entry(id) : nullptr;
    if (!entry)
        return nothingSelected();
    if (entry->username.value.isEmpty())
        return Error{ErrorCode::NotFound, tr("This entry has no username.")};
    m_clipboard.copyText(entry->username.value, tr("username"));
    return {};
}

Status EntryClipboard::copyPassword(const EntryId& id) const {
    const Vault* vault = m_controller.vault();
    if (!vault || !vault->entry(id))
        return nothingSelected();
    Result<EntryDetails> details = vault->details(id);
    if (!details)
        return details.error();
    if (details->password.value.empty())
        return Error{ErrorCode::NotFound, tr("This entry has no password.")};
    m_clipboard.copySecret(details->password.value, tr("password"));
    return {}; // details (and the password in them) are wiped here
}

Status EntryClipboard::copyUrl(const EntryId& id) const {
    const Vault* vault = m_controller.vault();
    const EntryOverview* entry = vault ? vault->entry(id) : nullptr;
    if (!entry)
        return nothingSelected();
    const QStringList urls = entry->urlList();
    if (urls.isEmpty())
        return Error{ErrorCode::NotFound, tr("This entry has no URL.")};
    m_clipboard.copyText(urls.first(), tr("URL"));
    return {};
}

Status EntryClipboard::copyTotp(const EntryId& id) const {
    const Vault* vault = m_controller.vault();
    if (!vault || !vault->entry(id))
        return nothingSelected();
    Result<EntryDetails> details = vault->details(id);
    if (!details)
        return details.error();
    if (details->totp.value.empty())
        return Error{ErrorCode::NotFound, tr("This entry has no one-time code.")};
    Result<TotpSpec> spec = parseTotp(details->totp.value);
    if (!spec)
        return spec.error();
    if (spec->type != OtpType::Totp)
        return Error{
            ErrorCode::InvalidArgument,
            tr("HOTP counters are not advanced by the desktop app; use tessera-cli totp.")};
    const Clock* clock = m_controller.device().clock;
    const qint64 now = clock ? clock->nowMs() / 1000 : 0;
    Result<SecureBuffer> code = totpCode(*spec, now);
    if (!code)
        return code.error();
    m_clipboard.copySecret(*code, tr("one-time code"));
    return {};
}

Status EntryClipboard::openUrl(const EntryId& id) const {
    const Vault* vault = m_controller.vault();
    const EntryOverview* entry = vault ? vault->entry(id) : nullptr;
    if (!entry)
        return nothingSelected();
    const QStringList urls = entry->urlList();
    if (urls.isEmpty())
        return Error{ErrorCode::NotFound, tr("This entry has no URL.")};
    if (!QDesktopServices::openUrl(QUrl(openableUrl(urls.first()))))
        return Error{ErrorCode::Io, tr("The desktop could not open %1.").arg(urls.first())};
    return {};
}

} // namespace tessera::ui
