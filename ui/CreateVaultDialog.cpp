#include "CreateVaultDialog.h"

#include "KdfPresetBox.h"
#include "SecretKeyDialog.h"
#include "SecurePasswordEdit.h"
#include "StrengthMeter.h"
#include "VaultController.h"

#include "vault/SecretKey.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int MaxNameLength = 100;
constexpr int MaxNameSuffix = 99;

// A file name from the vault name: no path separators or control characters, no leading dot or
// dash.
QString fileNameFor(const QString& name) {
    QString base;
    for (const QChar c : name.trimmed()) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            base += QLatin1Char('-');
        else
            base += c;
    }
    // No hidden file, and nothing a shell would take for an option.
    while (base.startsWith(QLatin1Char('.')) || base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    return base.isEmpty() ? QString() : base + QStringLiteral(".tessera");
}

QLabel* errorStyled(QLabel* label) {
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->setWordWrap(true);
    return label;
}

} // namespace

QStringList CreateVaultDialog::cloudFolders(const QString& home) {
    QStringList found;
    for (const char* name : {"Dropbox", "Nextcloud", "OneDrive", "Sync", "Google Drive"}) {
        const QString path = QDir(home).filePath(QString::fromLatin1(name));
        if (QFileInfo(path).isDir())
            found << path;
    }
    return found;
}

