// The box score's scoring rules against lines scored by hand: one line per player per team
// (a position change, a pitcher who stays in when his team loses the DH), runs charged to the
// responsible pitcher (a reliever who comes in with runners on; a fielder's choice that puts
// out an inherited runner), and earned runs where the plays carry errors and passed balls
// (a runner who reached on an error, a run on a passed ball, a placed runner), unknown where
// they do not. Every play's start is written out here, not computed.

#include "core/replay/boxscore.h"
#include "core/replay/gamestore.h"
#include "core/replay/rules.h"

#include <QTest>

using namespace statescope::replay;

namespace {

constexpr int kAway = 2, kHome = 1;

LineupEntry row(int id, int team, int player, const QString &position, int order, std::optional<int> afterPlay = {},
                int replacing = 0)
{
    LineupEntry e;
    e.id = id;
    e.teamId = team;
    e.playerId = player;
    e.position = position;
    e.battingOrder = order;
    e.starter = !afterPlay;
    e.afterPlay = afterPlay;
    e.replacingId = replacing;
    return e;
}

BaseState at(int inning, Half half, int outs, std::array<int, 3> runners = {})
{
    BaseState s;
    s.inning = inning;
    s.half = half;
    s.outs = outs;
    s.runners = runners;
    return s;
}

std::optional<int> fin(int base)
{
    return base ? std::optional<int>(base) : std::nullopt;
}

// One play: who batted against whom from what state, where each man ended (0: out or
// absent), the outs and runs it made, and its counting columns.
struct P
{
    BaseState start;
    int batter = 0, pitcher = 0;
    int batterFinal = 0;
    std::array<int, 3> finals{};
    int outs = 0, runs = 0;
    int hit = 0, error = 0, passedBall = 0, homerun = 0;
};

QList<Play> playsOf(const QList<P> &list)
{
    QList<Play> out;
    int n = 0;
    for (const P &x : list) {
        Play p;
        p.playNumber = ++n;
        p.start = x.start;
        p.batterId = x.batter;
        p.pitcherId = x.pitcher;
        p.batterFinal = fin(x.batterFinal);
        p.runnerFinals = {fin(x.finals[0]), fin(x.finals[1]), fin(x.finals[2])};
        p.outsRecorded = x.outs;
        p.runsScored = x.runs;
        p.hit = x.hit;
        p.error = x.error;
        p.passedBall = x.passedBall;
        p.homerun = x.homerun;
        p.pa = x.batter ? 1 : 0;
        p.ab = 1;
        out << p;
    }
    return out;
}

const PitchingLine *pitcherLine(const BoxScore &box, int lineupId)
{
    for (const PitchingLine &l : box.pitching)
        if (l.lineupIds.contains(lineupId))
            return &l;
    return nullptr;
}

} // namespace

class TestBoxScoreScoring : public QObject
{
    Q_OBJECT

    // Away batters 11..19 (order 1..9), home pitchers: 21 the starter, 22 the reliever.
    QList<LineupEntry> lineups() const
    {
        QList<LineupEntry> l;
        for (int order = 1; order <= 9; ++order)
            l << row(10 + order, kAway, 100 + order, order == 9 ? QStringLiteral("P") : QStringLiteral("RF"), order);
        l << row(21, kHome, 201, QStringLiteral("P"), 9);
        l << row(22, kHome, 202, QStringLiteral("P"), 9, 2, 21); // relieves after play 2
        return l;
    }

private slots:
    // The starter lets two on; the reliever gives up the double that scores them, then the
    // single that scores the batter: two runs for the starter, one for the reliever.
    void runsGoToThePitcherWhoLetTheRunnerOn()
    {
        const QList<Play> plays = playsOf({
            {at(1, Half::Top, 0), 11, 21, 1, {}, 0, 0, 1},                                 // single
            {at(1, Half::Top, 0, {11, 0, 0}), 12, 21, 1, {2, 0, 0}, 0, 0},                 // walk
            {at(1, Half::Top, 0, {12, 11, 0}), 13, 22, 2, {4, 4, 0}, 0, 2, 1},             // double: both score
            {at(1, Half::Top, 0, {0, 13, 0}), 14, 22, 1, {0, 4, 0}, 0, 1, 1},              // single: 13 scores
        });
        const BoxScore box = boxScore(plays, lineups(), 4, {}, {});
        QVERIFY(box.earnedKnown);
        QCOMPARE(pitcherLine(box, 21)->runs, 2);
        QCOMPARE(pitcherLine(box, 21)->earnedRuns, 2);
        QCOMPARE(pitcherLine(box, 22)->runs, 1);
        QCOMPARE(box.pitchingTotal(kHome).runs, 3);
    }

