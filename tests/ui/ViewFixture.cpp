#include "ViewFixture.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>

namespace tessera::test {

namespace {
constexpr int UnlockWaitMs = 30000; // the minimum KDF takes milliseconds; a loaded CI is slow
}

ViewFixture::ViewFixture() {
    settings = std::make_unique<ui::AppSettings>(box.path(QStringLiteral("tessera.conf")));
    clipboard = std::make_unique<ui::ClipboardGuard>(*settings);
    controller = std::make_unique<ui::VaultController>(box.device());
    controller->setPublishDelayMs(0);
}

ViewFixture::~ViewFixture() {
    controller.reset(); // locks (and clears what the view showed) before the guard goes
    clipboard.reset();
}

bool ViewFixture::open(int count) {
    {
        auto created = box.create();
        if (!created) {
            m_error = created.error().message;
            return false;
        }
        auto added = addSampleEntries(**created, count);
        if (!added) {
            m_error = added.error().message;
            return false;
        }
        m_ids = std::move(*added);
        if (Status published = (*created)->publish(); !published) {
            m_error = published.error().message;
            return false;
        }
    }
    QSignalSpy unlocked(controller.get(), &ui::VaultController::unlocked);
    QSignalSpy failed(controller.get(), &ui::VaultController::unlockFailed);
    controller->unlock(box.vaultPath(), secret(VaultSandbox::MasterPassword));
    if (!unlocked.wait(UnlockWaitMs) && unlocked.isEmpty()) {
        m_error = failed.isEmpty() ? QStringLiteral("unlock timed out")
                                   : failed.first().first().value<Error>().message;
        return false;
    }
    return controller->isUnlocked();
}

EntryId ViewFixture::idOf(const QString& title) const {
    const Vault* vault = controller->vault();
    if (!vault)
        return {};
    for (const EntryOverview& entry : vault->entries())
        if (entry.title.value == title && !entry.trashed.value)
            return entry.id;
    return {};
}

QByteArray ViewFixture::passwordOf(const EntryId& id) const {
    const Vault* vault = controller->vault();
    if (!vault)
        return {};
    auto details = vault->details(id);
    return details ? bytesOf(details->password.value) : QByteArray();
}

QString clipboardText() {
    return QGuiApplication::clipboard()->text();
}

QByteArray clipboardHint() {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    return mime ? mime->data(QStringLiteral("x-kde-passwordManagerHint")) : QByteArray();
}

} // namespace tessera::test
