#pragma once
// Shared fixture for the vault suites (tst_vault, tst_damage, tst_tamper): a temporary folder with
// a "cloud" folder for vault files and one data folder per simulated device, a clock the test
// controls, realistic entries, a canonical dump of everything a vault holds (to compare two opens
// of one vault), and raw access to a vault file with the keys derived from its password (to
// inspect or tamper with it the way an attacker who knows the password could).

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

namespace tessera::test {

// The minimum Argon2id cost (1 iteration, 8 KiB): tests unlock hundreds of times.
inline constexpr KdfParams FastKdf{MinOpsLimit, MinMemLog2};
// 2023-11-14T22:13:20Z: a fixed "now" for every test vault.
inline constexpr qint64 FixtureNowMs = 1'700'000'000'000;

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
