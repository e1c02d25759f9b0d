#pragma once
// The sidebar: All items, Favourites, the folder tree (built from the entries' folder paths,
// "Work/Email" under "Work"), the tags and the Trash, each with the number of entries it holds.
// Entries dragged from the list onto an item are moved there: onto a folder (or the Folders
// heading: no folder), a tag (added), Favourites, or the Trash.

#include "EntryFilterModel.h"

#include <QMap>
#include <QStandardItemModel>
#include <QTimer>

namespace tessera::ui {

class EntryModel;
class VaultController;

class SidebarModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, // int(EntryFilterModel::ScopeKind), or -1 for a heading
        ValueRole,                   // folder path or tag
        CountRole,                   // int
    };
    enum Column { NameColumn, CountColumn, ColumnCount };

    SidebarModel(VaultController& controller, const EntryModel& entries, QObject* parent = nullptr);

    // The scope an item stands for (headings: nullopt-like All with isScope false).
    static bool isScope(const QModelIndex& index);
    static EntryFilterModel::Scope scopeOf(const QModelIndex& index);
    QModelIndex indexOf(const EntryFilterModel::Scope& scope) const;
    QModelIndex foldersIndex() const;
    QModelIndex tagsIndex() const;
    // Every folder path in use, sorted (for the editor's folder box and "Move to folder").
    QStringList folders() const { return m_folderCounts.keys(); }
    int count(const EntryFilterModel::Scope& scope) const;

    // Recounts now (it also happens, coalesced, after every change of the entry model).
    void refresh();

    // Moves entries into the scope: folder, Folders heading (no folder), tag, Favourites, Trash.
    // Returns how many were moved; errors are reported through moveFailed().
    int moveEntries(const QList<QByteArray>& ids, const QModelIndex& target);

    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

Q_SIGNALS:
    // The folder or tag items were rebuilt: views restore their selection and expansion.
    void structureRebuilt();
    void moveFailed(const QString& message);

private:
    void rebuild();
    void updateCounts();
    QStandardItem* addItem(QStandardItem* parent, const QString& name, const QIcon& icon, int kind,
                           const QString& value);
    static QModelIndex dropTarget(const QAbstractItemModel& model, int row,
                                  const QModelIndex& parent);

    VaultController& m_controller;
    const EntryModel& m_entries;
    QTimer m_refreshTimer;
    QMap<QString, int> m_folderCounts; // path -> live entries in it and its subfolders
    QMap<QString, int> m_tagCounts;
    int m_liveCount = 0;
    int m_favouriteCount = 0;
    int m_trashCount = 0;
};

} // namespace tessera::ui
