#pragma once
// The details of the selected entry: title, username, the password masked (reveal, copy), URLs
// (open, copy), one-time code, folder, tags, expiry, notes (shown on demand), custom fields
// (protected ones masked), attachments (Save as…, Open) and the creation and change times.
// The entry's details are opened from the vault when it is shown and live only in the widgets
// showing them (SecureBuffer-backed); showing another entry, an empty selection, or the vault
// locking wipes them.

#include "AttachmentFiles.h"
#include "EntryClipboard.h"
#include "vault/Entry.h"

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace tessera::ui {

class ClipboardGuard;
class SecretLabel;
class TotpWidget;
class VaultController;

class DetailsPane : public QWidget {
    Q_OBJECT
public:
    DetailsPane(VaultController& controller, ClipboardGuard& clipboard, QWidget* parent = nullptr);
    ~DetailsPane() override;

    // Shows an entry (an empty or unknown id shows the empty state).
    void showEntry(const EntryId& id);
    const EntryId& entryId() const { return m_id; }
    SecretLabel* passwordLabel() const { return m_password; }
    TotpWidget* totpWidget() const { return m_totp; }
    bool notesShown() const;
    // Widgets currently holding a secret (revealed or not); 0 after clear(). For tests.
    int secretsHeld() const;

public Q_SLOTS:
    void clear(); // wipes every secret and shows the empty state
    void setNotesShown(bool shown);

Q_SIGNALS:
    // A one-line message for the user (a failed copy, save or open).
    void message(const QString& text);
    // The Edit button next to the title.
    void editRequested();

private:
    void build();
    void wipeShown();
    void fillUrls(const EntryOverview& entry);
    void fillFields(const EntryDetails& details);
    void fillAttachments();
    void saveAttachment(const QString& name);
    void openAttachment(const QString& name);
    void report(const Status& status);
    // The shown entry's details, opened now (into secure memory, wiped when dropped).
    Result<EntryDetails> openDetails() const;
    QToolButton* toolButton(const QString& iconName, const QString& theme, const QString& text,
                            const QString& accessible);

    VaultController& m_controller;
    EntryClipboard m_copy;
    AttachmentFiles m_files;
    EntryId m_id;
    // Secrets are opened from the vault only while revealed, shown or copied (openDetails), never
    // held for a merely selected entry: only whether the entry has notes is kept.
    bool m_hasNotes = false;
    QString m_notesShown; // shares the text view's buffer while shown (see setNotesShown)

    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_avatar = nullptr;
    QLabel* m_title = nullptr;
    QGridLayout* m_form = nullptr;
    QLabel* m_username = nullptr;
    QWidget* m_usernameRow = nullptr;
    SecretLabel* m_password = nullptr;
    TotpWidget* m_totp = nullptr;
    QWidget* m_urls = nullptr;
    QVBoxLayout* m_urlsLayout = nullptr;
    QLabel* m_folder = nullptr;
    QLabel* m_tags = nullptr;
    QLabel* m_expires = nullptr;
    QPushButton* m_notesButton = nullptr;
    QPlainTextEdit* m_notesView = nullptr;
    QWidget* m_fields = nullptr;
    QGridLayout* m_fieldsLayout = nullptr;
    std::vector<SecretLabel*> m_fieldLabels;
    QWidget* m_attachments = nullptr;
    QVBoxLayout* m_attachmentsLayout = nullptr;
    QLabel* m_times = nullptr;
};

} // namespace tessera::ui
