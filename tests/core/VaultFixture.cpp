#include "VaultFixture.h"

#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"
#include "vault/Integrity.h"
#include "vault/KeyRing.h"
#include "vault/RecordCodec.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace tessera::test {

const QByteArray VaultSandbox::MasterPassword = QByteArrayLiteral("correct horse battery staple");
const QString VaultSandbox::VaultName = QStringLiteral("Family vault");
const QByteArray NewPassword = QByteArrayLiteral("new master password, after a leak");

SecureBuffer secret(std::string_view text) {
    return SecureBuffer::copyOf(text);
}

SecureBuffer secret(const char* text) {
    return SecureBuffer::copyOf(std::string_view(text));
}

SecureBuffer secret(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

QString hexId(const QByteArray& id) {
    return QString::fromLatin1(id.toHex());
}

const char* codeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::WrongPassword:
        return "WrongPassword";
    case ErrorCode::NotAVault:
        return "NotAVault";
    case ErrorCode::NewerVersion:
        return "NewerVersion";
    case ErrorCode::Damaged:
        return "Damaged";
    case ErrorCode::Tampered:
        return "Tampered";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::Ambiguous:
        return "Ambiguous";
    case ErrorCode::ChangedOnDisk:
        return "ChangedOnDisk";
    case ErrorCode::TooLarge:
        return "TooLarge";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::Io:
        return "Io";
    case ErrorCode::ResourceLimit:
        return "ResourceLimit";
    case ErrorCode::Locked:
        return "Locked";
    case ErrorCode::OtherVault:
        return "OtherVault";
    case ErrorCode::PasswordNeeded:
        return "PasswordNeeded";
    case ErrorCode::OlderEpoch:
        return "OlderEpoch";
    case ErrorCode::PossibleRollback:
        return "PossibleRollback";
    }
    return "?";
}

// ---- VaultSandbox ----

VaultSandbox::VaultSandbox() {
    if (m_dir.isValid())
        QDir(m_dir.path()).mkpath(QStringLiteral("cloud"));
}

QString VaultSandbox::vaultPath(const QString& vault) const {
    return cloudDir() + QLatin1Char('/') + vault + QStringLiteral(".tessera");
}

QString VaultSandbox::dataDir(const QString& device) const {
    return m_dir.filePath(QStringLiteral("data-") + device);
}

Device VaultSandbox::device(const QString& name) const {
    return Device{dataDir(name), &m_clock};
}

QString VaultSandbox::workingCopy(const QString& device, const QString& vault) const {
    auto store = DeviceStore::open(dataDir(device));
    return store ? store->workingCopyPath(canonicalVaultPath(vaultPath(vault))) : QString();
}

QString VaultSandbox::backupDir(const QString& device, const QString& vault) const {
    auto store = DeviceStore::open(dataDir(device));
    return store ? store->backupDir(canonicalVaultPath(vaultPath(vault))) : QString();
}

Result<std::unique_ptr<Vault>> VaultSandbox::create(const QString& device,
                                                    const QByteArray& password,
                                                    const QString& vault, KdfParams kdf) const {
    Vault::CreateOptions options;
    options.name = VaultName;
    options.kdf = kdf;
    return Vault::create(this->device(device), vaultPath(vault), secret(password), options);
}

Result<std::unique_ptr<Vault>> VaultSandbox::unlock(const QString& device,
                                                    const QByteArray& password,
                                                    const QString& vault) const {
    return Vault::unlock(this->device(device), vaultPath(vault), secret(password));
}

// ---- Sample entries ----

namespace {

struct Service {
    const char* name;
    const char* host;
    const char* folder;
    const char* tag;
};

constexpr Service Services[] = {
    {"GitHub", "github.com", "Work/Code", "dev"},
    {"Gmail", "mail.google.com", "Personal/Email", "email"},
    {"Deutsche Bank", "meine.deutsche-bank.de", "Personal/Finance", "finance"},
    {"Amazon", "www.amazon.de", "Personal/Shopping", "shopping"},
    {"Nextcloud", "cloud.example.org", "Work/Infrastructure", "selfhosted"},
    {"Steam", "store.steampowered.com", "Personal/Games", "games"},
    {"Router admin", "192.168.1.1", "Home", "network"},
    {"Café Zürich Wi-Fi", "portal.cafe-zuerich.ch", "Travel", "wifi"},
};
constexpr int ServiceCount = int(std::size(Services));

} // namespace

