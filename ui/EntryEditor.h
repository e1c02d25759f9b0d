#pragma once
// The entry editor (also for new entries): every field of EntryChanges — title (required),
// username, password (SecurePasswordEdit with reveal, Generate…, strength), URLs, tags, folder,
// favourite, expiry, notes, one-time code secret (checked with parseTotp before saving), custom
// fields, attachments — and the entry's history. Saving goes through VaultController::add/edit;
// problems are shown in the dialog, one line, and nothing is saved.
//
// Notes are edited in a QPlainTextEdit, which holds them as a QString in its document: Qt offers
// no secure text document. Undo is off (no undo stack keeps old text), the copy taken for saving
// is wiped at once, and the document is cleared when the dialog closes; what Qt's document
// released earlier is freed, not wiped. Passwords, TOTP secrets and custom field values never
// become a QString (SecurePasswordEdit).

#include "vault/Entry.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace tessera::ui {

class AppSettings;
class AttachmentsEditor;
class CustomFieldsEditor;
class HistoryView;
class SecurePasswordEdit;
class StrengthMeter;
class VaultController;

class EntryEditor : public QDialog {
    Q_OBJECT
public:
    // id empty: a new entry.
    EntryEditor(VaultController& controller, AppSettings& settings, const EntryId& id,
                QWidget* parent = nullptr);
    ~EntryEditor() override;

    // Folders offered in the folder box; the folder a new entry starts in.
    void setFolders(const QStringList& folders);
    void setInitialFolder(const QString& folder);

    const EntryId& entryId() const { return m_id; } // set once a new entry is saved
    bool isNewEntry() const { return m_isNew; }

    // The widgets, for tests and accessibility checks.
    QLineEdit* titleEdit() const { return m_title; }
    QLineEdit* usernameEdit() const { return m_username; }
    SecurePasswordEdit* passwordEdit() const { return m_password; }
    QToolButton* revealButton() const { return m_reveal; }
    QPushButton* generateButton() const { return m_generate; }
    QListWidget* urlList() const { return m_urls; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QComboBox* folderBox() const { return m_folder; }
    QCheckBox* favouriteBox() const { return m_favourite; }
    QCheckBox* expiresBox() const { return m_expires; }
    QDateEdit* expiresDate() const { return m_expiresDate; }
    SecurePasswordEdit* totpEdit() const { return m_totp; }
    QPlainTextEdit* notesEdit() const { return m_notes; }
    CustomFieldsEditor* customFields() const { return m_fields; }
    AttachmentsEditor* attachments() const { return m_attachments; }
    HistoryView* history() const { return m_history; }
    QLabel* errorLabel() const { return m_error; }
    QTabWidget* tabs() const { return m_tabs; }

    void addUrl(const QString& url);

public Q_SLOTS:
    // Validates and saves; true when saved (the dialog is then accepted).
    bool save();
    void done(int result) override; // wipes every field on any close

private:
    QWidget* buildEntryTab();
    QWidget* buildMoreTab();
    void load();
    void showError(const QString& text, QWidget* focus = nullptr);
    void generate();
    void wipeAll();
    EntryChanges collect();

    VaultController& m_controller;
    AppSettings& m_settings;
    EntryId m_id;
    bool m_isNew;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_username = nullptr;
    SecurePasswordEdit* m_password = nullptr;
    QToolButton* m_reveal = nullptr;
    QPushButton* m_generate = nullptr;
    StrengthMeter* m_strength = nullptr;
    QListWidget* m_urls = nullptr;
    QLineEdit* m_tags = nullptr;
    QComboBox* m_folder = nullptr;
    QCheckBox* m_favourite = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateEdit* m_expiresDate = nullptr;
    SecurePasswordEdit* m_totp = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    CustomFieldsEditor* m_fields = nullptr;
    AttachmentsEditor* m_attachments = nullptr;
    HistoryView* m_history = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace tessera::ui
