#pragma once
// The entry editor's custom fields: one row per field with its name, its value (a
// SecurePasswordEdit, so a value never becomes a QString; shown unless protected), a "protected"
// flag and a remove button. changes() yields what EntryChanges::fields needs, removals of the
// fields that were there before included.

#include "vault/Entry.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace tessera::ui {

class SecurePasswordEdit;

class CustomFieldsEditor : public QWidget {
    Q_OBJECT
public:
    explicit CustomFieldsEditor(QWidget* parent = nullptr);

    // Loads the live fields of an entry (values cloned into the edits).
    void setFields(const EntryDetails& details);
    int rowCount() const { return int(m_rows.size()); }
    QLineEdit* nameEdit(int row) const { return m_rows[std::size_t(row)].name; }
    SecurePasswordEdit* valueEdit(int row) const { return m_rows[std::size_t(row)].value; }
    QCheckBox* protectedBox(int row) const { return m_rows[std::size_t(row)].isProtected; }

    // A one-line problem (an empty or repeated name), or empty if the fields can be saved.
    QString validate() const;
    // The changes to save: every field as it is now, and removals of the ones that are gone.
    std::vector<EntryChanges::Field> changes() const;

public Q_SLOTS:
    int addField(); // returns the new row
    void removeField(int row);
    void clear(); // wipes every value

Q_SIGNALS:
    void edited();

private:
    struct Row {
        QLineEdit* name;
        SecurePasswordEdit* value;
        QCheckBox* isProtected;
        QToolButton* remove;
    };
    void relayout();

    QGridLayout* m_grid;
    QLabel* m_empty;
    std::vector<Row> m_rows;
    QStringList m_original; // names of the live fields when loaded
};

} // namespace tessera::ui
