#pragma once
// What an entry is. The OVERVIEW (what the list and search need) is opened into memory at unlock;
// the DETAILS (password, notes, TOTP, custom fields, history) are opened only on demand, into
// secure memory. Every field carries the hybrid-logical-clock stamp that merging needs.

#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tessera {

inline constexpr std::size_t EntryIdBytes = 16;  // random 128-bit id
inline constexpr std::size_t DeviceIdBytes = 16; // random per device

using EntryId = QByteArray;  // EntryIdBytes raw bytes; shown as 32 hex digits
using DeviceId = QByteArray; // DeviceIdBytes raw bytes

// A hybrid logical clock value plus the device that made it; ordered by (hlc, device).
struct Stamp {
    quint64 hlc = 0;
    DeviceId device;
    friend bool operator==(const Stamp&, const Stamp&) = default;
    friend auto operator<=>(const Stamp& a, const Stamp& b) {
        if (auto order = a.hlc <=> b.hlc; order != 0)
            return order;
        return a.device.compare(b.device) <=> 0;
    }
};

template <typename T> struct Register {
    T value{};
    Stamp stamp;
};

// One element of a last-writer-wins element set (URLs, tags): a removal is kept as a flag.
struct SetElement {
    QString value;
    Stamp stamp;
    bool removed = false;
};

struct EntryOverview {
    EntryId id;
    Register<QString> title;
    Register<QString> username;
    std::vector<SetElement> urls;
    std::vector<SetElement> tags;
    Register<QString> folder; // "Work/Email": segments separated by '/'
    Register<bool> favourite;
    Register<qint64> expires; // ms since epoch; 0 = never
    Register<bool> trashed;
    qint64 created = 0;  // ms since epoch
    qint64 modified = 0; // ms since epoch

    QStringList urlList() const;
    QStringList tagList() const;
};

struct CustomField {
    QString name;
    SecureBuffer value;
    bool isProtected = false;
    Stamp stamp;
    bool removed = false;
};

// A previous value of a field, kept when it changed (passwords included).
struct HistoryItem {
    Stamp stamp; // when the value was replaced
    QString field;
    SecureBuffer value;
};

struct EntryDetails {
    Register<SecureBuffer> password;
    Register<SecureBuffer> notes;
    Register<SecureBuffer> totp;     // otpauth:// URI or base32 secret, as the user gave it
    std::vector<CustomField> fields; // including removed ones (for merging); see liveFields()
    std::vector<HistoryItem> history;

    std::vector<const CustomField*> liveFields() const;
};

// A change to an entry (or a new entry): fields left empty stay as they are.
struct EntryChanges {
    std::optional<QString> title;
    std::optional<QString> username;
    std::optional<QStringList> urls; // replaces the set
    std::optional<QStringList> tags; // replaces the set
    std::optional<QString> folder;
    std::optional<bool> favourite;
    std::optional<qint64> expires;
    std::optional<SecureBuffer> password;
    std::optional<SecureBuffer> notes;
    std::optional<SecureBuffer> totp;
    struct Field {
        QString name;
        std::optional<SecureBuffer> value; // nullopt removes the field
        bool isProtected = false;
    };
    std::vector<Field> fields; // set or remove by name; other fields stay
};

struct AttachmentInfo {
    QByteArray id; // 16 random bytes
    EntryId entry;
    QString name;
    qint64 size = 0;
    qint64 added = 0; // ms since epoch
};

inline constexpr qint64 MaxAttachmentBytes = 16 * 1024 * 1024;

} // namespace tessera
