#pragma once

// Helpers shared by the metrics sources; not part of the API.

#include "core/metrics/metrics.h"

#include "core/pg/arrayliteral.h"

#include <QCoreApplication>

namespace statescope::metrics {

// The translation context of every user-facing text in core/metrics.
class Metrics
{
    Q_DECLARE_TR_FUNCTIONS(statescope::metrics::Metrics)
};

// UTC QDateTime from milliseconds since the epoch.
QDateTime fromMs(qint64 ms);

// A dotted JSON path ("data.ships[0].fuel.current") as the segments #> takes; throws
// Error(InvalidInput) for bad syntax.
QStringList parseJsonPath(const QString &path);
// The text form of a text[] value, each element quoted: {"data","credits"}.
using pg::textArrayLiteral;

// Inserts zero points for the buckets missing between the set's first and last bucket,
// in every series (counts: a bucket without rows counted nothing).
void fillGaps(SeriesSet &set);

} // namespace statescope::metrics
