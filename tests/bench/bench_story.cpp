// Benchmark (not a test): the first page of a player's story (`statescope-cli find --story`)
// in one database of N API events, S snapshots and P events of the player, next to psql
// running the same reads in the same run: for each kind, its first 50 rows holding the player
// in time order (what the story's first round asks, in one transaction). Whole processes
// taking turns, medians after one warm-up; then the story read in-process (connection open)
// and its first page alone.
//
//   bench_story [--events N] [--snapshots S] [--player-events P] [--runs R]
//
//   --events N         rows in raw.api_events (default 1000000); one in 20 holds the player
//   --snapshots S      world snapshots (default 2000), each holding the player's ship
//   --player-events P  the player's own events (default 50000), among 4 times as many
//   --runs R           repetitions of each figure (default 11)
//   --keep             leave the database (bench_story) for a look at the plans
//
// The tables are indexed as a game that looks players up indexes them: the payload and the
// state with GIN (jsonb_path_ops), the player's events and saves by (player, time).
// Needs STATESCOPE_CLI, as run-all.sh sets it.
#include "bench/benchutil.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/error.h"
#include "core/find/story.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace statescope;
using namespace statescope::bench;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_story: %s\n", qPrintable(why));
    std::exit(1);
}

constexpr const char *kPlayer = "7f3c2a10-0000-4000-8000-00000000beef";

void fill(pg::Connection &conn, qint64 events, int snapshots, qint64 playerEvents)
{
    conn.execScript(QStringLiteral(
        "CREATE SCHEMA raw;"
        "CREATE TABLE raw.api_events (id bigserial PRIMARY KEY, fetched_at timestamptz NOT NULL, endpoint text NOT NULL, "
        "  request_key text, status_code integer NOT NULL, payload jsonb NOT NULL, payload_hash text);"
        "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, payload, payload_hash) "
        "SELECT timestamptz '2025-01-06 00:00+00' + g * interval '500 ms', '/my/agent', 'GET /my/agent', 200, "
        "  jsonb_build_object('data', jsonb_build_object('accountId', CASE WHEN g % 20 = 0 THEN '%4' "
        "    ELSE md5(g::text) END, 'credits', g % 9000)), md5(g::text) FROM generate_series(1, %1) g;"
        "CREATE INDEX ON raw.api_events (fetched_at); CREATE INDEX ON raw.api_events USING gin (payload jsonb_path_ops);"
        "CREATE TABLE public.snapshots (id serial PRIMARY KEY, tick_number bigint NOT NULL, game_time timestamptz NOT NULL, "
        "  state jsonb NOT NULL, created_at timestamptz NOT NULL);"
        "INSERT INTO public.snapshots (tick_number, game_time, state, created_at) "
        "SELECT g * 60, timestamptz '2025-01-06 00:00+00' + g * interval '1 minute', "
        "  jsonb_build_object('ships', jsonb_build_array(jsonb_build_object('ship_id', 'S-1', 'player_id', '%4', "
        "    'fuel', (g / 7) % 500), jsonb_build_object('ship_id', 'S-2', 'player_id', md5(g::text), 'fuel', g))), "
        "  timestamptz '2025-01-06 00:00+00' + g * interval '1 minute' FROM generate_series(1, %2) g;"
        "CREATE INDEX ON public.snapshots USING gin (state jsonb_path_ops); CREATE INDEX ON public.snapshots (created_at);"
        "CREATE TABLE public.player_events (id bigserial PRIMARY KEY, player_id uuid NOT NULL, event_type text NOT NULL, "
        "  event_data jsonb NOT NULL, occurred_at timestamptz NOT NULL);"
        "INSERT INTO public.player_events (player_id, event_type, event_data, occurred_at) "
        "SELECT CASE WHEN g % 4 = 0 THEN '%4'::uuid ELSE gen_random_uuid() END, 'purchase', jsonb_build_object('n', g), "
        "  timestamptz '2025-01-06 00:00+00' + g * interval '2 s' FROM generate_series(1, %3 * 4) g;"
        "CREATE INDEX ON public.player_events (player_id, occurred_at);"
        "CREATE TABLE public.save_snapshots (snapshot_id bigserial PRIMARY KEY, player_id uuid NOT NULL, version text, "
        "  snapshot_data jsonb NOT NULL, checksum text, created_at timestamptz NOT NULL);"
        "INSERT INTO public.save_snapshots (player_id, version, snapshot_data, checksum, created_at) "
        "SELECT '%4', '3.0.0', jsonb_build_object('coins', g * 10), md5(g::text), "
        "  timestamptz '2025-01-06 00:00+00' + g * interval '1 hour' FROM generate_series(1, 200) g;"
        "CREATE INDEX ON public.save_snapshots (player_id, created_at);")
                        .arg(events)
                        .arg(snapshots)
                        .arg(playerEvents)
                        .arg(QLatin1String(kPlayer)));
    conn.exec(QStringLiteral("VACUUM ANALYZE"));
}

