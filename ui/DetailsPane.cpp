#include "DetailsPane.h"

#include "ClipboardGuard.h"
#include "SecretLabel.h"
#include "TotpWidget.h"
#include "VaultController.h"
#include "ViewIcons.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int AvatarSize = 40;
constexpr qreal TitleScale = 1.4;

void deleteItem(QLayoutItem* item);

void deleteChildren(QLayout* layout) {
    while (layout->count() > 0)
        deleteItem(layout->takeAt(0));
}

// Widgets go later (one of them may be what is being clicked), hidden at once.
void deleteItem(QLayoutItem* item) {
    if (!item)
        return;
    if (QWidget* widget = item->widget()) {
        widget->hide();
        widget->deleteLater();
    } else if (QLayout* child = item->layout()) {
        deleteChildren(child);
    }
    delete item;
}

// Label | field rows in a grid. Not QFormLayout: Qt 6.4's QFormLayout::heightForWidth writes
// past its row data here (valgrind: invalid writes when the vault page is shown, then crashes),
// with setRowVisible, with label-less rows and with rows emptied by takeAt alike.
void addRow(QGridLayout* grid, QWidget* label, QWidget* field) {
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(field, row, 1);
}

void addRow(QGridLayout* grid, const QString& text, QWidget* field) {
    addRow(grid, new QLabel(text), field);
}

QGridLayout* newFieldsGrid(QWidget* parent) {
    auto* grid = new QGridLayout(parent);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    return grid;
}

void showRow(QGridLayout* grid, QWidget* field, bool shown) {
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    grid->getItemPosition(grid->indexOf(field), &row, &column, &rowSpan, &columnSpan);
    if (QLayoutItem* label = grid->itemAtPosition(row, 0); label && label->widget())
        label->widget()->setVisible(shown);
    field->setVisible(shown);
}

