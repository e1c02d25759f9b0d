#pragma once
// The scanning parent of the memory residue tests (tst_residue_core, tst_residue_app): random
// secrets made fresh for every run, a vault holding them (made by this process, so the child
// never sees an entry's secrets unless it opens them), a child process driven one command at a
// time over a pipe (secrets on stdin, never argv or environment), and after every command a scan
// of the child's memory with per-secret expectations: zero copies, except of the secrets the
// checkpoint allows (shown, copied, being edited).

#include "MemoryScan.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace tessera::test {

// One secret the child may come to hold. id: "master", "entry2.password", "entry2.notes",
// "new2.password", "canary", "generated"; kind: the table column ("master", "password", "notes",
// "canary").
struct Secret {
    QString id;
    QString kind;
    QString text;
};

struct Checkpoint {
    QString name;
    QStringList commands;       // each "VERB ARGS" or "VERB ARGS <secret id>" for a secret line
    QSet<QString> allowed;      // secret ids that may have copies here
    QSet<QString> present;      // secret ids that must be found (UTF-8): proves the scan sees them
    QSet<QString> presentUtf16; // ... and found as UTF-16
};

class ResidueHarness {
public:
    static constexpr int EntryCount = 5;

    ResidueHarness();
    ~ResidueHarness();
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& relative) const { return m_dir.filePath(relative); }
    QString vaultPath() const { return path(QStringLiteral("cloud/residue.tessera")); }
    QString childDataDir() const { return path(QStringLiteral("child-data")); }

    // Entry titles are "Entry 0" .. "Entry 4"; each has a password and two lines of notes.
    static QString title(int entry) { return QStringLiteral("Entry %1").arg(entry); }
    const QList<Secret>& secrets() const { return m_secrets; }
    const Secret* secret(const QString& id) const;
    // A secret the child made (e.g. a generated password), reported to the parent in hex.
    void addSecret(const QString& id, const QString& kind, const QString& text);

    // Creates the vault with the minimum KDF; empty on success, else why not.
    QString createVault();

    // Starts the child with arguments (no secrets there) and extra environment. wipingAllocator:
    // the child links ui/WipeOnFree.cpp; under ASan (which replaces it) ASan fills freed blocks.
    QString start(const QString& program, const QStringList& arguments,
                  const QStringList& environment = {}, bool wipingAllocator = false);
    // Sends one command (and its secret line, if the last word names a secret); returns the
    // child's answer line ("ok" or "error: ...").
    QByteArray send(const QString& command);
    // Reads one more line from the child (after a command that reports something).
    QByteArray readLine();
    pid_t childPid() const { return pid_t(m_child.processId()); }
    // Ends the child (sends quit, then waits).
    void stop();

    // Runs the checkpoint's commands, scans, logs one table row ("RESIDUE <flow> <name> ...")
    // and returns the problems: a secret not allowed here found, or a required one missing.
    QStringList check(const QString& flow, const Checkpoint& checkpoint);

    const ScanResult& lastScan() const { return m_lastScan; }
    const QList<Needle>& lastNeedles() const { return m_lastNeedles; }

private:
    QList<Needle> needles(QList<QString>* owners) const;

    QTemporaryDir m_dir;
    QList<Secret> m_secrets;
    QProcess m_child;
    QByteArray m_pending; // read from the child, not yet a whole line
    ScanResult m_lastScan;
    QList<Needle> m_lastNeedles;
};

// A random string of the given length from letters, digits and punctuation (no space, no line
// break), with one non-ASCII letter in the middle when nonAscii is set.
QString randomSecret(int length, bool nonAscii = false);

} // namespace tessera::test
