#pragma once
// The entry list as a real item model: one flat row per entry of the unlocked vault (trashed ones
// included; EntryFilterModel picks what a view shows). Each row caches what the list, the sidebar
// and search need, including a case-folded search text (the same text Vault::search matches), so
// filtering 100k rows per keystroke touches no QVariant and allocates nothing per row.
// Follows VaultController: row-level updates when entriesChanged names the entries, a reset
// otherwise, and empty once locked.

#include "vault/Entry.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QStringList>

#include <vector>

namespace tessera::ui {

class VaultController;

class EntryModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        UsernameColumn,
        UrlColumn,
        FolderColumn,
        ModifiedColumn,
        ColumnCount
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1, // QByteArray: the raw entry id
        FolderRole,                     // QString: "Work/Email"
        TagsRole,                       // QStringList
        FavouriteRole,                  // bool
        TrashedRole,                    // bool
        SearchTextRole,                 // QString: case-folded text that search matches
        SortRole,                       // what sorting compares (case-folded text or ms)
    };
    // The drag-and-drop payload: raw ids, hex-encoded, one per line.
    static QString idsMimeType();
    static QByteArray encodeIds(const QList<QByteArray>& ids);
    static QList<QByteArray> decodeIds(const QByteArray& data);

    // What one row shows and filters on, cached from the entry's overview.
    struct Row {
        EntryId id;
        QString title;
        QString username;
        QString url; // the first URL
        QString folder;
        QStringList tags;
        bool favourite = false;
        bool trashed = false;
        qint64 modified = 0; // ms since epoch
        qint64 expires = 0;  // ms since epoch, 0 = never
        QString foldedTitle; // case-folded title (sorting, best-match ranking)
        QString haystack;    // case-folded title, username, folder, URLs, tags
    };

    explicit EntryModel(const VaultController& controller, QObject* parent = nullptr);

    // Case folding as Vault::search applies it (simple one-to-one folding).
    static QString fold(QString text);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Every row's flags (the same for all: a view laying out 100k rows asks for each).
    static Qt::ItemFlags rowFlags();
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }

    // Direct access for the filter and the sidebar (row in [0, rowCount())).
    const Row& row(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(const EntryId& id) const { return m_positions.value(id, -1); }
    QModelIndex indexOf(const EntryId& id, int column = TitleColumn) const;
    // The row's place in title order (case-folded title, then username, then id): sorting by
    // title compares these integers. Recomputed once after a change, on first use.
    int titleOrder(int row) const;
    // True while the rows are in title order (after every reload; an added entry or a changed
    // title may break it until the next one): the filter then keeps the source order instead of
    // sorting 100k rows per keystroke.
    bool inTitleOrder() const;

    // The letter avatar drawn for a title (cached per letter and colour).
    QIcon avatar(const QString& title) const;

public Q_SLOTS:
    void reload(); // reset from the vault (empty when locked)

Q_SIGNALS:
    // After every change of rows (insert, remove, update or reset): the sidebar recounts.
    void rowsUpdated();

private:
    void onEntriesChanged(const QList<QByteArray>& ids);
    static Row rowFrom(const EntryOverview& entry);
    void reindexFrom(int first);

    const VaultController& m_controller;
    std::vector<Row> m_rows;
    QHash<QByteArray, int> m_positions;
    mutable QHash<quint32, QIcon> m_avatars;
    mutable std::vector<int> m_titleOrder; // empty: to be recomputed
    mutable bool m_inTitleOrder = true;    // valid with m_titleOrder
};

} // namespace tessera::ui
