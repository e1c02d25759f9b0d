#pragma once
// Reads another process's memory (a child of this one, so ptrace's access check passes even under
// Yama ptrace_scope=1 as long as the child stays dumpable) and counts where given byte strings
// occur: every readable mapping in /proc/PID/maps through /proc/PID/mem. Under AddressSanitizer
// the shadow memory (metadata about the heap, never its contents, and terabytes of reserved space)
// is skipped; the heap itself is scanned, quarantined (freed) blocks included.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace tessera::test {

// One secret as the bytes to look for: UTF-8 and UTF-16LE forms are separate needles.
struct Needle {
    QString label; // "entry 2 password (UTF-16)": never the secret itself
    QByteArray bytes;
};

// The needles for one secret text: its UTF-8 bytes and its UTF-16LE bytes.
QList<Needle> needlesFor(const QString& label, const QString& text);

struct Mapping {
    quintptr start = 0;
    quintptr end = 0;
    QByteArray permissions; // "rw-p"
    QString name;           // path, [heap], [stack], or empty for anonymous
    bool locked = false;    // smaps "Locked:" > 0 (mlock-ed pages)
};

struct Hit {
    int needle = 0; // index into the needle list
    quintptr address = 0;
    int mapping = -1; // index into ScanResult::mappings
};

struct ScanResult {
    QList<int> counts; // per needle
    QList<Hit> hits;
    QList<Mapping> mappings;
    qint64 bytesScanned = 0;
    int mappingsSkipped = 0;
    QString error; // empty when the scan worked
    bool ok() const { return error.isEmpty(); }
    // "label: N (in [heap] 0x..., anonymous locked 0x...)" for each needle with hits.
    QStringList describeHits(const QList<Needle>& needles, int maxPerNeedle = 4) const;
};

// Whether this build runs under AddressSanitizer (the compiler's define).
bool underAddressSanitizer();

// Scans every readable mapping of pid for every needle.
ScanResult scanProcess(pid_t pid, const QList<Needle>& needles);

// VmLck of a process in KiB (-1 if it cannot be read).
qint64 lockedKiB(pid_t pid);

} // namespace tessera::test
