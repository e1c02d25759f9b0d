#pragma once
// The entry editor's attachments: what the entry has, files added from disk (read straight into
// secure memory) and ones marked for removal. Nothing reaches the vault until apply(), which the
// editor calls after saving the entry's fields.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "vault/Entry.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QListWidget;
class QPushButton;

namespace tessera::ui {

class VaultController;

class AttachmentsEditor : public QWidget {
    Q_OBJECT
public:
    explicit AttachmentsEditor(QWidget* parent = nullptr);
    ~AttachmentsEditor() override;

    void setAttachments(const std::vector<AttachmentInfo>& attachments);
    // Reads a file to attach (replacing a pending one of the same name). TooLarge above
    // MaxAttachmentBytes, Io if it cannot be read.
    Status addFile(const QString& path);
    void removeAttachment(const QString& name);
    QStringList names() const; // what the entry will have after apply()
    bool hasChanges() const { return !m_added.empty() || !m_removed.isEmpty(); }
    // Attaches and detaches on the entry; stops at the first error.
    Status apply(VaultController& controller, const EntryId& id);
    void clear(); // wipes pending contents

    // Reads a whole file into secure memory (no QByteArray copy).
    static Result<SecureBuffer> readFile(const QString& path);

Q_SIGNALS:
    void message(const QString& text);

private:
    void refresh();
    void chooseFiles();

    QStringList m_existing;
    QStringList m_removed;
    std::vector<std::pair<QString, SecureBuffer>> m_added;
    QListWidget* m_list;
    QPushButton* m_remove;
};

} // namespace tessera::ui
