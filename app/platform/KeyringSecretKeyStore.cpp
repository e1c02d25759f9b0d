#include "KeyringSecretKeyStore.h"

#include "crypto/Crypto.h"
#include "vault/SecretKey.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace tessera {

namespace {

const QString Service = QStringLiteral("Tessera secret keys");

// Starts the job and waits for it.
void run(QKeychain::Job& job) {
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plaintext QSettings file
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

Error keyringError(const QKeychain::Job& job, const QString& what) {
    return makeError(
        ErrorCode::Io,
        QStringLiteral("the desktop keyring could not %1: %2").arg(what, job.errorString()));
}

// Wipes the bytes of a QByteArray in place, also for the other QByteArrays sharing them.
void wipeShared(const QByteArray& bytes) {
    wipe(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
}

} // namespace

QString KeyringSecretKeyStore::location() const {
    return QStringLiteral("the desktop keyring");
}

Result<SecureBuffer> KeyringSecretKeyStore::load(const QByteArray& vaultId) const {
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(QString::fromLatin1(vaultId.toHex()));
    run(job);
    if (job.error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no secret key stored on this device for this vault"));
    if (job.error() != QKeychain::NoError)
        return keyringError(job, QStringLiteral("read the secret key"));
    // qtkeychain hands the data over in a QByteArray (and keeps D-Bus copies we cannot reach):
    // ours is wiped as soon as it is parsed.
    const QByteArray text = job.binaryData();
    auto key = parseSecretKey(std::string_view(text.constData(), std::size_t(text.size())));
    wipeShared(text);
    return key;
}

Status KeyringSecretKeyStore::save(const QByteArray& vaultId, const SecureBuffer& key) {
    const SecureBuffer text = formatSecretKey(key);
    QByteArray data(reinterpret_cast<const char*>(text.data()), qsizetype(text.size()));
    QKeychain::WritePasswordJob job(Service);
    job.setKey(QString::fromLatin1(vaultId.toHex()));
    job.setBinaryData(data);
    run(job);
    wipeShared(data); // the job shares this buffer: wiped in place, for both
    if (job.error() != QKeychain::NoError)
        return keyringError(job, QStringLiteral("store the secret key"));
    return {};
}

Status KeyringSecretKeyStore::remove(const QByteArray& vaultId) {
    QKeychain::DeletePasswordJob job(Service);
    job.setKey(QString::fromLatin1(vaultId.toHex()));
    run(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keyringError(job, QStringLiteral("remove the secret key"));
    return {};
}

} // namespace tessera
