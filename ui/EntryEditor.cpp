#include "EntryEditor.h"

#include "AppSettings.h"
#include "AttachmentsEditor.h"
#include "CustomFieldsEditor.h"
#include "GeneratorDialog.h"
#include "HistoryView.h"
#include "SecurePasswordEdit.h"
#include "StrengthMeter.h"
#include "VaultController.h"
#include "ViewIcons.h"
#include "crypto/Crypto.h"
#include "totp/Totp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int UrlListRows = 3;

QStringList splitTags(const QString& text) {
    QStringList tags;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

} // namespace

EntryEditor::EntryEditor(VaultController& controller, AppSettings& settings, const EntryId& id,
                         QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_id(id)
    , m_isNew(id.isEmpty()) {
    setWindowTitle(m_isNew ? tr("New entry") : tr("Edit entry"));
    setAccessibleName(windowTitle());
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildEntryTab(), tr("Entry"));
    m_tabs->addTab(buildMoreTab(), tr("Fields and files"));
    m_history = new HistoryView;
    m_tabs->addTab(m_history, tr("History"));
    layout->addWidget(m_tabs);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Error"));
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &EntryEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &EntryEditor::reject);
    connect(m_history, &HistoryView::restorePassword, this, [this](SecureBuffer& password) {
        m_password->setPassword(std::move(password));
        m_tabs->setCurrentIndex(0);
        m_password->setFocus();
    });
    connect(m_attachments, &AttachmentsEditor::message, this,
            [this](const QString& text) { showError(text); });
    // Locking closes the dialog without saving; every field is wiped in done().
    connect(&controller, &VaultController::aboutToLock, this, &EntryEditor::reject);
    load();
    m_title->setFocus();
}

EntryEditor::~EntryEditor() {
    wipeAll();
}

