// Benchmark (not a test): one refresh of the Activity pane's sessions and locks on a busy
// server, next to psql reading the same catalogs whole in the same run; medians after one
// warm-up, ours and the baseline taking turns.
//
//   bench_activity [--sessions S] [--tables T] [--lockers L] [--waiters W] [--reps R]
//
//   --sessions S  client sessions on the server (default 2000)
//   --tables T    tables each locker holds ACCESS SHARE on (default 1000)
//   --lockers L   sessions holding those locks in an open transaction (default 50: with
//                 T = 1000, 50,000 locks)
//   --waiters W   sessions waiting for ACCESS EXCLUSIVE behind them (default 20)
//   --reps R      repetitions of each figure (default 21)
//
// A server of its own (max_connections S + 50) is started in a temporary directory. Ours:
// Activity::sessions (500 rows) + Activity::locks (200 waits, the rest counted on the
// server), through statescope's connection. Baseline: psql reading pg_stat_activity and
// pg_locks whole, with pg_blocking_pids for every session, as a dashboard without caps does.
// Printed: wall time of each, the server's execution time of ours (EXPLAIN ANALYZE is not
// possible on a function's queries, so the time of a refresh minus a "SELECT 1" round trip),
// our client's resident memory growth over the refreshes and psql's peak memory.
#include "bench/benchutil.h"
#include "core/activity/activity.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/sandbox/sandbox.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <libpq-fe.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_activity: %s\n", qPrintable(why));
    std::exit(1);
}

double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

PGconn *open(const pg::ConnectionSettings &s)
{
    PGconn *c = PQconnectdb(s.conninfo().toUtf8().constData());
    if (PQstatus(c) != CONNECTION_OK)
        fail(QStringLiteral("connect: %1").arg(QString::fromUtf8(PQerrorMessage(c))));
    return c;
}

void run(PGconn *c, const QString &sql)
{
    PGresult *r = PQexec(c, sql.toUtf8().constData());
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(QStringLiteral("%1: %2").arg(sql.left(60), QString::fromUtf8(PQresultErrorMessage(r))));
    PQclear(r);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int sessions = option(args, QStringLiteral("--sessions"), QStringLiteral("2000")).toInt();
    const int tables = option(args, QStringLiteral("--tables"), QStringLiteral("1000")).toInt();
    const int lockers = option(args, QStringLiteral("--lockers"), QStringLiteral("50")).toInt();
    const int waiters = option(args, QStringLiteral("--waiters"), QStringLiteral("20")).toInt();
    const int reps = option(args, QStringLiteral("--reps"), QStringLiteral("21")).toInt();
    if (sessions < lockers + waiters + 1 || tables < 1 || reps < 1)
        fail(QStringLiteral("--sessions must exceed --lockers + --waiters; --tables and --reps at least 1"));

    QTemporaryDir dir(QStringLiteral("/tmp/ssbench-act-XXXXXX"));
    sandbox::Options o;
    o.dir = dir.path();
    o.durable = false;
    o.extraSettings = {QStringLiteral("max_connections = %1").arg(sessions + 50),
                       QStringLiteral("max_locks_per_transaction = %1").arg(std::max(64, tables + 64)),
                       QStringLiteral("shared_buffers = 256MB")};
    sandbox::Sandbox box(o);
    const sandbox::Info server = box.start();
    const pg::ConnectionSettings db = server.settings.withDatabase(QStringLiteral("bench_activity"));
    {
        PGconn *admin = open(server.settings);
        run(admin, QStringLiteral("CREATE DATABASE bench_activity"));
        PQfinish(admin);
        PGconn *c = open(db);
        run(c, QStringLiteral("DO $$ BEGIN FOR i IN 1..%1 LOOP EXECUTE format('CREATE TABLE t%s (id int)', i); END LOOP; END $$")
                   .arg(tables));
        PQfinish(c);
    }
    std::printf("server: %d sessions, %d lockers x %d tables, %d waiters\n", sessions, lockers, tables, waiters);
    std::fflush(stdout);
    QStringList all;
    for (int i = 1; i <= tables; ++i)
        all << QStringLiteral("t%1").arg(i);
    const QString lockAll = QStringLiteral("LOCK TABLE %1 IN ACCESS SHARE MODE").arg(all.join(QStringLiteral(", ")));
    std::vector<PGconn *> held;
    pg::ConnectionSettings game = db;
    game.setValue(QStringLiteral("application_name"), QStringLiteral("bench-game"));
    for (int i = 0; i < lockers; ++i) {
        PGconn *c = open(game);
        run(c, QStringLiteral("BEGIN"));
        run(c, lockAll);
        held.push_back(c);
    }
    for (int i = 0; i < waiters; ++i) {
        PGconn *c = open(game);
        run(c, QStringLiteral("BEGIN"));
        if (!PQsendQuery(c, QStringLiteral("LOCK TABLE t%1 IN ACCESS EXCLUSIVE MODE").arg(1 + i % tables).toUtf8().constData()))
            fail(QStringLiteral("send: %1").arg(QString::fromUtf8(PQerrorMessage(c))));
        held.push_back(c);
    }
    while (int(held.size()) < sessions - 1)
        held.push_back(open(game));

    auto conn = pg::Connection::open(server.settings, pg::Connection::Access::ReadOnly);
    const qint64 locks = conn->exec(QStringLiteral("SELECT count(*) FROM pg_locks")).toLongLong(0, 0);
    std::printf("pg_locks holds %lld locks\n", locks);
    const QString psql = pg::clientProgram(QStringLiteral("psql"));
    const QStringList baseline{psql, QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), server.settings.conninfo(),
                               QStringLiteral("-c"), QStringLiteral("SELECT *, pg_blocking_pids(pid) FROM pg_stat_activity"),
                               QStringLiteral("-c"), QStringLiteral("SELECT * FROM pg_locks")};

    std::vector<double> ours, theirs, theirsMiB, roundTrip;
    int rows = 0, waits = 0;
    const double before = residentMiB();
    double peak = before;
    for (int i = 0; i <= reps; ++i) {
        QElapsedTimer t;
        t.start();
        conn->exec(QStringLiteral("SELECT 1"));
        const double trip = ms(t);
        t.restart();
        const activity::SessionList s = activity::Activity::sessions(*conn);
        const activity::LockReport l = activity::Activity::locks(*conn);
        const double mine = ms(t);
        rows = int(s.sessions.size());
        waits = l.totalWaits;
        peak = std::max(peak, residentMiB());
        const ChildRun c = runChild(baseline);
        if (c.status != 0)
            fail(QStringLiteral("psql failed"));
        if (i == 0)
            continue; // warm-up
        ours.push_back(mine);
        roundTrip.push_back(trip);
        theirs.push_back(c.ms);
        theirsMiB.push_back(c.peakMiB);
    }
    std::printf("ours:     sessions (%d of %d shown) + locks (%d waits, %lld counted): median %.1f ms; "
                "about %.1f ms of it on the server and the wire (less a SELECT 1 round trip of %.2f ms); "
                "client memory +%.1f MiB over %d refreshes\n",
                rows, sessions, waits, locks, median(ours), median(ours) - 2 * median(roundTrip), median(roundTrip),
                peak - before, reps + 1);
    std::printf("baseline: psql reading pg_stat_activity (with pg_blocking_pids for all) and pg_locks whole: "
                "median %.1f ms, peak %.1f MiB\n",
                median(theirs), median(theirsMiB));
    for (PGconn *c : held)
        PQfinish(c);
    conn.reset();
    box.stop();
    return 0;
}
