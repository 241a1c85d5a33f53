// Benchmark (not a test): replay and rollback of a generated 100,000-play game, next to
// raw libpq / psql doing the same database work in the same run.
//
//   bench_replay [--plays N]   (default 100000)
//   bench_replay --season [--games N] [--keep]   (default 2430: a season of a 30-team league;
//                                               STATESCOPE_CLI set: the CLI against psql too)
//
// The game is a long run of strikeouts, consistent by the rules, built with one
// INSERT ... SELECT generate_series. The season is the demo generator's games: the games
// list's first page and every game checked, next to libpq reading the same games and every
// play, and a rollback plus its undo of one game.
#include "bench/benchutil.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/rollback.h"
#include "core/demo/demogenerator.h"
#include "support/testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <libpq-fe.h>
#include <vector>

using namespace statescope;

using namespace statescope::bench;

namespace {

const QString kGame = QStringLiteral("b0000000-0000-4000-8000-000000000001");

void line(const char *what, double ours, const char *baseline, double base)
{
    std::printf("%-36s %10.2f ms   %-40s %10.2f ms   ratio %.2f\n", what, ours, baseline, base,
                ours / base);
}

// Raw libpq: the same statement with one bound parameter, the whole result fetched.
double rawFetch(PGconn *conn, const char *sql, const std::vector<QByteArray> &params)
{
    std::vector<const char *> values;
    for (const auto &p : params)
        values.push_back(p.constData());
    QElapsedTimer t;
    t.start();
    PGresult *r =
        PQexecParams(conn, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const double elapsed = ms(t);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        std::fprintf(stderr, "%s\n", PQerrorMessage(conn));
        std::exit(1);
    }
    PQclear(r);
    return elapsed;
}

void makeGame(pg::Connection &conn, int plays)
{
    conn.exec(QStringLiteral("INSERT INTO core.games (id, league_id, home_team_id, away_team_id, "
                             "status) VALUES ($1, 'sba', 1, 2, 'active')"),
              {kGame});
    const auto ids = conn.exec(
        QStringLiteral(
            "INSERT INTO core.lineups (game_id, team_id, player_id, position, batting_order) "
            "VALUES "
            "($1, 2, 10, 'CF', 1), ($1, 1, 20, 'P', 9), ($1, 1, 21, 'C', 2), ($1, 1, 30, 'CF', 1), "
            "($1, 2, 40, 'P', 9), ($1, 2, 41, 'C', 2) RETURNING id"),
        {kGame});
    // Every play a strikeout: outs 0,1,2 then the half flips; scores stay 0-0.
    conn.exec(QStringLiteral(
                  "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                  "away_score, home_score, batter_id, pitcher_id, catcher_id, outs_recorded, "
                  "dice_roll, result_description, pa, ab, so) "
                  "SELECT $1, n, (n - 1) / 6 + 1, CASE WHEN ((n - 1) / 3) % 2 = 0 THEN 'top' ELSE "
                  "'bottom' END, "
                  "(n - 1) % 3, 0, 0, "
                  "CASE WHEN ((n - 1) / 3) % 2 = 0 THEN $2 ELSE $5 END::int, "
                  "CASE WHEN ((n - 1) / 3) % 2 = 0 THEN $3 ELSE $6 END::int, "
                  "CASE WHEN ((n - 1) / 3) % 2 = 0 THEN $4 ELSE $7 END::int, "
                  "1, 'd6=1 d20=1', 'Strikeout swinging', 1, 1, 1 FROM generate_series(1, $8) n"),
              {kGame, ids.value(0, 0), ids.value(1, 0), ids.value(2, 0), ids.value(3, 0),
               ids.value(4, 0), ids.value(5, 0), plays});
    conn.exec(QStringLiteral(
                  "INSERT INTO core.rolls (roll_id, game_id, play_number, roll_type, roll_data) "
                  "SELECT 'b' || n, $1, n, 'ab', '{\"d6\": 1, \"d20\": 1}' "
                  "FROM generate_series(1, $2) n"),
              {kGame, plays});
    conn.exec(QStringLiteral("ANALYZE core.plays"));
    conn.exec(QStringLiteral("ANALYZE core.rolls"));
}

template <class F> double medianOf(int runs, F &&fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(ms(t));
    }
    return median(times);
}

