#include "MemoryScan.h"

#include <QFile>
#include <QHash>
#include <QMultiHash>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace tessera::test {

namespace {

constexpr qint64 ChunkBytes = 1 << 20;
constexpr qint64 PageBytes = 4096;
constexpr int PrefixBytes = 4;

std::size_t prefixHash(quint32 prefix) {
    return (prefix * 2654435761u) >> 16;
}

#if defined(__x86_64__)
// AddressSanitizer's x86_64 shadow (LowShadow, ShadowGap, HighShadow): Shadow = (Mem >> 3) +
// 0x7fff8000. It holds poisoning state, never heap contents.
constexpr quintptr ShadowBegin = 0x00007fff8000ULL;
constexpr quintptr ShadowEnd = 0x10007fff8000ULL;
#endif

bool isShadow(const Mapping& mapping) {
#if defined(__x86_64__)
    return mapping.start >= ShadowBegin && mapping.end <= ShadowEnd;
#else
    Q_UNUSED(mapping);
    return false;
#endif
}

// Mappings that cannot hold a secret the process put there, or cannot be read: not readable,
// the kernel's [vvar]/[vsyscall], and file-backed mappings that were never writable (code and
// read-only data of the binaries and libraries). Whether a secret reached a FILE is what
// tst_files_written checks.
bool skipped(const Mapping& mapping) {
    if (mapping.permissions.size() < 4 || mapping.permissions.at(0) != 'r')
        return true;
    if (mapping.name == QLatin1String("[vvar]") || mapping.name == QLatin1String("[vsyscall]"))
        return true;
    const bool fileBacked = mapping.name.startsWith(QLatin1Char('/'));
    if (fileBacked && mapping.permissions.at(1) != 'w')
        return true;
    return underAddressSanitizer() && isShadow(mapping);
}

// /proc/PID/smaps: each mapping's header line, then "Key: value kB" lines.
QList<Mapping> readMappings(pid_t pid, QString* error) {
    QFile smaps(QStringLiteral("/proc/%1/smaps").arg(pid));
    if (!smaps.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(smaps.fileName(), smaps.errorString());
        return {};
    }
    QList<Mapping> mappings;
    const QList<QByteArray> lines = smaps.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.isEmpty())
            continue;
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        bool isHeader = dash > 0 && space > dash;
        quintptr start = 0, end = 0;
        if (isHeader) {
            bool okStart = false, okEnd = false;
            start = line.left(dash).toULongLong(&okStart, 16);
            end = line.mid(dash + 1, space - dash - 1).toULongLong(&okEnd, 16);
            isHeader = okStart && okEnd;
        }
        if (isHeader) {
            // start-end perms offset dev inode [name]
            const QList<QByteArray> fields = line.simplified().split(' ');
            Mapping mapping;
            mapping.start = start;
            mapping.end = end;
            mapping.permissions = fields.value(1);
            if (fields.size() > 5) {
                // The name may contain spaces: everything after the inode field.
                int at = 0;
                for (int field = 0; field < 5; ++field) {
                    at = line.indexOf(' ', at);
                    while (at < line.size() && line.at(at) == ' ')
                        ++at;
                }
                mapping.name = QString::fromUtf8(line.mid(at)).trimmed();
            }
            mappings.append(mapping);
        } else if (line.startsWith("Locked:") && !mappings.isEmpty()) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            mappings.last().locked = fields.value(1).toLongLong() > 0;
        }
    }
    if (mappings.isEmpty())
        *error = QStringLiteral("no mappings in %1").arg(smaps.fileName());
    return mappings;
}

// Reads [address, address + size) into out; unreadable pages are left as zeros.
void readRange(int fd, quintptr address, qint64 size, QByteArray& out, int* unreadablePages) {
    out.resize(size);
    if (pread(fd, out.data(), size_t(size), off_t(address)) == size)
        return;
    out.fill('\0');
    for (qint64 page = 0; page < size; page += PageBytes) {
        const qint64 length = std::min(PageBytes, size - page);
        if (pread(fd, out.data() + page, size_t(length), off_t(address + quintptr(page))) != length)
            ++*unreadablePages;
    }
}

} // namespace

