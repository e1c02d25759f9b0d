#pragma once
// The entry list: a QTreeView (uniform rows, so 100k entries scroll smoothly; cells painted by
// EntryListDelegate, which keeps their text laid out) that says what to do when it has nothing to
// show ("No entries — press Ctrl+N", "No matches"), drags the selected entries (onto the
// sidebar's folders), and reports Enter as activation.
//
// Benchmark hook (tests/bench/compare, "desktop app"): with TESSERA_TIMING=1 in the environment
// the app prints "tessera-timing: window-shown MS" when its first window is painted and
// "tessera-timing: list-shown MS" when an entry list is first painted with rows (MS: the
// monotonic clock, CLOCK_MONOTONIC, in ms), then quits. If standard input is not a terminal, the
// line read from it is typed into the focused field of that first window, followed by Enter (the
// master password on the unlock page). Without the variable nothing of this exists.

#include <QTreeView>

namespace tessera::ui {

class EntryListDelegate;

class EntryListView : public QTreeView {
    Q_OBJECT
public:
    explicit EntryListView(QWidget* parent = nullptr);

    void setEmptyText(const QString& text);
    void reset() override;
    QString emptyText() const { return m_emptyText; }

Q_SIGNALS:
    void enterPressed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    EntryListDelegate* m_delegate;
    QString m_emptyText;
};

} // namespace tessera::ui
