// Turning the secret key on or off: a new key epoch under the same master password.
#include "Vault.h"

#include "KeyRing.h"
#include "VaultSession.h"

namespace tessera {

Status Vault::changeSecretKey(const SecureBuffer& password, const SecureBuffer* currentSecretKey,
                              const SecureBuffer* newSecretKey) {
    if (!m_session)
        return lockedError();
    TESSERA_TRY(m_session->refreshIfChanged());
    VaultSession& s = *m_session;
    if (newSecretKey && newSecretKey->size() != SecretKeyBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a secret key"));
    // A mistyped password here would silently become the new master password: it must open
    // today's vault first (its keys equal the ones this vault was unlocked with).
    const Error wrong = makeError(ErrorCode::WrongPassword,
                                  s.file.header.requiresSecretKey()
                                      ? QStringLiteral("wrong master password or secret key")
                                      : QStringLiteral("wrong password"));
    if (s.file.header.requiresSecretKey() && !currentSecretKey)
        return wrong;
    auto current = deriveMasterKeys(password, s.file.header, currentSecretKey);
    if (!current)
        return current.code() == ErrorCode::WrongPassword ? wrong : current.error();
    if (!s.master || !current->databaseKey.equals(s.master->databaseKey))
        return wrong;
    return changePassword(password, s.file.header.kdf, newSecretKey);
}

} // namespace tessera
