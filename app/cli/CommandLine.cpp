#include "CommandLine.h"

#include "CliCommon.h"
#include "Output.h"

#include <unistd.h>

namespace tessera::cli {

namespace {

const QString HelpName = QStringLiteral("help");

} // namespace

CommandLine::CommandLine(const QString& command, const QString& description,
                         const QString& arguments)
    : m_command(command)
    , m_arguments(arguments) {
    m_parser.setApplicationDescription(description);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    addOption(
        QCommandLineOption({QStringLiteral("h"), HelpName}, QStringLiteral("Show this help.")));
}

void CommandLine::addOption(const QCommandLineOption& option) {
    m_parser.addOption(option);
    m_options.append(option);
}

void CommandLine::addPositional(const QString& name, const QString& description) {
    m_parser.addPositionalArgument(name, description);
}

QString CommandLine::helpText() const {
    QString text = m_parser.helpText();
    // Qt's usage line names the executable only; ours names the subcommand too.
    const qsizetype endOfUsage = text.indexOf(QLatin1Char('\n'));
    QString usage = QStringLiteral("Usage: tessera-cli %1 [options]").arg(m_command);
    if (!m_arguments.isEmpty())
        usage += QLatin1Char(' ') + m_arguments;
    text.replace(0, endOfUsage, usage);
    return text;
}

std::optional<int> CommandLine::parse(const QStringList& args, qsizetype minPositional,
                                      qsizetype maxPositional) {
    m_raw = args.mid(1);
    QStringList parserArgs = args;
    parserArgs[0] = QStringLiteral("tessera-cli");
    if (!m_parser.parse(parserArgs))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(HelpName)) {
        Output out(STDOUT_FILENO);
        out.text(helpText());
        return out.flush() ? ExitOk : ExitIo;
    }
    m_positional = m_parser.positionalArguments();
    if (m_positional.size() < minPositional)
        return usageError(QStringLiteral("missing arguments: expected %1").arg(m_arguments));
    if (maxPositional >= 0 && m_positional.size() > maxPositional)
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(m_positional.at(maxPositional)));
    return std::nullopt;
}

int CommandLine::usageError(const QString& message) const {
    printError(QStringLiteral("%1 (see: tessera-cli %2 --help)").arg(message, m_command));
    return ExitUsage;
}

const QCommandLineOption* CommandLine::findOption(const QString& name) const {
    for (const QCommandLineOption& option : m_options) {
        if (option.names().contains(name))
            return &option;
    }
    return nullptr;
}

QList<std::pair<QString, QString>> CommandLine::ordered(const QStringList& wanted) const {
    QList<std::pair<QString, QString>> found;
    for (qsizetype i = 0; i < m_raw.size(); ++i) {
        const QString& arg = m_raw.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (!arg.startsWith(QLatin1String("--")))
            continue; // a positional argument, or -h
        const qsizetype equals = arg.indexOf(QLatin1Char('='));
        const QString name = arg.mid(2, equals < 0 ? -1 : equals - 2);
        const QCommandLineOption* option = findOption(name);
        if (!option)
            continue;
        QString value;
        if (!option->valueName().isEmpty()) {
            if (equals >= 0)
                value = arg.mid(equals + 1);
            else if (i + 1 < m_raw.size())
                value = m_raw.at(++i);
        }
        if (wanted.contains(option->names().constFirst()))
            found.append({option->names().constFirst(), value});
    }
    return found;
}

} // namespace tessera::cli
