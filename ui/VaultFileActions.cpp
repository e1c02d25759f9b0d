#include "VaultFileActions.h"

#include "BackupsDialog.h"
#include "ExportDialog.h"
#include "ImportWizard.h"
#include "SyncWatcher.h"
#include "Theme.h"
#include "VaultController.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace tessera::ui {

namespace {

constexpr int MessageMs = 6000;

} // namespace

VaultFileActions::VaultFileActions(VaultController& controller, QMainWindow& window, QMenu& menu)
    : QObject(&window)
    , m_controller(controller)
    , m_window(window)
    , m_watcher(new SyncWatcher(controller, this))
    , m_syncStatus(new QLabel(&window)) {
    m_syncStatus->setAccessibleName(tr("Sync state"));
    window.statusBar()->addPermanentWidget(m_syncStatus);
    connect(m_watcher, &SyncWatcher::stateChanged, m_syncStatus,
            [this](SyncState, const QString& text) { m_syncStatus->setText(text); });

    m_actions << menu.addAction(theme::icon(QStringLiteral("restore")), tr("S&ync now"), m_watcher,
                                &SyncWatcher::syncNow);
    m_actions << menu.addAction(theme::icon(QStringLiteral("clock")), tr("&Backups…"), this,
                                &VaultFileActions::showBackups);
    m_actions << menu.addAction(theme::icon(QStringLiteral("add")), tr("&Import…"), this,
                                &VaultFileActions::importEntries);
    m_actions << menu.addAction(theme::icon(QStringLiteral("open")), tr("&Export…"), this,
                                &VaultFileActions::exportVault);
    connect(&controller, &VaultController::unlocked, this, [this] { setUnlocked(true); });
    connect(&controller, &VaultController::locked, this, [this] { setUnlocked(false); });
    setUnlocked(controller.isUnlocked());
}

void VaultFileActions::setUnlocked(bool unlocked) {
    for (QAction* action : std::as_const(m_actions))
        action->setEnabled(unlocked);
}

void VaultFileActions::importEntries() {
    if (!m_controller.isUnlocked())
        return;
    ImportWizard wizard(
        *m_controller.vault(),
        [this](ParsedImport parsed) { return m_controller.importParsed(std::move(parsed)); },
        &m_window);
    if (wizard.exec() != QDialog::Accepted)
        return;
    // A copy: importReport() returns the optional by value, so a reference into it would dangle.
    const std::optional<ImportReport> report = wizard.importReport();
    if (!report)
        return;
    m_window.statusBar()->showMessage(tr("Imported %1 new, %2 updated.")
                                          .arg(report->count(ImportPlanItem::Action::Add))
                                          .arg(report->count(ImportPlanItem::Action::Update)),
                                      MessageMs);
}

void VaultFileActions::exportVault() {
    if (!m_controller.isUnlocked())
        return;
    ExportDialog dialog(*m_controller.vault(), m_controller.device(), &m_window);
    dialog.exec();
}

void VaultFileActions::showBackups() {
    if (!m_controller.isUnlocked())
        return;
    BackupsDialog dialog(m_controller, &m_window);
    dialog.exec();
}

} // namespace tessera::ui
