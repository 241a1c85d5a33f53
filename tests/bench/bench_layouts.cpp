// Benchmark (not a test): reading databases in the games' own layouts, next to raw libpq doing
// the same work in the same run; medians after one warm-up, ours and the baseline taking turns.
//
//   bench_layouts [--rows N] [--tables T] [--reps R] [--keep]
//
//   --rows N    rows in raw.api_events and in player_events (default 10000000)
//   --tables T  tables in the catalog-detection database (default 2000)
//   --partitions P  partitions in the big-catalog database, 1,000 per table (default 20000)
//   --databases D   weekly databases on the server for the sidebar figure (default 200)
//   --reps R    repetitions of each figure (default 51)
//   --keep      keep the databases (bench_layouts_*) for another run; they are reused
//
// 1. raw.api_events made as seed 000 makes it (primary key only): the first page newest
//    first through EventStore (paged by id, as no index serves the time order) vs PQexec of
//    the best query the indexes allow (ORDER BY id DESC LIMIT 200);
// 2. a page N/2 rows deep by keyset vs the first page;
// 3. player_events over 12 monthly partitions: a one-day page through the layout (parent
//    table, read under canonical names) vs PQexec on that day's partition directly;
// 4. layout detection on a database with T tables vs PQexec of a plain read of the relations
//    and their columns (a part of what detection reads: bench_catalog's baseline reads all of
//    it), and vs detection through the catalog reader the one reader (core/catalog) replaced;
// 5. a database of P partitions (monthly partitions over years, TimescaleDB-style chunks):
//    layout detection and the sidebar's schema tree vs PQexec of the relations and columns, and
//    detection vs the same through the old reader;
// 6. a server with D weekly databases (four years of resets): the sidebar's first fill (names,
//    sizes, sessions) vs PQexec of pg_database; the whole listing with each database's schema
//    state vs libpq doing that work (a connection to each database, as many lanes as ours).
#include "bench/benchdb.h"
#include "bench/benchutil.h"
#include "integration/catalog_legacy.h"
#include "core/events/eventstore.h"
#include "core/browse/schema.h"
#include "core/layout/layout.h"
#include "core/weekly/serveradmin.h"
#include "core/pg/connection.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <atomic>
#include <cstdio>
#include <functional>
#include <thread>
#include <libpq-fe.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_layouts: %s\n", qPrintable(why));
    std::exit(1);
}

void report(const char *what, double ours, const char *baseline, double base, const char *target)
{
    std::printf("%-52s %10.3f ms  %-44s %10.3f ms  ratio %.2f  (target %s)\n", what, ours, baseline,
                base, ours / base, target);
    std::fflush(stdout);
}

