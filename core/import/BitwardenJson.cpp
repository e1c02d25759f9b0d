// Bitwarden's unencrypted JSON export ("File format: .json"). Logins keep every URI, the TOTP,
// the password history; secure notes are entries with notes; cards, identities and SSH keys are
// entries whose details are custom fields (numbers, codes and keys protected). Custom fields of
// every type: text, hidden (protected), boolean ("true"/"false") and linked (the name of the
// field it points at). Encrypted exports are refused: Bitwarden alone holds their key.
//
// Copies: QJsonDocument parses from a QByteArray over the secure buffer (fromRawData: no copy)
// into its own storage, which keeps a copy of every string until the document is destroyed and
// cannot be wiped. Each secret we take is moved into secure memory and its QString wiped.
#include "ImportText.h"
#include "Importers.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <span>

namespace tessera {

namespace {

enum ItemType { Login = 1, SecureNote = 2, Card = 3, Identity = 4, SshKey = 5 };
enum FieldType { Text = 0, Hidden = 1, Boolean = 2, Linked = 3 };

struct NiceName {
    const char* key;
    const char* name;
    bool isProtected;
};

constexpr NiceName CardFields[] = {
    {"cardholderName", "Cardholder name", false},
    {"brand", "Brand", false},
    {"number", "Card number", true},
    {"expMonth", "Expiry month", false},
    {"expYear", "Expiry year", false},
    {"code", "Security code", true},
};
constexpr NiceName IdentityFields[] = {
    {"title", "Title", false},
    {"firstName", "First name", false},
    {"middleName", "Middle name", false},
    {"lastName", "Last name", false},
    {"address1", "Address 1", false},
    {"address2", "Address 2", false},
    {"address3", "Address 3", false},
    {"city", "City", false},
    {"state", "State", false},
    {"postalCode", "Postal code", false},
    {"country", "Country", false},
    {"company", "Company", false},
    {"email", "Email", false},
    {"phone", "Phone", false},
    {"ssn", "Social security number", true},
    {"passportNumber", "Passport number", true},
    {"licenseNumber", "License number", true},
};
constexpr NiceName SshKeyFields[] = {
    {"privateKey", "Private key", true},
    {"publicKey", "Public key", false},
    {"keyFingerprint", "Fingerprint", false},
};

// Bitwarden's LinkedIdType values.
QString linkedName(int id) {
    switch (id) {
    case 100:
        return QStringLiteral("Username");
    case 101:
        return QStringLiteral("Password");
    case 300:
        return QStringLiteral("Cardholder name");
    case 301:
        return QStringLiteral("Expiry month");
    case 302:
        return QStringLiteral("Expiry year");
    case 303:
        return QStringLiteral("Security code");
    case 304:
        return QStringLiteral("Brand");
    case 305:
        return QStringLiteral("Card number");
    default:
        return QStringLiteral("field %1").arg(id);
    }
}

// A JSON scalar as text ("" for null); numbers and booleans as JSON writes them.
QString scalarText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return QString();
}

SecureBuffer secretOf(const QJsonValue& value) {
    QString text = scalarText(value);
    return takeSecret(text);
}

// Every non-empty member of an object as a custom field, with nicer names for the known ones;
// skip: members handled elsewhere.
void objectAsFields(EntryChanges& c, const QJsonObject& object, std::span<const NiceName> names,
                    std::initializer_list<const char*> skip = {}) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (std::any_of(skip.begin(), skip.end(),
                        [&](const char* s) { return key == QLatin1String(s); }))
            continue;
        if (!it.value().isString() && !it.value().isDouble() && !it.value().isBool())
            continue;
        SecureBuffer value = secretOf(it.value());
        if (value.empty())
            continue;
        QString name = key;
        bool isProtected = false;
        for (const NiceName& nice : names) {
            if (key == QLatin1String(nice.key)) {
                name = QLatin1String(nice.name);
                isProtected = nice.isProtected;
            }
        }
        addField(c, name, std::move(value), isProtected);
    }
}

void readLogin(IncomingEntry& entry, const QJsonObject& login) {
    EntryChanges& c = entry.changes;
    const QString username = login.value(QLatin1String("username")).toString();
    if (!username.isEmpty())
        c.username = username;
    if (SecureBuffer password = secretOf(login.value(QLatin1String("password"))); !password.empty())
        c.password = std::move(password);
    if (SecureBuffer totp = secretOf(login.value(QLatin1String("totp"))); !totp.empty())
        c.totp = std::move(totp);
    QStringList urls;
    for (const QJsonValue& uri : login.value(QLatin1String("uris")).toArray()) {
        const QString url = uri.toObject().value(QLatin1String("uri")).toString().trimmed();
        if (!url.isEmpty() && !urls.contains(url))
            urls.append(url);
    }
    if (!urls.isEmpty())
        c.urls = urls;
    const qsizetype passkeys = login.value(QLatin1String("fido2Credentials")).toArray().size();
    if (passkeys > 0)
        addField(c, QStringLiteral("Passkeys"),
                 SecureBuffer::copyOf(QStringLiteral("%1 passkey(s) in Bitwarden; passkeys are "
                                                     "not exported in a usable form")
                                          .arg(passkeys)
                                          .toStdString()),
                 false);
    objectAsFields(
        c, login, {},
        {"username", "password", "totp", "uris", "passwordRevisionDate", "fido2Credentials"});
}

