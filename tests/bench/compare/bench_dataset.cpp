// bench_dataset: the data set of the KeePassXC comparison (tests/bench/compare/compare.py).
//   bench_dataset vault --entries N --out DIR [--kdf-ops T --kdf-mem-kib M]
//       DIR/tessera.tessera: a Tessera vault of N EntryGenerator entries (plus an attachment on
//       every AttachmentEvery-th), built through the core with the given Argon2id cost, in the
//       device data folder $TESSERA_DATA_DIR (the one tessera-cli will use);
//       DIR/entries.jsonl: the same entries, one JSON object a line, for make_kdbx.py.
//   bench_dataset kdf [--kdf-ops T --kdf-mem-kib M --runs R]
//       prints the median time of Tessera's Argon2id (libsodium) alone, in ms.
// The master password is read from standard input (one line). Benchmark data only: every value
// is generated, nothing here is anyone's secret.

#include "EntryGenerator.h"

#include "crypto/Crypto.h"
#include "sync/DeviceStore.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <iostream>
#include <string>

using namespace tessera;

namespace {

constexpr int Batch = 1000;
constexpr int AttachmentEvery = 100; // one entry in a hundred has an attachment
constexpr int AttachmentMinBytes = 4096;
constexpr int AttachmentSpreadBytes = 28 * 1024; // sizes 4..32 KiB
constexpr int KiB = 1024;
constexpr int DefaultRuns = 7;

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "bench_dataset: %s\n", qPrintable(message));
    std::exit(1);
}

SecureBuffer readPassword() {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty())
        fail(QStringLiteral("give the master password on standard input"));
    SecureBuffer password = SecureBuffer::copyOf(line);
    std::fill(line.begin(), line.end(), '\0');
    return password;
}

// A scanned document's worth of incompressible bytes, the same for the same index.
QByteArray attachmentBytes(int index) {
    const int size = AttachmentMinBytes + int((quint64(index) * 7919U) % AttachmentSpreadBytes);
    QByteArray bytes(size, Qt::Uninitialized);
    quint64 state = 0x9e3779b97f4a7c15ULL ^ quint64(index);
    for (char& byte : bytes) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        byte = char(state & 0xff);
    }
    return bytes;
}

QString attachmentName(int index) {
    return QStringLiteral("scan-%1.pdf").arg(index);
}

QString text(const SecureBuffer& secret) {
    return QString::fromUtf8(reinterpret_cast<const char*>(secret.data()),
                             qsizetype(secret.size()));
}

// The entry as make_kdbx.py needs it: the KeePass group is the folder path.
QJsonObject describe(int index, const EntryChanges& entry) {
    QJsonObject out;
    out[QStringLiteral("title")] = *entry.title;
    out[QStringLiteral("username")] = *entry.username;
    out[QStringLiteral("password")] = text(*entry.password);
    out[QStringLiteral("urls")] = QJsonArray::fromStringList(*entry.urls);
    out[QStringLiteral("tags")] = QJsonArray::fromStringList(*entry.tags);
    out[QStringLiteral("folder")] = *entry.folder;
    out[QStringLiteral("favourite")] = entry.favourite.value_or(false);
    if (entry.notes)
        out[QStringLiteral("notes")] = text(*entry.notes);
    if (entry.totp)
        out[QStringLiteral("totp")] = text(*entry.totp);
    QJsonArray fields;
    for (const EntryChanges::Field& field : entry.fields)
        fields.append(QJsonObject{{QStringLiteral("name"), field.name},
                                  {QStringLiteral("value"), text(*field.value)},
                                  {QStringLiteral("protected"), field.isProtected}});
    out[QStringLiteral("fields")] = fields;
    if (index % AttachmentEvery == AttachmentEvery - 1)
        out[QStringLiteral("attachment")] = QJsonObject{
            {QStringLiteral("name"), attachmentName(index)},
            {QStringLiteral("base64"), QString::fromLatin1(attachmentBytes(index).toBase64())}};
    return out;
}

