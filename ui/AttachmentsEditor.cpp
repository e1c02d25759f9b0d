#include "AttachmentsEditor.h"

#include "VaultController.h"
#include "ViewIcons.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

AttachmentsEditor::AttachmentsEditor(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget)
    , m_remove(new QPushButton(viewIcon(QStringLiteral("remove"), QStringLiteral("list-remove")),
                               tr("Remove"))) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setAccessibleName(tr("Attachments"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    layout->addWidget(m_list);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(viewIcon(QStringLiteral("add"), QStringLiteral("list-add")),
                                tr("Add file…"));
    add->setAccessibleName(tr("Add attachment from a file"));
    m_remove->setAccessibleName(tr("Remove attachment"));
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &AttachmentsEditor::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const auto selected = m_list->selectedItems();
        for (const QListWidgetItem* item : selected)
            removeAttachment(item->data(Qt::UserRole).toString());
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    refresh();
}

AttachmentsEditor::~AttachmentsEditor() {
    clear();
}

void AttachmentsEditor::setAttachments(const std::vector<AttachmentInfo>& attachments) {
    clear();
    m_existing.clear();
    for (const AttachmentInfo& info : attachments)
        m_existing.append(info.name);
    refresh();
}

Result<SecureBuffer> AttachmentsEditor::readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{ErrorCode::Io, tr("Could not read %1: %2").arg(path, file.errorString())};
    const qint64 size = file.size();
    if (size > MaxAttachmentBytes)
        return Error{
            ErrorCode::TooLarge,
            tr("%1 is larger than %2, the most an attachment can hold.")
                .arg(QFileInfo(path).fileName(), QLocale().formattedDataSize(MaxAttachmentBytes))};
    SecureBuffer content{std::size_t(size)};
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.read(reinterpret_cast<char*>(content.data()) + done, size - done);
        if (n <= 0)
            return Error{ErrorCode::Io, tr("Could not read %1: %2").arg(path, file.errorString())};
        done += n;
    }
    return content;
}

Status AttachmentsEditor::addFile(const QString& path) {
    Result<SecureBuffer> content = readFile(path);
    if (!content)
        return content.error();
    const QString name = QFileInfo(path).fileName();
    std::erase_if(m_added, [&](const auto& added) { return added.first == name; });
    m_added.emplace_back(name, std::move(*content));
    m_removed.removeAll(name);
    refresh();
    return {};
}

void AttachmentsEditor::removeAttachment(const QString& name) {
    std::erase_if(m_added, [&](const auto& added) { return added.first == name; });
    if (m_existing.contains(name) && !m_removed.contains(name))
        m_removed.append(name);
    refresh();
}

QStringList AttachmentsEditor::names() const {
    QStringList out;
    for (const QString& name : m_existing)
        if (!m_removed.contains(name))
            out.append(name);
    for (const auto& added : m_added)
        if (!out.contains(added.first))
            out.append(added.first);
    return out;
}

void AttachmentsEditor::refresh() {
    m_list->clear();
    const QStringList all = names();
    for (const QString& name : all) {
        const bool pending = std::any_of(m_added.begin(), m_added.end(),
                                         [&](const auto& added) { return added.first == name; });
        auto* item = new QListWidgetItem(pending ? tr("%1 (to be added)").arg(name) : name);
        item->setData(Qt::UserRole, name);
        m_list->addItem(item);
    }
    m_remove->setEnabled(false);
}

void AttachmentsEditor::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    for (const QString& path : paths) {
        const Status added = addFile(path);
        if (!added) {
            Q_EMIT message(added.error().message);
            return;
        }
    }
}

Status AttachmentsEditor::apply(VaultController& controller, const EntryId& id) {
    for (const QString& name : m_removed)
        TESSERA_TRY(controller.detach(id, name));
    for (const auto& [name, content] : m_added)
        TESSERA_TRY(controller.attach(id, name, content));
    m_existing = names();
    clear();
    refresh();
    return {};
}

void AttachmentsEditor::clear() {
    m_added.clear(); // SecureBuffer wipes on destruction
    m_removed.clear();
}

} // namespace tessera::ui
