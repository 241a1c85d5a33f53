// One big payload shown whole: `statescope-cli events show` (as JSON and as pretty text) of a
// payload of about 200 MiB, against psql printing the same value to /dev/null, in the same
// run. Each program's wall time and peak memory (the child's ru_maxrss, from wait4) are
// printed with the ratio to psql's and to the payload's size.
//
//   bench_payload [--mib 200] [--runs 3]
// Needs STATESCOPE_CLI (the statescope-cli binary) and psql on PATH.

#include "bench/benchutil.h"
#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/pg/pgtools.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcessEnvironment>

#include <cstdio>

using namespace statescope;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int mib = bench::option(args, QStringLiteral("--mib"), QStringLiteral("200")).toInt();
    const int runs = bench::option(args, QStringLiteral("--runs"), QStringLiteral("3")).toInt();
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (cli.isEmpty()) {
        std::fprintf(stderr, "STATESCOPE_CLI must name the statescope-cli binary\n");
        return 2;
    }
    const pg::ConnectionSettings db = test::freshDatabase(QStringLiteral("bench_payload"));
    qint64 id = 0;
    double payloadMiB = 0;
    {
        auto conn = pg::Connection::open(db);
        // Ships with a name, a position and a long log: about 900 bytes each as jsonb prints
        // them (jsonb's own form must stay under its 256 MiB limit).
        const qint64 ships = qint64(mib) * 1024 * 1024 / 900;
        id = conn->exec(QStringLiteral(
                            "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) "
                            "SELECT now(), '/my/ships', 'big', 200, jsonb_build_object('data', jsonb_agg(jsonb_build_object("
                            "'symbol', 'SHIP-' || g, 'nav', jsonb_build_object('x', g % 1000, 'y', g % 777), "
                            "'fuel', g % 400, 'log', repeat(md5(g::text), 25)))), repeat('0', 64) "
                            "FROM generate_series(1, $1) g RETURNING id"),
                        {ships})
                 .toLongLong(0, 0);
        payloadMiB = double(conn->exec(QStringLiteral("SELECT octet_length(payload::text) FROM raw.api_events WHERE id = $1"),
                                       {id})
                                .toLongLong(0, 0))
                     / (1024.0 * 1024.0);
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString conninfo = db.storableString();
    const QString psql = pg::clientProgram(QStringLiteral("psql"));
    const QStringList psqlArgs = {psql.isEmpty() ? QStringLiteral("psql") : psql, QStringLiteral("-X"), QStringLiteral("-At"),
                                  QStringLiteral("-d"), conninfo, QStringLiteral("-c"),
                                  QStringLiteral("SELECT payload FROM raw.api_events WHERE id = %1").arg(id)};
    const QStringList jsonArgs = {cli, QStringLiteral("events"), QStringLiteral("show"), QStringLiteral("--db"), conninfo,
                                  QStringLiteral("--id"), QString::number(id), QStringLiteral("--json")};
    QStringList textArgs = jsonArgs;
    textArgs.removeLast();

    std::printf("payload: %.1f MiB as jsonb prints it (event %lld), %d run(s) each, medians\n", payloadMiB,
                static_cast<long long>(id), runs);
    struct Case
    {
        const char *name;
        QStringList args;
    };
    const Case cases[] = {{"psql -At (baseline)", psqlArgs}, {"events show --json", jsonArgs}, {"events show (pretty)", textArgs}};
    double baseMs = 0;
    double baseMiB = 0;
    for (const Case &c : cases) {
        std::vector<double> times;
        std::vector<double> peaks;
        int status = 0;
        for (int i = 0; i < runs; ++i) {
            const bench::ChildRun r = bench::runChild(c.args, env);
            times.push_back(r.ms);
            peaks.push_back(r.peakMiB);
            status = r.status;
        }
        const double t = bench::median(times);
        const double peak = bench::median(peaks);
        if (baseMs == 0) {
            baseMs = t;
            baseMiB = peak;
        }
        std::printf("  %-24s %8.0f ms (%.2fx psql)  peak %7.1f MiB (%.2fx psql, %.2fx the payload)%s\n", c.name, t,
                    t / baseMs, peak, peak / baseMiB, peak / payloadMiB, status == 0 ? "" : "  FAILED");
    }
    test::dropDatabase(db.database());
    return 0;
}
