#pragma once
// What secret-key, create --secret-key and emergency-kit share: a new key shown once (straight
// from secure memory), stored on this device, and the Emergency Kit written.

#include "CliCommon.h"

namespace tessera::cli {

// Stores a new key for the vault on this device and prints it once with what to do with it.
// Returns false if it could not be stored (printed as a warning: the printed key still works).
bool storeAndShowNewKey(CliContext& context, const Vault& vault, const SecureBuffer& key);
// Writes the vault's Emergency Kit PDF (0600; never over an existing file unless replace).
Status writeKitFor(const Vault& vault, const SecureBuffer& key, const QString& pdfPath,
                   bool replace);

} // namespace tessera::cli
