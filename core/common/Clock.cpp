#include "Clock.h"

#include <QDateTime>

namespace tessera {

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace tessera
