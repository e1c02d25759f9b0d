// core/generator spec strings: valid specs give their canonical form (and parse back to the same
// settings), invalid ones are rejected with a message that says what is wrong.

#include "generator/Generator.h"

#include <QTest>

using namespace tessera;

class TestGeneratorSpec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("canonical");
        const auto row = [](const char* spec, const char* canonical) {
            QTest::newRow(spec) << QString::fromUtf8(spec) << QString::fromUtf8(canonical);
        };
        row("chars", "chars:20");
        row("chars:20", "chars:20");
        row("chars:4", "chars:4");
        row("chars:128", "chars:128");
        row("chars:24:upper,lower,digits,symbols:exclude-lookalikes",
            "chars:24:exclude-lookalikes");
        row("chars:24:symbols,upper", "chars:24:upper,symbols");
        row("chars:exclude-lookalikes", "chars:20:exclude-lookalikes");
        row("chars:10:exclude-lookalikes:lower", "chars:10:lower:exclude-lookalikes");
        row("chars:16:custom=0123456789abcdef", "chars:16:custom=0123456789abcdef");
        row("chars:12:digits:custom=abc", "chars:12:digits:custom=abc");
        row("chars:12:custom=abc:digits", "chars:12:digits:custom=abc");
        row("chars:8:custom=a\\:b\\\\c", "chars:8:custom=a\\:b\\\\c");
        row("words", "words:6");
        row("words:3", "words:3");
        row("words:20", "words:20");
        row("words:6:sep=-:cap=first:digit", "words:6:cap=first:digit");
        row("words:4:digit:cap=all:sep=_", "words:4:sep=_:cap=all:digit");
        row("words:7:cap=none", "words:7");
        row("words:5:sep=\\:", "words:5:sep=\\:");
        row("words:3:sep= ", "words:3:sep= ");
        row("words:4:sep=:cap=first", "words:4:sep=:cap=first");
        row("words:4:sep=\xc2\xb7", "words:4:sep=\xc2\xb7");
    }
    void valid() {
        QFETCH(QString, spec);
        QFETCH(QString, canonical);
        auto settings = parseGeneratorSpec(spec);
        QVERIFY2(settings.ok(), qPrintable(settings.ok() ? QString() : settings.error().message));
        QCOMPARE(generatorSpec(*settings), canonical);
        auto again = parseGeneratorSpec(canonical);
        QVERIFY(again.ok());
        QVERIFY(*again == *settings);
        QVERIFY(Generator::make(*settings).ok());
    }

    void settingsOfSpecs() {
        auto hex = parseGeneratorSpec(QStringLiteral("chars:16:custom=0123456789abcdef"));
        QVERIFY(hex.ok());
        const auto& characters = std::get<CharacterSettings>(*hex);
        QVERIFY(!characters.upper && !characters.lower && !characters.digits &&
                !characters.symbols);
        QCOMPARE(characters.custom, QStringLiteral("0123456789abcdef"));

        auto words = parseGeneratorSpec(QStringLiteral("words:5:sep=\\::cap=all:digit"));
        QVERIFY(words.ok());
        const auto& passphrase = std::get<PassphraseSettings>(*words);
        QCOMPARE(passphrase.words, 5);
        QCOMPARE(passphrase.separator, QStringLiteral(":"));
        QCOMPARE(passphrase.capitalization, Capitalization::All);
        QVERIFY(passphrase.digit);
    }

    void invalid_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const char* spec, const char* message) {
            QTest::newRow(name) << QString::fromUtf8(spec) << QString::fromUtf8(message);
        };
        row("empty", "", "must start with 'chars' or 'words'");
        row("unknown kind", "password:20", "must start with");
        row("upper-case kind", "Chars:20", "must start with");
        row("leading space", " chars:20", "must start with");
        row("trailing colon", "chars:", "empty field");
        row("empty middle", "chars::upper", "empty field");
        row("trailing empty", "chars:20:", "empty field");
        row("short", "chars:3", "4 to 128");
        row("long", "chars:129", "4 to 128");
        row("huge", "chars:99999999999", "a number from 4 to 128");
        row("leading zero", "chars:020", "a number from 4 to 128");
        row("not a number", "chars:20x", "a number from 4 to 128");
        row("trailing space", "chars:20 ", "a number from 4 to 128");
        row("signed", "chars:+20", "unknown option or class '+20'");
        row("length late", "chars:upper:20", "right after 'chars:'");
        row("classes twice", "chars:20:upper:lower", "classes once");
        row("class twice", "chars:20:upper,upper", "class 'upper' is given twice");
        row("unknown class", "chars:20:capitals", "unknown option or class 'capitals'");
        row("empty class", "chars:20:upper,,lower", "unknown option or class ''");
        row("empty custom", "chars:20:custom=", "needs at least one character");
        row("custom twice", "chars:20:custom=a:custom=b", "given twice");
        row("exclude twice", "chars:20:exclude-lookalikes:exclude-lookalikes", "given twice");
        row("non-ASCII custom", "chars:20:custom=\xc3\xa9", "printable ASCII");
        row("custom adds nothing", "chars:20:digits:custom=0123", "adds no character");
        row("bad escape", "chars:20:custom=a\\b", "must be followed by");
        row("trailing backslash", "chars:20:custom=ab\\", "must be followed by");
        row("few words", "words:2", "3 to 20");
        row("many words", "words:21", "3 to 20");
        row("words zero", "words:0", "a number from 3 to 20");
        row("bad cap", "words:6:cap=title", "none, first or all");
        row("letter separator", "words:6:sep=and", "letters");
        row("empty separator", "words:6:sep=", "empty separator");
        row("digit twice", "words:6:digit:digit", "given twice");
        row("sep twice", "words:6:sep=-:sep=_", "given twice");
        row("cap twice", "words:6:cap=all:cap=all", "given twice");
        row("chars option on words", "words:6:upper", "unknown option 'upper'");
        row("count late", "words:cap=first:6", "right after 'words:'");
    }
    void invalid() {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        auto settings = parseGeneratorSpec(spec);
        QVERIFY(!settings.ok());
        QCOMPARE(settings.code(), ErrorCode::InvalidArgument);
        const QString error = settings.error().message;
        QVERIFY2(error.startsWith(QStringLiteral("bad generator spec \"%1\": ").arg(spec)),
                 qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!Generator::fromSpec(spec).ok());
    }
};

QTEST_GUILESS_MAIN(TestGeneratorSpec)
#include "tst_generatorspec.moc"
