#include "GeneratorDialog.h"

#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "PasswordPreview.h"
#include "StrengthMeter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int CharactersTab = 0;
constexpr int PassphraseTab = 1;

} // namespace

GeneratorDialog::GeneratorDialog(AppSettings& settings, QWidget* parent, ClipboardGuard* clipboard,
                                 RandomSource* random)
    : QDialog(parent)
    , m_settings(settings)
    , m_clipboard(clipboard)
    , m_random(random ? *random : m_csprng) {
    setWindowTitle(tr("Generate password"));
    auto* layout = new QVBoxLayout(this);

    m_preview = new PasswordPreview(this);
    layout->addWidget(m_preview);
    m_meter = new StrengthMeter(this);
    layout->addWidget(m_meter);
    m_entropy = new QLabel(this);
    m_entropy->setTextFormat(Qt::PlainText);
    layout->addWidget(m_entropy);
    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette errorColors = m_error->palette();
    errorColors.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_error->setPalette(errorColors);
    m_error->hide();
    layout->addWidget(m_error);

    m_modes = new QTabWidget(this);
    m_modes->setObjectName(QStringLiteral("modes"));
    auto* characters = new QWidget(m_modes);
    buildCharactersPage(characters);
    m_modes->addTab(characters, tr("&Characters"));
    auto* passphrase = new QWidget(m_modes);
    buildPassphrasePage(passphrase);
    m_modes->addTab(passphrase, tr("&Passphrase"));
    connect(m_modes, &QTabWidget::currentChanged, this, &GeneratorDialog::settingsChanged);
    layout->addWidget(m_modes);

    auto* buttons = new QDialogButtonBox(this);
    m_regenerate = buttons->addButton(tr("&Regenerate"), QDialogButtonBox::ActionRole);
    m_regenerate->setObjectName(QStringLiteral("regenerate"));
    m_regenerate->setShortcut(QKeySequence::Refresh);
    m_regenerate->setToolTip(tr("Draw a new password with the same settings (F5)"));
    connect(m_regenerate, &QPushButton::clicked, this, &GeneratorDialog::regenerate);
    if (m_clipboard) {
        m_copy = buttons->addButton(tr("C&opy"), QDialogButtonBox::ActionRole);
        m_copy->setObjectName(QStringLiteral("copy"));
        m_copy->setToolTip(tr("Copy the password; the clipboard is cleared after a while"));
        connect(m_copy, &QPushButton::clicked, this, &GeneratorDialog::copyPassword);
    }
    m_use = buttons->addButton(tr("&Use"), QDialogButtonBox::AcceptRole);
    m_use->setObjectName(QStringLiteral("use"));
    m_use->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    applySpec(m_settings.generatorSpec());
}

GeneratorDialog::~GeneratorDialog() = default;

void GeneratorDialog::buildCharactersPage(QWidget* page) {
    auto* form = new QFormLayout(page);
    auto* lengthRow = new QHBoxLayout;
    m_lengthSlider = new QSlider(Qt::Horizontal, page);
    m_lengthSlider->setObjectName(QStringLiteral("lengthSlider"));
    m_lengthSlider->setRange(MinPasswordLength, MaxPasswordLength);
    m_lengthSlider->setAccessibleName(tr("Length"));
    m_length = new QSpinBox(page);
    m_length->setObjectName(QStringLiteral("length"));
    m_length->setRange(MinPasswordLength, MaxPasswordLength);
    m_length->setAccessibleName(tr("Length"));
    connect(m_lengthSlider, &QSlider::valueChanged, m_length, &QSpinBox::setValue);
    connect(m_length, &QSpinBox::valueChanged, m_lengthSlider, &QSlider::setValue);
    connect(m_length, &QSpinBox::valueChanged, this, &GeneratorDialog::settingsChanged);
    lengthRow->addWidget(m_lengthSlider, 1);
    lengthRow->addWidget(m_length);
    auto* lengthLabel = new QLabel(tr("&Length:"), page);
    lengthLabel->setBuddy(m_length);
    form->addRow(lengthLabel, lengthRow);

    auto* classes = new QHBoxLayout;
    auto addClass = [&](QCheckBox*& box, const QString& text, const QString& name,
                        const QString& objectName) {
        box = new QCheckBox(text, page);
        box->setAccessibleName(name);
        box->setObjectName(objectName);
        connect(box, &QCheckBox::toggled, this, &GeneratorDialog::settingsChanged);
        classes->addWidget(box);
    };
    addClass(m_upper, tr("A–Z"), tr("Upper-case letters"), QStringLiteral("upper"));
    addClass(m_lower, tr("a–z"), tr("Lower-case letters"), QStringLiteral("lower"));
    addClass(m_digits, tr("0–9"), tr("Digits"), QStringLiteral("digits"));
    addClass(m_symbols, tr("!@#$%…"), tr("Symbols"), QStringLiteral("symbols"));
    classes->addStretch(1);
    form->addRow(tr("Use:"), classes);

    m_custom = new QLineEdit(page);
    m_custom->setObjectName(QStringLiteral("custom"));
    m_custom->setPlaceholderText(tr("extra characters, e.g. _-."));
    m_custom->setToolTip(tr("Extra characters to draw from (printable ASCII other than space); "
                            "at least one of them is in every password"));
    connect(m_custom, &QLineEdit::textChanged, this, &GeneratorDialog::settingsChanged);
    auto* customLabel = new QLabel(tr("Also &use:"), page);
    customLabel->setBuddy(m_custom);
    form->addRow(customLabel, m_custom);

    m_excludeLookAlikes = new QCheckBox(tr("&Exclude look-alikes (0 O o 1 I l | ` ')"), page);
    m_excludeLookAlikes->setObjectName(QStringLiteral("excludeLookAlikes"));
    connect(m_excludeLookAlikes, &QCheckBox::toggled, this, &GeneratorDialog::settingsChanged);
    form->addRow(m_excludeLookAlikes);
}

