#include "ExportDialog.h"

#include "SecurePasswordEdit.h"

#include "export/ExportFile.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

struct FormatChoice {
    ExportFormat format;
    const char* label;
};

const FormatChoice Choices[] = {
    {ExportFormat::Tessera,
     QT_TRANSLATE_NOOP("tessera::ui::ExportDialog", "Tessera vault (encrypted, new password)")},
    {ExportFormat::KeePassXml,
     QT_TRANSLATE_NOOP("tessera::ui::ExportDialog", "KeePass 2 XML (KeePassXC, KeePass)")},
    {ExportFormat::KeePassXcCsv, QT_TRANSLATE_NOOP("tessera::ui::ExportDialog", "KeePassXC CSV")},
    {ExportFormat::BitwardenJson, QT_TRANSLATE_NOOP("tessera::ui::ExportDialog", "Bitwarden JSON")},
    {ExportFormat::Csv, QT_TRANSLATE_NOOP("tessera::ui::ExportDialog", "CSV (every field)")},
};

} // namespace

ExportDialog::ExportDialog(const Vault& vault, const Device& device, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_device(device)
    , m_format(new QComboBox(this))
    , m_file(new QLineEdit(this))
    , m_passwordRows(new QWidget(this))
    , m_password(new SecurePasswordEdit(m_passwordRows))
    , m_repeat(new SecurePasswordEdit(m_passwordRows))
    , m_understand(new QCheckBox(tr("I understand that this file holds every password "
                                    "UNENCRYPTED: anyone who gets it can read them all."),
                                 this))
    , m_error(new QLabel(this)) {
    setWindowTitle(tr("Export"));
    for (const FormatChoice& choice : Choices)
        m_format->addItem(tr(choice.label), int(choice.format));
    m_format->setAccessibleName(tr("Export format"));
    m_file->setAccessibleName(tr("Export file"));
    m_password->setAccessibleName(tr("New vault's master password"));
    m_repeat->setAccessibleName(tr("Repeat the new vault's master password"));
    auto* browse = new QPushButton(tr("&Choose…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* passwordForm = new QFormLayout(m_passwordRows);
    passwordForm->setContentsMargins(0, 0, 0, 0);
    passwordForm->addRow(tr("&New master password:"), m_password);
    passwordForm->addRow(tr("&Repeat:"), m_repeat);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("F&ile:"), fileRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_passwordRows);
    layout->addWidget(m_understand);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::runExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_file, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_understand, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_password, &SecurePasswordEdit::changed, this, &ExportDialog::updateState);
    connect(m_repeat, &SecurePasswordEdit::changed, this, &ExportDialog::updateState);
    updateState();
}

void ExportDialog::setChoice(ExportFormat chosen, const QString& path) {
    m_format->setCurrentIndex(m_format->findData(int(chosen)));
    m_file->setText(path);
}

QString ExportDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

ExportFormat ExportDialog::format() const {
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDialog::updateState() {
    const bool encrypted = format() == ExportFormat::Tessera;
    m_passwordRows->setVisible(encrypted);
    m_understand->setVisible(!encrypted);
    if (encrypted)
        m_understand->setChecked(false); // asked again for every plaintext export
    const bool ready =
        !m_file->text().isEmpty() &&
        (encrypted ? !m_password->isEmpty() && m_password->password().equals(m_repeat->password())
                   : m_understand->isChecked());
    m_export->setEnabled(ready || m_done);
}

void ExportDialog::browse() {
    const bool encrypted = format() == ExportFormat::Tessera;
    const QString filter = encrypted                              ? tr("Tessera vaults (*.tessera)")
                           : format() == ExportFormat::KeePassXml ? tr("XML (*.xml)")
                           : format() == ExportFormat::BitwardenJson ? tr("JSON (*.json)")
                                                                     : tr("CSV (*.csv)");
    // The file dialog asks before replacing a file; a Tessera export never replaces one.
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export to"), m_file->text(), filter);
    if (!path.isEmpty()) {
        m_file->setText(path);
        m_confirmedPath = path;
    }
}

void ExportDialog::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(true);
}

void ExportDialog::runExport() {
    if (m_done)
        return accept();
    updateState();
    if (!m_export->isEnabled())
        return;
    m_error->setVisible(false);
    const QString path = m_file->text();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status outcome;
    if (format() == ExportFormat::Tessera) {
        auto info =
            exportToNewVault(m_vault, m_device, path, m_password->password(), m_vault.info().kdf);
        if (!info)
            outcome = info.error();
    } else {
        auto exported = exportPlaintext(m_vault, format());
        if (!exported) {
            outcome = exported.error();
        } else {
            m_warnings = exported->warnings;
            if (QFileInfo::exists(path) && path != m_confirmedPath)
                outcome = makeError(
                    ErrorCode::Io,
                    tr("%1 already exists; choose it with Choose… to replace it").arg(path));
            else
                outcome = writePrivateFile(path, exported->bytes, path == m_confirmedPath);
        }
    }
    QApplication::restoreOverrideCursor();
    if (!outcome)
        return showError(tr("Nothing was exported: %1").arg(outcome.error().message));
    m_password->clear();
    m_repeat->clear();
    if (m_warnings.isEmpty())
        return accept();
    m_done = true;
    m_error->setText(tr("Exported. Not in the file, because the format cannot hold it:\n%1")
                         .arg(m_warnings.join(QLatin1Char('\n'))));
    m_error->setVisible(true);
    m_export->setText(tr("&Close"));
    m_format->setEnabled(false);
    m_file->setEnabled(false);
}

} // namespace tessera::ui
