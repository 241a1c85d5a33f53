// activity ...: what a server is doing now (sessions, locks and who blocks, statements,
// replication, PgBouncer's pools, health against thresholds), and stopping sessions.
#include "jsonoutput.h"
#include "output.h"

#include "core/activity/activity.h"
#include "core/pg/formation.h"
#include "core/format.h"
#include "core/pg/connection.h"

namespace statescope::cli {

namespace {

using namespace statescope::activity;

void addServer(Command &cmd, bool database = true)
{
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("server"), QStringLiteral("The server (conninfo or URI)."), QStringLiteral("CONN")});
    if (database)
        p.addOption({QStringLiteral("db"), QStringLiteral("Only this database."), QStringLiteral("NAME")});
}

nlohmann::json optionalNumber(const std::optional<double> &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json();
}

nlohmann::json pids(const QList<int> &list)
{
    nlohmann::json a = nlohmann::json::array();
    for (int p : list)
        a.push_back(p);
    return a;
}

QString age(const std::optional<double> &s)
{
    if (!s)
        return QStringLiteral("-");
    return *s < 120 ? QStringLiteral("%1s").arg(*s, 0, 'f', 1) : QStringLiteral("%1m").arg(*s / 60, 0, 'f', 1);
}

nlohmann::json sessionJson(const Session &s)
{
    nlohmann::json j = {{"pid", s.pid},
                        {"database", utf8(s.database)},
                        {"user", utf8(s.user)},
                        {"application", utf8(s.application)},
                        {"client", utf8(s.client)},
                        {"state", utf8(s.state)},
                        {"wait_event_type", utf8(s.waitEventType)},
                        {"wait_event", utf8(s.waitEvent)},
                        {"transaction_seconds", optionalNumber(s.transactionSeconds)},
                        {"statement_seconds", optionalNumber(s.statementSeconds)},
                        {"query", utf8(s.query)},
                        {"own", s.own},
                        {"idle_in_transaction", s.idleInTransaction()}};
    if (s.waitingOnLock())
        j["blocked_by"] = pids(s.blockedBy);
    return j;
}

QString sessionLine(const Session &s)
{
    QStringList blocked;
    for (int p : s.blockedBy)
        blocked << QString::number(p);
    return QStringLiteral("%1  %2  %3  %4  xact %5  stmt %6  %7%8%9")
        .arg(s.pid, 7)
        .arg(s.database.left(24).leftJustified(24), s.user.left(16).leftJustified(16), s.state.leftJustified(19),
             age(s.transactionSeconds), age(s.statementSeconds), s.query.simplified().left(60))
        .arg(blocked.isEmpty() ? QString() : QStringLiteral("  blocked by ") + blocked.join(QLatin1Char(',')))
        .arg(s.own ? QStringLiteral("  (this Statescope)") : QString());
}

int sessions(const QStringList &args)
{
    Command cmd(QStringLiteral("activity sessions"),
                QStringLiteral("Client sessions of the server, the oldest transactions first: state, waits, ages, the "
                               "statement, and for a session waiting on a lock the pids that block it."));
    addServer(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("active"), QStringLiteral("Only sessions running a statement.")});
    p.addOption({QStringLiteral("idle-in-transaction"), QStringLiteral("Only sessions idle in a transaction.")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N sessions (1..10000, default 500)."), QStringLiteral("N")});
    cmd.parse(args);
    SessionFilter f;
    f.database = p.value(QStringLiteral("db"));
    f.activeOnly = p.isSet(QStringLiteral("active"));
    f.idleInTransactionOnly = p.isSet(QStringLiteral("idle-in-transaction"));
    f.limit = int(cmd.integer(QStringLiteral("limit"), 500, 1, 10000));
    auto conn = cmd.open(QStringLiteral("server"), pg::Connection::Access::ReadOnly);
    const SessionList l = Activity::sessions(*conn, f);
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const Session &s : l.sessions) {
        rows.push_back(sessionJson(s));
        lines << sessionLine(s);
    }
    lines << QStringLiteral("%1 of %2 session(s).").arg(l.sessions.size()).arg(l.total);
    if (!l.note.isEmpty())
        lines << l.note;
    cmd.print({{"sessions", rows}, {"total", l.total}, {"sees_everything", l.seesEverything}, {"note", utf8(l.note)}},
              lines.join(QLatin1Char('\n')));
    return Ok;
}

