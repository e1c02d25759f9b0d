#pragma once
// Secrets come from standard input, never from argv. On a terminal each is asked for on stderr
// and read without echo; otherwise stdin is read one line per secret, in the order documented in
// `tessera-cli --help`. Bytes go straight into secure memory: read(2) one byte at a time, so no
// stdio, std::string or QString buffer holds them.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

namespace tessera::cli {

inline constexpr std::size_t MaxSecretLineBytes = 64 * 1024;
inline constexpr std::size_t MaxRestBytes = 1024 * 1024;

class SecretInput {
public:
    SecretInput();
    bool isTerminal() const { return m_terminal; }

    // One secret. `what` names it for the prompt and for errors, e.g. "master password".
    Result<SecureBuffer> read(const QString& what);
    // A new password: asked twice on a terminal (both must match), read once otherwise. Refuses
    // an empty one.
    Result<SecureBuffer> readNew(const QString& what);
    // Everything left on standard input, at most MaxRestBytes (multi-line notes): on a terminal
    // typed with echo and ended by Ctrl-D. One final line break is dropped.
    Result<SecureBuffer> readRest(const QString& what);

private:
    Result<SecureBuffer> readLine(const QString& what);
    bool m_terminal;
};

} // namespace tessera::cli
