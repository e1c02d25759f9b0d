// Known answers and properties of core/crypto/Crypto.h, checked through Tessera's own wrappers
// against vectors made by independent implementations (tests/data/*.vec).

#include "TestData.h"

#include "crypto/Crypto.h"

#include <QTest>

#include <cstring>

using namespace tessera;
using tessera::test::readVectors;
using tessera::test::Vector;

namespace {

Key keyFromHex(const QByteArray& bytes) {
    if (bytes.size() != qsizetype(KeyBytes))
        qFatal("a test key must be %zu bytes", KeyBytes);
    Key key;
    std::memcpy(key.data(), bytes.constData(), KeyBytes);
    return key;
}

QByteArray bytesOf(const Key& key) {
    return QByteArray(reinterpret_cast<const char*>(key.data()), qsizetype(key.size()));
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

SecureBuffer secureOf(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

const QList<KeyPurpose>& allPurposes() {
    static const QList<KeyPurpose> purposes = {
        KeyPurpose::DatabaseKey, KeyPurpose::KeyWrapping, KeyPurpose::RecordSealing,
        KeyPurpose::RowMac,      KeyPurpose::Manifest,    KeyPurpose::TitleIndex,
        KeyPurpose::EpochLink,   KeyPurpose::PreviousKey,
    };
    return purposes;
}

KeyPurpose purposeNamed(const QString& name) {
    static const QMap<QString, KeyPurpose> byName = {
        {QStringLiteral("DatabaseKey"), KeyPurpose::DatabaseKey},
        {QStringLiteral("KeyWrapping"), KeyPurpose::KeyWrapping},
        {QStringLiteral("RecordSealing"), KeyPurpose::RecordSealing},
        {QStringLiteral("RowMac"), KeyPurpose::RowMac},
        {QStringLiteral("Manifest"), KeyPurpose::Manifest},
        {QStringLiteral("TitleIndex"), KeyPurpose::TitleIndex},
        {QStringLiteral("EpochLink"), KeyPurpose::EpochLink},
        {QStringLiteral("PreviousKey"), KeyPurpose::PreviousKey},
    };
    if (!byName.contains(name))
        qFatal("unknown key purpose %s", qPrintable(name));
    return byName.value(name);
}

QList<Vector> vectorsOfKind(const QString& fileName, const QString& kind) {
    QList<Vector> selected;
    for (const Vector& vector : readVectors(fileName))
        if (vector.text(QStringLiteral("kind")) == kind)
            selected.append(vector);
    if (selected.isEmpty())
        qFatal("%s has no vectors of kind %s", qPrintable(fileName), qPrintable(kind));
    return selected;
}

// The draft-irtf-cfrg-xchacha A.3.1 vector, assembled the way tessera::seal lays it out.
struct AeadVector {
    Key key;
    QByteArray nonce, ciphertext, tag, ad, plaintext;
    QByteArray sealed() const { return nonce + ciphertext + tag; }
};

AeadVector xchachaVector() {
    const Vector v = readVectors(QStringLiteral("xchacha20poly1305.vec")).first();
    AeadVector out;
    out.key = keyFromHex(v.hex(QStringLiteral("key")));
    out.nonce = v.hex(QStringLiteral("nonce"));
    out.ciphertext = v.hex(QStringLiteral("ciphertext"));
    out.tag = v.hex(QStringLiteral("tag"));
    out.ad = v.hex(QStringLiteral("ad"));
    out.plaintext = v.hex(QStringLiteral("expect"));
    return out;
}

} // namespace

class TestCrypto : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void argon2idKnownAnswer_data();
    void argon2idKnownAnswer();
    void argon2idRejectsBadSalt_data();
    void argon2idRejectsBadSalt();

    void xchachaKnownAnswer();
    void xchachaTamperedInput_data();
    void xchachaTamperedInput();
    void openRejectsMalformedLength_data();
    void openRejectsMalformedLength();
    void sealOpenRoundTrip_data();
    void sealOpenRoundTrip();
    void sealUsesFreshNonce();
    void openWithWrongAdFails();
    void openWithWrongKeyFails();
    void openKeyChecksSize();

    void subkeyKnownAnswer_data();
    void subkeyKnownAnswer();
    void subkeysAreDistinctAndDeterministic();
    void subkeysDependOnParent();
    void mixSecretKeyKnownAnswer();
    void mixSecretKeyChangesKey();
    void hashKeyKnownAnswer();
    void macKnownAnswer_data();
    void macKnownAnswer();
    void hashKnownAnswer_data();
    void hashKnownAnswer();
    void macFieldsKnownAnswer_data();
    void macFieldsKnownAnswer();
    void macKeyedDiffersFromUnkeyed();
    void macAddFieldSeparatesFields();

    void constantTimeEqual_data();
    void constantTimeEqual();
    void normalizePassword_data();
    void normalizePassword();
};

// ---- Argon2id ----

void TestCrypto::argon2idKnownAnswer_data() {
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint32>("ops");
    QTest::addColumn<quint64>("memBytes");
    QTest::addColumn<QByteArray>("expected");
    for (const Vector& v : readVectors(QStringLiteral("argon2id.vec"))) {
        const quint64 memKib = quint64(v.integer(QStringLiteral("mem_kib")));
        QVERIFY2(memKib <= 64, "keep test KDFs at 64 KiB or less");
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("password")) << v.hex(QStringLiteral("salt"))
            << quint32(v.integer(QStringLiteral("ops"))) << memKib * 1024
            << v.hex(QStringLiteral("expect"));
    }
}