QString when(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

DetailsPane::DetailsPane(VaultController& controller, ClipboardGuard& clipboard, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_copy(controller, clipboard)
    , m_files(controller.device().dataDir) {
    build();
    connect(&controller, &VaultController::aboutToLock, this, [this] {
        clear();
        m_files.removeAll();
    });
    connect(&controller, &VaultController::entriesChanged, this,
            [this](const QList<QByteArray>& ids) {
                if (!m_id.isEmpty() && (ids.isEmpty() || ids.contains(m_id)))
                    showEntry(EntryId(m_id)); // re-read: it changed, or it is gone
            });
}

DetailsPane::~DetailsPane() {
    wipeShown();
}

QToolButton* DetailsPane::toolButton(const QString& iconName, const QString& theme,
                                     const QString& text, const QString& accessible) {
    auto* button = new QToolButton;
    button->setAutoRaise(true);
    button->setIcon(viewIcon(iconName, theme));
    button->setText(text);
    button->setToolTip(accessible);
    button->setAccessibleName(accessible);
    return button;
}

void DetailsPane::build() {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_empty = new QLabel(tr("Select an entry to see its details."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_empty);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget;
    scroll->setWidget(page);
    m_stack->addWidget(scroll);
    auto* layout = new QVBoxLayout(page);

    auto* header = new QHBoxLayout;
    m_avatar = new QLabel;
    m_avatar->setFixedSize(AvatarSize, AvatarSize);
    m_title = new QLabel;
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Title"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * TitleScale);
    m_title->setFont(titleFont);
    QToolButton* edit = toolButton(QStringLiteral("edit"), QStringLiteral("document-edit"),
                                   tr("Edit…"), tr("Edit entry"));
    edit->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(edit, &QToolButton::clicked, this, &DetailsPane::editRequested);
    header->addWidget(m_avatar);
    header->addWidget(m_title, 1);
    header->addWidget(edit, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
    layout->addLayout(m_form);
    layout->addStretch(1);

    m_usernameRow = new QWidget;
    auto* usernameLayout = new QHBoxLayout(m_usernameRow);
    usernameLayout->setContentsMargins(0, 0, 0, 0);
    m_username = new QLabel;
    m_username->setTextFormat(Qt::PlainText);
    m_username->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_username->setAccessibleName(tr("Username"));
    QToolButton* copyUsername = toolButton(QStringLiteral("copy"), QStringLiteral("edit-copy"),
                                           tr("Copy"), tr("Copy username"));
    connect(copyUsername, &QToolButton::clicked, this,
            [this] { report(m_copy.copyUsername(m_id)); });
    usernameLayout->addWidget(m_username, 1);
    usernameLayout->addWidget(copyUsername);
    addRow(m_form, tr("Username"), m_usernameRow);

    m_password = new SecretLabel(m_copy.clipboard(), tr("password"));
    addRow(m_form, tr("Password"), m_password);

    m_totp = new TotpWidget(m_copy.clipboard(), nullptr, m_controller.device().clock);
    m_totp->setAccessibleName(tr("One-time code"));
    addRow(m_form, tr("One-time code"), m_totp);

    m_urls = new QWidget;
    m_urlsLayout = new QVBoxLayout(m_urls);
    m_urlsLayout->setContentsMargins(0, 0, 0, 0);
    addRow(m_form, tr("URLs"), m_urls);

    const auto plainLabel = [](const QString& accessible) {
        auto* label = new QLabel;
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAccessibleName(accessible);
        return label;
    };
    m_folder = plainLabel(tr("Folder"));
    addRow(m_form, tr("Folder"), m_folder);
    m_tags = plainLabel(tr("Tags"));
    addRow(m_form, tr("Tags"), m_tags);
    m_expires = plainLabel(tr("Expires"));
    addRow(m_form, tr("Expires"), m_expires);

    auto* notes = new QWidget;
    auto* notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    m_notesButton = new QPushButton(tr("Show notes"));
    m_notesButton->setCheckable(true);
    m_notesButton->setAccessibleName(tr("Show notes"));
    m_notesView = new QPlainTextEdit;
    m_notesView->setReadOnly(true);
    m_notesView->setUndoRedoEnabled(false);
    m_notesView->setAccessibleName(tr("Notes"));
    m_notesView->hide();
    notesLayout->addWidget(m_notesButton, 0, Qt::AlignLeft);
    notesLayout->addWidget(m_notesView);
    connect(m_notesButton, &QPushButton::toggled, this, &DetailsPane::setNotesShown);
    addRow(m_form, tr("Notes"), notes);

    m_fields = new QWidget;
    m_fieldsLayout = newFieldsGrid(m_fields);
    addRow(m_form, tr("Fields"), m_fields);

    m_attachments = new QWidget;
    m_attachmentsLayout = new QVBoxLayout(m_attachments);
    m_attachmentsLayout->setContentsMargins(0, 0, 0, 0);
    addRow(m_form, tr("Attachments"), m_attachments);

    m_times = plainLabel(tr("Created and modified"));
    m_times->setEnabled(false);
    layout->insertWidget(layout->count() - 1, m_times);

    m_stack->setCurrentWidget(m_empty);
}

bool DetailsPane::notesShown() const {
    return m_notesView->isVisibleTo(m_notesView->parentWidget());
}

int DetailsPane::secretsHeld() const {
    int held = (m_password->holdsSecret() ? 1 : 0) + (m_notesShown.isEmpty() ? 0 : 1) +
               (m_totp->hasCode() ? 1 : 0);
    for (const SecretLabel* label : m_fieldLabels)
        held += label->holdsSecret() ? 1 : 0;
    return held;
}

void DetailsPane::setNotesShown(bool shown) {
    // Opened from the vault for as long as they are shown.
    Result<EntryDetails> details =
        shown && m_hasNotes ? openDetails() : Result<EntryDetails>(EntryDetails());
    if (!details)
        Q_EMIT message(details.error().message);
    shown = shown && details && !details->notes.value.empty();
    if (m_notesButton->isChecked() != shown) {
        const QSignalBlocker block(m_notesButton);
        m_notesButton->setChecked(shown);
    }
    m_notesButton->setText(shown ? tr("Hide notes") : tr("Show notes"));
    if (shown) {
        // The text view needs a QString. It is wiped in place when hidden; text the document
        // copied into its own buffers is released with it (document cleared, no undo stack).
        const std::string_view text = details->notes.value.view();
        m_notesShown = QString::fromUtf8(text.data(), qsizetype(text.size()));
        m_notesView->setPlainText(m_notesShown);
        m_notesView->show();
    } else {
        m_notesView->hide();
        m_notesView->clear();
        wipe(m_notesShown);
    }
}

void DetailsPane::wipeShown() {
    if (m_notesView)
        setNotesShown(false);
    m_hasNotes = false;
    if (m_password)
        m_password->clear();
    if (m_totp)
        m_totp->clear();
    for (SecretLabel* label : m_fieldLabels)
        label->clear();
    m_fieldLabels.clear();
    if (m_fieldsLayout) {
        deleteChildren(m_fieldsLayout);
        // A grid keeps its row count: a fresh one numbers the next entry's fields from 0.
        delete m_fieldsLayout;
        m_fieldsLayout = newFieldsGrid(m_fields);
    }
}

Result<EntryDetails> DetailsPane::openDetails() const {
    const Vault* vault = m_controller.vault();
    if (!vault || m_id.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("The vault is locked.")};
    return vault->details(m_id);
}

void DetailsPane::clear() {
    wipeShown();
    m_id.clear();
    m_stack->setCurrentWidget(m_empty);
}

void DetailsPane::showEntry(const EntryId& id) {
    wipeShown();
    const Vault* vault = m_controller.vault();
    const EntryOverview* entry = vault && !id.isEmpty() ? vault->entry(id) : nullptr;
    if (!entry) {
        clear();
        return;
    }
    Result<EntryDetails> details = vault->details(id);
    if (!details) {
        clear();
        Q_EMIT message(details.error().message);
        return;
    }
    m_id = id;
    m_title->setText(entry->title.value);
    const qreal ratio = devicePixelRatioF();
    QPixmap avatar = letterAvatar(entry->title.value, int(AvatarSize * ratio));
    avatar.setDevicePixelRatio(ratio);
    m_avatar->setPixmap(avatar);
    m_username->setText(entry->username.value);
    showRow(m_form, m_usernameRow, !entry->username.value.isEmpty());
    // The pane keeps no secret of a merely selected entry: the password and protected fields
    // are opened again when revealed or copied, the notes when shown.
    if (!details->password.value.empty())
        m_password->setSource([this]() -> Result<SecureBuffer> {
            Result<EntryDetails> opened = openDetails();
            if (!opened)
                return opened.error();
            return std::move(opened->password.value);
        });
    showRow(m_form, m_password, !m_password->isEmpty());
    m_totp->setAccount(entry->title.value, entry->username.value);
    m_totp->setSecret(std::move(details->totp.value));
    showRow(m_form, m_totp, m_totp->hasCode());
    fillUrls(*entry);
    m_folder->setText(entry->folder.value);
    showRow(m_form, m_folder, !entry->folder.value.isEmpty());
    const QStringList tags = entry->tagList();
    m_tags->setText(tags.join(QLatin1String(", ")));
    showRow(m_form, m_tags, !tags.isEmpty());
    const qint64 expires = entry->expires.value;
    const Clock* clock = m_controller.device().clock;
    const bool expired = expires > 0 && clock && expires <= clock->nowMs();
    m_expires->setText(expired ? tr("%1 (expired)").arg(when(expires)) : when(expires));
    m_expires->setForegroundRole(expired ? QPalette::Link : QPalette::WindowText);
    showRow(m_form, m_expires, expires > 0);
    m_hasNotes = !details->notes.value.empty();
    showRow(m_form, m_notesButton->parentWidget(), m_hasNotes);
    fillFields(*details);
    fillAttachments();
    m_times->setText(
        tr("Created %1\nModified %2").arg(when(entry->created), when(entry->modified)));
    m_stack->setCurrentIndex(1);
}

void DetailsPane::fillUrls(const EntryOverview& entry) {
    deleteChildren(m_urlsLayout);
    const QStringList urls = entry.urlList();
    for (const QString& url : urls) {
        auto* row = new QHBoxLayout;
        auto* link = new QLabel;
        link->setTextFormat(Qt::PlainText);
        link->setText(url);
        link->setTextInteractionFlags(Qt::TextSelectableByMouse);
        link->setAccessibleName(tr("URL"));
        QToolButton* open =
            toolButton(QStringLiteral("open-url"), QStringLiteral("internet-web-browser"),
                       tr("Open"), tr("Open %1").arg(url));
        QToolButton* copy = toolButton(QStringLiteral("copy"), QStringLiteral("edit-copy"),
                                       tr("Copy"), tr("Copy %1").arg(url));
        connect(open, &QToolButton::clicked, this, [this, url] {
            if (!QDesktopServices::openUrl(QUrl(openableUrl(url))))
                Q_EMIT message(tr("The desktop could not open %1.").arg(url));
        });
        connect(copy, &QToolButton::clicked, this,
                [this, url] { m_copy.clipboard().copyText(url, tr("URL")); });
        row->addWidget(link, 1);
        row->addWidget(open);
        row->addWidget(copy);
        m_urlsLayout->addLayout(row);
    }
    showRow(m_form, m_urls, !urls.isEmpty());
}

void DetailsPane::fillFields(const EntryDetails& details) {
    const auto live = details.liveFields();
    for (const CustomField* field : live) {
        auto* label = new SecretLabel(m_copy.clipboard(), field->name);
        if (field->isProtected) {
            label->setSource([this, name = field->name] {
                Result<EntryDetails> opened = openDetails();
                if (!opened)
                    return Result<SecureBuffer>(opened.error());
                for (const CustomField* current : opened->liveFields()) {
                    if (current->name == name)
                        return Result<SecureBuffer>(current->value.clone());
                }
                return Result<SecureBuffer>(SecureBuffer());
            });
        } else {
            label->setSecret(field->value.clone());
            label->setRevealed(true);
            label->revealButton()->hide();
        }
        m_fieldLabels.push_back(label);
        auto* name = new QLabel(field->name);
        name->setTextFormat(Qt::PlainText);
        addRow(m_fieldsLayout, name, label);
    }
    showRow(m_form, m_fields, !live.empty());
}

void DetailsPane::fillAttachments() {
    deleteChildren(m_attachmentsLayout);
    Result<std::vector<AttachmentInfo>> list = m_controller.vault()->attachments(m_id);
    const bool any = list && !list->empty();
    if (any) {
        for (const AttachmentInfo& info : *list) {
            auto* row = new QHBoxLayout;
            auto* name =
                new QLabel(tr("%1 (%2)").arg(info.name, QLocale().formattedDataSize(info.size)));
            name->setTextFormat(Qt::PlainText);
            QToolButton* save =
                toolButton(QStringLiteral("save"), QStringLiteral("document-save-as"),
                           tr("Save as…"), tr("Save %1 as…").arg(info.name));
            QToolButton* open = toolButton(QStringLiteral("open"), QStringLiteral("document-open"),
                                           tr("Open"), tr("Open %1").arg(info.name));
            const QString file = info.name;
            connect(save, &QToolButton::clicked, this, [this, file] { saveAttachment(file); });
            connect(open, &QToolButton::clicked, this, [this, file] { openAttachment(file); });
            row->addWidget(name, 1);
            row->addWidget(save);
            row->addWidget(open);
            m_attachmentsLayout->addLayout(row);
        }
    }
    showRow(m_form, m_attachments, any);
}

void DetailsPane::saveAttachment(const QString& name) {
    const QString start =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(name);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment"), start);
    if (path.isEmpty() || !m_controller.vault())
        return;
    Result<SecureBuffer> content = m_controller.vault()->attachmentContent(m_id, name);
    if (!content) {
        report(content.error());
        return;
    }
    report(AttachmentFiles::saveTo(path, *content));
}

void DetailsPane::openAttachment(const QString& name) {
    if (!m_controller.vault())
        return;
    Result<SecureBuffer> content = m_controller.vault()->attachmentContent(m_id, name);
    if (!content) {
        report(content.error());
        return;
    }
    report(m_files.open(name, *content));
}

void DetailsPane::report(const Status& status) {
    if (!status)
        Q_EMIT message(status.error().message);
}

} // namespace tessera::ui
