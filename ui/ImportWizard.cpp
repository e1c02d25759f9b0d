#include "ImportWizard.h"

#include "import/CsvReader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

enum Column { ActionColumn, TitleColumn, UsernameColumn, FolderColumn, SourceColumn, ColumnCount };

struct FormatChoice {
    ImportFormat format;
    const char* label;
};

const FormatChoice Choices[] = {
    {ImportFormat::KeePassXcCsv, QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "KeePassXC (CSV)")},
    {ImportFormat::KeePassXml,
     QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "KeePass 2 / KeePassXC (XML)")},
    {ImportFormat::BitwardenJson,
     QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "Bitwarden (JSON, not encrypted)")},
    {ImportFormat::BitwardenCsv, QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "Bitwarden (CSV)")},
    {ImportFormat::OnePasswordCsv,
     QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "1Password (CSV)")},
    {ImportFormat::ChromeCsv,
     QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "Chrome, Chromium, Edge (CSV)")},
    {ImportFormat::FirefoxCsv, QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "Firefox (CSV)")},
    {ImportFormat::GenericCsv,
     QT_TRANSLATE_NOOP("tessera::ui::ImportWizard", "Other CSV (choose the columns)")},
};

} // namespace

ImportWizard::ImportWizard(const Vault& vault, ImportFunction apply, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_apply(std::move(apply))
    , m_pages(new QStackedWidget(this))
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_mappingBox(new QGroupBox(tr("Columns"), this))
    , m_mappingForm(new QFormLayout(m_mappingBox))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_back(new QPushButton(tr("&Back"), this))
    , m_next(new QPushButton(tr("&Preview"), this))
    , m_import(new QPushButton(tr("&Import"), this)) {
    setWindowTitle(tr("Import"));
    for (const FormatChoice& choice : Choices)
        m_format->addItem(tr(choice.label), int(choice.format));
    m_format->setAccessibleName(tr("Format of the export"));
    m_file->setAccessibleName(tr("Export file"));
    m_file->setPlaceholderText(tr("The file the other password manager exported"));
    auto* browse = new QPushButton(tr("&Choose…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    for (const QString& role : mappingRoles()) {
        auto* columns = new QComboBox(m_mappingBox);
        columns->setAccessibleName(tr("Column for %1").arg(role));
        m_roleColumns.append(columns);
        m_mappingForm->addRow(role + QLatin1Char(':'), columns);
    }
    auto* mappingNote = new QLabel(tr("Columns not chosen here become custom fields."), this);
    mappingNote->setWordWrap(true);
    m_mappingForm->addRow(mappingNote);

    auto* source = new QWidget(this);
    auto* form = new QFormLayout(source);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("F&ile:"), fileRow);
    form->addRow(m_mappingBox);
    auto* warning = new QLabel(tr("An export file holds every password unencrypted: delete it "
                                  "once the import is done."),
                               source);
    warning->setWordWrap(true);
    form->addRow(warning);

    auto* preview = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(preview);
    m_table->setHorizontalHeaderLabels(
        {tr("Action"), tr("Title"), tr("Username"), tr("Folder"), tr("In the file")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("What will be imported"));
    m_summary->setWordWrap(true);
    m_notes->setReadOnly(true);
    m_notes->setAccessibleName(tr("Skipped records and warnings"));
    m_notes->setMaximumHeight(100);
    previewLayout->addWidget(m_table, 1);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_notes);

    m_pages->addWidget(source);
    m_pages->addWidget(preview);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_back, QDialogButtonBox::ActionRole);
    buttons->addButton(m_next, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    m_next->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &ImportWizard::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportWizard::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ImportWizard::browse);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportWizard::loadColumns);
    connect(m_next, &QPushButton::clicked, this, &ImportWizard::showPreview);
    connect(m_import, &QPushButton::clicked, this, &ImportWizard::runImport);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_parsed.reset();
        m_pages->setCurrentIndex(0);
        formatChanged();
    });
    formatChanged();
}

ImportWizard::~ImportWizard() = default; // m_parsed's secrets wipe themselves

void ImportWizard::setSource(ImportFormat chosen, const QString& path) {
    m_format->setCurrentIndex(m_format->findData(int(chosen)));
    m_file->setText(path);
    loadColumns();
}

void ImportWizard::setMapping(const ColumnMapping& map) {
    const QStringList roles = mappingRoles();
    for (const auto& [role, column] : map) {
        const qsizetype index = roles.indexOf(role);
        if (index >= 0)
            m_roleColumns.at(index)->setCurrentIndex(m_roleColumns.at(index)->findText(column));
    }
}

QString ImportWizard::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

ImportFormat ImportWizard::format() const {
    return ImportFormat(m_format->currentData().toInt());
}