void TestCrypto::argon2idKnownAnswer() {
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint32, ops);
    QFETCH(quint64, memBytes);
    QFETCH(QByteArray, expected);
    auto key = argon2id(secureOf(password), salt, {ops, memBytes});
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    QCOMPARE(bytesOf(*key).toHex(), expected.toHex());
}

void TestCrypto::argon2idRejectsBadSalt_data() {
    QTest::addColumn<QByteArray>("salt");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("15 bytes") << QByteArray(15, 's');
    QTest::newRow("17 bytes") << QByteArray(17, 's');
}

void TestCrypto::argon2idRejectsBadSalt() {
    QFETCH(QByteArray, salt);
    auto key = argon2id(SecureBuffer::copyOf("password"), salt, {1, 8 * 1024});
    QVERIFY(!key.ok());
    QCOMPARE(key.code(), ErrorCode::InvalidArgument);
}

// ---- XChaCha20-Poly1305-IETF ----

void TestCrypto::xchachaKnownAnswer() {
    const AeadVector v = xchachaVector();
    QCOMPARE(v.nonce.size(), qsizetype(NonceBytes));
    QCOMPARE(v.tag.size(), qsizetype(AeadTagBytes));
    auto plain = open(v.key, v.sealed(), v.ad);
    QVERIFY2(plain.ok(), plain.ok() ? "" : qPrintable(plain.error().message));
    QCOMPARE(bytesOf(*plain), v.plaintext);
}

void TestCrypto::xchachaTamperedInput_data() {
    QTest::addColumn<QString>("part");
    QTest::addColumn<int>("index");
    const AeadVector v = xchachaVector();
    const QList<QPair<QString, qsizetype>> parts = {
        {QStringLiteral("nonce"), v.nonce.size()},
        {QStringLiteral("ciphertext"), v.ciphertext.size()},
        {QStringLiteral("tag"), v.tag.size()},
        {QStringLiteral("ad"), v.ad.size()},
    };
    for (const auto& [part, size] : parts)
        for (int i = 0; i < size; ++i)
            QTest::addRow("%s byte %d", qPrintable(part), i) << part << i;
}

void TestCrypto::xchachaTamperedInput() {
    QFETCH(QString, part);
    QFETCH(int, index);
    AeadVector v = xchachaVector();
    QByteArray& target = part == QLatin1String("nonce")        ? v.nonce
                         : part == QLatin1String("ciphertext") ? v.ciphertext
                         : part == QLatin1String("tag")        ? v.tag
                                                               : v.ad;
    target[index] = char(target[index] ^ 0x01);
    auto plain = open(v.key, v.sealed(), v.ad);
    QVERIFY(!plain.ok());
    QCOMPARE(plain.code(), ErrorCode::Tampered);
}

