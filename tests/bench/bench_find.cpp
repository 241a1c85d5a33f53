// Benchmark (not a test): `statescope-cli find` over a family of weeks on two servers, next to
// psql doing the same indexed lookups in the same run (a loop over the weeks, two at a time,
// as find asks two at a time), whole processes taking turns, medians after one warm-up.
//
//   bench_find [--weeks W] [--events N] [--runs R]
//
//   --weeks W   weeks in the family (default 52), the first half on the suite's server, the
//               rest on a second server the benchmark starts (it goes when the run ends)
//   --events N  events in each week (default 100000); the weeks are copies of one made with
//               CREATE DATABASE ... TEMPLATE on each server
//   --runs R    repetitions of each figure (default 11)
//
// Needs STATESCOPE_CLI (the statescope-cli to run), as run-all.sh sets it.
//
// 1. a request key that is in every week: find's wall time (connections, the catalog and
//    layout read, the planner's word on every lookup, the lookups) vs psql running the lookups
//    find ran (Finder::plan's indexed statements, the value written in) on each week;
// 2. the same for a payload hash;
// 3. find's peak memory (ru_maxrss) over a quarter of the weeks and over all of them: flat in
//    the number of weeks, as rows are printed as they come.
#include "bench/benchutil.h"
#include "support/shorttemp.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/find/finder.h"
#include "core/pg/pgtools.h"
#include "core/pg/connection.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_find: %s\n", qPrintable(why));
    std::exit(1);
}

// The week every other is copied from, on one server: raw.api_events with N events, indexed
// as games index them (request key, payload hash).
void makeTemplate(const pg::ConnectionSettings &server, const QString &name, qint64 events)
{
    auto admin = test::connect(server);
    admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    admin->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    auto conn = test::connect(server.withDatabase(name));
    conn->execScript(QStringLiteral(
        "CREATE SCHEMA raw; CREATE TABLE raw.api_events (id bigserial PRIMARY KEY, fetched_at timestamptz NOT NULL, "
        "  endpoint text NOT NULL, request_key text, status_code integer, payload jsonb NOT NULL, payload_hash text);"
        "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) "
        "SELECT timestamptz '2025-01-06 00:00+00' + g * interval '500 ms', "
        "  (ARRAY['/my/agent', '/my/ships', '/systems'])[1 + g % 3], 'GET /my/ships/SHIP-' || g, 200, "
        "  jsonb_build_object('data', jsonb_build_object('symbol', 'SHIP-' || g, 'fuel', g % 400)), md5(g::text) "
        "FROM generate_series(1, %1) g;"
        "CREATE INDEX ON raw.api_events (request_key); CREATE INDEX ON raw.api_events (payload_hash);"
        "CREATE INDEX ON raw.api_events (fetched_at);")
                         .arg(events));
    conn->exec(QStringLiteral("VACUUM ANALYZE"));
}

