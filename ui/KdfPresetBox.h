#pragma once
// Choosing how hard the master password is to guess: Faster (64 MiB, ~0.3 s), Standard (256 MiB,
// ~1 s) or Stronger (1 GiB, ~3 s, only where RAM allows), each calibrated on this machine on a
// worker thread and shown with the unlock time measured here. Tests fix the parameters instead.

#include "vault/Header.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;

namespace tessera::ui {

class KdfPresetBox : public QWidget {
    Q_OBJECT
public:
    enum Preset { Faster, Standard, Stronger, KeepCurrent };

    explicit KdfPresetBox(QWidget* parent = nullptr);
    ~KdfPresetBox() override;

    // Adds "Keep the current settings" first and selects it (change password).
    void offerKeepCurrent(KdfParams current);
    // Uses these parameters without calibrating and hides the choice (tests, scripted demos).
    void setFixedParams(KdfParams params);

    Preset preset() const;
    void setPreset(Preset preset);
    // The chosen parameters once known (calibration may still be running).
    std::optional<KdfParams> params() const;
    bool isCalibrating() const { return m_calibrating; }

Q_SIGNALS:
    void ready(); // params() became available

private:
    struct Measured;
    void choose();
    void calibrate(Preset preset);
    void calibrated(Preset preset, const Measured& measured);

    QComboBox* m_choice;
    QLabel* m_cost;
    std::optional<KdfParams> m_fixed;
    std::optional<KdfParams> m_current;
    std::shared_ptr<std::optional<KdfParams>> m_results[3];
    QString m_costs[3];
    bool m_calibrating = false;
    std::shared_ptr<bool> m_alive; // workers report only while the box lives
};

} // namespace tessera::ui
