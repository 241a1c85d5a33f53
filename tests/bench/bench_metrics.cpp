// Benchmark (not a test): metrics next to baselines doing the same work in the same run.
//
//   bench_metrics [--events N] [--db CONN] [--week-events M] [--prefix P] [--keep]
//
//   --events N       events in the week measured (default 200000; seeded into a fresh
//                    database unless --db names one already seeded)
//   --week-events M  events in each of the 4 weeks compared (default 50000; seeded into a
//                    fresh family unless --prefix names one with at least 4 weeks)
//   --keep           leave the databases created here
//
// 1. hourly events per endpoint: metrics::run against psql and raw libpq running the very
//    statement run() sends (values written in), median of 5;
// 2. LTTB of a 1,000,000-point series down to 1000 points, against one pass keeping each
//    bucket's min and max (the least a data-dependent downsampling does);
// 3. compare() over 4 weeks in parallel, against the slowest single week run alone
//    (connect, reset start, run) and the 4 weeks one after the other, median of 5.
#include "bench/benchutil.h"
#include "core/demo/demogenerator.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>
#include <libpq-fe.h>
#include <vector>

using namespace statescope;

using namespace statescope::bench;

namespace {

void line(const char *what, double ours, const char *baseline, double base)
{
    std::printf("%-40s %10.2f ms   %-44s %10.2f ms   ratio %.2f\n", what, ours, baseline, base,
                ours / base);
    std::fflush(stdout);
}

void seed(const pg::ConnectionSettings &db, qint64 events, quint64 seedValue,
          const QDateTime &start)
{
    auto conn = pg::Connection::open(db);
    demo::DemoOptions o;
    o.events = events;
    o.games = 4;
    o.snapshots = 0;
    o.seed = seedValue;
    o.start = start;
    QElapsedTimer t;
    t.start();
    demo::seed(*conn, o);
    std::fprintf(stderr, "seeded %s with %lld events in %.1f s\n", qPrintable(db.database()),
                 static_cast<long long>(events), ms(t) / 1000);
}

// The statement metrics::run sends for "events" per hour, with its bound values written in.
const char *kEventsSql =
    "SELECT (extract(epoch FROM b) * 1000)::bigint, s, v FROM (SELECT date_bin('3600 "
    "seconds'::interval, fetched_at, '2000-01-01T00:00:00Z'::timestamptz) AS b, "
    "coalesce(endpoint, '(null)') AS s, (count(*))::float8 AS v FROM raw.api_events WHERE "
    "fetched_at IS NOT NULL GROUP BY 1, 2) q ORDER BY 1, 2";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events =
        option(args, QStringLiteral("--events"), QStringLiteral("200000")).toLongLong();
    const qint64 weekEvents =
        option(args, QStringLiteral("--week-events"), QStringLiteral("50000")).toLongLong();
    const bool keep = args.contains(QStringLiteral("--keep"));
    QStringList created;

    // ---- 1. one metric on one week ------------------------------------------------------
    pg::ConnectionSettings db;
    if (const QString given = option(args, QStringLiteral("--db")); !given.isEmpty()) {
        db = pg::ConnectionSettings::parse(given);
    } else {
        db = test::freshDatabase(QStringLiteral("bench_metrics"));
        created << db.database();
        seed(db, events, 20250101, QDateTime(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc()));
    }
    auto conn = pg::Connection::open(db);
    const qint64 rows =
        conn->exec(QStringLiteral("SELECT count(*) FROM raw.api_events")).toLongLong(0, 0);
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
    if (PQstatus(raw) != CONNECTION_OK) {
        std::fprintf(stderr, "%s\n", PQerrorMessage(raw));
        return 1;
    }
    metrics::Query q;
    q.metric = QStringLiteral("events");
    q.bucket = metrics::Bucket::Hour;
    std::vector<double> ours, viaPsql, viaLibpq;
    int points = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto set = metrics::run(*conn, q);
        ours.push_back(ms(t));
        points = 0;
        for (const auto &s : set.series)
            points += int(s.points.size());

