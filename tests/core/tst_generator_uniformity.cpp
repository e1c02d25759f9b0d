// Bounded statistical tests that character and word choice are uniform: chi-square statistics
// over FIXED samples (the same sizes on every run) against FIXED critical values at upper-tail
// p = 1e-6, so a correct generator fails about once in a million runs and a biased one (modulo
// bias, an off-by-one pool, a skewed shuffle) fails at once.
//
// Critical values (chi-square quantiles at 1 - 1e-6, from the regularised incomplete gamma
// function, e.g. scipy.stats.chi2.isf(1e-6, df)):
//   df 90: 168.70    df 7775: 8382.2    df 9: 44.81    df 5: 35.89

#include "generator/EffWordList.h"
#include "generator/Generator.h"

#include <QHash>
#include <QTest>

#include <string_view>

using namespace tessera;

namespace {

constexpr double ChiSquare90 = 168.70;
constexpr double ChiSquare7775 = 8382.2;
constexpr double ChiSquare9 = 44.81;
constexpr double ChiSquare5 = 35.89;

// 2,000 passwords of 64 characters: 128,000 draws over 94 characters (about 1,360 each).
constexpr int CharacterPasswords = 2000;
constexpr int CharacterLength = 64;
// 82,944 passphrases of 6 words: 497,664 words, 64 expected for each of the 7,776.
constexpr int WordPassphrases = 82944;
constexpr int WordsPerPassphrase = 6;
constexpr int ExpectedPerWord = WordPassphrases * WordsPerPassphrase / 7776;
// 20,000 passphrases with a digit: 2,000 expected per digit value, 3,333 per word position.
constexpr int DigitPassphrases = 20000;

double chiSquare(const QList<qint64>& counts, double expected) {
    double sum = 0;
    for (const qint64 count : counts)
        sum += (double(count) - expected) * (double(count) - expected) / expected;
    return sum;
}

QByteArray text(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

} // namespace

class TestGeneratorUniformity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    // With "one of each class", characters of different classes are not equally likely (a
    // digit is in every password, so digits come up more often than 1/94), but within a class
    // every character is: swapping two characters of a class maps qualifying passwords onto
    // qualifying passwords. So the statistic is summed per class, each against its own class's
    // observed total: 94 cells - 4 classes = 90 degrees of freedom.
    void characterChoiceIsUniform() {
        auto generator = Generator::fromSpec(QStringLiteral("chars:%1").arg(CharacterLength));
        QVERIFY(generator.ok());
        QHash<char, qint64> counts;
        CsprngSource random;
        for (int sample = 0; sample < CharacterPasswords; ++sample) {
            for (const char c : text(generator->generate(random)))
                ++counts[c];
        }
        QCOMPARE(counts.size(), 94);
        double statistic = 0;
        for (const std::string_view set :
             {UpperCharacters, LowerCharacters, DigitCharacters, SymbolCharacters}) {
            QList<qint64> cells;
            qint64 total = 0;
            for (const char c : set) {
                cells.append(counts.value(c));
                total += counts.value(c);
            }
            statistic += chiSquare(cells, double(total) / double(set.size()));
        }
        qInfo("characters: chi-square %.1f (critical %.2f, df 90)", statistic, ChiSquare90);
        QVERIFY2(statistic < ChiSquare90, qPrintable(QString::number(statistic)));
    }

    void wordChoiceIsUniform() {
        auto generator =
            Generator::fromSpec(QStringLiteral("words:%1:sep= ").arg(WordsPerPassphrase));
        QVERIFY(generator.ok());
        QHash<QByteArray, qsizetype> index;
        const auto list = effLargeWordList();
        for (std::size_t i = 0; i < list.size(); ++i)
            index.insert(QByteArray(list[i].data(), qsizetype(list[i].size())), qsizetype(i));
        QList<qint64> counts(qsizetype(list.size()), 0);
        CsprngSource random;
        for (int sample = 0; sample < WordPassphrases; ++sample) {
            const QByteArrayList words = text(generator->generate(random)).split(' ');
            QCOMPARE(words.size(), WordsPerPassphrase);
            for (const QByteArray& word : words) {
                const qsizetype at = index.value(word, -1);
                QVERIFY2(at >= 0, word.constData());
                ++counts[at];
            }
        }
        const double statistic = chiSquare(counts, ExpectedPerWord);
        qInfo("words: chi-square %.1f (critical %.1f, df 7775)", statistic, ChiSquare7775);
        QVERIFY2(statistic < ChiSquare7775, qPrintable(QString::number(statistic)));
    }

    void digitIsUniform() {
        auto generator = Generator::fromSpec(QStringLiteral("words:6:sep= :digit"));
        QVERIFY(generator.ok());
        QList<qint64> values(10, 0);
        QList<qint64> positions(WordsPerPassphrase, 0);
        CsprngSource random;
        for (int sample = 0; sample < DigitPassphrases; ++sample) {
            const QByteArrayList words = text(generator->generate(random)).split(' ');
            QCOMPARE(words.size(), WordsPerPassphrase);
            for (qsizetype at = 0; at < words.size(); ++at) {
                const char last = words[at].back();
                if (last >= '0' && last <= '9') {
                    ++values[last - '0'];
                    ++positions[at];
                }
            }
        }
        const double valueStatistic = chiSquare(values, DigitPassphrases / 10.0);
        const double positionStatistic =
            chiSquare(positions, double(DigitPassphrases) / WordsPerPassphrase);
        qInfo("digit: value chi-square %.1f (critical %.2f, df 9), word %.1f (critical %.2f, df 5)",
              valueStatistic, ChiSquare9, positionStatistic, ChiSquare5);
        QVERIFY2(valueStatistic < ChiSquare9, qPrintable(QString::number(valueStatistic)));
        QVERIFY2(positionStatistic < ChiSquare5, qPrintable(QString::number(positionStatistic)));
    }
};

QTEST_GUILESS_MAIN(TestGeneratorUniformity)
#include "tst_generator_uniformity.moc"
