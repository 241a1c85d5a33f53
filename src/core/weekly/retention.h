#pragma once

#include "core/settings.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

namespace statescope::weekly {

// The dumps of one database in a backup directory that the retention setting lets go: its
// full dumps (<db>_<UTC stamp>.dump) ranked newest first by the stamp in the name, beyond
// the newest `keep` and older than `minAgeDays`. Files named in `protect` (the dumps of unfinished runs) are never
// listed, nor anything not named by Statescope's pattern.
QStringList expiredDumps(const QString &dir, const QString &database,
                         const settings::DumpRetention &retention, const QSet<QString> &protect,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

// The dumps that unfinished resets and drops (the local journal) may still need.
QSet<QString> dumpsOfUnfinishedRuns();

} // namespace statescope::weekly
