#include "boxscore.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace statescope::replay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::BoxScore)
};

} // namespace

QString PitchingLine::inningsPitched() const
{
    return QStringLiteral("%1.%2").arg(outs / 3).arg(outs % 3);
}

BoxScore boxScore(const QList<Play> &plays, const QList<LineupEntry> &lineups, int throughPlay,
                  const QStringList &absentColumns, const GameRules &rules)
{
    BoxScore box;
    box.throughPlay = throughPlay;
    box.absentColumns = absentColumns;
    box.placedRunnerRule = rules.placedRunnerFrom > 0;
    std::map<int, const LineupEntry *> byId;
    for (const LineupEntry &e : lineups)
        byId[e.id] = &e;
    std::map<int, BattingLine> batting;
    std::map<int, PitchingLine> pitching;
    QList<int> pitchingOrder;
    // A plate appearance is the plays' own pa where the table has it (Paper Dynasty's); else a
    // play that ends the batter's turn: an at-bat, walk, strikeout or hit, or the batter
    // reaching base. Plays of the runners alone (a steal, a wild pitch, a pickoff) are none.
    const bool hasPa = !absentColumns.contains(QLatin1String("pa"));
    const auto plateAppearance = [hasPa](const Play &p) {
        if (hasPa)
            return p.pa;
        return p.ab > 0 || p.bb > 0 || p.so > 0 || p.hit > 0 || p.batterFinal.has_value() ? 1 : 0;
    };
    auto batter = [&](int id) -> BattingLine & {
        auto [it, added] = batting.try_emplace(id);
        if (added) {
            it->second.lineupId = id;
            if (const auto found = byId.find(id); found != byId.end()) {
                it->second.teamId = found->second->teamId;
                it->second.battingOrder = found->second->battingOrder;
            }
        }
        return it->second;
    };
    // Every man who batted, and every lineup row with a batting order in force by then (a
    // starter who has not come up yet still has his line, at zero).
    for (const LineupEntry &e : lineups)
        if (e.battingOrder > 0 && (!e.afterPlay || *e.afterPlay < throughPlay))
            batter(e.id);
    for (const Play &p : plays) {
        if (p.playNumber > throughPlay)
            break;
        BattingLine &b = batter(p.batterId);
        const int pa = plateAppearance(p);
        b.plateAppearances += pa;
        b.atBats += p.ab;
        b.hits += p.hit;
        b.homeRuns += p.homerun;
        b.walks += p.bb;
        b.strikeouts += p.so;
        auto [it, added] = pitching.try_emplace(p.pitcherId);
        PitchingLine &l = it->second;
        if (added) {
            l.lineupId = p.pitcherId;
            if (const auto found = byId.find(p.pitcherId); found != byId.end())
                l.teamId = found->second->teamId;
            pitchingOrder << p.pitcherId;
        }
        l.battersFaced += pa;
        l.outs += p.outsRecorded;
        l.hits += p.hit;
        l.walks += p.bb;
        l.strikeouts += p.so;
        l.homeRuns += p.homerun;
        l.runs += p.runsScored;
    }
    for (const PlacedRun &run : placedRuns(plays, GameStore::replacements(lineups), rules))
        if (run.playNumber <= throughPlay)
            if (const auto it = pitching.find(run.pitcherId); it != pitching.end())
                ++it->second.placedRunnerRuns;
    // The away team bats first: its batters, then the home team's (team order from the
    // first play each team batted in, since the lineups do not say who is home).
    std::map<int, int> teamRank; // team id -> order it first appeared batting
    for (const Play &p : plays)
        if (const auto found = byId.find(p.batterId); found != byId.end())
            teamRank.try_emplace(found->second->teamId, int(teamRank.size()));
    auto rank = [&teamRank](int team) {
        const auto it = teamRank.find(team);
        return it == teamRank.end() ? int(teamRank.size()) + (team == 0 ? 1 : 0) : it->second;
    };
    for (const auto &[id, line] : batting)
        box.batting << line;
    std::stable_sort(box.batting.begin(), box.batting.end(), [&](const BattingLine &a, const BattingLine &b) {
        return std::tuple(rank(a.teamId), a.battingOrder == 0, a.battingOrder, a.lineupId)
               < std::tuple(rank(b.teamId), b.battingOrder == 0, b.battingOrder, b.lineupId);
    });
    // Pitchers face the other team's batters: the away team's pitchers pitch the bottom
    // halves, so the team that batted second is the one whose pitchers come first.
    for (const int id : pitchingOrder)
        box.pitching << pitching[id];
    auto pitchRank = [&teamRank](int team) {
        const auto it = teamRank.find(team);
        return it == teamRank.end() ? int(teamRank.size()) : int(teamRank.size()) - 1 - it->second;
    };
    std::stable_sort(box.pitching.begin(), box.pitching.end(),
                     [&](const PitchingLine &a, const PitchingLine &b) { return pitchRank(a.teamId) < pitchRank(b.teamId); });
    return box;
}

