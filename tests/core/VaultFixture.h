#pragma once
// Shared fixture for the vault suites (tst_vault, tst_entries, tst_rekey, tst_devices, tst_damage,
// tst_tamper, tst_tamper_rows): a temporary folder with a "cloud" folder for vault files and one
// data folder per simulated device, a clock the test controls, realistic entries, a canonical dump
// of everything a vault holds (to compare two opens of one vault), raw access to a vault file with
// the keys derived from its password (to inspect or tamper with it the way an attacker who knows
// the password could), and one vault published in two versions for the tamper suites.

#include "common/Clock.h"
#include "vault/Vault.h"
#include "vault/VaultFile.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string_view>
#include <vector>

namespace tessera::test {

// The minimum Argon2id cost (1 iteration, 8 KiB): tests unlock hundreds of times.
inline constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
// 2023-11-14T22:13:20Z: a fixed "now" for every test vault.
inline constexpr qint64 FixtureNowMs = 1'700'000'000'000;
inline constexpr qint64 Minute = 60 * 1000;
// The master password a password change moves to (VaultSandbox::MasterPassword is the first one).
extern const QByteArray NewPassword;

class FixedClock final : public Clock {
public:
    explicit FixedClock(qint64 nowMs = FixtureNowMs)
        : m_nowMs(nowMs) {}
    qint64 nowMs() const override { return m_nowMs; }
    void set(qint64 nowMs) { m_nowMs = nowMs; }
    void advance(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};

SecureBuffer secret(std::string_view text);
SecureBuffer secret(const char* text);
SecureBuffer secret(const QByteArray& bytes);
QByteArray bytesOf(const SecureBuffer& buffer);
QString hexId(const QByteArray& id);

// A temporary folder holding cloud/ (the vault files) and data-NAME/ (one data folder per device),
// all sharing one FixedClock.
class VaultSandbox {
public:
    static const QByteArray MasterPassword;
    static const QString VaultName;

    VaultSandbox();
    VaultSandbox(const VaultSandbox&) = delete;
    VaultSandbox& operator=(const VaultSandbox&) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString path(const QString& relative) const { return m_dir.filePath(relative); }
    QString cloudDir() const { return m_dir.filePath(QStringLiteral("cloud")); }
    QString vaultPath(const QString& vault = QStringLiteral("test")) const;
    QString dataDir(const QString& device = QStringLiteral("a")) const;
    Device device(const QString& name = QStringLiteral("a")) const;
    FixedClock& clock() { return m_clock; }

    // Where the device keeps its private working copy and backups of a vault file.
    QString workingCopy(const QString& device = QStringLiteral("a"),
                        const QString& vault = QStringLiteral("test")) const;
    QString backupDir(const QString& device = QStringLiteral("a"),
                      const QString& vault = QStringLiteral("test")) const;