ColumnMapping ImportWizard::mapping() const {
    ColumnMapping map;
    if (format() != ImportFormat::GenericCsv)
        return map;
    const QStringList roles = mappingRoles();
    for (qsizetype i = 0; i < roles.size(); ++i)
        if (m_roleColumns.at(i)->currentIndex() > 0)
            map.append({roles.at(i), m_roleColumns.at(i)->currentText()});
    return map;
}

void ImportWizard::formatChanged() {
    const bool onSource = m_pages->currentIndex() == 0;
    m_mappingBox->setVisible(format() == ImportFormat::GenericCsv);
    m_back->setVisible(!onSource);
    m_next->setVisible(onSource);
    m_import->setVisible(!onSource);
    m_import->setDefault(!onSource);
    m_next->setDefault(onSource);
    m_error->setVisible(false);
    loadColumns();
}

void ImportWizard::browse() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose the export file"), m_file->text(),
                                     tr("Exports (*.csv *.xml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    loadColumns();
}

// For a generic CSV: offer the header's columns, preselecting those named like a role.
void ImportWizard::loadColumns() {
    if (format() != ImportFormat::GenericCsv || m_file->text().isEmpty())
        return;
    QStringList header;
    if (auto bytes = readImportFile(m_file->text())) {
        if (auto table = readCsv(*bytes))
            header = table->header; // names only; the cells are dropped (and wiped) here
    }
    const QStringList roles = mappingRoles();
    for (qsizetype i = 0; i < roles.size(); ++i) {
        QComboBox* columns = m_roleColumns.at(i);
        const QString kept = columns->currentText();
        columns->clear();
        columns->addItem(tr("(none)"));
        columns->addItems(header);
        qsizetype preselect = header.indexOf(kept);
        if (preselect < 0)
            for (qsizetype h = 0; h < header.size(); ++h)
                if (header.at(h).compare(roles.at(i), Qt::CaseInsensitive) == 0)
                    preselect = h;
        columns->setCurrentIndex(preselect < 0 ? 0 : int(preselect) + 1);
    }
}

void ImportWizard::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(true);
}

void ImportWizard::showPreview() {
    m_error->setVisible(false);
    if (m_file->text().isEmpty())
        return showError(tr("Choose the export file first."));
    if (format() == ImportFormat::GenericCsv && mapping().isEmpty())
        return showError(tr("Choose at least the column that holds the titles."));
    auto bytes = readImportFile(m_file->text());
    if (!bytes)
        return showError(bytes.error().message);
    auto parsed = parseImport(format(), *bytes, mapping());
    bytes->clear();
    if (!parsed)
        return showError(tr("%1: %2").arg(m_file->text(), parsed.error().message));
    auto report = planImport(m_vault, *parsed);
    if (!report)
        return showError(report.error().message);
    m_parsed = std::move(*parsed);
    fillPreview(*report);
    m_pages->setCurrentIndex(1);
    formatChanged();
    m_import->setEnabled(report->count(ImportPlanItem::Action::Add) +
                             report->count(ImportPlanItem::Action::Update) >
                         0);
}

void ImportWizard::fillPreview(const ImportReport& report) {
    using Action = ImportPlanItem::Action;
    m_table->setRowCount(int(report.items.size()));
    for (int row = 0; row < int(report.items.size()); ++row) {
        const ImportPlanItem& item = report.items[std::size_t(row)];
        const QString action = item.action == Action::Add      ? tr("New")
                               : item.action == Action::Update ? tr("Update (old password kept)")
                                                               : tr("Duplicate (left alone)");
        const QStringList cells{action, item.title, item.username, item.folder, item.where};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* cell = new QTableWidgetItem(cells.at(column));
            if (item.action == Action::Duplicate)
                cell->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            m_table->setItem(row, column, cell);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 new, %2 updated, %3 duplicates left alone, %4 skipped.")
                           .arg(report.count(Action::Add))
                           .arg(report.count(Action::Update))
                           .arg(report.count(Action::Duplicate))
                           .arg(report.skipped.size()));
    QStringList notes;
    for (const SkippedRecord& skipped : report.skipped)
        notes.append(tr("Skipped %1: %2").arg(skipped.where, skipped.reason));
    for (const QString& warning : report.warnings)
        notes.append(tr("Note: %1").arg(warning));
    m_notes->setPlainText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
}

void ImportWizard::runImport() {
    if (!m_parsed)
        return;
    auto report = m_apply(std::move(*m_parsed));
    m_parsed.reset();
    if (!report) {
        m_pages->setCurrentIndex(0);
        formatChanged();
        return showError(tr("Nothing was imported: %1").arg(report.error().message));
    }
    m_result = std::move(*report);
    accept();
}

} // namespace tessera::ui
