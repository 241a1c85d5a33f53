#pragma once

// What tst_replay and tst_replay_store share: a base state as text, hand-made games (the
// games row, starting lineups, plays with their starts written out by hand, and the
// twelve-play rule game), and a fixture holding the seeded demo database.

#include "core/demo/demogenerator.h"
#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"
#include "core/replay/play.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUuid>
#include <array>
#include <optional>

namespace statescope::test {

inline QString describe(const replay::BaseState &s)
{
    return QStringLiteral("inning %1 %2, %3 out, away %4 home %5, runners [%6, %7, %8]")
        .arg(s.inning)
        .arg(replay::halfName(s.half))
        .arg(s.outs)
        .arg(s.awayScore)
        .arg(s.homeScore)
        .arg(s.runners[0])
        .arg(s.runners[1])
        .arg(s.runners[2]);
}

inline replay::BaseState state(int inning, replay::Half half, int outs, int away, int home,
                               std::array<int, 3> runners = {})
{
    replay::BaseState s;
    s.inning = inning;
    s.half = half;
    s.outs = outs;
    s.awayScore = away;
    s.homeScore = home;
    s.runners = runners;
    return s;
}

struct HandGame
{
    QString id;
    int awayTeam = 0;
    int homeTeam = 0;
    std::array<int, 10> away{}; // lineup ids by batting order (1..9; 9 is the pitcher)
    std::array<int, 10> home{};
};

inline HandGame insertGame(pg::Connection &conn, const QString &league = QStringLiteral("sba"),
                           const QString &status = QStringLiteral("active"), int homeTeam = 1,
                           int awayTeam = 2, const QString &createdAt = {})
{
    HandGame g;
    g.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    g.homeTeam = homeTeam;
    g.awayTeam = awayTeam;
    conn.exec(QStringLiteral("INSERT INTO core.games (id, league_id, home_team_id, away_team_id, "
                             "status, created_at) VALUES ($1, $2, $3, $4, $5, "
                             "coalesce($6::timestamptz, now()))"),
              {g.id, league, homeTeam, awayTeam, status,
               createdAt.isEmpty() ? pg::Param(nullptr) : pg::Param(createdAt)});
    static const char *const kPositions[] = {"",   "CF", "SS", "1B", "LF",
                                             "RF", "3B", "2B", "C",  "P"};
    const bool sba = league == QLatin1String("sba");
    for (int team : {awayTeam, homeTeam}) {
        auto &ids = team == awayTeam ? g.away : g.home;
        for (int order = 1; order <= 9; ++order) {
            const int person = team * 100 + order;
            ids[size_t(order)] =
                conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, card_id, "
                                         "player_id, position, batting_order) "
                                         "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"),
                          {g.id, team, sba ? pg::Param(nullptr) : pg::Param(person),
                           sba ? pg::Param(person) : pg::Param(nullptr), kPositions[order], order})
                    .toInt(0, 0);
        }
    }
    return g;
}

inline std::optional<int> fin(int base)
{
    return base ? std::optional<int>(base) : std::nullopt;
}

// A play as the C++ side sees it; on_base_code stored as the runners imply unless changed.
inline replay::Play makePlay(int number, const replay::BaseState &start, int batter, int pitcher,
                             int batterFinal, std::array<int, 3> runnerFinals, int outs, int runs)
{
    replay::Play p;
    p.playNumber = number;
    p.start = start;
    p.batterId = batter;
    p.pitcherId = pitcher;
    p.batterFinal = fin(batterFinal);
    p.runnerFinals = {fin(runnerFinals[0]), fin(runnerFinals[1]), fin(runnerFinals[2])};
    p.outsRecorded = outs;
    p.runsScored = runs;
    p.onBaseCodeStored = start.onBaseCode();
    p.description = QStringLiteral("hand-made play %1").arg(number);
    return p;
}

inline void insertPlay(pg::Connection &conn, const QString &gameId, const replay::Play &p)
{
    auto id = [](int v) { return v ? pg::Param(v) : pg::Param(nullptr); };
    const replay::BaseState &s = p.start;
    conn.exec(QStringLiteral(
                  "INSERT INTO core.plays (game_id, play_number, inning, half, outs_before, "
                  "away_score, home_score, on_base_code, on_first_id, on_second_id, on_third_id, "
                  "batter_id, pitcher_id, batter_final, on_first_final, on_second_final, "
                  "on_third_final, outs_recorded, runs_scored, result_description) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
                  "$17, $18, $19, $20)"),
              {gameId,
               p.playNumber,
               s.inning,
               replay::halfName(s.half),
               s.outs,
               s.awayScore,
               s.homeScore,
               p.onBaseCodeStored,
               id(s.runners[0]),
               id(s.runners[1]),
               id(s.runners[2]),
               p.batterId,
               p.pitcherId,
               pg::Param(p.batterFinal),
               pg::Param(p.runnerFinals[0]),
               pg::Param(p.runnerFinals[1]),
               pg::Param(p.runnerFinals[2]),
               p.outsRecorded,
               p.runsScored,
               p.description});
}

