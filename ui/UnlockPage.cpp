#include "UnlockPage.h"

#include "AppSettings.h"
#include "SecurePasswordEdit.h"
#include "Theme.h"
#include "VaultController.h"

#include "vault/SecretKey.h"

#include <QCheckBox>
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
constexpr int ThrottleTickMs = 250;
constexpr qint64 MsPerSecond = 1000;

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
    , m_create(new QPushButton(tr("&New vault…"), this))
    , m_keyBox(new QWidget(this))
    , m_secretKey(new SecurePasswordEdit(m_keyBox))
    , m_rememberKey(new QCheckBox(tr("&Remember on this device"), m_keyBox))
    , m_throttle(new QLabel(this)) {
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
        if (isVisible()) {
            const bool withKey = error.code == ErrorCode::WrongPassword && !m_path.isEmpty() &&
                                 m_controller.needsSecretKey(m_path);
            showError(withKey ? tr("Wrong master password or secret key. Try again.")
                              : describe(error));
            // The key this device stored may be out of date (replaced on another device): let
            // the user type the one from the new Emergency Kit.
            if (withKey && m_keyBox->isHidden())
                m_keyBox->setVisible(true);
        }
        refreshThrottle();
    });

    auto* field = new QHBoxLayout;
    field->setSpacing(4);
    field->addWidget(m_password);
    field->addWidget(m_reveal);

    // The secret key: typed from the Emergency Kit, kept in secure memory like the password.
    auto* keyHint = new QLabel(tr("This vault also needs its <b>secret key</b> (T1-…). It is on "
                                  "the vault's Emergency Kit, or on a device that opens it."),
                               m_keyBox);
    keyHint->setWordWrap(true);
    keyHint->setTextFormat(Qt::RichText);
    m_secretKey->setAccessibleName(tr("Secret key"));
    m_secretKey->setPlaceholderText(tr("Secret key: T1-XXXXX-XXXXX-…"));
    m_secretKey->setRevealed(true); // copied from paper: people need to see what they type
    m_rememberKey->setChecked(true);
    m_rememberKey->setToolTip(tr("Keep the key in this computer's keyring (or a private file) so "
                                 "that only the master password is asked for next time."));
    connect(m_secretKey, &SecurePasswordEdit::returnPressed, this, &UnlockPage::unlock);
    connect(m_secretKey, &SecurePasswordEdit::changed, this, [this] { m_error->clear(); });
    auto* keyLayout = new QVBoxLayout(m_keyBox);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(keyHint);
    keyLayout->addWidget(m_secretKey);
    keyLayout->addWidget(m_rememberKey);
    m_keyBox->setVisible(false);

    m_throttle->setWordWrap(true);
    m_throttle->setAccessibleName(tr("Unlock wait"));
    m_throttle->setToolTip(throttleExplanation());
    m_throttle->setWhatsThis(throttleExplanation());
    m_throttle->setVisible(false);
    m_throttleTimer.setInterval(ThrottleTickMs);
    connect(&m_throttleTimer, &QTimer::timeout, this, &UnlockPage::refreshThrottle);
    auto* form = new QVBoxLayout;
    form->addStretch(2);
    form->addWidget(logo);
    form->addWidget(m_title);
    form->addWidget(m_location);
    form->addSpacing(12);
    form->addLayout(field);
    form->addWidget(m_keyBox);
    form->addWidget(m_capsLock);
    form->addWidget(m_busy);
    form->addWidget(m_error);
    form->addWidget(m_throttle);
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
    updateSecretKeyBox();
    refreshThrottle();
}

void UnlockPage::updateSecretKeyBox() {
    m_secretKey->clear();
    m_keyBox->setVisible(!m_path.isEmpty() && m_controller.needsSecretKey(m_path) &&
                         !m_controller.hasStoredSecretKey(m_path));
}

QString UnlockPage::throttleExplanation() {
    return tr("After three wrong passwords Tessera waits before the next try (1, 2, 4, 8… up to "
              "30 seconds). This only slows down guessing in this window. Someone with a copy "
              "of the vault file guesses without Tessera: what protects the file is the cost "
              "of the key derivation for every single guess (set when the vault was created) "
              "and, if the vault has one, its secret key, without which guessing is hopeless.");
}

bool UnlockPage::throttled() const {
    return !m_path.isEmpty() && m_controller.throttle().remainingMs(m_path) > 0;
}

void UnlockPage::refreshThrottle() {
    const qint64 remaining = m_path.isEmpty() ? 0 : m_controller.throttle().remainingMs(m_path);
    if (remaining <= 0) {
        m_throttleTimer.stop();
        m_throttle->setVisible(false);
        m_unlock->setEnabled(!m_busyNow);
        return;
    }
    const int seconds = int((remaining + MsPerSecond - 1) / MsPerSecond);
    m_throttle->setText(
        tr("Too many wrong passwords: you can try again in %n second(s).", nullptr, seconds));
    m_throttle->setVisible(true);
    m_unlock->setEnabled(false);
    if (!m_throttleTimer.isActive())
        m_throttleTimer.start();
}

void UnlockPage::reset() {
    m_password->clear();
    m_error->clear();
    m_reveal->setChecked(false);
    updateSecretKeyBox();
    refreshThrottle();
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
    if (throttled()) {
        refreshThrottle();
        return;
    }
    if (m_password->isEmpty()) {
        showError(tr("Type the master password."));
        return;
    }
    std::optional<SecureBuffer> key;
    if (m_keyBox->isVisible()) {
        if (m_secretKey->isEmpty()) {
            showError(tr("Type the secret key from the vault's Emergency Kit."));
            m_secretKey->setFocus(Qt::OtherFocusReason);
            return;
        }
        auto parsed = parseSecretKey(m_secretKey->password().view());
        if (!parsed) {
            // A typo is caught by the key's checksum: never reported as a wrong password.
            if (parsed.code() == ErrorCode::NewerVersion)
                showError(tr("This secret key was made by a newer version of Tessera."));
            else if (parsed.error().message.contains(QLatin1String("typo")))
                showError(tr("This secret key has a typo: compare it with the Emergency Kit "
                             "character by character."));
            else
                showError(tr("This is not a complete secret key: it looks like "
                             "T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX."));
            m_secretKey->setFocus(Qt::OtherFocusReason);
            return;
        }
        key = std::move(*parsed);
    }
    m_error->clear();
    const bool remember = key.has_value() && m_rememberKey->isChecked();
    m_controller.unlock(m_path, m_password->takePassword(), std::move(key), remember);
}

void UnlockPage::setBusy(bool busy) {
    m_busyNow = busy;
    m_busy->setVisible(busy);
    m_password->setEnabled(!busy);
    m_keyBox->setEnabled(!busy);
    m_unlock->setEnabled(!busy && !throttled());
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
