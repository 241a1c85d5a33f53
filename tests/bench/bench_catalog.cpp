// Benchmark (not a test): the catalog reads over a sweep of catalog sizes, each next to libpq
// reading the same catalog rows in the same run, with the catalog's statistics as wrong as a
// database that grew since its last ANALYZE leaves them: autovacuum is off for the run and the
// catalogs are analyzed while the database is still empty, so the planner believes a handful
// of rows at every size (the case that made the old relations statement take seconds).
//
//   bench_catalog [--partitions LIST] [--tables LIST] [--reps R] [--processes N]
//
//   --partitions  sizes of the partitioned database, 1,000 partitions a table at most
//                 (default 500,1000,2000,3000,5000,7000,10000,20000)
//   --tables      sizes of the plain database, each table with a primary key and an index
//                 (default 10,100,500,1000,2000,5000,10000,20000)
//   --reps R      repetitions of each library figure (default 7; medians, taking turns)
//   --processes N repetitions of each whole-process figure (default 11), when
//                 STATESCOPE_CLI names statescope-cli: `layout show` against psql reading the
//                 same rows, alternating
//
// At each size: layout detection (the one catalog reader's Shape and the layout made of it),
// the schema tree, and the relations statement the reader used before it read index pages on
// their own (kept here, as it was), each against libpq. The databases grow in place
// (bench_catalog_partitions, bench_catalog_tables) and are dropped at the end.
#include "bench/benchdb.h"
#include "bench/benchutil.h"
#include "core/browse/schema.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <cstdio>
#include <libpq-fe.h>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_catalog: %s\n", qPrintable(why));
    std::exit(1);
}

void libpq(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        fail(QString::fromUtf8(PQresultErrorMessage(r)));
    PQclear(r);
}

void report(const QString &what, double ours, const char *baseline, double base)
{
    std::printf("%-44s %10.2f ms  %-30s %9.2f ms  ratio %5.2f\n", qPrintable(what), ours, baseline, base, ours / base);
    std::fflush(stdout);
}

// What libpq reads as the same catalog rows as detection: the user relations with their
// sizes and partition bounds (printed the cheapest way, as ours are: without opening each
// partition), their columns, their indexes; plain statements sent as one, asking for the
// relations by OID as ours do (>= 16384: nothing made by initdb).
#define STATESCOPE_USER " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
const char *kSameRows =
    "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, c.relispartition, c.reltuples, c.relpages, "
    "pg_get_expr(c.relpartbound, 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND" STATESCOPE_USER ";"
    "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attnum "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE a.attrelid >= 16384 AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition "
    "AND" STATESCOPE_USER ";"
    "SELECT x.indrelid, ic.relname, x.indisprimary, x.indisunique, x.indisvalid, x.indkey "
    "FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE x.indrelid >= 16384 AND NOT c.relispartition AND" STATESCOPE_USER;
#undef STATESCOPE_USER

// The relations statement of the catalog reader until it read index pages on their own (as
// detection ran it: definitions off).
const char *kOldRelations =
    "WITH idx AS (SELECT x.indrelid, sum(ic.relpages) AS pages FROM pg_index x"
    "             JOIN pg_class ic ON ic.oid = x.indexrelid GROUP BY x.indrelid),"
    " own AS (SELECT c.oid, c.relpages + coalesce(tc.relpages, 0) + coalesce(idx.pages, 0) AS pages"
    "         FROM pg_class c LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid"
    "         LEFT JOIN idx ON idx.indrelid = c.oid WHERE c.relkind IN ('r', 'p', 'm', 'f'))"
    " SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, c.relpersistence::text,"
    "        c.relispartition, c.relrowsecurity, c.relforcerowsecurity, c.reltuples,"
    "        coalesce(o.pages, 0)::bigint * current_setting('block_size')::bigint,"
    "        CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, fs.srvname"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN own o ON o.oid = c.oid"
    " LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid"
    " LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY n.nspname, c.relname";

QList<int> sizes(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 100000 || (!out.isEmpty() && n <= out.last()))
            fail(QStringLiteral("sizes are rising whole numbers from 1 to 100000: %1").arg(text));
        out << n;
    }
    return out;
}

struct Sweep
{
    int reps = 7;
    int processes = 11;
    QString cli;

