#include "EntryOptions.h"

#include "Format.h"

#include "generator/Generator.h"

#include "totp/Totp.h"

namespace tessera::cli {

namespace {

namespace Opt {
const QString Title = QStringLiteral("title");
const QString Username = QStringLiteral("username");
const QString Url = QStringLiteral("url");
const QString ClearUrls = QStringLiteral("clear-urls");
const QString Notes = QStringLiteral("notes");
const QString NotesStdin = QStringLiteral("notes-stdin");
const QString Folder = QStringLiteral("folder");
const QString Tag = QStringLiteral("tag");
const QString ClearTags = QStringLiteral("clear-tags");
const QString Field = QStringLiteral("field");
const QString RemoveField = QStringLiteral("remove-field");
const QString Favourite = QStringLiteral("favourite");
const QString NoFavourite = QStringLiteral("no-favourite");
const QString Expires = QStringLiteral("expires");
const QString PasswordPrompt = QStringLiteral("password-prompt");
const QString ProtectedField = QStringLiteral("protected-field");
const QString TotpPrompt = QStringLiteral("totp-prompt");
const QString Generate = QStringLiteral("generate");
} // namespace Opt

QCommandLineOption option(const QString& name, const QString& description,
                          const QString& valueName = {}) {
    return QCommandLineOption(name, description, valueName);
}

SecureBuffer secureText(const QString& text) {
    QByteArray utf8 = text.toUtf8();
    SecureBuffer buffer = SecureBuffer::copyOf(utf8.constData(), std::size_t(utf8.size()));
    utf8.fill('\0');
    return buffer;
}

} // namespace

void addEntryOptions(CommandLine& cl, EntryOptionSet set) {
    cl.addOption(option(Opt::Title, QStringLiteral("The entry's title."), QStringLiteral("TITLE")));
    cl.addOption(option(Opt::Username, QStringLiteral("The user name."), QStringLiteral("NAME")));
    cl.addOption(option(Opt::Url,
                        set == EntryOptionSet::Add
                            ? QStringLiteral("A URL (repeatable).")
                            : QStringLiteral("A URL (repeatable; replaces all URLs)."),
                        QStringLiteral("URL")));
    cl.addOption(option(Opt::Notes,
                        QStringLiteral("Notes on the command line (other users can see them in "
                                       "the process list: prefer --notes-stdin)."),
                        QStringLiteral("TEXT")));
    cl.addOption(option(Opt::NotesStdin,
                        QStringLiteral("Read the notes from standard input: everything after "
                                       "the master password and the prompted lines, to its end "
                                       "(several lines; at most 1 MiB of UTF-8).")));
    cl.addOption(option(Opt::Folder, QStringLiteral("Folder path, e.g. Work/Email."),
                        QStringLiteral("PATH")));
    cl.addOption(option(Opt::Tag,
                        set == EntryOptionSet::Add
                            ? QStringLiteral("A tag (repeatable).")
                            : QStringLiteral("A tag (repeatable; replaces all tags)."),
                        QStringLiteral("TAG")));
    cl.addOption(option(Opt::Field,
                        QStringLiteral("A custom field that is not secret (repeatable)."),
                        QStringLiteral("NAME=VALUE")));
    cl.addOption(option(Opt::Favourite, QStringLiteral("Mark as favourite.")));
    cl.addOption(option(Opt::NoFavourite, QStringLiteral("Unmark as favourite.")));
    cl.addOption(option(Opt::Expires, QStringLiteral("Expiry date, or \"never\"."),
                        QStringLiteral("YYYY-MM-DD")));
    cl.addOption(
        option(Opt::PasswordPrompt, QStringLiteral("Read the entry's password (one line).")));
    cl.addOption(option(
        Opt::Generate,
        QStringLiteral("Set the entry's password from the generator: --generate alone for %1, "
                       "or --generate=SPEC as in `tessera-cli generate --spec`. Nothing secret "
                       "is printed (see it with show --field password).")
            .arg(DefaultGeneratorSpec),
        QStringLiteral("SPEC")));
    cl.addOption(
        option(Opt::ProtectedField,
               QStringLiteral("Read a protected custom field's value (one line; repeatable)."),
               QStringLiteral("NAME")));
    cl.addOption(
        option(Opt::TotpPrompt,
               QStringLiteral("Read a TOTP secret: otpauth:// URI or base32 (one line).")));
    if (set == EntryOptionSet::Edit) {
        cl.addOption(option(Opt::ClearUrls, QStringLiteral("Remove every URL.")));
        cl.addOption(option(Opt::ClearTags, QStringLiteral("Remove every tag.")));
        cl.addOption(option(Opt::RemoveField, QStringLiteral("Remove a custom field (repeatable)."),
                            QStringLiteral("NAME")));
    }
}

std::optional<EntryChanges> entryChangesFromOptions(const CommandLine& cl, EntryOptionSet set) {
    EntryChanges changes;
    if (cl.isSet(Opt::Title)) {
        if (cl.value(Opt::Title).trimmed().isEmpty()) {
            cl.usageError(QStringLiteral("the title must not be empty"));
            return std::nullopt;
        }
        changes.title = cl.value(Opt::Title);
    } else if (set == EntryOptionSet::Add) {
        cl.usageError(QStringLiteral("--title is required"));
        return std::nullopt;
    }
    if (cl.isSet(Opt::Username))
        changes.username = cl.value(Opt::Username);
    if (cl.isSet(Opt::Folder))
        changes.folder = cl.value(Opt::Folder);
    if (cl.isSet(Opt::Notes) && cl.isSet(Opt::NotesStdin)) {
        cl.usageError(QStringLiteral("--notes and --notes-stdin exclude each other"));
        return std::nullopt;
    }
    if (cl.isSet(Opt::Notes))
        changes.notes = secureText(cl.value(Opt::Notes));
    const bool clearUrls = set == EntryOptionSet::Edit && cl.isSet(Opt::ClearUrls);
    const bool clearTags = set == EntryOptionSet::Edit && cl.isSet(Opt::ClearTags);
    if (cl.isSet(Opt::Url) || clearUrls)
        changes.urls = clearUrls ? QStringList() : cl.values(Opt::Url);
    if (cl.isSet(Opt::Tag) || clearTags)
        changes.tags = clearTags ? QStringList() : cl.values(Opt::Tag);
    if (cl.isSet(Opt::Favourite) && cl.isSet(Opt::NoFavourite)) {
        cl.usageError(QStringLiteral("--favourite and --no-favourite exclude each other"));
        return std::nullopt;
    }
    if (cl.isSet(Opt::Favourite) || cl.isSet(Opt::NoFavourite))
        changes.favourite = cl.isSet(Opt::Favourite);
    if (cl.isSet(Opt::Expires)) {
        auto expires = parseExpiry(cl.value(Opt::Expires));
        if (!expires) {
            cl.usageError(expires.error().message);
            return std::nullopt;
        }
        changes.expires = *expires;
    }
    for (const QString& field : cl.values(Opt::Field)) {
        const qsizetype equals = field.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            cl.usageError(QStringLiteral("--field takes NAME=VALUE, not '%1'").arg(field));
            return std::nullopt;
        }
        changes.fields.push_back({field.left(equals), secureText(field.mid(equals + 1)), false});
    }
    if (set == EntryOptionSet::Edit) {
        for (const QString& name : cl.values(Opt::RemoveField))
            changes.fields.push_back({name, std::nullopt, false});
    }
    if (cl.isSet(Opt::Generate)) {
        if (cl.isSet(Opt::PasswordPrompt)) {
            cl.usageError(QStringLiteral("--generate and --password-prompt exclude each other"));
            return std::nullopt;
        }
        if (cl.values(Opt::Generate).size() > 1) {
            cl.usageError(QStringLiteral("--generate is given twice"));
            return std::nullopt;
        }
        const QString spec = cl.value(Opt::Generate);
        auto generator = Generator::fromSpec(spec.isEmpty() ? DefaultGeneratorSpec : spec);
        if (!generator) {
            cl.usageError(generator.error().message);
            return std::nullopt;
        }
        CsprngSource random;
        changes.password = generator->generate(random);
    }
    for (const QString& name : cl.values(Opt::ProtectedField)) {
        if (name.isEmpty()) {
            cl.usageError(QStringLiteral("--protected-field needs a field name"));
            return std::nullopt;
        }
    }
    return changes;
}

