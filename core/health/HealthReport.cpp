#include "HealthReport.h"

#include "PwnedFile.h"
#include "Strength.h"
#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <map>
#include <optional>

namespace tessera {

namespace {

constexpr int MaxAgeMonthsLimit = 1200;
constexpr int HlcLogicalBits = 16; // an HLC stamp is wall-clock ms << 16 | a logical counter
constexpr qsizetype MinInputWordLength = 3;

// The wall-clock time a register was last set.
qint64 stampMs(const Stamp& stamp) {
    return qint64(stamp.hlc >> HlcLogicalBits);
}

// "Old" is calendar months back from now, in UTC: set before 2023-03-31 is old on 2024-03-31 at
// 12 months, and at 1 month on 31 March the cut-off is the 29th (or 28th) of February.
qint64 oldCutoff(qint64 nowMs, int months) {
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    return now.addMonths(-months).toMSecsSinceEpoch();
}

void addWords(QStringList& inputs, const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    if (words.size() < 2)
        return;
    for (const QString& word : words) {
        if (word.size() >= MinInputWordLength)
            inputs.append(word);
    }
}

// Reuse groups: keyed BLAKE2b of each password under a key made for this run, so the grouping
// holds only tags that say nothing about the passwords once the key is gone.
class ReuseFinder {
public:
    ReuseFinder()
        : m_key(randomKey()) {}
    void add(const SecureBuffer& password, const EntryRef& entry) {
        Mac tag(m_key);
        tag.add(password.data(), password.size());
        m_groups[tag.finish()].push_back(entry);
    }
    std::vector<ReusedPassword> groups() const {
        std::vector<ReusedPassword> reused;
        for (const auto& [tag, entries] : m_groups) {
            if (entries.size() >= 2)
                reused.push_back(ReusedPassword{entries});
        }
        // Largest first; ties by the first entry's title, so the order does not depend on the key.
        std::stable_sort(reused.begin(), reused.end(), [](const auto& a, const auto& b) {
            if (a.entries.size() != b.entries.size())
                return a.entries.size() > b.entries.size();
            return a.entries.front().title.compare(b.entries.front().title, Qt::CaseInsensitive) <
                   0;
        });
        return reused;
    }

private:
    Key m_key;
    std::map<QByteArray, std::vector<EntryRef>> m_groups;
};

} // namespace

int HealthReport::findingCount() const {
    return int(weak.size() + reused.size() + old.size() + expired.size() + pwned.size());
}

QStringList strengthInputsFor(const EntryOverview& entry) {
    QStringList inputs;
    inputs.append(entry.title.value);
    addWords(inputs, entry.title.value);
    const QString& username = entry.username.value;
    if (!username.isEmpty()) {
        inputs.append(username);
        if (const qsizetype at = username.indexOf(QLatin1Char('@')); at > 0)
            inputs.append(username.left(at));
        addWords(inputs, username);
    }
    for (const QString& url : entry.urlList()) {
        const QString host = QUrl::fromUserInput(url).host();
        if (host.isEmpty())
            continue;
        inputs.append(host);
        QStringList labels = host.split(QLatin1Char('.'), Qt::SkipEmptyParts);
        if (labels.size() >= 2)
            labels.removeLast(); // the top-level domain
        for (const QString& label : labels) {
            if (label.size() >= MinInputWordLength && label != QLatin1String("www"))
                inputs.append(label);
        }
    }
    inputs.removeDuplicates();
    return inputs;
}

Result<HealthReport> checkHealth(const Vault& vault, const HealthOptions& options,
                                 const Clock& clock) {
    if (options.maxAgeMonths < 1 || options.maxAgeMonths > MaxAgeMonthsLimit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the maximum password age must be 1 to %1 months")
                             .arg(MaxAgeMonthsLimit));
    std::optional<PwnedFile> pwnedFile;
    if (!options.pwnedFile.isEmpty()) {
        auto opened = PwnedFile::open(options.pwnedFile);
        if (!opened)
            return opened.error();
        pwnedFile.emplace(std::move(*opened));
    }

    HealthReport report;
    report.checkedAt = clock.nowMs();
    report.maxAgeMonths = options.maxAgeMonths;
    report.pwnedChecked = pwnedFile.has_value();
    const qint64 cutoff = oldCutoff(report.checkedAt, options.maxAgeMonths);
    ReuseFinder reuse;

    for (const EntryOverview& entry : vault.entries()) {
        if (entry.trashed.value)
            continue;
        ++report.entriesChecked;
        const EntryRef ref{entry.id, entry.title.value};
        if (entry.expires.value != 0 && entry.expires.value < report.checkedAt)
            report.expired.push_back(ExpiredEntry{ref, entry.expires.value});

        // This entry's details (its password among them) live until the end of this iteration.
        auto details = vault.details(entry.id);
        if (!details)
            return details.error();
        const Register<SecureBuffer>& password = details->password;
        if (password.value.empty())
            continue;
        ++report.passwordsChecked;

        const StrengthEstimate strength =
            estimateStrength(password.value, strengthInputsFor(entry) + options.userInputs);
        if (strength.isWeak())
            report.weak.push_back(WeakPassword{ref, strength.score, strength.crackTime});
        reuse.add(password.value, ref);
        if (const qint64 set = stampMs(password.stamp); set < cutoff)
            report.old.push_back(OldPassword{ref, set});
        if (pwnedFile) {
            auto seen = pwnedFile->count(password.value);
            if (!seen)
                return seen.error();
            if (*seen > 0)
                report.pwned.push_back(PwnedPassword{ref, *seen});
        }
    }
    report.reused = reuse.groups();
    return report;
}

} // namespace tessera
