#pragma once
// The options add and edit share, turned into an EntryChanges. Non-secret values come from argv;
// prompting options (--password-prompt, --protected-field, --totp-prompt) read one line each from
// SecretInput, in the order they were given on the command line; --notes-stdin then reads the rest.

#include "CliCommon.h"

#include "vault/Entry.h"

#include <optional>

namespace tessera::cli {

enum class EntryOptionSet { Add, Edit };

void addEntryOptions(CommandLine& commandLine, EntryOptionSet set);

// add/edit take --generate alone or --generate=SPEC: a bare --generate becomes --generate= (the
// default spec), so QCommandLineParser never takes the next argument as its value.
QStringList withGenerateDefault(QStringList args);

// Everything from argv; nullopt after a usage error (already printed). Read no secrets yet, so a
// usage error never costs the user their typed master password. --generate[=SPEC] sets the
// password from the generator here.
std::optional<EntryChanges> entryChangesFromOptions(const CommandLine& commandLine,
                                                    EntryOptionSet set);
// Reads the prompted secrets into changes.
Status readPromptedSecrets(const CommandLine& commandLine, SecretInput& secrets,
                           EntryChanges& changes);
// Whether the command line asks for any change at all.
bool hasChanges(const EntryChanges& changes, const CommandLine& commandLine);

} // namespace tessera::cli
