// What the server is doing, with real parts: a session idle in a transaction, a real
// blocking chain and its blocker terminated, a real deadlock counted, pg_stat_statements
// (the sandbox loads it) with a generic plan, a streaming standby and an inactive slot
// holding WAL, a real PgBouncer admin console, dead tuples from a real UPDATE; this
// process's own sessions never stopped, a pid that has gone said so; the CLI twins.
#include "core/activity/activity.h"
#include "core/audit/auditlog.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "support/pgbouncer.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace statescope;
using namespace statescope::activity;

namespace {

constexpr int kTimeout = 30000;

// A session of "the game", straight to the server (its pid is the server's, and it is gone
// once closed: no pooler keeps it), under another application name than this process's.
std::unique_ptr<pg::Connection> gameSession(const pg::ConnectionSettings &db, const QString &app)
{
    pg::ConnectionSettings direct = test::directServerSettings().withDatabase(db.database());
    direct.setValue(QStringLiteral("application_name"), app);
    return pg::Connection::open(direct);
}

int serverPid(pg::Connection &c)
{
    return int(test::scalar(c, QStringLiteral("SELECT pg_backend_pid()")));
}

const Session *find(const SessionList &l, int pid)
{
    for (const Session &s : l.sessions)
        if (s.pid == pid)
            return &s;
    return nullptr;
}

} // namespace

class TestActivity : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;

