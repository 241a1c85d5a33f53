// Sessions, lock waits and who blocks them, and stopping sessions.
#include "core/activity/activity.h"

#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/pg/connection.h"

#include <QSet>
#include <functional>
#include <QUuid>

namespace statescope::activity {

namespace {

std::optional<double> seconds(const pg::Result &r, int row, int col)
{
    if (r.isNull(row, col))
        return std::nullopt;
    return r.value(row, col).toDouble();
}

QList<int> pidArray(const QString &text)
{
    QList<int> out;
    QString t = text;
    t.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    for (const QString &p : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << p.toInt();
    return out;
}

QString pgArray(const QList<int> &pids)
{
    QStringList s;
    for (int p : pids)
        s << QString::number(p);
    return QLatin1Char('{') + s.join(QLatin1Char(',')) + QLatin1Char('}');
}

// The columns of a session, in the order sessionFrom() reads them.
const char *kSessionColumns =
    "a.pid, a.datname, a.usename, a.application_name, "
    "coalesce(host(a.client_addr), CASE WHEN a.backend_type = 'client backend' THEN 'local' END), "
    "a.state, a.wait_event_type, a.wait_event, a.backend_type, "
    "extract(epoch FROM clock_timestamp() - a.xact_start)::float8, "
    "extract(epoch FROM clock_timestamp() - a.query_start)::float8, "
    "extract(epoch FROM clock_timestamp() - a.state_change)::float8, left(a.query, 2000), "
    // pg_blocking_pids only for the sessions that wait on a lock: it is not free.
    "CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END, "
    "a.pid = pg_backend_pid() OR a.application_name = $1, a.backend_start::text";

Session sessionFrom(const pg::Result &r, int i)
{
    Session s;
    s.pid = r.toInt(i, 0);
    s.database = r.value(i, 1);
    s.user = r.value(i, 2);
    s.application = r.value(i, 3);
    s.client = r.value(i, 4);
    s.state = r.value(i, 5);
    s.waitEventType = r.value(i, 6);
    s.waitEvent = r.value(i, 7);
    s.backendType = r.value(i, 8);
    s.transactionSeconds = seconds(r, i, 9);
    s.statementSeconds = seconds(r, i, 10);
    s.stateSeconds = seconds(r, i, 11);
    s.query = r.value(i, 12);
    s.blockedBy = pidArray(r.value(i, 13));
    s.own = r.toBool(i, 14);
    s.backendStart = r.value(i, 15);
    return s;
}

QList<Session> sessionsByPid(pg::Connection &conn, const QList<int> &pids)
{
    const auto r = conn.exec(QStringLiteral("SELECT %1 FROM pg_stat_activity a WHERE a.pid = ANY($2::int[]) ORDER BY a.pid")
                                 .arg(QLatin1String(kSessionColumns)),
                             {pg::Connection::ownApplicationName(), pgArray(pids)});
    QList<Session> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out << sessionFrom(r, i);
    return out;
}

bool seesEverything(pg::Connection &conn)
{
    return conn.exec(QStringLiteral("SELECT rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') "
                                    "FROM pg_roles WHERE rolname = current_user"))
        .toBool(0, 0);
}

StopPlan planFor(pg::Connection &conn, StopKind kind, const QList<Session> &found, const QList<int> &asked,
                 QString confirmation)
{
    StopPlan plan;
    plan.kind = kind;
    plan.confirmation = std::move(confirmation);
    QSet<int> seen;
    for (const Session &s : found) {
        seen.insert(s.pid);
        if (s.own)
            plan.refused << Activity::tr("%1: this Statescope's own session").arg(s.pid);
        else if (s.backendType != QLatin1String("client backend"))
            plan.refused << Activity::tr("%1: a %2, not a client session").arg(s.pid).arg(s.backendType);
        else
            plan.targets << s;
    }
    for (int pid : asked)
        if (!seen.contains(pid))
            plan.refused << Activity::tr("%1: no such session (it may have ended)").arg(pid);
    Q_UNUSED(conn);
    return plan;
}

} // namespace

SessionList Activity::sessions(pg::Connection &conn, const SessionFilter &filter)
{
    if (filter.limit < 1 || filter.limit > 10000)
        throw Error::invalidInput(tr("The session limit %1 is out of range: 1 to 10000.").arg(filter.limit));
    QStringList where{QStringLiteral("a.backend_type = 'client backend'")};
    std::vector<pg::Param> params{pg::Connection::ownApplicationName()};
    if (!filter.database.isEmpty()) {
        params.emplace_back(filter.database);
        where << QStringLiteral("a.datname = $%1").arg(params.size());
    }
    if (filter.activeOnly)
        where << QStringLiteral("a.state = 'active'");
    if (filter.idleInTransactionOnly)
        where << QStringLiteral("a.state LIKE 'idle in transaction%'");
    params.emplace_back(qint64(filter.limit));
    const auto r = conn.exec(QStringLiteral("SELECT %1, count(*) OVER () FROM pg_stat_activity a WHERE %2 "
                                            "ORDER BY coalesce(a.xact_start, a.query_start, a.backend_start) NULLS LAST, a.pid "
                                            "LIMIT $%3")
                                 .arg(QLatin1String(kSessionColumns), where.join(QStringLiteral(" AND ")))
                                 .arg(params.size()),
                             params);
    SessionList out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.sessions << sessionFrom(r, i);
    out.total = r.rowCount() > 0 ? r.toInt(0, 16) : 0;
    out.seesEverything = seesEverything(conn);
    if (!out.seesEverything)
        out.note = tr("%1 is neither a superuser nor a member of pg_read_all_stats: other roles' statements, "
                      "clients and waits are hidden (\"<insufficient privilege>\").")
                       .arg(conn.user());
    return out;
}

LockReport Activity::locks(pg::Connection &conn, const QString &database, int limit)
{
    if (limit < 1 || limit > 10000)
        throw Error::invalidInput(tr("The lock limit %1 is out of range: 1 to 10000.").arg(limit));
    LockReport out;
    // The waiting sessions only (pg_locks not granted), capped; the rest is counted there.
    const auto w = conn.exec(
        QStringLiteral("SELECT a.pid, a.datname, a.usename, l.locktype, l.mode, "
                       "coalesce(CASE WHEN l.relation IS NOT NULL AND l.database = (SELECT oid FROM pg_database "
                       "WHERE datname = current_database()) THEN l.relation::regclass::text END, "
                       "CASE WHEN l.relation IS NOT NULL THEN 'relation ' || l.relation END, "
                       "CASE WHEN l.transactionid IS NOT NULL THEN 'transaction ' || l.transactionid END, "
                       "CASE WHEN l.virtualxid IS NOT NULL THEN 'virtual transaction ' || l.virtualxid END, l.locktype), "
                       "extract(epoch FROM clock_timestamp() - l.waitstart)::float8, pg_blocking_pids(a.pid), "
                       "left(a.query, 2000), count(*) OVER () "
                       "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                       "WHERE NOT l.granted AND ($1 = '' OR a.datname = $1) "
                       "ORDER BY l.waitstart NULLS LAST, a.pid LIMIT $2"),
        {database, qint64(limit)});
    QSet<int> waiting, blockers;
    for (int i = 0; i < w.rowCount(); ++i) {
        LockWait l;
        l.pid = w.toInt(i, 0);
        l.database = w.value(i, 1);
        l.user = w.value(i, 2);
        l.lockType = w.value(i, 3);
        l.mode = w.value(i, 4);
        l.relation = w.value(i, 5);
        l.waitingSeconds = seconds(w, i, 6);
        l.blockedBy = pidArray(w.value(i, 7));
        l.query = w.value(i, 8);
        out.totalWaits = w.toInt(i, 9);
        waiting.insert(l.pid);
        for (int b : l.blockedBy)
            blockers.insert(b);
        out.waits << l;
    }
    const auto c = conn.exec(QStringLiteral("SELECT mode, granted, count(*) FROM pg_locks GROUP BY 1, 2 ORDER BY 3 DESC"));
    for (int i = 0; i < c.rowCount(); ++i) {
        out.counts << LockModeCount{c.value(i, 0), c.toBool(i, 1), c.toLongLong(i, 2)};
        out.totalLocks += c.toLongLong(i, 2);
    }
    const auto d = conn.exec(QStringLiteral("SELECT coalesce(sum(deadlocks), 0), min(stats_reset) FROM pg_stat_database "
                                            "WHERE $1 = '' OR datname = $1"),
                             {database});
    out.deadlocks = d.toLongLong(0, 0);
    if (!d.isNull(0, 1))
        out.statsReset = QDateTime::fromString(d.value(0, 1).left(19).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODate);
    QList<int> roots;
    for (int b : std::as_const(blockers))
        if (!waiting.contains(b))
            roots << b;
    if (!roots.isEmpty())
        out.blockers = sessionsByPid(conn, roots);
    return out;
}

QList<LockReport::Node> LockReport::tree() const
{
    QMap<int, QList<int>> blocks; // blocker -> the sessions waiting for it
    QSet<int> waitingPids;
    for (const LockWait &w : waits) {
        waitingPids.insert(w.pid);
        for (int b : w.blockedBy)
            if (!blocks[b].contains(w.pid))
                blocks[b] << w.pid;
    }
    QList<int> roots;
    for (auto it = blocks.begin(); it != blocks.end(); ++it)
        if (!waitingPids.contains(it.key()))
            roots << it.key();
    // A cycle (a deadlock the server has not broken yet) has no root: start anywhere in it.
    if (roots.isEmpty() && !blocks.isEmpty())
        roots << blocks.firstKey();
    QList<Node> out;
    QList<int> path;
    std::function<void(int, int)> walk = [&](int pid, int depth) {
        out << Node{pid, depth};
        if (path.contains(pid) || depth > 64)
            return;
        path << pid;
        for (int child : blocks.value(pid))
            walk(child, depth + 1);
        path.removeLast();
    };
    for (int r : roots)
        walk(r, 0);
    return out;
}

StopPlan Activity::planStop(pg::Connection &conn, StopKind kind, const QList<int> &pids, const QString &database)
{
    if (pids.isEmpty())
        throw Error::invalidInput(tr("No session given."));
    for (int p : pids)
        if (p <= 0)
            throw Error::invalidInput(tr("%1 is not a process id.").arg(p));
    const QList<Session> sessions = sessionsByPid(conn, pids);
    if (!database.isEmpty()) {
        // Named with a database: a pid of another database is a mistake, never a target.
        QStringList elsewhere;
        for (const Session &s : sessions)
            if (s.database != database)
                elsewhere << tr("%1 (of %2)").arg(s.pid).arg(s.database.isEmpty() ? tr("no database") : s.database);
        if (!elsewhere.isEmpty())
            throw Error::invalidInput(tr("Not a session of %1: %2; nothing was stopped.")
                                          .arg(database, elsewhere.join(QStringLiteral(", "))));
    }
    return planFor(conn, kind, sessions, pids,
                   pids.size() == 1 ? QString::number(pids.first()) : QString::number(pids.size()));
}

StopPlan Activity::planStopDatabase(pg::Connection &conn, StopKind kind, const QString &database)
{
    if (database.isEmpty())
        throw Error::invalidInput(tr("No database given."));
    const auto r = conn.exec(QStringLiteral("SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = $1 "
                                            "AND backend_type = 'client backend'"),
                             {database});
    const QList<int> pids = pidArray(r.value(0, 0));
    return planFor(conn, kind, pids.isEmpty() ? QList<Session>() : sessionsByPid(conn, pids), {}, database);
}

StopPlan Activity::planStopBlockers(pg::Connection &conn, StopKind kind, int blockedPid)
{
    const auto r = conn.exec(QStringLiteral("SELECT pg_blocking_pids($1), EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)"),
                             {qint64(blockedPid)});
    if (!r.toBool(0, 1))
        // As a pid with no session for --pid: bad input (exit 2), nothing stopped.
        throw Error::invalidInput(tr("Session %1 is not there any more; nothing was stopped.").arg(blockedPid));
    const QList<int> pids = pidArray(r.value(0, 0));
    if (pids.isEmpty())
        throw Error::invalidInput(tr("Session %1 is not blocked by anyone now.").arg(blockedPid));
    return planFor(conn, kind, sessionsByPid(conn, pids), pids, QString::number(blockedPid));
}

StopResult Activity::stop(pg::Connection &conn, const StopPlan &plan, const QString &confirm, const QString &reason)
{
    const QString verb = plan.kind == StopKind::Cancel ? QStringLiteral("cancel") : QStringLiteral("terminate");
    if (confirm != plan.confirmation)
        throw Error::invalidInput(tr("The confirmation does not match \"%1\"; nothing was stopped.").arg(plan.confirmation));
    if (plan.targets.isEmpty())
        throw Error::invalidInput(tr("No session to stop: %1").arg(plan.refused.join(QStringLiteral("; "))));
    conn.requirePrimary(tr("Stopping sessions"));
    QList<int> pids;
    QStringList starts;
    nlohmann::json who = nlohmann::json::array();
    for (const Session &s : plan.targets) {
        pids << s.pid;
        starts << QLatin1Char('"') + s.backendStart + QLatin1Char('"');
        who.push_back({{"pid", s.pid}, {"database", s.database.toStdString()}, {"user", s.user.toStdString()},
                       {"application", s.application.toStdString()}, {"query", s.query.left(200).toStdString()}});
    }
    audit::Entry intent{verb, conn.database(), reason, {{"sessions", who}}};
    intent.op = QUuid::createUuid().toString(QUuid::WithoutBraces);
    intent.phase = QStringLiteral("intent");
    QString why;
    if (!audit::appendToJournal(intent, &why))
        throw Error(Error::Kind::Environment, tr("The local audit journal could not be written; nothing was stopped."), why);
    // One statement: only the sessions shown (pid and start: a pid that ended and was given
    // to a new session is not that session), never this one nor this process's others.
    const auto r = conn.exec(QStringLiteral("SELECT a.pid, %1(a.pid) FROM pg_stat_activity a "
                                            "WHERE (a.pid, a.backend_start::text) IN (SELECT * FROM unnest($1::int[], $3::text[])) "
                                            "AND a.pid <> pg_backend_pid() AND a.application_name IS DISTINCT FROM $2 "
                                            "AND a.backend_type = 'client backend'")
                                 .arg(plan.kind == StopKind::Cancel ? QStringLiteral("pg_cancel_backend")
                                                                    : QStringLiteral("pg_terminate_backend")),
                             {pgArray(pids), pg::Connection::ownApplicationName(),
                              QLatin1Char('{') + starts.join(QLatin1Char(',')) + QLatin1Char('}')});
    StopResult out;
    QSet<int> done;
    for (int i = 0; i < r.rowCount(); ++i)
        if (r.toBool(i, 1)) {
            out.stopped << r.toInt(i, 0);
            done.insert(r.toInt(i, 0));
        }
    for (int p : pids)
        if (!done.contains(p))
            out.gone << p;
    audit::Entry doneEntry = intent;
    doneEntry.phase = QStringLiteral("done");
    doneEntry.details = {{"stopped", pgArray(out.stopped).toStdString()}, {"gone", pgArray(out.gone).toStdString()}};
    audit::appendToJournal(doneEntry);
    return out;
}

} // namespace statescope::activity