    // With the reliever in, a grounder forces the starter's runner at second; the batter
    // who reaches on that fielder's choice is the starter's, and so is his run.
    void aFieldersChoiceKeepsTheInheritedRunnersPitcher()
    {
        const QList<Play> plays = playsOf({
            {at(1, Half::Top, 0), 11, 21, 1, {}, 0, 0, 1},                                 // single
            {at(1, Half::Top, 0, {11, 0, 0}), 12, 21, 0, {1, 0, 0}, 1, 0},                 // strikeout, 11 stays
            {at(1, Half::Top, 1, {11, 0, 0}), 13, 22, 1, {0, 0, 0}, 1, 0},                 // FC: 11 out at second
            {at(1, Half::Top, 2, {13, 0, 0}), 14, 22, 4, {4, 0, 0}, 0, 2, 1, 0, 0, 1},     // home run
        });
        const BoxScore box = boxScore(plays, lineups(), 4, {}, {});
        QCOMPARE(pitcherLine(box, 21)->runs, 1);
        QCOMPARE(pitcherLine(box, 22)->runs, 1);
    }

    // A runner who reached on an error scores on a double: unearned. A run that scores on a
    // passed ball: unearned. A home run: earned.
    void unearnedRunsByTheErrorsAndPassedBalls()
    {
        const QList<Play> plays = playsOf({
            {at(1, Half::Top, 0), 11, 21, 1, {}, 0, 0, 0, 1},                              // reaches on an error
            {at(1, Half::Top, 0, {11, 0, 0}), 12, 21, 2, {4, 0, 0}, 0, 1, 1},              // double: 11 scores
            {at(1, Half::Top, 0, {0, 12, 0}), 0, 21, 0, {0, 3, 0}, 0, 0, 0, 0, 1},         // passed ball: to third
            {at(1, Half::Top, 0, {0, 0, 12}), 0, 21, 0, {0, 0, 4}, 0, 1, 0, 0, 1},         // passed ball: scores
            {at(1, Half::Top, 0), 13, 21, 4, {}, 0, 1, 1, 0, 0, 1},                        // home run
        });
        const BoxScore box = boxScore(plays, lineups(), 5, {}, {});
        QCOMPARE(pitcherLine(box, 21)->runs, 3);
        QCOMPARE(pitcherLine(box, 21)->earnedRuns, 1);
        // Without the error and passed-ball columns the plays cannot tell.
        const BoxScore unknown = boxScore(plays, lineups(), 5, {QStringLiteral("error"), QStringLiteral("passed_ball")}, {});
        QVERIFY(!unknown.earnedKnown);
        QCOMPARE(pitcherLine(unknown, 21)->runs, 3);
    }

    // A player who changes position has one line (two rows, the same player); a pitcher
    // who moves into the batting order when his team loses the DH has one line too.
    void oneLinePerPlayer()
    {
        QList<LineupEntry> l = lineups();
        l << row(31, kAway, 102, QStringLiteral("2B"), 2, 2, 12); // 12 (player 102) moves to second base
        l << row(32, kHome, 201, QStringLiteral("P"), 6, 1, 21);  // the starter, now batting sixth
        const QList<Play> plays = playsOf({
            {at(1, Half::Top, 0), 11, 21, 0, {}, 1, 0},
            {at(1, Half::Top, 1), 12, 32, 0, {}, 1, 0},
            {at(1, Half::Top, 2), 13, 32, 0, {}, 1, 0},
            {at(2, Half::Top, 0), 31, 32, 0, {}, 1, 0},
        });
        QList<LineupEntry> noReliever;
        for (const LineupEntry &e : l)
            if (e.id != 22)
                noReliever << e;
        const BoxScore box = boxScore(plays, noReliever, 4, {}, {});
        int lines102 = 0;
        for (const BattingLine &b : box.batting)
            if (b.lineupIds.contains(12) || b.lineupIds.contains(31)) {
                ++lines102;
                QCOMPARE(b.lineupIds, (QList<int>{12, 31}));
                QCOMPARE(b.positions, (QStringList{QStringLiteral("RF"), QStringLiteral("2B")}));
                QCOMPARE(b.plateAppearances, 2);
                QCOMPARE(movedTo(b.positions), QStringLiteral(", 2B"));
            }
        QCOMPARE(lines102, 1);
        QCOMPARE(box.pitching.size(), 1);
        QCOMPARE(box.pitching.first().outs, 4);
        QCOMPARE(box.pitching.first().inningsPitched(), QStringLiteral("1.1"));
    }

    // A placed runner who scores: charged to the pitcher who began the half, never earned.
    void aPlacedRunnersRunIsNeverEarned()
    {
        QList<P> list;
        // Nine innings of three outs each, away and home, then the top of the 10th.
        for (int inning = 1; inning <= 9; ++inning)
            for (const Half half : {Half::Top, Half::Bottom})
                for (int out = 0; out < 3; ++out)
                    list << P{at(inning, half, out), half == Half::Top ? 11 + out : 0, half == Half::Top ? 21 : 19, 0,
                              {}, 1, 0};
        list << P{at(10, Half::Top, 0, {0, 19, 0}), 11, 21, 1, {0, 4, 0}, 0, 1, 1}; // single: the placed man scores
        GameRules rules;
        rules.placedRunnerFrom = 10;
        const BoxScore box = boxScore(playsOf(list), lineups(), int(list.size()), {}, rules);
        const PitchingLine *starter = pitcherLine(box, 21);
        QCOMPARE(starter->runs, 1);
        QCOMPARE(starter->placedRunnerRuns, 1);
        QCOMPARE(starter->earnedRuns, 0);
    }
};

QTEST_APPLESS_MAIN(TestBoxScoreScoring)
#include "tst_boxscore_scoring.moc"
