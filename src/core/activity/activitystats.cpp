// Statements, replication, PgBouncer's pools, database health and the thresholds.
#include "core/activity/activity.h"

#include "core/audit/auditlog.h"
#include "core/catalog/lookup.h"
#include "core/error.h"
#include "core/format.h"
#include "core/pg/connection.h"
#include "core/settings.h"
#include "core/weekly/weeklyname.h"

#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>

#include <libpq-fe.h>

namespace statescope::activity {

namespace {

std::optional<double> number(const pg::Result &r, int row, int col)
{
    if (r.isNull(row, col))
        return std::nullopt;
    return r.value(row, col).toDouble();
}

QDateTime timeOf(const pg::Result &r, int row, int col)
{
    return r.isNull(row, col) ? QDateTime() : QDateTime::fromString(r.value(row, col), Qt::ISODate);
}

// Figures in the findings' text, in the language's own way of writing numbers ("0,5 s" in
// German), as the text around them is translated.
QString percent(double v)
{
    return QLocale().toString(v * 100, 'f', 1) + QStringLiteral(" %");
}

QString num(double v, int decimals = -1)
{
    return decimals < 0 ? QLocale().toString(v, 'g', QLocale::FloatingPointShortest) : QLocale().toString(v, 'f', decimals);
}

} // namespace

// --- Statements -----------------------------------------------------------------------

StatementReport Activity::statements(pg::Connection &conn, const QString &order, int limit, const QString &database)
{
    static const QMap<QString, QString> orders{{QStringLiteral("total"), QStringLiteral("total")},
                                                {QStringLiteral("mean"), QStringLiteral("mean")},
                                                {QStringLiteral("calls"), QStringLiteral("s.calls")},
                                                {QStringLiteral("rows"), QStringLiteral("s.rows")}};
    if (!orders.contains(order))
        throw Error::invalidInput(tr("Order by total, mean, calls or rows, not \"%1\".").arg(order));
    if (limit < 1 || limit > 1000)
        throw Error::invalidInput(tr("The statement limit %1 is out of range: 1 to 1000.").arg(limit));
    StatementReport out;
    out.order = order;
    const QString schema = catalog::extensionSchema(conn, QStringLiteral("pg_stat_statements"));
    if (schema.isEmpty()) {
        const bool loaded = conn.exec(QStringLiteral("SELECT count(*) FROM pg_settings WHERE name = 'pg_stat_statements.max'"))
                                .toLongLong(0, 0) > 0;
        out.problem = loaded ? tr("pg_stat_statements is loaded but not created in %1: CREATE EXTENSION "
                                  "pg_stat_statements; (as a superuser) shows every database's statements.")
                                   .arg(conn.database())
                             : tr("pg_stat_statements is not available: add it to shared_preload_libraries in "
                                  "postgresql.conf, restart the server, then CREATE EXTENSION pg_stat_statements;");
        return out;
    }
    const bool v13 = conn.serverVersion() >= 130000;
    const QString total = v13 ? QStringLiteral("s.total_exec_time") : QStringLiteral("s.total_time");
    const QString prefix = v13 ? QStringLiteral("s.%1_exec_time") : QStringLiteral("s.%1_time");
    QString orderBy = orders.value(order);
    if (order == QLatin1String("total"))
        orderBy = total;
    else if (order == QLatin1String("mean"))
        orderBy = prefix.arg(QStringLiteral("mean"));
    const auto r = conn.exec(QStringLiteral("SELECT s.queryid::text, d.datname, r.rolname, s.calls, s.rows, %1, %2, %3, %4, %5, "
                                            "left(s.query, 4000) FROM %6.pg_stat_statements s "
                                            "LEFT JOIN pg_database d ON d.oid = s.dbid LEFT JOIN pg_roles r ON r.oid = s.userid "
                                            "WHERE $1 = '' OR d.datname = $1 ORDER BY %7 DESC NULLS LAST LIMIT $2")
                                 .arg(total, prefix.arg(QStringLiteral("mean")), prefix.arg(QStringLiteral("min")),
                                      prefix.arg(QStringLiteral("max")), prefix.arg(QStringLiteral("stddev")),
                                      conn.quoteIdentifier(schema), orderBy),
                             {database, qint64(limit)});
    for (int i = 0; i < r.rowCount(); ++i) {
        Statement s;
        s.queryId = r.value(i, 0);
        s.database = r.value(i, 1);
        s.user = r.value(i, 2);
        s.calls = r.toLongLong(i, 3);
        s.rows = r.toLongLong(i, 4);
        s.totalMs = r.value(i, 5).toDouble();
        s.meanMs = r.value(i, 6).toDouble();
        s.minMs = r.value(i, 7).toDouble();
        s.maxMs = r.value(i, 8).toDouble();
        s.stddevMs = r.value(i, 9).toDouble();
        s.query = r.value(i, 10);
        out.statements << s;
    }
    out.available = true;
    return out;
}

void Activity::resetStatements(pg::Connection &conn, const QString &confirm, const QString &reason)
{
    if (confirm != conn.database())
        throw Error::invalidInput(tr("The confirmation does not match the database name %1; nothing was reset.")
                                      .arg(conn.database()));
    const QString schema = catalog::extensionSchema(conn, QStringLiteral("pg_stat_statements"));
    if (schema.isEmpty())
        throw Error(Error::Kind::NotFound, tr("pg_stat_statements is not created in %1.").arg(conn.database()));
    audit::Entry e{QStringLiteral("reset_statements"), conn.database(), reason};
    QString why;
    if (!audit::appendToJournal(e, &why))
        throw Error(Error::Kind::Environment, tr("The local audit journal could not be written; nothing was reset."), why);
    conn.exec(QStringLiteral("SELECT %1.pg_stat_statements_reset()").arg(conn.quoteIdentifier(schema)));
}

QString Activity::genericPlan(pg::Connection &conn, const QString &query)
{
    const QString text = query.trimmed();
    if (text.isEmpty())
        throw Error::invalidInput(tr("No statement to plan."));
    int params = 0;
    static const QRegularExpression placeholder(QStringLiteral("\\$(\\d+)"));
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        params = std::max(params, it.next().captured(1).toInt());
    if (params > 1000)
        throw Error::invalidInput(tr("The statement has %1 parameters; at most 1000 are planned.").arg(params));
    QStringList nulls;
    for (int i = 0; i < params; ++i)
        nulls << QStringLiteral("NULL");
    // Nothing runs: PREPARE and EXPLAIN without ANALYZE plan only, in a read-only transaction
    // that is rolled back (the prepared statement goes with the session's DEALLOCATE).
    conn.exec(QStringLiteral("BEGIN READ ONLY"));
    QString plan;
    try {
        conn.exec(QStringLiteral("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"));
        conn.exec(QStringLiteral("PREPARE statescope_generic_plan AS ") + text);
        plan = conn.exec(QStringLiteral("EXPLAIN (FORMAT JSON, VERBOSE) EXECUTE statescope_generic_plan%1")
                             .arg(nulls.isEmpty() ? QString() : QLatin1Char('(') + nulls.join(QStringLiteral(", ")) + QLatin1Char(')')))
                   .value(0, 0);
        conn.exec(QStringLiteral("DEALLOCATE statescope_generic_plan"));
    } catch (...) {
        conn.rollbackQuietly();
        // PREPARE outlives a rollback: a session a pooler hands on must not keep the name.
        try {
            conn.exec(QStringLiteral("DEALLOCATE statescope_generic_plan"));
        } catch (const Error &) {
        }
        throw;
    }
    conn.exec(QStringLiteral("ROLLBACK"));
    return plan;
}

// --- Replication ----------------------------------------------------------------------

ReplicationReport Activity::replication(pg::Connection &conn)
{
    ReplicationReport out;
    out.standby = conn.exec(QStringLiteral("SELECT pg_is_in_recovery()")).toBool(0, 0);
    if (out.standby) {
        const auto r = conn.exec(QStringLiteral(
            "SELECT extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8, "
            "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint"));
        out.replayLagSeconds = number(r, 0, 0);
        if (!r.isNull(0, 1))
            out.replayLagBytes = r.toLongLong(0, 1);
    } else {
        const auto r = conn.exec(QStringLiteral(
            "SELECT application_name, coalesce(host(client_addr), 'local'), state, sync_state, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, extract(epoch FROM replay_lag)::float8 "
            "FROM pg_stat_replication ORDER BY application_name"));
        for (int i = 0; i < r.rowCount(); ++i) {
            Standby s{r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), {}, number(r, i, 5)};
            if (!r.isNull(i, 4))
                s.lagBytes = r.toLongLong(i, 4);
            out.standbys << s;
        }
    }
    const auto s = conn.exec(QStringLiteral(
        "SELECT slot_name, slot_type, database, active, coalesce(wal_status, ''), "
        "CASE WHEN restart_lsn IS NOT NULL THEN pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN "
        "pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, restart_lsn)::bigint END "
        "FROM pg_replication_slots ORDER BY slot_name"));
    for (int i = 0; i < s.rowCount(); ++i) {
        Slot slot{s.value(i, 0), s.value(i, 1), s.value(i, 2), s.value(i, 4), s.toBool(i, 3), {}};
        if (!s.isNull(i, 5))
            slot.retainedBytes = s.toLongLong(i, 5);
        out.replicationSlots << slot;
    }
    return out;
}