QString sampleTitle(int index) {
    return QString::fromUtf8(Services[index % ServiceCount].name) + QLatin1Char(' ') +
           QString::number(index);
}

EntryChanges sampleEntry(int index) {
    const Service& service = Services[index % ServiceCount];
    const QString host = QString::fromLatin1(service.host);
    EntryChanges c;
    c.title = sampleTitle(index);
    c.username = QStringLiteral("user%1@example.com").arg(index);
    c.urls = QStringList{QStringLiteral("https://") + host + QStringLiteral("/login")};
    if (index % 2 == 0)
        c.urls->append(QStringLiteral("https://") + host +
                       QStringLiteral("/account/%1").arg(index));
    c.tags = QStringList{QString::fromLatin1(service.tag)};
    if (index % 3 == 0)
        c.tags->append(QStringLiteral("important"));
    c.folder = QString::fromUtf8(service.folder);
    c.favourite = index % 3 == 0;
    if (index % 4 == 0)
        c.expires = FixtureNowMs + qint64(index + 30) * 24 * 3600 * 1000;
    c.password = secret("pw-" + QByteArray::number(index) + "-Tr0ub4dor&3-" +
                        QByteArray::number(index * 7919, 36));
    c.notes =
        secret("Notes for entry " + QByteArray::number(index) +
               ".\nSecurity question: first pet? Answer: Rex " + QByteArray::number(index) + ".\n");
    if (index % 2 == 1)
        c.totp =
            secret("otpauth://totp/" + QByteArray(service.host) + ":user?secret=JBSWY3DPEHPK3PXP" +
                   QByteArray::number(index) + "&issuer=Example");
    c.fields.push_back({QStringLiteral("Customer number"),
                        secret("C-" + QByteArray::number(100000 + index)), false});
    if (index % 2 == 0)
        c.fields.push_back(
            {QStringLiteral("PIN"), secret(QByteArray::number(1000 + index * 37)), true});
    return c;
}

Result<std::vector<EntryId>> addSampleEntries(Vault& vault, int count, int first) {
    std::vector<EntryId> ids;
    for (int i = first; i < first + count; ++i) {
        auto id = vault.add(sampleEntry(i));
        if (!id)
            return id.error();
        ids.push_back(*id);
    }
    return ids;
}

// ---- Devices, stamps, history ----

namespace {
constexpr int HlcCounterBits = 16; // FORMAT.md: HLC = 48-bit ms << 16 | counter
} // namespace

QByteArray deviceIdOf(const QString& dataDir) {
    auto store = DeviceStore::open(dataDir);
    return store ? store->deviceId() : QByteArray();
}

bool stampedAt(const Stamp& stamp, qint64 nowMs, const QByteArray& device) {
    return qint64(stamp.hlc >> HlcCounterBits) == nowMs && stamp.device == device;
}

const HistoryItem* findHistory(const EntryDetails& details, const QString& field,
                               const QByteArray& value) {
    for (const HistoryItem& item : details.history)
        if (item.field == field && bytesOf(item.value) == value)
            return &item;
    return nullptr;
}

// ---- Dump ----

namespace {

QByteArray stampText(const Stamp& stamp) {
    return QByteArray::number(stamp.hlc) + '@' + stamp.device.toHex();
}

QByteArray textLine(const char* name, const Register<QString>& reg) {
    return QByteArray(name) + '=' + reg.value.toUtf8().toHex() + ' ' + stampText(reg.stamp) + '\n';
}

QByteArray secretLine(const char* name, const Register<SecureBuffer>& reg) {
    return QByteArray(name) + '=' + bytesOf(reg.value).toHex() + ' ' + stampText(reg.stamp) + '\n';
}

QByteArray elementLines(const char* name, const std::vector<SetElement>& elements) {
    QByteArray out;
    for (const SetElement& e : elements)
        out += QByteArray(name) + '=' + e.value.toUtf8().toHex() + (e.removed ? " removed " : " ") +
               stampText(e.stamp) + '\n';
    return out;
}

} // namespace

