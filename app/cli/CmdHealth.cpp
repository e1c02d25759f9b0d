// tessera-cli health VAULT: weak, reused, old, expired and breached passwords, grouped by kind.
// Findings are the report, not a failure: the exit code is 0 whenever the report was made, so
// scripts tell "the vault has problems" from the summary or the JSON, not from the exit code.

#include "CliCommon.h"
#include "Commands.h"
#include "Format.h"
#include "JsonWriter.h"

#include "health/HealthReport.h"
#include "health/Strength.h"

namespace tessera::cli {

namespace {

void writeRef(JsonWriter& json, const EntryRef& entry) {
    json.field("id", idHex(entry.id));
    json.field("title", entry.title);
}

void printJson(Output& out, const HealthReport& report) {
    JsonWriter json(out);
    json.beginObject();
    json.field("checkedAt", isoTime(report.checkedAt));
    json.field("entriesChecked", report.entriesChecked);
    json.field("passwordsChecked", report.passwordsChecked);
    json.field("maxAgeMonths", report.maxAgeMonths);
    json.field("pwnedChecked", report.pwnedChecked);
    json.field("findings", report.findingCount());
    json.key("weak");
    json.beginArray();
    for (const WeakPassword& weak : report.weak) {
        json.beginObject();
        writeRef(json, weak.entry);
        json.field("score", weak.score);
        json.field("crackTime", weak.crackTime);
        json.endObject();
    }
    json.endArray();
    json.key("reused");
    json.beginArray();
    for (const ReusedPassword& group : report.reused) {
        json.beginObject();
        json.field("count", int(group.entries.size()));
        json.key("entries");
        json.beginArray();
        for (const EntryRef& entry : group.entries) {
            json.beginObject();
            writeRef(json, entry);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.key("old");
    json.beginArray();
    for (const OldPassword& old : report.old) {
        json.beginObject();
        writeRef(json, old.entry);
        json.field("passwordSet", isoTime(old.passwordSet));
        json.endObject();
    }
    json.endArray();
    json.key("expired");
    json.beginArray();
    for (const ExpiredEntry& expired : report.expired) {
        json.beginObject();
        writeRef(json, expired.entry);
        json.field("expires", isoTime(expired.expires));
        json.endObject();
    }
    json.endArray();
    json.key("pwned");
    json.beginArray();
    for (const PwnedPassword& pwned : report.pwned) {
        json.beginObject();
        writeRef(json, pwned.entry);
        json.field("count", qint64(pwned.count));
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
}

// "1 month", "2 months".
QString countOf(qsizetype count, const char* singular, const char* plural) {
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

QString entryLine(const EntryRef& entry) {
    return QStringLiteral("  %1  %2").arg(idHex(entry.id), displaySafe(entry.title));
}

// "Weak passwords (2):" and its lines, or "Weak passwords: none".
template <typename List, typename Describe>
void section(Output& out, const QString& heading, const List& items, Describe describe) {
    if (items.empty()) {
        out.line(QStringLiteral("%1: none").arg(heading));
        return;
    }
    out.line(QStringLiteral("%1 (%2):").arg(heading).arg(items.size()));
    for (const auto& item : items)
        out.line(entryLine(item.entry) + QStringLiteral("  ") + describe(item));
}

QString summary(const HealthReport& report) {
    if (report.findingCount() == 0)
        return QStringLiteral("Summary: no problems found.");
    int reusedEntries = 0;
    for (const ReusedPassword& group : report.reused)
        reusedEntries += int(group.entries.size());
    QString text = QStringLiteral("Summary: %1 finding(s): %2 weak, %3 reused (%4 entries), %5 "
                                  "old, %6 expired")
                       .arg(report.findingCount())
                       .arg(report.weak.size())
                       .arg(report.reused.size())
                       .arg(reusedEntries)
                       .arg(report.old.size())
                       .arg(report.expired.size());
    if (report.pwnedChecked)
        text += QStringLiteral(", %1 breached").arg(report.pwned.size());
    return text + QLatin1Char('.');
}

void printText(Output& out, const VaultInfo& info, const HealthReport& report) {
    out.line(QStringLiteral("Health of \"%1\" on %2: %3 entries, %4 with a password")
                 .arg(displaySafe(info.name), displayTime(report.checkedAt))
                 .arg(report.entriesChecked)
                 .arg(report.passwordsChecked));
    out.line(QString());
    section(out, QStringLiteral("Weak passwords"), report.weak, [](const WeakPassword& weak) {
        return QStringLiteral("score %1/%2, cracked in %3")
            .arg(weak.score)
            .arg(MaxScore)
            .arg(weak.crackTime);
    });
    if (report.reused.empty()) {
        out.line(QStringLiteral("Reused passwords: none"));
    } else {
        out.line(QStringLiteral("Reused passwords (%1):")
                     .arg(countOf(qsizetype(report.reused.size()), "group", "groups")));
        for (const ReusedPassword& group : report.reused) {
            out.line(QStringLiteral("  one password in %1 entries:").arg(group.entries.size()));
            for (const EntryRef& entry : group.entries)
                out.line(QStringLiteral("  ") + entryLine(entry));
        }
    }
    section(out,
            QStringLiteral("Passwords older than %1")
                .arg(countOf(report.maxAgeMonths, "month", "months")),
            report.old, [](const OldPassword& old) {
                return QStringLiteral("set %1").arg(displayTime(old.passwordSet));
            });
    section(out, QStringLiteral("Expired entries"), report.expired,
            [](const ExpiredEntry& expired) {
                return QStringLiteral("expired %1").arg(displayExpiry(expired.expires));
            });
    if (report.pwnedChecked) {
        section(out, QStringLiteral("Passwords found in breaches"), report.pwned,
                [](const PwnedPassword& pwned) {
                    return QStringLiteral("seen %1 %2")
                        .arg(pwned.count)
                        .arg(QLatin1String(pwned.count == 1 ? "time" : "times"));
                });
    } else {
        out.line(QStringLiteral("Passwords found in breaches: not checked (--pwned-file)"));
    }
    out.line(QString());
    out.line(summary(report));
}

} // namespace

int runHealth(CliContext& context, const QStringList& args) {
    CommandLine cl(
        QStringLiteral("health"),
        QStringLiteral("Report weak passwords (zxcvbn score 0-2), reused passwords, passwords "
                       "older than N months, expired entries and, with --pwned-file, passwords "
                       "found in an offline copy of Pwned Passwords (SHA-1 edition, ordered by "
                       "hash). Entries in the trash are left out. Nothing goes over the network.\n"
                       "The exit code is 0 when the report was made, whatever it found."),
        QStringLiteral("VAULT"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    const QString jsonOption = QStringLiteral("json");
    cl.addOption(QCommandLineOption(jsonOption, QStringLiteral("Print JSON.")));
    const QString ageOption = QStringLiteral("max-age-months");
    cl.addOption(QCommandLineOption(
        ageOption,
        QStringLiteral("Passwords set more than N months ago are old (default %1).")
            .arg(DefaultMaxPasswordAgeMonths),
        QStringLiteral("N")));
    const QString pwnedOption = QStringLiteral("pwned-file");
    cl.addOption(QCommandLineOption(
        pwnedOption,
        QStringLiteral("A downloaded Pwned Passwords SHA-1 file (lines HASH:COUNT, ordered by "
                       "hash) to look every password up in."),
        QStringLiteral("FILE")));
    if (auto exitCode = cl.parse(args, 1, 1))
        return *exitCode;

    HealthOptions options;
    if (cl.isSet(ageOption)) {
        bool valid = false;
        options.maxAgeMonths = cl.value(ageOption).toInt(&valid);
        if (!valid || options.maxAgeMonths < 1)
            return cl.usageError(QStringLiteral("--max-age-months needs a whole number >= 1"));
    }
    options.pwnedFile = cl.value(pwnedOption);

    auto open = unlockVault(context, cl.positional().constFirst());
    if (!open)
        return fail(open.error());
    const VaultInfo info = (*open)->info();
    options.userInputs = {info.name};
    auto report = checkHealth(*open->vault, options, context.clock());
    if (!report)
        return fail(report.error());
    if (cl.isSet(jsonOption))
        printJson(context.out(), *report);
    else
        printText(context.out(), info, *report);
    return ExitOk;
}

} // namespace tessera::cli
