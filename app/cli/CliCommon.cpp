#include "CliCommon.h"

#include "DesktopModule.h"
#include "sync/DeviceStore.h"
#include "vault/SecretKeyStore.h"
#include "vault/VaultFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tessera::cli {

namespace {

const QString KdfOpsOption = QStringLiteral("kdf-ops");
const QString KdfMemOption = QStringLiteral("kdf-mem");
constexpr int MaxKdfMemMiB = 4096;
constexpr int MiBLog2 = 20;

QString oneLine(QString message) {
    message.replace(QLatin1String("\r\n"), QLatin1String("; "));
    message.replace(QLatin1Char('\n'), QLatin1String("; "));
    message.replace(QLatin1Char('\r'), QLatin1String("; "));
    return message;
}

} // namespace

int exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::WrongPassword:
    case ErrorCode::PasswordNeeded:
        return ExitWrongPassword;
    case ErrorCode::NotAVault:
    case ErrorCode::NewerVersion:
    case ErrorCode::Damaged:
    case ErrorCode::Tampered:
    case ErrorCode::ResourceLimit:
    case ErrorCode::OtherVault:
    case ErrorCode::OlderEpoch:
    case ErrorCode::PossibleRollback:
        return ExitBadVault;
    case ErrorCode::NotFound:
    case ErrorCode::Ambiguous:
        return ExitNotFound;
    case ErrorCode::ChangedOnDisk:
        return ExitChangedOnDisk;
    case ErrorCode::TooLarge:
    case ErrorCode::InvalidArgument:
        return ExitUsage;
    case ErrorCode::Io:
    case ErrorCode::Locked:
        return ExitIo;
    }
    return ExitIo;
}

void printError(const QString& message) {
    std::fputs(QStringLiteral("tessera-cli: %1\n").arg(oneLine(message)).toUtf8().constData(),
               stderr);
}

void printWarning(const QString& message) {
    printError(QStringLiteral("warning: %1").arg(message));
}

int fail(const Error& error) {
    printError(error.message.isEmpty() ? QStringLiteral("failed") : error.message);
    return exitCodeFor(error.code);
}

Result<Device> CliContext::device() const {
    // Only the user may look inside: working copies, backups and device state live here.
    const QString path = defaultDataDir();
    TESSERA_TRY(makePrivateDir(path));
    return Device{QDir::cleanPath(path), &m_clock};
}

Result<std::optional<SecureBuffer>> CliContext::secretKeyFor(const QString& path) const {
    if (!m_secretKeyFile.isEmpty()) {
        auto read = readSecretKeyFile(m_secretKeyFile);
        if (!read)
            return read.error();
        if (read->readableByOthers)
            printWarning(QStringLiteral("%1 is readable by other users (chmod 600 %1)")
                             .arg(m_secretKeyFile));
        return std::optional<SecureBuffer>(std::move(read->key));
    }
    const QString dataDir = defaultDataDir();
    const bool needed = vaultNeedsSecretKey(dataDir, path);
    if (!needed)
        return std::optional<SecureBuffer>();
    const Error missing = makeError(
        ErrorCode::WrongPassword,
        QStringLiteral("this vault needs its secret key and this device has none stored: give "
                       "--secret-key-file FILE (the key is in the vault's Emergency Kit)"));
    auto vaultId = knownVaultId(dataDir, path);
    if (!vaultId || vaultId->isEmpty())
        return missing;
    // Only here, for a vault that needs a key this device may have stored, can the desktop
    // keyring be asked: the one unlock path that loads the desktop module.
    const DeviceSecretKeyStore keys = deviceSecretKeyStore(dataDir);
    auto key = keys.load(*vaultId);
    if (!key)
        return key.code() == ErrorCode::NotFound ? missing : key.error();
    if (const auto& keyring = keys.keyringError())
        printWarning(QStringLiteral("%1; used the key stored in %2")
                         .arg(keyring->message, FileSecretKeyStore(dataDir).location()));
    return std::optional<SecureBuffer>(std::move(*key));
}

std::optional<int> takeGlobalOptions(QStringList& args, QString& secretKeyFile) {
    static const QString Flag = QStringLiteral("--secret-key-file");
    for (qsizetype i = 0; i < args.size();) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg == Flag || arg.startsWith(Flag + QLatin1Char('='))) {
            QString value;
            if (arg == Flag) {
                if (i + 1 >= args.size()) {
                    printError(QStringLiteral("--secret-key-file needs a FILE"));
                    return int(ExitUsage);
                }
                value = args.at(i + 1);
                args.remove(i, 2);
            } else {
                value = arg.mid(Flag.size() + 1);
                args.remove(i);
            }
            if (value.isEmpty() || !secretKeyFile.isEmpty()) {
                printError(QStringLiteral("give --secret-key-file once, with a FILE"));
                return int(ExitUsage);
            }
            secretKeyFile = value;
            continue;
        }
        ++i;
    }
    return std::nullopt;
}

