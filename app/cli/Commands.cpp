#include "Commands.h"

#include <array>

namespace tessera::cli {

namespace {

constexpr std::array Table{
    Command{QLatin1String("create"), QLatin1String("Create a new vault file."), runCreate},
    Command{QLatin1String("info"),
            QLatin1String("Show the vault's name, id, KDF, guess cost and counts."), runInfo},
    Command{QLatin1String("ls"), QLatin1String("List entries (the trash with --trash)."), runLs},
    Command{QLatin1String("search"), QLatin1String("List entries matching every term."), runSearch},
    Command{QLatin1String("show"), QLatin1String("Show one entry."), runShow},
    Command{QLatin1String("totp"), QLatin1String("Print an entry's current TOTP code."), runTotp},
    Command{QLatin1String("add"), QLatin1String("Add an entry."), runAdd},
    Command{QLatin1String("edit"), QLatin1String("Change an entry (old values go to its history)."),
            runEdit},
    Command{QLatin1String("rm"), QLatin1String("Move an entry to the trash (--purge: for good)."),
            runRm},
    Command{QLatin1String("restore"), QLatin1String("Bring an entry back from the trash."),
            runRestore},
    Command{QLatin1String("passwd"),
            QLatin1String("Change the master password and/or KDF parameters."), runPasswd},
    Command{QLatin1String("secret-key"),
            QLatin1String("Turn the secret key on or off; store or forget it on this device."),
            runSecretKey},
    Command{QLatin1String("emergency-kit"),
            QLatin1String("Write the printable Emergency Kit (PDF) with the secret key."),
            runEmergencyKit},
    Command{QLatin1String("attach"), QLatin1String("Attach a file to an entry."), runAttach},
    Command{QLatin1String("attachment-export"), QLatin1String("Write an attachment to a file."),
            runAttachmentExport},
    Command{QLatin1String("detach"), QLatin1String("Remove an attachment from an entry."),
            runDetach},
    Command{QLatin1String("generate"), QLatin1String("Print random passwords or passphrases."),
            runGenerate},
    Command{QLatin1String("health"), QLatin1String("Find weak, reused, old passwords."), runHealth},
    Command{QLatin1String("sync"),
            QLatin1String("Merge conflict copies and the changed vault file, publish."), runSync},
    Command{QLatin1String("status"),
            QLatin1String("Show devices' last edits, publish state, conflict copies."),
            runStatus},
    Command{QLatin1String("backups"), QLatin1String("List the backups of the vault."),
            runBackups},
    Command{QLatin1String("restore-backup"),
            QLatin1String("Merge a backup back in (--rollback: replace the file)."),
            runRestoreBackup},
    Command{QLatin1String("merge"),
            QLatin1String("Merge other copies of the vault into it, publish."), runMerge},
    Command{QLatin1String("import"),
            QLatin1String("Import another password manager's export (all or nothing)."),
            runImport},
    Command{QLatin1String("export"),
            QLatin1String("Export to a new encrypted vault or a plaintext format."), runExport},
};

} // namespace

std::span<const Command> commands() {
    return Table;
}

const Command* findCommand(const QString& name) {
    for (const Command& command : Table) {
        if (name == command.name)
            return &command;
    }
    return nullptr;
}

} // namespace tessera::cli
