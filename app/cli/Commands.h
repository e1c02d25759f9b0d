#pragma once
// The table of tessera-cli subcommands. Each lives in its own Cmd*.cpp file; args[0] is the
// command's name, the rest its options and arguments.

#include "CliCommon.h"

#include <QLatin1String>
#include <QStringList>

#include <span>

namespace tessera::cli {

using CommandFunction = int (*)(CliContext& context, const QStringList& args);

struct Command {
    QLatin1String name;
    QLatin1String summary;
    CommandFunction run;
};

std::span<const Command> commands();
const Command* findCommand(const QString& name);

int runCreate(CliContext& context, const QStringList& args);
int runInfo(CliContext& context, const QStringList& args);
int runLs(CliContext& context, const QStringList& args);
int runSearch(CliContext& context, const QStringList& args);
int runShow(CliContext& context, const QStringList& args);
int runTotp(CliContext& context, const QStringList& args);
int runAdd(CliContext& context, const QStringList& args);
int runEdit(CliContext& context, const QStringList& args);
int runRm(CliContext& context, const QStringList& args);
int runRestore(CliContext& context, const QStringList& args);
int runPasswd(CliContext& context, const QStringList& args);
int runAttach(CliContext& context, const QStringList& args);
int runAttachmentExport(CliContext& context, const QStringList& args);
int runDetach(CliContext& context, const QStringList& args);
int runGenerate(CliContext& context, const QStringList& args);
int runHealth(CliContext& context, const QStringList& args);
int runSync(CliContext& context, const QStringList& args);
int runStatus(CliContext& context, const QStringList& args);
int runBackups(CliContext& context, const QStringList& args);
int runRestoreBackup(CliContext& context, const QStringList& args);
int runMerge(CliContext& context, const QStringList& args);
int runImport(CliContext& context, const QStringList& args);
int runExport(CliContext& context, const QStringList& args);
int runSecretKey(CliContext& context, const QStringList& args);
int runEmergencyKit(CliContext& context, const QStringList& args);

} // namespace tessera::cli