// --- PgBouncer ------------------------------------------------------------------------

PoolReport Activity::pools(const pg::ConnectionSettings &console)
{
    PoolReport out;
    if (console.database() != QLatin1String("pgbouncer")) {
        out.problem = tr("PgBouncer's admin console is the database \"pgbouncer\" of the PgBouncer port "
                         "(e.g. host=... port=6432 dbname=pgbouncer user=...).");
        return out;
    }
    // The console speaks only the simple query protocol: a libpq session of its own, never
    // waiting for ever (a PgBouncer looking a user up through auth_user can).
    pg::ConnectionSettings settings = console;
    if (settings.value(QStringLiteral("connect_timeout")).isEmpty())
        settings.setValue(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    PGconn *c = PQconnectdb(settings.conninfo().toUtf8().constData());
    auto closer = qScopeGuard([c] { PQfinish(c); });
    if (PQstatus(c) != CONNECTION_OK) {
        out.problem = tr("PgBouncer's console did not accept the connection: %1")
                          .arg(QString::fromUtf8(PQerrorMessage(c)).trimmed());
        return out;
    }
    auto show = [&](const char *what, QString *error) {
        QList<QMap<QString, QString>> rows;
        PGresult *r = PQexec(c, what);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            *error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        } else {
            for (int i = 0; i < PQntuples(r); ++i) {
                QMap<QString, QString> row;
                for (int f = 0; f < PQnfields(r); ++f)
                    row.insert(QString::fromUtf8(PQfname(r, f)), QString::fromUtf8(PQgetvalue(r, i, f)));
                rows << row;
            }
        }
        PQclear(r);
        return rows;
    };
    QString error;
    const auto pools = show("SHOW POOLS", &error);
    if (!error.isEmpty()) {
        out.problem = tr("PgBouncer refused SHOW POOLS (%1): the user must be in admin_users or stats_users of "
                         "pgbouncer.ini.")
                          .arg(error);
        return out;
    }
    QMap<QString, int> poolSize;
    for (const auto &d : show("SHOW DATABASES", &error))
        poolSize.insert(d.value(QStringLiteral("name")), d.value(QStringLiteral("pool_size")).toInt());
    for (const auto &p : pools) {
        Pool pool;
        pool.database = p.value(QStringLiteral("database"));
        pool.user = p.value(QStringLiteral("user"));
        pool.mode = p.value(QStringLiteral("pool_mode"));
        pool.clientsActive = p.value(QStringLiteral("cl_active")).toInt();
        pool.clientsWaiting = p.value(QStringLiteral("cl_waiting")).toInt();
        pool.serversActive = p.value(QStringLiteral("sv_active")).toInt();
        pool.serversIdle = p.value(QStringLiteral("sv_idle")).toInt();
        pool.maxWaitSeconds = p.value(QStringLiteral("maxwait")).toDouble() + p.value(QStringLiteral("maxwait_us")).toDouble() / 1e6;
        pool.poolSize = poolSize.value(pool.database);
        out.pools << pool;
    }
    error.clear();
    out.stats = show("SHOW STATS", &error);
    out.clients = show("SHOW CLIENTS", &error);
    out.available = true;
    return out;
}