void TestCrypto::openRejectsMalformedLength_data() {
    QTest::addColumn<int>("delta"); // bytes added (+) to or removed (-) from the sealed vector
    QTest::addColumn<bool>("fromFront");
    QTest::newRow("one byte short") << -1 << false;
    QTest::newRow("tag missing") << -int(AeadTagBytes) << false;
    QTest::newRow("only a nonce") << -(114 + int(AeadTagBytes)) << false;
    QTest::newRow("one byte appended") << 1 << false;
    QTest::newRow("first byte removed") << -1 << true;
}

void TestCrypto::openRejectsMalformedLength() {
    QFETCH(int, delta);
    QFETCH(bool, fromFront);
    const AeadVector v = xchachaVector();
    QByteArray sealed = v.sealed();
    if (delta > 0)
        sealed.append(QByteArray(delta, '\0'));
    else if (fromFront)
        sealed.remove(0, -delta);
    else
        sealed.chop(-delta);
    auto plain = open(v.key, sealed, v.ad);
    QVERIFY(!plain.ok());
    QCOMPARE(plain.code(), ErrorCode::Tampered);
    QVERIFY(!open(v.key, QByteArray(), v.ad).ok());
}

void TestCrypto::sealOpenRoundTrip_data() {
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("ad");
    QTest::newRow("empty, no ad") << QByteArray() << QByteArray();
    QTest::newRow("one byte") << QByteArray("x") << QByteArray("ad");
    QTest::newRow("one block") << QByteArray(64, 'b') << QByteArray("record 1 part 2");
    QTest::newRow("5000 bytes (sodium_malloc path)")
        << QByteArray(5000, 'z') << QByteArray(100, 'a');
    QTest::newRow("binary") << QByteArray::fromHex("00ff00ff7f80") << QByteArray(1, '\0');
}

void TestCrypto::sealOpenRoundTrip() {
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, ad);
    const Key key = randomKey();
    const QByteArray sealed = seal(key, secureOf(plain), ad);
    QCOMPARE(sealed.size(), qsizetype(NonceBytes + AeadTagBytes) + plain.size());
    if (plain.size() >= 8) // shorter strings turn up in random bytes by chance
        QVERIFY(!sealed.contains(plain));
    auto opened = open(key, sealed, ad);
    QVERIFY(opened.ok());
    QCOMPARE(bytesOf(*opened), plain);
}

void TestCrypto::sealUsesFreshNonce() {
    const Key key = randomKey();
    const SecureBuffer plain = SecureBuffer::copyOf("same plaintext");
    const QByteArray first = seal(key, plain, "ad");
    const QByteArray second = seal(key, plain, "ad");
    QVERIFY(first.left(qsizetype(NonceBytes)) != second.left(qsizetype(NonceBytes)));
    QVERIFY(first != second);
}

void TestCrypto::openWithWrongAdFails() {
    const Key key = randomKey();
    const QByteArray sealed = seal(key, SecureBuffer::copyOf("secret"), "record 1");
    for (const char* ad : {"record 2", "", "record 1 ", "Record 1"}) {
        auto opened = open(key, sealed, ad);
        QVERIFY2(!opened.ok(), ad);
        QCOMPARE(opened.code(), ErrorCode::Tampered);
    }
    QVERIFY(open(key, sealed, "record 1").ok());
}

void TestCrypto::openWithWrongKeyFails() {
    const Key key = randomKey();
    const QByteArray sealed = seal(key, SecureBuffer::copyOf("secret"), "ad");
    auto opened = open(randomKey(), sealed, "ad");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.code(), ErrorCode::Tampered);
    Key flipped = key.clone();
    flipped.data()[KeyBytes - 1] ^= 0x80;
    QCOMPARE(open(flipped, sealed, "ad").code(), ErrorCode::Tampered);
}

void TestCrypto::openKeyChecksSize() {
    const Key wrapping = randomKey();
    const Key inner = randomKey();
    const SecureBuffer innerBytes = SecureBuffer::copyOf(inner.data(), inner.size());
    auto opened = openKey(wrapping, seal(wrapping, innerBytes, "vk"), "vk");
    QVERIFY(opened.ok());
    QVERIFY(opened->equals(inner));

    const SecureBuffer shortBytes = SecureBuffer::copyOf(inner.data(), inner.size() - 1);
    auto tooShort = openKey(wrapping, seal(wrapping, shortBytes, "vk"), "vk");
    QVERIFY(!tooShort.ok());
    QCOMPARE(tooShort.code(), ErrorCode::Tampered);
}

