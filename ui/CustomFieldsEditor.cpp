#include "CustomFieldsEditor.h"

#include "SecurePasswordEdit.h"
#include "ViewIcons.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {
enum GridColumn { NameColumn, ValueColumn, ProtectedColumn, RemoveColumn };
}

CustomFieldsEditor::CustomFieldsEditor(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_empty(new QLabel(tr("No custom fields."))) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty);
    layout->addLayout(m_grid);
    m_grid->setColumnStretch(ValueColumn, 1);
    auto* add = new QPushButton(viewIcon(QStringLiteral("add"), QStringLiteral("list-add")),
                                tr("Add field"));
    add->setAccessibleName(tr("Add custom field"));
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = addField();
        m_rows[std::size_t(row)].name->setFocus();
    });
    layout->addWidget(add, 0, Qt::AlignLeft);
}

void CustomFieldsEditor::setFields(const EntryDetails& details) {
    clear();
    m_original.clear();
    for (const CustomField* field : details.liveFields()) {
        const int row = addField();
        const Row& r = m_rows[std::size_t(row)];
        r.name->setText(field->name);
        r.isProtected->setChecked(field->isProtected);
        r.value->setPassword(field->value.clone());
        m_original.append(field->name);
    }
}

int CustomFieldsEditor::addField() {
    Row row;
    row.name = new QLineEdit;
    row.name->setPlaceholderText(tr("Name"));
    row.name->setAccessibleName(tr("Field name"));
    row.value = new SecurePasswordEdit;
    row.value->setPlaceholderText(tr("Value"));
    row.value->setAccessibleName(tr("Field value"));
    row.value->setRevealed(true);
    row.isProtected = new QCheckBox(tr("Protected"));
    row.isProtected->setAccessibleName(tr("Field is protected"));
    row.isProtected->setToolTip(tr("Masked in the details pane and copied as a secret"));
    row.remove = new QToolButton;
    row.remove->setAutoRaise(true);
    row.remove->setIcon(viewIcon(QStringLiteral("remove"), QStringLiteral("list-remove"),
                                 QStyle::SP_DialogDiscardButton));
    row.remove->setText(tr("Remove"));
    row.remove->setAccessibleName(tr("Remove field"));
    SecurePasswordEdit* value = row.value;
    connect(row.isProtected, &QCheckBox::toggled, value,
            [value](bool on) { value->setRevealed(!on); });
    connect(row.name, &QLineEdit::textEdited, this, &CustomFieldsEditor::edited);
    connect(row.value, &SecurePasswordEdit::changed, this, &CustomFieldsEditor::edited);
    connect(row.isProtected, &QCheckBox::toggled, this, &CustomFieldsEditor::edited);
    QToolButton* remove = row.remove;
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (std::size_t i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].remove == remove) {
                removeField(int(i));
                return;
            }
    });
    m_rows.push_back(row);
    relayout();
    return int(m_rows.size()) - 1;
}

void CustomFieldsEditor::removeField(int row) {
    if (row < 0 || row >= int(m_rows.size()))
        return;
    Row r = m_rows[std::size_t(row)];
    r.value->clear();
    for (QWidget* w : {static_cast<QWidget*>(r.name), static_cast<QWidget*>(r.value),
                       static_cast<QWidget*>(r.isProtected), static_cast<QWidget*>(r.remove)}) {
        m_grid->removeWidget(w);
        w->deleteLater();
    }
    m_rows.erase(m_rows.begin() + row);
    relayout();
    Q_EMIT edited();
}

void CustomFieldsEditor::clear() {
    while (!m_rows.empty())
        removeField(int(m_rows.size()) - 1);
}

void CustomFieldsEditor::relayout() {
    // Take every row out and put it back, so rows close up after a removal.
    for (const Row& r : m_rows)
        for (QWidget* w : {static_cast<QWidget*>(r.name), static_cast<QWidget*>(r.value),
                           static_cast<QWidget*>(r.isProtected), static_cast<QWidget*>(r.remove)})
            m_grid->removeWidget(w);
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        m_grid->addWidget(r.name, int(i), NameColumn);
        m_grid->addWidget(r.value, int(i), ValueColumn);
        m_grid->addWidget(r.isProtected, int(i), ProtectedColumn);
        m_grid->addWidget(r.remove, int(i), RemoveColumn);
    }
    m_empty->setVisible(m_rows.empty());
}

QString CustomFieldsEditor::validate() const {
    QSet<QString> seen;
    for (const Row& r : m_rows) {
        const QString name = r.name->text().trimmed();
        if (name.isEmpty())
            return tr("Every custom field needs a name.");
        if (seen.contains(name))
            return tr("There are two custom fields named \"%1\".").arg(name);
        seen.insert(name);
    }
    return {};
}

std::vector<EntryChanges::Field> CustomFieldsEditor::changes() const {
    std::vector<EntryChanges::Field> out;
    QStringList kept;
    for (const Row& r : m_rows) {
        const QString name = r.name->text().trimmed();
        kept.append(name);
        out.push_back({name, r.value->password().clone(), r.isProtected->isChecked()});
    }
    for (const QString& name : m_original)
        if (!kept.contains(name))
            out.push_back({name, std::nullopt, false});
    return out;
}

} // namespace tessera::ui