// --- Health ---------------------------------------------------------------------------

QList<DatabaseHealth> Activity::health(pg::Connection &conn, const QStringList &databases, int tables)
{
    if (tables < 0 || tables > 1000)
        throw Error::invalidInput(tr("The table limit %1 is out of range: 0 to 1000.").arg(tables));
    const auto r = conn.exec(
        QStringLiteral("SELECT d.datname, CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR "
                       "pg_has_role('pg_read_all_stats', 'MEMBER') THEN pg_database_size(d.oid) END, "
                       "s.blks_hit, s.blks_read, age(d.datfrozenxid), coalesce(s.temp_files, 0), coalesce(s.temp_bytes, 0), "
                       "coalesce(s.deadlocks, 0) FROM pg_database d LEFT JOIN pg_stat_database s ON s.datid = d.oid "
                       "WHERE d.datallowconn AND NOT d.datistemplate ORDER BY 1"),
        {});
    // Every database's size is read, so that a week's growth over the one before is known
    // whichever databases are asked for.
    QMap<QString, qint64> sizes; // only those this role may read
    QStringList names;
    for (int i = 0; i < r.rowCount(); ++i) {
        names << r.value(i, 0);
        if (!r.isNull(i, 1))
            sizes.insert(r.value(i, 0), r.toLongLong(i, 1));
    }
    QList<DatabaseHealth> out;
    for (int i = 0; i < r.rowCount(); ++i) {
        if (!databases.isEmpty() && !databases.contains(r.value(i, 0)))
            continue;
        DatabaseHealth h;
        h.database = r.value(i, 0);
        h.sizeBytes = r.toLongLong(i, 1);
        const double hit = r.value(i, 2).toDouble(), read = r.value(i, 3).toDouble();
        if (hit + read > 0)
            h.cacheHitRatio = hit / (hit + read);
        h.xidAge = r.toLongLong(i, 4);
        h.wraparoundDistance = 2147483647LL - h.xidAge;
        h.tempFiles = r.toLongLong(i, 5);
        h.tempBytes = r.toLongLong(i, 6);
        h.deadlocks = r.toLongLong(i, 7);
        if (const auto week = weekly::WeeklyName::parse(h.database)) {
            std::optional<weekly::WeeklyName> previous;
            for (const QString &name : std::as_const(names)) {
                const auto other = weekly::WeeklyName::parse(name);
                if (other && other->prefix() == week->prefix() && *other < *week && (!previous || *previous < *other))
                    previous = other;
            }
            if (previous) {
                h.previousWeek = previous->databaseName();
                if (sizes.contains(h.database) && sizes.contains(h.previousWeek))
                    h.growthBytes = h.sizeBytes - sizes.value(h.previousWeek);
            }
        }
        if (h.database == conn.database() && tables > 0) {
            const auto t = conn.exec(QStringLiteral(
                                         "SELECT schemaname, relname, n_live_tup, n_dead_tup, "
                                         "to_char(last_vacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                                         "to_char(last_autovacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                                         "to_char(last_analyze AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                                         "to_char(last_autoanalyze AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                                         "FROM pg_stat_user_tables ORDER BY n_dead_tup DESC, 1, 2 LIMIT $1"),
                                     {qint64(tables)});
            for (int j = 0; j < t.rowCount(); ++j)
                h.tables << TableHealth{t.value(j, 0),     t.value(j, 1),     t.toLongLong(j, 2), t.toLongLong(j, 3),
                                        timeOf(t, j, 4),   timeOf(t, j, 5),   timeOf(t, j, 6),    timeOf(t, j, 7)};
        }
        out << h;
    }
    return out;
}

Bloat Activity::bloat(pg::Connection &conn, const QString &table)
{
    const QString schema = catalog::extensionSchema(conn, QStringLiteral("pgstattuple"));
    if (schema.isEmpty())
        throw Error(Error::Kind::NotFound,
                    tr("pgstattuple is not created in %1: CREATE EXTENSION pgstattuple; (it ships with the server).")
                        .arg(conn.database()));
    const auto found = catalog::resolveTableForStats(conn, table);
    if (found.rowCount() != 1)
        throw Error(Error::Kind::NotFound, found.rowCount() == 0 ? tr("%1 has no table named %2.").arg(conn.database(), table)
                                                                 : tr("%1 names more than one table; give its schema too.").arg(table));
    Bloat b;
    b.table = found.value(0, 0);
    pg::Result r;
    try {
        r = conn.exec(QStringLiteral("SELECT table_len, tuple_len, dead_tuple_len, dead_tuple_percent, free_space, "
                                     "free_percent FROM %1.pgstattuple($1::oid::regclass)")
                          .arg(conn.quoteIdentifier(schema)),
                      {found.value(0, 1)});
    } catch (const Error &e) {
        if (e.sqlstate() != QLatin1String("42501"))
            throw;
        throw Error(Error::Kind::Query, tr("%1 may not run pgstattuple.").arg(conn.user()), e.message(),
                    tr("GRANT pg_stat_scan_tables TO %1; (a reader login Statescope makes has it)").arg(conn.user()),
                    e.sqlstate());
    }
    b.tableBytes = r.toLongLong(0, 0);
    b.liveBytes = r.toLongLong(0, 1);
    b.deadBytes = r.toLongLong(0, 2);
    b.deadPercent = r.value(0, 3).toDouble();
    b.freeBytes = r.toLongLong(0, 4);
    b.freePercent = r.value(0, 5).toDouble();
    return b;
}

QList<Finding> Activity::findings(const QList<DatabaseHealth> &health, const Thresholds &t, const StatementReport *statements,
                                  const ReplicationReport *replication, const PoolReport *pools, const LockReport *locks,
                                  const SessionList *sessions)
{
    QList<Finding> out;
    auto warn = [&](const QString &what, const QString &value) { out << Finding{Finding::Level::Warning, what, value}; };
    auto ok = [&](const QString &what, const QString &value) { out << Finding{Finding::Level::Ok, what, value}; };
    int before = int(out.size());
    for (const DatabaseHealth &h : health)
        if (h.cacheHitRatio && *h.cacheHitRatio < t.cacheHitRatio)
            warn(tr("cache hit ratio of %1").arg(h.database),
                 tr("%1 (threshold %2)").arg(percent(*h.cacheHitRatio), percent(t.cacheHitRatio)));
    if (out.size() == before)
        ok(tr("cache hit ratio"), tr("every database at or above %1").arg(percent(t.cacheHitRatio)));
    before = int(out.size());
    for (const DatabaseHealth &h : health)
        for (const TableHealth &tb : h.tables)
            if (tb.deadRatio() && *tb.deadRatio() > t.deadTupleRatio)
                warn(tr("dead tuples of %1.%2 in %3").arg(tb.schema, tb.table, h.database),
                     tr("%1 of %2 rows (threshold %3, the statistics' estimate)")
                         .arg(percent(*tb.deadRatio()))
                         .arg(tb.liveRows + tb.deadRows)
                         .arg(percent(t.deadTupleRatio)));
    if (out.size() == before)
        ok(tr("dead tuples"), tr("no table above %1").arg(percent(t.deadTupleRatio)));
    if (statements && statements->available) {
        before = int(out.size());
        for (const Statement &s : statements->statements)
            if (s.meanMs > t.statementMeanMs)
                warn(tr("statement %1 (%2 calls)").arg(s.queryId).arg(s.calls),
                     tr("mean %1 ms, max %2 ms (threshold %3 ms on the mean: PostgreSQL 15 has no p99)")
                         .arg(num(s.meanMs, 1))
                         .arg(num(s.maxMs, 1))
                         .arg(num(t.statementMeanMs)));
        if (out.size() == before)
            ok(tr("statement latency"), tr("no mean above %1 ms").arg(num(t.statementMeanMs)));
    }
    if (replication) {
        before = int(out.size());
        for (const Standby &s : replication->standbys)
            if (s.lagSeconds && *s.lagSeconds > t.replicationLagSeconds)
                warn(tr("replication lag of %1").arg(s.name), tr("%1 s (threshold %2 s)").arg(num(*s.lagSeconds, 1)).arg(num(t.replicationLagSeconds)));
        if (replication->replayLagSeconds && *replication->replayLagSeconds > t.replicationLagSeconds)
            warn(tr("replay lag of this standby"),
                 tr("%1 s since the last replayed transaction (threshold %2 s; an idle primary looks the same)")
                     .arg(num(*replication->replayLagSeconds, 1))
                     .arg(num(t.replicationLagSeconds)));
        for (const Slot &s : replication->replicationSlots)
            if (s.holdingWal())
                warn(tr("inactive replication slot %1").arg(s.name), tr("holds %1 of WAL").arg(format::bytes(*s.retainedBytes)));
        if (out.size() == before)
            ok(tr("replication"), tr("no lag above %1 s, no inactive slot holding WAL").arg(num(t.replicationLagSeconds)));
    }
    if (pools && pools->available) {
        before = int(out.size());
        for (const Pool &p : pools->pools)
            if (p.clientsWaiting > 0 || (p.poolSize > 0 && p.saturation() > t.poolSaturation))
                warn(tr("pool %1/%2").arg(p.database, p.user),
                     tr("%1 of %2 servers busy, %3 clients waiting (threshold %4)")
                         .arg(p.serversActive)
                         .arg(p.poolSize)
                         .arg(p.clientsWaiting)
                         .arg(percent(t.poolSaturation)));
        if (out.size() == before)
            ok(tr("connection pools"), tr("no client waiting, none above %1").arg(percent(t.poolSaturation)));
    }
    if (locks) {
        before = int(out.size());
        for (const LockWait &w : locks->waits)
            if (w.waitingSeconds && *w.waitingSeconds > t.lockWaitSeconds)
                warn(tr("lock wait of session %1 (%2)").arg(w.pid).arg(w.relation),
                     tr("%1 s for %2 (threshold %3 s)").arg(num(*w.waitingSeconds, 1)).arg(w.mode).arg(num(t.lockWaitSeconds)));
        if (out.size() == before)
            ok(tr("lock waits"), tr("none longer than %1 s").arg(num(t.lockWaitSeconds)));
    }
    if (sessions) {
        before = int(out.size());
        for (const Session &s : sessions->sessions)
            if (s.state == QLatin1String("active") && !s.own && s.statementSeconds && *s.statementSeconds > t.longStatementSeconds)
                warn(tr("long statement of session %1 in %2").arg(s.pid).arg(s.database),
                     tr("running %1 s (threshold %2 s)").arg(num(*s.statementSeconds, 1)).arg(num(t.longStatementSeconds)));
        if (out.size() == before)
            ok(tr("running statements"), tr("none longer than %1 s").arg(num(t.longStatementSeconds)));
    }
    return out;
}

Thresholds Thresholds::load()
{
    Thresholds t;
    const auto s = settings::open();
    s->beginGroup(QStringLiteral("activity_thresholds"));
    t.statementMeanMs = s->value(QStringLiteral("statement_mean_ms"), t.statementMeanMs).toDouble();
    t.poolSaturation = s->value(QStringLiteral("pool_saturation"), t.poolSaturation).toDouble();
    t.replicationLagSeconds = s->value(QStringLiteral("replication_lag_s"), t.replicationLagSeconds).toDouble();
    t.deadTupleRatio = s->value(QStringLiteral("dead_tuple_ratio"), t.deadTupleRatio).toDouble();
    t.longStatementSeconds = s->value(QStringLiteral("long_statement_s"), t.longStatementSeconds).toDouble();
    t.cacheHitRatio = s->value(QStringLiteral("cache_hit_ratio"), t.cacheHitRatio).toDouble();
    t.lockWaitSeconds = s->value(QStringLiteral("lock_wait_s"), t.lockWaitSeconds).toDouble();
    return t;
}

void Thresholds::save() const
{
    const auto s = settings::open();
    s->beginGroup(QStringLiteral("activity_thresholds"));
    s->setValue(QStringLiteral("statement_mean_ms"), statementMeanMs);
    s->setValue(QStringLiteral("pool_saturation"), poolSaturation);
    s->setValue(QStringLiteral("replication_lag_s"), replicationLagSeconds);
    s->setValue(QStringLiteral("dead_tuple_ratio"), deadTupleRatio);
    s->setValue(QStringLiteral("long_statement_s"), longStatementSeconds);
    s->setValue(QStringLiteral("cache_hit_ratio"), cacheHitRatio);
    s->setValue(QStringLiteral("lock_wait_s"), lockWaitSeconds);
}

} // namespace statescope::activity
