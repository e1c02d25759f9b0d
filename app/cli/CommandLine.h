#pragma once
// The options of one subcommand: QCommandLineParser (argv never holds a secret) plus the help
// text, usage errors as exit codes, and the order in which options were given (prompting
// options read stdin in that order).

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace tessera::cli {

class CommandLine {
public:
    // arguments: the positional syntax shown in the usage line, e.g. "VAULT ENTRY".
    CommandLine(const QString& command, const QString& description, const QString& arguments);

    void addOption(const QCommandLineOption& option);
    void addPositional(const QString& name, const QString& description);

    // Parses args (args[0] is the command's name). nullopt: go on; otherwise the exit code to
    // return (0 after printing the help, 1 after a usage error).
    std::optional<int> parse(const QStringList& args, qsizetype minPositional,
                             qsizetype maxPositional);

    QString helpText() const;
    const QStringList& positional() const { return m_positional; }
    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }

    // The given options named in `wanted`, in command-line order, each with its value (empty for
    // flags). Names are the options' first names.
    QList<std::pair<QString, QString>> ordered(const QStringList& wanted) const;

    // A usage error for this command: printed as one line; returns the usage exit code.
    int usageError(const QString& message) const;

private:
    const QCommandLineOption* findOption(const QString& name) const;

    QString m_command;
    QString m_arguments;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options;
    QStringList m_raw;
    QStringList m_positional;
};

} // namespace tessera::cli
