#pragma once
// A password-strength meter: a coloured bar of five steps, the strength in words and the time an
// offline attack would need (core's zxcvbn estimate, core/health/Strength.h). The password is read
// from its SecureBuffer and never copied into a QString; the meter keeps only the estimate.
//
// Words for zxcvbn's scores: 0 "Very weak", 1 "Weak", 2 "Fair", 3 "Strong", 4 "Very strong". The
// health report counts scores up to 2 as weak, so no score it flags reads "Good" here.

#include "crypto/SecureBuffer.h"
#include "health/Strength.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;

namespace tessera::ui {

class StrengthMeter : public QWidget {
    Q_OBJECT
public:
    static constexpr int Steps = MaxScore + 1;

    explicit StrengthMeter(QWidget* parent = nullptr);

    // Words an attacker would try first (vault name, entry title, user name): a password built
    // from them scores lower. Applies to the next setPassword().
    void setUserInputs(const QStringList& words) { m_userInputs = words; }
    QStringList userInputs() const { return m_userInputs; }

    // Estimates the password (empty: the meter is cleared).
    void setPassword(const SecureBuffer& password);
    // Shows an estimate made elsewhere.
    void setEstimate(const StrengthEstimate& estimate);
    // Empties the bar and the text.
    void clear();

    bool hasEstimate() const { return m_estimate.has_value(); }
    // zxcvbn's score 0..4, or -1 when cleared.
    int score() const { return m_estimate ? m_estimate->score : -1; }
    // How many of the Steps segments are lit: score + 1, or 0 when cleared.
    int filledSteps() const { return m_estimate ? m_estimate->score + 1 : 0; }
    const std::optional<StrengthEstimate>& estimate() const { return m_estimate; }
    // "Strong" etc., empty when cleared.
    QString strengthText() const;
    // The line under the bar, e.g. "Strong · about 3 centuries to crack"; empty when cleared.
    QString summaryText() const;

    static QString scoreName(int score);
    static QColor scoreColor(int score);

Q_SIGNALS:
    void estimateChanged();

private:
    void refresh();

    QWidget* m_bar = nullptr;
    QLabel* m_label = nullptr;
    QStringList m_userInputs;
    std::optional<StrengthEstimate> m_estimate;
};

} // namespace tessera::ui