int season(int games)
{
    const auto db = test::freshDatabase(QStringLiteral("bench_season"));
    auto conn = pg::Connection::open(db);
    demo::DemoOptions options;
    options.games = games;
    options.events = 10;
    options.snapshots = 0;
    QElapsedTimer made;
    made.start();
    const demo::DemoReport report = demo::seed(*conn, options);
    // As a season's database is once autovacuum has been by: analysed, and its visibility map
    // set, so that neither side of a comparison below waits for autovacuum's work or does it.
    conn->execScript(QStringLiteral("VACUUM ANALYZE"));
    std::printf("season: %d games, %lld plays, %lld lineup rows (made in %.1f s)\n", report.games,
                static_cast<long long>(report.plays), static_cast<long long>(report.lineups), ms(made) / 1000.0);
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());
    replay::GameStore store(*conn);

    replay::GameFilter page;
    page.limit = 10;
    const double first = medianOf(11, [&] {
        if (store.list(page).size() != 10)
            std::exit(1);
    });
    const double firstBase = medianOf(11, [&] {
        rawFetch(raw, "SELECT * FROM core.games ORDER BY created_at DESC, id LIMIT 10", {});
    });
    line("games list, first page of 10", first, "libpq: SELECT games ... LIMIT 10", firstBase);
    // The same work done bare: the page reads and checks its ten games' plays, so the
    // baseline that reads as much is those games, their plays and their lineup rows.
    const double sameWork = medianOf(11, [&] {
        rawFetch(raw, "SELECT * FROM core.games ORDER BY created_at DESC, id LIMIT 10", {});
        rawFetch(raw,
                 "SELECT * FROM core.plays WHERE game_id IN (SELECT id FROM core.games ORDER BY created_at DESC, id "
                 "LIMIT 10) ORDER BY game_id, play_number",
                 {});
        rawFetch(raw,
                 "SELECT * FROM core.lineups WHERE game_id IN (SELECT id FROM core.games ORDER BY created_at DESC, "
                 "id LIMIT 10) ORDER BY game_id, id",
                 {});
    });
    line("games list, first page of 10", first, "libpq: the 10 games, plays, lineups", sameWork);
    // As people run them: the CLI against psql, each a whole process (start, connect, read).
    if (const QString cli = qEnvironmentVariable("STATESCOPE_CLI"); !cli.isEmpty()) {
        std::vector<double> ours, theirs, all, plays;
        for (int i = 0; i < 21; ++i) { // taking turns, medians of 21 as bench_cli
            ours.push_back(runChild({cli, QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"),
                                     db.storableString(), QStringLiteral("--limit"), QStringLiteral("10")})
                               .ms);
            theirs.push_back(runChild({pg::clientProgram(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-q"),
                                       QStringLiteral("-d"), db.storableString(), QStringLiteral("-c"),
                                       QStringLiteral("SELECT * FROM core.games ORDER BY created_at DESC, id LIMIT 10")})
                                 .ms);
            if (i < 3) {
                all.push_back(runChild({cli, QStringLiteral("games"), QStringLiteral("list"), QStringLiteral("--db"),
                                        db.storableString(), QStringLiteral("--inconsistent"), QStringLiteral("--limit"),
                                        QStringLiteral("100000")})
                                  .ms);
                plays.push_back(runChild({pg::clientProgram(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-q"),
                                          QStringLiteral("-d"), db.storableString(), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                          QStringLiteral("-c"), QStringLiteral("SELECT * FROM core.plays")})
                                    .ms);
            }
        }
        line("CLI games list --limit 10", median(ours), "psql: SELECT games ... LIMIT 10", median(theirs));
        line("CLI games list --inconsistent", median(all), "psql: SELECT * every play", median(plays));
    }

    replay::GameFilter all;
    all.limit = 100000;
    const double every = medianOf(5, [&] {
        if (store.list(all).size() != report.games)
            std::exit(1);
    });
    replay::GameFilter bad = all;
    bad.onlyInconsistent = true;
    const double check = medianOf(5, [&] {
        if (store.list(bad).isEmpty()) // the demo's broken game
            std::exit(1);
    });
    const double plays = medianOf(5, [&] { rawFetch(raw, "SELECT * FROM core.plays", {}); });
    line("games list, every game (checked)", every, "libpq: SELECT * every play", plays);
    line("games list --inconsistent", check, "libpq: SELECT * every play", plays);

    // Rollback of the active game with the most substitutions to its first play, and undo.
    const auto pick = conn->exec(QStringLiteral(
        "SELECT g.id FROM core.games g JOIN core.lineups l ON l.game_id = g.id AND l.after_play IS NOT NULL "
        "WHERE g.status = 'active' GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1"));
    if (pick.rowCount() != 1) {
        std::fprintf(stderr, "no active game with substitutions\n");
        return 1;
    }
    std::vector<double> back;
    for (int i = 0; i < 5; ++i) {
        replay::RollbackOptions o;
        o.toPlay = 1;
        o.reason = QStringLiteral("benchmark");
        QElapsedTimer t;
        t.start();
        replay::Rollback rollback(*conn);
        const replay::RollbackRecord record = rollback.apply(pick.value(0, 0), o);
        rollback.undo(record.id, QStringLiteral("benchmark"));
        back.push_back(ms(t));
        if (i == 0)
            std::printf("rollback of one game: %d plays, %d lineup rows, %d rolls\n", record.deletedPlays,
                        record.deletedLineups, record.deletedRolls);
    }
    std::printf("%-36s %10.2f ms   (target under 200 ms)\n", "rollback + undo of one game", median(back));
    PQfinish(raw);
    conn.reset();
    if (QCoreApplication::arguments().contains(QStringLiteral("--keep")))
        std::printf("kept: %s\n", qPrintable(db.storableString()));
    else
        test::dropDatabase(db.database());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int plays = 100000;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--plays"));
        at > 0 && at + 1 < args.size())
        plays = args[at + 1].toInt();
    if (args.contains(QStringLiteral("--season"))) {
        int games = 2430;
        if (const qsizetype at = args.indexOf(QStringLiteral("--games")); at > 0 && at + 1 < args.size())
            games = args[at + 1].toInt();
        return season(games);
    }

    const auto db = test::freshDatabase(QStringLiteral("bench_replay"));
    auto conn = pg::Connection::open(db);
    makeGame(*conn, plays);
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());

    // Open: what the pane loads (summary with its consistency check, plays, lineups)
    // against raw libpq fetching the game's play rows.
    std::vector<double> ours, base;
    for (int i = 0; i < 11; ++i) {
        QElapsedTimer t;
        t.start();
        replay::GameStore store(*conn);
        const auto game = store.open(kGame);
        const auto &summary = game.summary;
        const auto &loaded = game.plays;
        const auto issues = replay::checkConsistency(loaded, replay::GameStore::replacements(game.lineups));
        const auto state = replay::stateAfter(loaded.first()); // the first play shown
        ours.push_back(ms(t));
        if (summary.lastPlay != plays || loaded.size() != plays || !issues.isEmpty() ||
            state.outs != 1) {
            std::fprintf(stderr, "unexpected game shape\n");
            return 1;
        }
        base.push_back(rawFetch(raw,
                                "SELECT * FROM core.plays WHERE game_id = $1 ORDER BY play_number",
                                {kGame.toUtf8()}));
    }
    line("open game (rows+plays+check)", median(ours), "libpq: SELECT * plays of the game",
         median(base));

    // Seek and step: the pane looks the play up in memory and fetches its dice rolls.
    replay::GameStore store(*conn);
    const auto loaded = store.plays(kGame);
    ours.clear();
    base.clear();
    std::vector<double> stepOurs;
    for (int i = 0; i < 200; ++i) {
        const int target = 1 + (i * 7919) % plays;
        QElapsedTimer t;
        t.start();
        auto it = std::lower_bound(loaded.cbegin(), loaded.cend(), target,
                                   [](const replay::Play &p, int n) { return p.playNumber < n; });
        const auto after = replay::stateAfter(*it);
        const auto rolls = store.rolls(kGame, target);
        ours.push_back(ms(t));
        if (rolls.size() != 1 || after.inning < 1)
            return 1;
        base.push_back(rawFetch(raw,
                                "SELECT * FROM core.plays WHERE game_id = $1 AND play_number = $2",
                                {kGame.toUtf8(), QByteArray::number(target)}));
        t.restart();
        const auto next = replay::stateAfter(*(it + (target < plays ? 1 : 0)));
        const auto nextRolls = store.rolls(kGame, std::min(target + 1, plays));
        stepOurs.push_back(ms(t));
        if (nextRolls.isEmpty() || next.inning < 1)
            return 1;
    }
    line("seek (lookup + rolls of the play)", median(ours), "libpq: one play row", median(base));
    line("step (next play + its rolls)", median(stepOurs), "libpq: one play row", median(base));

    // Rollback of every play: ours (lock, archive, delete, audit in one transaction) against
    // psql doing the same work in one transaction that it then rolls back: each deleted row
    // (plays, and rolls when ours deletes them too) archived as jsonb into a logged, indexed
    // table like ours, then deleted. (It used to archive the plays alone into a TEMP table,
    // which writes no WAL: half the work, and the cheaper half.)
    replay::RollbackOptions options;
    options.toPlay = 0;
    options.reason = QStringLiteral("benchmark");
    const bool rollsToo = replay::Rollback(*conn).plan(kGame, options).deletesRolls;
    conn->execScript(QStringLiteral("DROP TABLE IF EXISTS public.bench_archive; "
                                    "CREATE TABLE public.bench_archive (table_name text NOT NULL, row_data jsonb NOT NULL); "
                                    "CREATE INDEX ON public.bench_archive (table_name)"));
    QProcess psql;
    psql.setProcessEnvironment(pg::environmentFor(db));
    QString sql = QStringLiteral("BEGIN; INSERT INTO public.bench_archive SELECT 'core.plays', to_jsonb(p) FROM core.plays p "
                                 "WHERE game_id = '%1'; ")
                      .arg(kGame);
    if (rollsToo)
        sql += QStringLiteral("INSERT INTO public.bench_archive SELECT 'core.rolls', to_jsonb(r) FROM core.rolls r "
                              "WHERE game_id = '%1'; ")
                   .arg(kGame);
    sql += QStringLiteral("DELETE FROM core.plays WHERE game_id = '%1'; ").arg(kGame);
    if (rollsToo)
        sql += QStringLiteral("DELETE FROM core.rolls WHERE game_id = '%1'; ").arg(kGame);
    sql += QStringLiteral("ROLLBACK;");
    QElapsedTimer t;
    t.start();
    psql.start(pg::clientProgram(QStringLiteral("psql")),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
    psql.waitForFinished(-1);
    const double psqlMs = ms(t);
    if (psql.exitCode() != 0) {
        std::fprintf(stderr, "psql: %s\n", psql.readAllStandardError().constData());
        return 1;
    }
    t.restart();
    const auto record = replay::Rollback(*conn).apply(kGame, options);
    const double rollbackMs = ms(t);
    if (record.deletedPlays != plays)
        return 1;
    const QByteArray label = QStringLiteral("rollback deleting %1 plays").arg(plays).toUtf8();
    line(label.constData(), rollbackMs,
         rollsToo ? "psql: archive + DELETE plays, rolls; 1 txn" : "psql: archive + DELETE plays, 1 txn", psqlMs);

    PQfinish(raw);
    conn.reset();
    test::dropDatabase(db.database());
    return 0;
}
