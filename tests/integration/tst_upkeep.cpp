// Marketland+'s upkeep on its own shape: monthly partitions continued across a year
// boundary (directly and through pg_partman), partitions archived only when their dump
// restores to the same row count, the 30-day archive of completed jobs, autovacuum
// settings, an index rebuilt concurrently (and a cancelled rebuild's invalid copy dropped),
// pg_cron's jobs read from the cron database; the refusals, and the CLI twins.
#include "core/audit/auditlog.h"
#include "core/demo/shapes.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/sandbox/sandbox.h"
#include "core/task/worker.h"
#include "core/upkeep/maintenance.h"
#include "core/upkeep/partitions.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>


#include <thread>

#include <csignal>

using namespace statescope;
using namespace statescope::upkeep;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

qint64 attached(pg::Connection &conn, const QString &partition)
{
    return test::scalar(conn, QStringLiteral("SELECT count(*) FROM pg_inherits WHERE inhrelid = to_regclass($1)"),
                        {partition});
}

} // namespace

class TestUpkeep : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;

    pg::ConnectionSettings fresh(const QString &hint)
    {
        const pg::ConnectionSettings db = test::emptyDatabase(hint);
        auto conn = test::connect(db);
        demo::DemoOptions o;
        o.events = 50;
        o.games = 2;
        o.snapshots = 4;
        demo::seedShape(*conn, demo::Shape::Marketland, o);
        return db;
    }

