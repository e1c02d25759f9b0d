#pragma once
// The entry list: a QTreeView (uniform rows, so 100k entries scroll smoothly) that says what to do
// when it has nothing to show ("No entries — press Ctrl+N", "No matches"), drags the selected
// entries (onto the sidebar's folders), and reports Enter as activation.

#include <QTreeView>

namespace tessera::ui {

class EntryListView : public QTreeView {
    Q_OBJECT
public:
    explicit EntryListView(QWidget* parent = nullptr);

    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }

Q_SIGNALS:
    void enterPressed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    QString m_emptyText;
};

} // namespace tessera::ui