int locks(const QStringList &args)
{
    Command cmd(QStringLiteral("activity locks"),
                QStringLiteral("Sessions waiting on a lock (the longest first, capped), who blocks them, the tree from "
                               "each blocker that waits for nobody, locks counted by mode, deadlocks since the "
                               "statistics reset."));
    addServer(cmd);
    cmd.parser().addOption({QStringLiteral("limit"), QStringLiteral("At most N waits (1..10000, default 200)."), QStringLiteral("N")});
    cmd.parse(args);
    const int limit = int(cmd.integer(QStringLiteral("limit"), 200, 1, 10000));
    auto conn = cmd.open(QStringLiteral("server"), pg::Connection::Access::ReadOnly);
    const LockReport r = Activity::locks(*conn, cmd.parser().value(QStringLiteral("db")), limit);
    nlohmann::json waits = nlohmann::json::array(), counts = nlohmann::json::array(), blockers = nlohmann::json::array(),
                   tree = nlohmann::json::array();
    for (const LockWait &w : r.waits)
        waits.push_back({{"pid", w.pid}, {"database", utf8(w.database)}, {"user", utf8(w.user)},
                         {"lock_type", utf8(w.lockType)}, {"mode", utf8(w.mode)}, {"relation", utf8(w.relation)},
                         {"waiting_seconds", optionalNumber(w.waitingSeconds)}, {"blocked_by", pids(w.blockedBy)},
                         {"query", utf8(w.query)}});
    for (const LockModeCount &c : r.counts)
        counts.push_back({{"mode", utf8(c.mode)}, {"granted", c.granted}, {"count", c.count}});
    for (const Session &s : r.blockers)
        blockers.push_back(sessionJson(s));
    QStringList lines;
    QMap<int, QString> describe;
    for (const Session &s : r.blockers)
        describe.insert(s.pid, QStringLiteral("%1 %2 (%3) %4").arg(s.user, s.database, s.state, s.query.simplified().left(60)));
    for (const LockWait &w : r.waits)
        describe.insert(w.pid, QStringLiteral("%1 %2 waits %3 for %4 on %5: %6")
                                   .arg(w.user, w.database, age(w.waitingSeconds), w.mode, w.relation, w.query.simplified().left(50)));
    for (const LockReport::Node &n : r.tree()) {
        tree.push_back({{"pid", n.pid}, {"depth", n.depth}});
        lines << QString(n.depth * 2, QLatin1Char(' ')) + QString::number(n.pid) + QStringLiteral("  ") + describe.value(n.pid);
    }
    lines << QStringLiteral("%1 lock(s), %2 waiting; %3 deadlock(s) since the statistics reset.")
                 .arg(r.totalLocks)
                 .arg(r.totalWaits)
                 .arg(r.deadlocks);
    cmd.print({{"waits", waits}, {"total_waits", r.totalWaits}, {"blockers", blockers}, {"tree", tree},
               {"counts", counts}, {"total_locks", r.totalLocks}, {"deadlocks", r.deadlocks}},
              lines.join(QLatin1Char('\n')));
    return Ok;
}