// ---- Key schedule ----

void TestCrypto::subkeyKnownAnswer_data() {
    QTest::addColumn<QByteArray>("parent");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QByteArray>("expected");
    for (const Vector& v :
         vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("subkey")))
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("parent")) << v.text(QStringLiteral("purpose"))
            << v.hex(QStringLiteral("expect"));
}

void TestCrypto::subkeyKnownAnswer() {
    QFETCH(QByteArray, parent);
    QFETCH(QString, purpose);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytesOf(deriveSubkey(keyFromHex(parent), purposeNamed(purpose))).toHex(),
             expected.toHex());
}

void TestCrypto::subkeysAreDistinctAndDeterministic() {
    const Key parent = randomKey();
    QList<QByteArray> seen = {bytesOf(parent)};
    for (KeyPurpose purpose : allPurposes()) {
        const QByteArray subkey = bytesOf(deriveSubkey(parent, purpose));
        QVERIFY2(!seen.contains(subkey), "two purposes share a subkey (or one equals the parent)");
        seen.append(subkey);
        QCOMPARE(bytesOf(deriveSubkey(parent, purpose)), subkey);
    }
    QCOMPARE(seen.size(), allPurposes().size() + 1);
}

void TestCrypto::subkeysDependOnParent() {
    const Key first = randomKey();
    const Key second = randomKey();
    for (KeyPurpose purpose : allPurposes())
        QVERIFY(!deriveSubkey(first, purpose).equals(deriveSubkey(second, purpose)));
}

void TestCrypto::mixSecretKeyKnownAnswer() {
    const Vector v =
        vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("mix")).first();
    const Key master = keyFromHex(v.hex(QStringLiteral("master")));
    const Key mixed = mixSecretKey(master, secureOf(v.hex(QStringLiteral("secret"))));
    QCOMPARE(bytesOf(mixed).toHex(), v.hex(QStringLiteral("expect")).toHex());
}

void TestCrypto::mixSecretKeyChangesKey() {
    const Key master = randomKey();
    const SecureBuffer secretA = secureOf(randomBytes(SecretKeyBytes));
    const SecureBuffer secretB = secureOf(randomBytes(SecretKeyBytes));
    const Key mixedA = mixSecretKey(master, secretA);
    QVERIFY(!mixedA.equals(master));
    QVERIFY(mixSecretKey(master, secretA).equals(mixedA));
    QVERIFY(!mixSecretKey(master, secretB).equals(mixedA));
    QVERIFY(!mixSecretKey(randomKey(), secretA).equals(mixedA));
}

void TestCrypto::hashKeyKnownAnswer() {
    const Vector v =
        vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("hashKey")).first();
    const Key key = keyFromHex(v.hex(QStringLiteral("key")));
    QCOMPARE(hashKey(key).toHex(), v.hex(QStringLiteral("expect")).toHex());
    QVERIFY(hashKey(key) != hash(bytesOf(key))); // domain-separated from a plain hash
}

void TestCrypto::macKnownAnswer_data() {
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");
    for (const Vector& v : vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("mac")))
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("key")) << v.hex(QStringLiteral("message"))
            << v.hex(QStringLiteral("expect"));
}

void TestCrypto::macKnownAnswer() {
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QCOMPARE(mac(keyFromHex(key), message).toHex(), expected.toHex());
    // Incremental, split in two, gives the same MAC.
    Mac incremental(keyFromHex(key));
    incremental.add(message.left(message.size() / 2));
    incremental.add(message.mid(message.size() / 2));
    QCOMPARE(incremental.finish().toHex(), expected.toHex());
}

void TestCrypto::hashKnownAnswer_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");
    for (const Vector& v : vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("hash")))
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("message")) << v.hex(QStringLiteral("expect"));
}

void TestCrypto::hashKnownAnswer() {
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QCOMPARE(hash(message).toHex(), expected.toHex());
    QCOMPARE(hash(message).size(), qsizetype(HashBytes));
}

void TestCrypto::macFieldsKnownAnswer_data() {
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<quint64>("number");
    QTest::addColumn<QByteArray>("expected");
    for (const Vector& v :
         vectorsOfKind(QStringLiteral("keyschedule.vec"), QStringLiteral("fields")))
        QTest::newRow(v.tag().constData())
            << v.hex(QStringLiteral("key")) << v.text(QStringLiteral("fields"))
            << quint64(v.integer(QStringLiteral("u64"))) << v.hex(QStringLiteral("expect"));
}

