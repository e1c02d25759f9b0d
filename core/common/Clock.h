#pragma once
// Wall time comes through this interface so tests can inject any time they need.

#include <QtGlobal>

namespace tessera {

class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
};

} // namespace tessera
