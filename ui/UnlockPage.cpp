#include "UnlockPage.h"

#include "AppSettings.h"
#include "SecurePasswordEdit.h"
#include "Theme.h"
#include "VaultController.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int FormWidth = 380;
constexpr int RecentWidth = 220;
constexpr int LogoPixels = 64;

QString displayFolder(const QString& path) {
    const QString folder = QFileInfo(path).absolutePath();
    const QString home = QDir::homePath();
    if (folder == home)
        return QStringLiteral("~");
    if (folder.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + folder.mid(home.size());
    return folder;
}

} // namespace

UnlockPage::UnlockPage(VaultController& controller, AppSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_settings(settings)
    , m_recent(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_location(new QLabel(this))
    , m_password(new SecurePasswordEdit(this))
    , m_reveal(new QToolButton(this))
    , m_capsLock(new QLabel(tr("Caps Lock is on"), this))
    , m_error(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_unlock(new QPushButton(theme::icon(QStringLiteral("unlock")), tr("&Unlock"), this))
    , m_openOther(new QPushButton(tr("Open &another vault…"), this))
    , m_create(new QPushButton(tr("&New vault…"), this)) {
    m_recent->setAccessibleName(tr("Recent vaults"));
    m_recent->setFixedWidth(RecentWidth);
    m_recent->setFocusPolicy(Qt::ClickFocus);
    connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        setVault(item->data(Qt::UserRole).toString());
        reset();
    });
    m_recent->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_recent, &QListWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QListWidgetItem* item = m_recent->itemAt(at);
        if (!item)
            return;
        const QString path = item->data(Qt::UserRole).toString();
        QMenu menu(this);
        // Only the list entry goes: the vault file stays where it is.
        menu.addAction(tr("&Remove from this list"), this, [this, path] {
            m_settings.removeRecentVault(path);
            refreshRecent();
        });
        menu.exec(m_recent->viewport()->mapToGlobal(at));
    });
    auto* recentTitle = new QLabel(tr("Recent vaults"), this);
    recentTitle->setBuddy(m_recent);
    auto* recentBox = new QVBoxLayout;
    recentBox->addWidget(recentTitle);
    recentBox->addWidget(m_recent);
    recentBox->addWidget(m_openOther);
    recentBox->addWidget(m_create);

    auto* logo = new QLabel(this);
    logo->setPixmap(theme::icon(QStringLiteral("lock")).pixmap(LogoPixels, LogoPixels));
    logo->setAlignment(Qt::AlignCenter);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_location->setAlignment(Qt::AlignCenter);
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setForegroundRole(QPalette::PlaceholderText);

    m_password->setAccessibleName(tr("Master password"));
    m_password->setPlaceholderText(tr("Master password"));
    m_reveal->setIcon(theme::icon(QStringLiteral("reveal")));
    m_reveal->setCheckable(true);
    m_reveal->setToolTip(tr("Show the password"));
    m_reveal->setAccessibleName(tr("Show the password"));
    m_reveal->setFocusPolicy(Qt::ClickFocus);
    connect(m_reveal, &QToolButton::toggled, m_password, &SecurePasswordEdit::setRevealed);
    connect(m_password, &SecurePasswordEdit::returnPressed, this, &UnlockPage::unlock);
    connect(m_password, &SecurePasswordEdit::changed, this, [this] { m_error->clear(); });
    connect(m_password, &SecurePasswordEdit::capsLockChanged, this, &UnlockPage::updateCapsLock);

    QPalette warning = m_capsLock->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc0, 0x7a, 0x00));
    m_capsLock->setPalette(warning);
    m_capsLock->setVisible(false);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText,
                          theme::isDark() ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(errorPalette);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Unlock error"));
    m_busy->setRange(0, 0); // indeterminate: the KDF has no progress to report
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    QSizePolicy keep = m_busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true); // the form does not jump when unlocking starts
    m_busy->setSizePolicy(keep);
    m_busy->setVisible(false);
    m_busy->setAccessibleName(tr("Unlocking"));
    m_unlock->setDefault(true);
    connect(m_unlock, &QPushButton::clicked, this, &UnlockPage::unlock);
    connect(m_openOther, &QPushButton::clicked, this, &UnlockPage::openOtherRequested);
    connect(m_create, &QPushButton::clicked, this, &UnlockPage::createRequested);
    connect(&m_controller, &VaultController::busyChanged, this, &UnlockPage::setBusy);
    connect(&m_controller, &VaultController::unlockFailed, this, [this](const Error& error) {
        if (isVisible())
            showError(describe(error));
    });

    auto* field = new QHBoxLayout;
    field->setSpacing(4);
    field->addWidget(m_password);
    field->addWidget(m_reveal);
    auto* form = new QVBoxLayout;
    form->addStretch(2);
    form->addWidget(logo);
    form->addWidget(m_title);
    form->addWidget(m_location);
    form->addSpacing(12);
    form->addLayout(field);
    form->addWidget(m_capsLock);
    form->addWidget(m_busy);
    form->addWidget(m_error);
    form->addWidget(m_unlock, 0, Qt::AlignRight);
    form->addStretch(3);
    auto* formWidget = new QWidget(this);
    formWidget->setLayout(form);
    formWidget->setFixedWidth(FormWidth);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(recentBox);
    layout->addStretch();
    layout->addWidget(formWidget);
    layout->addStretch();
    setFocusProxy(m_password);
}

