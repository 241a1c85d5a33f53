// Internal to the upkeep files: a detached partition's dump, and the proof that it holds
// every row (restored into a scratch database of the same server, counted, dropped).
#pragma once

#include "core/pg/connectionsettings.h"
#include "core/upkeep/partitions.h"

namespace statescope::upkeep::detail {

// A dump of the (detached) partition with the sequences its columns' defaults use, so that
// it restores on its own. Named <database>_<partition>_<UTC timestamp>.dump in `dir`.
QString dumpPartition(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                      const QString &dir, TaskContext *ctx);

// The rows of the partition's table once `dump` is restored into a new scratch database
// (statescope_check_<database>_<random>, made from template0, dropped afterwards whatever
// happened); -1 when the table did not
// come back, with pg_restore's complaint in *why.
qint64 restoredRows(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                    const QString &dump, TaskContext *ctx, QString *why);

} // namespace statescope::upkeep::detail
