// SecureBuffer and FixedSecret (core/crypto/SecureBuffer.h): sizes, zero-fill, growth across the
// arena's size classes and past its largest slot (own sodium_malloc block), wiping, move, compare.

#include "crypto/Crypto.h"
#include "crypto/SecureArena.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace tessera;

namespace {

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

bool allZero(const unsigned char* bytes, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i)
        if (bytes[i] != 0)
            return false;
    return true;
}

QByteArray pattern(qsizetype size, int seed = 0) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + seed) & 0xff);
    return bytes;
}

SecureBuffer secureOf(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace

class TestSecureBuffer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void defaultIsEmpty();
    void sizedIsZeroFilled_data();
    void sizedIsZeroFilled();
    void copyOf_data();
    void copyOf();
    void appendGrows_data();
    void appendGrows();
    void appendVariants();
    void truncateWipesTail_data();
    void truncateWipesTail();
    void truncateThenAppend();
    void reusedMemoryIsZero_data();
    void reusedMemoryIsZero();
    void manySmallBuffersAreDistinct();
    void moveConstructionEmptiesSource();
    void moveAssignmentEmptiesSource();
    void equals_data();
    void equals();
    void cloneIsIndependent();
    void clearReleases();
    void view();

    void fixedSecretIsZeroFilled();
    void fixedSecretCloneAndEquals();
};

void TestSecureBuffer::defaultIsEmpty() {
    const SecureBuffer buffer;
    QVERIFY(buffer.empty());
    QCOMPARE(buffer.size(), std::size_t{0});
    QVERIFY(buffer.view().empty());
}

void TestSecureBuffer::sizedIsZeroFilled_data() {
    QTest::addColumn<qsizetype>("size");
    for (qsizetype size :
         {1, 15, 16, 17, 31, 32, 33, 255, 256, 1024, 4095, 4096, 4097, 5000, 65536, 100000})
        QTest::addRow("%lld bytes", qlonglong(size)) << size;
}

void TestSecureBuffer::sizedIsZeroFilled() {
    QFETCH(qsizetype, size);
    SecureBuffer buffer{std::size_t(size)};
    QCOMPARE(buffer.size(), std::size_t(size));
    QVERIFY(!buffer.empty());
    QVERIFY(buffer.data() != nullptr);
    QVERIFY(allZero(buffer.data(), buffer.size()));
    // The whole range is writable.
    buffer.data()[0] = 0xaa;
    buffer.data()[size - 1] = 0x55;
    QCOMPARE(buffer.data()[size - 1], 0x55);
}

void TestSecureBuffer::copyOf_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray(1, '\x7f');
    QTest::newRow("with zeros") << QByteArray::fromHex("0001000200");
    QTest::newRow("4096 (largest slot)") << pattern(4096);
    QTest::newRow("4097 (own block)") << pattern(4097);
}

void TestSecureBuffer::copyOf() {
    QFETCH(QByteArray, bytes);
    const SecureBuffer buffer = secureOf(bytes);
    QCOMPARE(buffer.size(), std::size_t(bytes.size()));
    QCOMPARE(bytesOf(buffer), bytes);
}

void TestSecureBuffer::appendGrows_data() {
    QTest::addColumn<qsizetype>("chunk");
    QTest::addColumn<qsizetype>("total");
    // Totals past 4096 leave the arena for a sodium_malloc block of its own.
    QTest::newRow("bytes one by one to 300") << qsizetype(1) << qsizetype(300);
    QTest::newRow("7-byte chunks to 5000") << qsizetype(7) << qsizetype(5000);
    QTest::newRow("100-byte chunks to 10000") << qsizetype(100) << qsizetype(10000);
    QTest::newRow("1000-byte chunks to 70000") << qsizetype(1000) << qsizetype(70000);
    QTest::newRow("one 5000-byte chunk") << qsizetype(5000) << qsizetype(5000);
}

