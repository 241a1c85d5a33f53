// Comparing resets, measured beside baselines taken in the same run (docs/PERFORMANCE.md):
//   data compare   rows diff of two tables of N rows, 5% of them changed, against psql COPYing
//                  both tables out; the CLI's peak memory (ru_maxrss)
//   family query   one statement on W weeks, 2 at a time, against the sum of the single weeks
//                  divided by 2; when the first rows arrived against when the second week ended
//   schema compare two databases of T tables each: read both catalogs and compare
//
//   bench_compare [--rows 1000000] [--weeks 52] [--tables 2000] [--only data|family|schema]
// Needs STATESCOPE_CLI and psql. Data is made in the test sandbox (STATESCOPE_TEST_SANDBOX).

#include "bench/benchutil.h"
#include "support/testserver.h"

#include "core/browse/familyquery.h"
#include "core/catalog/schemadiff.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/task/canceltoken.h"
#include "core/weekly/family.h"
#include "core/weekly/serveradmin.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace statescope;

namespace {

QString psql()
{
    const QString p = pg::clientProgram(QStringLiteral("psql"));
    return p.isEmpty() ? QStringLiteral("psql") : p;
}

void dataCompare(qint64 rows)
{
    const pg::ConnectionSettings a = test::emptyDatabase(QStringLiteral("bcmp_a"));
    const pg::ConnectionSettings b = test::emptyDatabase(QStringLiteral("bcmp_b"));
    const QString make = QStringLiteral(
        "CREATE TABLE public.ships (id bigint PRIMARY KEY, symbol text, fuel int, cargo jsonb, seen timestamptz);"
        "INSERT INTO public.ships SELECT g, 'SHIP-' || g, g % 400, jsonb_build_object('iron', g % 40, 'gold', g % 7), "
        "  timestamptz '2025-01-06' + g * interval '1 second' FROM generate_series(1, %1) g;"
        "ANALYZE public.ships;")
                             .arg(rows);
    test::connect(a)->execScript(make);
    test::connect(b)->execScript(make + QStringLiteral("UPDATE public.ships SET fuel = fuel + 1 WHERE id % 20 = 0;"));
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    std::vector<double> ours, copies, peaks;
    for (int run = 0; run < 3; ++run) {
        const bench::ChildRun r = bench::runChild({cli, QStringLiteral("rows"), QStringLiteral("diff"), QStringLiteral("--db"),
                                                   a.storableString(), QStringLiteral("--db"), b.storableString(),
                                                   QStringLiteral("--table"), QStringLiteral("ships"), QStringLiteral("--limit"),
                                                   QStringLiteral("0")});
        ours.push_back(r.ms);
        peaks.push_back(r.peakMiB);
        double copy = 0;
        for (const auto &db : {a, b})
            copy += bench::runChild({psql(), QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), db.storableString(),
                                     QStringLiteral("-c"), QStringLiteral("COPY public.ships TO STDOUT")})
                        .ms;
        copies.push_back(copy);
    }
    const double t = bench::median(ours), base = bench::median(copies);
    std::printf("data compare, %lld rows, 5%% changed:  rows diff %.0f ms  |  psql COPY of both %.0f ms  ->  %.2fx  "
                "(peak %.1f MiB)\n",
                static_cast<long long>(rows), t, base, t / base, bench::median(peaks));
    test::dropDatabase(a.database());
    test::dropDatabase(b.database());
}

