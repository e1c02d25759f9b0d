// tessera-cli show VAULT ENTRY: one entry. Secrets (password, TOTP, protected fields, history
// values) only with --show-protected, or one value alone with --field NAME (for scripts).

#include "CliCommon.h"
#include "Commands.h"
#include "EntryFormat.h"
#include "Format.h"
#include "JsonWriter.h"

namespace tessera::cli {

namespace {

using Style = Output::SecretStyle;

const QString JsonOption = QStringLiteral("json");
const QString ShowProtectedOption = QStringLiteral("show-protected");
const QString FieldOption = QStringLiteral("field");

// Prints one value alone, raw, for scripts: password, totp, notes, username, title, or a custom
// field's name.
int printField(Output& out, const EntryOverview& entry, const EntryDetails& details,
               const QString& name) {
    const SecureBuffer* secret = nullptr;
    if (name == QLatin1String("password"))
        secret = &details.password.value;
    else if (name == QLatin1String("totp"))
        secret = &details.totp.value;
    else if (name == QLatin1String("notes"))
        secret = &details.notes.value;
    else if (name == QLatin1String("username") || name == QLatin1String("title")) {
        out.line(name == QLatin1String("title") ? entry.title.value : entry.username.value);
        return ExitOk;
    }
    for (const CustomField* field : details.liveFields()) {
        if (!secret && field->name == name)
            secret = &field->value;
    }
    if (!secret) {
        printError(QStringLiteral("entry \"%1\" has no field \"%2\"")
                       .arg(displaySafe(entry.title.value), displaySafe(name)));
        return ExitNotFound;
    }
    out.secret(*secret, Style::Raw);
    out.bytes("\n");
    return ExitOk;
}

void printJson(Output& out, const EntryOverview& entry, const EntryDetails& details,
               const std::vector<AttachmentInfo>& attachments, bool showProtected) {
    JsonWriter json(out);
    json.beginObject();
    writeOverviewFields(json, entry);
    json.field("hasPassword", !details.password.value.empty());
    if (showProtected)
        json.secretField("password", details.password.value);
    json.field("hasTotp", !details.totp.value.empty());
    if (showProtected)
        json.secretField("totp", details.totp.value);
    json.secretField("notes", details.notes.value);
    json.key("fields");
    json.beginArray();
    for (const CustomField* field : details.liveFields()) {
        json.beginObject();
        json.field("name", field->name);
        json.field("protected", field->isProtected);
        if (!field->isProtected || showProtected)
            json.secretField("value", field->value);
        json.endObject();
    }
    json.endArray();
    json.key("attachments");
    json.beginArray();
    for (const AttachmentInfo& attachment : attachments) {
        json.beginObject();
        json.field("name", attachment.name);
        json.field("size", attachment.size);
        json.field("added", isoTime(attachment.added));
        json.endObject();
    }
    json.endArray();
    json.key("history");
    json.beginArray();
    for (const HistoryItem& item : details.history) {
        json.beginObject();
        json.field("field", item.field);
        json.field("replaced", isoTime(stampTimeMs(item.stamp)));
        if (showProtected)
            json.secretField("value", item.value);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.finish();
}

void printText(Output& out, const EntryOverview& entry, const EntryDetails& details,
               const std::vector<AttachmentInfo>& attachments, bool showProtected) {
    const auto label = [&out](const char* name) {
        out.text(QString(QLatin1String(name)).leftJustified(11));
    };
    const auto row = [&](const char* name, const QString& value) {
        if (value.isEmpty())
            return;
        label(name);
        out.line(displaySafe(value));
    };
    const auto secretRow = [&](const char* name, const SecureBuffer& value, const char* field) {
        if (value.empty())
            return;
        label(name);
        if (showProtected) {
            out.secret(value, Style::Display);
            out.bytes("\n");
        } else {
            out.line(QStringLiteral("(hidden; --show-protected or --field %1 shows it)")
                         .arg(QLatin1String(field)));
        }
    };
    row("Title:", entry.title.value);
    row("Username:", entry.username.value);
    for (const QString& url : entry.urlList())
        row("URL:", url);
    row("Tags:", entry.tagList().join(QLatin1String(", ")));
    row("Folder:", entry.folder.value);
    if (entry.favourite.value)
        row("Favourite:", QStringLiteral("yes"));
    row("Expires:", displayExpiry(entry.expires.value));
    secretRow("Password:", details.password.value, "password");
    secretRow("TOTP:", details.totp.value, "totp");
    row("Created:", displayTime(entry.created));
    row("Modified:", displayTime(entry.modified));
    row("Id:", idHex(entry.id));
    if (entry.trashed.value)
        row("Trashed:", QStringLiteral("yes (restore brings it back)"));
    if (!details.notes.value.empty()) {
        out.line(QStringLiteral("Notes:"));
        out.secret(details.notes.value, Style::Display);
        out.bytes("\n");
    }
    const auto fields = details.liveFields();
    if (!fields.empty())
        out.line(QStringLiteral("Fields:"));
    for (const CustomField* field : fields) {
        out.text(QStringLiteral("  %1: ").arg(displaySafe(field->name)));
        if (field->isProtected && !showProtected)
            out.text(QStringLiteral("(protected)"));
        else
            out.secret(field->value, Style::Display);
        out.bytes("\n");
    }
    if (!attachments.empty())
        out.line(QStringLiteral("Attachments:"));
    for (const AttachmentInfo& attachment : attachments)
        out.line(QStringLiteral("  %1 (%2)")
                     .arg(displaySafe(attachment.name), displaySize(attachment.size)));
    if (!details.history.empty())
        out.line(QStringLiteral(
                     "History:   %1 earlier value(s); show --json --show-protected lists them")
                     .arg(details.history.size()));
}

} // namespace

int runShow(CliContext& context, const QStringList& args) {
    CommandLine cl(QStringLiteral("show"),
                   QStringLiteral("Show one entry. The password, TOTP secret, protected fields and "
                                  "history values are shown only with --show-protected; --field "
                                  "prints one value alone."),
                   QStringLiteral("VAULT ENTRY"));
    cl.addPositional(QStringLiteral("VAULT"), QStringLiteral("The vault file."));
    cl.addPositional(QStringLiteral("ENTRY"), QStringLiteral("The entry's id or exact title."));
    cl.addOption(QCommandLineOption(JsonOption, QStringLiteral("Print JSON.")));
    cl.addOption(QCommandLineOption(ShowProtectedOption,
                                    QStringLiteral("Also show the password and other secrets.")));
    cl.addOption(QCommandLineOption(
        FieldOption,
        QStringLiteral("Print only this value, raw: password, totp, notes, username, title, or a "
                       "custom field's name."),
        QStringLiteral("NAME")));
    if (auto exitCode = cl.parse(args, 2, 2))
        return *exitCode;
    if (cl.isSet(FieldOption) && cl.isSet(JsonOption))
        return cl.usageError(QStringLiteral("--field and --json exclude each other"));

    auto open = unlockVault(context, cl.positional().at(0), nullptr, Overviews::OnDemand);
    if (!open)
        return fail(open.error());
    const Vault& vault = *open->vault;
    auto id = vault.resolve(cl.positional().at(1), Scope::Live);
    if (!id)
        return fail(id.error());
    const EntryOverview* entry = vault.entry(*id);
    if (!entry)
        return fail(makeError(ErrorCode::NotFound, QStringLiteral("no such entry")));
    auto details = vault.details(*id);
    if (!details)
        return fail(details.error());
    if (cl.isSet(FieldOption))
        return printField(context.out(), *entry, *details, cl.value(FieldOption));
    auto attachments = vault.attachments(*id);
    if (!attachments)
        return fail(attachments.error());
    if (cl.isSet(JsonOption))
        printJson(context.out(), *entry, *details, *attachments, cl.isSet(ShowProtectedOption));
    else
        printText(context.out(), *entry, *details, *attachments, cl.isSet(ShowProtectedOption));
    return ExitOk;
}

} // namespace tessera::cli
