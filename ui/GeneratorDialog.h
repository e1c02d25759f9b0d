#pragma once
// The password generator (core/generator): characters (length, classes, look-alikes, a custom
// set) or an EFF passphrase (words, separator, capitals, a digit), with a live preview, the exact
// entropy and the strength meter. Copy goes through the ClipboardGuard; Use accepts the dialog and
// takePassword() hands the password over. The settings are remembered in AppSettings as a spec
// string (never a password). The password lives in a SecureBuffer; the preview's one QString copy
// is wiped when replaced.

#include "crypto/SecureBuffer.h"
#include "generator/Generator.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace tessera::ui {

class AppSettings;
class ClipboardGuard;
class PasswordPreview;
class StrengthMeter;

class GeneratorDialog : public QDialog {
    Q_OBJECT
public:
    // clipboard: enables Copy (null: no Copy button). random: where randomness comes from (null:
    // libsodium's CSPRNG); it must outlive the dialog.
    explicit GeneratorDialog(AppSettings& settings, QWidget* parent = nullptr,
                             ClipboardGuard* clipboard = nullptr, RandomSource* random = nullptr);
    ~GeneratorDialog() override;

    // Standalone (Tools menu): no Use button; Close instead of Cancel.
    void setStandalone(bool standalone);
    // Words the strength estimate tries first (vault name, entry title, user name).
    void setUserInputs(const QStringList& words);

    // The password shown; moves it out (the dialog shows none afterwards).
    SecureBuffer takePassword();
    const SecureBuffer& password() const { return m_password; }

    // The settings the controls describe (valid or not).
    GeneratorSettings settings() const;
    // Sets the controls from a spec (invalid: the default spec) and generates.
    void applySpec(const QString& spec);
    // The canonical spec of the current settings (empty while they cannot generate).
    QString currentSpec() const;
    double entropyBits() const { return m_entropyBits; }
    // Why the settings cannot generate; empty when they can.
    QString errorText() const;
    StrengthMeter* strengthMeter() const { return m_meter; }
    PasswordPreview* preview() const { return m_preview; }

public Q_SLOTS:
    void regenerate();
    void copyPassword();

protected:
    void done(int result) override;

private:
    void buildCharactersPage(QWidget* page);
    void buildPassphrasePage(QWidget* page);
    void settingsChanged();
    void showPassword();
    void setError(const QString& message);

    AppSettings& m_settings;
    ClipboardGuard* m_clipboard;
    CsprngSource m_csprng;
    RandomSource& m_random;
    std::optional<Generator> m_generator; // set while the settings can generate
    QString m_spec;                       // ... and their canonical spec
    SecureBuffer m_password;
    double m_entropyBits = 0;
    bool m_applying = false; // controls are being set from a spec: generate once at the end

    QTabWidget* m_modes = nullptr;
    QSlider* m_lengthSlider = nullptr;
    QSpinBox* m_length = nullptr;
    QCheckBox* m_upper = nullptr;
    QCheckBox* m_lower = nullptr;
    QCheckBox* m_digits = nullptr;
    QCheckBox* m_symbols = nullptr;
    QCheckBox* m_excludeLookAlikes = nullptr;
    QLineEdit* m_custom = nullptr;
    QSpinBox* m_words = nullptr;
    QLineEdit* m_separator = nullptr;
    QComboBox* m_capitalization = nullptr;
    QCheckBox* m_digit = nullptr;

    PasswordPreview* m_preview = nullptr;
    QLabel* m_entropy = nullptr;
    QLabel* m_error = nullptr;
    StrengthMeter* m_meter = nullptr;
    QPushButton* m_regenerate = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_use = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace tessera::ui
