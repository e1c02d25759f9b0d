#include "HealthDialog.h"

#include "CrackTimeText.h"
#include "VaultController.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int MaxAgeMonthsLimit = 240;
constexpr int PublishSlackMs = 100; // after the controller's debounce, its publish has run
constexpr int TitleColumn = 0;
constexpr int DetailColumn = 1;

QString dateText(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QLocale::ShortFormat);
}

// Plural forms come from the translation files (English ones from tessera_en.ts).
QString entriesText(int n) {
    return HealthDialog::tr("%n entries", nullptr, n);
}
QString passwordsText(int n) {
    return HealthDialog::tr("%n passwords", nullptr, n);
}

QTreeWidgetItem* entryItem(QTreeWidgetItem* parent, const EntryRef& entry, const QString& detail) {
    auto* item = new QTreeWidgetItem(parent);
    item->setText(TitleColumn, entry.title);
    item->setText(DetailColumn, detail);
    item->setData(TitleColumn, HealthDialog::EntryIdRole, entry.id);
    return item;
}

} // namespace

HealthDialog::HealthDialog(const VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller) {
    setWindowTitle(tr("Password health"));
    setModal(true);
    auto* layout = new QVBoxLayout(this);

    auto* options = new QHBoxLayout;
    auto* ageLabel = new QLabel(tr("Old after"), this);
    m_maxAge = new QSpinBox(this);
    m_maxAge->setRange(1, MaxAgeMonthsLimit);
    m_maxAge->setValue(m_maxAgeMonths);
    m_maxAge->setSuffix(tr(" months"));
    m_maxAge->setAccessibleName(tr("Passwords are old after this many months"));
    ageLabel->setBuddy(m_maxAge);
    connect(m_maxAge, &QSpinBox::valueChanged, this,
            [this](int months) { m_maxAgeMonths = months; });
    options->addWidget(ageLabel);
    options->addWidget(m_maxAge);
    options->addSpacing(12);
    auto* chooseFile = new QPushButton(tr("Pwned Passwords file…"), this);
    chooseFile->setToolTip(tr("A copy of Have I Been Pwned's password list (SHA-1, ordered by "
                              "hash) you downloaded; it is searched offline, nothing is sent"));
    connect(chooseFile, &QPushButton::clicked, this, &HealthDialog::chooseFile);
    options->addWidget(chooseFile);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setTextFormat(Qt::PlainText);
    options->addWidget(m_fileLabel, 1);
    m_clearFile = new QPushButton(tr("No file"), this);
    m_clearFile->setToolTip(tr("Skip the breach check"));
    connect(m_clearFile, &QPushButton::clicked, this, [this] { setPwnedFile({}); });
    options->addWidget(m_clearFile);
    layout->addLayout(options);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // checkHealth reports no progress: a busy bar
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Checking"));
    m_busy->hide();
    layout->addWidget(m_busy);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Entry"), tr("Why")});
    m_tree->header()->setSectionResizeMode(TitleColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Health findings"));
    m_tree->setUniformRowHeights(true);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { itemActivated(item); });
    layout->addWidget(m_tree, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_checkButton = buttons->addButton(tr("Check again"), QDialogButtonBox::ActionRole);
    connect(m_checkButton, &QPushButton::clicked, this, &HealthDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    // The worker reads the vault: locking must wait for it; after locking nothing stays shown.
    connect(&controller, &VaultController::aboutToLock, this, &HealthDialog::waitForCheck);
    connect(&controller, &VaultController::locked, this, [this] {
        clearReport();
        reject();
    });

    setPwnedFile({});
    resize(760, 520);
}

HealthDialog::~HealthDialog() {
    waitForCheck();
}

void HealthDialog::setMaxAgeMonths(int months) {
    m_maxAge->setValue(months); // clamps; the slot stores it
    m_maxAgeMonths = m_maxAge->value();
}

void HealthDialog::setPwnedFile(const QString& path) {
    m_pwnedFile = path;
    m_fileLabel->setText(path.isEmpty() ? tr("breach check off") : QFileInfo(path).fileName());
    m_fileLabel->setToolTip(path);
    m_clearFile->setEnabled(!path.isEmpty());
}

void HealthDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Pwned Passwords file"), QFileInfo(m_pwnedFile).path(),
        tr("Pwned Passwords (SHA-1) (*.txt);;All files (*)"));
    if (!path.isEmpty())
        setPwnedFile(path);
}

void HealthDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (!m_started)
        start();
}

void HealthDialog::start() {
    m_started = true;
    if (m_worker || m_deferred)
        return;
    const Vault* vault = m_controller.vault();
    if (!vault) {
        clearReport();
        m_summary->setText(tr("The vault is locked."));
        return;
    }
    m_checkButton->setEnabled(false);
    m_busy->show();
    m_summary->setText(tr("Checking %1…").arg(entriesText(vault->info().entryCount)));
    // An edit made just before may still be waiting for its debounced publish, which would use
    // the vault from this thread while the worker reads it: let it run first.
    if (vault->info().unpublishedChanges) {
        m_deferred = true;
        QTimer::singleShot(m_controller.publishDelayMs() + PublishSlackMs, this, [this] {
            m_deferred = false;
            launch();
        });
        return;
    }
    launch();
}

