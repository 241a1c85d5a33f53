// A pg_auto_failover formation as one server (pg/formation.h), against a real formation the
// test starts (tests/support/formation.sh: a monitor and two nodes with their keepers): the
// nodes and events shown, connections that find the primary, a failover and a killed
// primary followed without editing anything, a family query whose weeks a failover cuts, a
// rollback cut half-way, a drop, reset, move and partition archive cut by a failover found and
// restored by db recover on the new primary, a migration cut there applied once when run again,
// a shard set with a member in the formation read across a failover, and bad formation
// strings refused clearly.
#include "core/audit/auditlog.h"
#include "core/weekly/serveradmin.h"
#include "rollbackfixture.h"
#include "support/shardfixture.h"
#include "core/error.h"
#include "core/migrate/migration.h"
#include "core/migrate/migrator.h"
#include "core/pg/connection.h"
#include "core/pg/formation.h"
#include "support/testformation.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <map>
#include <optional>
#include <thread>
#include <unistd.h>

using namespace statescope;
using namespace statescope::test;

class TstFormation : public QObject
{
    Q_OBJECT

    TestFormation m_f;

    pg::ConnectionSettings target(const QString &dbname = QStringLiteral("postgres"), const QString &more = {}) const
    {
        return m_f.target(dbname, more);
    }
    pg::FormationState state() const { return m_f.state(); }
    int primaryPort() const { return m_f.primaryPort(); }
    bool settlesWith(int port, int ms) { return m_f.settlesWith(port, ms); }
    static int serverPort(pg::Connection &conn) { return int(scalar(conn, QStringLiteral("SELECT inet_server_port()"))); }

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);
        QVERIFY2(m_f.up(), "the formation did not start (see the warnings above)");
        auto admin = pg::Connection::open(target(), pg::Connection::Access::ReadWrite);
        admin->execScript(QStringLiteral("CREATE DATABASE game_w01"));
        auto game = pg::Connection::open(target(QStringLiteral("game_w01")), pg::Connection::Access::ReadWrite);
        game->execScript(QStringLiteral("CREATE TABLE public.t (x int PRIMARY KEY); INSERT INTO public.t "
                                        "SELECT generate_series(1, 100)"));
        // The standby has the database before anyone browses there: a session that prefers
        // the standby goes on to the primary while the standby has not replayed the CREATE
        // DATABASE yet ("does not exist" there), as the PgBouncer pass found under load.
        QTRY_VERIFY_WITH_TIMEOUT(scalar(*game, QStringLiteral("SELECT count(*) FROM pg_stat_replication "
                                                              "WHERE replay_lsn >= pg_current_wal_lsn()"))
                                     == 1,
                                 30000);
    }

    void cleanupTestCase() { m_f.down(); }

    void theFormationIsShownNodeByNode()
    {
        const CliRun r = runCli({QStringLiteral("activity"), QStringLiteral("replication"), QStringLiteral("--server"),
                                 target().storableString(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject f = r.json().object().value(QStringLiteral("formation")).toObject();
        QCOMPARE(f.value(QStringLiteral("name")).toString(), QStringLiteral("default"));
        QCOMPARE(f.value(QStringLiteral("transition")).toString(), QString());
        const QJsonArray nodes = f.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 2);
        QStringList states;
        for (const QJsonValue &n : nodes) {
            const QJsonObject o = n.toObject();
            states << o.value(QStringLiteral("reported_state")).toString();
            QCOMPARE(o.value(QStringLiteral("assigned_state")).toString(), o.value(QStringLiteral("reported_state")).toString());
            QCOMPARE(o.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
            QVERIFY(m_f.ports().contains(o.value(QStringLiteral("port")).toInt()));
            QVERIFY(o.contains(QStringLiteral("candidate_priority")) && o.contains(QStringLiteral("replication_quorum")));
        }
        states.sort();
        QCOMPARE(states, (QStringList{QStringLiteral("primary"), QStringLiteral("secondary")}));
        QVERIFY(!f.value(QStringLiteral("events")).toArray().isEmpty());
        // The primary's own view: its standby streams.
        QCOMPARE(r.json().object().value(QStringLiteral("standbys")).toArray().size(), 1);
    }

    void sessionsFindThePrimary()
    {
        const int primary = primaryPort();
        QVERIFY(m_f.ports().contains(primary));
        auto writer = pg::Connection::open(target(QStringLiteral("game_w01")), pg::Connection::Access::ReadWrite);
        QCOMPARE(serverPort(*writer), primary);
        QCOMPARE(scalar(*writer, QStringLiteral("SELECT pg_is_in_recovery()::int")), 0);
        // Browsing from the standby, when the string asks for it.
        auto reader = pg::Connection::open(target(QStringLiteral("game_w01"), QStringLiteral("target_session_attrs=prefer-standby")),
                                           pg::Connection::Access::ReadOnly);
        QCOMPARE(scalar(*reader, QStringLiteral("SELECT pg_is_in_recovery()::int")), 1);
        QVERIFY(serverPort(*reader) != primary);
        // A session that may write asks for the primary whatever the string prefers for browsing.
        auto admin = pg::Connection::open(target(QStringLiteral("game_w01"), QStringLiteral("target_session_attrs=prefer-standby")),
                                          pg::Connection::Access::ReadWrite);
        QCOMPARE(serverPort(*admin), primary);
        QCOMPARE(scalar(*admin, QStringLiteral("SELECT pg_is_in_recovery()::int")), 0);
        // The CLI, through the same string.
        const CliRun q = runCli({QStringLiteral("query"), QStringLiteral("--db"), target(QStringLiteral("game_w01")).storableString(),
                                 QStringLiteral("--sql"), QStringLiteral("SELECT count(*) AS n FROM public.t"), QStringLiteral("--json")});
        QVERIFY2(q.exitCode == 0 && q.out.contains("100"), qPrintable(q.describe()));
    }

    void aFailoverIsFollowedWithoutAnyEdit()
    {
        const int before = primaryPort();
        m_f.failover();
        // Named while it happens.
        bool named = false;
        QDeadlineTimer seen(20000);
        while (!named && !seen.hasExpired()) {
            named = state().transition().startsWith(QLatin1String("Failover in progress"));
            if (!named)
                QThread::msleep(100);
        }
        QVERIFY2(named, "the failover was never reported as in progress");
        QVERIFY2(settlesWith(0, 90000), "the formation did not settle after the failover");
        const int after = primaryPort();
        QVERIFY(after != before && m_f.ports().contains(after));
        // The same string writes on the new primary and reads every row there.
        auto writer = pg::Connection::open(target(QStringLiteral("game_w01")), pg::Connection::Access::ReadWrite);
        QCOMPARE(serverPort(*writer), after);
        writer->exec(QStringLiteral("INSERT INTO public.t VALUES (101)"));
        QCOMPARE(scalar(*writer, QStringLiteral("SELECT count(*) FROM public.t")), 101);
    }

    void aKilledPrimaryIsFollowed()
    {
        QVERIFY(settlesWith(0, 60000));
        const int before = primaryPort();
        const QString node = m_f.nodeOnPort(before);
        QVERIFY(m_f.kill(node));
        // Reading through the formation string answers again once the secondary is promoted.
        QDeadlineTimer deadline(90000);
        int answered = 0;
        while (!deadline.hasExpired()) {
            try {
                auto writer = pg::Connection::open(target(QStringLiteral("game_w01")), pg::Connection::Access::ReadWrite);
                if (scalar(*writer, QStringLiteral("SELECT pg_is_in_recovery()::int")) == 0) {
                    answered = serverPort(*writer);
                    QCOMPARE(scalar(*writer, QStringLiteral("SELECT count(*) FROM public.t")), 101);
                    break;
                }
            } catch (const Error &) {
                // no primary yet
            }
            QThread::msleep(250);
        }
        QVERIFY2(answered && answered != before, "the secondary was not reached as the new primary");
        // The killed node comes back as a secondary.
        QVERIFY(m_f.restart(node));
        QVERIFY2(settlesWith(answered, 120000), "the killed node did not rejoin");
    }

    // A family query whose weeks are in flight when the formation fails over (by the monitor,
    // or with the primary killed): each week cut before it sent a row is asked again and
    // answers, on whichever node answers now; no week fails and none is read twice.
    void aFamilyQueryOutlivesAFailover_data()
    {
        QTest::addColumn<bool>("kill");
        QTest::newRow("perform failover") << false;
        QTest::newRow("primary killed") << true;
    }

    void aFamilyQueryOutlivesAFailover()
    {
        QFETCH(bool, kill);
        QVERIFY(settlesWith(0, 90000));
        static bool made = false;
        if (!made) {
            auto admin = pg::Connection::open(target(), pg::Connection::Access::ReadWrite);
            for (int week = 1; week <= 4; ++week) {
                const QString db = QStringLiteral("fam_2025_w%1").arg(week, 2, 10, QLatin1Char('0'));
                admin->execScript(QStringLiteral("CREATE DATABASE ") + db);
                pg::Connection::open(target(db), pg::Connection::Access::ReadWrite)
                    ->execScript(QStringLiteral("CREATE TABLE public.t (x int); INSERT INTO public.t SELECT generate_series(1, %1)")
                                     .arg(week * 10));
            }
            made = true;
        }
        const int before = primaryPort();
        const QString sleeper = QStringLiteral("SELECT current_database() AS db, (SELECT count(*) FROM public.t) AS n "
                                               "FROM pg_sleep(4)");
        QProcess cli;
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"),
                  {QStringLiteral("query"), QStringLiteral("--server"), target().storableString(), QStringLiteral("--prefix"),
                   QStringLiteral("fam"), QStringLiteral("--sql"), sleeper, QStringLiteral("--parallel"), QStringLiteral("2"),
                   QStringLiteral("--json")});
        QVERIFY(cli.waitForStarted());
        // Both first weeks asleep on the primary, then the failover.
        auto watch = pg::Connection::open(target(), pg::Connection::Access::ReadWrite);
        QVERIFY2(QTest::qWaitFor([&] {
                     return scalar(*watch, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                                                          "AND datname LIKE 'fam\\_%'"))
                            == 2;
                 }, 30000),
                 "the family query's first weeks never ran");
        watch.reset();
        if (kill)
            QVERIFY(m_f.kill(m_f.nodeOnPort(before)));
        else
            m_f.failover();
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray out = cli.readAllStandardOutput(), err = cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        std::map<QString, qint64> rows;
        for (const QByteArray &line : out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.contains(QStringLiteral("error")), line.constData());
            const QString db = o.value(QStringLiteral("db")).toString();
            QVERIFY2(!rows.count(db), qPrintable(QStringLiteral("%1 read twice").arg(db)));
            rows[db] = o.value(QStringLiteral("n")).toInteger();
        }
        QCOMPARE(rows.size(), size_t(4));
        for (int week = 1; week <= 4; ++week)
            QCOMPARE(rows[QStringLiteral("fam_2025_w%1").arg(week, 2, 10, QLatin1Char('0'))], qint64(week * 10));
        if (kill) {
            QVERIFY2(QTest::qWaitFor([&] { return primaryPort() != before && primaryPort() != 0; }, 90000),
                     "the secondary was not promoted");
            QVERIFY(m_f.restart(m_f.nodeOnPort(before)));
        }
        QVERIFY2(settlesWith(0, 120000), "the formation did not settle after the failover");
    }

    // A rollback half-way through its transaction (the plays deleted, the lineups' delete held
    // by a slow trigger) when the formation fails over: the new primary has the game as it
    // was and no record of a rollback; the same rollback run again there deletes exactly
    // what it would have, once, and its undo gives back every row.
    void aRollbackCutByAFailoverIsNotHalfDone()
    {
        QVERIFY(settlesWith(0, 90000));
        const QString name = QStringLiteral("rbf_2025_w01");
        weekly::ServerAdmin(target()).create(name);
        auto admin = pg::Connection::open(target(name), pg::Connection::Access::ReadWrite);
        const demo::DemoReport report = seedDemo(*admin);
        const QString game = RollbackFixture::activeGamesOf(*admin, report).value(0);
        QVERIFY(!game.isEmpty());
        const int last = replay::GameStore(*admin).summary(game).lastPlay;
        const int n = last / 2;
        const Digest before = digest(*admin, game);
        admin->execScript(QStringLiteral(
            "CREATE FUNCTION core.tst_slow_delete() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$; "
            "CREATE TRIGGER tst_slow_delete BEFORE DELETE ON core.lineups "
            "FOR EACH STATEMENT EXECUTE FUNCTION core.tst_slow_delete()"));
        const int primary = primaryPort();
        QProcess cli;
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"),
                  {QStringLiteral("rollback"), QStringLiteral("--db"), target(name).storableString(), QStringLiteral("--game"),
                   game, QStringLiteral("--to"), QString::number(n), QStringLiteral("--reason"),
                   QStringLiteral("cut by a failover"), QStringLiteral("--confirm"), game.left(8)});
        QVERIFY(cli.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] {
                     return scalar(*admin, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                                                          "AND datname = current_database()"))
                                == 1
                            || cli.state() != QProcess::Running;
                 }, 30000)
                     && cli.state() == QProcess::Running,
                 cli.readAllStandardError().constData());
        admin.reset();
        m_f.failover();
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() != 0, "the rollback did not see its session cut");
        QVERIFY2(settlesWith(0, 120000), "the formation did not settle after the failover");
        QVERIFY(primaryPort() != primary);
        // On the new primary: nothing half-done, nothing recorded.
        auto now = pg::Connection::open(target(name), pg::Connection::Access::ReadWrite);
        QVERIFY2(digest(*now, game) == before, qPrintable(digest(*now, game).text()));
        QCOMPARE(records(*now).text(), Records{}.text());
        now->execScript(QStringLiteral("DROP TRIGGER tst_slow_delete ON core.lineups; DROP FUNCTION core.tst_slow_delete()"));
        // Run again there: done once, exactly, and undone with every row back.
        const replay::RollbackRecord rec = replay::Rollback(*now).apply(game, opts(n));
        QCOMPARE(rec.deletedPlays, last - n);
        QCOMPARE(records(*now).rollbacks, 1);
        replay::Rollback(*now).undo(rec.id, QStringLiteral("after the failover"));
        QVERIFY2(digest(*now, game) == before, qPrintable(digest(*now, game).text()));
    }

    // A run caught while its dump runs (a pg_dump that waits) when the formation fails over,
    // by the monitor or with the primary killed: a drop, a reset and a move (to the sandbox)
    // with their fence up, a partition archive with its partition detached. Each is found by
    // db recover on the new primary through the same string and put back there with every row.
    void aRunCutByAFailoverIsRecoveredOnTheNewPrimary_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("kill");
        QTest::newRow("drop") << QStringLiteral("drop") << false;
        QTest::newRow("reset") << QStringLiteral("reset") << false;
        QTest::newRow("reset, primary killed") << QStringLiteral("reset") << true;
        QTest::newRow("move") << QStringLiteral("move") << false;
        QTest::newRow("upkeep archive") << QStringLiteral("archive") << false;
    }

    void aRunCutByAFailoverIsRecoveredOnTheNewPrimary()
    {
        QFETCH(QString, action);
        QFETCH(bool, kill);
        QVERIFY(settlesWith(0, 60000));
        const QString name = QStringLiteral("week_cut_") + action + (kill ? QStringLiteral("_killed") : QString());
        const bool archive = action == QLatin1String("archive");
        pg::Connection::open(target(), pg::Connection::Access::ReadWrite)
            ->execScript(QStringLiteral("CREATE DATABASE ") + name);
        // 5,000 rows; for the archive in two monthly partitions, the first of which it takes.
        pg::Connection::open(target(name), pg::Connection::Access::ReadWrite)
            ->execScript(archive ? QStringLiteral("CREATE TABLE public.w (id bigint NOT NULL, at timestamptz NOT NULL) "
                                                  "PARTITION BY RANGE (at); "
                                                  "CREATE TABLE public.w_2024_01 PARTITION OF public.w FOR VALUES FROM "
                                                  "('2024-01-01 00:00+00') TO ('2024-02-01 00:00+00'); "
                                                  "CREATE TABLE public.w_2024_02 PARTITION OF public.w FOR VALUES FROM "
                                                  "('2024-02-01 00:00+00') TO ('2024-03-01 00:00+00'); "
                                                  "INSERT INTO public.w SELECT g, '2024-01-01 00:00+00'::timestamptz "
                                                  "+ g * interval '10 minutes' FROM generate_series(1, 5000) g")
                                 : QStringLiteral("CREATE TABLE public.w (id bigint PRIMARY KEY); "
                                                  "INSERT INTO public.w SELECT generate_series(1, 5000)"));
        const int before = primaryPort();
        QTemporaryDir tools, backups;
        const QString started = tools.filePath(QStringLiteral("dump-started"));
        QVERIFY(tools.isValid() && backups.isValid() && makeSlowPgDumpDir(tools.path(), started, 120));
        QStringList args;
        if (archive)
            args = {QStringLiteral("upkeep"), QStringLiteral("archive-partitions"), QStringLiteral("--db"),
                    target(name).storableString(), QStringLiteral("--table"), QStringLiteral("w"),
                    QStringLiteral("--partition"), QStringLiteral("w_2024_01"), QStringLiteral("--confirm"), name};
        else
            args = {QStringLiteral("db"), action, QStringLiteral("--server"), target().storableString(),
                    QStringLiteral("--name"), name, QStringLiteral("--confirm"), name, QStringLiteral("--reason"),
                    QStringLiteral("cut by a failover")};
        if (action == QLatin1String("move"))
            args << QStringLiteral("--to") << directServerSettings().storableString();
        args << QStringLiteral("--backup-dir") << backups.path();
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STATESCOPE_PG_BINDIR"), tools.path());
        cli.setProcessEnvironment(env);
        cli.setChildProcessModifier([] { ::setpgid(0, 0); });
        cli.start(qEnvironmentVariable("STATESCOPE_CLI"), args);
        QVERIFY(cli.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] { return QFileInfo::exists(started) || cli.state() != QProcess::Running; }, 60000)
                     && QFileInfo::exists(started),
                 cli.readAllStandardError().constData());
        if (kill) {
            QVERIFY(m_f.kill(m_f.nodeOnPort(before)));
            if (!QTest::qWaitFor([&] { return primaryPort() != before && primaryPort() != 0; }, 90000)) {
                const pg::FormationState st = pg::formation::read(target(), 12);
                for (const pg::FormationNode &n : st.nodes)
                    qWarning().noquote() << n.name << n.reportedState << n.assignedState << n.health;
                for (const pg::FormationEvent &e : st.events)
                    qWarning().noquote() << e.nodeName << e.reportedState << e.goalState << e.description;
                QFAIL("the secondary was not promoted");
            }
            QVERIFY(m_f.restart(m_f.nodeOnPort(before)));
        } else {
            m_f.failover();
        }
        QVERIFY2(settlesWith(0, 120000), "the formation did not settle after the failover");
        QVERIFY(primaryPort() != before);
        ::kill(-pid_t(cli.processId()), SIGKILL);
        cli.waitForFinished(10000);
        // Found on the new primary by the same string (the nodes share the system identifier),
        // as the old primary left it.
        const CliRun listed = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                      target().storableString(), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        auto primary = pg::Connection::open(target(), pg::Connection::Access::ReadWrite);
        auto count = [&] {
            return scalar(*pg::Connection::open(target(name), pg::Connection::Access::ReadWrite),
                          QStringLiteral("SELECT count(*) FROM public.w"));
        };
        QString op;
        if (archive) {
            // The partition detached and not yet dumped: a table of its own, out of the parent.
            for (const QJsonValue &v : listed.json().object().value(QStringLiteral("archives")).toArray())
                if (v.toObject().value(QStringLiteral("database")).toString() == name) {
                    op = v.toObject().value(QStringLiteral("op")).toString();
                    QCOMPARE(v.toObject().value(QStringLiteral("stranded")).toArray(),
                             QJsonArray{QStringLiteral("public.w_2024_01")});
                }
            QVERIFY2(!op.isEmpty(), qPrintable(listed.describe()));
            QVERIFY(count() < 5000);
        } else {
            for (const audit::Entry &e : audit::readJournal(1000))
                if (e.target == name && e.phase == QLatin1String("intent")) {
                    op = e.op;
                    break;
                }
            QVERIFY2(!op.isEmpty(), "the run journalled no intent");
            QString stage;
            for (const auto &v : listed.json().object().value(QStringLiteral("runs")).toArray())
                if (v.toObject().value(QStringLiteral("op")).toString() == op)
                    stage = v.toObject().value(QStringLiteral("stage")).toString();
            QCOMPARE(stage, QStringLiteral("not_dropped"));
            // The fence its old primary committed.
            QCOMPARE(scalar(*primary, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {name}), 0);
        }
        // Put back there: the fence down or the partition attached again, every row as it was,
        // and nothing of the run left on the server a move was going to.
        const CliRun restored = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                        target().storableString(), QStringLiteral("--op"), op, QStringLiteral("--restore"),
                                        QStringLiteral("--confirm"), name});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
        QCOMPARE(scalar(*primary, QStringLiteral("SELECT datconnlimit FROM pg_database WHERE datname = $1"), {name}), -1);
        QCOMPARE(count(), 5000);
        if (action == QLatin1String("move"))
            QCOMPARE(scalar(*test::connect(directServerSettings()),
                            QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {name}),
                     0);
        const CliRun after = runCli({QStringLiteral("db"), QStringLiteral("recover"), QStringLiteral("--server"),
                                     target().storableString(), QStringLiteral("--json")});
        QVERIFY2(after.exitCode == 0 && !after.out.contains(op.toUtf8()), qPrintable(after.describe()));
    }

    // A migration is one transaction: cut by a failover while it runs (its second version
    // asleep), the new primary has none of it, no version half-applied; run again there,
    // each version is applied once.
    void aMigrationCutByAFailoverIsAppliedOnceOnTheNewPrimary()
    {
        QVERIFY(settlesWith(0, 90000));
        pg::Connection::open(target(), pg::Connection::Access::ReadWrite)
            ->execScript(QStringLiteral("CREATE DATABASE week_cut_migration"));
        const pg::ConnectionSettings db = target(QStringLiteral("week_cut_migration"));
        auto files = [](const QByteArray &wait) {
            return migrate::MigrationSet::fromFiles(
                {{QStringLiteral("V1__one.sql"), "CREATE TABLE public.one (x int); INSERT INTO public.one VALUES (1);"},
                 {QStringLiteral("V2__two.sql"), wait + "CREATE TABLE public.two (x int); INSERT INTO public.two VALUES (2);"}});
        };
        const migrate::MigrationSet slow = files("SELECT pg_sleep(300);\n"), quick = files(QByteArray());
        const int before = primaryPort();
        std::optional<Error> failed;
        bool finished = false;
        std::thread run([&] {
            try {
                auto conn = pg::Connection::open(db, pg::Connection::Access::ReadWrite);
                migrate::Migrator(slow).migrate(*conn);
            } catch (const Error &e) {
                failed = e;
            } catch (...) {
                failed = Error::invalidInput(QStringLiteral("not an Error"));
            }
            finished = true;
        });
        auto watch = pg::Connection::open(target(), pg::Connection::Access::ReadWrite);
        const bool asleep = QTest::qWaitFor([&] {
            return scalar(*watch, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                                                 "AND datname = 'week_cut_migration'"))
                   == 1;
        }, 30000);
        watch.reset();
        if (asleep)
            m_f.failover();
        QDeadlineTimer ends(120000);
        while (!finished && !ends.hasExpired())
            QThread::msleep(100);
        if (!finished) // not to leave the thread behind: its session ended on the server
            pg::Connection::open(target(), pg::Connection::Access::ReadWrite)
                ->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                      "'week_cut_migration' AND pid <> pg_backend_pid()"));
        run.join();
        QVERIFY2(asleep, "the migration never reached its second version");
        QVERIFY2(failed, "the migration was not cut");
        QVERIFY2(settlesWith(0, 120000), "the formation did not settle after the failover");
        QVERIFY(primaryPort() != before);
        auto now = pg::Connection::open(db, pg::Connection::Access::ReadWrite);
        QCOMPARE(scalar(*now, QStringLiteral("SELECT (to_regclass('public.one') IS NULL)::int")), 1);
        QCOMPARE(migrate::Migrator(quick).status(*now).currentVersion, 0);
        QCOMPARE(migrate::Migrator(quick).migrate(*now).applied, (QList<int>{1, 2}));
        QCOMPARE(scalar(*now, QStringLiteral("SELECT count(*) FROM public.one")), 1);
        QCOMPARE(scalar(*now, QStringLiteral("SELECT count(*) FROM public.two")), 1);
        QCOMPARE(scalar(*now, QStringLiteral("SELECT count(*) FROM statescope.schema_history WHERE success")), 2);
    }

    // A shard set whose first member is a database of the formation (the second on the sandbox):
    // counted and routed as any set, and again after a failover, on the new primary, through
    // the same member string.
    void aShardSetMemberMayBeAFormation()
    {
        QVERIFY(settlesWith(0, 90000));
        pg::Connection::open(target(), pg::Connection::Access::ReadWrite)->execScript(QStringLiteral("CREATE DATABASE sh_fo"));
        makeShard(target(QStringLiteral("sh_fo")), {0, 1, 2, 3}, true);
        const pg::ConnectionSettings other = emptyDatabase(QStringLiteral("sh_plain"));
        makeShard(other, {4, 5, 6, 7}, true);
        const QStringList members{QStringLiteral("--member"), QStringLiteral("0-3:") + target(QStringLiteral("sh_fo")).storableString(),
                                  QStringLiteral("--member"), QStringLiteral("4-7:") + other.storableString(),
                                  QStringLiteral("--slots"), QStringLiteral("8"), QStringLiteral("--column"),
                                  QStringLiteral("shard_key"), QStringLiteral("--json")};
        const QString player = pg::Connection::open(target(QStringLiteral("sh_fo")), pg::Connection::Access::ReadOnly)
                                   ->exec(QStringLiteral("SELECT player_id::text FROM players ORDER BY username LIMIT 1"))
                                   .value(0, 0);
        QVERIFY(ruleValue(player) < 4);
        const auto check = [&] {
            const CliRun count = runCli(QStringList{QStringLiteral("shard"), QStringLiteral("count"), QStringLiteral("--table"),
                                                    QStringLiteral("players"), QStringLiteral("--exact")}
                                        + members);
            QVERIFY2(count.exitCode == 0, qPrintable(count.describe()));
            QCOMPARE(count.json().object().value(QStringLiteral("rows")).toInteger(), qint64(kPlayers));
            const CliRun row = runCli(QStringList{QStringLiteral("shard"), QStringLiteral("rows"), QStringLiteral("--table"),
                                                  QStringLiteral("players"), QStringLiteral("--where-col"),
                                                  QStringLiteral("player_id"), QStringLiteral("--eq"), player}
                                      + members);
            QVERIFY2(row.exitCode == 0, qPrintable(row.describe()));
            const QJsonArray rows = row.json().object().value(QStringLiteral("rows")).toArray();
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.at(0).toObject().value(QStringLiteral("player_id")).toString(), player);
        };
        check();
        if (QTest::currentTestFailed())
            return;
        const int before = primaryPort();
        m_f.failover();
        QVERIFY2(settlesWith(0, 120000), "the formation did not settle after the failover");
        QVERIFY(primaryPort() != before);
        check();
    }

    void badFormationStringsAreRefusedClearly()
    {
        const auto invalid = [](const QString &text) {
            const auto e = errorOf([&] { pg::ConnectionSettings::parse(text); });
            return e && e->kind() == Error::Kind::InvalidInput ? e->message() : QString();
        };
        QVERIFY(invalid(QStringLiteral("formation=default dbname=x")).contains(QLatin1String("monitor")));
        QVERIFY(invalid(QStringLiteral("monitor='postgres://m:1/pg_auto_failover' host=db1 dbname=x")).contains(QLatin1String("host")));
        QVERIFY(!invalid(QStringLiteral("monitor='not a string at all' formation=x")).isEmpty());
        // The monitor's password never reaches a stored string.
        const pg::ConnectionSettings secret = pg::ConnectionSettings::parse(
            QStringLiteral("monitor='postgres://autoctl_node:hunter2@127.0.0.1:1/pg_auto_failover' formation=f dbname=x"));
        QVERIFY(!secret.storableString().contains(QLatin1String("hunter2")));
        QCOMPARE(pg::ConnectionSettings::parse(secret.storableString()).value(QStringLiteral("formation")), QStringLiteral("f"));
        // A monitor that is not one, a formation it does not have: said, and nothing opened.
        const pg::ConnectionSettings sandbox = directServerSettings();
        const auto notMonitor = errorOf([&] {
            pg::Connection::open(pg::ConnectionSettings::parse(
                                     QStringLiteral("monitor='%1' formation=default dbname=postgres").arg(sandbox.storableString())),
                                 pg::Connection::Access::ReadOnly);
        });
        QVERIFY(notMonitor && notMonitor->message().contains(QLatin1String("not a pg_auto_failover monitor")));
        const CliRun none = runCli({QStringLiteral("query"), QStringLiteral("--db"),
                                    QStringLiteral("monitor='%1' formation=nosuch dbname=postgres").arg(m_f.monitor()),
                                    QStringLiteral("--sql"), QStringLiteral("SELECT 1"), QStringLiteral("--json")});
        QVERIFY2(none.exitCode != 0 && none.errorField("message").contains(QLatin1String("no formation \"nosuch\"")),
                 qPrintable(none.describe()));
    }
};

QTEST_GUILESS_MAIN(TstFormation)
#include "tst_formation.moc"
