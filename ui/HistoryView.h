#pragma once
// The entry editor's history: every previous value the entry kept (when it was replaced, which
// field), values masked until the user reveals one, and "Use this password" to put an old
// password back into the editor's password field. The values stay in SecureBuffers; a revealed
// one is shown through a QString that is wiped in place when hidden.

#include "vault/Entry.h"

#include <QWidget>

#include <vector>

class QPushButton;
class QTreeWidget;

namespace tessera::ui {

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);
    ~HistoryView() override;

    // Takes the items (newest first in the list); the list keeps them until clear().
    void setHistory(std::vector<HistoryItem> history);
    QTreeWidget* tree() const { return m_tree; }
    int revealedRow() const { return m_revealed; }

public Q_SLOTS:
    void revealSelected(bool reveal);
    void restoreSelected();
    void clear();

Q_SIGNALS:
    // An old password to put back into the editor (a copy; the receiver owns it).
    void restorePassword(SecureBuffer& password);

private:
    void hideRevealed();
    int selectedRow() const;

    std::vector<HistoryItem> m_items; // in the tree's row order
    QTreeWidget* m_tree;
    QPushButton* m_reveal;
    QPushButton* m_restore;
    int m_revealed = -1;
    QString m_shown; // shares the revealed item's text buffer
};

} // namespace tessera::ui
