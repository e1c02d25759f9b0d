#include "SecretInput.h"

#include "crypto/Crypto.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace tessera::cli {

namespace {

// The terminal state to put back if a signal arrives while echo is off. A signal handler can
// reach only globals; these are touched by nothing else.
struct termios g_savedTerminal;
volatile std::sig_atomic_t g_echoOff = 0;

extern "C" void restoreTerminalAndReraise(int signal) {
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Turns terminal echo off for its lifetime.
class NoEcho {
public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct termios quiet = g_savedTerminal;
        quiet.c_lflag &= tcflag_t(~(ECHO | ECHOE | ECHOK | ECHONL));
        for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP})
            std::signal(signal, restoreTerminalAndReraise);
        g_echoOff = 1;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
            g_echoOff = 0;
    }
    ~NoEcho() {
        if (g_echoOff)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_echoOff = 0;
        for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP})
            std::signal(signal, SIG_DFL);
        std::fputc('\n', stderr);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;
};

QString capitalized(const QString& text) {
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

Error inputError(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

SecretInput::SecretInput()
    : m_terminal(isatty(STDIN_FILENO) == 1) {
}

Result<SecureBuffer> SecretInput::read(const QString& what) {
    if (!m_terminal)
        return readLine(what);
    std::fputs(capitalized(what).append(QLatin1String(": ")).toUtf8().constData(), stderr);
    std::fflush(stderr);
    NoEcho noEcho;
    return readLine(what);
}

Result<SecureBuffer> SecretInput::readNew(const QString& what) {
    auto first = read(what);
    if (!first)
        return first;
    if (first->empty())
        return inputError(QStringLiteral("the %1 must not be empty").arg(what));
    if (!m_terminal)
        return first;
    auto again = read(QStringLiteral("%1 again").arg(what));
    if (!again)
        return again;
    if (!first->equals(*again))
        return inputError(QStringLiteral("the two %1s do not match").arg(what));
    return first;
}

Result<SecureBuffer> SecretInput::readRest(const QString& what) {
    if (m_terminal) {
        std::fputs(QStringLiteral("%1 (end with Ctrl-D on a line of its own):\n")
                       .arg(capitalized(what))
                       .toUtf8()
                       .constData(),
                   stderr);
        std::fflush(stderr);
    }
    SecureBuffer rest;
    unsigned char chunk[4096];
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            wipe(chunk, sizeof chunk);
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot read the %1 from standard input").arg(what));
        }
        if (got == 0)
            break;
        if (rest.size() + std::size_t(got) > MaxRestBytes) {
            wipe(chunk, sizeof chunk);
            return inputError(QStringLiteral("the %1 are longer than %2 bytes")
                                  .arg(what)
                                  .arg(qulonglong(MaxRestBytes)));
        }
        rest.append(chunk, std::size_t(got));
    }
    wipe(chunk, sizeof chunk);
    if (!rest.empty() && rest.data()[rest.size() - 1] == '\n')
        rest.truncate(rest.size() - 1);
    if (!rest.empty() && rest.data()[rest.size() - 1] == '\r')
        rest.truncate(rest.size() - 1);
    return rest;
}

Result<SecureBuffer> SecretInput::readLine(const QString& what) {
    SecureBuffer line;
    bool sawAnything = false;
    for (;;) {
        unsigned char byte = 0;
        const ssize_t got = ::read(STDIN_FILENO, &byte, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return makeError(ErrorCode::Io,
                             QStringLiteral("cannot read the %1 from standard input").arg(what));
        if (got == 0) {
            if (!sawAnything)
                return inputError(
                    QStringLiteral("standard input ended before the %1 was given").arg(what));
            break;
        }
        sawAnything = true;
        if (byte == '\n')
            break;
        if (line.size() >= MaxSecretLineBytes)
            return inputError(QStringLiteral("the %1 is longer than %2 bytes")
                                  .arg(what)
                                  .arg(qulonglong(MaxSecretLineBytes)));
        line.appendByte(byte);
    }
    if (!line.empty() && line.data()[line.size() - 1] == '\r')
        line.truncate(line.size() - 1);
    return line;
}

} // namespace tessera::cli