    void measure(const pg::ConnectionSettings &db, const QString &label) const
    {
        auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
        PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
        if (PQstatus(raw) != CONNECTION_OK)
            fail(QString::fromUtf8(PQerrorMessage(raw)));
        const auto [detect, base] = race(reps, [&] { layout::detect(*conn); }, [&] { libpq(raw, kSameRows); });
        report(QStringLiteral("layout detection, %1").arg(label), detect, "libpq, the same rows", base);
        const auto [tree, base2] = race(reps, [&] { browse::readSchemaTree(*conn); }, [&] { libpq(raw, kSameRows); });
        report(QStringLiteral("schema tree, %1").arg(label), tree, "libpq, the same rows", base2);
        const auto [old, base3] = race(std::min(reps, 3), [&] { libpq(raw, kOldRelations); },
                                       [&] { libpq(raw, kSameRows); });
        report(QStringLiteral("the old relations statement, %1").arg(label), old, "libpq, the same rows", base3);
        PQfinish(raw);
        if (cli.isEmpty())
            return;
        std::vector<double> ours, theirs;
        for (int i = 0; i < processes; ++i) {
            ours.push_back(runChild({cli, QStringLiteral("layout"), QStringLiteral("show"), QStringLiteral("--db"),
                                     db.storableString()})
                               .ms);
            theirs.push_back(runChild({pg::clientProgram(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-q"),
                                       QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-d"),
                                       db.storableString(), QStringLiteral("-c"), QString::fromLatin1(kSameRows)})
                                 .ms);
        }
        report(QStringLiteral("CLI layout show, %1").arg(label), median(ours), "psql, the same rows", median(theirs));
    }
};

// A new database whose catalogs are analyzed while it is empty.
pg::ConnectionSettings emptyAnalyzed(pg::Connection &server, const QString &name)
{
    server.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    server.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    const pg::ConnectionSettings db = test::serverSettings().withDatabase(name);
    test::connect(db)->exec(QStringLiteral("ANALYZE pg_class, pg_attribute, pg_index, pg_inherits, pg_constraint, "
                                           "pg_type, pg_namespace, pg_depend"));
    return db;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QList<int> partitions =
        sizes(option(args, QStringLiteral("--partitions"), QStringLiteral("500,1000,2000,3000,5000,7000,10000,20000")));
    const QList<int> tables =
        sizes(option(args, QStringLiteral("--tables"), QStringLiteral("10,100,500,1000,2000,5000,10000,20000")));
    Sweep sweep;
    sweep.reps = option(args, QStringLiteral("--reps"), QStringLiteral("7")).toInt();
    sweep.processes = option(args, QStringLiteral("--processes"), QStringLiteral("11")).toInt();
    sweep.cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (sweep.reps < 1 || sweep.processes < 1)
        fail(QStringLiteral("--reps and --processes are at least 1"));
    std::printf("bench_catalog: statistics from the empty database (autovacuum off); medians of %d (processes: %d, "
                "%s)\n",
                sweep.reps, sweep.processes, sweep.cli.isEmpty() ? "not run: STATESCOPE_CLI unset" : "alternating");

    auto server = test::connect(test::serverSettings());
    server->exec(QStringLiteral("ALTER SYSTEM SET autovacuum = off"));
    server->exec(QStringLiteral("SELECT pg_reload_conf()"));
    const auto restore = qScopeGuard([&] {
        server->exec(QStringLiteral("ALTER SYSTEM RESET autovacuum"));
        server->exec(QStringLiteral("SELECT pg_reload_conf()"));
    });

    // Partitions: tables of 1,000 daily partitions each, filled up to each size in turn.
    const pg::ConnectionSettings parted = emptyAnalyzed(*server, QStringLiteral("bench_catalog_partitions"));
    {
        auto conn = test::connect(parted);
        int have = 0;
        for (const int size : partitions) {
            while (have < size) {
                const int table = have / 1000 + 1, from = have % 1000;
                const int upto = std::min({from + 99, 999, from + (size - have) - 1});
                if (from == 0)
                    conn->exec(QStringLiteral("CREATE TABLE public.m%1 (id bigint, player_id uuid, occurred_at "
                                              "timestamptz NOT NULL, data jsonb, PRIMARY KEY (id, occurred_at)) "
                                              "PARTITION BY RANGE (occurred_at)")
                                   .arg(table));
                conn->exec(QStringLiteral(
                    "DO $$ BEGIN FOR i IN %2..%3 LOOP EXECUTE format('CREATE TABLE public.m%1_%s PARTITION "
                    "OF public.m%1 FOR VALUES FROM (%L) TO (%L)', lpad(i::text, 4, '0'), "
                    "timestamptz '2020-01-01 00:00+00' + i * interval '1 day', "
                    "timestamptz '2020-01-01 00:00+00' + (i + 1) * interval '1 day'); END LOOP; END $$")
                               .arg(table)
                               .arg(from)
                               .arg(upto));
                have += upto - from + 1;
            }
            sweep.measure(parted, QStringLiteral("%1 partitions").arg(size));
        }
    }
    // Plain tables, each with its primary key and an index.
    const pg::ConnectionSettings plain = emptyAnalyzed(*server, QStringLiteral("bench_catalog_tables"));
    {
        auto conn = test::connect(plain);
        int have = 0;
        for (const int size : tables) {
            while (have < size) {
                const int upto = std::min(have + 100, size);
                conn->exec(QStringLiteral(
                               "DO $$ BEGIN FOR i IN %1..%2 LOOP EXECUTE format('CREATE TABLE public.t%s (id bigserial "
                               "PRIMARY KEY, player_id uuid, name text, amount integer, data jsonb, created_at "
                               "timestamptz, updated_at timestamptz)', i); EXECUTE format('CREATE INDEX ON public.t%s "
                               "(player_id, created_at)', i); END LOOP; END $$")
                               .arg(have + 1)
                               .arg(upto));
                have = upto;
            }
            sweep.measure(plain, QStringLiteral("%1 tables").arg(size));
        }
    }
    for (const pg::ConnectionSettings &db : {parted, plain})
        server->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db.database()));
    return 0;
}
