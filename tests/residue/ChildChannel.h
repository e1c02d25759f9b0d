#pragma once
// The residue test children's side of the conversation with the scanning parent: commands arrive
// one per line on stdin, secrets on the line after their command. Both are read one byte at a
// time with read(2) — no stdio or QFile buffer keeps a copy — and secrets go straight into a
// SecureBuffer. Every command is answered with one line on stdout ("ok", or "error: why") once
// its effects are done, which is when the parent scans.

#include "crypto/SecureBuffer.h"

#include <QByteArray>

namespace tessera::test {

// The next command line (not secret); empty at end of input.
QByteArray readCommand();
// The next line as a secret (without the line break).
SecureBuffer readSecretLine();
void reply(const QByteArray& line);
// Writes the bytes as lowercase hex plus a line break, through wiped storage (for a secret the
// child made itself, such as a generated password, so the parent can look for it).
void replyHex(const SecureBuffer& bytes);

} // namespace tessera::test