void TestCrypto::macFieldsKnownAnswer() {
    QFETCH(QByteArray, key);
    QFETCH(QString, fields);
    QFETCH(quint64, number);
    QFETCH(QByteArray, expected);
    Mac m(keyFromHex(key));
    for (const QString& field : fields.split(QLatin1Char('|')))
        m.addField(field.toUtf8());
    m.addU64(number);
    QCOMPARE(m.finish().toHex(), expected.toHex());
}

void TestCrypto::macKeyedDiffersFromUnkeyed() {
    const Key key = randomKey();
    const QByteArray message("the same message");
    QVERIFY(mac(key, message) != hash(message));
    QVERIFY(mac(key, message) != mac(randomKey(), message));
    QCOMPARE(mac(key, message), mac(key, message));
    QCOMPARE(mac(key, message).size(), qsizetype(MacBytes));
}

void TestCrypto::macAddFieldSeparatesFields() {
    const Key key = randomKey();
    auto fieldsMac = [&key](QByteArrayView first, QByteArrayView second) {
        Mac m(key);
        m.addField(first);
        m.addField(second);
        return m.finish();
    };
    auto plainMac = [&key](QByteArrayView first, QByteArrayView second) {
        Mac m(key);
        m.add(first);
        m.add(second);
        return m.finish();
    };
    // Plain concatenation cannot tell ("ab","c") from ("a","bc"); length-prefixed fields can.
    QCOMPARE(plainMac("ab", "c"), plainMac("a", "bc"));
    QVERIFY(fieldsMac("ab", "c") != fieldsMac("a", "bc"));
    QVERIFY(fieldsMac("", "abc") != fieldsMac("abc", ""));
}

// ---- Helpers ----

void TestCrypto::constantTimeEqual_data() {
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("equal") << QByteArray("0123456789abcdef") << QByteArray("0123456789abcdef")
                           << true;
    QTest::newRow("first byte differs") << QByteArray("x123") << QByteArray("0123") << false;
    QTest::newRow("last byte differs") << QByteArray("0123") << QByteArray("012x") << false;
    QTest::newRow("one bit differs") << QByteArray(1, '\x01') << QByteArray(1, '\x03') << false;
    QTest::newRow("prefix") << QByteArray("012") << QByteArray("0123") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("one empty") << QByteArray() << QByteArray("0") << false;
    QTest::newRow("embedded zeros") << QByteArray(8, '\0') << QByteArray(8, '\0') << true;
}

void TestCrypto::constantTimeEqual() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(tessera::constantTimeEqual(a, b), equal);
    QCOMPARE(tessera::constantTimeEqual(b, a), equal);
}

void TestCrypto::normalizePassword_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii unchanged")
        << QByteArray("Tr0ub4dor&3 ~!") << QByteArray("Tr0ub4dor&3 ~!");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("NFD e + combining acute -> NFC e-acute")
        << QByteArray("e\xcc\x81") << QByteArray("\xc3\xa9");
    QTest::newRow("already NFC unchanged")
        << QByteArray("caf\xc3\xa9") << QByteArray("caf\xc3\xa9");
    QTest::newRow("NFD inside ascii")
        << QByteArray("Cafe\xcc\x81 au lait") << QByteArray("Caf\xc3\xa9 au lait");
    QTest::newRow("angstrom sign -> A-ring")
        << QByteArray("\xe2\x84\xab") << QByteArray("\xc3\x85");
    QTest::newRow("hangul jamo compose")
        << QByteArray("\xe1\x84\x80\xe1\x85\xa1") << QByteArray("\xea\xb0\x80");
    QTest::newRow("emoji unchanged")
        << QByteArray("key \xf0\x9f\x94\x91") << QByteArray("key \xf0\x9f\x94\x91");
}

void TestCrypto::normalizePassword() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const SecureBuffer normal = tessera::normalizePassword(secureOf(input));
    QCOMPARE(bytesOf(normal).toHex(), expected.toHex());
    // Idempotent: normalising the result changes nothing.
    QCOMPARE(bytesOf(tessera::normalizePassword(normal)).toHex(), expected.toHex());
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
