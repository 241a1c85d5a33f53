// Benchmark (not a test): replay and rollback of a generated 100,000-play game, next to
// raw libpq / psql doing the same database work in the same run.
//
//   bench_replay [--plays N]   (default 100000)
//
// The game is a long run of strikeouts, consistent by the rules, built with one
// INSERT ... SELECT generate_series.
#include "bench/benchutil.h"
#include "core/pg/connection.h"
#include "core/pg/pgtools.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/rollback.h"
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int plays = 100000;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--plays"));
        at > 0 && at + 1 < args.size())
        plays = args[at + 1].toInt();

    const auto db = test::freshDatabase(QStringLiteral("bench_replay"));
    auto conn = pg::Connection::open(db);
    makeGame(*conn, plays);
    PGconn *raw = PQconnectdb(db.conninfo().toUtf8().constData());

    // Open: what the pane loads (summary with its consistency check, plays, lineups)
    // against raw libpq fetching the game's play rows.
    std::vector<double> ours, base;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        replay::GameStore store(*conn);
        const auto summary = store.summary(kGame);
        const auto loaded = store.plays(kGame);
        const auto lineups = store.lineups(kGame);
        const auto issues = replay::checkConsistency(loaded);
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
    // psql archiving and deleting the same rows in one transaction that it then rolls back.
    QProcess psql;
    psql.setProcessEnvironment(pg::environmentFor(db));
    const QString sql =
        QStringLiteral(
            "BEGIN; CREATE TEMP TABLE archive AS SELECT to_jsonb(p) AS row_data FROM core.plays p "
            "WHERE game_id = '%1'; DELETE FROM core.plays WHERE game_id = '%1'; ROLLBACK;")
            .arg(kGame);
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
    replay::RollbackOptions options;
    options.toPlay = 0;
    options.reason = QStringLiteral("benchmark");
    t.restart();
    const auto record = replay::Rollback(*conn).apply(kGame, options);
    const double rollbackMs = ms(t);
    if (record.deletedPlays != plays)
        return 1;
    const QByteArray label = QStringLiteral("rollback deleting %1 plays").arg(plays).toUtf8();
    line(label.constData(), rollbackMs, "psql: archive copy + DELETE, 1 txn", psqlMs);

    PQfinish(raw);
    conn.reset();
    test::dropDatabase(db.database());
    return 0;
}
