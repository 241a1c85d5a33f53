#include "boxscore.h"

#include "core/replay/consistency.h"

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

namespace {

// Who a lineup row is, for one line per player per team: his card (Paper Dynasty) or player,
// else the row itself.
QString playerKey(const LineupEntry *e, int lineupId)
{
    if (!e)
        return QStringLiteral("row:%1").arg(lineupId);
    if (e->cardId)
        return QStringLiteral("%1:card:%2").arg(e->teamId).arg(e->cardId);
    if (e->playerId)
        return QStringLiteral("%1:player:%2").arg(e->teamId).arg(e->playerId);
    return QStringLiteral("row:%1").arg(lineupId);
}

bool endsHalf(const Play &p)
{
    return p.start.outs + p.outsRecorded >= 3;
}

} // namespace

BoxScore boxScore(const QList<Play> &plays, const QList<LineupEntry> &lineups, int throughPlay,
                  const QStringList &absentColumns, const GameRules &rules)
{
    BoxScore box;
    box.throughPlay = throughPlay;
    box.absentColumns = absentColumns;
    box.placedRunnerRule = rules.placedRunnerFrom > 0;
    box.earnedKnown = !absentColumns.contains(QLatin1String("error"))
                      && !absentColumns.contains(QLatin1String("passed_ball"));
    std::map<int, const LineupEntry *> byId;
    for (const LineupEntry &e : lineups)
        byId[e.id] = &e;
    const auto entry = [&byId](int id) -> const LineupEntry * {
        const auto it = byId.find(id);
        return it == byId.end() ? nullptr : it->second;
    };
    std::map<QString, BattingLine> batting;
    std::map<QString, PitchingLine> pitching;
    QList<QString> battingOrder, pitchingOrder; // keys, in the order each first appeared
    // A plate appearance is the plays' own pa where the table has it (Paper Dynasty's); else a
    // play that ends the batter's turn: an at-bat, walk, strikeout or hit, or the batter
    // reaching base. Plays of the runners alone (a steal, a wild pitch, a pickoff) are none.
    const bool hasPa = !absentColumns.contains(QLatin1String("pa"));
    const auto plateAppearance = [hasPa](const Play &p) {
        if (hasPa)
            return p.pa;
        return p.ab > 0 || p.bb > 0 || p.so > 0 || p.hit > 0 || p.batterFinal.has_value() ? 1 : 0;
    };
    // A man's line (batting or pitching), keyed by who he is; each of his rows joins it.
    const auto lineOf = [&](auto &lines, QList<QString> &order, int id) -> auto & {
        const LineupEntry *e = entry(id);
        const QString key = playerKey(e, id);
        auto [it, added] = lines.try_emplace(key);
        auto &line = it->second;
        if (added) {
            line.lineupId = id;
            if (e)
                line.teamId = e->teamId;
            order << key;
        }
        if (!line.lineupIds.contains(id)) {
            line.lineupIds << id;
            line.positions << (e ? e->position : QString());
        }
        return line;
    };
    const auto batter = [&](int id) -> BattingLine & {
        BattingLine &b = lineOf(batting, battingOrder, id);
        if (!b.battingOrder)
            if (const LineupEntry *e = entry(id))
                b.battingOrder = e->battingOrder;
        return b;
    };
    const auto pitcher = [&](int id) -> PitchingLine & { return lineOf(pitching, pitchingOrder, id); };
    // Every man who batted, and every lineup row with a batting order in force by then (a
    // starter who has not come up yet still has his line, at zero), in the rows' order.
    for (const LineupEntry &e : lineups)
        if (e.battingOrder > 0 && (!e.afterPlay || *e.afterPlay < throughPlay))
            batter(e.id);

    // Runs, charged to the responsible pitcher: each man on base carries the pitcher who let
    // him on (a placed runner, the one who began the half), and whether his run could be
    // earned; a pinch runner takes over the man he runs for.
    struct OnBase
    {
        int pitcher = 0;
        bool unearned = false; // placed by the rule, or reached on an error
        bool placed = false;
    };
    std::map<int, OnBase> onBase;
    const QList<Replacement> replacements = GameStore::replacements(lineups);
    const auto charge = [&](int pitcherId, bool unearned, bool placed) {
        PitchingLine &l = pitcher(pitcherId);
        ++l.runs;
        l.earnedRuns += unearned || placed ? 0 : 1;
        l.placedRunnerRuns += placed ? 1 : 0;
    };
    for (qsizetype i = 0; i < plays.size(); ++i) {
        const Play &p = plays[i];
        if (p.playNumber > throughPlay)
            break;
        if (i == 0 || endsHalf(plays[i - 1]))
            onBase.clear();
        if (const int placed = placedRunner(plays, i, rules))
            onBase[placed] = {p.pitcherId, true, true};
        BattingLine &b = batter(p.batterId);
        const int pa = plateAppearance(p);
        b.plateAppearances += pa;
        b.atBats += p.ab;
        b.hits += p.hit;
        b.homeRuns += p.homerun;
        b.walks += p.bb;
        b.strikeouts += p.so;
        PitchingLine &l = pitcher(p.pitcherId);
        l.battersFaced += pa;
        l.outs += p.outsRecorded;
        l.hits += p.hit;
        l.walks += p.bb;
        l.strikeouts += p.so;
        l.homeRuns += p.homerun;

        const bool misplay = p.error > 0 || p.passedBall > 0;
        int charged = 0;
        std::optional<OnBase> inheritedOut; // a runner another pitcher let on, put out here
        std::map<int, OnBase> next;
        for (size_t base = 0; base < 3; ++base) {
            const int runner = p.start.runners[base];
            if (!runner)
                continue;
            const auto known = onBase.find(runner);
            const OnBase who = known != onBase.end() ? known->second : OnBase{p.pitcherId, false, false};
            const std::optional<int> final = p.runnerFinals[base];
            if (final == 4) {
                charge(who.pitcher, who.unearned || misplay, who.placed);
                ++charged;
            } else if (final && *final >= 1 && *final <= 3) {
                next[runner] = who;
            } else if (!final && who.pitcher != p.pitcherId && !inheritedOut) {
                inheritedOut = who;
            }
        }
        if (p.batterFinal == 4) {
            charge(p.pitcherId, misplay && p.homerun == 0, false);
            ++charged;
        } else if (p.batterFinal && *p.batterFinal >= 1 && *p.batterFinal <= 3) {
            // On a fielder's choice that put out a runner another pitcher let on, the batter
            // is that pitcher's; on an error (no hit), his run could not be earned.
            OnBase who{p.pitcherId, p.error > 0 && p.hit == 0, false};
            if (inheritedOut && p.hit == 0)
                who.pitcher = inheritedOut->pitcher;
            next[p.batterId] = who;
        }
        // Runs the finals do not account for (a table without them): the pitcher on the mound.
        for (; charged < p.runsScored; ++charged)
            charge(p.pitcherId, misplay, false);
        for (const Replacement &r : replacements)
            if (r.afterPlay == p.playNumber)
                if (const auto it = next.find(r.replacedId); it != next.end()) {
                    const OnBase who = it->second;
                    next.erase(it);
                    next[r.newId] = who;
                }
        onBase = std::move(next);
    }
    // The away team bats first: its batters, then the home team's (team order from the
    // first play each team batted in, since the lineups do not say who is home).
    std::map<int, int> teamRank; // team id -> order it first appeared batting
    for (const Play &p : plays)
        if (const LineupEntry *e = entry(p.batterId))
            teamRank.try_emplace(e->teamId, int(teamRank.size()));
    auto rank = [&teamRank](int team) {
        const auto it = teamRank.find(team);
        return it == teamRank.end() ? int(teamRank.size()) + (team == 0 ? 1 : 0) : it->second;
    };
    for (const QString &key : battingOrder)
        box.batting << batting[key];
    std::stable_sort(box.batting.begin(), box.batting.end(), [&](const BattingLine &a, const BattingLine &b) {
        return std::tuple(rank(a.teamId), a.battingOrder == 0, a.battingOrder)
               < std::tuple(rank(b.teamId), b.battingOrder == 0, b.battingOrder);
    });
    // Pitchers face the other team's batters: the away team's pitchers pitch the bottom
    // halves, so the team that batted second is the one whose pitchers come first. A pitcher
    // charged with runs who never threw a pitch here is not possible: every charge names a
    // pitcher of some play.
    for (const QString &key : pitchingOrder)
        box.pitching << pitching[key];
    auto pitchRank = [&teamRank](int team) {
        const auto it = teamRank.find(team);
        return it == teamRank.end() ? int(teamRank.size()) : int(teamRank.size()) - 1 - it->second;
    };
    std::stable_sort(box.pitching.begin(), box.pitching.end(),
                     [&](const PitchingLine &a, const PitchingLine &b) { return pitchRank(a.teamId) < pitchRank(b.teamId); });
    return box;
}

QString movedTo(const QStringList &positions)
{
    QString out;
    for (qsizetype i = 1; i < positions.size(); ++i)
        if (!positions[i].isEmpty() && positions[i] != positions[i - 1])
            out += QStringLiteral(", ") + positions[i];
    return out;
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
            t.earnedRuns += l.earnedRuns;
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
