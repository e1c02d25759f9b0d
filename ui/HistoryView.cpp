#include "HistoryView.h"

#include "crypto/Crypto.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tessera::ui {

namespace {

enum HistoryColumn { WhenColumn, FieldColumn, ValueColumn };
constexpr int HlcCounterBits = 16; // a stamp's hlc is milliseconds << 16 plus a counter
const QString Mask = QString(8, QChar(0x2022));

QString fieldTitle(const QString& field) {
    static const struct {
        const char* key;
        const char* title;
    } known[] = {
        {"title", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "Title")},
        {"username", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "Username")},
        {"password", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "Password")},
        {"notes", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "Notes")},
        {"totp", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "One-time code secret")},
        {"folder", QT_TRANSLATE_NOOP("tessera::ui::HistoryView", "Folder")},
    };
    for (const auto& k : known)
        if (field == QLatin1String(k.key))
            return HistoryView::tr(k.title);
    return field; // a custom field's name
}

} // namespace

HistoryView::HistoryView(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget)
    , m_reveal(new QPushButton(tr("Show value")))
    , m_restore(new QPushButton(tr("Use this password"))) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Replaced"), tr("Field"), tr("Value")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAccessibleName(tr("Entry history"));
    m_tree->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    layout->addWidget(m_tree);
    auto* buttons = new QHBoxLayout;
    m_reveal->setCheckable(true);
    m_reveal->setAccessibleName(tr("Show the selected value"));
    m_restore->setAccessibleName(tr("Put the selected old password into the password field"));
    m_restore->setToolTip(tr("Puts this old password into the password field; it is saved with "
                             "the entry."));
    buttons->addWidget(m_reveal);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_reveal, &QPushButton::toggled, this, &HistoryView::revealSelected);
    connect(m_restore, &QPushButton::clicked, this, &HistoryView::restoreSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        hideRevealed();
        const int row = selectedRow();
        m_reveal->setEnabled(row >= 0);
        m_restore->setEnabled(row >= 0 &&
                              m_items[std::size_t(row)].field == QLatin1String("password"));
    });
    m_reveal->setEnabled(false);
    m_restore->setEnabled(false);
}

HistoryView::~HistoryView() {
    clear();
}

void HistoryView::setHistory(std::vector<HistoryItem> history) {
    clear();
    m_items = std::move(history);
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const HistoryItem& a, const HistoryItem& b) { return b.stamp < a.stamp; });
    for (const HistoryItem& item : m_items) {
        const qint64 ms = qint64(item.stamp.hlc >> HlcCounterBits);
        auto* row = new QTreeWidgetItem(m_tree);
        row->setText(WhenColumn,
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat));
        row->setText(FieldColumn, fieldTitle(item.field));
        row->setText(ValueColumn, item.value.empty() ? tr("(empty)") : Mask);
    }
    m_tree->resizeColumnToContents(WhenColumn);
    m_tree->resizeColumnToContents(FieldColumn);
}

int HistoryView::selectedRow() const {
    const QList<QTreeWidgetItem*> selected = m_tree->selectedItems();
    return selected.isEmpty() ? -1 : m_tree->indexOfTopLevelItem(selected.first());
}

void HistoryView::hideRevealed() {
    if (m_revealed >= 0) {
        if (QTreeWidgetItem* item = m_tree->topLevelItem(m_revealed))
            item->setText(ValueColumn, Mask);
        wipe(m_shown); // the item let go of its copy; ours is the last and is wiped in place
        m_revealed = -1;
    }
    const QSignalBlocker block(m_reveal);
    m_reveal->setChecked(false);
}

void HistoryView::revealSelected(bool reveal) {
    hideRevealed();
    const int row = selectedRow();
    if (!reveal || row < 0 || m_items[std::size_t(row)].value.empty())
        return;
    const std::string_view text = m_items[std::size_t(row)].value.view();
    m_shown = QString::fromUtf8(text.data(), qsizetype(text.size()));
    m_tree->topLevelItem(row)->setText(ValueColumn, m_shown);
    m_revealed = row;
    const QSignalBlocker block(m_reveal);
    m_reveal->setChecked(true);
}

void HistoryView::restoreSelected() {
    const int row = selectedRow();
    if (row < 0 || m_items[std::size_t(row)].field != QLatin1String("password"))
        return;
    SecureBuffer password = m_items[std::size_t(row)].value.clone();
    Q_EMIT restorePassword(password);
}

void HistoryView::clear() {
    hideRevealed();
    m_tree->clear();
    m_items.clear();
}

} // namespace tessera::ui