void GeneratorDialog::buildPassphrasePage(QWidget* page) {
    auto* form = new QFormLayout(page);
    m_words = new QSpinBox(page);
    m_words->setObjectName(QStringLiteral("words"));
    m_words->setRange(MinPassphraseWords, MaxPassphraseWords);
    connect(m_words, &QSpinBox::valueChanged, this, &GeneratorDialog::settingsChanged);
    auto* wordsLabel = new QLabel(tr("&Words:"), page);
    wordsLabel->setBuddy(m_words);
    form->addRow(wordsLabel, m_words);

    m_separator = new QLineEdit(page);
    m_separator->setObjectName(QStringLiteral("separator"));
    m_separator->setMaxLength(MaxSeparatorLength);
    m_separator->setToolTip(tr("Up to %1 characters, no letters; empty only with capitals at "
                               "the start of each word")
                                .arg(MaxSeparatorLength));
    connect(m_separator, &QLineEdit::textChanged, this, &GeneratorDialog::settingsChanged);
    auto* separatorLabel = new QLabel(tr("&Separator:"), page);
    separatorLabel->setBuddy(m_separator);
    form->addRow(separatorLabel, m_separator);

    m_capitalization = new QComboBox(page);
    m_capitalization->setObjectName(QStringLiteral("capitalization"));
    m_capitalization->addItem(tr("none (correct-horse)"), int(Capitalization::None));
    m_capitalization->addItem(tr("first letter (Correct-Horse)"), int(Capitalization::First));
    m_capitalization->addItem(tr("all (CORRECT-HORSE)"), int(Capitalization::All));
    connect(m_capitalization, &QComboBox::currentIndexChanged, this,
            &GeneratorDialog::settingsChanged);
    auto* capitalLabel = new QLabel(tr("&Capitals:"), page);
    capitalLabel->setBuddy(m_capitalization);
    form->addRow(capitalLabel, m_capitalization);

    m_digit = new QCheckBox(tr("Add a &digit to one word"), page);
    m_digit->setObjectName(QStringLiteral("digit"));
    connect(m_digit, &QCheckBox::toggled, this, &GeneratorDialog::settingsChanged);
    form->addRow(m_digit);
}

void GeneratorDialog::setStandalone(bool standalone) {
    m_use->setVisible(!standalone);
    m_cancel->setText(standalone ? tr("Close") : tr("Cancel"));
    if (standalone && m_copy)
        m_copy->setDefault(true);
}

void GeneratorDialog::setUserInputs(const QStringList& words) {
    m_meter->setUserInputs(words);
    m_meter->setPassword(m_password);
}

GeneratorSettings GeneratorDialog::settings() const {
    if (m_modes->currentIndex() == PassphraseTab) {
        PassphraseSettings words;
        words.words = m_words->value();
        words.separator = m_separator->text();
        words.capitalization = Capitalization(m_capitalization->currentData().toInt());
        words.digit = m_digit->isChecked();
        return words;
    }
    CharacterSettings chars;
    chars.length = m_length->value();
    chars.upper = m_upper->isChecked();
    chars.lower = m_lower->isChecked();
    chars.digits = m_digits->isChecked();
    chars.symbols = m_symbols->isChecked();
    chars.custom = m_custom->text();
    chars.excludeLookAlikes = m_excludeLookAlikes->isChecked();
    return chars;
}

