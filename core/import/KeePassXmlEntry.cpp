// A KeePass <Entry> in Tessera's terms. Standard strings become the entry's fields; "otp"
// (KeePassXC) or TimeOtp-* (KeePass 2.47+) or "TOTP Seed"/"TOTP Settings" (old KeePassXC) become
// the TOTP; KP2A_URL* strings are further URLs; every other string is a custom field (protected
// when the file marks it so). History versions become history items: each value that differs
// from the next newer version, dated when that version was saved.
#include "KeePassXmlEntry.h"

#include "ImportText.h"

#include <QUrl>

namespace tessera {

namespace {

const QString Title = QStringLiteral("Title");
const QString UserName = QStringLiteral("UserName");
const QString Password = QStringLiteral("Password");
const QString Url = QStringLiteral("URL");
const QString Notes = QStringLiteral("Notes");
const QString Otp = QStringLiteral("otp");

bool isTotpKey(const QString& key) {
    return key == Otp || key.startsWith(QLatin1String("TimeOtp-")) ||
           key == QLatin1String("TOTP Seed") || key == QLatin1String("TOTP Settings");
}

bool isExtraUrlKey(const QString& key) {
    return key.startsWith(QLatin1String("KP2A_URL"));
}

// The Tessera field name a KeePass string key is kept under in the history.
QString historyName(const QString& key) {
    if (key == Title)
        return QStringLiteral("title");
    if (key == UserName)
        return QStringLiteral("username");
    if (key == Password)
        return QStringLiteral("password");
    if (key == Url)
        return QStringLiteral("url");
    if (key == Notes)
        return QStringLiteral("notes");
    if (key == Otp)
        return QStringLiteral("totp");
    return key;
}

constexpr char Base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

SecureBuffer base32Encode(const unsigned char* data, std::size_t size) {
    SecureBuffer out;
    unsigned int buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out.appendByte(static_cast<unsigned char>(Base32Alphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.appendByte(static_cast<unsigned char>(Base32Alphabet[(buffer << (5 - bits)) & 31]));
    return out;
}

QString settingOf(const KeePassEntry& entry, const char* key) {
    const KeePassString* s = entry.string(QLatin1String(key));
    return s ? textOf(s->value).trimmed() : QString();
}

// KeePass 2.47+ TimeOtp-* strings, or old KeePassXC "TOTP Seed" + "TOTP Settings" ("30;6").
std::optional<SecureBuffer> keePassTotp(const KeePassEntry& entry, const QString& label) {
    SecureBuffer base32;
    const auto decoded = [](const SecureBuffer& value, bool hex) {
        const QByteArray view = QByteArray::fromRawData(reinterpret_cast<const char*>(value.data()),
                                                        qsizetype(value.size()));
        QByteArray raw = hex ? QByteArray::fromHex(view) : QByteArray::fromBase64(view);
        SecureBuffer encoded = base32Encode(reinterpret_cast<const unsigned char*>(raw.constData()),
                                            std::size_t(raw.size()));
        wipe(raw);
        return encoded;
    };
    const KeePassString* plain = entry.string(QStringLiteral("TimeOtp-Secret-Base32"));
    const KeePassString* utf8 = entry.string(QStringLiteral("TimeOtp-Secret"));
    const KeePassString* hex = entry.string(QStringLiteral("TimeOtp-Secret-Hex"));
    const KeePassString* base64 = entry.string(QStringLiteral("TimeOtp-Secret-Base64"));
    const KeePassString* seed = entry.string(QStringLiteral("TOTP Seed"));
    if (plain) {
        base32 = plain->value.clone();
    } else if (utf8) {
        base32 = base32Encode(utf8->value.data(), utf8->value.size());
    } else if (hex) {
        base32 = decoded(hex->value, true);
    } else if (base64) {
        base32 = decoded(base64->value, false);
    } else if (seed) {
        const QStringList settings =
            settingOf(entry, "TOTP Settings").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        const qint64 period = settings.value(0).toLongLong();
        const int digits = settings.value(1).toInt();
        return otpauthUri(seed->value.view(), label, digits > 0 ? digits : 6,
                          period > 0 ? period : 30, QStringLiteral("SHA1"));
    } else {
        return std::nullopt;
    }
    const int digits = settingOf(entry, "TimeOtp-Length").toInt();
    const qint64 period = settingOf(entry, "TimeOtp-Period").toLongLong();
    QString algorithm = settingOf(entry, "TimeOtp-Algorithm").toUpper();
    algorithm.remove(QLatin1String("HMAC-")).remove(QLatin1Char('-'));
    if (algorithm.isEmpty())
        algorithm = QStringLiteral("SHA1");
    return otpauthUri(base32.view(), label, digits > 0 ? digits : 6, period > 0 ? period : 30,
                      algorithm);
}

// Previous values: what each older version held that the next newer one no longer does.
void addHistory(IncomingEntry& out, std::vector<KeePassEntry>& versions,
                const KeePassEntry& current) {
    std::sort(versions.begin(), versions.end(),
              [](const KeePassEntry& a, const KeePassEntry& b) { return a.modified < b.modified; });
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const KeePassEntry& newer = i + 1 < versions.size() ? versions[i + 1] : current;
        for (KeePassString& s : versions[i].strings) {
            if (s.value.empty() || (isTotpKey(s.key) && s.key != Otp))
                continue;
            const KeePassString* now = newer.string(s.key);
            if (now && now->value.equals(s.value))
                continue;
            out.history.push_back({historyName(s.key), std::move(s.value), newer.modified});
        }
    }
}

} // namespace

const KeePassString* KeePassEntry::string(const QString& key) const {
    for (const KeePassString& s : strings)
        if (s.key == key)
            return &s;
    return nullptr;
}

IncomingEntry convertKeePassEntry(KeePassEntry& entry, const QString& folder, bool trashed,
                                  const std::map<QString, SecureBuffer>& binaries,
                                  QStringList& warnings) {
    IncomingEntry out;
    EntryChanges& c = out.changes;
    QStringList urls;
    QStringList extraUrlKeys;
    for (const KeePassString& s : entry.strings)
        if (isExtraUrlKey(s.key))
            extraUrlKeys.append(s.key);
    extraUrlKeys.sort(); // KP2A_URL, KP2A_URL_1, KP2A_URL_2, ...
    const auto isStandard = [](const QString& key) {
        return key == Title || key == UserName || key == Url || key == Password || key == Notes;
    };
    for (KeePassString& s : entry.strings) {
        if (isStandard(s.key) && s.value.empty())
            continue;
        if (s.key == Title)
            c.title = textOf(s.value).trimmed();
        else if (s.key == UserName)
            c.username = textOf(s.value).trimmed();
        else if (s.key == Url)
            urls.prepend(textOf(s.value).trimmed());
        else if (s.key == Password)
            c.password = s.value.clone();
        else if (s.key == Notes)
            c.notes = s.value.clone();
        else if (s.key == Otp && !s.value.empty())
            c.totp = s.value.clone();
        else if (!isTotpKey(s.key) && !isExtraUrlKey(s.key))
            addField(c, s.key, s.value.clone(), s.isProtected);
    }
    for (const QString& key : extraUrlKeys)
        if (const KeePassString* s = entry.string(key); s && !s->value.empty())
            urls.append(textOf(s->value).trimmed());
    if (!c.totp)
        c.totp = keePassTotp(entry, c.title.value_or(QString()));
    if (!urls.isEmpty())
        c.urls = urls;
    if (!folder.isEmpty())
        c.folder = folder;
    const QStringList tags = splitTags(entry.tags);
    if (!tags.isEmpty())
        c.tags = tags;
    if (entry.expires)
        c.expires = entry.expiryTime;
    out.trashed = trashed;
    out.created = entry.created;
    out.modified = entry.modified;
    for (const KeePassBinaryRef& ref : entry.binaries) {
        const auto found = binaries.find(ref.ref);
        if (found == binaries.end()) {
            warnings.append(QStringLiteral("line %1: attachment \"%2\" refers to binary %3, "
                                           "which the file does not hold; not imported")
                                .arg(entry.line)
                                .arg(ref.name, ref.ref));
            continue;
        }
        out.attachments.push_back({ref.name, found->second.clone()});
    }
    addHistory(out, entry.history, entry);
    return out;
}

} // namespace tessera
