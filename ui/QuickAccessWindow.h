#pragma once
// Quick access (`tessera --quick`, meant for a desktop keyboard shortcut): a small frameless,
// always-on-top window with a search box over the same filter as the main list, showing the
// best matches. Typing selects the best match; Up/Down pick another; Enter copies its password,
// Shift+Enter its username; the window closes after a copy. Escape closes it. It clears itself
// when it closes and when the vault locks.

#include "EntryClipboard.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace tessera::ui {

class ClipboardGuard;
class EntryFilterModel;
class EntryModel;
class VaultController;

class QuickAccessWindow : public QWidget {
    Q_OBJECT
public:
    static constexpr int VisibleResults = 10;

    QuickAccessWindow(VaultController& controller, ClipboardGuard& clipboard,
                      QWidget* parent = nullptr);

    // Shows the window empty, centred in the upper third of the screen, with the box focused.
    void present();

    QLineEdit* searchField() const { return m_search; }
    QTreeView* results() const { return m_results; }
    EntryFilterModel* filterModel() const { return m_filter; }
    EntryId selectedEntry() const;

public Q_SLOTS:
    bool copyPassword(); // of the selected entry; closes on success
    bool copyUsername();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void onSearchEdited(const QString& text);
    void onSearchFinished();
    void move(int delta);
    bool finish(const Status& status);

    VaultController& m_controller;
    EntryClipboard m_copy;
    EntryModel* m_model;
    EntryFilterModel* m_filter;
    QLineEdit* m_search;
    QTreeView* m_results;
    QLabel* m_status;
};

} // namespace tessera::ui