void TestSecureBuffer::appendGrows() {
    QFETCH(qsizetype, chunk);
    QFETCH(qsizetype, total);
    const QByteArray expected = pattern(total, 3);
    SecureBuffer buffer;
    for (qsizetype offset = 0; offset < total; offset += chunk) {
        const qsizetype size = qMin(chunk, total - offset);
        buffer.append(expected.constData() + offset, std::size_t(size));
        QCOMPARE(buffer.size(), std::size_t(offset + size));
    }
    QCOMPARE(bytesOf(buffer), expected);
}

void TestSecureBuffer::appendVariants() {
    SecureBuffer buffer;
    buffer.append(std::string_view("ab"));
    buffer.appendByte('c');
    buffer.append(SecureBuffer::copyOf("de"));
    buffer.append(nullptr, 0); // appending nothing is allowed and changes nothing
    buffer.append(SecureBuffer());
    QCOMPARE(bytesOf(buffer), QByteArray("abcde"));
}

void TestSecureBuffer::truncateWipesTail_data() {
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("keep");
    QTest::newRow("small to 0") << qsizetype(20) << qsizetype(0);
    QTest::newRow("small to half") << qsizetype(20) << qsizetype(10);
    QTest::newRow("same size") << qsizetype(20) << qsizetype(20);
    QTest::newRow("large to 100") << qsizetype(6000) << qsizetype(100);
}

void TestSecureBuffer::truncateWipesTail() {
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, keep);
    const QByteArray bytes = pattern(size, 1);
    SecureBuffer buffer = secureOf(bytes);
    const unsigned char* storage = buffer.data();
    buffer.truncate(std::size_t(keep));
    QCOMPARE(buffer.size(), std::size_t(keep));
    QCOMPARE(bytesOf(buffer), bytes.left(keep));
    // The allocation is kept, and the bytes cut off are wiped in place.
    QCOMPARE(buffer.data(), storage);
    QVERIFY(allZero(storage + keep, std::size_t(size - keep)));
}

void TestSecureBuffer::truncateThenAppend() {
    SecureBuffer buffer = SecureBuffer::copyOf("password123");
    buffer.truncate(8);
    buffer.append(std::string_view("!"));
    QCOMPARE(bytesOf(buffer), QByteArray("password!"));
}

void TestSecureBuffer::reusedMemoryIsZero_data() {
    QTest::addColumn<qsizetype>("size");
    for (qsizetype size : {16, 48, 4096, 8192})
        QTest::addRow("%lld bytes", qlonglong(size)) << size;
}

void TestSecureBuffer::reusedMemoryIsZero() {
    // Released slots go back to the arena wiped: a new buffer of the same class never sees the
    // previous secret, whether or not it gets the same memory.
    QFETCH(qsizetype, size);
    for (int round = 0; round < 4; ++round) {
        SecureBuffer secret = secureOf(QByteArray(size, '\xa5'));
        secret.clear();
        const SecureBuffer fresh{std::size_t(size)};
        QVERIFY(allZero(fresh.data(), fresh.size()));
    }
}

void TestSecureBuffer::manySmallBuffersAreDistinct() {
    // More 16-byte buffers than one arena chunk holds, so the arena must add chunks.
    const std::size_t count = 2 * SecureArena::ChunkBytes / SecureArena::SmallestSlot + 10;
    std::vector<SecureBuffer> buffers;
    buffers.reserve(count);
    QSet<const unsigned char*> addresses;
    for (std::size_t i = 0; i < count; ++i) {
        buffers.emplace_back(SecureArena::SmallestSlot);
        QVERIFY(allZero(buffers.back().data(), SecureArena::SmallestSlot));
        buffers.back().data()[0] = static_cast<unsigned char>(i);
        addresses.insert(buffers.back().data());
    }
    QCOMPARE(std::size_t(addresses.size()), count);
    for (std::size_t i = 0; i < count; ++i)
        QCOMPARE(buffers[i].data()[0], static_cast<unsigned char>(i));
}

