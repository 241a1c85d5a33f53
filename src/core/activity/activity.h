#pragma once

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace statescope::pg {
class Connection;
}

// What a server is doing now, read from its statistics views: sessions, lock waits and who
// blocks them, the costliest statements, replication, PgBouncer's pools, and each
// database's health against thresholds. Every read is one bounded query (capped on the
// server, aggregated there), so a busy server costs a page, not its whole lock table.
// Stopping a session is an admin action: confirmed, journalled, never this process's own.
namespace statescope::activity {

// --- Sessions -------------------------------------------------------------------------

struct Session
{
    int pid = 0;
    QString database, user, application, client, state, waitEventType, waitEvent, backendType;
    std::optional<double> transactionSeconds; // age of the open transaction
    std::optional<double> statementSeconds;   // age of the running (or last) statement
    std::optional<double> stateSeconds;       // since the state last changed
    QString query;                            // at most 2,000 characters
    QList<int> blockedBy;                     // only for a session waiting on a lock
    bool own = false;                         // this Statescope process's own session
    QString backendStart;                     // with the pid, who it is (a pid is reused)
    bool idleInTransaction() const { return state.startsWith(QLatin1String("idle in transaction")); }
    bool waitingOnLock() const { return waitEventType == QLatin1String("Lock"); }
};

struct SessionFilter
{
    QString database;          // empty: every database
    bool activeOnly = false;   // state active (running a statement)
    bool idleInTransactionOnly = false;
    int limit = 500;           // 1..10000; the oldest transactions first
};

struct SessionList
{
    QList<Session> sessions;
    int total = 0;           // client sessions matching, before the limit
    bool seesEverything = true; // superuser or pg_read_all_stats: others' statements visible
    QString note;            // what this role cannot see, for people
};

// --- Locks ----------------------------------------------------------------------------

struct LockWait
{
    int pid = 0;
    QString database, user, lockType, mode, relation; // relation: schema.table or the object
    std::optional<double> waitingSeconds; // since the wait began (pg_locks.waitstart)
    QList<int> blockedBy;
    QString query;
};

struct LockModeCount
{
    QString mode;
    bool granted = true;
    qint64 count = 0;
};

struct LockReport
{
    QList<LockWait> waits;            // at most `limit`, the longest waits first
    int totalWaits = 0;
    QList<LockModeCount> counts;      // every lock of the server, counted on the server
    qint64 totalLocks = 0;
    QList<Session> blockers;          // the sessions that block others and are not waiting
    qint64 deadlocks = 0;             // since the statistics reset (pg_stat_database)
    QDateTime statsReset;
    // The tree, flattened for showing: each root blocker, then the sessions it blocks
    // (depth-first, each with its depth). A session blocked by several appears under each.
    struct Node
    {
        int pid = 0;
        int depth = 0;
    };
    QList<Node> tree() const;
};

// --- Stopping sessions ----------------------------------------------------------------

enum class StopKind { Cancel, Terminate };

struct StopPlan
{
    StopKind kind = StopKind::Cancel;
    QList<Session> targets; // as they are now
    QStringList refused;    // pids left out and why (this process's own, gone)
    QString confirmation;   // what has to be typed: the pid, the database name, or the blocked pid
};

struct StopResult
{
    QList<int> stopped;
    QList<int> gone; // not there any more when it came to it: nothing done to them
};

// --- Statements -----------------------------------------------------------------------

struct Statement
{
    QString queryId, database, user, query;
    qint64 calls = 0, rows = 0;
    double totalMs = 0, meanMs = 0, minMs = 0, maxMs = 0, stddevMs = 0;
};

struct StatementReport
{
    bool available = false;
    QString problem; // why not (and how to enable it)
    QString order;   // total, mean, calls or rows
    QList<Statement> statements;
};

// --- Replication ----------------------------------------------------------------------

struct Standby
{
    QString name, client, state, syncState;
    std::optional<qint64> lagBytes;
    std::optional<double> lagSeconds;
};

struct Slot
{
    QString name, type, database, walStatus;
    bool active = false;
    std::optional<qint64> retainedBytes; // WAL kept for it
    bool holdingWal() const { return !active && retainedBytes && *retainedBytes > 0; }
};

struct ReplicationReport
{
    bool standby = false; // this server is itself a standby
    QList<Standby> standbys;
    QList<Slot> replicationSlots; // ("slots" is a Qt keyword)
    std::optional<double> replayLagSeconds; // on a standby: since the last replayed transaction
    std::optional<qint64> replayLagBytes;   // received but not replayed
};

// --- PgBouncer ------------------------------------------------------------------------

struct Pool
{
    QString database, user, mode;
    int clientsActive = 0, clientsWaiting = 0, serversActive = 0, serversIdle = 0, poolSize = 0;
    double maxWaitSeconds = 0;
    double saturation() const { return poolSize > 0 ? double(serversActive) / poolSize : 0; }
};

struct PoolReport
{
    bool available = false;
    QString problem; // not a console, or refused (admin_users / stats_users)
    QList<Pool> pools;
    QList<QMap<QString, QString>> stats;   // SHOW STATS, as the console gives it
    QList<QMap<QString, QString>> clients; // SHOW CLIENTS
};

// --- Health ---------------------------------------------------------------------------

struct Thresholds
{
    double statementMeanMs = 100;   // where p99 is not available (PostgreSQL 15)
    double poolSaturation = 0.8;
    double replicationLagSeconds = 5;
    double deadTupleRatio = 0.3;
    double longStatementSeconds = 0.5;
    double cacheHitRatio = 0.95;
    double lockWaitSeconds = 1;
    static Thresholds load();  // the saved ones (settings), else these
    void save() const;
};

struct TableHealth
{
    QString schema, table;
    qint64 liveRows = 0, deadRows = 0;
    QDateTime lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze;
    std::optional<double> deadRatio() const
    {
        return liveRows + deadRows > 0 ? std::optional<double>(double(deadRows) / double(liveRows + deadRows)) : std::nullopt;
    }
};

struct DatabaseHealth
{
    QString database;
    qint64 sizeBytes = 0;
    // A weekly database: its growth over the family's previous week on this server (what a
    // week of the game adds), and that week's name.
    std::optional<qint64> growthBytes;
    QString previousWeek;
    std::optional<double> cacheHitRatio;
    qint64 xidAge = 0;           // age(datfrozenxid)
    qint64 wraparoundDistance = 0; // to autovacuum_freeze_max_age... to the 2^31 limit
    qint64 tempFiles = 0, tempBytes = 0;
    qint64 deadlocks = 0;
    QList<TableHealth> tables; // the most dead tuples first (only for the database connected to)
};

// pgstattuple's exact figures for one table (it reads the whole table: only on request).
struct Bloat
{
    QString table; // schema.table
    qint64 tableBytes = 0, liveBytes = 0, deadBytes = 0, freeBytes = 0;
    double deadPercent = 0, freePercent = 0;
};

struct Finding
{
    enum class Level { Ok, Warning };
    Level level = Level::Ok;
    QString what;  // "cache hit ratio of spacetraders_2025_w03"
    QString value; // "91.2 % (threshold 95 %)"
};

// --- Over time ------------------------------------------------------------------------

// One reading of the server's counters (cheap: one row).
struct Sample
{
    QDateTime at;                 // UTC, when read
    int connections = 0;          // client sessions
    qint64 transactions = 0;      // commits + rollbacks since the statistics reset, all databases
    qint64 blocksHit = 0, blocksRead = 0;
    std::optional<double> lagSeconds; // the largest standby replay lag, or this standby's
};

// The samples taken while the pane has been open, bounded (the oldest go first), and the
// series drawn from them: rates and ratios are per interval between two samples (a counter
// that went back, after a statistics reset, gives no point for that interval).
class SampleHistory
{
public:
    explicit SampleHistory(int capacity = 720) : m_capacity(std::max(2, capacity)) {}
    void add(const Sample &s);
    void clear() { m_samples.clear(); }
    const QList<Sample> &samples() const { return m_samples; }
    int capacity() const { return m_capacity; }
    using Points = QList<QPair<QDateTime, double>>;
    Points connections() const;
    Points transactionsPerSecond() const;
    Points cacheHitRatio() const; // 0..1
    Points replicationLag() const;
    // at,connections,transactions_per_second,cache_hit_ratio,replication_lag_seconds
    QString csv() const;

private:
    int m_capacity;
    QList<Sample> m_samples;
};

class Activity
{
    Q_DECLARE_TR_FUNCTIONS(statescope::activity::Activity)
public:
    static SessionList sessions(pg::Connection &conn, const SessionFilter &filter = {});
    static LockReport locks(pg::Connection &conn, const QString &database = {}, int limit = 200);

