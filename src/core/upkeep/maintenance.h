#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
}
} // namespace statescope

// The rest of a busy game database's upkeep (Marketland+'s, run by hand or by pg_cron):
// the 30-day archive of completed jobs, per-table autovacuum settings, rebuilding big
// indexes without locking the game out, and the pg_cron jobs that do it on a schedule.
namespace statescope::upkeep {

// Completed jobs older than `days`, moved into the archive table.
struct JobsArchivePlan
{
    QString table, archive;         // schema.table of each (for people)
    QString doneColumn, timeColumn; // is_complete, finishes_at
    QStringList columns;            // copied, in the jobs table's order
    int days = 30;
    qint64 rows = 0;                // that many would move now
    QString statement;              // what will run (one statement, one transaction)
};

struct TableVacuum
{
    QString schema, table;
    QMap<QString, QString> options; // the table's autovacuum_* storage parameters
    qint64 liveRows = 0, deadRows = 0;
    QDateTime lastAutovacuum, lastAutoanalyze;
    QString displayName() const { return schema + QLatin1Char('.') + table; }
};

struct IndexInfo
{
    QString schema, table, name;
    qint64 bytes = 0;
    bool valid = true;
    QString definition;
    QString displayName() const { return schema + QLatin1Char('.') + name; }
};

struct CronJob
{
    qint64 id = 0;
    QString name, schedule, command, database, user;
    bool active = true;
    QString lastStatus, lastMessage; // the newest run's (empty: never ran)
    QDateTime lastStart, lastEnd;
};

struct CronListing
{
    bool available = false;
    QString cronDatabase; // where pg_cron keeps its jobs (cron.database_name)
    QString problem;      // why nothing is listed
    QList<CronJob> jobs;  // those that run in this database
};

class Maintenance
{
    Q_DECLARE_TR_FUNCTIONS(statescope::upkeep::Maintenance)
public:
    // The jobs table (default: the one named processing_jobs) with a boolean "done" column
    // (is_complete, completed, done) and a time (finishes_at, finished_at, completed_at),
    // and its archive (<table>_archive, every column of the jobs table in it).
    static JobsArchivePlan planJobsArchive(pg::Connection &conn, int days = 30, const QString &table = {});
    // Moves them in one statement (DELETE ... RETURNING into INSERT): every row is in
    // exactly one of the two tables whatever happens. Confirmed with the database name;
    // journalled and audited. Returns the plan with the rows moved.
    static JobsArchivePlan archiveJobs(pg::Connection &conn, int days, const QString &table,
                                       const QString &confirm, const QString &reason);

    // Ordinary and partitioned tables outside the system schemas, with their settings.
    static QList<TableVacuum> vacuumSettings(pg::Connection &conn);
    // The autovacuum storage parameters PostgreSQL 15 knows, for validation and the UI.
    static QStringList vacuumOptionNames();
    // The change checked (known names, values in range, whole string), as it will be made:
    // "name = value" for each set, "RESET name" for each empty value. Error(InvalidInput).
    static QStringList vacuumChanges(const QMap<QString, QString> &changes);
    // Sets (or, with an empty value, resets) the named autovacuum parameters of `table`.
    // Names must be known and values in range (whole string); one ALTER TABLE, with the
    // values before in the journal and the audit log (the way back).
    static TableVacuum setVacuumSettings(pg::Connection &conn, const QString &table,
                                         const QMap<QString, QString> &changes, const QString &confirm,
                                         const QString &reason);

    // The biggest indexes outside the system schemas, largest first.
    static QList<IndexInfo> indexes(pg::Connection &conn, int limit = 50);
    // REINDEX INDEX CONCURRENTLY on a session of its own, with progress from
    // pg_stat_progress_create_index; a cancelled or failed rebuild's invalid "_ccnew"
    // index is dropped. Confirmed with the database name, journalled and audited.
    static IndexInfo reindex(pg::Connection &conn, const pg::ConnectionSettings &settings, const QString &index,
                             const QString &confirm, const QString &reason, TaskContext *ctx = nullptr);

    // The pg_cron jobs that run in this database and their newest runs, read from the
    // database named by cron.database_name.
    static CronListing cronJobs(pg::Connection &conn, const pg::ConnectionSettings &settings);
};

} // namespace statescope::upkeep