bool commandNeedsGui(int argc, char** argv) {
    const QByteArray secretKeyFile("--secret-key-file");
    QByteArray command;
    bool kitOption = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == secretKeyFile) {
            ++i; // its FILE
            continue;
        }
        if (arg == "--")
            break;
        if (arg == "--help" || arg == "-h")
            return false;
        if (arg.startsWith("--emergency-kit"))
            kitOption = true;
        else if (command.isEmpty() && !arg.startsWith('-'))
            command = arg;
    }
    // secret-key enable and create --secret-key draw the kit only with --emergency-kit FILE.
    return command == "emergency-kit" ||
           ((command == "create" || command == "secret-key") && kitOption);
}

Result<OpenVault> unlockVault(CliContext& context, const QString& path, SecureBuffer* keepPassword,
                              Overviews overviews) {
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::Io, QStringLiteral("no vault file at %1").arg(path));
    auto device = context.device();
    if (!device)
        return device.error();
    auto secretKey = context.secretKeyFor(path);
    if (!secretKey)
        return secretKey.error();
    auto password = context.secrets().read(QStringLiteral("master password"));
    if (!password)
        return password.error();
    OpenVault open{std::make_unique<Device>(std::move(*device)), nullptr, std::move(*secretKey)};
    auto vault = Vault::unlock(*open.device, path, *password, open.secretKeyOrNull(), overviews);
    if (!vault) {
        if (vault.code() == ErrorCode::WrongPassword && open.secretKey)
            return makeError(ErrorCode::WrongPassword,
                             QStringLiteral("wrong master password or secret key"));
        return vault.error();
    }
    open.vault = std::move(*vault);
    if (keepPassword)
        *keepPassword = std::move(*password);
    return open;
}

int publishAndReport(CliContext& context, Vault& vault, const QString& done) {
    if (auto published = vault.publish(); !published)
        return fail(published.error());
    if (!done.isEmpty())
        context.out().line(done);
    return ExitOk;
}

void addKdfOptions(CommandLine& commandLine, KdfDefaults defaults) {
    const bool keep = defaults == KdfDefaults::KeepVaults;
    commandLine.addOption(QCommandLineOption(
        KdfOpsOption,
        keep ? QStringLiteral("Argon2id iterations, 1..64 (default: the vault's current setting).")
             : QStringLiteral("Argon2id iterations, 1..64 (default: calibrated, at least 3)."),
        QStringLiteral("N")));
    commandLine.addOption(QCommandLineOption(
        KdfMemOption,
        keep ? QStringLiteral(
                   "Argon2id memory in MiB, a power of two, 1..4096 (default: the vault's "
                   "current setting).")
             : QStringLiteral("Argon2id memory in MiB, a power of two, 1..4096 (default 256)."),
        QStringLiteral("MIB")));
}

std::optional<KdfChoice> kdfChoice(const CommandLine& commandLine) {
    KdfChoice choice;
    if (commandLine.isSet(KdfOpsOption)) {
        bool ok = false;
        const int ops = commandLine.value(KdfOpsOption).toInt(&ok);
        if (!ok || ops < MinOpsLimit || ops > MaxOpsLimit) {
            commandLine.usageError(QStringLiteral("--kdf-ops must be a whole number from %1 to %2")
                                       .arg(MinOpsLimit)
                                       .arg(MaxOpsLimit));
            return std::nullopt;
        }
        choice.opsLimit = std::uint8_t(ops);
    }
    if (commandLine.isSet(KdfMemOption)) {
        bool ok = false;
        const int mib = commandLine.value(KdfMemOption).toInt(&ok);
        // The header stores log2 of the memory, so only powers of two can be expressed.
        if (!ok || mib < 1 || mib > MaxKdfMemMiB || (mib & (mib - 1)) != 0) {
            commandLine.usageError(
                QStringLiteral("--kdf-mem must be a power of two from 1 to %1 (MiB)")
                    .arg(MaxKdfMemMiB));
            return std::nullopt;
        }
        int log2 = 0;
        while ((1 << log2) < mib)
            ++log2;
        choice.memLog2 = std::uint8_t(MiBLog2 + log2);
    }
    return choice;
}

void warnIfWeak(KdfParams kdf) {
    if (kdf.opsLimit < DefaultOpsLimit || kdf.memLog2 < DefaultMemLog2)
        printWarning(QStringLiteral("%1 is below the defaults (%2); the vault file resists "
                                    "offline guessing less")
                         .arg(describeKdf(kdf), describeKdf(KdfParams{})));
}

QString describeKdf(KdfParams kdf) {
    const QString memory = kdf.memLog2 >= MiBLog2
                               ? QStringLiteral("%1 MiB").arg(qulonglong(kdf.memBytes() >> MiBLog2))
                               : QStringLiteral("%1 KiB").arg(qulonglong(kdf.memBytes() >> 10));
    return QStringLiteral("Argon2id, %1 iteration%2, %3")
        .arg(kdf.opsLimit)
        .arg(kdf.opsLimit == 1 ? QString() : QStringLiteral("s"), memory);
}

} // namespace tessera::cli