QString literal(const QString &text)
{
    QString t = text;
    return QLatin1Char('\'') + t.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int weeks = option(args, QStringLiteral("--weeks"), QStringLiteral("52")).toInt();
    const qint64 events = option(args, QStringLiteral("--events"), QStringLiteral("100000")).toLongLong();
    const int runs = option(args, QStringLiteral("--runs"), QStringLiteral("11")).toInt();
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (cli.isEmpty())
        fail(QStringLiteral("set STATESCOPE_CLI to statescope-cli"));
    if (weeks < 4 || weeks > 53 || events < 1000 || runs < 1)
        fail(QStringLiteral("--weeks 4..53, --events >= 1000, --runs >= 1"));

    try {
        // Two servers: the suite's, and one of our own for the second half of the weeks.
        QTemporaryDir dir(test::shortTempTemplate(QStringLiteral("ssbfind")));
        sandbox::Options o;
        o.dir = dir.path();
        o.durable = false;
        o.listenTcp = true;
        sandbox::Sandbox far(o);
        const pg::ConnectionSettings servers[2] = {test::serverSettings(), far.start().settings};
        const QString prefix = QStringLiteral("bfind");
        const QString tmpl = QStringLiteral("bench_find_template");
        std::printf("bench_find: %d weeks of %lld events on two servers, whole processes, medians of %d taking turns\n",
                    weeks, events, runs);
        std::printf("filling...\n");
        std::fflush(stdout);
        QStringList conninfos; // each week's, newest first (find's order)
        for (int s = 0; s < 2; ++s) {
            makeTemplate(servers[s], tmpl, events);
            auto admin = test::connect(servers[s]);
            for (int n = 1; n <= weeks; ++n) {
                if ((n <= weeks / 2) != (s == 0))
                    continue;
                const QString week = weekly::WeeklyName(prefix, 2099, n).databaseName();
                admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(week));
                admin->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(week, tmpl));
            }
        }
        for (int n = weeks; n >= 1; --n)
            conninfos << servers[n <= weeks / 2 ? 0 : 1]
                             .withDatabase(weekly::WeeklyName(prefix, 2099, n).databaseName())
                             .storableString();

        const QString psql = pg::clientProgram(QStringLiteral("psql"));
        const auto scope = [&](int upTo) {
            QStringList a{cli, QStringLiteral("find"), QStringLiteral("--server"), servers[0].storableString(),
                          QStringLiteral("--server"), servers[1].storableString(), QStringLiteral("--prefix"), prefix};
            if (upTo < weeks) {
                QStringList list;
                for (int n = 1; n <= upTo; ++n)
                    list << QStringLiteral("2099-W%1").arg(n, 2, 10, QLatin1Char('0'));
                a << QStringLiteral("--weeks") << list.join(QLatin1Char(','));
            }
            return a;
        };
        // The lookups find runs, as Finder plans them on a week: the indexed ones, each value
        // written into the statement for psql.
        const auto lookupsFile = [&](const QString &value, const QString &path) {
            auto conn = test::connect(pg::ConnectionSettings::parse(conninfos.first()));
            QStringList statements;
            int indexed = 0;
            for (const find::Lookup &l : find::Finder::plan(*conn, find::Needle::parse(value))) {
                if (!l.indexed)
                    continue;
                ++indexed;
                QString sql = l.select;
                for (int i = int(l.params.size()) + 1; i >= 1; --i) // $10 before $1
                    sql.replace(QStringLiteral("$%1").arg(i), i == l.params.size() + 1 ? QStringLiteral("50") : literal(l.params[i - 1]));
                statements << sql + QLatin1Char(';');
            }
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                fail(QStringLiteral("cannot write %1").arg(path));
            f.write(statements.join(QLatin1Char('\n')).toUtf8());
            return indexed;
        };
        const QString listPath = dir.filePath(QStringLiteral("weeks.txt"));
        {
            QFile f(listPath);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                fail(QStringLiteral("cannot write %1").arg(listPath));
            f.write((conninfos.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        }
        struct Case
        {
            const char *what;
            QString value;
        };
        const QList<Case> cases{{"a request key in every week", QStringLiteral("GET /my/ships/SHIP-%1").arg(events / 2)},
                                {"a payload hash in every week",
                                 QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(events / 3),
                                                                              QCryptographicHash::Md5)
                                                         .toHex())}};
        for (const Case &c : cases) {
            const QString sqlPath = dir.filePath(QStringLiteral("lookups.sql"));
            const int lookups = lookupsFile(c.value, sqlPath);
            const QStringList ours = scope(weeks) << c.value;
            const QStringList theirs{QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("xargs -d '\\n' -P 2 -I{} '%1' -X -q -o /dev/null -d {} -f '%2' < '%3'")
                                         .arg(psql, sqlPath, listPath)};
            std::vector<double> a, b;
            for (int i = 0; i < runs + 1; ++i) { // the first of each is a warm-up
                const ChildRun x = runChild(ours, QProcessEnvironment::systemEnvironment(), true);
                const ChildRun y = runChild(theirs, QProcessEnvironment::systemEnvironment(), true);
                if (x.status != 0 || y.status != 0)
                    fail(QStringLiteral("%1: exit %2 (find), %3 (psql)").arg(QLatin1String(c.what)).arg(x.status).arg(y.status));
                if (i > 0) {
                    a.push_back(x.ms);
                    b.push_back(y.ms);
                }
            }
            std::printf("%-30s find %9.1f ms   psql loop (%d lookup(s) a week, 2 at a time) %9.1f ms   ratio %.2f\n",
                        c.what, median(a), lookups, median(b), median(a) / median(b));
            std::fflush(stdout);
        }
        // Memory: a quarter of the weeks, then all of them.
        const QString value = cases.first().value;
        double quarter = 0, all = 0;
        for (int i = 0; i < 3; ++i) {
            quarter = std::max(quarter, runChild(scope(weeks / 4) << value, QProcessEnvironment::systemEnvironment(), true).peakMiB);
            all = std::max(all, runChild(scope(weeks) << value, QProcessEnvironment::systemEnvironment(), true).peakMiB);
        }
        std::printf("find's peak memory: %d weeks %.1f MiB, %d weeks %.1f MiB\n", weeks / 4, quarter, weeks, all);
        // The weeks go with the run (the second server too, as it stops).
        auto admin = test::connect(servers[0]);
        for (int n = 1; n <= weeks / 2; ++n)
            admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                            .arg(weekly::WeeklyName(prefix, 2099, n).databaseName()));
        admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(tmpl));
        far.stop();
    } catch (const Error &e) {
        fail(e.message());
    }
    return 0;
}
