#pragma once
// Writing a plaintext export: the file is created readable and writable by the user only (0600,
// also when an existing file is replaced), written straight from secure memory and fsynced.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

namespace tessera {

// replace = false: an existing file is an Io error ("already exists"). Symbolic links are never
// followed.
Status writePrivateFile(const QString& path, const SecureBuffer& content, bool replace);

} // namespace tessera
