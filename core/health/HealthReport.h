#pragma once
// The vault health report: weak, reused, old, expired and breached passwords. Every finding names
// its entry (id and title) so a user interface can lead to it. Entries in the trash are left out;
// only non-empty passwords are judged. Details are opened one entry at a time and dropped at once:
// the report never holds a password, and reuse is found by comparing keyed hashes (under a key
// made for this run only), not plaintexts.

#include "common/Clock.h"
#include "common/Result.h"
#include "vault/Entry.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tessera {

class Vault;

inline constexpr int DefaultMaxPasswordAgeMonths = 12;

struct HealthOptions {
    int maxAgeMonths = DefaultMaxPasswordAgeMonths; // passwords set longer ago are "old"; >= 1
    QString pwnedFile;      // a Pwned Passwords SHA-1 file; empty: skip that check
    QStringList userInputs; // extra words for the strength estimate (e.g. the vault's name)
};

struct EntryRef {
    EntryId id;
    QString title;
};

struct WeakPassword {
    EntryRef entry;
    int score = 0;     // 0..WeakScoreMax
    QString crackTime; // as in StrengthEstimate
};

struct ReusedPassword { // one password shared by every entry listed (two or more)
    std::vector<EntryRef> entries;
};

struct OldPassword {
    EntryRef entry;
    qint64 passwordSet = 0; // ms since epoch
};

struct ExpiredEntry {
    EntryRef entry;
    qint64 expires = 0; // ms since epoch
};

struct PwnedPassword {
    EntryRef entry;
    quint64 count = 0; // times seen in breaches
};

struct HealthReport {
    qint64 checkedAt = 0;     // ms since epoch, from the clock passed in
    int entriesChecked = 0;   // entries not in the trash
    int passwordsChecked = 0; // ... with a non-empty password
    int maxAgeMonths = DefaultMaxPasswordAgeMonths;
    bool pwnedChecked = false; // a Pwned Passwords file was given
    // Each list is ordered by title (as Vault::entries()); reused groups by size, largest first.
    std::vector<WeakPassword> weak;
    std::vector<ReusedPassword> reused;
    std::vector<OldPassword> old;
    std::vector<ExpiredEntry> expired;
    std::vector<PwnedPassword> pwned;

    int findingCount() const; // a reused group counts once
};

// Errors: InvalidArgument (bad options, a file that is not a Pwned Passwords file), Io, and
// whatever opening an entry's details reports (Tampered, Damaged, Locked).
Result<HealthReport> checkHealth(const Vault& vault, const HealthOptions& options,
                                 const Clock& clock);

// The words an attacker would try first for this entry: title, its words, user name (and an
// address's local part), URL hosts and their distinctive labels.
QStringList strengthInputsFor(const EntryOverview& entry);

} // namespace tessera
