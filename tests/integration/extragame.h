#pragma once

// A game tied after nine that goes to the 11th with a runner placed on second at the start
// of each extra half-inning (the rule of today's leagues, from the 10th), written into the
// weekly core.* tables: tst_extra_innings and the Replay pane's test share it.

#include "core/pg/connection.h"
#include "core/replay/play.h"
#include "integration/replayfixture.h"

#include <QList>
#include <QString>

namespace statescope::test {

constexpr replay::Half kTop = replay::Half::Top;
constexpr replay::Half kBottom = replay::Half::Bottom;

// The extra-inning game: who was placed, who ran for whom, who scored.
struct ExtraGame
{
    QString id;
    HandGame lineup;
    int pinchRunner = 0; // ran for the home team's placed runner in the bottom of the 10th
    int reliever = 0;    // pitched the top of the 11th
    QList<int> placed;   // the placed runners by half: top 10, bottom 10, top 11, bottom 11
    int lastOfNinth = 0; // the play that ended the 9th (0-0)
    int endOfTopTenth = 0;
    int lastPlay = 0;    // the walk-off
};

// Nine scoreless innings (three up, three down), then:
//  top 10  placed A9; A1 K; A2 single, A9 scores; A3 into a double play          1-0
//  bottom 10  H9 placed, pinch runner PR for him; H1 walk; H2 double, PR scores
//          (H1 to third); H3, H4, H5 out                                          1-1
//  top 11  placed A3; A4 flies out, A3 to third; A5 grounds out; A6 K
//  bottom 11  placed H5; H6 single, H5 to third; H7 sacrifice fly, H5 scores    1-2
// Every start is written out here, not computed.
inline ExtraGame insertExtraGame(pg::Connection &conn)
{
    ExtraGame g;
    g.lineup = insertGame(conn, QStringLiteral("sba"), QStringLiteral("completed"));
    g.id = g.lineup.id;
    const auto &a = g.lineup.away;
    const auto &h = g.lineup.home;
    int n = 0;
    int slot[2] = {1, 1};
    auto add = [&](const replay::BaseState &start, int battingTeam, int pitcher, int batterFinal,
                   std::array<int, 3> finals, int outs, int runs) {
        const auto &order = battingTeam == 0 ? a : h;
        int &s = slot[battingTeam];
        replay::Play p = makePlay(++n, start, order[size_t(s)], pitcher, batterFinal, finals, outs, runs);
        s = s % 9 + 1;
        insertPlay(conn, g.id, p);
        return p.playNumber;
    };
    for (int inning = 1; inning <= 9; ++inning)
        for (const replay::Half half : {kTop, kBottom})
            for (int out = 0; out < 3; ++out)
                g.lastOfNinth = add(state(inning, half, out, 0, 0), half == kTop ? 0 : 1,
                                    half == kTop ? h[9] : a[9], 0, {0, 0, 0}, 1, 0);
    // Top of the 10th: the away team's 9th man (the one before its leadoff man) is placed.
    g.placed << a[9];
    add(state(10, kTop, 0, 0, 0, {0, a[9], 0}), 0, h[9], 0, {0, 2, 0}, 1, 0);
    add(state(10, kTop, 1, 0, 0, {0, a[9], 0}), 0, h[9], 1, {0, 4, 0}, 0, 1);
    g.endOfTopTenth = add(state(10, kTop, 1, 1, 0, {a[2], 0, 0}), 0, h[9], 0, {0, 0, 0}, 2, 0);
    // Bottom of the 10th: H9 would be placed; a pinch runner takes his place first.
    g.pinchRunner = conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, position, "
                                             "batting_order, is_starter, is_active, replacing_id, after_play) "
                                             "VALUES ($1, $2, 999, 'PR', 9, false, true, $3, $4) RETURNING id"),
                              {g.id, g.lineup.homeTeam, h[9], g.endOfTopTenth})
                        .toInt(0, 0);
    conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = false WHERE id = $1"), {h[9]});
    g.placed << g.pinchRunner;
    add(state(10, kBottom, 0, 1, 0, {0, g.pinchRunner, 0}), 1, a[9], 1, {0, 2, 0}, 0, 0);
    add(state(10, kBottom, 0, 1, 0, {h[1], g.pinchRunner, 0}), 1, a[9], 2, {3, 4, 0}, 0, 1);
    add(state(10, kBottom, 0, 1, 1, {0, h[2], h[1]}), 1, a[9], 0, {0, 2, 3}, 1, 0);
    add(state(10, kBottom, 1, 1, 1, {0, h[2], h[1]}), 1, a[9], 0, {0, 2, 3}, 1, 0);
    const int endOfTenth = add(state(10, kBottom, 2, 1, 1, {0, h[2], h[1]}), 1, a[9], 0, {0, 0, 0}, 1, 0);
    // The pinch runner's slot goes to a relief pitcher for the 11th.
    g.reliever = conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, position, "
                                          "batting_order, is_starter, is_active, replacing_id, after_play) "
                                          "VALUES ($1, $2, 998, 'P', 9, false, true, $3, $4) RETURNING id"),
                           {g.id, g.lineup.homeTeam, g.pinchRunner, endOfTenth})
                     .toInt(0, 0);
    conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = false WHERE id = $1"), {g.pinchRunner});
    // Top of the 11th: A3 made the last out of the 10th, so he is placed.
    g.placed << a[3];
    add(state(11, kTop, 0, 1, 1, {0, a[3], 0}), 0, g.reliever, 0, {0, 3, 0}, 1, 0);
    add(state(11, kTop, 1, 1, 1, {0, 0, a[3]}), 0, g.reliever, 0, {0, 0, 3}, 1, 0);
    add(state(11, kTop, 2, 1, 1, {0, 0, a[3]}), 0, g.reliever, 0, {0, 0, 0}, 1, 0);
    // Bottom of the 11th: H5 made the last out of the 10th; a walk-off sacrifice fly.
    g.placed << h[5];
    add(state(11, kBottom, 0, 1, 1, {0, h[5], 0}), 1, a[9], 1, {0, 3, 0}, 0, 0);
    g.lastPlay = add(state(11, kBottom, 0, 1, 1, {h[6], 0, h[5]}), 1, a[9], 0, {1, 0, 4}, 1, 1);
    conn.exec(QStringLiteral("UPDATE core.games SET current_inning = 11, current_half = 'bottom', "
                             "away_score = 1, home_score = 2 WHERE id = $1"),
              {g.id});
    return g;
}

} // namespace statescope::test