// What the story's first round reads, written for psql: each kind's first 50 rows holding
// the player in time order, in one read-only transaction.
QString baselineSql()
{
    const QString p = QLatin1String(kPlayer);
    const QString anywhere = QStringLiteral("'$.** == \"%1\"'::jsonpath").arg(p);
    const QString parts = QStringLiteral("jsonb_path_query_array(%2, 'strict $.** ? (@.type() == \"object\" && "
                                         "exists(@.* ? (@ == $v)))', '{\"v\": \"%1\"}')")
                              .arg(p);
    return QStringLiteral(
               "BEGIN READ ONLY;\n"
               "SELECT id, fetched_at, endpoint, %2 FROM raw.api_events WHERE payload @@ %1 ORDER BY fetched_at, id LIMIT 50;\n"
               "SELECT id, created_at, tick_number, %3 FROM public.snapshots WHERE state @@ %1 ORDER BY created_at, id LIMIT 50;\n"
               "SELECT snapshot_id, created_at, version, snapshot_data FROM public.save_snapshots WHERE player_id = '%4' "
               "ORDER BY created_at, snapshot_id LIMIT 50;\n"
               "SELECT id, occurred_at, event_type, event_data FROM public.player_events WHERE player_id = '%4' "
               "ORDER BY occurred_at, id LIMIT 50;\n"
               "COMMIT;\n")
        .arg(anywhere, parts.arg(QStringLiteral("payload")), parts.arg(QStringLiteral("state")), p);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 events = option(args, QStringLiteral("--events"), QStringLiteral("1000000")).toLongLong();
    const int snapshots = option(args, QStringLiteral("--snapshots"), QStringLiteral("2000")).toInt();
    const qint64 playerEvents = option(args, QStringLiteral("--player-events"), QStringLiteral("50000")).toLongLong();
    const int runs = option(args, QStringLiteral("--runs"), QStringLiteral("11")).toInt();
    const QString cli = qEnvironmentVariable("STATESCOPE_CLI");
    if (cli.isEmpty())
        fail(QStringLiteral("set STATESCOPE_CLI to statescope-cli"));
    if (events < 1000 || snapshots < 10 || playerEvents < 100 || runs < 1)
        fail(QStringLiteral("--events >= 1000, --snapshots >= 10, --player-events >= 100, --runs >= 1"));
    try {
        const QString name = QStringLiteral("bench_story");
        auto admin = test::connect(test::serverSettings());
        admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
        admin->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        const pg::ConnectionSettings db = test::serverSettings().withDatabase(name);
        std::printf("bench_story: %lld events, %d snapshots, %lld events of the player; medians of %d\nfilling...\n",
                    events, snapshots, playerEvents, runs);
        std::fflush(stdout);
        fill(*test::connect(db), events, snapshots, playerEvents);

        QTemporaryDir dir;
        const QString sqlPath = dir.filePath(QStringLiteral("first-page.sql"));
        {
            QFile f(sqlPath);
            if (!f.open(QIODevice::WriteOnly))
                fail(QStringLiteral("cannot write %1").arg(sqlPath));
            f.write(baselineSql().toUtf8());
        }
        const QStringList ours{cli, QStringLiteral("find"), QStringLiteral("--story"), QStringLiteral("--db"),
                               db.storableString(), QStringLiteral("--limit"), QStringLiteral("50"), QLatin1String(kPlayer)};
        const QStringList theirs{pg::clientProgram(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-q"),
                                 QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-d"),
                                 db.storableString(), QStringLiteral("-f"), sqlPath};
        std::vector<double> a, b, inProcess, pageOnly;
        for (int i = 0; i < runs + 1; ++i) { // the first of each is a warm-up
            const ChildRun x = runChild(ours, QProcessEnvironment::systemEnvironment(), true);
            const ChildRun y = runChild(theirs, QProcessEnvironment::systemEnvironment(), true);
            if (x.status != 0 || y.status != 0)
                fail(QStringLiteral("exit %1 (find --story), %2 (psql)").arg(x.status).arg(y.status));
            QElapsedTimer t;
            t.start();
            auto conn = pg::Connection::open(db, pg::Connection::Access::ReadOnly);
            find::Story story(*conn, find::Needle::parse(QLatin1String(kPlayer)));
            QElapsedTimer p;
            p.start();
            const find::StoryPage page = story.page(std::nullopt, find::Story::Direction::Newer, 50);
            const double pageMs = double(p.nsecsElapsed()) / 1e6, allMs = double(t.nsecsElapsed()) / 1e6;
            if (page.entries.size() != 50)
                fail(QStringLiteral("the first page has %1 entries").arg(page.entries.size()));
            if (i > 0) {
                a.push_back(x.ms);
                b.push_back(y.ms);
                inProcess.push_back(allMs);
                pageOnly.push_back(pageMs);
            }
        }
        std::printf("first page of the story: find --story %8.1f ms   psql (the same reads) %8.1f ms   ratio %.2f\n",
                    median(a), median(b), median(a) / median(b));
        std::printf("in-process: connect + layout + first page %8.1f ms; the first page alone %8.1f ms\n",
                    median(inProcess), median(pageOnly));
        if (!args.contains(QStringLiteral("--keep")))
            admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    } catch (const Error &e) {
        fail(e.message());
    }
    return 0;
}
