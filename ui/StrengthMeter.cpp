#include "StrengthMeter.h"

#include "CrackTimeText.h"

#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

constexpr int BarHeight = 6;
constexpr int StepGap = 3;
constexpr qreal StepRadius = 2;
constexpr int DimAlpha = 70; // unlit steps: the palette's mid colour, faded

// The five segments, painted from the meter's state.
class StrengthBar final : public QWidget {
public:
    explicit StrengthBar(const StrengthMeter& meter, QWidget* parent)
        : QWidget(parent)
        , m_meter(meter) {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setFixedHeight(BarHeight);
    }
    QSize sizeHint() const override { return {StrengthMeter::Steps * 24, BarHeight}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const int steps = StrengthMeter::Steps;
        const qreal stepWidth = (width() - StepGap * (steps - 1)) / qreal(steps);
        const int lit = m_meter.filledSteps();
        QColor unlit = palette().color(QPalette::Mid);
        unlit.setAlpha(DimAlpha);
        const QColor on = StrengthMeter::scoreColor(m_meter.score());
        for (int step = 0; step < steps; ++step) {
            const QRectF rect(step * (stepWidth + StepGap), 0, stepWidth, height());
            painter.setBrush(step < lit ? on : unlit);
            painter.drawRoundedRect(rect, StepRadius, StepRadius);
        }
    }

private:
    const StrengthMeter& m_meter;
};

} // namespace

StrengthMeter::StrengthMeter(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    m_bar = new StrengthBar(*this, this);
    m_label = new QLabel(this);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    QFont small = m_label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_label->setFont(small);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    setAccessibleName(tr("Password strength"));
    refresh();
}

void StrengthMeter::setPassword(const SecureBuffer& password) {
    if (password.empty()) {
        clear();
        return;
    }
    setEstimate(estimateStrength(password, m_userInputs));
}

void StrengthMeter::setEstimate(const StrengthEstimate& estimate) {
    m_estimate = estimate;
    refresh();
}

void StrengthMeter::clear() {
    if (!m_estimate)
        return;
    m_estimate.reset();
    refresh();
}

QString StrengthMeter::strengthText() const {
    return m_estimate ? scoreName(m_estimate->score) : QString();
}

QString StrengthMeter::summaryText() const {
    if (!m_estimate)
        return {};
    //: %1 is the strength ("Strong"), %2 the time to crack it ("3 hours", "centuries")
    return tr("%1 · time to crack: %2").arg(strengthText(), crackTimeText(m_estimate->crackTime));
}

QString StrengthMeter::scoreName(int score) {
    switch (score) {
    case 0:
        return tr("Very weak");
    case 1:
        return tr("Weak");
    case 2:
        return tr("Fair");
    case 3:
        return tr("Strong");
    case 4:
        return tr("Very strong");
    default:
        return {};
    }
}

QColor StrengthMeter::scoreColor(int score) {
    // Red to green; readable on light and dark backgrounds alike.
    switch (score) {
    case 0:
        return QColor(0xd3, 0x2f, 0x2f);
    case 1:
        return QColor(0xef, 0x6c, 0x00);
    case 2:
        return QColor(0xf9, 0xa8, 0x25);
    case 3:
        return QColor(0x7c, 0xb3, 0x42);
    case 4:
        return QColor(0x2e, 0x9d, 0x4f);
    default:
        return {};
    }
}

void StrengthMeter::refresh() {
    const QString summary = summaryText();
    m_label->setText(summary);
    setAccessibleDescription(summary.isEmpty() ? tr("No password entered") : summary);
    setToolTip(m_estimate ? tr("Estimated by zxcvbn for an offline attack on a slow hash "
                               "(%1 guesses per second); %2 bits")
                                .arg(CrackGuessesPerSecond, 0, 'g')
                                .arg(m_estimate->entropyBits, 0, 'f', 1)
                          : QString());
    m_bar->update();
    Q_EMIT estimateChanged();
}

} // namespace tessera::ui
