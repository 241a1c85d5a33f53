// Internal to the upkeep files: a detached partition's dump, and the proof that it holds
// every row (restored into a scratch database of the same server, counted, dropped).
#pragma once

#include "core/pg/connectionsettings.h"
#include "core/upkeep/journal_p.h"
#include "core/upkeep/partitions.h"

#include "core/task/worker.h"

#include <functional>
#include <memory>

namespace statescope::upkeep::detail {

// A dump of the (detached) partition with the sequences its columns' defaults use, so that
// it restores on its own. Named <database>_<partition>_<UTC timestamp>.dump in `dir`.
// `snapshot`: the exported snapshot of the transaction that holds the partition locked.
QString dumpPartition(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                      const QString &dir, TaskContext *ctx, const QString &snapshot = {});

// The rows of the partition's table once `dump` is restored into a new scratch database
// (statescope_check_<database>_<random>, made from template0, dropped afterwards whatever
// happened); -1 when the table did not come back, with pg_restore's complaint in *why.
// `conn` is a connection to the database outside any transaction (CREATE DATABASE needs
// one); `onScratch` is told the scratch database's name before it is made, so that a run
// killed while it exists can name it for recovery.
qint64 restoredRows(pg::Connection &conn, const pg::ConnectionSettings &settings, const Partition &p,
                    const QString &dump, TaskContext *ctx, QString *why,
                    const std::function<void(const QString &)> &onScratch = {});

// A bound as the partition key's type writes it (UTC).
QString boundLiteral(const QDateTime &t, const QString &columnType);
// Steps through `total`: each call reports the next step to `ctx` (when there is one), and a
// cancel takes effect there, between steps.
inline std::function<void(const QString &)> stepper(TaskContext *ctx, int total)
{
    auto step = std::make_shared<int>(0);
    return [ctx, total, step](const QString &text) {
        if (ctx) {
            ctx->throwIfCancelled();
            ctx->progress(*step, total, text);
        }
        ++*step;
    };
}

// FOR VALUES FROM (...) TO (...) of a partition, as ATTACH PARTITION takes it.
QString forValues(const Partition &p, const QString &columnType);

// DETACH PARTITION: CONCURRENTLY (a session of its own, outside any transaction), FINALIZE
// for one left pending, or plainly under a lock timeout when the table has a default.
void detachPartition(pg::Connection &writer, const PartitionedTable &t, const Partition &p, bool concurrently);

struct ArchivedPartition
{
    QString dump;
    qint64 rows = 0;
};

// The archive of one detached partition, so that a row committed at any moment is in the
// table or in the dump: in one transaction on `writer`, the table is locked against writers
// (EXCLUSIVE: readers and pg_dump go on), counted, its snapshot exported and dumped from,
// the dump restored into a scratch database and counted there; only when both counts agree
// is it dropped, in that same transaction, still locked. Otherwise the transaction rolls
// back (Error Conflict) and the table is as it was. Journalled (dumped, scratch, dropped).
ArchivedPartition dumpCheckAndDrop(pg::Connection &writer, const pg::ConnectionSettings &settings,
                                   const Partition &p, const QString &backupDir, RunJournal &journal,
                                   TaskContext *ctx, const std::function<void(const QString &)> &progress);

// ATTACH PARTITION again with `bounds` (FINALIZE first if a detach was left pending), on a
// session of its own under UTC.
void attachAgain(const pg::ConnectionSettings &settings, const QString &parent, const Partition &p,
                 const QString &bounds);

} // namespace statescope::upkeep::detail
