#pragma once
// How tessera-cli shows ids, times and text that came out of a vault.

#include "common/Result.h"
#include "vault/Entry.h"

#include <QString>

namespace tessera::cli {

QString idHex(const QByteArray& id);
void appendHex(QString& out, QByteArrayView bytes); // lower-case, no allocation beyond out's
// Local time for people ("2024-05-01 14:03"); empty for 0.
QString displayTime(qint64 msSinceEpoch);
// UTC ISO 8601 for JSON ("2024-05-01T12:03:00.000Z").
QString isoTime(qint64 msSinceEpoch);
// The local date of an expiry; "never" for 0.
QString displayExpiry(qint64 msSinceEpoch);
// "YYYY-MM-DD" (start of that day, local time) or "never" (0).
Result<qint64> parseExpiry(const QString& text);
// An HLC stamp is 48 bits of wall-clock ms above a 16-bit counter (core/FORMAT.md).
inline constexpr int HlcCounterBits = 16;
qint64 stampTimeMs(const Stamp& stamp);
QString displaySize(qint64 bytes);
// Text from a vault may come from another device: control characters are shown as '?' so they
// cannot drive the terminal.
QString displaySafe(const QString& text);
// out += displaySafe(text), without a copy of text: for long lists.
void appendDisplaySafe(QString& out, QStringView text);

} // namespace tessera::cli