QWidget* EntryEditor::buildEntryTab() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_title = new QLineEdit;
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Required"));
    form->addRow(tr("&Title"), m_title);
    m_username = new QLineEdit;
    m_username->setAccessibleName(tr("Username"));
    form->addRow(tr("&Username"), m_username);

    auto* passwordBox = new QWidget;
    auto* passwordRow = new QHBoxLayout(passwordBox);
    passwordRow->setContentsMargins(0, 0, 0, 0);
    m_password = new SecurePasswordEdit;
    m_password->setAccessibleName(tr("Password"));
    m_reveal = new QToolButton;
    m_reveal->setCheckable(true);
    m_reveal->setIcon(viewIcon(QStringLiteral("reveal"), QStringLiteral("view-visible")));
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show or hide the password"));
    m_reveal->setAccessibleName(tr("Show password"));
    m_generate = new QPushButton(
        viewIcon(QStringLiteral("generate"), QStringLiteral("roll"), QStyle::SP_BrowserReload),
        tr("Generate…"));
    m_generate->setAccessibleName(tr("Generate a password"));
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_reveal);
    passwordRow->addWidget(m_generate);
    form->addRow(tr("&Password"), passwordBox);
    // The label's mnemonic focuses the field itself, not the row around it.
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(passwordBox)))
        label->setBuddy(m_password);
    m_strength = new StrengthMeter;
    m_strength->setAccessibleName(tr("Password strength"));
    form->addRow(QString(), m_strength);
    connect(m_reveal, &QToolButton::toggled, m_password, &SecurePasswordEdit::setRevealed);
    connect(m_generate, &QPushButton::clicked, this, &EntryEditor::generate);
    connect(m_password, &SecurePasswordEdit::changed, this, [this] {
        m_strength->setUserInputs({m_title->text(), m_username->text()});
        m_strength->setPassword(m_password->password());
    });

    auto* urls = new QWidget;
    auto* urlsLayout = new QVBoxLayout(urls);
    urlsLayout->setContentsMargins(0, 0, 0, 0);
    m_urls = new QListWidget;
    m_urls->setAccessibleName(tr("URLs"));
    m_urls->setFixedHeight(m_urls->fontMetrics().height() * (UrlListRows + 1) +
                           2 * m_urls->frameWidth());
    auto* urlButtons = new QHBoxLayout;
    auto* addUrlButton = new QToolButton;
    addUrlButton->setIcon(viewIcon(QStringLiteral("add"), QStringLiteral("list-add")));
    addUrlButton->setText(tr("Add URL"));
    addUrlButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addUrlButton->setAccessibleName(tr("Add URL"));
    auto* removeUrlButton = new QToolButton;
    removeUrlButton->setIcon(viewIcon(QStringLiteral("remove"), QStringLiteral("list-remove")));
    removeUrlButton->setText(tr("Remove URL"));
    removeUrlButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    removeUrlButton->setAccessibleName(tr("Remove URL"));
    urlButtons->addWidget(addUrlButton);
    urlButtons->addWidget(removeUrlButton);
    urlButtons->addStretch(1);
    urlsLayout->addWidget(m_urls);
    urlsLayout->addLayout(urlButtons);
    urls->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // the notes take the height
    connect(addUrlButton, &QToolButton::clicked, this, [this] {
        addUrl(QString());
        m_urls->editItem(m_urls->item(m_urls->count() - 1));
    });
    connect(removeUrlButton, &QToolButton::clicked, this, [this] { delete m_urls->currentItem(); });
    form->addRow(tr("U&RLs"), urls);

    m_tags = new QLineEdit;
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Separated by commas"));
    form->addRow(tr("T&ags"), m_tags);
    m_folder = new QComboBox;
    m_folder->setEditable(true);
    m_folder->setInsertPolicy(QComboBox::NoInsert);
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->lineEdit()->setPlaceholderText(tr("None (\"Work/Email\" makes a subfolder)"));
    form->addRow(tr("&Folder"), m_folder);
    m_favourite = new QCheckBox(tr("Favourite"));
    m_favourite->setAccessibleName(tr("Favourite"));
    form->addRow(QString(), m_favourite);

    auto* expiresRow = new QHBoxLayout;
    m_expires = new QCheckBox(tr("Expires on"));
    m_expires->setAccessibleName(tr("Entry expires"));
    m_expiresDate = new QDateEdit(QDate::currentDate().addYears(1));
    m_expiresDate->setCalendarPopup(true);
    m_expiresDate->setAccessibleName(tr("Expiry date"));
    m_expiresDate->setEnabled(false);
    expiresRow->addWidget(m_expires);
    expiresRow->addWidget(m_expiresDate);
    expiresRow->addStretch(1);
    connect(m_expires, &QCheckBox::toggled, m_expiresDate, &QDateEdit::setEnabled);
    form->addRow(tr("Expiry"), expiresRow);

    m_totp = new SecurePasswordEdit;
    m_totp->setAccessibleName(tr("One-time code secret"));
    m_totp->setPlaceholderText(tr("Base32 secret or otpauth:// URI"));
    form->addRow(tr("&One-time code"), m_totp);

    m_notes = new QPlainTextEdit;
    m_notes->setUndoRedoEnabled(false);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    form->addRow(tr("&Notes"), m_notes);
    return page;
}

QWidget* EntryEditor::buildMoreTab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* fieldsTitle = new QLabel(tr("Custom fields"));
    QFont bold = fieldsTitle->font();
    bold.setBold(true);
    fieldsTitle->setFont(bold);
    layout->addWidget(fieldsTitle);
    m_fields = new CustomFieldsEditor;
    layout->addWidget(m_fields);
    auto* filesTitle = new QLabel(tr("Attachments"));
    filesTitle->setFont(bold);
    layout->addWidget(filesTitle);
    m_attachments = new AttachmentsEditor;
    layout->addWidget(m_attachments, 1);
    return page;
}

void EntryEditor::setFolders(const QStringList& folders) {
    const QString current = m_folder->currentText();
    m_folder->clear();
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->setCurrentText(current);
}

void EntryEditor::setInitialFolder(const QString& folder) {
    if (m_isNew)
        m_folder->setCurrentText(folder);
}

void EntryEditor::addUrl(const QString& url) {
    auto* item = new QListWidgetItem(url, m_urls);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
}

