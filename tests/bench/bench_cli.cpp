// Benchmark (not a test): whole processes, as people and scripts run them: statescope-cli
// against psql doing the same reading, taking turns, medians of N. Each run starts the
// program, connects, reads and exits, so what a command costs before and after its query
// (starting, logging in, finding the layout, waiting at exit) is in the figure.
//
//   STATESCOPE_CLI=build/dev/src/cli/statescope-cli bench_cli [--runs N] [--rows R]
//
//   --runs N  runs of each (default 21, alternating)
//   --rows R  rows in the table read (default 100000)
//
// The database (bench_cli_R: raw.api_events as seed 000 makes it) is kept for the next run.
// psql is the server's own (pg::clientProgram), run with -X (no ~/.psqlrc) and its output
// sent to /dev/null, as ours is.
#include "bench/benchdb.h"
#include "bench/benchutil.h"
#include "core/pg/pgtools.h"

#include <QCoreApplication>
#include <cstdio>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_cli: %s\n", qPrintable(why));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runs = option(args, QStringLiteral("--runs"), QStringLiteral("21")).toInt();
    const qint64 rows = option(args, QStringLiteral("--rows"), QStringLiteral("100000")).toLongLong();
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (cli.isEmpty())
        fail(QStringLiteral("set STATESCOPE_CLI to statescope-cli"));
    if (runs < 1 || rows < 1000)
        fail(QStringLiteral("--runs >= 1, --rows >= 1000"));
    const pg::ConnectionSettings db = ensure(
        QStringLiteral("bench_cli_%1").arg(rows),
        [rows](pg::Connection &c) {
            c.execScript(QStringLiteral(
                "CREATE SCHEMA raw; CREATE TABLE raw.api_events (id bigserial PRIMARY KEY, fetched_at timestamptz, "
                "  endpoint text, request_key text, status_code integer, payload jsonb, payload_hash text);"
                "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) "
                "SELECT timestamptz '2025-01-06 00:00+00' + g * interval '50 ms', "
                "  (ARRAY['/my/agent', '/my/ships', '/systems'])[1 + g % 3], '/my/ships?page=' || (g % 20), "
                "  200, jsonb_build_object('data', jsonb_build_object('n', g)), md5(g::text) "
                "FROM generate_series(1, %1) g;")
                             .arg(rows));
        },
        QStringLiteral("SELECT count(*) FROM raw.api_events"), rows);
    const QString conn = db.storableString();
    const QString psql = pg::clientProgram(QStringLiteral("psql"));
    std::printf("bench_cli: whole processes, medians of %d taking turns; %lld rows\n", runs, rows);

    struct Case
    {
        const char *what;
        QStringList ours;
        const char *baseline;
        QStringList theirs;
    };
    const auto viaPsql = [&](const QString &sql) {
        return QStringList{psql, QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                           QStringLiteral("-d"), conn, QStringLiteral("-c"), sql};
    };
    const QList<Case> cases = {
        {"start and exit (--version)", {cli, QStringLiteral("--version")}, "psql --version",
         {psql, QStringLiteral("--version")}},
        {"query 'SELECT 1'", {cli, QStringLiteral("query"), QStringLiteral("--db"), conn, QStringLiteral("--sql"), QStringLiteral("SELECT 1")},
         "psql -c 'SELECT 1'", viaPsql(QStringLiteral("SELECT 1"))},
        {"rows, first page of 100", {cli, QStringLiteral("rows"), QStringLiteral("--db"), conn, QStringLiteral("--table"), QStringLiteral("raw.api_events")},
         "psql ORDER BY id LIMIT 100", viaPsql(QStringLiteral("SELECT * FROM raw.api_events ORDER BY id LIMIT 100"))},
        {"query, every row", {cli, QStringLiteral("query"), QStringLiteral("--db"), conn, QStringLiteral("--sql"), QStringLiteral("SELECT * FROM raw.api_events")},
         "psql, every row", viaPsql(QStringLiteral("SELECT * FROM raw.api_events"))},
        {"layout show", {cli, QStringLiteral("layout"), QStringLiteral("show"), QStringLiteral("--db"), conn},
         "psql, relations and columns",
         viaPsql(QStringLiteral("SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples, c.relpages FROM pg_class c "
                                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') "
                                "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%';"
                                "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                                "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                                "WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT IN ('pg_catalog', "
                                "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"))},
    };
    for (const Case &c : cases) {
        std::vector<double> ours, theirs;
        for (int i = 0; i < runs + 1; ++i) { // the first of each is a warm-up (and finds the reader login)
            // Quiet: both print a row count or notices on stderr.
            const ChildRun a = runChild(c.ours, QProcessEnvironment::systemEnvironment(), true);
            const ChildRun b = runChild(c.theirs, QProcessEnvironment::systemEnvironment(), true);
            if (a.status != 0 || b.status != 0)
                fail(QStringLiteral("%1: exit %2 (ours), %3 (baseline)").arg(QLatin1String(c.what)).arg(a.status).arg(b.status));
            if (i > 0) {
                ours.push_back(a.ms);
                theirs.push_back(b.ms);
            }
        }
        std::printf("%-28s %9.1f ms  %-28s %9.1f ms  ratio %.2f\n", c.what, median(ours), c.baseline, median(theirs),
                    median(ours) / median(theirs));
        std::fflush(stdout);
    }
    return 0;
}
