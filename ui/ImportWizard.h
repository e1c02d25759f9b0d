#pragma once
// Import from another password manager: choose the format and the export file (and, for a
// generic CSV, which column holds what), see a preview of every record — new, updating an entry
// (its old password kept in its history), or a duplicate left alone — with skipped records and
// warnings, then import all of it in one transaction. Parsing and matching are core/import's; the
// export's bytes and every secret stay in secure memory.

#include "import/Importer.h"

#include <QDialog>
#include <QStringList>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace tessera::ui {

class ImportWizard : public QDialog {
    Q_OBJECT

public:
    // Applies the import to the vault (VaultController announces and publishes the change).
    using ImportFunction = std::function<Result<ImportReport>(ParsedImport)>;

    // vault: for the preview's duplicate matching; must stay unlocked while the wizard is open
    // (close it on VaultController::aboutToLock).
    ImportWizard(const Vault& vault, ImportFunction apply, QWidget* parent = nullptr);
    ~ImportWizard() override;

    // For tests and for a file given on the command line.
    void setSource(ImportFormat format, const QString& path);
    void setMapping(const ColumnMapping& mapping);
    QTableWidget* previewTable() const { return m_table; }
    QString errorText() const;
    std::optional<ImportReport> importReport() const { return m_result; }

public Q_SLOTS:
    void showPreview(); // parse and match; the preview page on success
    void runImport();   // apply; accept() on success

private:
    void formatChanged();
    void browse();
    void loadColumns();
    void showError(const QString& message);
    ImportFormat format() const;
    ColumnMapping mapping() const;
    void fillPreview(const ImportReport& report);

    const Vault& m_vault;
    ImportFunction m_apply;
    QStackedWidget* m_pages;
    QComboBox* m_format;
    QLineEdit* m_file;
    QGroupBox* m_mappingBox;
    QFormLayout* m_mappingForm;
    QList<QComboBox*> m_roleColumns; // one per mappingRoles() entry
    QTableWidget* m_table;
    QLabel* m_summary;
    QPlainTextEdit* m_notes;
    QLabel* m_error;
    QPushButton* m_back;
    QPushButton* m_next;
    QPushButton* m_import;
    std::optional<ParsedImport> m_parsed;
    std::optional<ImportReport> m_result;
};

} // namespace tessera::ui
