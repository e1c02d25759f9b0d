#include "KdfPresetBox.h"

#include "common/Clock.h"
#include "crypto/Crypto.h"
#include "vault/Vault.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

namespace tessera::ui {

namespace {

struct PresetSpec {
    std::uint8_t memLog2;
    int targetMs;
};
constexpr PresetSpec Specs[3] = {
    {26, 300},  // Faster: 64 MiB
    {28, 1000}, // Standard: 256 MiB
    {30, 3000}, // Stronger: 1 GiB
};

} // namespace

struct KdfPresetBox::Measured {
    std::optional<KdfParams> params;
    qint64 ms = 0;
    QString error;
};

KdfPresetBox::KdfPresetBox(QWidget* parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_cost(new QLabel(this))
    , m_alive(std::make_shared<bool>(true)) {
    m_choice->addItem(tr("Faster (64 MiB)"), int(Faster));
    m_choice->addItem(tr("Standard (256 MiB)"), int(Standard));
    m_choice->addItem(tr("Stronger (1 GiB)"), int(Stronger));
    m_choice->setCurrentIndex(1);
    m_choice->setAccessibleName(tr("Key derivation strength"));
    m_cost->setWordWrap(true);
    m_cost->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_cost, 1);
    for (auto& result : m_results)
        result = std::make_shared<std::optional<KdfParams>>();
    if (!checkAffordable(KdfParams{DefaultOpsLimit, Specs[Stronger].memLog2}).ok())
        m_choice->setItemData(2, tr("Needs more memory than this computer has"), Qt::ToolTipRole);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &KdfPresetBox::choose);
    choose();
}

KdfPresetBox::~KdfPresetBox() {
    *m_alive = false;
}

void KdfPresetBox::offerKeepCurrent(KdfParams current) {
    m_current = current;
    m_choice->insertItem(0, tr("Keep the current settings"), int(KeepCurrent));
    m_choice->setCurrentIndex(0);
}

void KdfPresetBox::setFixedParams(KdfParams params) {
    m_fixed = params;
    m_choice->setVisible(false);
    m_cost->setText(tr("Fixed key derivation parameters (%1 iterations, %2 KiB)")
                        .arg(params.opsLimit)
                        .arg((quint64(1) << params.memLog2) / 1024));
    Q_EMIT ready();
}

KdfPresetBox::Preset KdfPresetBox::preset() const {
    return Preset(m_choice->currentData().toInt());
}

void KdfPresetBox::setPreset(Preset preset) {
    const int index = m_choice->findData(int(preset));
    if (index >= 0)
        m_choice->setCurrentIndex(index);
}

std::optional<KdfParams> KdfPresetBox::params() const {
    if (m_fixed)
        return m_fixed;
    const Preset chosen = preset();
    if (chosen == KeepCurrent)
        return m_current;
    return *m_results[chosen];
}

void KdfPresetBox::choose() {
    if (m_fixed)
        return;
    const Preset chosen = preset();
    if (chosen == KeepCurrent) {
        m_cost->setText(tr("Unlocking stays as it is."));
        Q_EMIT ready();
        return;
    }
    if (m_results[chosen]->has_value() || !m_costs[chosen].isEmpty()) {
        m_cost->setText(m_costs[chosen]);
        if (m_results[chosen]->has_value())
            Q_EMIT ready();
        return;
    }
    calibrate(chosen);
}

void KdfPresetBox::calibrate(Preset preset) {
    m_calibrating = true;
    m_cost->setText(tr("Measuring how long unlocking takes on this computer…"));
    const PresetSpec spec = Specs[preset];
    auto measured = std::make_shared<Measured>();
    QThread* worker = QThread::create([spec, measured] {
        if (Status affordable = checkAffordable(KdfParams{DefaultOpsLimit, spec.memLog2});
            !affordable) {
            measured->error = affordable.error().message;
            return;
        }
        SystemClock clock;
        const KdfParams params = calibrateKdf(clock, spec.memLog2, spec.targetMs);
        // One real derivation with the result: the time the user will wait at every unlock.
        const SecureBuffer probe = SecureBuffer::copyOf("calibration");
        const QByteArray salt = randomBytes(ArgonSaltBytes);
        QElapsedTimer timer;
        timer.start();
        Result<Key> key =
            argon2id(probe, salt, Argon2Params{params.opsLimit, quint64(1) << params.memLog2});
        if (!key) {
            measured->error = key.error().message;
            return;
        }
        measured->ms = timer.elapsed();
        measured->params = params;
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    std::weak_ptr<bool> alive = m_alive;
    QPointer<KdfPresetBox> self(this);
    connect(worker, &QThread::finished, this, [self, alive, preset, measured] {
        if (self && !alive.expired())
            self->calibrated(preset, *measured);
    });
    worker->start(QThread::LowPriority);
}

void KdfPresetBox::calibrated(Preset preset, const Measured& measured) {
    m_calibrating = false;
    if (measured.params) {
        *m_results[preset] = measured.params;
        m_costs[preset] = tr("Unlocking takes about %1 s on this computer (%2 iterations).")
                              .arg(QLocale().toString(double(measured.ms) / 1000.0, 'f', 1))
                              .arg(measured.params->opsLimit);
    } else {
        m_costs[preset] = tr("Not available here: %1").arg(measured.error);
    }
    if (this->preset() == preset) {
        m_cost->setText(m_costs[preset]);
        if (measured.params)
            Q_EMIT ready();
    }
}

} // namespace tessera::ui
