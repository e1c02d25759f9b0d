// tessera-cli end to end: editing keeps history, trash/restore/purge, attachments round trip.

#include "CliSandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {

constexpr qint64 AttachmentLimitBytes = 16 * 1024 * 1024;

QStringList ids(const CliResult& listing) {
    QStringList found;
    for (const QString& line : listing.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        found.append(line.section(QLatin1Char('\t'), 0, 0));
    return found;
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliEntries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        m_sandbox = std::make_unique<CliSandbox>();
        QVERIFY(m_sandbox->isValid());
        CLI_EXPECT(m_sandbox->create(), 0);
    }
    void cleanup() { m_sandbox.reset(); }

    void editKeepsOldPasswordInHistory() {
        const QString id =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Router"),
                            QStringLiteral("--password-prompt"), QStringLiteral("--url"),
                            QStringLiteral("http://192.168.1.1")},
                           {"first-password"});
        QVERIFY(!id.isEmpty());
        const CliResult edited = m_sandbox->runOnVault(
            QStringLiteral("edit"),
            {QStringLiteral("Router"), QStringLiteral("--password-prompt"),
             QStringLiteral("--title"), QStringLiteral("Home router"), QStringLiteral("--username"),
             QStringLiteral("admin"), QStringLiteral("--favourite")},
            {"second-password"});
        CLI_EXPECT(edited, 0);

        CliResult result = m_sandbox->runOnVault(
            QStringLiteral("show"), {id, QStringLiteral("--field"), QStringLiteral("password")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.out, QByteArray("second-password\n"));

        result = m_sandbox->runOnVault(QStringLiteral("show"),
                                       {QStringLiteral("home router"), QStringLiteral("--json"),
                                        QStringLiteral("--show-protected")});
        CLI_EXPECT(result, 0);
        const QJsonObject entry = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(entry.value(QLatin1String("title")).toString(), QStringLiteral("Home router"));
        QCOMPARE(entry.value(QLatin1String("username")).toString(), QStringLiteral("admin"));
        QCOMPARE(entry.value(QLatin1String("favourite")).toBool(), true);
        QCOMPARE(entry.value(QLatin1String("password")).toString(),
                 QStringLiteral("second-password"));
        QCOMPARE(entry.value(QLatin1String("urls")).toArray().size(), 1); // untouched
        bool oldPasswordKept = false;
        for (const QJsonValue& item : entry.value(QLatin1String("history")).toArray()) {
            const QJsonObject change = item.toObject();
            oldPasswordKept = oldPasswordKept || (change.value(QLatin1String("field")).toString() ==
                                                      QLatin1String("password") &&
                                                  change.value(QLatin1String("value")).toString() ==
                                                      QLatin1String("first-password"));
        }
        QVERIFY2(oldPasswordKept, result.out.constData());

        // Without --show-protected no secret appears, history values included.
        result = m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json")});
        CLI_EXPECT(result, 0);
        QVERIFY(!result.out.contains("first-password") && !result.out.contains("second-password"));
        QVERIFY(!QJsonDocument::fromJson(result.out)
                     .object()
                     .value(QLatin1String("history"))
                     .toArray()
                     .isEmpty());
    }

    // Notes come from standard input, never argv (where the process list shows them): the rest of
    // the input after the prompted lines, several lines kept as typed.
    void notesFromStandardInput() {
        const QString id = m_sandbox->add(
            {QStringLiteral("--title"), QStringLiteral("Bank"), QStringLiteral("--notes-stdin"),
             QStringLiteral("--password-prompt")},
            {"entry-password", "Card stop line: +44 20 7946 0000", "", "PIN letter in the safe"});
        QVERIFY(!id.isEmpty());
        CliResult shown =
            m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json"),
                                                           QStringLiteral("--show-protected")});
        CLI_EXPECT(shown, 0);
        QJsonObject entry = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(entry.value(QLatin1String("notes")).toString(),
                 QStringLiteral("Card stop line: +44 20 7946 0000\n\nPIN letter in the safe"));
        QCOMPARE(entry.value(QLatin1String("password")).toString(),
                 QStringLiteral("entry-password"));

        // Not UTF-8, or both ways at once: refused, nothing changed.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("edit"),
                                         {id, QStringLiteral("--notes-stdin")},
                                         {QByteArray("\xff\xfe broken")}),
                   1);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("edit"),
                                         {id, QStringLiteral("--notes"), QStringLiteral("x"),
                                          QStringLiteral("--notes-stdin")},
                                         {"y"}),
                   1);
        shown = m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json")});
        entry = QJsonDocument::fromJson(shown.out).object();
        QVERIFY(entry.value(QLatin1String("notes"))
                    .toString()
                    .startsWith(QLatin1String("Card stop line")));

        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("edit"),
                                         {id, QStringLiteral("--notes-stdin")},
                                         {"moved to the new bank"}),
                   0);
        shown = m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json")});
        entry = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(entry.value(QLatin1String("notes")).toString(),
                 QStringLiteral("moved to the new bank"));
    }

    void editFieldsAndClearing() {
        const QString id = m_sandbox->add(
            {QStringLiteral("--title"), QStringLiteral("Shop"), QStringLiteral("--field"),
             QStringLiteral("customer=42"), QStringLiteral("--tag"), QStringLiteral("a"),
             QStringLiteral("--expires"), QStringLiteral("2030-01-01")});
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("edit"),
                                  {id, QStringLiteral("--remove-field"), QStringLiteral("customer"),
                                   QStringLiteral("--clear-tags"), QStringLiteral("--expires"),
                                   QStringLiteral("never")}),
            0);
        const CliResult shown =
            m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json")});
        const QJsonObject entry = QJsonDocument::fromJson(shown.out).object();
        QVERIFY(entry.value(QLatin1String("fields")).toArray().isEmpty());
        QVERIFY(entry.value(QLatin1String("tags")).toArray().isEmpty());
        QVERIFY(entry.value(QLatin1String("expires")).isNull());
    }

    // Titles, user names and folders come from any device that shares the vault: in the list,
    // control characters (C0, DEL, C1) print as '?' and cannot drive the terminal.
    void listShowsControlCharactersAsQuestionMarks() {
        const QString id =
            m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Bank\x1b]0;owned\x07"),
                            QStringLiteral("--username"), QStringLiteral("me\x7f\u0085"),
                            QStringLiteral("--folder"), QStringLiteral("Fin\u00e4nz\x1b[2J")});
        for (const QStringList& command :
             {QStringList{QStringLiteral("ls")},
              QStringList{QStringLiteral("search"), QStringLiteral("bank")}}) {
            const CliResult listed = m_sandbox->runOnVault(command.front(), command.mid(1));
            CLI_EXPECT(listed, 0);
            QCOMPARE(listed.outText(),
                     id + QStringLiteral("\tBank?]0;owned?\tme??\tFin\u00e4nz?[2J\n"));
        }
    }

    void trashRestorePurge() {
        const QString id = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Old forum")});
        const QString kept = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Kept")});
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {QStringLiteral("Old forum")}), 0);
        QCOMPARE(ids(m_sandbox->runOnVault(QStringLiteral("ls"))), QStringList{kept});
        QCOMPARE(ids(m_sandbox->runOnVault(QStringLiteral("ls"), {QStringLiteral("--trash")})),
                 QStringList{id});
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("show"), {QStringLiteral("Old forum")}), 4);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {QStringLiteral("Old forum")}), 4);

        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("restore"), {QStringLiteral("old forum")}),
                   0);
        QCOMPARE(ids(m_sandbox->runOnVault(QStringLiteral("ls"))).size(), 2);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("restore"), {id}), 4); // not in the trash

        // Purge works from the trash or not, and is for good.
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {id}), 0);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {id, QStringLiteral("--purge")}), 0);
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("rm"), {kept, QStringLiteral("--purge")}),
                   0);
        QVERIFY(ids(m_sandbox->runOnVault(QStringLiteral("ls"))).isEmpty());
        QVERIFY(ids(m_sandbox->runOnVault(QStringLiteral("ls"), {QStringLiteral("--trash")}))
                    .isEmpty());
        CLI_EXPECT(m_sandbox->runOnVault(QStringLiteral("restore"), {id}), 4);
    }

    void attachmentRoundTrip_data() {
        QTest::addColumn<QByteArray>("content");
        QByteArray everyByte;
        for (int i = 0; i < 256; ++i)
            everyByte.append(char(i));
        QRandomGenerator generator(7);
        const auto randomBytes = [&generator](qint64 size) {
            QByteArray bytes(size, Qt::Uninitialized);
            for (char& byte : bytes)
                byte = char(generator.bounded(256));
            return bytes;
        };
        QTest::newRow("text") << QByteArray("recovery codes: 1111 2222 3333\n");
        QTest::newRow("every byte value") << everyByte.repeated(3);
        QTest::newRow("3 MiB random") << randomBytes(3 * 1024 * 1024 + 17);
        // Above the 8 MiB an unprivileged process may mlock, and exactly at the limit.
        QTest::newRow("exactly 16 MiB") << randomBytes(AttachmentLimitBytes);
    }
    void attachmentRoundTrip() {
        QFETCH(QByteArray, content);
        const QString id = m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Files")});
        const QString source = m_sandbox->filePath(QStringLiteral("codes.bin"));
        QVERIFY(writeFile(source, content));
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("attach"), {QStringLiteral("Files"), source}), 0);

        const CliResult shown =
            m_sandbox->runOnVault(QStringLiteral("show"), {id, QStringLiteral("--json")});
        const QJsonArray attachments = QJsonDocument::fromJson(shown.out)
                                           .object()
                                           .value(QLatin1String("attachments"))
                                           .toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("codes.bin"));
        QCOMPARE(attachments.at(0).toObject().value(QLatin1String("size")).toInteger(),
                 content.size());

        const QString exported = m_sandbox->filePath(QStringLiteral("exported.bin"));
        CLI_EXPECT(m_sandbox->runOnVault(
                       QStringLiteral("attachment-export"),
                       {id, QStringLiteral("codes.bin"), QStringLiteral("--output"), exported}),
                   0);
        QCOMPARE(readFile(exported), content);
        QCOMPARE(QFile::permissions(exported) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("detach"), {id, QStringLiteral("codes.bin")}), 0);
        CLI_EXPECT(m_sandbox->runOnVault(
                       QStringLiteral("attachment-export"),
                       {id, QStringLiteral("codes.bin"), QStringLiteral("--output"), exported}),
                   4);
        CLI_EXPECT(
            m_sandbox->runOnVault(QStringLiteral("detach"), {id, QStringLiteral("codes.bin")}), 4);
    }

    void attachmentAboveLimitIsRefused() {
        QVERIFY(!m_sandbox->add({QStringLiteral("--title"), QStringLiteral("Files")}).isEmpty());
        const QString big = m_sandbox->filePath(QStringLiteral("big.iso"));
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(AttachmentLimitBytes + 1)); // sparse: costs no disk
        file.close();
        const CliResult result =
            m_sandbox->runOnVault(QStringLiteral("attach"), {QStringLiteral("Files"), big});
        CLI_EXPECT(result, 1);
        QVERIFY2(result.errText().contains(QLatin1String("limited to 16.0 MiB")),
                 result.err.constData());
        const CliResult shown = m_sandbox->runOnVault(
            QStringLiteral("show"), {QStringLiteral("Files"), QStringLiteral("--json")});
        QVERIFY(QJsonDocument::fromJson(shown.out)
                    .object()
                    .value(QLatin1String("attachments"))
                    .toArray()
                    .isEmpty());
    }

private:
    std::unique_ptr<CliSandbox> m_sandbox;
};

QTEST_GUILESS_MAIN(TestCliEntries)
#include "tst_cli_entries.moc"