void libpq(PGconn *c, const QByteArray &sql)
{
    PGresult *r = PQexec(c, sql.constData());
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        fail(QString::fromUtf8(PQresultErrorMessage(r)));
    PQclear(r);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = option(args, QStringLiteral("--rows"), QStringLiteral("10000000")).toLongLong();
    const int tables = option(args, QStringLiteral("--tables"), QStringLiteral("2000")).toInt();
    const int reps = option(args, QStringLiteral("--reps"), QStringLiteral("51")).toInt();
    const int partitions = option(args, QStringLiteral("--partitions"), QStringLiteral("20000")).toInt();
    const int databases = option(args, QStringLiteral("--databases"), QStringLiteral("200")).toInt();
    if (rows < 1000 || tables < 10 || reps < 1 || partitions < 1000 || databases < 1 || databases > 520)
        fail(QStringLiteral("--rows >= 1000, --tables >= 10, --reps >= 1, --partitions >= 1000, "
                            "--databases 1..520"));
    std::printf("bench_layouts: %lld rows, %d tables, %d partitions, %d databases, %d repetitions (medians)\n",
                rows, tables, partitions, databases, reps);

    // 1, 2: seed 000's raw.api_events, primary key only.
    const pg::ConnectionSettings st = ensure(
        QStringLiteral("bench_layouts_st_%1").arg(rows),
        [rows](pg::Connection &c) {
            c.execScript(QStringLiteral(
                "CREATE SCHEMA raw; CREATE SCHEMA core; CREATE SCHEMA metrics;"
                "CREATE TABLE raw.api_events (id bigserial PRIMARY KEY, fetched_at timestamptz, "
                "  endpoint text, request_key text, status_code integer, payload jsonb, payload_hash text);"
                "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) "
                "SELECT timestamptz '2025-01-06 00:00+00' + g * interval '50 ms', "
                "  (ARRAY['/my/agent', '/my/ships', '/systems'])[1 + g % 3], '/my/ships?page=' || (g % 20), "
                "  CASE WHEN g % 97 = 0 THEN 429 ELSE 200 END, jsonb_build_object('data', jsonb_build_object('n', g)), "
                "  md5(g::text) FROM generate_series(1, %1) g;")
                             .arg(rows));
        },
        QStringLiteral("SELECT count(*) FROM raw.api_events"), rows);
    {
        auto conn = pg::Connection::open(st, pg::Connection::Access::ReadOnly);
        events::EventStore store(*conn);
        store.prepare();
        if (!store.pagesById())
            fail(QStringLiteral("raw.api_events unexpectedly has a time index"));
        PGconn *raw = PQconnectdb(st.conninfo().toUtf8().constData());
        if (PQstatus(raw) != CONNECTION_OK)
            fail(QString::fromUtf8(PQerrorMessage(raw)));
        const auto [first, base] = race(
            reps, [&] { store.page({}, std::nullopt, events::EventStore::Direction::Older, 200); },
            [&] {
                libpq(raw, "SELECT id, fetched_at, endpoint, request_key, status_code, payload_hash, "
                           "octet_length(payload::text) FROM raw.api_events ORDER BY id DESC LIMIT 200");
            });
        report("first page, newest first (PK only, by id)", first, "libpq ORDER BY id DESC LIMIT 200", base,
               "<= 1.5x");
        events::EventKey deep;
        deep.id = rows / 2;
        deep.time = QByteArrayLiteral("x"); // any: paged by id
        const auto [deepPage, firstAgain] = race(
            reps, [&] { store.page({}, deep, events::EventStore::Direction::Older, 200); },
            [&] { store.page({}, std::nullopt, events::EventStore::Direction::Older, 200); });
        report("page N/2 deep (keyset on id)", deepPage, "first page (ours)", firstAgain, "<= 1.5x");
        PQfinish(raw);
    }

    // 3: player_events over 12 monthly partitions.
    const pg::ConnectionSettings ml = ensure(
        QStringLiteral("bench_layouts_ml_%1").arg(rows),
        [rows](pg::Connection &c) {
            QString ddl = QStringLiteral(
                "CREATE TABLE public.player_events (event_id bigserial, player_id uuid NOT NULL, "
                "  event_type varchar(64) NOT NULL, event_data jsonb, occurred_at timestamptz NOT NULL) "
                "PARTITION BY RANGE (occurred_at);");
            for (int m = 1; m <= 12; ++m)
                ddl += QStringLiteral("CREATE TABLE public.player_events_2025_%1 PARTITION OF public.player_events "
                                      "FOR VALUES FROM ('2025-%1-01 00:00+00') TO ('%2-%3-01 00:00+00');")
                           .arg(m, 2, 10, QLatin1Char('0'))
                           .arg(m == 12 ? 2026 : 2025)
                           .arg(m == 12 ? 1 : m + 1, 2, 10, QLatin1Char('0'));
            ddl += QStringLiteral(
                "CREATE INDEX idx_events_player_time ON public.player_events (player_id, occurred_at DESC);"
                "CREATE INDEX idx_events_type_time ON public.player_events (event_type, occurred_at DESC);"
                "CREATE INDEX idx_events_time ON public.player_events (occurred_at DESC);"
                "INSERT INTO public.player_events (player_id, event_type, event_data, occurred_at) "
                "SELECT md5((g % 100000)::text)::uuid, (ARRAY['crop_harvested', 'purchase', 'login'])[1 + g % 3], "
                "  jsonb_build_object('n', g), timestamptz '2025-01-01 00:00+00' + (g::double precision / %1) "
                "  * interval '364 days' FROM generate_series(1, %1) g;")
                       .arg(rows);
            c.execScript(ddl);
        },
        QStringLiteral("SELECT count(*) FROM public.player_events"), rows);
    {
        auto conn = pg::Connection::open(ml, pg::Connection::Access::ReadOnly);
        const auto lay = layout::of(*conn);
        const QString viaLayout = lay->sql(QStringLiteral(
            "SELECT e.id, e.player_id, e.event_type, e.event_data, e.occurred_at FROM {player_events e} "
            "WHERE e.occurred_at >= $1 AND e.occurred_at < $2 ORDER BY e.occurred_at DESC LIMIT 200"));
        PGconn *raw = PQconnectdb(ml.conninfo().toUtf8().constData());
        const auto [ours, base] = race(
            reps,
            [&] {
                conn->exec(viaLayout, {QStringLiteral("2025-05-14 00:00+00"), QStringLiteral("2025-05-15 00:00+00")});
            },
            [&] {
                libpq(raw, "SELECT event_id, player_id, event_type, event_data, occurred_at FROM "
                           "public.player_events_2025_05 WHERE occurred_at >= '2025-05-14 00:00+00' AND "
                           "occurred_at < '2025-05-15 00:00+00' ORDER BY occurred_at DESC LIMIT 200");
            });
        report("one-day page of player_events (parent, layout)", ours, "libpq on that month's partition", base,
               "<= 1.5x");
        PQfinish(raw);
    }

    // 4: detection on a big catalog.
    const pg::ConnectionSettings big = ensure(
        QStringLiteral("bench_layouts_catalog_%1").arg(tables),
        [tables](pg::Connection &c) {
            // In batches: one transaction locking thousands of new tables runs out of locks.
            for (int from = 1; from <= tables; from += 100)
                c.exec(QStringLiteral(
                    "DO $$ BEGIN FOR i IN %1..%2 LOOP EXECUTE format('CREATE TABLE public.t%s (id bigserial "
                    "PRIMARY KEY, player_id uuid, name text, amount integer, data jsonb, created_at timestamptz, "
                    "updated_at timestamptz)', i); EXECUTE format('CREATE INDEX ON public.t%s (player_id, "
                    "created_at)', i); END LOOP; END $$")
                           .arg(from)
                           .arg(std::min(tables, from + 99)));
        },
        QStringLiteral("SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"),
        tables);
    {
        auto conn = pg::Connection::open(big, pg::Connection::Access::ReadOnly);
        PGconn *raw = PQconnectdb(big.conninfo().toUtf8().constData());
        const auto [ours, base] = race(
            std::max(5, reps / 5), [&] { layout::detect(*conn); },
            [&] {
                libpq(raw, "SELECT c.oid, n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
                           "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a "
                           "ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE c.relkind IN "
                           "('r', 'p', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')");
            });
        report(qPrintable(QStringLiteral("layout detection, %1 tables (once per connection)").arg(tables)), ours,
               "libpq, relations and columns alone", base, "< 100 ms");
        // The one catalog reader against the detection reader it replaced (frozen in the tests).
        const auto [now, before] = race(
            std::max(5, reps / 5), [&] { layout::detect(*conn); },
            [&] { layout::detectIn(*conn, test::legacy::readCatalog(*conn, false)); });
        report(qPrintable(QStringLiteral("layout detection, %1 tables").arg(tables)), now,
               "the same with the old detection reader", before, "<= 1.0x");
        PQfinish(raw);
    }

    // 5: partitions by the thousand, 1,000 per partitioned table (a day each).
    const int parents = (partitions + 999) / 1000;
    const pg::ConnectionSettings parted = ensure(
        QStringLiteral("bench_layouts_partitions_%1").arg(partitions),
        [parents](pg::Connection &c) {
            for (int t = 1; t <= parents; ++t) {
                c.exec(QStringLiteral("CREATE TABLE public.m%1 (id bigint, player_id uuid, occurred_at timestamptz "
                                      "NOT NULL, data jsonb, PRIMARY KEY (id, occurred_at)) "
                                      "PARTITION BY RANGE (occurred_at)")
                           .arg(t));
                // In batches: each new partition locks its parent and itself.
                for (int from = 0; from < 1000; from += 100)
                    c.exec(QStringLiteral(
                        "DO $$ BEGIN FOR i IN %2..%3 LOOP EXECUTE format('CREATE TABLE public.m%1_%s PARTITION "
                        "OF public.m%1 FOR VALUES FROM (%L) TO (%L)', lpad(i::text, 4, '0'), "
                        "timestamptz '2020-01-01 00:00+00' + i * interval '1 day', "
                        "timestamptz '2020-01-01 00:00+00' + (i + 1) * interval '1 day'); END LOOP; END $$")
                               .arg(t)
                               .arg(from)
                               .arg(from + 99));
            }
        },
        QStringLiteral("SELECT count(*) FROM pg_class WHERE relispartition AND relkind = 'r'"), qint64(parents) * 1000);
    {
        auto conn = pg::Connection::open(parted, pg::Connection::Access::ReadOnly);
        PGconn *raw = PQconnectdb(parted.conninfo().toUtf8().constData());
        const char *same = "SELECT c.oid, n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
                           "pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                           "c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT "
                           "a.attisdropped WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN "
                           "('pg_catalog', 'information_schema')";
        const auto [detect, base] = race(std::max(5, reps / 5), [&] { layout::detect(*conn); }, [&] { libpq(raw, same); });
        report(qPrintable(QStringLiteral("layout detection, %1 partitions").arg(qint64(parents) * 1000)), detect,
               "libpq, relations and columns alone", base, "< 1000 ms");
        const auto [now, before] = race(
            std::max(5, reps / 5), [&] { layout::detect(*conn); },
            [&] { layout::detectIn(*conn, test::legacy::readCatalog(*conn, false)); });
        report(qPrintable(QStringLiteral("layout detection, %1 partitions").arg(qint64(parents) * 1000)), now,
               "the same with the old detection reader", before, "<= 1.0x");
        const auto [tree, base2] = race(std::max(5, reps / 5), [&] { browse::readSchemaTree(*conn); },
                                        [&] { libpq(raw, same); });
        report(qPrintable(QStringLiteral("schema tree, %1 partitions").arg(qint64(parents) * 1000)), tree,
               "libpq, relations and columns alone", base2, "< 1000 ms");
        PQfinish(raw);
    }

    // 6: a server with D weekly databases, 52 a year from 2023.
    QStringList weeks;
    for (int i = 0; i < databases; ++i)
        weeks << QStringLiteral("benchweeks_%1_w%2").arg(2023 + i / 52).arg(i % 52 + 1, 2, 10, QLatin1Char('0'));
    {
        auto server = test::connect(test::serverSettings());
        const qint64 have = server->exec(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE "
                                                        "'benchweeks\\_%'"))
                                .toLongLong(0, 0);
        if (have != databases) {
            std::printf("making %d databases...\n", databases);
            std::fflush(stdout);
            for (const QString &name : weeks)
                if (server->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), {name}).rowCount() == 0)
                    server->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        }
        const weekly::ServerAdmin admin(test::serverSettings());
        PGconn *raw = PQconnectdb(test::serverSettings().conninfo().toUtf8().constData());
        const char *names = "SELECT datname, pg_database_size(oid) FROM pg_database WHERE NOT datistemplate";
        const auto [first, base] = race(std::max(5, reps / 5), [&] { admin.listNames(); }, [&] { libpq(raw, names); });
        report(qPrintable(QStringLiteral("sidebar's first fill, %1 databases").arg(databases)), first,
               "libpq reading pg_database with sizes", base, "< 1000 ms");
        // The strongest honest baseline for the whole listing does its work: the names and
        // sizes, then a connection to each database, as many at a time as ours, and the same
        // question of each (our history, our bookkeeping, the other tools' history tables and
        // the user tables that say whether it was made by hand), in one statement.
        const char *state =
            "SELECT to_regclass('statescope.schema_history') IS NOT NULL, "
            "to_regclass('statescope.bookkeeping_history') IS NOT NULL, "
            "ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'statescope') "
            "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 21)::text, "
            "ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v') AND c.relname IN ('flyway_schema_history', 'schema_version', "
            "'alembic_version', '_sqlx_migrations', 'schema_migrations', 'db_version', 'schema_info', "
            "'migration_version', 'version', 'schema_history', 'bookkeeping_history') "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema'))::text";
        const auto everyState = [&] {
            libpq(raw, names);
            std::atomic<int> next{0};
            const auto lane = [&] {
                for (int i = next++; i < weeks.size(); i = next++) {
                    PGconn *db = PQconnectdb(test::serverSettings().withDatabase(weeks.at(i)).conninfo().toUtf8().constData());
                    if (PQstatus(db) != CONNECTION_OK)
                        fail(QString::fromUtf8(PQerrorMessage(db)));
                    libpq(db, state);
                    PQfinish(db);
                }
            };
            std::vector<std::thread> lanes;
            for (int t = 0; t < weekly::ServerAdmin::kListParallelism; ++t)
                lanes.emplace_back(lane);
            for (std::thread &t : lanes)
                t.join();
        };
        const auto [full, base2] = race(3, [&] { admin.list(); }, everyState);
        report(qPrintable(QStringLiteral("listing with schema states, %1 databases").arg(databases)), full,
               "libpq: names, then each database's state, as many lanes", base2, "in the background");
        PQfinish(raw);
    }

    if (args.contains(QStringLiteral("--keep")))
        return 0;
    auto server = test::connect(test::serverSettings());
    for (const QString &name : QStringList{st.database(), ml.database(), big.database(), parted.database()} + weeks)
        server->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    return 0;
}
