// core/generator characters: class rules over many samples, impossible settings rejected, the
// rejection step (scripted randomness), and entropy: exact values and inclusion-exclusion
// against exact integer counts.

#include "GeneratorTestSupport.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>

using namespace tessera;
using tessera::test::chars;
using tessera::test::ScriptedSource;
using tessera::test::text;

Q_DECLARE_METATYPE(tessera::CharacterSettings)

namespace {

constexpr int ClassRuleSamples = 2000;

// The character sets as the test writes them, independently of the generator's constants.
const QByteArray Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const QByteArray Lower = "abcdefghijklmnopqrstuvwxyz";
const QByteArray Digits = "0123456789";
const QByteArray Symbols = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const QByteArray LookAlikes = "0Oo1Il|`'";

QByteArray without(QByteArray set, const QByteArray& removed) {
    for (const char c : removed)
        set.replace(c, QByteArray());
    return set;
}

// The classes the settings should yield, each a set of bytes.
QList<QByteArray> expectedClasses(const CharacterSettings& s) {
    QList<QByteArray> classes;
    const QByteArray drop = s.excludeLookAlikes ? LookAlikes : QByteArray();
    for (const auto& [on, set] : {std::pair{s.upper, Upper}, std::pair{s.lower, Lower},
                                  std::pair{s.digits, Digits}, std::pair{s.symbols, Symbols}})
        if (on)
            classes.append(without(set, drop));
    QByteArray custom;
    for (const char c : s.custom.toLatin1()) {
        bool taken = custom.contains(c) || drop.contains(c);
        for (const QByteArray& other : classes)
            taken = taken || other.contains(c);
        if (!taken)
            custom.append(c);
    }
    if (!custom.isEmpty())
        classes.append(custom);
    return classes;
}

// Exact count of strings of the given length with at least one character of every class, by
// inclusion-exclusion in 64-bit integers (length <= 9 over at most 94 characters).
std::uint64_t exactCount(const QList<QByteArray>& classes, int length) {
    std::int64_t total = 0;
    qsizetype pool = 0;
    for (const QByteArray& c : classes)
        pool += c.size();
    for (std::uint32_t missed = 0; missed < (1u << classes.size()); ++missed) {
        qsizetype left = pool;
        for (qsizetype i = 0; i < classes.size(); ++i)
            left -= (missed >> i) & 1 ? classes[i].size() : 0;
        std::int64_t term = 1;
        for (int i = 0; i < length; ++i)
            term *= left;
        total += std::popcount(missed) % 2 ? -term : term;
    }
    return std::uint64_t(total);
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void classRules_data() {
        QTest::addColumn<CharacterSettings>("settings");
        QTest::newRow("default 20") << CharacterSettings();
        QTest::newRow("4 of 4 classes") << chars(4, QStringLiteral("ULDS"));
        QTest::newRow("no look-alikes") << chars(12, QStringLiteral("ULDS"), {}, true);
        QTest::newRow("digits only") << chars(6, QStringLiteral("D"));
        QTest::newRow("hex via custom") << chars(32, QStringLiteral("D"), QStringLiteral("abcdef"));
        QTest::newRow("custom alone, repeats")
            << chars(8, QString(), QStringLiteral("xyzzyx"), false);
        QTest::newRow("custom overlaps lower")
            << chars(10, QStringLiteral("LD"), QStringLiteral("abc#@"), false);
        QTest::newRow("custom minus look-alikes")
            << chars(5, QStringLiteral("UL"), QStringLiteral("01234!"), true);
        QTest::newRow("longest") << chars(128, QStringLiteral("ULDS"), {}, true);
    }
    void classRules() {
        QFETCH(CharacterSettings, settings);
        auto generator = CharacterGenerator::make(settings);
        QVERIFY2(generator.ok(),
                 qPrintable(generator.ok() ? QString() : generator.error().message));
        const QList<QByteArray> classes = expectedClasses(settings);
        QByteArray allowed;
        for (const QByteArray& c : classes)
            allowed += c;
        QCOMPARE(QByteArray(generator->pool().data(), qsizetype(generator->pool().size())),
                 allowed);
        CsprngSource random;
        for (int sample = 0; sample < ClassRuleSamples; ++sample) {
            const QByteArray password = text(generator->generate(random));
            QCOMPARE(password.size(), settings.length);
            for (const char c : password)
                QVERIFY2(allowed.contains(c), password.constData());
            for (const QByteArray& c : classes) {
                bool present = false;
                for (const char p : password)
                    present = present || c.contains(p);
                QVERIFY2(present, password.constData());
            }
        }
    }

    void impossibleSettings_data() {
        QTest::addColumn<CharacterSettings>("settings");
        QTest::addColumn<QString>("message");
        QTest::newRow("too short") << chars(3, QStringLiteral("D")) << QStringLiteral("4 to 128");
        QTest::newRow("too long") << chars(129, QStringLiteral("D")) << QStringLiteral("4 to 128");
        QTest::newRow("no class") << chars(10, QString()) << QStringLiteral("at least one kind");
        QTest::newRow("space in custom")
            << chars(8, QStringLiteral("ULD"), QStringLiteral(" "), false)
            << QStringLiteral("printable ASCII");
        QTest::newRow("non-ASCII custom")
            << chars(8, QStringLiteral("L"), QStringLiteral("é"), false)
            << QStringLiteral("printable ASCII");
        QTest::newRow("control in custom")
            << chars(8, QStringLiteral("L"), QStringLiteral("\t"), false)
            << QStringLiteral("U+0009");
        QTest::newRow("custom adds nothing")
            << chars(8, QStringLiteral("ULDS"), QStringLiteral("abc"), false)
            << QStringLiteral("adds no character");
        QTest::newRow("custom only look-alikes")
            << chars(8, QString(), QStringLiteral("0O1l"), true)
            << QStringLiteral("once look-alikes are excluded");
    }
    void impossibleSettings() {
        QFETCH(CharacterSettings, settings);
        QFETCH(QString, message);
        auto generator = CharacterGenerator::make(settings);
        QVERIFY(!generator.ok());
        QCOMPARE(generator.code(), ErrorCode::InvalidArgument);
        QVERIFY2(generator.error().message.contains(message),
                 qPrintable(generator.error().message));
    }

    void rejectionDrawsWholePasswordsAgain() {
        // Pool "0123456789ab": digits, then the custom class {a, b}. The first try has no custom
        // character and must be thrown away whole, not patched.
        auto generator =
            CharacterGenerator::make(chars(4, QStringLiteral("D"), QStringLiteral("ab")));
        QVERIFY(generator.ok());
        ScriptedSource random({0, 1, 2, 3, 9, 10, 11, 5});
        QCOMPARE(text(generator->generate(random)), QByteArray("9ab5"));
        QVERIFY(random.done());
    }

    void entropyExact_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("bits");
        // One class: the rule is void, bits = L log2(P).
        QTest::newRow("20 symbols") << QStringLiteral("chars:20:symbols") << 100.0;
        QTest::newRow("20 digits") << QStringLiteral("chars:20:digits") << 20 * std::log2(10.0);
        QTest::newRow("128 lower") << QStringLiteral("chars:128:lower") << 128 * std::log2(26.0);
        // 12^4 - 10^4 - 2^4 = 10720 strings of 4 with a digit and an 'a' or 'b'.
        QTest::newRow("digits+ab")
            << QStringLiteral("chars:4:digits:custom=ab") << std::log2(10720.0);
        QTest::newRow("words 6") << QStringLiteral("words:6") << 6 * std::log2(7776.0);
        QTest::newRow("words 3 cap all")
            << QStringLiteral("words:3:cap=all:sep=.") << 3 * std::log2(7776.0);
        QTest::newRow("words 6 digit")
            << QStringLiteral("words:6:digit") << 6 * std::log2(7776.0) + std::log2(60.0);
        QTest::newRow("words 20 digit")
            << QStringLiteral("words:20:digit") << 20 * std::log2(7776.0) + std::log2(200.0);
    }
    void entropyExact() {
        QFETCH(QString, spec);
        QFETCH(double, bits);
        auto generator = Generator::fromSpec(spec);
        QVERIFY(generator.ok());
        QVERIFY2(std::abs(generator->entropyBits() - bits) < 1e-9,
                 qPrintable(QString::number(generator->entropyBits(), 'g', 17)));
    }