CreateVaultDialog::CreateVaultDialog(VaultController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_folder(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_path(new QLabel(this))
    , m_password(new SecurePasswordEdit(this))
    , m_repeat(new SecurePasswordEdit(this))
    , m_strength(new StrengthMeter(this))
    , m_match(new QLabel(this))
    , m_kdf(new KdfPresetBox(this))
    , m_error(errorStyled(new QLabel(this)))
    , m_busy(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_secretKeyBox(new QCheckBox(tr("Protect with a &secret key"), this)) {
    setWindowTitle(tr("Create a vault"));
    const QString home = QDir::homePath();
    for (const QString& cloud : cloudFolders(home))
        m_folder->addItem(QFileInfo(cloud).fileName() + QStringLiteral(" — ") + cloud, cloud);
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        m_folder->addItem(tr("Documents — %1").arg(documents), documents);
    m_folder->addItem(tr("Home — %1").arg(home), home);
    m_folder->setAccessibleName(tr("Folder"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    browse->setAccessibleName(tr("Choose another folder"));
    connect(browse, &QToolButton::clicked, this, &CreateVaultDialog::browse);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_name->setMaxLength(MaxNameLength);
    m_name->setAccessibleName(tr("Vault name"));
    m_path->setForegroundRole(QPalette::PlaceholderText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_password->setAccessibleName(tr("Master password"));
    m_repeat->setAccessibleName(tr("Repeat master password"));
    m_match->setForegroundRole(QPalette::PlaceholderText);

    auto* warning = new QLabel(
        tr("<b>Nobody can recover a forgotten master password</b> — not Tessera, not your cloud "
           "provider, not us. Without it the vault cannot be opened. Write it down and keep it "
           "somewhere safe."),
        this);
    warning->setWordWrap(true);
    warning->setTextFormat(Qt::RichText);

    m_secretKeyBox->setAccessibleName(tr("Protect with a secret key"));
    auto* keyHelp = new QLabel(
        tr("Besides the master password, the vault then needs a random secret key that this "
           "device keeps and that you print on an Emergency Kit. A copy of the vault file cannot "
           "be opened by guessing the password, however weak. Every other device needs the key "
           "once."),
        this);
    keyHelp->setWordWrap(true);
    keyHelp->setForegroundRole(QPalette::PlaceholderText);
    m_secretKeyBox->setToolTip(keyHelp->text());

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);
    m_createButton = m_buttons->addButton(tr("&Create vault"), QDialogButtonBox::AcceptRole);
    m_createButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateVaultDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateVaultDialog::reject);

    auto* form = new QFormLayout;
    auto* folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("Vault &name:"), m_name);
    form->addRow(QString(), m_path);
    form->addRow(tr("&Master password:"), m_password);
    form->addRow(QString(), m_strength);
    form->addRow(tr("&Repeat:"), m_repeat);
    form->addRow(QString(), m_match);
    form->addRow(tr("&Unlock cost:"), m_kdf);
    form->addRow(QString(), m_secretKeyBox);
    form->addRow(QString(), keyHelp);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(warning);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_folder, &QComboBox::currentIndexChanged, this, &CreateVaultDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &CreateVaultDialog::updateState);
    connect(m_password, &SecurePasswordEdit::changed, this, [this] {
        m_strength->setPassword(m_password->password());
        updateState();
    });
    connect(m_repeat, &SecurePasswordEdit::changed, this, &CreateVaultDialog::updateState);
    connect(m_kdf, &KdfPresetBox::ready, this, &CreateVaultDialog::updateState);
    connect(&m_controller, &VaultController::unlocked, this, [this] {
        if (m_creating) {
            m_creating = false;
            setBusy(false);
            if (m_newKey && m_showNewKey && m_controller.vault()) {
                SecretKeyDialog shown(m_controller.vault()->info(), *m_newKey, this);
                shown.exec();
            }
            m_newKey.reset();
            accept();
        }
    });
    connect(&m_controller, &VaultController::unlockFailed, this, [this](const Error& error) {
        if (!m_creating)
            return;
        m_creating = false;
        setBusy(false);
        m_error->setText(tr("The vault could not be created: %1").arg(error.message));
    });
    proposeFreeName();
    updateState();
    m_password->setFocus();
}

void CreateVaultDialog::proposeFreeName() {
    // "Passwords", else "Passwords 2", "Passwords 3"… in the chosen folder.
    const QString base = tr("Passwords");
    for (int n = 1; n <= MaxNameSuffix; ++n) {
        m_name->setText(n == 1 ? base : QStringLiteral("%1 %2").arg(base).arg(n));
        if (!QFileInfo::exists(vaultPath()))
            return;
    }
}

CreateVaultDialog::~CreateVaultDialog() = default;

void CreateVaultDialog::setFolder(const QString& folder) {
    int index = m_folder->findData(folder);
    if (index < 0) {
        m_folder->addItem(folder, folder);
        index = m_folder->count() - 1;
    }
    m_folder->setCurrentIndex(index);
}

QString CreateVaultDialog::folder() const {
    return m_folder->currentData().toString();
}

QString CreateVaultDialog::vaultPath() const {
    const QString file = fileNameFor(m_name->text());
    return file.isEmpty() ? QString() : QDir(folder()).filePath(file);
}

void CreateVaultDialog::setKdfParams(KdfParams params) {
    m_kdf->setFixedParams(params);
    updateState();
}

void CreateVaultDialog::browse() {
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Folder for the vault file"), folder());
    if (!chosen.isEmpty())
        setFolder(chosen);
}

void CreateVaultDialog::updateState() {
    const QString path = vaultPath();
    const bool exists = !path.isEmpty() && QFileInfo::exists(path);
    if (path.isEmpty())
        m_path->setText(tr("Give the vault a name."));
    else if (exists)
        m_path->setText(tr("%1 already exists: choose another name, or open it instead.")
                            .arg(QFileInfo(path).fileName()));
    else
        m_path->setText(tr("Creates %1").arg(path));
    const bool both = !m_password->isEmpty() && !m_repeat->isEmpty();
    // Lengths are not secret; equals() compares the bytes in constant time.
    const bool same = both && m_password->password().equals(m_repeat->password());
    if (!both)
        m_match->setText(m_password->isEmpty() ? tr("Choose a long passphrase you can remember.")
                                               : tr("Type it again to be sure."));
    else
        m_match->setText(same ? tr("The passwords match.") : tr("The passwords do not match."));
    m_createButton->setEnabled(!m_creating && same && !path.isEmpty() && !exists &&
                               m_kdf->params().has_value());
    m_error->clear();
}

void CreateVaultDialog::create() {
    if (m_creating || !m_createButton->isEnabled())
        return;
    const QString path = vaultPath();
    const QFileInfo folderInfo(folder());
    if (!folderInfo.isDir() || !folderInfo.isWritable()) {
        m_error->setText(tr("The folder %1 cannot be written to.").arg(folder()));
        return;
    }
    if (QFileInfo::exists(path)) {
        m_error->setText(tr("%1 already exists: choose another name, or open it instead.")
                             .arg(QFileInfo(path).fileName()));
        return;
    }
    if (!m_password->password().equals(m_repeat->password())) {
        m_error->setText(tr("The passwords do not match."));
        return;
    }
    const std::optional<KdfParams> kdf = m_kdf->params();
    if (!kdf)
        return;
    m_creating = true;
    setBusy(true);
    std::optional<SecureBuffer> key;
    if (m_secretKeyBox->isChecked()) {
        m_newKey = generateSecretKey();
        key = m_newKey->clone();
    }
    // A copy goes to the worker, so the fields still hold it if creating fails.
    m_controller.create(path, m_password->password().clone(), m_name->text().trimmed(), *kdf,
                        std::move(key));
}

void CreateVaultDialog::setBusy(bool busy) {
    m_busy->setVisible(busy);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_folder, m_name, m_password, m_repeat,
                                                           m_kdf, m_secretKeyBox, m_createButton})
        widget->setEnabled(!busy);
    if (!busy)
        updateState();
}

void CreateVaultDialog::reject() {
    if (m_creating)
        return; // the worker is writing the file: wait for it
    m_password->clear();
    m_repeat->clear();
    QDialog::reject();
}

} // namespace tessera::ui
