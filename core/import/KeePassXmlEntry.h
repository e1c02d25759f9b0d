#pragma once
// Internal to the KeePass 2 XML importer: an <Entry> as read from the file (secrets already in
// secure memory), and its conversion into an entry with history, TOTP and attachments.

#include "ImportTypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <map>

#include <vector>

namespace tessera {

struct KeePassString {
    QString key;
    SecureBuffer value;
    bool isProtected = false;
};

struct KeePassBinaryRef {
    QString name;
    QString ref; // the ID of a <Meta><Binaries><Binary>
};

struct KeePassEntry {
    std::vector<KeePassString> strings;
    QString tags;
    qint64 created = 0;
    qint64 modified = 0;
    bool expires = false;
    qint64 expiryTime = 0;
    std::vector<KeePassBinaryRef> binaries;
    std::vector<KeePassEntry> history; // oldest first, as KeePass writes them
    int line = 0;

    const KeePassString* string(const QString& key) const;
};

// The entry in Tessera's terms. binaries: the decoded <Meta><Binaries> by ID.
IncomingEntry convertKeePassEntry(KeePassEntry& entry, const QString& folder, bool trashed,
                                  const std::map<QString, SecureBuffer>& binaries,
                                  QStringList& warnings);

} // namespace tessera