private slots:
    void initTestCase() { m_db = fresh(QStringLiteral("upkeep")); }
    void cleanupTestCase() { test::dropDatabase(m_db.database()); }

    void partitionsAreReadWithTheirScheme()
    {
        auto conn = test::connect(m_db);
        const PartitionedTable t = partitionedTable(*conn, QStringLiteral("player_events"));
        QCOMPARE(t.displayName(), QStringLiteral("public.player_events"));
        QCOMPARE(t.column, QStringLiteral("occurred_at"));
        QCOMPARE(t.partitions.size(), 3);
        QCOMPARE(t.partitions[0].name, QStringLiteral("player_events_2025_10"));
        QCOMPARE(t.partitions[0].from, utc("2025-10-01T00:00:00Z"));
        QCOMPARE(t.partitions[2].to, utc("2026-01-01T00:00:00Z"));
        QCOMPARE(t.scheme.step, Scheme::Step::Month);
        QCOMPARE(t.scheme.prefix, QStringLiteral("player_events_"));
        QVERIFY2(t.scheme.expectedForm().startsWith(QLatin1String("player_events_YYYY_MM")), qPrintable(t.scheme.expectedForm()));
        QVERIFY(t.partmanSchema.isEmpty());
        // Not partitioned by time: not offered.
        const auto err = test::errorOf([&] { partitionedTable(*conn, QStringLiteral("players")); });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput); // the CLI's exit 2: bad input, nothing done
        QVERIFY2(err->hint().contains(QLatin1String("public.player_events")), qPrintable(err->hint()));
    }

    void createContinuesTheSchemeAcrossTheYear()
    {
        const pg::ConnectionSettings db = fresh(QStringLiteral("upkeep_create"));
        auto conn = test::connect(db);
        // One period past 2025-12-10: January's partition, nothing more.
        const CreatePlan ahead = Partitions::planCreate(*conn, QStringLiteral("player_events"), 1, {}, utc("2025-12-10T00:00:00Z"));
        QCOMPARE(ahead.toCreate.size(), 1);
        QCOMPARE(ahead.toCreate[0].name, QStringLiteral("player_events_2026_01"));
        const CreatePlan plan = Partitions::planCreate(*conn, QStringLiteral("public.player_events"), 1,
                                                       QStringLiteral("2026-03-01"));
        QCOMPARE(plan.toCreate.size(), 2);
        QCOMPARE(plan.toCreate[1].name, QStringLiteral("player_events_2026_02"));
        QCOMPARE(plan.statements[0],
                 QStringLiteral("CREATE TABLE \"public\".\"player_events_2026_01\" PARTITION OF \"public\".\"player_events\" "
                                "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00')"));
        // The name typed wrong: nothing made.
        auto err = test::errorOf([&] {
            Partitions::create(*conn, QStringLiteral("player_events"), 1, QStringLiteral("2026-03-01"),
                               QStringLiteral("other"), {});
        });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        QCOMPARE(attached(*conn, QStringLiteral("public.player_events_2026_01")), 0);
        Partitions::create(*conn, QStringLiteral("player_events"), 1, QStringLiteral("2026-03-01"), db.database(),
                           QStringLiteral("next months"));
        QCOMPARE(attached(*conn, QStringLiteral("public.player_events_2026_01")), 1);
        QCOMPARE(attached(*conn, QStringLiteral("public.player_events_2026_02")), 1);
        // A row of February lands in February's partition.
        conn->exec(QStringLiteral("INSERT INTO public.player_events (player_id, event_type, occurred_at) "
                                  "SELECT player_id, 'login', '2026-02-15 12:00+00' FROM public.players LIMIT 1"));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events_2026_02")), 1);
        // Journalled: intent, then done, same operation.
        const QList<audit::Entry> journal = audit::readJournal(20);
        QVERIFY(!journal.isEmpty());
        QCOMPARE(journal.first().action, QStringLiteral("create_partitions"));
        QCOMPARE(journal.first().phase, QStringLiteral("done"));
        QCOMPARE(journal.at(1).phase, QStringLiteral("intent"));
        QCOMPARE(journal.at(1).op, journal.first().op);
        // Nothing left to make up to that bound.
        err = test::errorOf([&] {
            Partitions::create(*conn, QStringLiteral("player_events"), 1, QStringLiteral("2026-03-01"), db.database(), {});
        });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        conn.reset();
        test::dropDatabase(db.database());
    }

    void boundsAndNamesOutsideTheSchemeAreRefused()
    {
        auto conn = test::connect(m_db);
        for (const QString &bad : {QStringLiteral("2026-02-15"), QStringLiteral("March"), QStringLiteral("2026-3-1")}) {
            const auto err = test::errorOf([&] { Partitions::planCreate(*conn, QStringLiteral("player_events"), 1, bad); });
            QVERIFY2(err && err->kind() == Error::Kind::InvalidInput, qPrintable(bad));
            QVERIFY2(err->message().contains(QLatin1String("player_events_YYYY_MM")), qPrintable(err->message()));
        }
        QVERIFY(test::errorOf([&] { Partitions::planCreate(*conn, QStringLiteral("player_events"), 121); }));
        // A partition that is not one of the table's: refused with the form they have.
        const auto err = test::errorOf([&] {
            Partitions::planArchive(*conn, QStringLiteral("player_events"), 6, {QStringLiteral("player_events_2025-10")});
        });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        QVERIFY2(err->message().contains(QLatin1String("player_events_YYYY_MM")), qPrintable(err->message()));
        // Too young for the age asked: refused, says when it ends.
        const auto young = test::errorOf([&] {
            Partitions::planArchive(*conn, QStringLiteral("player_events"), 6, {QStringLiteral("player_events_2025_12")},
                                    utc("2026-03-01T00:00:00Z"));
        });
        QVERIFY(young && young->message().contains(QLatin1String("2026-01-01")));
        // Partitions named without a pattern: listed, but nothing is continued.
        conn->execScript(QStringLiteral(
            "CREATE TABLE public.odd (at timestamptz NOT NULL) PARTITION BY RANGE (at);"
            "CREATE TABLE public.odd_first PARTITION OF public.odd FOR VALUES FROM ('2025-01-01+00') TO ('2025-02-01+00');"
            "CREATE TABLE public.odd_second PARTITION OF public.odd FOR VALUES FROM ('2025-02-01+00') TO ('2025-03-01+00');"));
        const PartitionedTable odd = partitionedTable(*conn, QStringLiteral("odd"));
        QVERIFY(!odd.scheme.known());
        const auto none = test::errorOf([&] { Partitions::planCreate(*conn, QStringLiteral("odd"), 1); });
        QVERIFY(none && none->message().contains(QLatin1String("no scheme")));
        conn->exec(QStringLiteral("DROP TABLE public.odd"));
    }

    void archiveDropsOnlyWhatItsDumpGivesBack()
    {
        const pg::ConnectionSettings db = fresh(QStringLiteral("upkeep_archive"));
        auto conn = test::connect(db);
        const QDateTime now = utc("2026-05-15T00:00:00Z"); // six months before: 2025-11-15
        const ArchivePlan plan = Partitions::planArchive(*conn, QStringLiteral("player_events"), 6, {}, now);
        QCOMPARE(plan.toArchive.size(), 1);
        QCOMPARE(plan.toArchive[0].name, QStringLiteral("player_events_2025_10"));
        QVERIFY(plan.concurrently);
        const qint64 october = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events_2025_10"));
        QVERIFY(october > 0);
        QTemporaryDir backups;

        // A pg_restore that brings the table back without its rows: nothing is dropped, the
        // partition is attached again with every row.
        QTemporaryDir tools;
        const QString realRestore = pg::clientProgram(QStringLiteral("pg_restore"));
        const QDir bin = QFileInfo(pg::clientProgram(QStringLiteral("postgres"))).absoluteDir();
        for (const QString &program : bin.entryList(QDir::Files | QDir::Executable))
            if (program != QLatin1String("pg_restore"))
                QFile::link(bin.filePath(program), QDir(tools.path()).filePath(program));
        QFile wrapper(QDir(tools.path()).filePath(QStringLiteral("pg_restore")));
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write(QStringLiteral("#!/bin/sh\nexec '%1' --schema-only \"$@\"\n").arg(realRestore).toUtf8());
        wrapper.close();
        wrapper.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("STATESCOPE_PG_BINDIR", tools.path().toLocal8Bit());
        auto err = test::errorOf([&] {
            Partitions::archive(*conn, db, QStringLiteral("player_events"), 6, {}, backups.path(), db.database(), {},
                                nullptr, now);
        });
        qunsetenv("STATESCOPE_PG_BINDIR");
        QVERIFY(err && err->kind() == Error::Kind::Conflict);
        QVERIFY2(err->message().contains(QLatin1String("restored 0 rows")), qPrintable(err->message()));
        QCOMPARE(attached(*conn, QStringLiteral("public.player_events_2025_10")), 1);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events WHERE occurred_at < '2025-11-01'")),
                 october);
        // No scratch database stays behind.
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'statescope\\_check\\_' "
                                                    "|| left($1, 32) || '%'"), {db.database()}),
                 0);

        // The real thing: detached, dumped, checked, dropped.
        const ArchiveResult r = Partitions::archive(*conn, db, QStringLiteral("player_events"), 6, {}, backups.path(),
                                                    db.database(), QStringLiteral("six months"), nullptr, now);
        QCOMPARE(r.archived, QStringList{QStringLiteral("public.player_events_2025_10")});
        QCOMPARE(r.rows, QList<qint64>{october});
        QVERIFY(QFileInfo(r.dumps[0]).isFile());
        QVERIFY(r.dumps[0].startsWith(backups.path()));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'player_events_2025_10'")), 0);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.player_events WHERE occurred_at < '2025-11-01'")), 0);
        // The dump holds every row: restored into a database of its own, counted.
        const pg::ConnectionSettings check = test::emptyDatabase(QStringLiteral("upkeep_check"));
        {
            auto c = test::connect(check);
            QProcess restore;
            restore.setProcessEnvironment(pg::environmentFor(check));
            restore.start(pg::clientProgram(QStringLiteral("pg_restore")),
                          {QStringLiteral("--no-owner"), QStringLiteral("--dbname"), check.database(), r.dumps[0]});
            QVERIFY(restore.waitForFinished(60000));
            QCOMPARE(test::scalar(*c, QStringLiteral("SELECT count(*) FROM public.player_events_2025_10")), october);
        }
        test::dropDatabase(check.database());
        // The journal has each step of the run.
        QStringList phases;
        for (const audit::Entry &e : audit::readJournal(20))
            if (e.op == r.operationId)
                phases.prepend(e.phase);
        QCOMPARE(phases, (QStringList{QStringLiteral("intent"), QStringLiteral("detaching"), QStringLiteral("detached"),
                                      QStringLiteral("dumped"), QStringLiteral("scratch"), QStringLiteral("dropped"),
                                      QStringLiteral("done")}));
        conn.reset();
        test::dropDatabase(db.database());
    }

    void partmanMakesThePartitionsItManages()
    {
        auto conn = test::connect(m_db);
        if (test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_partman'")) == 0)
            QSKIP("pg_partman is not installed (Debian: postgresql-15-partman)");
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("upkeep_partman"));
        auto pm = test::connect(db);
        pm->execScript(QStringLiteral(
            "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman;"
            "CREATE TABLE public.events (id bigserial, at timestamptz NOT NULL) PARTITION BY RANGE (at);"));
        pm->exec(QStringLiteral("SELECT partman.create_parent('public.events', 'at', 'native', 'monthly', "
                                "p_premake := 1, p_start_partition := '2025-10-01')"));
        const PartitionedTable t = partitionedTable(*pm, QStringLiteral("events"));
        QCOMPARE(t.partmanSchema, QStringLiteral("partman"));
        QVERIFY2(t.scheme.known(), qPrintable(t.scheme.problem));
        QCOMPARE(t.scheme.prefix, QStringLiteral("events_p"));
        QVERIFY(t.hasDefault());
        QDateTime last;
        for (const Partition &p : t.partitions)
            if (!p.isDefault)
                last = p.to;
        const QString until = last.addMonths(2).date().toString(Qt::ISODate);
        const CreatePlan plan = Partitions::create(*pm, QStringLiteral("events"), 1, until, db.database(), {});
        QVERIFY(plan.viaPartman);
        QCOMPARE(plan.toCreate.size(), 2);
        QVERIFY2(plan.statements[0].contains(QLatin1String("create_partition_time")), qPrintable(plan.statements[0]));
        for (const Partition &p : plan.toCreate)
            QCOMPARE(attached(*pm, QStringLiteral("public.") + p.name), 1);
        // With a default partition, a detach cannot be CONCURRENTLY: the plan says so.
        QVERIFY(!Partitions::planArchive(*pm, QStringLiteral("events"), 0).concurrently);
        pm.reset();
        test::dropDatabase(db.database());
    }

    void completedJobsMoveToTheArchiveInOneStatement()
    {
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("INSERT INTO public.processing_jobs (player_id, building_type, recipe, starts_at, "
                                  "finishes_at, is_complete, output_qty, xp_reward) SELECT player_id, 'barn', 'feed', "
                                  "now() - interval '6 days', now() - interval '5 days', true, 1, 1 FROM public.players"));
        const qint64 total = test::scalar(*conn, QStringLiteral("SELECT (SELECT count(*) FROM public.processing_jobs) + "
                                                                "(SELECT count(*) FROM public.processing_jobs_archive)"));
        const qint64 due = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs WHERE is_complete "
                                                              "AND finishes_at < now() - interval '30 days'"));
        QVERIFY(due > 0);
        const JobsArchivePlan plan = Maintenance::planJobsArchive(*conn);
        QCOMPARE(plan.rows, due);
        QCOMPARE(plan.archive, QStringLiteral("public.processing_jobs_archive"));
        QVERIFY(test::errorOf([&] { Maintenance::archiveJobs(*conn, 30, {}, QStringLiteral("nope"), {}); }));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs_archive")), 0);
        const JobsArchivePlan done = Maintenance::archiveJobs(*conn, 30, {}, m_db.database(), QStringLiteral("monthly"));
        QCOMPARE(done.rows, due);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs_archive")), due);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs WHERE is_complete "
                                                    "AND finishes_at < now() - interval '30 days'")),
                 0);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT (SELECT count(*) FROM public.processing_jobs) + "
                                                    "(SELECT count(*) FROM public.processing_jobs_archive)")),
                 total);
        // The young completed jobs and the unfinished ones stay.
        QVERIFY(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs WHERE is_complete")) > 0);
        QVERIFY(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.processing_jobs WHERE NOT is_complete")) > 0);
        // A table that is not a jobs table, days out of range: refused.
        auto err = test::errorOf([&] { Maintenance::planJobsArchive(*conn, 30, QStringLiteral("players")); });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        err = test::errorOf([&] { Maintenance::planJobsArchive(*conn, -1); });
        QVERIFY(err && err->kind() == Error::Kind::InvalidInput);
        err = test::errorOf([&] { Maintenance::planJobsArchive(*conn, 30, QStringLiteral("no_such_jobs")); });
        QVERIFY(err && err->kind() == Error::Kind::NotFound);
    }

    void autovacuumSettingsAreShownAndChanged()
    {
        auto conn = test::connect(m_db);
        auto settingsOf = [&](const QString &table) {
            for (const TableVacuum &t : Maintenance::vacuumSettings(*conn))
                if (t.table == table)
                    return t;
            return TableVacuum();
        };
        QCOMPARE(settingsOf(QStringLiteral("processing_jobs")).options.value(QStringLiteral("autovacuum_vacuum_scale_factor")),
                 QStringLiteral("0.01"));
        const QString db = m_db.database();
        for (const auto &[name, value] : {std::pair{QStringLiteral("autovacuum_nonsense"), QStringLiteral("1")},
                                          std::pair{QStringLiteral("autovacuum_vacuum_scale_factor"), QStringLiteral("0.5x")},
                                          std::pair{QStringLiteral("autovacuum_vacuum_scale_factor"), QStringLiteral("101")},
                                          std::pair{QStringLiteral("autovacuum_vacuum_cost_limit"), QStringLiteral("1.5")},
                                          std::pair{QStringLiteral("autovacuum_enabled"), QStringLiteral("yes please")}}) {
            const auto err = test::errorOf([&] {
                Maintenance::setVacuumSettings(*conn, QStringLiteral("processing_jobs"), {{name, value}}, db, {});
            });
            QVERIFY2(err && err->kind() == Error::Kind::InvalidInput, qPrintable(name + QLatin1Char('=') + value));
        }
        const TableVacuum after = Maintenance::setVacuumSettings(
            *conn, QStringLiteral("processing_jobs"),
            {{QStringLiteral("autovacuum_vacuum_scale_factor"), QStringLiteral("0.05")},
             {QStringLiteral("autovacuum_analyze_scale_factor"), QString()}},
            db, QStringLiteral("less eager"));
        QCOMPARE(after.options.value(QStringLiteral("autovacuum_vacuum_scale_factor")), QStringLiteral("0.05"));
        QVERIFY(!after.options.contains(QStringLiteral("autovacuum_analyze_scale_factor")));
        // The values before are journalled: the way back.
        const audit::Entry intent = audit::readJournal(5).at(1);
        QCOMPARE(intent.phase, QStringLiteral("intent"));
        QCOMPARE(intent.details["before"]["autovacuum_analyze_scale_factor"].get<std::string>(), std::string("0.005"));
    }

    void anIndexIsRebuiltAndACancelledRebuildLeavesNothing()
    {
        auto conn = test::connect(m_db);
        const QList<IndexInfo> all = Maintenance::indexes(*conn, 100);
        QVERIFY(std::any_of(all.begin(), all.end(), [](const IndexInfo &i) { return i.name == QLatin1String("idx_jobs_player_active"); }));
        const qint64 oid = test::scalar(*conn, QStringLiteral("SELECT 'public.idx_jobs_player_active'::regclass::oid::bigint"));
        const IndexInfo done = Maintenance::reindex(*conn, m_db, QStringLiteral("idx_jobs_player_active"), m_db.database(), {});
        QVERIFY(done.valid);
        QVERIFY(test::scalar(*conn, QStringLiteral("SELECT 'public.idx_jobs_player_active'::regclass::oid::bigint")) != oid);

        // A transaction with an old snapshot makes the rebuild wait once its new copy exists;
        // cancelled there, that copy (invalid, _ccnew) is dropped.
        auto holder = test::connect(m_db);
        holder->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"));
        holder->exec(QStringLiteral("SELECT count(*) FROM public.players"));
        CancelToken token;
        QStringList seen;
        TaskContext ctx(token, [&](int, int, const QString &text) {
            seen << text;
            if (text.contains(QLatin1String("waiting for old snapshots")))
                token.cancel();
        });
        std::thread safety([&] {
            // Never wait forever for the phase: cancel after 30 s whatever was seen.
            for (int i = 0; i < 300 && !token.isCancelled(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            token.cancel();
        });
        const auto err = test::errorOf([&] {
            Maintenance::reindex(*conn, m_db, QStringLiteral("public.idx_jobs_finishes"), m_db.database(), {}, &ctx);
        });
        safety.join();
        holder->exec(QStringLiteral("ROLLBACK"));
        QVERIFY(err && err->kind() == Error::Kind::Cancelled);
        QVERIFY2(seen.join(QLatin1Char('|')).contains(QLatin1String("waiting for old snapshots")),
                 qPrintable(seen.join(QLatin1Char('|'))));
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname LIKE '%ccnew%'")), 0);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_index WHERE NOT indisvalid")), 0);
        QVERIFY(test::errorOf([&] {
            Maintenance::reindex(*conn, m_db, QStringLiteral("no_such_index"), m_db.database(), {});
        }));
    }

    void cronJobsAreReadFromTheCronDatabase()
    {
        auto conn = test::connect(m_db);
        const CronListing none = Maintenance::cronJobs(*conn, m_db);
        QVERIFY(!none.available);
        QVERIFY2(none.problem.contains(QLatin1String("pg_cron")), qPrintable(none.problem));
        if (test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_cron'")) == 0)
            QSKIP("pg_cron is not installed (Debian: postgresql-15-cron)");
        // A server of its own that loads pg_cron, its jobs kept in "postgres".
        QTemporaryDir dir(QStringLiteral("/tmp/ssct-cron-XXXXXX"));
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        o.extraSettings = {QStringLiteral("shared_preload_libraries = 'pg_cron'"),
                           QStringLiteral("cron.database_name = 'postgres'")};
        sandbox::Sandbox box(o);
        sandbox::Info server;
        try {
            server = box.start();
        } catch (const Error &e) {
            QFAIL(qPrintable(e.oneLine() + QLatin1Char(' ') + e.detail()));
        }
        try {
            auto admin = pg::Connection::open(server.settings);
            admin->exec(QStringLiteral("CREATE EXTENSION pg_cron"));
            admin->exec(QStringLiteral("CREATE DATABASE marketland_2026_w01"));
            admin->exec(QStringLiteral("SELECT cron.schedule_in_database('create_events_partition', '0 0 25 * *', "
                                       "'SELECT 1', 'marketland_2026_w01')"));
            admin->exec(QStringLiteral("SELECT cron.schedule_in_database('elsewhere', '0 * * * *', 'SELECT 1', 'postgres')"));
            admin->exec(QStringLiteral("INSERT INTO cron.job_run_details (jobid, runid, job_pid, database, username, command, "
                                       "status, return_message, start_time, end_time) SELECT jobid, 1, 4242, database, "
                                       "username, command, 'succeeded', 'SELECT 1', '2026-10-25 00:00+00', "
                                       "'2026-10-25 00:00:01+00' FROM cron.job WHERE jobname = 'create_events_partition'"));
        } catch (const Error &e) {
            box.stop();
            QFAIL(qPrintable(e.oneLine()));
        }
        const pg::ConnectionSettings game = server.settings.withDatabase(QStringLiteral("marketland_2026_w01"));
        auto g = pg::Connection::open(game, pg::Connection::Access::ReadOnly);
        CronListing l;
        try {
            l = Maintenance::cronJobs(*g, game);
        } catch (const Error &e) {
            g.reset();
            box.stop();
            QFAIL(qPrintable(e.oneLine()));
        }
        QVERIFY2(l.available, qPrintable(l.problem));
        QCOMPARE(l.cronDatabase, QStringLiteral("postgres"));
        QCOMPARE(l.jobs.size(), 1); // only this database's
        QCOMPARE(l.jobs[0].name, QStringLiteral("create_events_partition"));
        QCOMPARE(l.jobs[0].schedule, QStringLiteral("0 0 25 * *"));
        QCOMPARE(l.jobs[0].lastStatus, QStringLiteral("succeeded"));
        QCOMPARE(l.jobs[0].lastStart, utc("2026-10-25T00:00:00Z"));
        g.reset();
        box.stop();
    }

    void theCliShowsFirstAndRefusesBadInput()
    {
        QVERIFY2(test::cliIsExecutable(), test::kNoCli);
        const QString db = m_db.storableString();
        test::CliRun run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("partitions"), QStringLiteral("--db"), db,
                                   QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.isEmpty(), run.err.constData()); // no option asked for that the command lacks
        const QJsonObject events = run.json().array().at(0).toObject();
        QCOMPARE(events.value(QStringLiteral("table")).toString(), QStringLiteral("public.player_events"));
        QVERIFY(events.value(QStringLiteral("partitions")).toArray().size() >= 3);
        // A preview changes nothing.
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("create-partitions"), QStringLiteral("--db"), db,
                            QStringLiteral("--table"), QStringLiteral("player_events"), QStringLiteral("--until"),
                            QStringLiteral("2026-02-01"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.json().object().value(QStringLiteral("partitions")).toArray().size(), 1);
        QCOMPARE(run.json().object().value(QStringLiteral("created")).toBool(), false);
        auto conn = test::connect(m_db);
        QCOMPARE(attached(*conn, QStringLiteral("public.player_events_2026_01")), 0);
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("create-partitions"), QStringLiteral("--db"), db,
                            QStringLiteral("--table"), QStringLiteral("player_events"), QStringLiteral("--until"),
                            QStringLiteral("2026-02-10"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errorField("message").contains(QLatin1String("player_events_YYYY_MM")));
        // A table that is not partitioned: bad input, exit 2.
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("create-partitions"), QStringLiteral("--db"), db,
                            QStringLiteral("--table"), QStringLiteral("players"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errorField("message").contains(QLatin1String("players")), qPrintable(run.describe()));
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("archive-jobs"), QStringLiteral("--db"), db,
                            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(qint64(run.json().object().value(QStringLiteral("rows")).toDouble()),
                 Maintenance::planJobsArchive(*conn).rows);
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("autovacuum"), QStringLiteral("--db"), db,
                            QStringLiteral("--table"), QStringLiteral("processing_jobs"), QStringLiteral("--set"),
                            QStringLiteral("autovacuum_vacuum_scale_factor=lots"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("reindex"), QStringLiteral("--db"), db,
                            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(!run.json().array().isEmpty());
        run = test::runCli({QStringLiteral("upkeep"), QStringLiteral("cron"), QStringLiteral("--db"), db,
                            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.json().object().value(QStringLiteral("available")).toBool(), false);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestUpkeep)
#include "tst_upkeep.moc"
