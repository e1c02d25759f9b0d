// GeneratorDialog: the controls' settings give previews that meet them, with the generator's
// entropy and a strength estimate; Use hands over exactly the password shown; impossible settings
// show core's error and cannot be used; the settings are remembered as a spec string that round-
// trips, and no password ever reaches the settings file.
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "GeneratorDialog.h"
#include "PasswordPreview.h"
#include "StrengthMeter.h"
#include "crypto/Crypto.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using tessera::SecureBuffer;
using tessera::ui::AppSettings;
using tessera::ui::ClipboardGuard;
using tessera::ui::GeneratorDialog;

namespace {

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

template <typename T> T* child(const QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

bool anyOf(const QByteArray& password, std::string_view set) {
    return std::any_of(password.begin(), password.end(),
                       [&](char c) { return set.find(c) != std::string_view::npos; });
}

} // namespace

class TestGeneratorDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(tessera::initializeCrypto().ok());
        QVERIFY(m_dir.isValid());
    }

    void charactersMeetTheControls_data() {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("upper");
        QTest::addColumn<bool>("lower");
        QTest::addColumn<bool>("digits");
        QTest::addColumn<bool>("symbols");
        QTest::addColumn<bool>("excludeLookAlikes");
        QTest::addColumn<QString>("custom");
        QTest::addColumn<QString>("spec");
        QTest::newRow("default 20") << 20 << true << true << true << true << false << QString()
                                    << QStringLiteral("chars:20");
        QTest::newRow("4 digits") << 4 << false << false << true << false << false << QString()
                                  << QStringLiteral("chars:4:digits");
        QTest::newRow("128, no look-alikes")
            << 128 << true << true << true << false << true << QString()
            << QStringLiteral("chars:128:upper,lower,digits:exclude-lookalikes");
        QTest::newRow("hex custom")
            << 16 << false << false << false << false << false << QStringLiteral("0123456789abcdef")
            << QStringLiteral("chars:16:custom=0123456789abcdef");
    }
    void charactersMeetTheControls() {
        QFETCH(int, length);
        QFETCH(bool, upper);
        QFETCH(bool, lower);
        QFETCH(bool, digits);
        QFETCH(bool, symbols);
        QFETCH(bool, excludeLookAlikes);
        QFETCH(QString, custom);
        QFETCH(QString, spec);
        AppSettings settings(m_dir.filePath(QStringLiteral("chars.conf")));
        GeneratorDialog dialog(settings);
        child<QTabWidget>(dialog, "modes")->setCurrentIndex(0);
        child<QSpinBox>(dialog, "length")->setValue(length);
        child<QCheckBox>(dialog, "upper")->setChecked(upper);
        child<QCheckBox>(dialog, "lower")->setChecked(lower);
        child<QCheckBox>(dialog, "digits")->setChecked(digits);
        child<QCheckBox>(dialog, "symbols")->setChecked(symbols);
        child<QCheckBox>(dialog, "excludeLookAlikes")->setChecked(excludeLookAlikes);
        child<QLineEdit>(dialog, "custom")->setText(custom);
        QCOMPARE(dialog.errorText(), QString());
        QCOMPARE(dialog.currentSpec(), spec);
        QCOMPARE(settings.generatorSpec(), spec);

        auto generator = tessera::Generator::fromSpec(spec);
        QVERIFY(generator.ok());
        QCOMPARE(dialog.entropyBits(), generator->entropyBits());
        for (int draw = 0; draw < 20; ++draw) {
            dialog.regenerate();
            const QByteArray password = bytesOf(dialog.password());
            QCOMPARE(password.size(), length);
            if (custom.isEmpty()) {
                QCOMPARE(anyOf(password, tessera::UpperCharacters), upper);
                QCOMPARE(anyOf(password, tessera::LowerCharacters), lower);
                QCOMPARE(anyOf(password, tessera::DigitCharacters), digits);
                QCOMPARE(anyOf(password, tessera::SymbolCharacters), symbols);
            } else {
                for (char c : password)
                    QVERIFY(custom.contains(QLatin1Char(c)));
            }
            if (excludeLookAlikes)
                QVERIFY(!anyOf(password, tessera::LookAlikeCharacters));
            QCOMPARE(dialog.preview()->text().toUtf8(), password);
            QVERIFY(dialog.strengthMeter()->hasEstimate());
        }
    }

    void passphraseMeetsTheControls() {
        AppSettings settings(m_dir.filePath(QStringLiteral("words.conf")));
        GeneratorDialog dialog(settings);
        child<QTabWidget>(dialog, "modes")->setCurrentIndex(1);
        child<QSpinBox>(dialog, "words")->setValue(5);
        child<QLineEdit>(dialog, "separator")->setText(QStringLiteral("."));
        auto* caps = child<QComboBox>(dialog, "capitalization");
        caps->setCurrentIndex(caps->findData(int(tessera::Capitalization::First)));
        child<QCheckBox>(dialog, "digit")->setChecked(true);
        QCOMPARE(dialog.currentSpec(), QStringLiteral("words:5:sep=.:cap=first:digit"));
        QVERIFY(std::abs(dialog.entropyBits() - (5 * std::log2(7776.0) + std::log2(50.0))) < 1e-9);
        for (int draw = 0; draw < 20; ++draw) {
            dialog.regenerate();
            const QString password = QString::fromUtf8(bytesOf(dialog.password()));
            const QStringList words = password.split(QLatin1Char('.'));
            QCOMPARE(words.size(), 5);
            int digits = 0;
            for (const QString& word : words) {
                QVERIFY(word.at(0).isUpper());
                for (QChar c : word)
                    digits += c.isDigit() ? 1 : 0;
            }
            QCOMPARE(digits, 1);
        }
    }

    void useHandsOverThePasswordShown() {
        AppSettings settings(m_dir.filePath(QStringLiteral("use.conf")));
        GeneratorDialog dialog(settings);
        const QByteArray shown = bytesOf(dialog.password());
        QCOMPARE(shown.size(), 20);
        QCOMPARE(dialog.preview()->text().toUtf8(), shown);
        child<QPushButton>(dialog, "use")->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const SecureBuffer taken = dialog.takePassword();
        QCOMPARE(bytesOf(taken), shown);
        QVERIFY(dialog.password().empty());
        QVERIFY(dialog.takePassword().empty());
        QVERIFY(dialog.preview()->isEmpty());
    }

    void cancelLeavesNothing() {
        AppSettings settings(m_dir.filePath(QStringLiteral("cancel.conf")));
        GeneratorDialog dialog(settings);
        QVERIFY(!dialog.password().empty());
        dialog.reject();
        QVERIFY(dialog.password().empty());
        QVERIFY(dialog.preview()->isEmpty());
    }

    void impossibleSettingsCannotBeUsed() {
        AppSettings settings(m_dir.filePath(QStringLiteral("bad.conf")));
        GeneratorDialog dialog(settings);
        for (const char* name : {"upper", "lower", "digits"})
            child<QCheckBox>(dialog, name)->setChecked(false);
        const QString before = settings.generatorSpec();
        QCOMPARE(before, QStringLiteral("chars:20:symbols"));
        child<QCheckBox>(dialog, "symbols")->setChecked(false);
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(dialog.currentSpec().isEmpty());
        QVERIFY(dialog.password().empty());
        QVERIFY(dialog.preview()->isEmpty());
        QVERIFY(!dialog.strengthMeter()->hasEstimate());
        QVERIFY(!child<QPushButton>(dialog, "use")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "regenerate")->isEnabled());
        QCOMPARE(settings.generatorSpec(), before); // an impossible spec is not remembered
        child<QCheckBox>(dialog, "digits")->setChecked(true);
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(child<QPushButton>(dialog, "use")->isEnabled());
        QCOMPARE(dialog.password().size(), std::size_t(20));

        child<QTabWidget>(dialog, "modes")->setCurrentIndex(1);
        child<QLineEdit>(dialog, "separator")->setText(QStringLiteral("x"));
        QVERIFY(!dialog.errorText().isEmpty()); // letters cannot separate words
        QVERIFY(!child<QPushButton>(dialog, "use")->isEnabled());
    }

    void rememberedSpecRoundTrips_data() {
        QTest::addColumn<QString>("spec");
        QTest::newRow("chars") << QStringLiteral("chars:24:upper,lower,digits:exclude-lookalikes");
        QTest::newRow("custom") << QStringLiteral("chars:12:lower:custom=_-.");
        QTest::newRow("words") << QStringLiteral("words:7:sep= :cap=all:digit");
        QTest::newRow("words default") << QStringLiteral("words");
    }
    void rememberedSpecRoundTrips() {
        QFETCH(QString, spec);
        const QString file = m_dir.filePath(QStringLiteral("remember.conf"));
        QFile::remove(file);
        QByteArrayList passwords;
        {
            AppSettings settings(file);
            GeneratorDialog dialog(settings);
            dialog.applySpec(spec);
            auto canonical = tessera::parseGeneratorSpec(spec);
            QVERIFY(canonical.ok());
            QCOMPARE(dialog.currentSpec(), tessera::generatorSpec(*canonical));
            for (int i = 0; i < 5; ++i) {
                dialog.regenerate();
                passwords << bytesOf(dialog.password());
            }
            settings.sync();
        }
        AppSettings reopened(file);
        GeneratorDialog again(reopened);
        auto canonical = tessera::parseGeneratorSpec(spec);
        QCOMPARE(again.currentSpec(), tessera::generatorSpec(*canonical));
        QCOMPARE(again.settings() == *canonical, true);

        // The settings file holds the spec, never a password.
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray content = ini.readAll();
        QVERIFY(!content.isEmpty());
        passwords << bytesOf(again.password());
        for (const QByteArray& password : passwords)
            QVERIFY2(!content.contains(password), content.constData());
    }

    void invalidRememberedSpecFallsBack() {
        const QString file = m_dir.filePath(QStringLiteral("invalid.conf"));
        {
            AppSettings settings(file);
            settings.setGeneratorSpec(QStringLiteral("chars:3"));
        }
        AppSettings settings(file);
        GeneratorDialog dialog(settings);
        QCOMPARE(dialog.currentSpec(), QStringLiteral("chars:20"));
        QCOMPARE(dialog.password().size(), std::size_t(20));
    }

    void copyThroughTheGuard() {
        AppSettings settings(m_dir.filePath(QStringLiteral("copy.conf")));
        ClipboardGuard guard(settings);
        GeneratorDialog dialog(settings, nullptr, &guard);
        dialog.applySpec(QStringLiteral("chars:16:lower"));
        child<QPushButton>(dialog, "copy")->click();
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), bytesOf(dialog.password()));
        QVERIFY(guard.holdsSecret());
        guard.clearNow();
        GeneratorDialog noGuard(settings);
        QVERIFY(!noGuard.findChild<QPushButton*>(QStringLiteral("copy")));
    }

    void standalone() {
        AppSettings settings(m_dir.filePath(QStringLiteral("standalone.conf")));
        GeneratorDialog dialog(settings);
        dialog.setStandalone(true);
        QVERIFY(child<QPushButton>(dialog, "use")->isHidden());
    }

    void previewWrapsPassphrasesAtSeparators() {
        tessera::ui::PasswordPreview preview;
        preview.setPassword(SecureBuffer::copyOf(std::string_view("alpha-bravo-charlie")));
        const int line = preview.fontMetrics().lineSpacing();
        const int tenColumns =
            preview.minimumSizeHint().width() -
            (16 - 10) * preview.fontMetrics().horizontalAdvance(QLatin1Char('M'));
        const int padding = preview.heightForWidth(tenColumns) - 2 * line; // 19 cells: 2 lines
        preview.setWrapAtSeparators(true); // "alpha-" "bravo-" "charlie"
        QCOMPARE(preview.heightForWidth(tenColumns), 3 * line + padding);
        preview.clear();
        QVERIFY(preview.isEmpty());
        QVERIFY(preview.text().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGeneratorDialog)
#include "tst_generatordialog.moc"