    void entropyMatchesInclusionExclusion_data() {
        QTest::addColumn<CharacterSettings>("settings");
        for (int length = 4; length <= 9; ++length) {
            QTest::addRow("all four, %d", length) << chars(length, QStringLiteral("ULDS"));
            QTest::addRow("no look-alikes, %d", length)
                << chars(length, QStringLiteral("ULDS"), {}, true);
            QTest::addRow("digits+lower+x, %d", length)
                << chars(length, QStringLiteral("LD"), QStringLiteral("X"));
        }
    }
    void entropyMatchesInclusionExclusion() {
        QFETCH(CharacterSettings, settings);
        auto generator = CharacterGenerator::make(settings);
        QVERIFY(generator.ok());
        const double expected =
            std::log2(double(exactCount(expectedClasses(settings), settings.length)));
        QVERIFY2(
            std::abs(generator->entropyBits() - expected) < 1e-9,
            qPrintable(QStringLiteral("%1 vs %2").arg(generator->entropyBits()).arg(expected)));
    }

    void entropyDefaultIsBelowNoRule() {
        // 20 of all 94 with one of each class: a little under 20 log2(94) = 131.09.
        auto generator = Generator::fromSpec(QStringLiteral("chars:20"));
        QVERIFY(generator.ok());
        QVERIFY(generator->entropyBits() < 20 * std::log2(94.0));
        QVERIFY(generator->entropyBits() > 20 * std::log2(94.0) - 0.2);
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