int stop(StopKind kind, const QStringList &args)
{
    const QString verb = kind == StopKind::Cancel ? QStringLiteral("cancel") : QStringLiteral("terminate");
    Command cmd(QStringLiteral("activity ") + verb,
                kind == StopKind::Cancel
                    ? QStringLiteral("Cancel the running statement of sessions (pg_cancel_backend). Shows them; stops them "
                                     "with --confirm (the pid; the database name with --all; the blocked pid with --blocking) "
                                     "and --reason. Never this Statescope's own sessions; journalled.")
                    : QStringLiteral("Terminate sessions (pg_terminate_backend). Shows them; stops them with --confirm (the "
                                     "pid; the database name with --all; the blocked pid with --blocking) and --reason. "
                                     "Never this Statescope's own sessions; journalled."));
    addServer(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("pid"), QStringLiteral("The session (repeatable)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("all"), QStringLiteral("Every session of --db.")});
    p.addOption({QStringLiteral("blocking"), QStringLiteral("Every session that blocks this one."), QStringLiteral("PID")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("What the preview asks for."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Why (required to stop anything)."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const int ways = int(p.isSet(QStringLiteral("pid"))) + int(p.isSet(QStringLiteral("all"))) + int(p.isSet(QStringLiteral("blocking")));
    if (ways != 1)
        throw Error::invalidInput(QStringLiteral("Give one of --pid, --all (with --db) or --blocking."));
    auto conn = cmd.open(QStringLiteral("server"));
    StopPlan plan;
    if (p.isSet(QStringLiteral("pid"))) {
        QList<int> list;
        for (const QString &v : p.values(QStringLiteral("pid"))) {
            bool ok = false;
            const int pid = v.toInt(&ok);
            if (!ok || pid <= 0)
                throw Error::invalidInput(QStringLiteral("--pid is a process id, not \"%1\".").arg(v));
            list << pid;
        }
        plan = Activity::planStop(*conn, kind, list, p.value(QStringLiteral("db")));
    } else if (p.isSet(QStringLiteral("all"))) {
        plan = Activity::planStopDatabase(*conn, kind, cmd.required(QStringLiteral("db")));
    } else {
        bool ok = false;
        const int pid = p.value(QStringLiteral("blocking")).toInt(&ok);
        if (!ok || pid <= 0)
            throw Error::invalidInput(QStringLiteral("--blocking is a process id, not \"%1\".").arg(p.value(QStringLiteral("blocking"))));
        plan = Activity::planStopBlockers(*conn, kind, pid);
    }
    nlohmann::json targets = nlohmann::json::array(), refused = nlohmann::json::array();
    QStringList lines;
    for (const Session &s : plan.targets) {
        targets.push_back(sessionJson(s));
        lines << sessionLine(s);
    }
    for (const QString &r : plan.refused) {
        refused.push_back(utf8(r));
        lines << QStringLiteral("not stopped: ") + r;
    }
    if (!p.isSet(QStringLiteral("confirm"))) {
        cmd.print({{"sessions", targets}, {"refused", refused}, {"confirmation", utf8(plan.confirmation)}, {"stopped", nlohmann::json()}},
                  QStringLiteral("Would %1 %2 session(s):\n%3\nRepeat with --confirm %4 --reason TEXT.")
                      .arg(verb)
                      .arg(plan.targets.size())
                      .arg(lines.join(QLatin1Char('\n')), plan.confirmation));
        return Ok;
    }
    if (p.value(QStringLiteral("reason")).trimmed().isEmpty())
        throw Error::invalidInput(QStringLiteral("--reason is required to %1 sessions.").arg(verb));
    const StopResult r = Activity::stop(*conn, plan, p.value(QStringLiteral("confirm")), p.value(QStringLiteral("reason")));
    QStringList gone;
    for (int g : r.gone)
        gone << QString::number(g);
    cmd.print({{"sessions", targets}, {"refused", refused}, {"stopped", pids(r.stopped)}, {"gone", pids(r.gone)}},
              QStringLiteral("%1: %2 session(s).%3")
                  .arg(kind == StopKind::Cancel ? QStringLiteral("Cancelled") : QStringLiteral("Terminated"))
                  .arg(r.stopped.size())
                  .arg(gone.isEmpty() ? QString() : QStringLiteral(" Gone before it came to them, nothing done: ") + gone.join(QStringLiteral(", "))));
    return Ok;
}

int statements(const QStringList &args)
{
    Command cmd(QStringLiteral("activity statements"),
                QStringLiteral("The top statements from pg_stat_statements (total, mean, min, max, stddev in ms; PostgreSQL "
                               "15 has no percentiles). --plan QUERYID prints a generic plan of one, made without running it "
                               "in its own database. --reset (with --confirm DBNAME) clears the statistics."));
    addServer(cmd);
    auto &p = cmd.parser();
    p.addOption({QStringLiteral("order"), QStringLiteral("total (default), mean, calls or rows."), QStringLiteral("BY")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("At most N (1..1000, default 20)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("plan"), QStringLiteral("A generic plan of this statement."), QStringLiteral("QUERYID")});
    p.addOption({QStringLiteral("reset"), QStringLiteral("Reset the statistics (with --confirm).")});
    p.addOption({QStringLiteral("confirm"), QStringLiteral("The server connection's database name."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("reason"), QStringLiteral("Kept in the journal."), QStringLiteral("TEXT")});
    cmd.parse(args);
    const pg::ConnectionSettings server = cmd.connection(QStringLiteral("server"));
    if (p.isSet(QStringLiteral("reset"))) {
        auto conn = cmd.open(QStringLiteral("server"));
        if (!p.isSet(QStringLiteral("confirm"))) {
            cmd.print({{"reset", false}}, QStringLiteral("Would reset pg_stat_statements. Repeat with --confirm %1.").arg(conn->database()));
            return Ok;
        }
        Activity::resetStatements(*conn, p.value(QStringLiteral("confirm")), p.value(QStringLiteral("reason")));
        cmd.print({{"reset", true}}, QStringLiteral("pg_stat_statements reset."));
        return Ok;
    }
    const QString order = p.isSet(QStringLiteral("order")) ? p.value(QStringLiteral("order")) : QStringLiteral("total");
    const int limit = int(cmd.integer(QStringLiteral("limit"), 20, 1, 1000));
    auto conn = cmd.open(QStringLiteral("server"), pg::Connection::Access::ReadOnly);
    const StatementReport r = Activity::statements(*conn, order, p.isSet(QStringLiteral("plan")) ? 1000 : limit,
                                                   p.value(QStringLiteral("db")));
    if (!r.available)
        throw Error(Error::Kind::NotFound, r.problem);
    if (p.isSet(QStringLiteral("plan"))) {
        const QString id = p.value(QStringLiteral("plan"));
        const auto it = std::find_if(r.statements.begin(), r.statements.end(), [&](const Statement &s) { return s.queryId == id; });
        if (it == r.statements.end())
            throw Error(Error::Kind::NotFound, QStringLiteral("No statement %1 among the top 1000 by %2.").arg(id, order));
        auto there = pg::Connection::open(server.withDatabase(it->database), pg::Connection::Access::ReadOnly);
        const QString plan = Activity::genericPlan(*there, it->query);
        cmd.print({{"query_id", utf8(id)}, {"database", utf8(it->database)}, {"query", utf8(it->query)},
                   {"plan", nlohmann::json::parse(plan.toStdString(), nullptr, false)}},
                  it->query + QStringLiteral("\n") + plan);
        return Ok;
    }
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const Statement &s : r.statements) {
        rows.push_back({{"query_id", utf8(s.queryId)}, {"database", utf8(s.database)}, {"user", utf8(s.user)},
                        {"calls", s.calls}, {"rows", s.rows}, {"total_ms", s.totalMs}, {"mean_ms", s.meanMs},
                        {"min_ms", s.minMs}, {"max_ms", s.maxMs}, {"stddev_ms", s.stddevMs}, {"query", utf8(s.query)}});
        lines << QStringLiteral("%1  calls %2  total %3 ms  mean %4  max %5  %6")
                     .arg(s.queryId.leftJustified(20))
                     .arg(s.calls)
                     .arg(s.totalMs, 0, 'f', 1)
                     .arg(s.meanMs, 0, 'f', 2)
                     .arg(s.maxMs, 0, 'f', 2)
                     .arg(s.query.simplified().left(70));
    }
    cmd.print({{"order", utf8(order)}, {"statements", rows}}, lines.join(QLatin1Char('\n')));
    return Ok;
}

// A pg_auto_failover formation's nodes and the monitor's recent events (pg/formation.h).
void formationReport(const pg::FormationState &f, nlohmann::json &doc, QStringList &lines)
{
    nlohmann::json nodes = nlohmann::json::array(), events = nlohmann::json::array();
    QStringList text;
    const QString transition = f.transition();
    text << QStringLiteral("Formation %1 (%2, monitor %3)%4")
                .arg(f.formation, f.kind, f.monitor, transition.isEmpty() ? QStringLiteral(": settled") : QStringLiteral(": ") + transition);
    for (const pg::FormationNode &n : f.nodes) {
        nodes.push_back({{"id", n.id}, {"name", utf8(n.name)}, {"host", utf8(n.host)}, {"port", n.port},
                         {"group", n.group}, {"reported_state", utf8(n.reportedState)},
                         {"assigned_state", utf8(n.assignedState)}, {"candidate_priority", n.candidatePriority},
                         {"replication_quorum", n.replicationQuorum}, {"reported_lsn", utf8(n.reportedLsn)},
                         {"health", n.health == 1 ? "healthy" : n.health == 0 ? "unhealthy" : "unknown"},
                         {"primary", n.isPrimary()}});
        text << QStringLiteral("node %1 %2:%3  %4%5  priority %6%7  lsn %8  %9")
                    .arg(n.name, n.host)
                    .arg(n.port)
                    .arg(n.reportedState, n.settled() ? QString() : QStringLiteral(" -> ") + n.assignedState)
                    .arg(n.candidatePriority)
                    .arg(n.replicationQuorum ? QStringLiteral(", quorum") : QString(), n.reportedLsn,
                         n.health == 1 ? QStringLiteral("healthy") : n.health == 0 ? QStringLiteral("UNHEALTHY") : QStringLiteral("health unknown"));
    }
    for (const pg::FormationEvent &e : f.events) {
        events.push_back({{"at", utf8(e.at.toUTC().toString(Qt::ISODateWithMs))}, {"node", utf8(e.nodeName)},
                          {"reported_state", utf8(e.reportedState)}, {"goal_state", utf8(e.goalState)},
                          {"description", utf8(e.description)}});
    }
    const int shown = std::min<int>(5, int(f.events.size()));
    for (qsizetype i = f.events.size() - shown; i < f.events.size(); ++i)
        text << QStringLiteral("event %1  %2").arg(f.events[i].at.toUTC().toString(Qt::ISODate), f.events[i].description);
    doc["formation"] = {{"name", utf8(f.formation)}, {"kind", utf8(f.kind)}, {"monitor", utf8(f.monitor)},
                        {"transition", utf8(transition)}, {"nodes", nodes}, {"events", events}};
    lines = text + lines;
}

int replication(const QStringList &args)
{
    Command cmd(QStringLiteral("activity replication"),
                QStringLiteral("On a primary: each standby's state and lag (bytes, seconds) and each replication slot "
                               "(an inactive one holding WAL is marked). On a standby: its replay lag. For a pg_auto_failover formation "
                               "(--server \"monitor='URI' formation=NAME\"): also each node's reported and assigned "
                               "state, candidate priority, quorum, LSN and health, and the monitor's recent events."));
    addServer(cmd, false);
    cmd.parse(args);
    auto conn = cmd.open(QStringLiteral("server"), pg::Connection::Access::ReadOnly);
    const ReplicationReport r = Activity::replication(*conn);
    nlohmann::json standbys = nlohmann::json::array(), slotRows = nlohmann::json::array();
    QStringList lines;
    for (const Standby &s : r.standbys) {
        standbys.push_back({{"name", utf8(s.name)}, {"client", utf8(s.client)}, {"state", utf8(s.state)},
                            {"sync_state", utf8(s.syncState)},
                            {"lag_bytes", s.lagBytes ? nlohmann::json(*s.lagBytes) : nlohmann::json()},
                            {"lag_seconds", optionalNumber(s.lagSeconds)}});
        lines << QStringLiteral("standby %1 (%2) %3 %4  lag %5 bytes, %6")
                     .arg(s.name, s.client, s.state, s.syncState)
                     .arg(s.lagBytes ? QString::number(*s.lagBytes) : QStringLiteral("?"), age(s.lagSeconds));
    }
    for (const Slot &s : r.replicationSlots) {
        slotRows.push_back({{"name", utf8(s.name)}, {"type", utf8(s.type)}, {"database", utf8(s.database)},
                         {"active", s.active}, {"wal_status", utf8(s.walStatus)},
                         {"retained_bytes", s.retainedBytes ? nlohmann::json(*s.retainedBytes) : nlohmann::json()},
                         {"holding_wal", s.holdingWal()}});
        lines << QStringLiteral("slot %1 (%2) %3  retains %4%5")
                     .arg(s.name, s.type, s.active ? QStringLiteral("active") : QStringLiteral("inactive"),
                          s.retainedBytes ? format::bytes(*s.retainedBytes) : QStringLiteral("?"),
                          s.holdingWal() ? QStringLiteral("  INACTIVE, HOLDING WAL") : QString());
    }
    if (r.standby)
        lines.prepend(QStringLiteral("This server is a standby: replay lag %1, %2 bytes received and not replayed.")
                          .arg(age(r.replayLagSeconds), r.replayLagBytes ? QString::number(*r.replayLagBytes) : QStringLiteral("?")));
    if (lines.isEmpty())
        lines << QStringLiteral("No standby and no replication slot.");
    nlohmann::json doc = {{"standby", r.standby}, {"replay_lag_seconds", optionalNumber(r.replayLagSeconds)},
                          {"replay_lag_bytes", r.replayLagBytes ? nlohmann::json(*r.replayLagBytes) : nlohmann::json()},
                          {"standbys", standbys}, {"slots", slotRows}};
    if (const pg::ConnectionSettings server = cmd.connection(QStringLiteral("server")); pg::formation::named(server))
        formationReport(pg::formation::read(server), doc, lines);
    cmd.print(doc, lines.join(QLatin1Char('\n')));
    return Ok;
}

int pools(const QStringList &args)
{
    Command cmd(QStringLiteral("activity pools"),
                QStringLiteral("PgBouncer's pools from its admin console (--server with dbname=pgbouncer; the user in "
                               "admin_users or stats_users): clients active and waiting, servers, saturation."));
    addServer(cmd, false);
    cmd.parse(args);
    const PoolReport r = Activity::pools(cmd.connection(QStringLiteral("server")));
    if (!r.available)
        throw Error(Error::Kind::Connection, r.problem);
    nlohmann::json rows = nlohmann::json::array();
    QStringList lines;
    for (const Pool &pool : r.pools) {
        rows.push_back({{"database", utf8(pool.database)}, {"user", utf8(pool.user)}, {"mode", utf8(pool.mode)},
                        {"clients_active", pool.clientsActive}, {"clients_waiting", pool.clientsWaiting},
                        {"servers_active", pool.serversActive}, {"servers_idle", pool.serversIdle},
                        {"pool_size", pool.poolSize}, {"saturation", pool.saturation()},
                        {"max_wait_seconds", pool.maxWaitSeconds}});
        lines << QStringLiteral("%1/%2  %3  clients %4 active, %5 waiting  servers %6/%7 busy%8")
                     .arg(pool.database, pool.user, pool.mode)
                     .arg(pool.clientsActive)
                     .arg(pool.clientsWaiting)
                     .arg(pool.serversActive)
                     .arg(pool.poolSize)
                     .arg(pool.clientsWaiting > 0 ? QStringLiteral("  CLIENTS WAITING") : QString());
    }
    cmd.print({{"pools", rows}}, lines.isEmpty() ? QStringLiteral("No pool.") : lines.join(QLatin1Char('\n')));
    return Ok;
}

int bloat(const QStringList &args)
{
    Command cmd(QStringLiteral("activity bloat"),
                QStringLiteral("pgstattuple's exact dead and free space of one table of --db (it reads the whole table)."));
    addServer(cmd);
    cmd.parser().addOption({QStringLiteral("table"), QStringLiteral("The table (schema.table or table)."), QStringLiteral("T")});
    cmd.parse(args);
    const QString db = cmd.required(QStringLiteral("db"));
    const QString table = cmd.required(QStringLiteral("table"));
    auto conn = pg::Connection::open(cmd.connection(QStringLiteral("server")).withDatabase(db), pg::Connection::Access::ReadOnly);
    const Bloat b = Activity::bloat(*conn, table);
    cmd.print({{"table", utf8(b.table)}, {"table_bytes", b.tableBytes}, {"live_bytes", b.liveBytes},
               {"dead_bytes", b.deadBytes}, {"dead_percent", b.deadPercent}, {"free_bytes", b.freeBytes},
               {"free_percent", b.freePercent}},
              QStringLiteral("%1: %2; dead %3 (%4 %), free %5 (%6 %)")
                  .arg(b.table, format::bytes(b.tableBytes), format::bytes(b.deadBytes))
                  .arg(b.deadPercent, 0, 'f', 1)
                  .arg(format::bytes(b.freeBytes))
                  .arg(b.freePercent, 0, 'f', 1));
    return Ok;
}

int health(const QStringList &args)
{
    Command cmd(QStringLiteral("activity health"),
                QStringLiteral("Per database: size, cache hit ratio, transaction-ID age, temporary files, deadlocks; the "
                               "tables of --db with the most dead tuples; and the findings against the thresholds "
                               "(those of the app's settings)."));
    addServer(cmd);
    cmd.parse(args);
    const QString db = cmd.parser().value(QStringLiteral("db"));
    const pg::ConnectionSettings server = cmd.connection(QStringLiteral("server"));
    auto conn = pg::Connection::open(db.isEmpty() ? server : server.withDatabase(db), pg::Connection::Access::ReadOnly);
    const QList<DatabaseHealth> h = Activity::health(*conn, db.isEmpty() ? QStringList() : QStringList{db});
    if (!db.isEmpty() && h.isEmpty())
        throw Error(Error::Kind::NotFound, QStringLiteral("No database %1 on the server.").arg(db));
    const ReplicationReport repl = Activity::replication(*conn);
    const LockReport locks = Activity::locks(*conn, db);
    const QList<Finding> findings = Activity::findings(h, Thresholds::load(), nullptr, &repl, nullptr, &locks);
    nlohmann::json rows = nlohmann::json::array(), found = nlohmann::json::array();
    QStringList lines;
    for (const DatabaseHealth &d : h) {
        nlohmann::json tables = nlohmann::json::array();
        for (const TableHealth &t : d.tables)
            tables.push_back({{"table", utf8(t.schema + QLatin1Char('.') + t.table)}, {"live_rows", t.liveRows},
                              {"dead_rows", t.deadRows}, {"dead_ratio", optionalNumber(t.deadRatio())},
                              {"last_autovacuum", utf8(t.lastAutovacuum.toString(Qt::ISODate))}});
        rows.push_back({{"database", utf8(d.database)}, {"size_bytes", d.sizeBytes},
                        {"growth_bytes", d.growthBytes ? nlohmann::json(*d.growthBytes) : nlohmann::json()},
                        {"previous_week", utf8(d.previousWeek)},
                        {"cache_hit_ratio", optionalNumber(d.cacheHitRatio)}, {"xid_age", d.xidAge},
                        {"wraparound_distance", d.wraparoundDistance}, {"temp_files", d.tempFiles},
                        {"temp_bytes", d.tempBytes}, {"deadlocks", d.deadlocks}, {"tables", tables}});
        lines << QStringLiteral("%1  %2%7  cache hit %3  xid age %4  temp files %5  deadlocks %6")
                     .arg(d.database.leftJustified(28), format::bytes(d.sizeBytes).rightJustified(10),
                          d.cacheHitRatio ? QString::number(*d.cacheHitRatio * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("-"))
                     .arg(d.xidAge)
                     .arg(d.tempFiles)
                     .arg(d.deadlocks)
                     .arg(d.growthBytes ? QStringLiteral(" (%1%2 over %3)")
                                              .arg(*d.growthBytes >= 0 ? QStringLiteral("+") : QStringLiteral("-"),
                                                   format::bytes(std::abs(*d.growthBytes)), d.previousWeek)
                                        : QString());
    }
    for (const Finding &f : findings) {
        found.push_back({{"level", f.level == Finding::Level::Warning ? "warning" : "ok"}, {"what", utf8(f.what)}, {"value", utf8(f.value)}});
        lines << QStringLiteral("%1 %2: %3").arg(f.level == Finding::Level::Warning ? QStringLiteral("WARN") : QStringLiteral("ok  "), f.what, f.value);
    }
    cmd.print({{"databases", rows}, {"findings", found}}, lines.join(QLatin1Char('\n')));
    return Ok;
}

} // namespace

int runActivity(const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("sessions"))
        return sessions(args);
    if (sub == QLatin1String("locks"))
        return locks(args);
    if (sub == QLatin1String("cancel"))
        return stop(StopKind::Cancel, args);
    if (sub == QLatin1String("terminate"))
        return stop(StopKind::Terminate, args);
    if (sub == QLatin1String("statements"))
        return statements(args);
    if (sub == QLatin1String("replication"))
        return replication(args);
    if (sub == QLatin1String("pools"))
        return pools(args);
    if (sub == QLatin1String("health"))
        return health(args);
    if (sub == QLatin1String("bloat"))
        return bloat(args);
    throw Error::invalidInput(QStringLiteral("Unknown activity command: %1").arg(sub),
                              QStringLiteral("Commands: sessions, locks, cancel, terminate, statements, replication, "
                                             "pools, health, bloat."));
}

} // namespace statescope::cli
