#pragma once
// The unlocked vault: a search box on top, and a splitter with the sidebar (scopes and folders),
// the entry list and the details pane. Keyboard flow: Ctrl+F focuses the search box; typing
// filters (in slices, EntryFilterModel::startSearch) and selects the best match when the rows are
// in; Up/Down (Page Up/Down) move the list's selection without leaving the box (after finishing
// a running search); Ctrl+C copies the selected entry's password, Ctrl+B its username, Ctrl+U opens
// its URL, Ctrl+T copies its one-time code, Ctrl+E or Enter edits it; Escape clears the search.
// A focused line edit would take Ctrl+C/Ctrl+U/Ctrl+E/... for itself under X11 (its
// ShortcutOverride accepts them); the view filters those overrides out of the search box (unless
// the box has selected text, so Ctrl+C still copies a selection) and the actions fire.

#include "EntryFilterModel.h"
#include "vault/Entry.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTreeView;

namespace tessera::ui {

class AppSettings;
class ClipboardGuard;
class DetailsPane;
class EntryActions;
class EntryListView;
class EntryModel;
class SidebarModel;
class VaultController;

class VaultView : public QWidget {
    Q_OBJECT
public:
    VaultView(VaultController& controller, ClipboardGuard& clipboard, AppSettings& settings,
              QWidget* parent = nullptr);
    ~VaultView() override;

    void focusSearch();
    QList<QAction*> entryActions() const;

    // Parts, for the main window's wiring and for tests.
    QLineEdit* searchField() const { return m_search; }
    EntryListView* list() const { return m_list; }
    QTreeView* sidebar() const { return m_sidebar; }
    DetailsPane* details() const { return m_details; }
    EntryModel* entryModel() const { return m_model; }
    EntryFilterModel* filterModel() const { return m_filter; }
    SidebarModel* sidebarModel() const { return m_sidebarModel; }
    EntryActions* actions() const { return m_actions; }
    QSplitter* splitter() const { return m_splitter; }

    EntryId currentEntry() const;
    QList<QByteArray> selectedEntries() const;
    void selectEntry(const EntryId& id);
    void setScope(const EntryFilterModel::Scope& scope);
    EntryFilterModel::Scope scope() const { return m_filter->scope(); }

Q_SIGNALS:
    // A one-line message for the status bar (a failed copy, "Moved 3 entries to the trash").
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildSidebar();
    void buildList();
    void onSearchEdited(const QString& text);
    void onSearchFinished(); // selects the best match of the rows now shown
    void onSelectionChanged();
    void onSidebarRebuilt();
    void onUnlocked();
    void onAboutToLock();
    void updateEmptyText();
    void showMessage(const QString& text);
    bool takesShortcut(const QKeyEvent* event) const;
    void moveSelection(int key); // Up/Down/Page Up/Page Down typed in the search box

    VaultController& m_controller;
    AppSettings& m_settings;
    EntryModel* m_model;
    EntryFilterModel* m_filter;
    SidebarModel* m_sidebarModel;
    EntryActions* m_actions;
    QLineEdit* m_search = nullptr;
    QLabel* m_message = nullptr;
    QTimer m_messageTimer;
    QSplitter* m_splitter = nullptr;
    QTreeView* m_sidebar = nullptr;
    EntryListView* m_list = nullptr;
    DetailsPane* m_details = nullptr;
    EntryId m_currentAtSearch; // the selected entry when the running search started
};

} // namespace tessera::ui
