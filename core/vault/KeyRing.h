#pragma once
// The key schedule of core/FORMAT.md: master keys from the password, vault keys from VK, and the
// associated data that binds every sealed value to its place.

#include "Header.h"
#include "common/Result.h"
#include "crypto/Crypto.h"

namespace tessera {

inline constexpr std::size_t VaultIdBytes = 16;

// Derived from the master password (and secret key); needed only while opening or re-keying.
struct MasterKeys {
    Key databaseKey;
    Key wrappingKey;
};

// The row-MAC key, with the format version (PRAGMA user_version) of the file it is used on: what
// a row MAC covers depends on it (core/FORMAT.md "Integrity").
struct RowMacKey {
    Key key;
    int format = 0;
};

// Everything an unlocked vault needs, all derived from VK.
struct VaultKeys {
    Key vaultKey;
    Key sealing;
    RowMacKey rowMac;
    Key manifest;
    Key titleIndex;
    static VaultKeys fromVaultKey(Key vaultKey, int format);
};

enum class Part : unsigned char {
    Overview = 1,
    Details = 2,
    AttachmentInfo = 3,
    AttachmentContent = 4,
    VaultName = 5,
};

// Argon2id over the NFC password with the header as salt, then the optional secret key mixed in.
Result<MasterKeys> deriveMasterKeys(const SecureBuffer& password, const Header& header,
                                    const SecureBuffer* secretKey);

QByteArray partAd(QByteArrayView vaultId, quint64 epoch, QByteArrayView recordId, Part part);
QByteArray wrapAd(QByteArrayView vaultId, QByteArrayView header, quint64 epoch);
QByteArray previousKeyAd(QByteArrayView vaultId, quint64 epoch);
QByteArray epochLink(const Key& previousVaultKey, QByteArrayView vaultId, quint64 epoch,
                     QByteArrayView header, QByteArrayView keyHash);

// Keyed index of a title: NFC, case-folded, trimmed (first 16 bytes of the MAC).
QByteArray titleIndex(const Key& titleKey, const QString& title);
// The form titles are compared in: trimmed, NFC, case-folded.
QString normalizedTitle(const QString& title);

QByteArray u64le(quint64 value);

} // namespace tessera