Result<QByteArray> dumpVault(const Vault& vault) {
    QByteArray out = "name=" + vault.info().name.toUtf8().toHex() + '\n';
    for (const EntryOverview& o : vault.entries()) {
        out += "entry " + o.id.toHex() + '\n';
        out += textLine("title", o.title);
        out += textLine("username", o.username);
        out += elementLines("url", o.urls);
        out += elementLines("tag", o.tags);
        out += textLine("folder", o.folder);
        out += "favourite=" + QByteArray::number(o.favourite.value) + ' ' +
               stampText(o.favourite.stamp) + '\n';
        out += "expires=" + QByteArray::number(o.expires.value) + ' ' + stampText(o.expires.stamp) +
               '\n';
        out += "trashed=" + QByteArray::number(o.trashed.value) + ' ' + stampText(o.trashed.stamp) +
               '\n';
        out += "created=" + QByteArray::number(o.created) +
               " modified=" + QByteArray::number(o.modified) + '\n';
        auto d = vault.details(o.id);
        if (!d)
            return d.error();
        out += secretLine("password", d->password);
        out += secretLine("notes", d->notes);
        out += secretLine("totp", d->totp);
        for (const CustomField& f : d->fields)
            out += "field=" + f.name.toUtf8().toHex() + ' ' + bytesOf(f.value).toHex() +
                   (f.isProtected ? " protected" : "") + (f.removed ? " removed " : " ") +
                   stampText(f.stamp) + '\n';
        for (const HistoryItem& h : d->history)
            out += "history=" + h.field.toUtf8().toHex() + ' ' + bytesOf(h.value).toHex() + ' ' +
                   stampText(h.stamp) + '\n';
        auto attachments = vault.attachments(o.id);
        if (!attachments)
            return attachments.error();
        for (const AttachmentInfo& a : *attachments) {
            auto content = vault.attachmentContent(o.id, a.name);
            if (!content)
                return content.error();
            out += "attachment=" + a.id.toHex() + ' ' + a.name.toUtf8().toHex() + ' ' +
                   QByteArray::number(a.size) + ' ' + QByteArray::number(a.added) + ' ' +
                   hash(bytesOf(*content)).toHex() + '\n';
        }
    }
    return out;
}

QByteArray titlesOf(const Vault& vault) {
    QStringList titles;
    for (const EntryOverview& o : vault.entries())
        titles.append(o.title.value);
    return titles.join(QStringLiteral(", ")).toUtf8();
}

// ---- Raw access ----

Result<OpenVault> openVaultRaw(const QString& path, const QByteArray& password, Trust trust,
                               const SecureBuffer* secretKey) {
    auto header = inspectFile(path);
    if (!header)
        return header.error();
    auto master = deriveMasterKeys(secret(password), *header, secretKey);
    if (!master)
        return master.error();
    return openVaultFile(path, *header, *master, trust);
}

Result<EntryOverview> readOverviewRaw(OpenVault& file, const EntryId& id) {
    const QByteArray sql = selectWithMac(Table::Entries, "t.id = ?");
    auto stmt = file.db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such row"));
    TESSERA_TRY(checkRow(file.keys.rowMac, Table::Entries, *stmt));
    auto plain = open(file.keys.sealing, stmt->blob(2),
                      partAd(file.vaultId, file.epoch, id, Part::Overview));
    if (!plain)
        return plain.error();
    return decodeOverview(*plain, id);
}

Status resealRow(OpenVault& file, Table table, const RowKey& key) {
    return updateRowMac(file.db, file.keys.rowMac, table, key);
}

Status resealManifest(OpenVault& file) {
    return writeManifest(file.db, file.keys.manifest, file.binding(), file.versions);
}

Status rewriteAsFormat1(const QString& path) {
    auto file = openVaultRaw(path, VaultSandbox::MasterPassword, Trust::Own);
    if (!file)
        return file.error();
    TESSERA_TRY(file->db.exec("PRAGMA user_version = 1"));
    file->keys.rowMac.format = 1;
    auto ids = file->db.prepare("SELECT id FROM entries");
    if (!ids)
        return ids.error();
    std::vector<QByteArray> entries;
    TESSERA_TRY(ids->forEachRow([&entries](const Statement& row) -> Status {
        entries.push_back(row.blob(0));
        return {};
    }));
    for (const QByteArray& id : entries)
        TESSERA_TRY(resealRow(*file, Table::Entries, id));
    return resealManifest(*file);
}

qint64 countRows(OpenVault& file, const char* sql, const QByteArray& blob) {
    auto stmt = file.db.prepare(sql);
    if (!stmt)
        return -1;
    if (!blob.isNull())
        stmt->bind(1, blob);
    auto row = stmt->step();
    if (!row || !*row)
        return -1;
    return stmt->int64(0);
}