QList<int> BoxScore::teams() const
{
    QList<int> out;
    for (const BattingLine &b : batting)
        if (!out.contains(b.teamId))
            out << b.teamId;
    for (const PitchingLine &l : pitching)
        if (!out.contains(l.teamId))
            out << l.teamId;
    return out;
}

BattingLine BoxScore::battingTotal(int teamId) const
{
    BattingLine t;
    t.teamId = teamId;
    for (const BattingLine &b : batting)
        if (b.teamId == teamId) {
            t.plateAppearances += b.plateAppearances;
            t.atBats += b.atBats;
            t.hits += b.hits;
            t.homeRuns += b.homeRuns;
            t.walks += b.walks;
            t.strikeouts += b.strikeouts;
        }
    return t;
}

PitchingLine BoxScore::pitchingTotal(int teamId) const
{
    PitchingLine t;
    t.teamId = teamId;
    for (const PitchingLine &l : pitching)
        if (l.teamId == teamId) {
            t.battersFaced += l.battersFaced;
            t.outs += l.outs;
            t.hits += l.hits;
            t.walks += l.walks;
            t.strikeouts += l.strikeouts;
            t.homeRuns += l.homeRuns;
            t.runs += l.runs;
            t.placedRunnerRuns += l.placedRunnerRuns;
        }
    return t;
}

QString GameRowDifference::message(int lastPlay) const
{
    return Tr::tr("The games row has %1 = %2; the plays say %3 (after play %4).")
        .arg(field, stored, expected)
        .arg(lastPlay);
}

QList<GameRowDifference> checkGameRow(const GameSummary &game, const QList<Play> &plays,
                                      const QList<Replacement> &replacements)
{
    QList<GameRowDifference> out;
    const bool completed = game.status == QLatin1String("completed");
    const BaseState after = finalState(plays, replacements, completed);
    auto compare = [&out](const char *field, const QString &stored, const QString &expected) {
        if (stored != expected)
            out.append({QLatin1String(field), stored, expected});
    };
    compare("away_score", QString::number(game.awayScore), QString::number(after.awayScore));
    compare("home_score", QString::number(game.homeScore), QString::number(after.homeScore));
    if (!plays.isEmpty()) {
        // A game in progress whose last play made the third out may still store the half
        // that out ended: accepted, as is the next half the plays lead to.
        const BaseState &lastStart = plays.last().start;
        const bool endedHalf = !completed && plays.last().start.outs + plays.last().outsRecorded >= 3;
        const bool nextHalfInning = game.inning == after.inning && game.half == halfName(after.half);
        const bool sameHalfInning = endedHalf && game.inning == lastStart.inning
                                    && game.half == halfName(lastStart.half);
        if (!nextHalfInning && !sameHalfInning) {
            compare("current_inning", QString::number(game.inning), QString::number(after.inning));
            compare("current_half", game.half, halfName(after.half));
        }
    }
    if (completed && after.awayScore == after.homeScore && !plays.isEmpty())
        out.append({QStringLiteral("status"), game.status,
                    Tr::tr("not completed (the plays leave the score tied at %1)").arg(after.homeScore)});
    return out;
}

} // namespace statescope::replay