    // Who would be stopped: the pids given, every session of `database`, or every session
    // that blocks `blockedPid` (directly). This process's own sessions are never targets.
    // With `database`, a pid whose session is of another database is refused (InvalidInput).
    static StopPlan planStop(pg::Connection &conn, StopKind kind, const QList<int> &pids, const QString &database = {});
    static StopPlan planStopDatabase(pg::Connection &conn, StopKind kind, const QString &database);
    static StopPlan planStopBlockers(pg::Connection &conn, StopKind kind, int blockedPid);
    // pg_cancel_backend / pg_terminate_backend on the plan's targets (read again at the
    // moment), after `confirm` equals plan.confirmation; journalled before and after.
    static StopResult stop(pg::Connection &conn, const StopPlan &plan, const QString &confirm, const QString &reason);

    // pg_stat_statements, top `limit` by `order` (total, mean, calls, rows).
    static StatementReport statements(pg::Connection &conn, const QString &order = QStringLiteral("total"),
                                      int limit = 50, const QString &database = {});
    static void resetStatements(pg::Connection &conn, const QString &confirm, const QString &reason);
    // A generic plan (EXPLAIN (FORMAT JSON), no execution) of a normalised statement, made
    // in its own database: PREPARE, plan_cache_mode = force_generic_plan, EXPLAIN EXECUTE
    // with NULL for each $n, DEALLOCATE, in one read-only transaction that is rolled back.
    static QString genericPlan(pg::Connection &conn, const QString &query);

    static ReplicationReport replication(pg::Connection &conn);
    static Sample sample(pg::Connection &conn);

    // PgBouncer's admin console (dbname=pgbouncer): simple query protocol, its own session.
    static PoolReport pools(const pg::ConnectionSettings &console);

    // Server-level figures for each database (or those named), and the tables of the one
    // `conn` is connected to.
    static QList<DatabaseHealth> health(pg::Connection &conn, const QStringList &databases = {}, int tables = 30);
    // pgstattuple (the extension must be created in the database; Error NotFound says how)
    // on a table named "schema.table" or "table"; cancellable like any statement.
    static Bloat bloat(pg::Connection &conn, const QString &table);
    static QList<Finding> findings(const QList<DatabaseHealth> &health, const Thresholds &t,
                                   const StatementReport *statements = nullptr, const ReplicationReport *replication = nullptr,
                                   const PoolReport *pools = nullptr, const LockReport *locks = nullptr,
                                   const SessionList *sessions = nullptr);
};

} // namespace statescope::activity