// ---- Files ----

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush();
}

bool copyDirectory(const QString& from, const QString& to) {
    if (QFileInfo::exists(to) || !QDir().mkpath(to))
        return false;
    QDir source(from);
    for (const QFileInfo& info :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + info.fileName();
        if (info.isDir() ? !copyDirectory(info.filePath(), target)
                         : !QFile::copy(info.filePath(), target))
            return false;
    }
    return true;
}

QStringList filesUnder(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

// ---- Two versions of one vault (the tamper suites) ----

namespace {
constexpr int EntryCount = 12; // in the two-version vault
} // namespace

void TwoVersionFixture::publishTwoVersions() {
    VAULT_TAKE(vault, m_box.create());
    VAULT_TAKE(ids, addSampleEntries(*vault, EntryCount));
    m_ids = ids;
    VAULT_VERIFY_OK(vault->attach(ids[4], QStringLiteral("a.txt"), secret("first version")));
    VAULT_VERIFY_OK(vault->attach(ids[8], QStringLiteral("b.txt"), secret("unchanged")));
    VAULT_VERIFY_OK(vault->publish());
    m_v1 = readFile(m_box.vaultPath());
    {
        VAULT_TAKE(dump, dumpVault(*vault));
        m_dump1 = dump;
    }
    m_dataAfterV1 = m_box.path(QStringLiteral("pristine-v1"));
    QVERIFY(copyDirectory(m_box.dataDir(), m_dataAfterV1));

    m_box.clock().advance(3600 * 1000);
    EntryChanges e0;
    e0.title = QStringLiteral("GitHub (renamed)");
    e0.password = secret("v2 password 0");
    VAULT_VERIFY_OK(vault->edit(ids[0], std::move(e0)));
    EntryChanges e1;
    e1.password = secret("v2 password 1");
    VAULT_VERIFY_OK(vault->edit(ids[1], std::move(e1)));
    EntryChanges e2;
    e2.notes = secret("v2 notes");
    VAULT_VERIFY_OK(vault->edit(ids[2], std::move(e2)));
    EntryChanges e3;
    e3.urls = QStringList{QStringLiteral("https://v2.example.com")};
    VAULT_VERIFY_OK(vault->edit(ids[3], std::move(e3)));
    VAULT_VERIFY_OK(vault->attach(ids[4], QStringLiteral("a.txt"), secret("second version")));
    VAULT_VERIFY_OK(vault->purge(ids[5]));
    VAULT_VERIFY_OK(vault->trash(ids[6]));
    VAULT_VERIFY_OK(vault->rename(QStringLiteral("Renamed in v2")));
    VAULT_VERIFY_OK(vault->publish());
    m_v2 = readFile(m_box.vaultPath());
    {
        VAULT_TAKE(dump, dumpVault(*vault));
        m_dump2 = dump;
    }
    vault->lock();
    QVERIFY(m_dump1 != m_dump2);
    QCOMPARE(m_v2.left(16), m_v1.left(16)); // edits do not re-key
    QCOMPARE(readFile(m_box.workingCopy()), m_v2);
    m_dataAfterV2 = m_box.path(QStringLiteral("pristine-v2"));
    QVERIFY(copyDirectory(m_box.dataDir(), m_dataAfterV2));
}

QString TwoVersionFixture::copyOfData(const QString& pristine) {
    const QString name = QStringLiteral("known%1").arg(++m_devices);
    if (!copyDirectory(pristine, m_box.dataDir(name)))
        qFatal("cannot copy a data folder");
    return name;
}

Outcome TwoVersionFixture::openAll(const QString& device, const QString& vault,
                                   const QByteArray& password) {
    Outcome outcome;
    auto unlocked = m_box.unlock(device, password, vault);
    if (!unlocked) {
        outcome.code = unlocked.code();
        outcome.message = unlocked.error().message;
        return outcome;
    }
    outcome.unlocked = true;
    auto dump = dumpVault(**unlocked);
    if (!dump) {
        outcome.code = dump.code();
        outcome.message = QStringLiteral("unlocked, then: ") + dump.error().message;
        return outcome;
    }
    outcome.opened = true;
    outcome.dump = *dump;
    return outcome;
}

} // namespace tessera::test