// Twelve plays over one and a half innings, each start written out by hand (not computed),
// with the state after each play as the rules say it must be.
struct RuleCase
{
    QList<replay::Play> plays;
    QList<replay::BaseState> after;
};

inline RuleCase ruleGame(const HandGame &g)
{
    const auto &a = g.away;
    const auto &h = g.home;
    const replay::Half T = replay::Half::Top, B = replay::Half::Bottom;
    RuleCase c;
    auto add = [&c](const replay::Play &p, const replay::BaseState &after) {
        c.plays.append(p);
        c.after.append(after);
    };
    // 1: single.
    add(makePlay(1, state(1, T, 0, 0, 0), a[1], h[9], 1, {0, 0, 0}, 0, 0),
        state(1, T, 0, 0, 0, {a[1], 0, 0}));
    // 2: double, the runner from first to third.
    add(makePlay(2, state(1, T, 0, 0, 0, {a[1], 0, 0}), a[2], h[9], 2, {3, 0, 0}, 0, 0),
        state(1, T, 0, 0, 0, {0, a[2], a[1]}));
    // 3: home run with men on second and third: three runs for the batting (away) side.
    add(makePlay(3, state(1, T, 0, 0, 0, {0, a[2], a[1]}), a[3], h[9], 4, {0, 4, 4}, 0, 3),
        state(1, T, 0, 3, 0));
    // 4: strikeout.
    add(makePlay(4, state(1, T, 0, 3, 0), a[4], h[9], 0, {0, 0, 0}, 1, 0), state(1, T, 1, 3, 0));
    // 5: walk.
    add(makePlay(5, state(1, T, 1, 3, 0), a[5], h[9], 1, {0, 0, 0}, 0, 0),
        state(1, T, 1, 3, 0, {a[5], 0, 0}));
    // 6: fly out, the runner holds.
    add(makePlay(6, state(1, T, 1, 3, 0, {a[5], 0, 0}), a[6], h[9], 0, {1, 0, 0}, 1, 0),
        state(1, T, 2, 3, 0, {a[5], 0, 0}));
    // 7: third out while the runner reaches second: the bases clear anyway, bottom 1.
    add(makePlay(7, state(1, T, 2, 3, 0, {a[5], 0, 0}), a[7], h[9], 0, {2, 0, 0}, 1, 0),
        state(1, B, 0, 3, 0));
    // 8: home run in the bottom half: the run goes to the home side.
    add(makePlay(8, state(1, B, 0, 3, 0), h[1], a[9], 4, {0, 0, 0}, 0, 1), state(1, B, 0, 3, 1));
    // 9: single.
    add(makePlay(9, state(1, B, 0, 3, 1), h[2], a[9], 1, {0, 0, 0}, 0, 0),
        state(1, B, 0, 3, 1, {h[2], 0, 0}));
    // 10: double play: two outs, nobody on.
    add(makePlay(10, state(1, B, 0, 3, 1, {h[2], 0, 0}), h[3], a[9], 0, {0, 0, 0}, 2, 0),
        state(1, B, 2, 3, 1));
    // 11: third out of a bottom half: top of the next inning.
    add(makePlay(11, state(1, B, 2, 3, 1), h[4], a[9], 0, {0, 0, 0}, 1, 0), state(2, T, 0, 3, 1));
    // 12: single to start the second.
    add(makePlay(12, state(2, T, 0, 3, 1), a[8], h[9], 1, {0, 0, 0}, 0, 0),
        state(2, T, 0, 3, 1, {a[8], 0, 0}));
    return c;
}

// The demo every test of a binary may read (12 games, one of them broken), and the
// databases to drop at the end.
class ReplayFixture
{
protected:
    QStringList m_databases; // dropped at the end whatever happened
    pg::ConnectionSettings m_demo;
    demo::DemoReport m_report;

    // For initTestCase: a failed check here fails it (QTest::currentTestFailed()).
    void seedDemoGames()
    {
        m_demo = freshDatabase(QStringLiteral("replay_demo"));
        m_databases << m_demo.database();
        m_report = seedDemo(*test::connect(m_demo));
        QCOMPARE(m_report.games, 12);
        QVERIFY(!m_report.brokenGameId.isEmpty());
        QVERIFY(m_report.brokenPlayNumber >= 2);
    }
};

} // namespace statescope::test