void UnlockPage::setVault(const QString& path) {
    m_path = QFileInfo(path).absoluteFilePath();
    m_title->setText(tr("Unlock %1").arg(QFileInfo(m_path).completeBaseName()));
    m_location->setText(displayFolder(m_path));
    m_location->setToolTip(m_path);
    refreshRecent();
}

void UnlockPage::reset() {
    m_password->clear();
    m_error->clear();
    m_reveal->setChecked(false);
    refreshRecent();
    updateCapsLock();
    setBusy(m_controller.isBusy());
    m_password->setFocus(Qt::OtherFocusReason);
}

void UnlockPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refreshRecent();
    m_password->setFocus(Qt::OtherFocusReason);
}

void UnlockPage::refreshRecent() {
    m_recent->clear();
    const QStringList recent = m_settings.recentVaults();
    for (const QString& path : recent) {
        auto* item = new QListWidgetItem(theme::icon(QStringLiteral("lock")),
                                         QFileInfo(path).completeBaseName(), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        if (path == m_path)
            m_recent->setCurrentItem(item);
    }
}

void UnlockPage::updateCapsLock() {
    m_capsLock->setVisible(SecurePasswordEdit::capsLockOn());
}

void UnlockPage::unlock() {
    if (m_controller.isBusy())
        return;
    if (m_path.isEmpty()) {
        showError(tr("Choose a vault file first."));
        return;
    }
    if (m_password->isEmpty()) {
        showError(tr("Type the master password."));
        return;
    }
    m_error->clear();
    m_controller.unlock(m_path, m_password->takePassword());
}

void UnlockPage::setBusy(bool busy) {
    m_busy->setVisible(busy);
    m_password->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
    m_recent->setEnabled(!busy);
    m_openOther->setEnabled(!busy);
    m_create->setEnabled(!busy);
    if (!busy && isVisible())
        m_password->setFocus(Qt::OtherFocusReason);
}

void UnlockPage::showError(const QString& message) {
    m_error->setText(message);
}

QString UnlockPage::errorText() const {
    return m_error->text();
}

QString UnlockPage::describe(const Error& error) {
    switch (error.code) {
    case ErrorCode::WrongPassword:
        return tr("Wrong master password. Try again.");
    case ErrorCode::NotAVault:
        return tr("This file is not a Tessera vault.");
    case ErrorCode::NewerVersion:
        return tr("This vault was made by a newer version of Tessera: update Tessera to open it.");
    case ErrorCode::Damaged:
        return tr("The vault file is damaged and cannot be read: restore a backup or an earlier "
                  "version from your cloud folder's history.");
    case ErrorCode::Tampered:
        return tr("The vault file failed its integrity checks (tampered with or damaged); nothing "
                  "was opened.");
    case ErrorCode::ResourceLimit:
        return tr("This computer cannot unlock the vault: %1").arg(error.message);
    case ErrorCode::NotFound:
        return tr("The vault file is not there any more: %1").arg(error.message);
    case ErrorCode::Io:
        return tr("The vault file could not be read: %1").arg(error.message);
    default:
        return tr("The vault could not be opened: %1").arg(error.message);
    }
}

} // namespace tessera::ui
