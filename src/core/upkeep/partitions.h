#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

// The upkeep of a table range-partitioned by time (Marketland+'s player_events: one
// partition a month, made ahead of time by a pg_cron job, detached, dumped and dropped
// after six months). Statescope reads the table's own scheme from its partitions (the
// step between bounds and the naming), continues it, and refuses what does not fit it.
namespace statescope::upkeep {

struct Partition
{
    QString schema;
    QString name;
    QDateTime from, to; // UTC; invalid for the default partition
    bool isDefault = false;
    bool detachPending = false; // a DETACH ... CONCURRENTLY that was interrupted
    qint64 estimatedRows = -1;  // pg_class.reltuples (-1: never analysed)
    qint64 bytes = 0;
    QString qualified() const; // quoted schema.name
};

// How the existing partitions are cut and named.
struct Scheme
{
    enum class Step { Unknown, Day, Week, Month, Year };
    Step step = Step::Unknown;
    QString prefix;     // what every name starts with ("player_events_")
    QString dateFormat; // QDate format of the lower bound after the prefix ("yyyy_MM")
    QString problem;    // why there is no scheme (Step::Unknown)

    bool known() const { return step != Step::Unknown; }
    QDateTime next(const QDateTime &from) const; // the bound one step later
    QString nameFor(const QDateTime &from) const;
    // "player_events_YYYY_MM, one month from the 1st at 00:00 UTC", for refusals.
    QString expectedForm() const;
    static QString stepName(Step step);
};

struct PartitionedTable
{
    QString schema, table;
    QString column;     // the partition key (one column of a time type)
    QString columnType; // timestamp with time zone, timestamp without time zone, date
    QList<Partition> partitions; // by lower bound, the default partition last
    Scheme scheme;
    QString partmanSchema; // pg_partman manages this table (its extension's schema)
    bool hasDefault() const;
    QString qualified() const; // quoted schema.table
    QString displayName() const { return schema + QLatin1Char('.') + table; }
};

// Every table of the database range-partitioned on one column of a time type, with its
// partitions and scheme (one read, under UTC).
QList<PartitionedTable> partitionedTables(pg::Connection &conn);
// One of them, named "schema.table" or "table" (NotFound, with the ones there are).
PartitionedTable partitionedTable(pg::Connection &conn, const QString &name);

struct CreatePlan
{
    PartitionedTable table;
    QList<Partition> toCreate;
    QStringList statements; // what will run, in one transaction
    bool viaPartman = false;
};

struct ArchivePlan
{
    PartitionedTable table;
    QDateTime cutoff;           // partitions whose range ends by then
    QList<Partition> toArchive; // oldest first
    bool concurrently = true;   // DETACH ... CONCURRENTLY (not with a default partition)
    QStringList statements;     // per partition: detach, (dump, verify), drop
};

struct ArchiveResult
{
    QStringList archived; // schema.name, in order
    QStringList dumps;    // the dump of each
    QList<qint64> rows;   // rows counted in the partition and in its restored dump
    QString operationId;
};

class Partitions
{
    Q_DECLARE_TR_FUNCTIONS(statescope::upkeep::Partitions)
public:
    // The partitions that continue the table's scheme from its last bound until one covers
    // `ahead` periods past the one holding `now` (1: next month's is there), or, when `until`
    // is given (YYYY-MM-DD, on a bound of the scheme), until that bound. At most 120.
    static CreatePlan planCreate(pg::Connection &conn, const QString &table, int ahead,
                                 const QString &until = {},
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Runs the plan (made again under the confirmation: the database name) in one transaction
    // with a lock timeout, through pg_partman's create_partition_time when it manages the
    // table; journalled before and after, and in the database's audit log when it has one.
    static CreatePlan create(pg::Connection &conn, const QString &table, int ahead, const QString &until,
                             const QString &confirm, const QString &reason,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Partitions whose whole range ended `months` months before `now` or earlier; `only`
    // narrows them to the named ones (each must be one of them, in the table's scheme).
    static ArchivePlan planArchive(pg::Connection &conn, const QString &table, int months,
                                   const QStringList &only = {},
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    // For each partition of the plan, oldest first: detach it (CONCURRENTLY, so the game's
    // writers are not locked out), dump it (with the sequences its defaults use) into
    // `backupDir`, restore the dump into a scratch database and count its rows there; only
    // when they equal the partition's own count is the partition dropped. Otherwise it is
    // attached again, as it was, and the run stops (Error Conflict), nothing dropped.
    static ArchiveResult archive(pg::Connection &conn, const pg::ConnectionSettings &settings,
                                 const QString &table, int months, const QStringList &only,
                                 const QString &backupDir, const QString &confirm, const QString &reason,
                                 TaskContext *ctx = nullptr,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace statescope::upkeep