        QProcess psql;
        psql.setProcessEnvironment(pg::environmentFor(db));
        t.restart();
        psql.start(pg::clientProgram(QStringLiteral("psql")),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                    QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-c"), QString::fromLatin1(kEventsSql)});
        psql.waitForFinished(-1);
        viaPsql.push_back(ms(t));
        if (psql.exitCode() != 0) {
            std::fprintf(stderr, "psql: %s\n", psql.readAllStandardError().constData());
            return 1;
        }

        t.restart();
        PGresult *r = PQexec(raw, kEventsSql);
        viaLibpq.push_back(ms(t));
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            std::fprintf(stderr, "%s\n", PQerrorMessage(raw));
            return 1;
        }
        PQclear(r);
    }
    std::printf("week: %lld events; events per endpoint per hour: %d points (gaps filled)\n",
                static_cast<long long>(rows), points);
    line("events/endpoint/hour, metrics::run", median(ours),
         "psql -c (same statement, new process)", median(viaPsql));
    line("events/endpoint/hour, metrics::run", median(ours), "libpq PQexec (same statement)",
         median(viaLibpq));
    PQfinish(raw);

    // ---- 2. LTTB --------------------------------------------------------------------------
    QList<metrics::Point> big;
    big.reserve(1'000'000);
    const QDateTime t0(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc());
    quint64 x = 88172645463325252ULL; // xorshift: the same series every run
    for (int i = 0; i < 1'000'000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        big.append(metrics::Point{t0.addMSecs(qint64(i) * 600), double(x % 100000) / 10.0});
    }
    std::vector<double> lttb, minmax;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto down = metrics::downsampleLttb(big, 1000);
        lttb.push_back(ms(t));
        if (down.size() != 1000)
            return 1;
        // The least a data-dependent downsampling does: read every point's time and value
        // once, keeping each bucket's lowest and highest (M4-style).
        t.restart();
        QList<metrics::Point> kept;
        kept.reserve(2000);
        const qsizetype per = big.size() / 1000;
        for (qsizetype b = 0; b < big.size(); b += per) {
            qsizetype lo = b, hi = b;
            qint64 when = 0;
            for (qsizetype j = b; j < std::min(b + per, big.size()); ++j) {
                when += big[j].t.toMSecsSinceEpoch();
                if (big[j].value < big[lo].value)
                    lo = j;
                if (big[j].value > big[hi].value)
                    hi = j;
            }
            kept.append(big[std::min(lo, hi)]);
            kept.append(big[std::max(lo, hi)]);
            if (when == 0)
                return 1;
        }
        minmax.push_back(ms(t));
        if (kept.size() != 2000)
            return 1;
    }
    line("LTTB 1,000,000 -> 1000 points", median(lttb), "min/max per bucket (one pass, 2000 pts)",
         median(minmax));

    // ---- 3. compare 4 weeks -----------------------------------------------------------------
    const pg::ConnectionSettings server = test::serverSettings();
    QStringList weeks;
    if (const QString prefix = option(args, QStringLiteral("--prefix")); !prefix.isEmpty()) {
        for (const auto &d : weekly::ServerAdmin(server).list(prefix))
            if (d.weekly && weeks.size() < 4)
                weeks << d.name;
    } else {
        const QString family = QStringLiteral("benchm%1").arg(QCoreApplication::applicationPid());
        const weekly::ServerAdmin admin(server);
        for (int w = 1; w <= 4; ++w) {
            const weekly::WeeklyName name(family, 2025, w);
            admin.create(name.databaseName());
            created << name.databaseName();
            weeks << name.databaseName();
            seed(server.withDatabase(name.databaseName()), weekEvents, quint64(w),
                 QDateTime(name.monday(), QTime(0, 0), QTimeZone::utc()));
        }
    }
    if (weeks.size() < 4) {
        std::fprintf(stderr, "need 4 weeks, found %lld\n", static_cast<long long>(weeks.size()));
        return 1;
    }
    std::vector<double> together, slowest, sequential;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const auto results = metrics::compare(server, weeks, q, metrics::Align::Reset);
        together.push_back(ms(t));
        for (const auto &r : results) {
            if (!r.error.isEmpty()) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(r.database), qPrintable(r.error));
                return 1;
            }
        }
        // Each week alone, one after the other: what compare() does per week.
        double worst = 0, sum = 0;
        for (const QString &w : weeks) {
            t.restart();
            auto c = pg::Connection::open(server.withDatabase(w), pg::Connection::Access::ReadOnly);
            metrics::Query aligned = q;
            aligned.origin = *metrics::resetStart(*c);
            metrics::run(*c, aligned);
            worst = std::max(worst, ms(t));
            sum += ms(t);
        }
        slowest.push_back(worst);
        sequential.push_back(sum);
    }
    const QByteArray label = QStringLiteral("compare 4 weeks x %1 events").arg(weekEvents).toUtf8();
    line(label.constData(), median(together), "slowest single week alone", median(slowest));
    line(label.constData(), median(together), "the 4 weeks one after the other",
         median(sequential));

    conn.reset();
    if (!keep) {
        for (const QString &name : created)
            test::dropDatabase(name);
    }
    return 0;
}
