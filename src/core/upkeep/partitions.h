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
    qint64 estimatedRows = -1;  // the catalog's row estimate (-1: never analysed)
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

// An archive-partitions run killed midway (its intent in the local journal with no done,
// failed or resolved line after it), and what it left, read from the database.
struct UnfinishedArchive
{
    QString op, database, table; // table: schema.table
    QString reason, server, serverId, backupDir;
    QDateTime started;
    QStringList partitions; // schema.name, every one the run set out to archive
    QStringList stranded;   // detached (or left "detach pending"): tables of their own
    QStringList attached;   // still partitions of the table: not archived (yet)
    QStringList archived;   // gone: dropped after their dump was checked
    QStringList scratch;    // its scratch databases that still exist
    QStringList partialFiles; // its incomplete dumps (.partial) still on disk
    QStringList dumps;      // the checked dumps of the archived ones
    bool looked = false;    // the database was read (otherwise only the journal is known)

    QString describe() const;
    QString finishPlan() const;  // archive what is left (stranded ones too), clean up
    QString restorePlan() const; // attach the stranded ones again, clean up
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
    // writers are not locked out of the table), then, in one transaction that holds the
    // detached table locked against writers to the end, count it, dump it from that
    // transaction's snapshot (with the sequences its defaults use) into `backupDir`, restore
    // the dump into a scratch database and count its rows there; only when they equal the
    // count is the table dropped, in that same transaction. Otherwise it is attached again,
    // as it was, and the run stops (Error Conflict), nothing dropped. Every step is
    // journalled; a run killed midway is refused again until db recover has ended it
    // (recoverArchive), and planArchive says so.
    static ArchiveResult archive(pg::Connection &conn, const pg::ConnectionSettings &settings,
                                 const QString &table, int months, const QStringList &only,
                                 const QString &backupDir, const QString &confirm, const QString &reason,
                                 TaskContext *ctx = nullptr,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Every unfinished archive run in the journal (any server, nothing read), newest first.
    static QList<UnfinishedArchive> unfinishedArchives();
    // Those of the connected database (on this server, by its system identifier), each with
    // what it left.
    static QList<UnfinishedArchive> unfinishedArchives(pg::Connection &conn);
    // Ends a killed run one way or the other, after the database name is typed back: finish
    // archives what it left (every stranded and still-attached partition it named, each
    // locked, dumped, checked and dropped as archive() does), restore attaches the stranded
    // ones again with the bounds they had. Both drop its scratch databases and remove its
    // partial dumps, and close the run with a "resolved" line. The run's own phases, and the
    // recovery's, are journalled.
    static ArchiveResult recoverArchive(pg::Connection &conn, const pg::ConnectionSettings &settings,
                                        const QString &operationId, bool finish, const QString &confirm,
                                        const QString &reason, TaskContext *ctx = nullptr);
};

} // namespace statescope::upkeep