Status readPromptedSecrets(const CommandLine& cl, SecretInput& secrets, EntryChanges& changes) {
    const auto prompts = cl.ordered({Opt::PasswordPrompt, Opt::ProtectedField, Opt::TotpPrompt});
    for (const auto& [name, value] : prompts) {
        if (name == Opt::PasswordPrompt) {
            auto password = secrets.read(QStringLiteral("entry password"));
            if (!password)
                return password.error();
            changes.password = std::move(*password);
        } else if (name == Opt::ProtectedField) {
            auto secret = secrets.read(QStringLiteral("value of protected field %1").arg(value));
            if (!secret)
                return secret.error();
            changes.fields.push_back({value, std::move(*secret), true});
        } else {
            auto totp = secrets.read(QStringLiteral("TOTP secret (otpauth:// URI or base32)"));
            if (!totp)
                return totp.error();
            // Stored as typed, but only once it parses: a bad URI or base32 is a usage error
            // now rather than an unusable secret later.
            if (auto parsed = parseTotp(*totp); !parsed)
                return parsed.error();
            changes.totp = std::move(*totp);
        }
    }
    if (cl.isSet(Opt::NotesStdin)) { // last: it reads to the end of the input
        auto notes = secrets.readRest(QStringLiteral("notes"));
        if (!notes)
            return notes.error();
        if (!QByteArrayView(notes->data(), qsizetype(notes->size())).isValidUtf8())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the notes on standard input are not UTF-8 text"));
        changes.notes = std::move(*notes);
    }
    return {};
}

bool hasChanges(const EntryChanges& changes, const CommandLine& cl) {
    const bool prompts =
        !cl.ordered({Opt::PasswordPrompt, Opt::ProtectedField, Opt::TotpPrompt}).isEmpty() ||
        cl.isSet(Opt::NotesStdin);
    return prompts || changes.password || changes.title || changes.username || changes.urls ||
           changes.tags || changes.folder || changes.favourite || changes.expires ||
           changes.notes || !changes.fields.empty();
}

QStringList withGenerateDefault(QStringList args) {
    const QString bare = QStringLiteral("--") + Opt::Generate;
    for (QString& arg : args) {
        if (arg == QLatin1String("--"))
            break;
        if (arg == bare)
            arg += QLatin1Char('=');
    }
    return args;
}

} // namespace tessera::cli