void familyQuery(int weeks)
{
    const QString prefix = QStringLiteral("bfam%1").arg(QCoreApplication::applicationPid());
    const weekly::ServerAdmin admin(test::serverSettings());
    QStringList names;
    for (int w = 1; w <= weeks; ++w) {
        const QString name = QStringLiteral("%1_2025_w%2").arg(prefix).arg(w, 2, 10, QLatin1Char('0'));
        auto conn = test::connect(test::serverSettings());
        conn->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        test::connect(admin.databaseSettings(name))
            ->execScript(QStringLiteral("CREATE TABLE public.events (id bigint PRIMARY KEY, kind int);"
                                        "INSERT INTO public.events SELECT g, g % 13 FROM generate_series(1, 200000) g;"
                                        "ANALYZE public.events;"));
        names << name;
    }
    const weekly::Family family = weekly::Family::list({{{}, test::serverSettings(), {}}}, prefix);
    const QString sql = QStringLiteral("SELECT kind, count(*), sum(id) FROM public.events GROUP BY kind");
    // Each week alone, one at a time.
    double single = 0;
    for (const weekly::FamilyWeek &w : family.weeks()) {
        QElapsedTimer t;
        t.start();
        CancelToken token;
        browse::FamilyQuery::Options one;
        one.parallelism = 1;
        browse::FamilyQuery::run({w}, sql, one, [](const browse::FamilyBatch &) { return true; }, token);
        single += bench::ms(t);
    }
    QElapsedTimer t;
    t.start();
    double firstRows = -1, secondDone = -1;
    int done = 0;
    CancelToken token;
    browse::FamilyQuery::run(family.weeks(), sql, {}, [&](const browse::FamilyBatch &b) {
        if (b.kind == browse::FamilyBatch::Kind::Rows && firstRows < 0)
            firstRows = bench::ms(t);
        if (b.kind == browse::FamilyBatch::Kind::Done && ++done == 2)
            secondDone = bench::ms(t);
        return true;
    }, token);
    const double all = bench::ms(t);
    std::printf("family query, %d weeks of 200,000 rows, 2 at a time:  %.0f ms  |  single weeks %.0f ms / 2 = %.0f ms  ->  "
                "%.2fx;  first rows after %.0f ms, second week done after %.0f ms\n",
                weeks, all, single, single / 2, all / (single / 2), firstRows, secondDone);
    for (const QString &n : names)
        test::dropDatabase(n);
}

void schemaCompare(int tables)
{
    QStringList dbs;
    for (int side = 0; side < 2; ++side) {
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("bsch"));
        dbs << db.database();
        QString ddl;
        for (int i = 0; i < tables; ++i)
            ddl += QStringLiteral("CREATE TABLE public.t%1 (id bigint PRIMARY KEY, name text NOT NULL, v jsonb, "
                                  "at timestamptz DEFAULT now(), CONSTRAINT t%1_name_ck CHECK (name <> ''));"
                                  "CREATE INDEX t%1_at_idx ON public.t%1 (at);")
                       .arg(i);
        if (side == 1)
            ddl += QStringLiteral("ALTER TABLE public.t7 ADD COLUMN extra int;");
        auto conn = test::connect(db);
        // In chunks: one transaction per 200 tables keeps within the lock table.
        const QStringList statements = ddl.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (int at = 0; at < statements.size(); at += 400)
            conn->execScript(QStringList(statements.mid(at, 400)).join(QLatin1Char(';')));
    }
    std::vector<double> times, baseline;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        auto a = pg::Connection::open(test::serverSettings().withDatabase(dbs[0]), pg::Connection::Access::ReadOnly);
        auto b = pg::Connection::open(test::serverSettings().withDatabase(dbs[1]), pg::Connection::Access::ReadOnly);
        const catalog::SchemaDiff d =
            catalog::SchemaDiff::compare(catalog::SchemaSnapshot::read(*a), catalog::SchemaSnapshot::read(*b));
        times.push_back(bench::ms(t));
        if (d.changes.size() != 1)
            std::printf("  (unexpected: %lld changes)\n", static_cast<long long>(d.changes.size()));
        // The baseline: libpq reading the same catalog rows (pg_attribute of both databases).
        QElapsedTimer raw;
        raw.start();
        for (const QString &name : dbs)
            pg::Connection::open(test::serverSettings().withDatabase(name), pg::Connection::Access::ReadOnly)
                ->exec(QStringLiteral("SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                                      "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace"));
        baseline.push_back(bench::ms(raw));
    }
    std::printf("schema compare, %d tables each:  %.0f ms  |  libpq reading their columns %.0f ms\n", tables,
                bench::median(times), bench::median(baseline));
    for (const QString &n : dbs)
        test::dropDatabase(n);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString only = bench::option(args, QStringLiteral("--only"));
    if (qEnvironmentVariableIsEmpty("STATESCOPE_CLI")) {
        std::fprintf(stderr, "STATESCOPE_CLI must name the statescope-cli binary\n");
        return 2;
    }
    if (only.isEmpty() || only == QLatin1String("data"))
        dataCompare(bench::option(args, QStringLiteral("--rows"), QStringLiteral("1000000")).toLongLong());
    if (only.isEmpty() || only == QLatin1String("family"))
        familyQuery(bench::option(args, QStringLiteral("--weeks"), QStringLiteral("52")).toInt());
    if (only.isEmpty() || only == QLatin1String("schema"))
        schemaCompare(bench::option(args, QStringLiteral("--tables"), QStringLiteral("2000")).toInt());
    return 0;
}