private slots:
    void initTestCase()
    {
        m_db = test::emptyDatabase(QStringLiteral("activity"));
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral("CREATE TABLE public.t (id int PRIMARY KEY, v int);"
                                        "INSERT INTO public.t SELECT g, g FROM generate_series(1, 10) g;"));
    }
    void cleanupTestCase() { test::dropDatabase(m_db.database()); }

    void anIdleTransactionIsMarked()
    {
        auto game = gameSession(m_db, QStringLiteral("game-idle"));
        game->exec(QStringLiteral("BEGIN"));
        const int pid = serverPid(*game);
        auto conn = test::connect(test::serverSettings());
        SessionFilter f;
        f.database = m_db.database();
        f.idleInTransactionOnly = true;
        QTRY_VERIFY_WITH_TIMEOUT(find(Activity::sessions(*conn, f), pid), kTimeout);
        const SessionList l = Activity::sessions(*conn, f);
        const Session *s = find(l, pid);
        QVERIFY(s->idleInTransaction());
        QVERIFY(!s->own);
        QCOMPARE(s->application, QStringLiteral("game-idle"));
        QVERIFY(s->transactionSeconds.has_value());
        QVERIFY(l.seesEverything); // the sandbox's superuser
        f.idleInTransactionOnly = false;
        f.activeOnly = true;
        QVERIFY(!find(Activity::sessions(*conn, f), pid));
        game->exec(QStringLiteral("ROLLBACK"));
        f.limit = 0;
        QVERIFY(test::errorOf([&] { Activity::sessions(*conn, f); }));
    }

    void theBlockerOfAChainIsTerminated()
    {
        auto a = gameSession(m_db, QStringLiteral("game-a"));
        a->exec(QStringLiteral("BEGIN"));
        a->exec(QStringLiteral("LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE"));
        const int pidA = a->backendPid();
        auto b = gameSession(m_db, QStringLiteral("game-b"));
        const int pidB = b->backendPid();
        std::atomic<bool> bDone = false;
        std::thread reader([&] {
            try {
                b->exec(QStringLiteral("SELECT count(*) FROM public.t"));
            } catch (const Error &) {
            }
            bDone = true;
        });
        auto conn = test::connect(test::serverSettings());
        QTRY_VERIFY_WITH_TIMEOUT(!Activity::locks(*conn, m_db.database()).waits.isEmpty(), kTimeout);
        const LockReport r = Activity::locks(*conn, m_db.database());
        QCOMPARE(r.waits.size(), 1);
        QCOMPARE(r.waits[0].pid, pidB);
        QCOMPARE(r.waits[0].blockedBy, QList<int>{pidA});
        QCOMPARE(r.waits[0].mode, QStringLiteral("AccessShareLock"));
        QVERIFY2(r.waits[0].relation.contains(QLatin1String("t")), qPrintable(r.waits[0].relation));
        QVERIFY(r.totalLocks > 0);
        const QList<LockReport::Node> tree = r.tree();
        QCOMPARE(tree.size(), 2);
        QCOMPARE(tree[0].pid, pidA);
        QCOMPARE(tree[0].depth, 0);
        QCOMPARE(tree[1].pid, pidB);
        QCOMPARE(tree[1].depth, 1);
        QCOMPARE(r.blockers.size(), 1);
        QCOMPARE(r.blockers[0].pid, pidA);
        // The session waiting on the lock carries who blocks it.
        SessionFilter f;
        f.database = m_db.database();
        const SessionList listed = Activity::sessions(*conn, f);
        const Session *waiting = find(listed, pidB);
        QVERIFY(waiting && waiting->waitingOnLock());
        QCOMPARE(waiting->blockedBy, QList<int>{pidA});
        // The CLI twin, with blocked_by in its JSON.
        const test::CliRun run = test::runCli({QStringLiteral("activity"), QStringLiteral("locks"), QStringLiteral("--server"),
                                               test::serverSettings().storableString(), QStringLiteral("--db"),
                                               m_db.database(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject wait = run.json().object().value(QStringLiteral("waits")).toArray().at(0).toObject();
        QCOMPARE(wait.value(QStringLiteral("pid")).toInt(), pidB);
        QCOMPARE(wait.value(QStringLiteral("blocked_by")).toArray().at(0).toInt(), pidA);

        // Terminate the blockers of B: the confirmation is B's pid.
        const StopPlan plan = Activity::planStopBlockers(*conn, StopKind::Terminate, pidB);
        QCOMPARE(plan.targets.size(), 1);
        QCOMPARE(plan.targets[0].pid, pidA);
        QCOMPARE(plan.confirmation, QString::number(pidB));
        QVERIFY(test::errorOf([&] { Activity::stop(*conn, plan, QString::number(pidA), QStringLiteral("stuck")); }));
        QVERIFY(!bDone);
        const StopResult done = Activity::stop(*conn, plan, QString::number(pidB), QStringLiteral("game stuck"));
        QCOMPARE(done.stopped, QList<int>{pidA});
        QTRY_VERIFY_WITH_TIMEOUT(bDone.load(), kTimeout);
        reader.join();
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1"), {qint64(pidA)}), 0);
        // Journalled, intent then done.
        QStringList phases;
        QString op;
        for (const audit::Entry &e : audit::readJournal(50))
            if (e.action == QLatin1String("terminate") && (op.isEmpty() || e.op == op)) {
                op = e.op;
                phases.prepend(e.phase);
            }
        QCOMPARE(phases, (QStringList{QStringLiteral("intent"), QStringLiteral("done")}));
    }

    void ownSessionsAndGoneOnesAreNeverActedOn()
    {
        auto conn = test::connect(test::serverSettings());
        auto mine = test::connect(m_db);
        const int own = serverPid(*mine);
        StopPlan plan = Activity::planStop(*conn, StopKind::Terminate, {own});
        QVERIFY(plan.targets.isEmpty());
        QVERIFY2(plan.refused.join(QLatin1Char(' ')).contains(QLatin1String("own")), qPrintable(plan.refused.join(QLatin1Char(' '))));
        QVERIFY(test::errorOf([&] { Activity::stop(*conn, plan, QString::number(own), QStringLiteral("x")); }));
        QVERIFY(mine->isAlive());
        // A pid that is not there.
        plan = Activity::planStop(*conn, StopKind::Cancel, {999999});
        QVERIFY(plan.targets.isEmpty());
        QVERIFY(plan.refused.join(QLatin1Char(' ')).contains(QLatin1String("no such session")));
        // One that goes between the preview and the confirmation: said, nothing else done.
        auto game = gameSession(m_db, QStringLiteral("game-leaving"));
        const int pid = serverPid(*game);
        plan = Activity::planStop(*conn, StopKind::Terminate, {pid});
        QCOMPARE(plan.targets.size(), 1);
        game.reset();
        QTRY_COMPARE_WITH_TIMEOUT(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1"),
                                               {qint64(pid)}),
                                  0, kTimeout);
        const StopResult r = Activity::stop(*conn, plan, QString::number(pid), QStringLiteral("leaving"));
        QVERIFY(r.stopped.isEmpty());
        QCOMPARE(r.gone, QList<int>{pid});
        // The CLI: a pid that is not a number, and one with no session.
        test::CliRun run = test::runCli({QStringLiteral("activity"), QStringLiteral("terminate"), QStringLiteral("--server"),
                                         test::serverSettings().storableString(), QStringLiteral("--pid"), QStringLiteral("abc")});
        QCOMPARE(run.exitCode, 2);
        run = test::runCli({QStringLiteral("activity"), QStringLiteral("terminate"), QStringLiteral("--server"),
                            test::serverSettings().storableString(), QStringLiteral("--pid"), QStringLiteral("999999"),
                            QStringLiteral("--confirm"), QStringLiteral("999999"), QStringLiteral("--reason"), QStringLiteral("x"),
                            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errorField("message").contains(QLatin1String("no such session")));
        // The same for the blockers of a session that has ended: exit 2, as the docs say.
        run = test::runCli({QStringLiteral("activity"), QStringLiteral("terminate"), QStringLiteral("--server"),
                            test::serverSettings().storableString(), QStringLiteral("--blocking"), QStringLiteral("999999"),
                            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorField("message").contains(QLatin1String("not there any more")), qPrintable(run.describe()));
        // A pid of another database than --db: refused, the session goes on.
        auto other = gameSession(m_db, QStringLiteral("game-elsewhere"));
        const int otherPid = serverPid(*other);
        run = test::runCli({QStringLiteral("activity"), QStringLiteral("terminate"), QStringLiteral("--server"),
                            test::serverSettings().storableString(), QStringLiteral("--db"), QStringLiteral("postgres"),
                            QStringLiteral("--pid"), QString::number(otherPid), QStringLiteral("--confirm"),
                            QString::number(otherPid), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorField("message").contains(QLatin1String("Not a session of postgres")), qPrintable(run.describe()));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1"), {qint64(otherPid)}), 1);
        QCOMPARE(other->exec(QStringLiteral("SELECT 1")).toLongLong(0, 0), 1);
    }

    void aRealDeadlockIsCounted()
    {
        auto conn = test::connect(test::serverSettings());
        const qint64 before = Activity::locks(*conn, m_db.database()).deadlocks;
        auto a = gameSession(m_db, QStringLiteral("game-a"));
        auto b = gameSession(m_db, QStringLiteral("game-b"));
        a->exec(QStringLiteral("BEGIN"));
        b->exec(QStringLiteral("BEGIN"));
        a->exec(QStringLiteral("UPDATE public.t SET v = v + 1 WHERE id = 1"));
        b->exec(QStringLiteral("UPDATE public.t SET v = v + 1 WHERE id = 2"));
        std::atomic<int> failures = 0;
        std::thread first([&] {
            try {
                a->exec(QStringLiteral("UPDATE public.t SET v = v + 1 WHERE id = 2"));
            } catch (const Error &) {
                ++failures;
            }
        });
        QTest::qWait(200);
        try {
            b->exec(QStringLiteral("UPDATE public.t SET v = v + 1 WHERE id = 1"));
        } catch (const Error &e) {
            QCOMPARE(e.sqlstate(), QStringLiteral("40P01"));
            ++failures;
        }
        first.join();
        QCOMPARE(failures.load(), 1); // the server broke the cycle by failing one of them
        a->rollbackQuietly();
        b->rollbackQuietly();
        QTRY_VERIFY_WITH_TIMEOUT(Activity::locks(*conn, m_db.database()).deadlocks == before + 1, kTimeout);
    }

    void statementsAndAGenericPlan()
    {
        auto conn = test::connect(m_db);
        if (test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_settings WHERE name = 'pg_stat_statements.max'")) == 0) {
            const StatementReport none = Activity::statements(*conn);
            QVERIFY(!none.available);
            QVERIFY(none.problem.contains(QLatin1String("shared_preload_libraries")));
            QSKIP("the server does not load pg_stat_statements");
        }
        QVERIFY(!Activity::statements(*conn).available); // loaded, not created here yet
        QVERIFY(Activity::statements(*conn).problem.contains(QLatin1String("CREATE EXTENSION")));
        conn->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
        for (int i = 1; i <= 5; ++i)
            conn->exec(QStringLiteral("SELECT v FROM public.t WHERE id = $1"), {qint64(i)});
        const StatementReport r = Activity::statements(*conn, QStringLiteral("calls"), 100, m_db.database());
        QVERIFY(r.available);
        const auto it = std::find_if(r.statements.begin(), r.statements.end(), [](const Statement &s) {
            return s.query.contains(QLatin1String("FROM public.t WHERE id = $1"));
        });
        QVERIFY(it != r.statements.end());
        QVERIFY(it->calls >= 5);
        QVERIFY(it->maxMs >= it->minMs);
        const QString plan = Activity::genericPlan(*conn, it->query);
        QVERIFY2(plan.contains(QLatin1String("\"Plan\"")), qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("$1")), qPrintable(plan)); // generic: the parameter stays
        QVERIFY(!conn->inTransaction());
        // A statement that would write is only planned, never run.
        const qint64 rows = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.t"));
        Activity::genericPlan(*conn, QStringLiteral("DELETE FROM public.t WHERE id > $1"));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.t")), rows);
        QVERIFY(test::errorOf([&] { Activity::statements(*conn, QStringLiteral("p99")); }));
    }

    void replicationAndAnInactiveSlot()
    {
        auto conn = test::connect(test::serverSettings());
        const QString slot = test::uniqueName(QStringLiteral("held"));
        conn->exec(QStringLiteral("SELECT pg_create_physical_replication_slot($1, true)"), {slot});
        auto dropSlot = qScopeGuard([&] {
            auto c = test::connect(test::serverSettings());
            c->exec(QStringLiteral("SELECT pg_drop_replication_slot($1)"), {slot});
            c->exec(QStringLiteral("DROP TABLE IF EXISTS public.%1").arg(slot));
        });
        conn->exec(QStringLiteral("CREATE TABLE public.%1 AS SELECT g FROM generate_series(1, 20000) g").arg(slot));
        conn->exec(QStringLiteral("SELECT pg_switch_wal()"));
        QTemporaryDir dir(QStringLiteral("/tmp/ssact-XXXXXX"));
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        o.standbyOf = test::directServerSettings();
        const sandbox::Info standby = sandbox::Sandbox(o).start();
        auto cleanup = qScopeGuard([&] {
            sandbox::Options s;
            s.dir = dir.path();
            sandbox::Sandbox(s).stop();
            auto c = test::connect(test::serverSettings());
            c->exec(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE "
                                   "NOT active AND slot_name LIKE $1 || '%'"),
                    {sandbox::standbySlotName(standby.dataDir)});
        });
        // Streaming once it has replayed something: then its lag is known.
        auto streaming = [&] {
            const ReplicationReport now = Activity::replication(*conn);
            return std::any_of(now.standbys.begin(), now.standbys.end(), [](const Standby &s) {
                return s.state == QLatin1String("streaming") && s.lagBytes.has_value();
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(streaming(), kTimeout);
        const ReplicationReport r = Activity::replication(*conn);
        QVERIFY(!r.standby);
        const auto held = std::find_if(r.replicationSlots.begin(), r.replicationSlots.end(), [&](const Slot &s) { return s.name == slot; });
        QVERIFY(held != r.replicationSlots.end());
        QVERIFY(!held->active);
        QVERIFY(held->holdingWal());
        const QList<Finding> f = Activity::findings({}, Thresholds(), nullptr, &r);
        QVERIFY(std::any_of(f.begin(), f.end(), [&](const Finding &x) {
            return x.level == Finding::Level::Warning && x.what.contains(slot);
        }));
        auto onStandby = pg::Connection::open(standby.settings, pg::Connection::Access::ReadOnly);
        const ReplicationReport s = Activity::replication(*onStandby);
        QVERIFY(s.standby);
        QVERIFY(s.replayLagBytes.has_value());
    }

    void poolsFromPgBouncersConsole()
    {
        test::PgBouncer bouncer(test::directServerSettings(), 2);
        QVERIFY2(bouncer.isRunning(), qPrintable(bouncer.problem()));
        {
            auto through = pg::Connection::open(bouncer.settings(m_db.database()));
            through->exec(QStringLiteral("SELECT 1"));
        }
        const PoolReport r = Activity::pools(bouncer.settings(QStringLiteral("pgbouncer")));
        QVERIFY2(r.available, qPrintable(r.problem));
        const auto pool = std::find_if(r.pools.begin(), r.pools.end(), [&](const Pool &p) { return p.database == m_db.database(); });
        QVERIFY(pool != r.pools.end());
        QCOMPARE(pool->poolSize, 2);
        QCOMPARE(pool->mode, QStringLiteral("transaction"));
        QVERIFY(!r.stats.isEmpty());
        // Not the console: said how to reach it.
        QVERIFY(Activity::pools(bouncer.settings(m_db.database())).problem.contains(QLatin1String("dbname=pgbouncer")));
        // A user that is neither in admin_users nor stats_users: refused, said why.
        auto owner = test::connect(test::serverSettings());
        const QString role = test::uniqueName(QStringLiteral("pooler"));
        owner->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
        pg::ConnectionSettings other = bouncer.settings(QStringLiteral("pgbouncer"));
        other.setValue(QStringLiteral("user"), role);
        other.setValue(QStringLiteral("connect_timeout"), QStringLiteral("3"));
        const PoolReport refused = Activity::pools(other);
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
        QVERIFY(!refused.available);
        QVERIFY2(refused.problem.contains(QLatin1String("admin_users")) || refused.problem.contains(QLatin1String("did not accept")),
                 qPrintable(refused.problem));
    }

    void aWeeksGrowthIsOverThePreviousWeek()
    {
        // A family of its own: the unique name's digits as letters (a weekly prefix has none).
        QString prefix;
        for (const QChar c : test::uniqueName(QStringLiteral("grow")).toLower())
            prefix += c.isDigit() ? QChar(u'a' + c.digitValue()) : c.isLetter() ? c : QChar();
        prefix.remove(QChar());
        auto admin = test::connect(test::serverSettings());
        const QStringList weeks{prefix + QStringLiteral("_2025_w51"), prefix + QStringLiteral("_2025_w52"),
                                prefix + QStringLiteral("_2026_w01")};
        for (const QString &w : weeks)
            admin->exec(QStringLiteral("CREATE DATABASE %1").arg(w));
        {
            auto c = pg::Connection::open(test::serverSettings().withDatabase(weeks[2]));
            c->exec(QStringLiteral("CREATE TABLE filler AS SELECT g, repeat('x', 200) AS pad FROM generate_series(1, 20000) g"));
        }
        // The last week of one year grows over the one before it; the first of the next
        // year over the last of the year before.
        const QList<DatabaseHealth> h = Activity::health(*admin, {weeks[2]});
        QCOMPARE(h.size(), 1);
        QCOMPARE(h[0].previousWeek, weeks[1]);
        QVERIFY(h[0].growthBytes.has_value());
        QVERIFY2(*h[0].growthBytes > 4000000, qPrintable(QString::number(*h[0].growthBytes)));
        QCOMPARE(Activity::health(*admin, {weeks[0]})[0].growthBytes.has_value(), false);
        for (const QString &w : weeks)
            admin->exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(w)); // a pooler may keep a session
    }

    void deadTuplesFromARealUpdateAreFound()
    {
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral("ALTER TABLE public.t SET (autovacuum_enabled = false);"
                                        "INSERT INTO public.t SELECT g, g FROM generate_series(11, 2000) g;"
                                        "UPDATE public.t SET v = v + 1;"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const DatabaseHealth &h : Activity::health(*conn, {m_db.database()}))
                    for (const TableHealth &t : h.tables)
                        if (t.table == QLatin1String("t") && t.deadRatio() && *t.deadRatio() > 0.3)
                            return true;
                return false;
            }(),
            kTimeout);
        const QList<DatabaseHealth> h = Activity::health(*conn, {m_db.database()});
        QCOMPARE(h.size(), 1);
        QVERIFY(h[0].sizeBytes > 0);
        QVERIFY(h[0].xidAge > 0);
        const QList<Finding> f = Activity::findings(h, Thresholds());
        QVERIFY(std::any_of(f.begin(), f.end(), [](const Finding &x) {
            return x.level == Finding::Level::Warning && x.what.contains(QLatin1String("public.t"));
        }));
        // pgstattuple on request: the exact dead space of the same table.
        conn->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pgstattuple"));
        const Bloat b = Activity::bloat(*conn, QStringLiteral("t"));
        QCOMPARE(b.table, QStringLiteral("public.t"));
        QVERIFY2(b.deadPercent > 20, qPrintable(QString::number(b.deadPercent)));
        QVERIFY(b.tableBytes > 0);
        QVERIFY(test::errorOf([&] { Activity::bloat(*conn, QStringLiteral("no_such_table")); }));
        // A role that may not read others' statistics: sees less, and is told so.
        const QString role = test::uniqueName(QStringLiteral("watcher"));
        conn->exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
        {
            pg::ConnectionSettings as = m_db;
            as.setValue(QStringLiteral("user"), role);
            auto limited = pg::Connection::open(as, pg::Connection::Access::ReadOnly);
            const SessionList l = Activity::sessions(*limited);
            QVERIFY(!l.seesEverything);
            QVERIFY2(l.note.contains(QLatin1String("pg_read_all_stats")), qPrintable(l.note));
        }
        conn->exec(QStringLiteral("DROP ROLE %1").arg(role));
        // The CLI twin.
        const test::CliRun run = test::runCli({QStringLiteral("activity"), QStringLiteral("health"), QStringLiteral("--server"),
                                               test::serverSettings().storableString(), QStringLiteral("--db"),
                                               m_db.database(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.json().object().value(QStringLiteral("databases")).toArray().size(), 1);
        QVERIFY(!run.json().object().value(QStringLiteral("findings")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