void TestSecureBuffer::moveConstructionEmptiesSource() {
    SecureBuffer source = SecureBuffer::copyOf("secret");
    const unsigned char* storage = source.data();
    SecureBuffer target(std::move(source));
    QCOMPARE(bytesOf(target), QByteArray("secret"));
    QCOMPARE(target.data(), storage); // moved, not copied
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
    QVERIFY(source.data() == nullptr);
}

void TestSecureBuffer::moveAssignmentEmptiesSource() {
    SecureBuffer source = secureOf(pattern(5000));
    SecureBuffer target = SecureBuffer::copyOf("old secret");
    target = std::move(source);
    QCOMPARE(bytesOf(target), pattern(5000));
    QVERIFY(source.empty()); // NOLINT(bugprone-use-after-move)
    QVERIFY(source.data() == nullptr);
    // A moved-from buffer is usable again.
    source.append(std::string_view("again"));
    QCOMPARE(bytesOf(source), QByteArray("again"));
}

void TestSecureBuffer::equals_data() {
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("last byte") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("first byte") << QByteArray("abc") << QByteArray("xbc") << false;
    QTest::newRow("prefix") << QByteArray("ab") << QByteArray("abc") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("large same") << pattern(5000) << pattern(5000) << true;
    QTest::newRow("large differ") << pattern(5000) << pattern(5000, 1) << false;
}

void TestSecureBuffer::equals() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(secureOf(a).equals(secureOf(b)), equal);
    QCOMPARE(secureOf(b).equals(secureOf(a)), equal);
}

void TestSecureBuffer::cloneIsIndependent() {
    const SecureBuffer original = SecureBuffer::copyOf("original");
    SecureBuffer copy = original.clone();
    QVERIFY(copy.equals(original));
    QVERIFY(copy.data() != original.data());
    copy.data()[0] = 'X';
    copy.append(std::string_view("+more"));
    QCOMPARE(bytesOf(original), QByteArray("original"));
    QCOMPARE(bytesOf(copy), QByteArray("Xriginal+more"));
    QVERIFY(SecureBuffer().clone().empty());
}

void TestSecureBuffer::clearReleases() {
    SecureBuffer buffer = SecureBuffer::copyOf("to be wiped");
    buffer.clear();
    QVERIFY(buffer.empty());
    QVERIFY(buffer.data() == nullptr);
    buffer.clear(); // twice is harmless
    QVERIFY(buffer.empty());
}

void TestSecureBuffer::view() {
    const SecureBuffer buffer = SecureBuffer::copyOf(std::string_view("p\xc3\xa4ss", 5));
    QCOMPARE(buffer.view().size(), std::size_t{5});
    QVERIFY(buffer.view() == std::string_view("p\xc3\xa4ss"));
    QVERIFY(buffer.view().data() == reinterpret_cast<const char*>(buffer.data())); // no copy
}

void TestSecureBuffer::fixedSecretIsZeroFilled() {
    const FixedSecret<32> key;
    static_assert(FixedSecret<32>::size() == 32);
    static_assert(FixedSecret<64>::Size == 64);
    QVERIFY(key.data() != nullptr);
    QVERIFY(allZero(key.data(), key.size()));
    const FixedSecret<5000> large;
    QVERIFY(allZero(large.data(), large.size()));
}

void TestSecureBuffer::fixedSecretCloneAndEquals() {
    FixedSecret<32> key;
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(i);
    FixedSecret<32> copy = key.clone();
    QVERIFY(copy.equals(key));
    QVERIFY(copy.data() != key.data());
    copy.data()[31] ^= 1;
    QVERIFY(!copy.equals(key));
    QCOMPARE(key.data()[31], 31);
    QVERIFY(!FixedSecret<32>().equals(key));

    FixedSecret<32> moved = std::move(copy);
    QCOMPARE(moved.data()[31], 30);
}

QTEST_GUILESS_MAIN(TestSecureBuffer)
#include "tst_securebuffer.moc"