void HealthDialog::launch() {
    const Vault* vault = m_controller.vault();
    if (!vault) {
        workerDone();
        return;
    }
    HealthOptions options;
    options.maxAgeMonths = m_maxAgeMonths;
    options.pwnedFile = m_pwnedFile;
    options.userInputs = {vault->info().name};
    const Clock* clock = m_controller.device().clock;
    auto outcome = std::make_shared<std::optional<Result<HealthReport>>>();
    m_outcome = outcome;
    m_worker = QThread::create([vault, options, clock, outcome] {
        SystemClock systemClock;
        outcome->emplace(checkHealth(*vault, options, clock ? *clock : systemClock));
    });
    connect(m_worker, &QThread::finished, this, &HealthDialog::workerDone);
    m_worker->start();
}

void HealthDialog::waitForCheck() {
    if (!m_worker)
        return;
    m_worker->wait();
    workerDone();
}

void HealthDialog::workerDone() {
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_busy->hide();
    m_checkButton->setEnabled(true);
    auto outcome = std::move(m_outcome);
    clearReport();
    if (!outcome || !outcome->has_value()) {
        m_summary->setText(tr("The vault is locked."));
        Q_EMIT finished(false);
        return;
    }
    Result<HealthReport>& result = **outcome;
    if (!result) {
        m_summary->setText(tr("The check failed: %1").arg(result.error().message));
        Q_EMIT finished(false);
        return;
    }
    m_report = std::move(result).value();
    populate();
    Q_EMIT finished(true);
}

void HealthDialog::clearReport() {
    m_report.reset();
    m_tree->clear();
    m_summary->clear();
}

QTreeWidgetItem* HealthDialog::groupItem(Group group) const {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (item->data(TitleColumn, GroupRole).toInt() == int(group))
            return item;
    }
    return nullptr;
}

QString HealthDialog::summaryText() const {
    return m_summary->text();
}

void HealthDialog::populate() {
    const HealthReport& report = *m_report;
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.checkedAt), QLocale::ShortFormat);
    const int findings = report.findingCount();
    const QString passwords = passwordsText(report.passwordsChecked);
    const QString outcome = findings == 0
                                ? tr("No problems found in %1.").arg(passwords)
                                : tr("%n problems found in %1.", nullptr, findings).arg(passwords);
    m_summary->setText(outcome + QLatin1Char(' ') + tr("Checked %1.").arg(when));

    auto group = [this](Group which, const QString& name, const QString& count) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(TitleColumn, name);
        item->setText(DetailColumn, count);
        item->setData(TitleColumn, GroupRole, int(which));
        QFont bold = item->font(TitleColumn);
        bold.setBold(true);
        item->setFont(TitleColumn, bold);
        return item;
    };

    QTreeWidgetItem* weak =
        group(Group::Weak, tr("Weak passwords"), entriesText(int(report.weak.size())));
    for (const WeakPassword& finding : report.weak)
        entryItem(weak, finding.entry,
                  tr("score %1 of 4, cracked in %2")
                      .arg(finding.score)
                      .arg(crackTimeText(finding.crackTime)));

    QTreeWidgetItem* reused = group(Group::Reused, tr("Reused passwords"),
                                    tr("%n groups", nullptr, int(report.reused.size())));
    for (const ReusedPassword& shared : report.reused) {
        auto* sharedItem = new QTreeWidgetItem(reused);
        sharedItem->setText(TitleColumn,
                            tr("One password in %n entries", nullptr, int(shared.entries.size())));
        for (const EntryRef& entry : shared.entries)
            entryItem(sharedItem, entry, tr("same password as the others here"));
        sharedItem->setExpanded(true);
    }

    QTreeWidgetItem* old =
        group(Group::Old, tr("Old passwords (over %n months)", nullptr, report.maxAgeMonths),
              entriesText(int(report.old.size())));
    for (const OldPassword& finding : report.old)
        entryItem(old, finding.entry, tr("set %1").arg(dateText(finding.passwordSet)));

    QTreeWidgetItem* expired =
        group(Group::Expired, tr("Expired entries"), entriesText(int(report.expired.size())));
    for (const ExpiredEntry& finding : report.expired)
        entryItem(expired, finding.entry, tr("expired %1").arg(dateText(finding.expires)));

    QTreeWidgetItem* pwned =
        group(Group::Pwned, tr("Found in data breaches"),
              report.pwnedChecked ? entriesText(int(report.pwned.size()))
                                  : tr("not checked: choose a Pwned Passwords file"));
    for (const PwnedPassword& finding : report.pwned)
        entryItem(pwned, finding.entry,
                  finding.count == 1
                      ? tr("seen once in breaches")
                      : tr("seen %1 times in breaches").arg(QLocale().toString(finding.count)));

    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        item->setExpanded(item->childCount() > 0);
    }
}

void HealthDialog::itemActivated(QTreeWidgetItem* item) {
    const QVariant id = item ? item->data(TitleColumn, EntryIdRole) : QVariant();
    if (!id.isValid())
        return;
    Q_EMIT entryActivated(id.toByteArray());
    if (m_closeOnActivate)
        accept();
}

} // namespace tessera::ui