QString GeneratorDialog::currentSpec() const {
    return m_generator ? m_spec : QString();
}

QString GeneratorDialog::errorText() const {
    return m_generator ? QString() : m_error->text();
}

void GeneratorDialog::applySpec(const QString& spec) {
    auto parsed = parseGeneratorSpec(spec.isEmpty() ? QString(DefaultGeneratorSpec) : spec);
    if (!parsed)
        parsed = parseGeneratorSpec(QString(DefaultGeneratorSpec));
    const GeneratorSettings& chosen = *parsed;

    m_applying = true;
    const CharacterSettings chars = std::holds_alternative<CharacterSettings>(chosen)
                                        ? std::get<CharacterSettings>(chosen)
                                        : CharacterSettings{};
    m_length->setValue(chars.length);
    m_upper->setChecked(chars.upper);
    m_lower->setChecked(chars.lower);
    m_digits->setChecked(chars.digits);
    m_symbols->setChecked(chars.symbols);
    m_custom->setText(chars.custom);
    m_excludeLookAlikes->setChecked(chars.excludeLookAlikes);

    const PassphraseSettings words = std::holds_alternative<PassphraseSettings>(chosen)
                                         ? std::get<PassphraseSettings>(chosen)
                                         : PassphraseSettings{};
    m_words->setValue(words.words);
    m_separator->setText(words.separator);
    m_capitalization->setCurrentIndex(m_capitalization->findData(int(words.capitalization)));
    m_digit->setChecked(words.digit);

    m_modes->setCurrentIndex(std::holds_alternative<PassphraseSettings>(chosen) ? PassphraseTab
                                                                                : CharactersTab);
    m_applying = false;
    settingsChanged();
}

void GeneratorDialog::settingsChanged() {
    if (m_applying)
        return;
    const GeneratorSettings current = settings();
    auto generator = Generator::make(current);
    if (!generator) {
        // Nothing that does not meet the settings stays on show or can be used.
        m_generator.reset();
        m_spec.clear();
        m_password.clear();
        m_preview->clear();
        m_meter->clear();
        m_entropy->clear();
        setError(generator.error().message);
        return;
    }
    m_generator.emplace(std::move(*generator));
    m_entropyBits = m_generator->entropyBits();
    m_spec = generatorSpec(current);
    setError({});
    m_settings.setGeneratorSpec(m_spec); // the settings only, never a password
    regenerate();
}

void GeneratorDialog::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    const bool usable = message.isEmpty();
    m_regenerate->setEnabled(usable);
    m_use->setEnabled(usable);
    if (m_copy)
        m_copy->setEnabled(usable);
}

void GeneratorDialog::regenerate() {
    if (!m_generator)
        return;
    m_password = m_generator->generate(m_random);
    showPassword();
}

void GeneratorDialog::showPassword() {
    m_preview->setWrapAtSeparators(m_modes->currentIndex() == PassphraseTab);
    m_preview->setPassword(m_password);
    m_meter->setPassword(m_password);
    m_entropy->setText(tr("%1 bits of entropy").arg(m_entropyBits, 0, 'f', 1));
    // What a screen reader says about the preview: its size and strength, not the password.
    int characters = 0;
    for (std::size_t i = 0; i < m_password.size(); ++i)
        characters += (m_password.data()[i] & 0xC0) != 0x80 ? 1 : 0; // UTF-8 lead bytes
    m_preview->setAccessibleDescription(
        tr("%1 characters, %2").arg(characters).arg(m_entropy->text()));
    m_entropy->setToolTip(tr("Every password these settings can give is equally likely: "
                             "log2 of how many there are"));
}

void GeneratorDialog::copyPassword() {
    if (m_clipboard && !m_password.empty())
        m_clipboard->copySecret(m_password, tr("generated password"));
}

SecureBuffer GeneratorDialog::takePassword() {
    SecureBuffer taken = std::move(m_password);
    m_password = SecureBuffer();
    m_preview->clear();
    m_meter->clear();
    return taken;
}

void GeneratorDialog::done(int result) {
    // Rejected: nothing is handed over, so nothing stays shown. Accepted: the caller takes it.
    if (result != QDialog::Accepted) {
        m_password.clear();
        m_preview->clear();
        m_meter->clear();
    } else {
        m_preview->clear();
    }
    QDialog::done(result);
}

} // namespace tessera::ui
