#pragma once
// Small helpers the importers share: UTF-8 checks with a line number, secrets moved out of the
// QString a Qt parser hands over (and that copy wiped), dates, flags, tag lists and titles made
// from URLs.

#include "common/Result.h"
#include "crypto/Crypto.h" // wipe(QString&), wipe(QByteArray&)
#include "crypto/SecureBuffer.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>

namespace tessera {

struct EntryChanges;

// The 1-based line of byte offset in text.
int lineAt(std::string_view text, std::size_t offset);
// InvalidArgument "line N: not UTF-8 text ..." at the first invalid sequence.
Status checkUtf8(std::string_view text, const QString& what);
bool isUtf8(std::string_view text);

// The UTF-8 bytes of text in secure memory; text is then overwritten with zeros (it was the only
// copy a Qt parser handed us, so it does not linger).
SecureBuffer takeSecret(QString& text);

QString textOf(const SecureBuffer& buffer); // for NON-secret cells (titles, URLs, folders)

// An ISO 8601 date/time ("2023-11-14T22:13:20Z", "2023-11-14 22:13:20", "2023-11-14"), or
// milliseconds since 1970 when digitsAreMs and the text is all digits. nullopt if it is neither.
std::optional<qint64> parseTimeMs(const QString& text, bool digitsAreMs = false);
QString isoTime(qint64 ms); // UTC, seconds precision, "Z"
// "1", "true", "yes", "x" (any case) -> true; "", "0", "false", "no" -> false.
std::optional<bool> parseFlag(const QString& text);
// Tags separated by commas or semicolons, trimmed, empty ones dropped, duplicates dropped.
QStringList splitTags(const QString& text);
// Non-empty lines, trimmed.
QStringList splitLines(const QString& text);
// A title for an entry that has none: the URL's host, else the username.
QString titleFromUrl(const QString& url);

// Sets (or adds) a custom field of changes.
void addField(EntryChanges& changes, const QString& name, SecureBuffer value, bool isProtected);
// Makes an otpauth:// URI from a base32 secret and KeePass-style settings.
SecureBuffer otpauthUri(std::string_view base32Secret, const QString& label, int digits,
                        qint64 period, const QString& algorithm);

} // namespace tessera
