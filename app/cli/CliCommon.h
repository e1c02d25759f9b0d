#pragma once
// What every tessera-cli command shares: exit codes, one-line errors, the local device (data
// folder and clock), unlocking a vault with the master password from stdin, and KDF options.

#include "CommandLine.h"
#include "Output.h"
#include "SecretInput.h"

#include "common/Clock.h"
#include "common/Result.h"
#include "vault/Header.h"
#include "vault/Vault.h"

#include <QString>

#include <memory>
#include <optional>

namespace tessera::cli {

// Documented in `tessera-cli --help`; scripts depend on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 1,         // bad options or input (also: an attachment above the size limit)
    ExitWrongPassword = 2, // the master password does not open the vault
    ExitBadVault = 3,      // not a vault, damaged, newer version, tampered, KDF unaffordable
    ExitNotFound = 4,      // entry (or attachment) not found, or a title matches several entries
    ExitChangedOnDisk = 5, // the vault file changed since this device loaded it
    ExitIo = 6,            // any other I/O error
};

int exitCodeFor(ErrorCode code);
// "tessera-cli: <message>" on stderr, always one line.
void printError(const QString& message);
void printWarning(const QString& message);
// Prints the error and returns its exit code.
int fail(const Error& error);

class CliContext {
public:
    CliContext(const Clock& clock, Output& out, SecretInput& secrets)
        : m_clock(clock)
        , m_out(out)
        , m_secrets(secrets) {}
    const Clock& clock() const { return m_clock; }
    Output& out() { return m_out; }
    SecretInput& secrets() { return m_secrets; }

    // This machine's Tessera data folder (created 0700 on first use): $TESSERA_DATA_DIR, else
    // $XDG_DATA_HOME/tessera, else ~/.local/share/tessera.
    Result<Device> device() const;

    // The global --secret-key-file FILE (empty: none given).
    void setSecretKeyFile(const QString& path) { m_secretKeyFile = path; }
    const QString& secretKeyFile() const { return m_secretKeyFile; }
    // The secret key for the vault file at path: from --secret-key-file if given (a warning when
    // the file is readable by other users), else the one this device stored for the vault, else
    // none (nullopt) when the vault does not need one. A vault that needs a key this device does
    // not have is an error (WrongPassword) before any password is read.
    Result<std::optional<SecureBuffer>> secretKeyFor(const QString& path) const;

private:
    const Clock& m_clock;
    Output& m_out;
    SecretInput& m_secrets;
    QString m_secretKeyFile;
};

// Takes the global options out of args (anywhere before a lone "--"): --secret-key-file FILE or
// --secret-key-file=FILE. nullopt: go on; otherwise the exit code of a usage error (printed).
std::optional<int> takeGlobalOptions(QStringList& args, QString& secretKeyFile);
// Commands that draw a PDF need a QGuiApplication (fonts, from the desktop module): emergency-kit;
// create and secret-key with --emergency-kit.
bool commandNeedsGui(int argc, char** argv);

// The vault a command works on. The Device (at a stable address) outlives the Vault that was
// opened with it. secretKey: the key it was unlocked with, when the vault needs one.
struct OpenVault {
    OpenVault() = default;
    OpenVault(std::unique_ptr<Device> device_, std::unique_ptr<Vault> vault_,
              std::optional<SecureBuffer> secretKey_)
        : device(std::move(device_))
        , vault(std::move(vault_))
        , secretKey(std::move(secretKey_)) {}
    OpenVault(OpenVault&&) = default;
    OpenVault& operator=(OpenVault&&) = default;
    ~OpenVault() {
        if (vault)
            vault->lockForExit(); // the command is the process's last use of it
    }

    std::unique_ptr<Device> device;
    std::unique_ptr<Vault> vault;
    std::optional<SecureBuffer> secretKey;
    Vault* operator->() const { return vault.get(); }
    const SecureBuffer* secretKeyOrNull() const { return secretKey ? &*secretKey : nullptr; }
};

// Reads the master password (the first line of stdin) and unlocks the vault file at path, with
// the secret key from context.secretKeyFor(path). keepPassword: where to keep the password for
// commands that need it again (sync, secret-key).
// overviews: OnDemand for commands about one entry (show, add, edit, ...): they open only the
// entries they name, so they cost about the same at 100 entries as at 100k (Vault::unlock).
Result<OpenVault> unlockVault(CliContext& context, const QString& path,
                              SecureBuffer* keepPassword = nullptr,
                              Overviews overviews = Overviews::Load);
// Publishes the vault's changes to its file; prints `done` on success. Returns the exit code.
int publishAndReport(CliContext& context, Vault& vault, const QString& done);

// --kdf-ops / --kdf-mem for create and passwd.
enum class KdfDefaults { Calibrated, KeepVaults };
void addKdfOptions(CommandLine& commandLine, KdfDefaults defaults);
struct KdfChoice {
    std::optional<std::uint8_t> opsLimit;
    std::optional<std::uint8_t> memLog2;
    bool any() const { return opsLimit || memLog2; }
    KdfParams over(KdfParams base) const {
        return {opsLimit.value_or(base.opsLimit), memLog2.value_or(base.memLog2)};
    }
};
// nullopt after a usage error (already printed).
std::optional<KdfChoice> kdfChoice(const CommandLine& commandLine);
// Warns on stderr when the parameters are below Tessera's defaults.
void warnIfWeak(KdfParams kdf);
QString describeKdf(KdfParams kdf);

} // namespace tessera::cli
