#pragma once

// What the snapshot sources share: the SQL of a SnapshotInfo row, the recovery order,
// array parameters, and server time text. Internal to core/snapshots.

#include "core/json/document.h"
#include "core/pg/result.h"
#include "core/snapshots/snapshotstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace statescope::pg {
class Connection;
}

namespace statescope::snapshots::detail {

// Server time as ISO 8601 in UTC with milliseconds ("2025-01-06T00:01:00.123Z"), so that
// the session's TimeZone and DateStyle never matter.
QString utcMillis(const QString &column);
// The same with microseconds: exact, for showing ties.
QString utcMicros(const QString &column);
QDateTime parseUtc(const QString &text);

// The SnapshotInfo columns of core.snapshots aliased s, in the order infoFromRow reads.
QString infoColumns();
SnapshotInfo infoFromRow(const pg::Result &r, int row);

// Recovery order, best first: the latest tick; on a tie the latest created_at, then id.
inline constexpr const char *kRecoveryOrder = "s.tick_number DESC, s.created_at DESC, s.id DESC";
// Timeline order.
inline constexpr const char *kTimelineOrder = "s.tick_number, s.created_at, s.id";

// Array literals for bound parameters ($1::bigint[], $1::text[]): every element quoted,
// so no key can break out of its element.
QByteArray idArray(const QList<qint64> &ids);
QByteArray textArray(const json::Path &path);

} // namespace statescope::snapshots::detail
