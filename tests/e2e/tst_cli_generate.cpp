// tessera-cli generate and add/edit --generate[=SPEC] end to end: what is printed meets the
// options, the entropy goes to stderr, the generated password is what the entry holds, and
// impossible or conflicting options are usage errors (exit 1) that change nothing.

#include "CliSandbox.h"

#include <QRegularExpression>
#include <QTest>

namespace {

// Printable ASCII, one of each class: upper, lower, digit, symbol.
const QString AllFourClasses =
    QStringLiteral("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])(?=.*[^A-Za-z0-9])[!-~]{%1}$");

QStringList lines(const CliResult& result) {
    return result.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool matches(const QString& pattern, const QString& text) {
    return QRegularExpression(pattern).match(text).hasMatch();
}

} // namespace

class TestCliGenerate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
    }
    void cleanup() { m_sandbox.reset(); }

    void generateMeetsOptions_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("count");
        QTest::newRow("default") << QStringList() << AllFourClasses.arg(20) << 1;
        QTest::newRow("length 64, count 20")
            << QStringList{QStringLiteral("--length"), QStringLiteral("64"),
                           QStringLiteral("--count"), QStringLiteral("20")}
            << AllFourClasses.arg(64) << 20;
        QTest::newRow("alphanumeric, no look-alikes")
            << QStringList{QStringLiteral("--length"),     QStringLiteral("32"),
                           QStringLiteral("--no-symbols"), QStringLiteral("--exclude-lookalikes"),
                           QStringLiteral("--count"),      QStringLiteral("10")}
            << QStringLiteral("^(?=.*[A-Z])(?=.*[a-z])(?=.*[2-9])[A-HJ-NP-Za-km-np-z2-9]{32}$")
            << 10;
        QTest::newRow("hex") << QStringList{QStringLiteral("--no-upper"),
                                            QStringLiteral("--no-lower"),
                                            QStringLiteral("--no-symbols"),
                                            QStringLiteral("--custom"),
                                            QStringLiteral("abcdef"),
                                            QStringLiteral("--length"),
                                            QStringLiteral("16"),
                                            QStringLiteral("--count"),
                                            QStringLiteral("10")}
                             << QStringLiteral("^(?=.*[0-9])(?=.*[a-f])[0-9a-f]{16}$") << 10;
        QTest::newRow("passphrase")
            << QStringList{QStringLiteral("--words"),
                           QStringLiteral("5"),
                           QStringLiteral("--separator"),
                           QStringLiteral("."),
                           QStringLiteral("--capitalize"),
                           QStringLiteral("first"),
                           QStringLiteral("--digit"),
                           QStringLiteral("--count"),
                           QStringLiteral("10")}
            << QStringLiteral(
                   "^(?=[^0-9]*[0-9][^0-9]*$)[A-Z][a-z-]*[0-9]?(\\.[A-Z][a-z-]*[0-9]?){4}$")
            << 10;
        QTest::newRow("spec words")
            << QStringList{QStringLiteral("--spec"), QStringLiteral("words:4:sep=_:cap=all")}
            << QStringLiteral("^[A-Z-]+(_[A-Z-]+){3}$") << 1;
        QTest::newRow("spec chars")
            << QStringList{QStringLiteral("--spec"), QStringLiteral("chars:8:digits")}
            << QStringLiteral("^[0-9]{8}$") << 1;
    }
    void generateMeetsOptions() {
        QFETCH(QStringList, args);
        QFETCH(QString, pattern);
        QFETCH(int, count);
        const CliResult result = m_sandbox->run(QStringList{QStringLiteral("generate")} + args);
        CLI_EXPECT(result, 0);
        const QStringList printed = lines(result);
        QCOMPARE(printed.size(), count);
        for (const QString& password : printed)
            QVERIFY2(matches(pattern, password), qPrintable(password));
        QVERIFY2(
            matches(QStringLiteral("^Entropy: [0-9]+\\.[0-9] bits \\(.*\\); "), result.errText()),
            result.err.constData());
        for (const QString& password : printed)
            QVERIFY(!result.errText().contains(password));
    }

    void generateEntropyIsStated() {
        const CliResult result = m_sandbox->run(
            {QStringLiteral("generate"), QStringLiteral("--spec"), QStringLiteral("words:6")});
        CLI_EXPECT(result, 0);
        QVERIFY2(result.errText().startsWith(QStringLiteral("Entropy: 77.5 bits (words:6); ")),
                 result.err.constData());
    }

    void generateUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        const auto row = [](const char* name, const QStringList& args) {
            QTest::newRow(name) << args;
        };
        row("too short", {QStringLiteral("--length"), QStringLiteral("3")});
        row("too long", {QStringLiteral("--length"), QStringLiteral("129")});
        row("not a number", {QStringLiteral("--length"), QStringLiteral("many")});
        row("no class", {QStringLiteral("--no-upper"), QStringLiteral("--no-lower"),
                         QStringLiteral("--no-digits"), QStringLiteral("--no-symbols")});
        row("custom adds nothing", {QStringLiteral("--custom"), QStringLiteral("abc")});
        row("few words", {QStringLiteral("--words"), QStringLiteral("2")});
        row("separator alone", {QStringLiteral("--separator"), QStringLiteral("_")});
        row("letter separator", {QStringLiteral("--words"), QStringLiteral("4"),
                                 QStringLiteral("--separator"), QStringLiteral("x")});
        row("bad capitalize", {QStringLiteral("--words"), QStringLiteral("4"),
                               QStringLiteral("--capitalize"), QStringLiteral("some")});
        row("words and chars",
            {QStringLiteral("--words"), QStringLiteral("4"), QStringLiteral("--no-upper")});
        row("bad spec", {QStringLiteral("--spec"), QStringLiteral("chars:20:capitals")});
        row("spec and options", {QStringLiteral("--spec"), QStringLiteral("chars:20"),
                                 QStringLiteral("--length"), QStringLiteral("30")});
        row("count 0", {QStringLiteral("--count"), QStringLiteral("0")});
        row("count 1001", {QStringLiteral("--count"), QStringLiteral("1001")});
        row("argument", {QStringLiteral("extra")});
    }
    void generateUsageErrors() {
        QFETCH(QStringList, args);
        const CliResult result = m_sandbox->run(QStringList{QStringLiteral("generate")} + args);
        CLI_EXPECT(result, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(isOneErrorLine(result.err), result.err.constData());
    }

    void addGenerateMeetsSpec_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("default") << QStringLiteral("--generate") << AllFourClasses.arg(20);
        QTest::newRow("upper and digits") << QStringLiteral("--generate=chars:32:upper,digits")
                                          << QStringLiteral("^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9]{32}$");
        QTest::newRow("passphrase") << QStringLiteral("--generate=words:5:sep=_:cap=all:digit")
                                    << QStringLiteral("^[A-Z0-9-]+(_[A-Z0-9-]+){4}$");
    }
    void addGenerateMeetsSpec() {
        QFETCH(QString, option);
        QFETCH(QString, pattern);
        CLI_EXPECT(m_sandbox->create(), 0);
        // A bare --generate before another option must not swallow it as its value.
        const CliResult added = m_sandbox->runOnVault(
            QStringLiteral("add"), {option, QStringLiteral("--title"), QStringLiteral("Mail")});
        CLI_EXPECT(added, 0);
        QVERIFY2(matches(QStringLiteral("^[0-9a-f]{32}\n$"), added.outText()),
                 added.out.constData());
        const CliResult shown = m_sandbox->runOnVault(
            QStringLiteral("show"),
            {QStringLiteral("Mail"), QStringLiteral("--field"), QStringLiteral("password")});
        CLI_EXPECT(shown, 0);
        const QString password = shown.outText().chopped(1);
        QVERIFY2(matches(pattern, password), qPrintable(password));
        QVERIFY(!added.errText().contains(password));
    }

    void editGenerateReplacesPassword() {
        CLI_EXPECT(m_sandbox->create(), 0);
        QVERIFY(!m_sandbox
                     ->add({QStringLiteral("--title"), QStringLiteral("Router"),
                            QStringLiteral("--password-prompt")},
                           {"old-password"})
                     .isEmpty());
        CLI_EXPECT(m_sandbox->runOnVault(
                       QStringLiteral("edit"),
                       {QStringLiteral("Router"), QStringLiteral("--generate=chars:12:digits")}),
                   0);
        const CliResult shown = m_sandbox->runOnVault(
            QStringLiteral("show"),
            {QStringLiteral("Router"), QStringLiteral("--field"), QStringLiteral("password")});
        CLI_EXPECT(shown, 0);
        QVERIFY2(matches(QStringLiteral("^[0-9]{12}\n$"), shown.outText()), shown.out.constData());
    }

    void generateConflictsWithPasswordPrompt_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("add") << QStringLiteral("add")
                             << QStringList{QStringLiteral("--title"), QStringLiteral("X"),
                                            QStringLiteral("--generate"),
                                            QStringLiteral("--password-prompt")};
        QTest::newRow("add with spec")
            << QStringLiteral("add")
            << QStringList{QStringLiteral("--password-prompt"), QStringLiteral("--title"),
                           QStringLiteral("X"), QStringLiteral("--generate=words:4")};
        QTest::newRow("edit") << QStringLiteral("edit")
                              << QStringList{QStringLiteral("X"), QStringLiteral("--generate"),
                                             QStringLiteral("--password-prompt")};
        QTest::newRow("bad spec") << QStringLiteral("add")
                                  << QStringList{QStringLiteral("--title"), QStringLiteral("X"),
                                                 QStringLiteral("--generate=chars:2")};
    }
    void generateConflictsWithPasswordPrompt() {
        QFETCH(QString, command);
        QFETCH(QStringList, args);
        CLI_EXPECT(m_sandbox->create(), 0);
        const CliResult result = m_sandbox->runOnVault(command, args, {"typed-password"});
        CLI_EXPECT(result, 1);
        QVERIFY2(isOneErrorLine(result.err), result.err.constData());
        const CliResult listing = m_sandbox->runOnVault(QStringLiteral("ls"));
        CLI_EXPECT(listing, 0);
        QVERIFY(listing.out.isEmpty());
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
