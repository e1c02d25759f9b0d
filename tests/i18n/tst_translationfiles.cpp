// The translation files against the sources, as CI sees them: lupdate rescans ui/ and app/gui/
// into a temporary copy of each committed .ts file (the same options as the update_translations
// target), and every message must then be finished, its %1…%99 placeholders the same set as the
// source's, its accelerator (&) kept, and each plural message must have the language's number of
// forms. A string added to the sources without a translation fails here, naming it.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

constexpr int LupdateWaitMs = 120000; // a loaded CI machine

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or its plural forms
};

QList<Message> readTs(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message message;
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    const QStringView type = xml.attributes().value(QLatin1String("type"));
                    message.unfinished = !type.isEmpty(); // unfinished, vanished or obsolete
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.forms << xml.readElementText();
                    } else {
                        message.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression numbered(QStringLiteral("%L?([1-9][0-9]?)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : numbered.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

int accelerators(QString text) {
    text.remove(QLatin1String("&&"));
    return int(text.count(QLatin1Char('&')));
}

QString describe(const Message& message) {
    return QStringLiteral("[%1] \"%2\"").arg(message.context, message.source);
}

} // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every resources/translations/tessera_*.ts, so a new language is checked as soon as it is
    // added; tessera_en.ts holds only the English plural forms.
    void upToDateAndComplete_data() {
        QTest::addColumn<QString>("tsFile");
        QTest::addColumn<bool>("pluralOnly");
        QTest::addColumn<int>("pluralForms");
        // Plural forms per language (Qt's numerus rules); a language not listed here is not
        // checked for the count.
        const QHash<QString, int> formsOf{{QStringLiteral("de"), 2}, {QStringLiteral("en"), 2}};
        const QDir dir(QStringLiteral(TESSERA_TS_DIR));
        const QStringList files =
            dir.entryList({QStringLiteral("tessera_*.ts")}, QDir::Files, QDir::Name);
        QVERIFY(files.contains(QStringLiteral("tessera_de.ts")));
        for (const QString& file : files) {
            const QString language = file.mid(8).chopped(3); // tessera_LANG.ts
            QTest::newRow(qPrintable(language))
                << dir.filePath(file) << (language == QLatin1String("en"))
                << formsOf.value(language, -1);
        }
    }

    void upToDateAndComplete() {
        QFETCH(QString, tsFile);
        QFETCH(bool, pluralOnly);
        QFETCH(int, pluralForms);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
        QVERIFY2(QFile::copy(tsFile, copy), qPrintable(tsFile));

        QStringList arguments = QStringList{TESSERA_LUPDATE_OPTIONS};
        if (pluralOnly)
            arguments << QStringLiteral("-pluralonly");
        arguments << QStringLiteral("@" TESSERA_TR_SOURCE_LIST) << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(TESSERA_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(LupdateWaitMs), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAllStandardError().constData());

        QString error;
        const QList<Message> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());

        QStringList problems;
        for (const Message& message : messages) {
            const QString what = describe(message);
            if (message.unfinished) {
                problems << QStringLiteral("unfinished or not translated: ") + what;
                continue;
            }
            if (message.numerus && pluralForms > 0 && message.forms.size() != pluralForms) {
                problems << QStringLiteral("%1 plural forms instead of %2: ")
                                    .arg(message.forms.size())
                                    .arg(pluralForms) +
                                what;
                continue;
            }
            const QSet<QString> expected = placeholders(message.source);
            for (const QString& form : message.forms) {
                if (form.isEmpty())
                    problems << QStringLiteral("empty translation: ") + what;
                else if (placeholders(form) != expected)
                    problems << QStringLiteral("placeholders differ in \"%1\": ").arg(form) + what;
                else if (accelerators(form) != accelerators(message.source))
                    problems
                        << QStringLiteral("accelerator (&) lost or added in \"%1\": ").arg(form) +
                               what;
            }
            // The singular may say "a month"; the other forms show the count.
            if (message.numerus && message.source.contains(QLatin1String("%n")) &&
                !message.forms.constLast().contains(QLatin1String("%n")))
                problems << QStringLiteral("plural form without %n: ") + what;
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s) in %2 (run the update_translations "
                                           "target, then translate):\n  ")
                                .arg(problems.size())
                                .arg(QFileInfo(tsFile).fileName()) +
                            problems.join(QLatin1String("\n  "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
