#pragma once
// Writing an attachment out of the vault. "Save as…" writes it where the user chose. "Open" has
// to give another program a file, so it writes one into a private folder under Tessera's data
// folder (0700 folder, 0600 file; not /tmp, which other users can list) and asks the desktop to
// open it. The trade-off: while that file exists the attachment sits decrypted on disk, readable
// by anything running as the user (which the threat model already trusts). Tessera removes those
// files, overwritten first, when the vault locks and when the app quits; a program that still has
// the file open keeps its own copy.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QCoreApplication>
#include <QString>

namespace tessera::ui {

class AttachmentFiles {
    Q_DECLARE_TR_FUNCTIONS(tessera::ui::AttachmentFiles)

public:
    explicit AttachmentFiles(QString dataDir);

    // Writes content to path (created 0600, replaced if it exists).
    static Status saveTo(const QString& path, const SecureBuffer& content);
    // Writes content into the private folder under a name derived from `name`; returns the path.
    Result<QString> writePrivate(const QString& name, const SecureBuffer& content) const;
    // writePrivate, then QDesktopServices::openUrl.
    Status open(const QString& name, const SecureBuffer& content) const;
    // Overwrites and removes every file in the private folder.
    void removeAll() const;
    QString folder() const;

private:
    QString m_dataDir;
};

} // namespace tessera::ui
