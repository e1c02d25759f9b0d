#include "KeyRing.h"

namespace tessera {

namespace {
constexpr qsizetype TitleIndexBytes = 16;
}

QByteArray u64le(quint64 value) {
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = char(value >> (8 * i));
    return out;
}

VaultKeys VaultKeys::fromVaultKey(Key vaultKey, int format) {
    VaultKeys keys{std::move(vaultKey), {}, {}, {}, {}};
    keys.sealing = deriveSubkey(keys.vaultKey, KeyPurpose::RecordSealing);
    keys.rowMac = {deriveSubkey(keys.vaultKey, KeyPurpose::RowMac), format};
    keys.manifest = deriveSubkey(keys.vaultKey, KeyPurpose::Manifest);
    keys.titleIndex = deriveSubkey(keys.vaultKey, KeyPurpose::TitleIndex);
    return keys;
}

Result<MasterKeys> deriveMasterKeys(const SecureBuffer& password, const Header& header,
                                    const SecureBuffer* secretKey) {
    if (header.requiresSecretKey() && !secretKey)
        return makeError(ErrorCode::WrongPassword,
                         QStringLiteral("this vault needs its secret key as well"));
    if (header.requiresSecretKey() && secretKey->size() != SecretKeyBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a secret key is %1 bytes").arg(SecretKeyBytes));
    TESSERA_TRY(checkAffordable(header.kdf));
    const SecureBuffer normal = normalizePassword(password);
    auto master = argon2id(normal, header.bytes(), {header.kdf.opsLimit, header.kdf.memBytes()});
    if (!master)
        return master.error();
    Key mk = header.requiresSecretKey() ? mixSecretKey(*master, *secretKey) : std::move(*master);
    return MasterKeys{deriveSubkey(mk, KeyPurpose::DatabaseKey),
                      deriveSubkey(mk, KeyPurpose::KeyWrapping)};
}

QByteArray partAd(QByteArrayView vaultId, quint64 epoch, QByteArrayView recordId, Part part) {
    static constexpr QByteArrayView Prefix("tessera");
    QByteArray ad;
    ad.reserve(Prefix.size() + 1 + vaultId.size() + 8 + recordId.size() +
               1); // one allocation per record
    ad.append(Prefix);
    ad.append(char(FormatVersion));
    ad.append(vaultId);
    ad.append(u64le(epoch));
    ad.append(recordId);
    ad.append(char(part));
    return ad;
}

QByteArray wrapAd(QByteArrayView vaultId, QByteArrayView header, quint64 epoch) {
    QByteArray ad("tessera-vk");
    ad.append(vaultId);
    ad.append(header);
    ad.append(u64le(epoch));
    return ad;
}

QByteArray previousKeyAd(QByteArrayView vaultId, quint64 epoch) {
    QByteArray ad("tessera-prev");
    ad.append(vaultId);
    ad.append(u64le(epoch));
    return ad;
}

QByteArray epochLink(const Key& previousVaultKey, QByteArrayView vaultId, quint64 epoch,
                     QByteArrayView header, QByteArrayView keyHash) {
    const Key linkKey = deriveSubkey(previousVaultKey, KeyPurpose::EpochLink);
    Mac m(linkKey);
    m.add(QByteArrayView("tessera-link"));
    m.add(vaultId);
    m.addU64(epoch);
    m.add(header);
    m.add(keyHash);
    return m.finish();
}

QString normalizedTitle(const QString& title) {
    return title.trimmed().normalized(QString::NormalizationForm_C).toCaseFolded();
}

QByteArray titleIndex(const Key& titleKey, const QString& title) {
    return mac(titleKey, normalizedTitle(title).toUtf8()).left(TitleIndexBytes);
}

} // namespace tessera