QList<Needle> needlesFor(const QString& label, const QString& text) {
    QByteArray utf16(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    // QString is UTF-16 in host order; x86 and ARM Linux are little-endian.
    return {{label + QStringLiteral(" (UTF-8)"), text.toUtf8()},
            {label + QStringLiteral(" (UTF-16)"), utf16}};
}

bool underAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

ScanResult scanProcess(pid_t pid, const QList<Needle>& needles) {
    ScanResult result;
    result.counts = QList<int>(needles.size(), 0);
    result.mappings = readMappings(pid, &result.error);
    if (!result.ok())
        return result;
    const QString memPath = QStringLiteral("/proc/%1/mem").arg(pid);
    const int fd = ::open(QFile::encodeName(memPath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        result.error = QStringLiteral("cannot open %1: %2")
                           .arg(memPath, QString::fromLocal8Bit(strerror(errno)));
        return result;
    }
    qsizetype longest = 0;
    std::vector<bool> filter(std::size_t(1) << 16);
    QMultiHash<quint32, int> byPrefix;
    for (int n = 0; n < needles.size(); ++n) {
        const QByteArray& bytes = needles.at(n).bytes;
        if (bytes.size() < PrefixBytes)
            continue; // too short to mean anything: every needle is a whole secret
        longest = std::max(longest, bytes.size());
        quint32 prefix;
        memcpy(&prefix, bytes.constData(), PrefixBytes);
        filter[prefixHash(prefix)] = true;
        byPrefix.insert(prefix, n);
    }
    QByteArray chunk;
    int unreadablePages = 0;
    for (int index = 0; index < result.mappings.size(); ++index) {
        const Mapping& mapping = result.mappings.at(index);
        if (skipped(mapping)) {
            ++result.mappingsSkipped;
            continue;
        }
        const qint64 size = qint64(mapping.end - mapping.start);
        // Chunks overlap by longest - 1 bytes, so a needle across a chunk border is found once.
        for (qint64 offset = 0; offset < size; offset += ChunkBytes) {
            const qint64 length = std::min(size - offset, ChunkBytes + longest - 1);
            readRange(fd, mapping.start + quintptr(offset), length, chunk, &unreadablePages);
            result.bytesScanned += std::min(length, ChunkBytes);
            // One pass per chunk: a 4-byte prefix filter, then a full compare of the needles
            // with that prefix (memmem per needle was 30 passes over hundreds of MiB under ASan).
            const auto* bytes = reinterpret_cast<const unsigned char*>(chunk.constData());
            const qint64 starts = std::min<qint64>(chunk.size() - PrefixBytes + 1, ChunkBytes);
            for (qint64 at = 0; at < starts; ++at) {
                quint32 prefix;
                memcpy(&prefix, bytes + at, PrefixBytes);
                if (!filter[prefixHash(prefix)])
                    continue;
                const auto [first, last] = byPrefix.equal_range(prefix);
                for (auto it = first; it != last; ++it) {
                    const int n = it.value();
                    const QByteArray& needle = needles.at(n).bytes;
                    if (at + needle.size() <= chunk.size() &&
                        memcmp(bytes + at, needle.constData(), size_t(needle.size())) == 0) {
                        ++result.counts[n];
                        result.hits.append({n, mapping.start + quintptr(offset + at), index});
                    }
                }
            }
        }
    }
    ::close(fd);
    return result;
}

QStringList ScanResult::describeHits(const QList<Needle>& needles, int maxPerNeedle) const {
    QStringList lines;
    for (int n = 0; n < needles.size(); ++n) {
        if (counts.value(n) == 0)
            continue;
        QStringList where;
        for (const Hit& hit : hits) {
            if (hit.needle != n || where.size() >= maxPerNeedle)
                continue;
            const Mapping& m = mappings.at(hit.mapping);
            where.append(QStringLiteral("%1%2 %3+0x%4")
                             .arg(m.name.isEmpty() ? QStringLiteral("anon") : m.name,
                                  m.locked ? QStringLiteral(" locked") : QString(),
                                  QString::fromLatin1(m.permissions))
                             .arg(hit.address - m.start, 0, 16));
        }
        lines.append(QStringLiteral("%1: %2 (%3)")
                         .arg(needles.at(n).label)
                         .arg(counts.value(n))
                         .arg(where.join(QStringLiteral(", "))));
    }
    return lines;
}

qint64 lockedKiB(pid_t pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmLck:"))
            return line.simplified().split(' ').value(1).toLongLong();
    }
    return -1;
}

} // namespace tessera::test