void EntryEditor::load() {
    const Vault* vault = m_controller.vault();
    const EntryOverview* entry = vault && !m_isNew ? vault->entry(m_id) : nullptr;
    m_tabs->setTabEnabled(2, entry != nullptr);
    if (!entry)
        return;
    m_title->setText(entry->title.value);
    m_username->setText(entry->username.value);
    for (const QString& url : entry->urlList())
        addUrl(url);
    m_tags->setText(entry->tagList().join(QLatin1String(", ")));
    m_folder->setCurrentText(entry->folder.value);
    m_favourite->setChecked(entry->favourite.value);
    m_expires->setChecked(entry->expires.value > 0);
    if (entry->expires.value > 0)
        m_expiresDate->setDate(QDateTime::fromMSecsSinceEpoch(entry->expires.value).date());
    Result<EntryDetails> details = vault->details(m_id);
    if (!details) {
        showError(details.error().message);
        return;
    }
    m_password->setPassword(std::move(details->password.value));
    m_totp->setPassword(std::move(details->totp.value));
    {
        const std::string_view text = details->notes.value.view();
        QString notes = QString::fromUtf8(text.data(), qsizetype(text.size()));
        m_notes->setPlainText(notes);
        wipe(notes);
    }
    m_fields->setFields(*details);
    m_history->setHistory(std::move(details->history));
    if (Result<std::vector<AttachmentInfo>> files = vault->attachments(m_id))
        m_attachments->setAttachments(*files);
}

void EntryEditor::showError(const QString& text, QWidget* focus) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (focus) {
        for (QWidget* w = focus; w; w = w->parentWidget())
            if (const int tab = m_tabs->indexOf(w); tab >= 0)
                m_tabs->setCurrentIndex(tab);
        focus->setFocus();
    }
}

void EntryEditor::generate() {
    auto* dialog = new GeneratorDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUserInputs({m_title->text(), m_username->text()});
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        SecureBuffer password = dialog->takePassword();
        if (!password.empty())
            m_password->setPassword(std::move(password));
    });
    dialog->open();
}

EntryChanges EntryEditor::collect() {
    EntryChanges changes;
    changes.title = m_title->text().trimmed();
    changes.username = m_username->text();
    QStringList urls;
    for (int i = 0; i < m_urls->count(); ++i)
        if (const QString url = m_urls->item(i)->text().trimmed();
            !url.isEmpty() && !urls.contains(url))
            urls.append(url);
    changes.urls = urls;
    changes.tags = splitTags(m_tags->text());
    QString folder = m_folder->currentText().trimmed();
    while (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    changes.folder = folder;
    changes.favourite = m_favourite->isChecked();
    changes.expires =
        m_expires->isChecked() ? m_expiresDate->date().startOfDay().toMSecsSinceEpoch() : qint64(0);
    changes.password = m_password->password().clone();
    changes.totp = m_totp->password().clone();
    QString notes = m_notes->toPlainText();
    QByteArray utf8 = notes.toUtf8();
    changes.notes = SecureBuffer::copyOf(utf8.constData(), std::size_t(utf8.size()));
    wipe(utf8);
    wipe(notes);
    changes.fields = m_fields->changes();
    return changes;
}

bool EntryEditor::save() {
    showError({});
    if (!m_controller.vault()) {
        showError(tr("The vault is locked."));
        return false;
    }
    if (m_title->text().trimmed().isEmpty()) {
        showError(tr("A title is required."), m_title);
        return false;
    }
    if (const QString problem = m_fields->validate(); !problem.isEmpty()) {
        showError(problem, m_fields);
        return false;
    }
    if (!m_totp->isEmpty()) {
        Result<TotpSpec> spec = parseTotp(m_totp->password());
        if (!spec) {
            showError(tr("One-time code: %1").arg(spec.error().message), m_totp);
            return false;
        }
    }
    EntryChanges changes = collect();
    if (m_isNew) {
        Result<EntryId> added = m_controller.add(std::move(changes));
        if (!added) {
            showError(added.error().message);
            return false;
        }
        m_id = *added;
        m_isNew = false; // a failure below leaves an entry that a second Save edits
    } else {
        const Status edited = m_controller.edit(m_id, std::move(changes));
        if (!edited) {
            showError(edited.error().message);
            return false;
        }
    }
    if (const Status files = m_attachments->apply(m_controller, m_id); !files) {
        showError(tr("Saved, but an attachment failed: %1").arg(files.error().message),
                  m_attachments);
        return false;
    }
    accept();
    return true;
}

void EntryEditor::wipeAll() {
    m_password->clear();
    m_totp->clear();
    m_strength->clear();
    m_notes->document()->clear();
    m_fields->clear();
    m_attachments->clear();
    m_history->clear();
}

void EntryEditor::done(int result) {
    wipeAll();
    QDialog::done(result);
}

} // namespace tessera::ui