void readCustomFields(EntryChanges& c, const QJsonArray& fields) {
    int unnamed = 0;
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        QString name = field.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = QStringLiteral("Field %1").arg(++unnamed);
        const int type = field.value(QLatin1String("type")).toInt(Text);
        if (type == Linked) {
            const int linked = field.value(QLatin1String("linkedId")).toInt();
            addField(c, name,
                     SecureBuffer::copyOf(
                         QStringLiteral("linked to %1").arg(linkedName(linked)).toStdString()),
                     false);
            continue;
        }
        addField(c, name, secretOf(field.value(QLatin1String("value"))), type == Hidden);
    }
}

std::optional<qint64> timeOf(const QJsonObject& object, const char* key) {
    return parseTimeMs(object.value(QLatin1String(key)).toString());
}

} // namespace

Result<ParsedImport> importBitwardenJson(const SecureBuffer& bytes) {
    if (qint64(bytes.size()) > MaxImportBytes)
        return makeError(
            ErrorCode::TooLarge,
            QStringLiteral("the file is larger than %1 MiB").arg(MaxImportBytes >> 20));
    TESSERA_TRY(checkUtf8(bytes.view(), QStringLiteral("the file")));
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()),
                                                        qsizetype(bytes.size())),
                                &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("line %1: not valid JSON: %2")
                             .arg(lineAt(bytes.view(), std::size_t(error.offset)))
                             .arg(error.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("encrypted")).toBool())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("this is an encrypted Bitwarden export, which only "
                                        "Bitwarden can open; export again as \"JSON\" (not "
                                        "\"JSON (Encrypted)\")"));
    if (!root.value(QLatin1String("items")).isArray())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("not a Bitwarden JSON export (no \"items\" list)"));

    QHash<QString, QString> folders;
    for (const QJsonValue& folder : root.value(QLatin1String("folders")).toArray())
        folders.insert(folder.toObject().value(QLatin1String("id")).toString(),
                       folder.toObject().value(QLatin1String("name")).toString());

    ParsedImport parsed;
    int number = 0;
    for (const QJsonValue& value : root.value(QLatin1String("items")).toArray()) {
        ++number;
        const QString where = QStringLiteral("item %1").arg(number);
        if (!value.isObject()) {
            parsed.skipped.push_back({where, QStringLiteral("not an object")});
            continue;
        }
        const QJsonObject item = value.toObject();
        ImportRecord record;
        record.where = where;
        IncomingEntry& entry = record.entry;
        EntryChanges& c = entry.changes;
        const QString name = item.value(QLatin1String("name")).toString().trimmed();
        c.title = name.isEmpty() ? QStringLiteral("(untitled)") : name;
        if (SecureBuffer notes = secretOf(item.value(QLatin1String("notes"))); !notes.empty())
            c.notes = std::move(notes);
        if (item.value(QLatin1String("favorite")).toBool())
            c.favourite = true;
        const QString folder = folders.value(item.value(QLatin1String("folderId")).toString());
        if (!folder.isEmpty())
            c.folder = folder;
        const int type = item.value(QLatin1String("type")).toInt();
        switch (type) {
        case Login:
            readLogin(entry, item.value(QLatin1String("login")).toObject());
            break;
        case SecureNote:
            break;
        case Card:
            objectAsFields(c, item.value(QLatin1String("card")).toObject(), CardFields);
            c.tags = QStringList{QStringLiteral("Card")};
            break;
        case Identity: {
            QJsonObject identity = item.value(QLatin1String("identity")).toObject();
            const QString username = identity.value(QLatin1String("username")).toString();
            if (!username.isEmpty())
                c.username = username;
            objectAsFields(c, identity, IdentityFields, {"username"});
            c.tags = QStringList{QStringLiteral("Identity")};
            break;
        }
        case SshKey:
            objectAsFields(c, item.value(QLatin1String("sshKey")).toObject(), SshKeyFields);
            c.tags = QStringList{QStringLiteral("SSH key")};
            break;
        default:
            parsed.skipped.push_back(
                {where, QStringLiteral("\"%1\": unknown item type %2").arg(name).arg(type)});
            continue;
        }
        readCustomFields(c, item.value(QLatin1String("fields")).toArray());
        if (item.value(QLatin1String("reprompt")).toInt() == 1)
            addField(c, QStringLiteral("Bitwarden master password re-prompt"),
                     SecureBuffer::copyOf(std::string_view("on")), false);
        for (const QJsonValue& old : item.value(QLatin1String("passwordHistory")).toArray()) {
            const QJsonObject past = old.toObject();
            SecureBuffer password = secretOf(past.value(QLatin1String("password")));
            if (!password.empty())
                entry.history.push_back({QStringLiteral("password"), std::move(password),
                                         timeOf(past, "lastUsedDate").value_or(0)});
        }
        entry.created = timeOf(item, "creationDate").value_or(0);
        entry.modified = timeOf(item, "revisionDate").value_or(0);
        entry.trashed = item.value(QLatin1String("deletedDate")).isString();
        parsed.records.push_back(std::move(record));
    }
    return parsed;
}

} // namespace tessera
