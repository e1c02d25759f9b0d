// The 16-byte unlock header (core/vault/Header.h, core/FORMAT.md "Unlock header"): every
// malformed case from tests/data/header.vec, round trips, and the affordability check.

#include "TestData.h"

#include "crypto/Crypto.h"
#include "vault/Header.h"

#include <QTest>

using namespace tessera;
using tessera::test::readVectors;
using tessera::test::Vector;

namespace {

constexpr std::uint64_t MiB = 1024 * 1024;
constexpr std::uint64_t GiB = 1024 * MiB;

} // namespace

class TestHeader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void parse_data();
    void parse();
    void roundTrip_data();
    void roundTrip();
    void freshIsRandom();
    void checkAffordable_data();
    void checkAffordable();
    void checkAffordableAsksSystem();
};

void TestHeader::parse_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    for (const Vector& v : readVectors(QStringLiteral("header.vec")))
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("bytes")) << v.text(QStringLiteral("expect"));
}

void TestHeader::parse() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const auto header = Header::parse(bytes);
    if (expected == QLatin1String("ok")) {
        QVERIFY2(header.ok(), header.ok() ? "" : qPrintable(header.error().message));
        QCOMPARE(int(header->flags), int(std::uint8_t(bytes[1])));
        QCOMPARE(int(header->kdf.opsLimit), int(std::uint8_t(bytes[2])));
        QCOMPARE(int(header->kdf.memLog2), int(std::uint8_t(bytes[3])));
        QCOMPARE(header->requiresSecretKey(), bool(std::uint8_t(bytes[1]) & FlagSecretKey));
        const QByteArray random(reinterpret_cast<const char*>(header->random.data()),
                                qsizetype(header->random.size()));
        QCOMPARE(random.toHex(), bytes.mid(4).toHex());
        QCOMPARE(header->bytes().toHex(), bytes.toHex()); // canonical: re-encodes identically
        return;
    }
    QVERIFY2(!header.ok(), "a malformed header was accepted");
    const ErrorCode code = expected == QLatin1String("NotAVault")      ? ErrorCode::NotAVault
                           : expected == QLatin1String("NewerVersion") ? ErrorCode::NewerVersion
                                                                       : ErrorCode::Locked;
    QVERIFY2(code != ErrorCode::Locked, "unknown expected outcome in header.vec");
    QCOMPARE(header.code(), code);
    QVERIFY(!header.error().message.isEmpty());
}

void TestHeader::roundTrip_data() {
    QTest::addColumn<int>("ops");
    QTest::addColumn<int>("memLog2");
    QTest::addColumn<bool>("secretKey");
    QTest::newRow("defaults") << int(DefaultOpsLimit) << int(DefaultMemLog2) << false;
    QTest::newRow("secret key") << int(DefaultOpsLimit) << int(DefaultMemLog2) << true;
    QTest::newRow("smallest") << int(MinOpsLimit) << int(MinMemLog2) << false;
    QTest::newRow("largest accepted") << int(MaxOpsLimit) << int(MaxMemLog2) << true;
    QTest::newRow("ops 255") << 255 << 20 << false;
}

void TestHeader::roundTrip() {
    QFETCH(int, ops);
    QFETCH(int, memLog2);
    QFETCH(bool, secretKey);
    const KdfParams kdf{std::uint8_t(ops), std::uint8_t(memLog2)};
    const Header header = Header::fresh(kdf, secretKey);
    const QByteArray bytes = header.bytes();
    QCOMPARE(bytes.size(), qsizetype(HeaderBytes));
    QCOMPARE(int(std::uint8_t(bytes[0])), int(FormatVersion));
    QCOMPARE(int(std::uint8_t(bytes[1])), secretKey ? int(FlagSecretKey) : 0);
    QCOMPARE(int(std::uint8_t(bytes[2])), ops);
    QCOMPARE(int(std::uint8_t(bytes[3])), memLog2);

    const auto parsed = Header::parse(bytes);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->flags, header.flags);
    QVERIFY(parsed->kdf == kdf);
    QVERIFY(parsed->random == header.random);
    QCOMPARE(parsed->requiresSecretKey(), secretKey);
    QCOMPARE(parsed->bytes(), bytes);
    QCOMPARE(parsed->kdf.memBytes(), std::uint64_t{1} << memLog2);
}

void TestHeader::freshIsRandom() {
    const KdfParams kdf;
    const Header first = Header::fresh(kdf, false);
    const Header second = Header::fresh(kdf, false);
    QVERIFY(first.random != second.random);
    QVERIFY(first.bytes() != second.bytes());
    QCOMPARE(first.bytes().left(4), second.bytes().left(4));
    const decltype(first.random) zero{};
    QVERIFY(first.random != zero);
}

void TestHeader::checkAffordable_data() {
    QTest::addColumn<int>("ops");
    QTest::addColumn<int>("memLog2");
    QTest::addColumn<quint64>("ramBytes");
    QTest::addColumn<bool>("affordable");
    QTest::newRow("defaults on 8 GiB") << 3 << 28 << quint64(8 * GiB) << true;
    QTest::newRow("ops 64 (the cap)") << 64 << 20 << quint64(8 * GiB) << true;
    QTest::newRow("ops 65") << 65 << 20 << quint64(8 * GiB) << false;
    QTest::newRow("ops 255") << 255 << 20 << quint64(8 * GiB) << false;
    QTest::newRow("ops 0") << 0 << 20 << quint64(8 * GiB) << false;
    QTest::newRow("mem exactly half of RAM") << 3 << 29 << quint64(1 * GiB) << true;
    QTest::newRow("mem above half of RAM") << 3 << 30 << quint64(1 * GiB) << false;
    QTest::newRow("mem just above half of RAM") << 3 << 29 << quint64(1 * GiB - 1) << false;
    QTest::newRow("4 GiB on 8 GiB") << 1 << 32 << quint64(8 * GiB) << true;
    QTest::newRow("4 GiB on 6 GiB") << 1 << 32 << quint64(6 * GiB) << false;
    QTest::newRow("256 MiB on 256 MiB") << 3 << 28 << quint64(256 * MiB) << false;
    QTest::newRow("mem 12 (below range)") << 3 << 12 << quint64(8 * GiB) << false;
    QTest::newRow("mem 33 (above range)") << 3 << 33 << quint64(1024 * GiB) << false;
    QTest::newRow("mem 64 (never shifted by)") << 3 << 64 << quint64(1024 * GiB) << false;
}

void TestHeader::checkAffordable() {
    QFETCH(int, ops);
    QFETCH(int, memLog2);
    QFETCH(quint64, ramBytes);
    QFETCH(bool, affordable);
    const Status status =
        tessera::checkAffordable({std::uint8_t(ops), std::uint8_t(memLog2)}, ramBytes);
    QCOMPARE(status.ok(), affordable);
    if (!affordable) {
        QCOMPARE(status.code(), ErrorCode::ResourceLimit);
        QVERIFY(!status.error().message.isEmpty());
    }
}

void TestHeader::checkAffordableAsksSystem() {
    // physicalRamBytes = 0 asks the system: the smallest parameters fit on any machine, and the
    // iteration cap holds whatever the memory.
    QVERIFY(tessera::checkAffordable({MinOpsLimit, MinMemLog2}).ok());
    QVERIFY(!tessera::checkAffordable({std::uint8_t(MaxOpsLimit + 1), MinMemLog2}).ok());
}

QTEST_GUILESS_MAIN(TestHeader)
#include "tst_header.moc"