KdfParams kdfParams(const QCommandLineParser& parser, const QCommandLineOption& ops,
                    const QCommandLineOption& memKib) {
    const int opsLimit = parser.value(ops).toInt();
    const int kib = parser.value(memKib).toInt();
    if (opsLimit < MinOpsLimit || opsLimit > MaxOpsLimit || kib <= 0 ||
        !std::has_single_bit(unsigned(kib)))
        fail(QStringLiteral("--kdf-ops 1..%1 and --kdf-mem-kib a power of two").arg(MaxOpsLimit));
    const int log2 = std::countr_zero(unsigned(kib)) + std::countr_zero(unsigned(KiB));
    if (log2 < MinMemLog2 || log2 > MaxMemLog2)
        fail(QStringLiteral("--kdf-mem-kib out of range"));
    return KdfParams{std::uint8_t(opsLimit), std::uint8_t(log2)};
}

int buildVault(int count, const QString& outDir, KdfParams kdf) {
    const QString dataDir = defaultDataDir();
    if (!makePrivateDir(dataDir) || !QDir().mkpath(outDir))
        fail(QStringLiteral("cannot make %1 or %2").arg(dataDir, outDir));
    const QString path = outDir + QStringLiteral("/tessera.tessera");
    QFile::remove(path);
    QFile jsonl(outDir + QStringLiteral("/entries.jsonl"));
    if (!jsonl.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write %1").arg(jsonl.fileName()));

    const SecureBuffer password = readPassword();
    SystemClock clock;
    const Device device{dataDir, &clock};
    QElapsedTimer timer;
    timer.start();
    auto created = Vault::create(device, path, password, {QStringLiteral("Benchmark"), kdf});
    if (!created)
        fail(created.error().message);
    Vault& vault = **created;
    const bench::EntryGenerator generator;
    for (int first = 0; first < count; first += Batch) {
        const int end = std::min(count, first + Batch);
        std::vector<EntryChanges> batch;
        for (int index = first; index < end; ++index) {
            batch.push_back(generator.entry(index));
            jsonl.write(
                QJsonDocument(describe(index, batch.back())).toJson(QJsonDocument::Compact));
            jsonl.write("\n");
        }
        auto ids = vault.addAll(std::move(batch));
        if (!ids)
            fail(ids.error().message);
        for (int index = first; index < end; ++index) {
            if (index % AttachmentEvery != AttachmentEvery - 1)
                continue;
            const QByteArray bytes = attachmentBytes(index);
            const SecureBuffer content =
                SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
            if (auto attached = vault.attach((*ids)[std::size_t(index - first)],
                                             attachmentName(index), content);
                !attached)
                fail(attached.error().message);
        }
    }
    if (Status published = vault.publish(); !published)
        fail(published.error().message);
    std::printf("bench_dataset: %d entries in %s (%.1f s)\n", count, qPrintable(path),
                double(timer.elapsed()) / 1000.0);
    return 0;
}

int timeKdf(KdfParams kdf, int runs) {
    const SecureBuffer password = readPassword();
    const QByteArray salt = Header::fresh(kdf, false).bytes();
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!argon2id(password, salt, Argon2Params{kdf.opsLimit, kdf.memBytes()}))
            fail(QStringLiteral("Argon2id failed"));
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("%.3f\n", times[times.size() / 2]);
    return 0;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The KeePassXC comparison's data set (vault) or Tessera's KDF time (kdf)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("vault or kdf"));
    const QCommandLineOption entries(QStringLiteral("entries"), QStringLiteral("Entries."),
                                     QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption ops(QStringLiteral("kdf-ops"), QStringLiteral("Argon2id iterations."),
                                 QStringLiteral("T"), QStringLiteral("1"));
    const QCommandLineOption memKib(QStringLiteral("kdf-mem-kib"),
                                    QStringLiteral("Argon2id memory in KiB."), QStringLiteral("M"),
                                    QStringLiteral("1024"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("KDF runs."),
                                  QStringLiteral("R"), QString::number(DefaultRuns));
    parser.addOptions({entries, out, ops, memKib, runs});
    parser.process(app);
    if (!initializeCrypto())
        fail(QStringLiteral("libsodium failed to initialise"));
    const KdfParams kdf = kdfParams(parser, ops, memKib);
    const QString mode = parser.positionalArguments().value(0);
    if (mode == QLatin1String("kdf"))
        return timeKdf(kdf, std::max(1, parser.value(runs).toInt()));
    if (mode != QLatin1String("vault") || !parser.isSet(out) || parser.value(entries).toInt() < 0)
        fail(QStringLiteral("usage: bench_dataset vault --entries N --out DIR | kdf"));
    return buildVault(parser.value(entries).toInt(), parser.value(out), kdf);
}
