#pragma once

#include "core/replay/gamestore.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace statescope::replay {

// A batter's line: what the plays he batted in add up to (the game's own stats query sums
// the plays' ab, hit and homerun by batter_id). One line per player per team: a player who
// changed position (a lineup row for each) has one line, in the order he first appeared.
struct BattingLine
{
    int lineupId = 0;        // his first lineup row
    QList<int> lineupIds;    // every row of his, in order
    QStringList positions;   // the position of each, in order
    int teamId = 0;      // 0: not in the lineups
    int battingOrder = 0;
    int plateAppearances = 0; // the plays' pa; without that column, the plays that ended his turn
    int atBats = 0, hits = 0, homeRuns = 0, walks = 0, strikeouts = 0;
};

// A pitcher's line (one per player per team, as BattingLine): the plays he pitched
// (outs_recorded, hit, bb, so by pitcher_id); batters faced are the plate appearances
// against him, counted as the batting lines count them. Runs are charged to the responsible
// pitcher: the one who let the runner reach base, not the one on the mound when he scored
// (a runner who reaches on a fielder's choice that puts out a runner another pitcher let on
// takes that runner's pitcher, as the scorer's rules say).
struct PitchingLine
{
    int lineupId = 0;
    QList<int> lineupIds;
    QStringList positions;
    int teamId = 0;
    int battersFaced = 0;
    int outs = 0, hits = 0, walks = 0, strikeouts = 0, homeRuns = 0, runs = 0;
    // Of his runs, those that are earned (BoxScore::earnedKnown says whether the plays can
    // tell), and those scored by runners the extra-inning rule placed on second (or their
    // pinch runners): never earned.
    int earnedRuns = 0;
    int placedRunnerRuns = 0;
    QString inningsPitched() const; // 17 outs -> "5.2"
};

struct BoxScore
{
    int throughPlay = 0;
    QList<BattingLine> batting;   // away team first, then home; by batting order, then entry
    QList<PitchingLine> pitching; // away team's pitchers first, in the order they pitched
    QStringList absentColumns;    // counting columns the plays table lacks (shown as unknown)
    bool placedRunnerRule = false; // the league places runners (PitchingLine::placedRunnerRuns)
    // Whether the plays carry what makes a run unearned (their error and passed_ball
    // columns). A run is unearned when its runner was placed by the rule or reached on an
    // error, or when it scored on a play with an error or a passed ball; the inning is not
    // reconstructed without the errors, so a run that would have scored anyway after an
    // error that only prolonged the inning is counted unearned too.
    bool earnedKnown = false;

    // The teams in the order of the lines (the away team first; 0: men the lineups do not know).
    QList<int> teams() const;
    // A team's line: its batters' (pitchers') lines added up.
    BattingLine battingTotal(int teamId) const;
    PitchingLine pitchingTotal(int teamId) const;
};

// The box score after play `throughPlay` (every play when it is past the last), from the
// plays as the game computes it. Lineup rows give each man's team, batting order and who he
// is (card or player, for one line per player); a man the lineups do not know still gets
// his line (team 0).
BoxScore boxScore(const QList<Play> &plays, const QList<LineupEntry> &lineups, int throughPlay,
                  const QStringList &absentColumns = {}, const GameRules &rules = {});
// What follows a line's man's first row in its name: the positions he moved to (", 2B, 1B").
QString movedTo(const QStringList &positions);

// One field of the games row that disagrees with the state after the last play (the game's
// update_game_state writes it separately from the plays, so the two can drift).
struct GameRowDifference
{
    QString field;    // away_score, home_score, current_inning, current_half, status
    QString stored;   // what the games row says
    QString expected; // what the plays say
    QString message(int lastPlay) const;
};

// Compares the games row with the state after the last play: the scores always; the inning
// and half when the game has plays (a game in progress may store the half-inning a third
// out ended or the one it started: both are accepted); a completed game must not be tied.
QList<GameRowDifference> checkGameRow(const GameSummary &game, const QList<Play> &plays,
                                      const QList<Replacement> &replacements = {});

} // namespace statescope::replay
