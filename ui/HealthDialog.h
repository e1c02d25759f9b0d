#pragma once
// The vault health report (core/health/HealthReport.h) in a dialog: weak, reused, old and expired
// passwords and, with a Pwned Passwords file the user downloaded, breached ones, grouped in a tree
// with counts. The check runs on a worker thread (the report holds titles and ids, never a
// password) while a busy bar shows; activating a finding (double-click or Enter) emits
// entryActivated so the main window can select that entry.
//
// The vault is not thread-safe, so nothing else may use it while the worker reads it. The dialog
// is modal (no edits meanwhile); it starts only once no publish is pending; and it waits for the
// worker when the vault is about to lock.

#include "health/HealthReport.h"
#include "vault/Entry.h"

#include <QDialog>
#include <QString>

#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;
class QTreeWidget;
class QTreeWidgetItem;

namespace tessera::ui {

class VaultController;

class HealthDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int EntryIdRole = Qt::UserRole + 1; // on entry items: the EntryId
    static constexpr int GroupRole = Qt::UserRole + 2;   // on group items: the Group

    enum class Group { Weak, Reused, Old, Expired, Pwned };

    explicit HealthDialog(const VaultController& controller, QWidget* parent = nullptr);
    ~HealthDialog() override;

    void setMaxAgeMonths(int months);
    void setPwnedFile(const QString& path); // empty: no breach check
    QString pwnedFile() const { return m_pwnedFile; }
    // Close the dialog after a finding was activated (default: true).
    void setCloseOnActivate(bool close) { m_closeOnActivate = close; }

    bool isChecking() const { return m_worker != nullptr; }
    const std::optional<HealthReport>& report() const { return m_report; }
    QTreeWidget* tree() const { return m_tree; }
    // The top-level item of a group.
    QTreeWidgetItem* groupItem(Group group) const;
    QString summaryText() const;

public Q_SLOTS:
    // Runs the check (again) with the current options. Started by the first show.
    void start();
    // Blocks until a running check is done (the vault is about to lock).
    void waitForCheck();

Q_SIGNALS:
    void entryActivated(const tessera::EntryId& id);
    void finished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void launch();
    void workerDone();
    void chooseFile();
    void populate();
    void clearReport();
    void itemActivated(QTreeWidgetItem* item);

    const VaultController& m_controller;
    int m_maxAgeMonths = DefaultMaxPasswordAgeMonths;
    QString m_pwnedFile;
    bool m_closeOnActivate = true;
    bool m_started = false;
    bool m_deferred = false;

    QThread* m_worker = nullptr;
    std::shared_ptr<std::optional<Result<HealthReport>>> m_outcome;
    std::optional<HealthReport> m_report;

    QSpinBox* m_maxAge = nullptr;
    QLabel* m_fileLabel = nullptr;
    QPushButton* m_clearFile = nullptr;
    QPushButton* m_checkButton = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace tessera::ui
