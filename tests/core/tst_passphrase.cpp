// core/generator passphrases: the compiled-in EFF word list, the shape of passphrases (word
// count, separator, capitalisation, digit) over many samples, separator and word-count rules.

#include "GeneratorTestSupport.h"

#include "generator/EffWordList.h"

#include <QSet>
#include <QTest>

using namespace tessera;
using tessera::test::ScriptedSource;
using tessera::test::text;

namespace {

constexpr int PassphraseSamples = 500;

// Splits at every separator; without one, before every capital (cap=first).
QByteArrayList splitWords(const QByteArray& passphrase, const QByteArray& separator) {
    QByteArrayList parts;
    if (separator.isEmpty()) {
        for (const char c : passphrase) {
            if ((c >= 'A' && c <= 'Z') || parts.isEmpty())
                parts.append(QByteArray());
            parts.last().append(c);
        }
        return parts;
    }
    for (qsizetype from = 0;;) {
        const qsizetype at = passphrase.indexOf(separator, from);
        parts.append(passphrase.mid(from, at < 0 ? -1 : at - from));
        if (at < 0)
            return parts;
        from = at + separator.size();
    }
}

} // namespace

class TestPassphrase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void wordList() {
        const auto words = effLargeWordList();
        QCOMPARE(words.size(), std::size_t(7776));
        QSet<QByteArray> unique;
        for (const std::string_view word : words) {
            QVERIFY(!word.empty());
            for (const char c : word)
                QVERIFY((c >= 'a' && c <= 'z') || c == '-');
            unique.insert(QByteArray(word.data(), qsizetype(word.size())));
        }
        QCOMPARE(unique.size(), 7776);
        QCOMPARE(words.front(), std::string_view("abacus"));
        QCOMPARE(words.back(), std::string_view("zoom"));
    }

    void passphraseScripted() {
        auto generator = Generator::fromSpec(QStringLiteral("words:3:cap=first:digit"));
        QVERIFY(generator.ok());
        // Digit after word 1, digit 7, then words 0, 1 and 7775.
        ScriptedSource random({1, 7, 0, 1, 7775});
        QCOMPARE(text(generator->generate(random)), QByteArray("Abacus-Abdomen7-Zoom"));
        QVERIFY(random.done());
    }

    void passphraseShape_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("words");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<QString>("capitalization"); // none, first, all
        QTest::addColumn<bool>("digit");
        QTest::newRow("default") << QStringLiteral("words") << 6 << QStringLiteral("-")
                                 << QStringLiteral("none") << false;
        QTest::newRow("3 spaced") << QStringLiteral("words:3:sep= ") << 3 << QStringLiteral(" ")
                                  << QStringLiteral("none") << false;
        QTest::newRow("20 first digit") << QStringLiteral("words:20:sep=.:cap=first:digit") << 20
                                        << QStringLiteral(".") << QStringLiteral("first") << true;
        QTest::newRow("all, long separator")
            << QStringLiteral("words:5:sep= \\:\\: :cap=all") << 5 << QStringLiteral(" :: ")
            << QStringLiteral("all") << false;
        QTest::newRow("unicode separator")
            << QStringLiteral("words:4:sep=\u00b7:digit") << 4 << QStringLiteral("\u00b7")
            << QStringLiteral("none") << true;
        QTest::newRow("empty separator, first") << QStringLiteral("words:4:sep=:cap=first") << 4
                                                << QString() << QStringLiteral("first") << false;
    }
    void passphraseShape() {
        QFETCH(QString, spec);
        QFETCH(int, words);
        QFETCH(QString, separator);
        QFETCH(QString, capitalization);
        QFETCH(bool, digit);
        auto generator = Generator::fromSpec(spec);
        QVERIFY2(generator.ok(),
                 qPrintable(generator.ok() ? QString() : generator.error().message));
        QSet<QByteArray> list;
        for (const std::string_view word : effLargeWordList())
            list.insert(QByteArray(word.data(), qsizetype(word.size())));
        CsprngSource random;
        for (int sample = 0; sample < PassphraseSamples; ++sample) {
            const QByteArray passphrase = text(generator->generate(random));
            QVERIFY(!passphrase.isEmpty());
            QByteArrayList parts = splitWords(passphrase, separator.toUtf8());
            // With "-", a hyphenated word (drop-down, t-shirt, ...) splits in two; its first half
            // is never a word of the list, so join it with the next piece.
            for (qsizetype at = 0; separator == QLatin1String("-") && at + 1 < parts.size(); ++at) {
                if (!list.contains(parts[at].toLower()))
                    parts[at] += '-' + parts.takeAt(at + 1);
            }
            QCOMPARE(parts.size(), qsizetype(words));
            int digits = 0;
            for (QByteArray part : parts) {
                if (!part.isEmpty() && part.back() >= '0' && part.back() <= '9') {
                    ++digits;
                    part.chop(1);
                }
                QVERIFY2(!part.isEmpty(), passphrase.constData());
                if (capitalization == QLatin1String("all"))
                    QCOMPARE(part, part.toUpper());
                else if (capitalization == QLatin1String("first"))
                    QVERIFY2(part.at(0) >= 'A' && part.at(0) <= 'Z' &&
                                 part.mid(1) == part.mid(1).toLower(),
                             passphrase.constData());
                else
                    QCOMPARE(part, part.toLower());
                QVERIFY2(list.contains(part.toLower()), part.constData());
            }
            QCOMPARE(digits, digit ? 1 : 0);
        }
    }

    void separatorRules_data() {
        QTest::addColumn<QString>("separator");
        QTest::addColumn<int>("capitalization");
        QTest::addColumn<QString>("message"); // empty: allowed
        const int none = int(Capitalization::None);
        const int first = int(Capitalization::First);
        QTest::newRow("dash") << QStringLiteral("-") << none << QString();
        QTest::newRow("digits") << QStringLiteral("42") << none << QString();
        QTest::newRow("letter") << QStringLiteral("x") << none << QStringLiteral("letters");
        QTest::newRow("non-ASCII letter")
            << QStringLiteral("\u00e9") << none << QStringLiteral("letters");
        QTest::newRow("newline") << QStringLiteral("\n") << none << QStringLiteral("control");
        QTest::newRow("combining")
            << QStringLiteral("\u0301") << none << QStringLiteral("combining");
        QTest::newRow("17 long") << QString(17, QLatin1Char('.')) << none
                                 << QStringLiteral("at most 16");
        QTest::newRow("16 long") << QString(16, QLatin1Char('.')) << none << QString();
        QTest::newRow("empty") << QString() << none << QStringLiteral("empty separator");
        QTest::newRow("empty, first") << QString() << first << QString();
    }
    void separatorRules() {
        QFETCH(QString, separator);
        QFETCH(int, capitalization);
        QFETCH(QString, message);
        PassphraseSettings settings;
        settings.separator = separator;
        settings.capitalization = Capitalization(capitalization);
        auto generator = PassphraseGenerator::make(settings);
        if (message.isEmpty()) {
            QVERIFY(generator.ok());
        } else {
            QVERIFY(!generator.ok());
            QVERIFY2(generator.error().message.contains(message),
                     qPrintable(generator.error().message));
        }
    }

    void wordCountRange() {
        for (const int words : {2, 21, 0, -1}) {
            PassphraseSettings settings;
            settings.words = words;
            QVERIFY(!PassphraseGenerator::make(settings).ok());
        }
        for (const int words : {3, 20}) {
            PassphraseSettings settings;
            settings.words = words;
            QVERIFY(PassphraseGenerator::make(settings).ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestPassphrase)
#include "tst_passphrase.moc"
