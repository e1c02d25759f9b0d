#pragma once
// Export without lock-in. Either a Tessera copy under a new password (a NEW vault: its own id,
// its own vault key; it never merges back into the original), or a plaintext file another
// password manager imports: Tessera's own CSV, KeePassXC CSV, KeePass 2 XML or Bitwarden JSON.
// Plaintext exports are built in secure memory; what a format cannot hold is listed in the
// warnings, never dropped silently.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/Vault.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tessera {

enum class ExportFormat { Tessera, Csv, KeePassXcCsv, KeePassXml, BitwardenJson };

QStringList exportFormatNames(); // "tessera", "csv", ...
std::optional<ExportFormat> exportFormatNamed(const QString& name);

// One entry with its details (and attachments, for the formats that hold files).
struct ExportItem {
    const EntryOverview* overview = nullptr;
    EntryDetails details;
    std::vector<IncomingAttachment> attachments;
};
// Every entry, trashed ones included, in the vault's order.
Result<std::vector<ExportItem>> collectEntries(const Vault& vault, bool withAttachments);

struct PlainExport {
    SecureBuffer bytes;
    QStringList warnings; // what the format could not hold
    int entries = 0;
};

// format must not be ExportFormat::Tessera.
Result<PlainExport> exportPlaintext(const Vault& vault, ExportFormat format);

// The per-format writers (one file each), over collected entries.
PlainExport writeTesseraCsv(std::vector<ExportItem>& items);
PlainExport writeKeePassXcCsv(std::vector<ExportItem>& items);
PlainExport writeKeePassXml(std::vector<ExportItem>& items, const QString& vaultName);
PlainExport writeBitwardenJson(std::vector<ExportItem>& items);

// A new vault file at path (which must not exist) holding every entry of source with all its
// fields, custom fields, TOTP, history, attachments, trash state and times, under the new
// password. On failure the new file is removed. Returns the new vault's info.
Result<VaultInfo> exportToNewVault(const Vault& source, const Device& device, const QString& path,
                                   const SecureBuffer& password, KdfParams kdf);

} // namespace tessera