    Result<std::unique_ptr<Vault>> create(const QString& device = QStringLiteral("a"),
                                          const QByteArray& password = MasterPassword,
                                          const QString& vault = QStringLiteral("test"),
                                          KdfParams kdf = FastKdf) const;
    Result<std::unique_ptr<Vault>> unlock(const QString& device = QStringLiteral("a"),
                                          const QByteArray& password = MasterPassword,
                                          const QString& vault = QStringLiteral("test")) const;

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
};

// A realistic entry, different for every index (title "<service> <index>"), with every field set
// on some indices: several URLs, tags, a folder, protected and plain custom fields, TOTP, expiry.
EntryChanges sampleEntry(int index);
QString sampleTitle(int index);
// Adds sampleEntry(first) .. sampleEntry(first + count - 1); returns their ids in that order.
Result<std::vector<EntryId>> addSampleEntries(Vault& vault, int count, int first = 0);

// The device id of the data folder at dataDir (empty if it has none).
QByteArray deviceIdOf(const QString& dataDir);
// The stamp a field got when it was written at nowMs by the device with that id.
bool stampedAt(const Stamp& stamp, qint64 nowMs, const QByteArray& device);
// The history item of that field with that value, or nullptr.
const HistoryItem* findHistory(const EntryDetails& details, const QString& field,
                               const QByteArray& value);

// Every entry's overview (stamps included), details and attachments, and the vault's name, in a
// canonical text form: two opens of one vault state give equal dumps, any change of content does
// not.
Result<QByteArray> dumpVault(const Vault& vault);
// A short summary (titles only) for failure messages.
QByteArray titlesOf(const Vault& vault);

// The vault file at path opened the way Tessera opens it, with keys derived from password: for
// inspecting rows, keys and epochs. Trust::Own opens it read-write (use a copy!).
Result<OpenVault> openVaultRaw(const QString& path, const QByteArray& password, Trust trust,
                               const SecureBuffer* secretKey = nullptr);
// One entry's overview read straight from an open file (row MAC checked, AEAD opened).
Result<EntryOverview> readOverviewRaw(OpenVault& file, const EntryId& id);
// Recomputes one row's MAC and the manifest with the file's own keys (what only a holder of VK can
// do), so that only the check under test can catch a change.
Status resealRow(OpenVault& file, Table table, const RowKey& key);
Status resealManifest(OpenVault& file);
// The file (password VaultSandbox::MasterPassword) as releases before format 2 wrote it:
// user_version 1, entries row MACs over whole rows, the manifest of format 1 (core/FORMAT.md).
Status rewriteAsFormat1(const QString& path);
// A count query on an open file.
qint64 countRows(OpenVault& file, const char* sql, const QByteArray& blob = {});

// Plain file helpers.
QByteArray readFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& bytes);
bool copyDirectory(const QString& from, const QString& to); // to must not exist
QStringList filesUnder(const QString& dir);                 // every regular file, recursively

// Fails the current test with the error's code and message if a Result/Status is not ok.
#define VAULT_VERIFY_OK(expr)                                                                      \
    do {                                                                                           \
        const auto& vaultVerifyResult_ = (expr);                                                   \
        QVERIFY2(vaultVerifyResult_.ok(),                                                          \
                 vaultVerifyResult_.ok()                                                           \
                     ? ""                                                                          \
                     : qPrintable(QString::fromLatin1(                                             \
                                      tessera::test::codeName(vaultVerifyResult_.code())) +        \
                                  QStringLiteral(": ") + vaultVerifyResult_.error().message));     \
    } while (false)

const char* codeName(ErrorCode code);

// What unlocking a vault file and reading everything in it gave.
struct Outcome {
    bool unlocked = false; // Vault::unlock succeeded
    bool opened = false;   // ... and every details and attachment could be read
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message;
    QByteArray dump;
    QByteArray describe() const {
        return opened ? QByteArray("opened") : QByteArray(codeName(code)) + ": " + message.toUtf8();
    }
};

// The tamper suites' fixture (tst_tamper, tst_tamper_rows), a base of their test classes: one
// vault published twice without re-keying: v1, then v2 after several entries were edited, an
// attachment replaced, an entry purged and one trashed, and the vault renamed. Both versions share
// the key and the salt, so their pages and rows can be mixed. Device "a" loaded v2; copies of its
// data folder after v1 and after v2 are kept, so that every row can use a fresh copy of either,
// or a data folder that has never seen the vault.
class TwoVersionFixture {
protected:
    // Publishes v1 and v2 (called from initTestCase; fails the current test on any error).
    void publishTwoVersions();
    // A new device whose data folder is a copy of pristine (m_dataAfterV1 or m_dataAfterV2).
    QString copyOfData(const QString& pristine);
    QString freshDevice() { return QStringLiteral("fresh%1").arg(++m_devices); }
    // Unlocks the vault file and reads every detail and attachment.
    Outcome openAll(const QString& device, const QString& vault = QStringLiteral("test"),
                    const QByteArray& password = VaultSandbox::MasterPassword);

    VaultSandbox m_box;
    std::vector<EntryId> m_ids;
    QByteArray m_v1, m_v2;       // the two published versions (same key, same salt)
    QByteArray m_dump1, m_dump2; // their content
    QString m_dataAfterV1, m_dataAfterV2;
    int m_devices = 0;
    int m_scratch = 0;
};

} // namespace tessera::test

Q_DECLARE_METATYPE(tessera::ErrorCode)

// Declares `name` as the value of a Result (e.g. std::unique_ptr<Vault>), failing the test with
// the error's message if there is none.
#define VAULT_TAKE(name, expr)                                                                     \
    auto name##Result_ = (expr);                                                                   \
    QVERIFY2(name##Result_.ok(),                                                                   \
             name##Result_.ok()                                                                    \
                 ? ""                                                                              \
                 : qPrintable(QString::fromLatin1(tessera::test::codeName(name##Result_.code())) + \
                              QStringLiteral(": ") + name##Result_.error().message));              \
    auto name = std::move(*name##Result_)
