#include "SecretKeyDialog.h"

#include "EmergencyKit.h"
#include "crypto/Crypto.h"
#include "vault/SecretKey.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr qreal KeyFontScale = 1.5;

EmergencyKit kitFor(const VaultInfo& vault, const SecureBuffer& key) {
    EmergencyKit kit;
    kit.vaultName = vault.name;
    kit.vaultId = vault.id;
    kit.vaultPath = vault.path;
    kit.made = QDateTime::currentDateTime();
    kit.secretKey = &key;
    return kit;
}

} // namespace

SecretKeyDialog::SecretKeyDialog(const VaultInfo& vault, const SecureBuffer& key, QWidget* parent)
    : QDialog(parent)
    , m_vault(vault)
    , m_key(key.clone())
    , m_keyLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_saveKit(new QPushButton(tr("&Save Emergency Kit…"), this)) {
    setWindowTitle(tr("Your secret key"));
    auto* intro = new QLabel(
        tr("The vault \u201c%1\u201d now opens only with your master password <b>and</b> this "
           "secret key. This device keeps the key; every other device asks for it once.")
            .arg(vault.name.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    const SecureBuffer text = formatSecretKey(m_key);
    m_shown =
        QString::fromLatin1(reinterpret_cast<const char*>(text.data()), qsizetype(text.size()));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * KeyFontScale);
    mono.setBold(true);
    m_keyLabel->setFont(mono);
    m_keyLabel->setTextFormat(Qt::PlainText);
    m_keyLabel->setText(m_shown);
    m_keyLabel->setAlignment(Qt::AlignCenter);
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyLabel->setAccessibleName(tr("Secret key"));
    m_keyLabel->setFrameShape(QFrame::StyledPanel);
    m_keyLabel->setMinimumHeight(m_keyLabel->sizeHint().height() * 2);

    auto* advice = new QLabel(
        tr("<b>Save the Emergency Kit now and print it.</b> It holds this key and a box for your "
           "master password, to be written by hand. Without the key nobody can open the vault on "
           "a new device, not even you. This is the only time the key is shown."),
        this);
    advice->setWordWrap(true);
    advice->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveKit, QDialogButtonBox::ActionRole);
    m_saveKit->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveKit, &QPushButton::clicked, this,
            [this] { (void)saveKitInteractively(this, m_vault, m_key); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_keyLabel);
    layout->addWidget(advice);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

SecretKeyDialog::~SecretKeyDialog() {
    m_keyLabel->setText(QString());
    wipe(m_shown);
}

void SecretKeyDialog::done(int result) {
    m_keyLabel->setText(QString());
    wipe(m_shown);
    m_key.clear();
    QDialog::done(result);
}

Status SecretKeyDialog::saveKitTo(const QString& path) {
    const Status written = writeEmergencyKit(path, kitFor(m_vault, m_key), true);
    m_status->setText(
        written ? tr("Saved the Emergency Kit to %1. Print it, then delete the file.")
                      .arg(QDir::toNativeSeparators(path))
                : tr("The Emergency Kit could not be saved: %1").arg(written.error().message));
    return written;
}

bool SecretKeyDialog::saveKitInteractively(QWidget* parent, const VaultInfo& vault,
                                           const SecureBuffer& key) {
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(tr("%1 Emergency Kit.pdf").arg(vault.name));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save Emergency Kit"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (auto* dialog = qobject_cast<SecretKeyDialog*>(parent))
        return dialog->saveKitTo(path).ok();
    const Status written = writeEmergencyKit(path, kitFor(vault, key), true);
    if (!written) {
        QMessageBox::warning(
            parent, tr("Save Emergency Kit"),
            tr("The Emergency Kit could not be saved: %1").arg(written.error().message));
        return false;
    }
    QMessageBox::information(parent, tr("Save Emergency Kit"),
                             tr("Saved the Emergency Kit to %1. Print it, then delete the file.")
                                 .arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace tessera::ui
