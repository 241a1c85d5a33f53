// Archiving old partitions: each detached, held off from writers, dumped from the same
// snapshot, the dump proven in a scratch database, and dropped while still held (partitions.h).
#include "core/upkeep/partitions.h"

#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/task/worker.h"
#include "core/upkeep/journal_p.h"
#include "core/upkeep/verify_p.h"
#include "core/weekly/serveradmin.h"

#include <QFileInfo>

#include <algorithm>

namespace statescope::upkeep {

using detail::forValues;

using layout::quoteIdent;

ArchivePlan Partitions::planArchive(pg::Connection &conn, const QString &table, int months, const QStringList &only,
                                    const QDateTime &now)
{
    if (months < 0 || months > 1200)
        throw Error::invalidInput(tr("%1 months is out of range: 0 to 1200.").arg(months));
    // A killed run of this table left partitions detached: archiving again would not see
    // them (they are no partitions now). It is ended first, one way or the other.
    for (const UnfinishedArchive &u : unfinishedArchives(conn))
        if (u.table == table || u.table.section(QLatin1Char('.'), 1) == table)
            throw Error(Error::Kind::Conflict,
                        tr("An earlier archive of %1 (operation %2, started %3) never finished; nothing was "
                           "archived.").arg(u.table, u.op, u.started.toString(Qt::ISODate)),
                        u.describe(),
                        tr("Finish it or put it back first: statescope-cli db recover --server CONN --op %1 "
                           "--finish|--restore --confirm %2").arg(u.op, conn.database()));
    ArchivePlan plan;
    plan.table = partitionedTable(conn, table);
    const PartitionedTable &t = plan.table;
    plan.cutoff = now.addMonths(-months);
    plan.concurrently = !t.hasDefault();
    QList<Partition> old;
    for (const Partition &p : t.partitions)
        if (!p.isDefault && p.from.isValid() && p.to.isValid() && p.to <= plan.cutoff)
            old << p; // a MINVALUE bound is left alone: it could not be attached again as it was
    if (only.isEmpty()) {
        plan.toArchive = old;
    } else {
        for (const QString &wanted : only) {
            const QString bare = wanted.section(QLatin1Char('.'), -1);
            const auto found = std::find_if(t.partitions.begin(), t.partitions.end(),
                                            [&](const Partition &p) { return p.name == bare && !p.isDefault; });
            if (found == t.partitions.end())
                throw Error::invalidInput(tr("%1 is not a partition of %2; its partitions are named %3.")
                                              .arg(wanted, t.displayName(),
                                                   t.scheme.known() ? t.scheme.expectedForm() : tr("otherwise")));
            if (std::none_of(old.begin(), old.end(), [&](const Partition &p) { return p.name == found->name; }))
                throw Error::invalidInput(tr("%1 holds rows up to %2, after the cutoff %3 (%4 months ago); "
                                             "nothing to archive there.")
                                              .arg(found->name, found->to.toString(Qt::ISODate),
                                                   plan.cutoff.toString(Qt::ISODate))
                                              .arg(months));
            if (std::none_of(plan.toArchive.begin(), plan.toArchive.end(),
                             [&](const Partition &p) { return p.name == found->name; }))
                plan.toArchive << *found;
        }
        std::sort(plan.toArchive.begin(), plan.toArchive.end(),
                  [](const Partition &a, const Partition &b) { return a.from < b.from; });
    }
    for (const Partition &p : plan.toArchive) {
        plan.statements << (p.detachPending
                                ? QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 FINALIZE")
                                : plan.concurrently ? QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2 CONCURRENTLY")
                                                    : QStringLiteral("ALTER TABLE %1 DETACH PARTITION %2"))
                               .arg(t.qualified(), p.qualified())
                        << tr("pg_dump --format=custom --table=%1 (and the sequences its defaults use)").arg(p.qualified())
                        << tr("restore the dump into a scratch database and count its rows")
                        << QStringLiteral("DROP TABLE %1").arg(p.qualified());
    }
    return plan;
}

namespace {

// After a failure: a partition whose detach was left pending is finished, and a detached one
// is attached again as it was (the rows stay where the game reads them); the journal says
// which, and the error is thrown on, naming what could not be put back.
[[noreturn]] void putBack(const pg::ConnectionSettings &settings, const PartitionedTable &t, const Partition &p,
                          bool detached, detail::RunJournal &journal, const Error &e)
{
    if (!detached) {
        // A DETACH ... CONCURRENTLY that failed after its first transaction leaves the
        // partition "detach pending" (the parent no longer shows its rows).
        try {
            auto check = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
            detached = catalog::detachPending(*check, p.qualified());
        } catch (const Error &) {
            // Said below only if it matters: the partition is then still pending.
        }
    }
    if (detached) {
        try {
            detail::attachAgain(settings, t.qualified(), p, forValues(p, t.columnType));
            journal.phase("attached", {{"partition", p.name.toStdString()}});
        } catch (const Error &attach) {
            // Not "failed": the run stays open, so that db recover finds the stranded table.
            journal.phase("stranded", {{"error", e.oneLine().toStdString()},
                                     {"detached_not_attached", p.name.toStdString()},
                                     {"attach_error", attach.oneLine().toStdString()}});
            throw Error(e.kind(),
                        e.message() + QLatin1Char(' ')
                            + Partitions::tr("%1 could not be attached again (%2): it is a table of its own, with "
                                             "every row; statescope-cli db recover attaches it.")
                                  .arg(p.name, attach.oneLine()),
                        e.detail());
        }
    }
    journal.phase("failed", {{"error", e.oneLine().toStdString()}, {"partition", p.name.toStdString()}});
    if (detached && e.kind() == Error::Kind::Conflict)
        throw Error(e.kind(), e.message() + QLatin1Char(' ')
                                  + Partitions::tr("%1 is a partition of %2 again.").arg(p.name, t.displayName()),
                    e.detail());
    throw e;
}

} // namespace

ArchiveResult Partitions::archive(pg::Connection &conn, const pg::ConnectionSettings &settings, const QString &table,
                                  int months, const QStringList &only, const QString &backupDir,
                                  const QString &confirm, const QString &reason, TaskContext *ctx,
                                  const QDateTime &now)
{
    if (confirm != conn.database())
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing was "
                                     "archived.").arg(conn.database()));
    conn.requirePrimary(tr("Archiving partitions"));
    const ArchivePlan plan = planArchive(conn, table, months, only, now);
    if (plan.toArchive.isEmpty())
        throw Error::invalidInput(tr("No partition of %1 ended before %2; nothing to archive.")
                                      .arg(plan.table.displayName(), plan.cutoff.toString(Qt::ISODate)));
    const PartitionedTable &t = plan.table;
    detail::RunJournal journal(QStringLiteral("archive_partitions"),
                               conn.database() + QLatin1Char(' ') + t.displayName(), reason);
    journal.setServer(settings.withDatabase({}).displayName(), weekly::ServerAdmin::identity(conn));
    nlohmann::json names = nlohmann::json::array();
    nlohmann::json bounds = nlohmann::json::object();
    for (const Partition &p : plan.toArchive) {
        names.push_back((p.schema + QLatin1Char('.') + p.name).toStdString());
        bounds[(p.schema + QLatin1Char('.') + p.name).toStdString()] = forValues(p, t.columnType).toStdString();
    }
    journal.intent({{"partitions", names}, {"cutoff", plan.cutoff.toString(Qt::ISODate).toStdString()},
                    {"backup_dir", QFileInfo(backupDir).absoluteFilePath().toStdString()},
                    {"database", conn.database().toStdString()},
                    {"table", t.displayName().toStdString()}, {"parent", t.qualified().toStdString()},
                    {"bounds", bounds}, {"concurrently", plan.concurrently}});
    // DETACH ... CONCURRENTLY runs outside any transaction: a session of its own. It has no
    // cancel token: a cancel takes effect between steps (and stops pg_dump and pg_restore),
    // never inside a detach, and the clean-up after one (attach again, drop the scratch
    // database) always reaches the server.
    auto writer = pg::Connection::open(settings, pg::Connection::Access::ReadWrite);
    ArchiveResult result;
    result.operationId = journal.operationId();
    const int total = int(plan.toArchive.size()) * 4;
    const auto progress = detail::stepper(ctx, total);
    for (const Partition &p : plan.toArchive) {
        bool detached = false;
        try {
            progress(tr("Detaching %1").arg(p.name));
            journal.phase("detaching", {{"partition", p.name.toStdString()}, {"bounds", forValues(p, t.columnType).toStdString()}});
            detail::detachPartition(*writer, t, p, plan.concurrently);
            detached = true;
            journal.phase("detached", {{"partition", p.name.toStdString()}});
            const detail::ArchivedPartition done = detail::dumpCheckAndDrop(*writer, settings, p, backupDir, journal, ctx, progress);
            result.archived << p.schema + QLatin1Char('.') + p.name;
            result.dumps << done.dump;
            result.rows << done.rows;
        } catch (const Error &e) {
            putBack(settings, t, p, detached, journal, e);
        }
    }
    if (ctx)
        ctx->progress(total, total, tr("Archived %1 partitions of %2").arg(result.archived.size()).arg(t.displayName()));
    journal.phase("done", {{"archived", names}});
    layout::forget(conn);
    return result;
}

} // namespace statescope::upkeep
