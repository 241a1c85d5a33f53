#include "consistency.h"

namespace statescope::replay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::Consistency)
};

QString runnersText(const std::array<int, 3> &r)
{
    return QStringLiteral("[%1, %2, %3]").arg(r[0]).arg(r[1]).arg(r[2]);
}

// Compared as values; text is made only for the rare mismatch.
void compare(QList<Inconsistency> &out, int play, const char *field, int expected, int actual)
{
    if (expected != actual)
        out.append({play, QString::fromLatin1(field), QString::number(expected), QString::number(actual)});
}

} // namespace

QString Inconsistency::message() const
{
    return Tr::tr("Play %1: %2 is %3, expected %4.").arg(playNumber).arg(field, actual, expected);
}

BaseState withReplacements(BaseState state, int afterPlay, const QList<Replacement> &replacements)
{
    for (const Replacement &r : replacements) {
        if (r.afterPlay != afterPlay || r.replacedId == 0)
            continue;
        for (int &runner : state.runners)
            if (runner == r.replacedId)
                runner = r.newId;
    }
    return state;
}

QList<Inconsistency> checkConsistency(const QList<Play> &plays,
                                      const QList<Replacement> &replacements, const GameRules &rules)
{
    QList<Inconsistency> out;
    BaseState expected; // the start of a game
    bool placing = false;
    int expectedNumber = 1;
    for (const Play &p : plays) {
        compare(out, p.playNumber, "play_number", expectedNumber, p.playNumber);
        const BaseState &s = p.start;
        compare(out, p.playNumber, "inning", expected.inning, s.inning);
        if (expected.half != s.half)
            out.append({p.playNumber, QStringLiteral("half"), halfName(expected.half), halfName(s.half)});
        compare(out, p.playNumber, "outs_before", expected.outs, s.outs);
        compare(out, p.playNumber, "away_score", expected.awayScore, s.awayScore);
        compare(out, p.playNumber, "home_score", expected.homeScore, s.homeScore);
        if (placing) {
            // Whoever the row puts on second is the placed runner (or a pinch runner for him).
            if (s.runners[0] != 0 || s.runners[1] == 0 || s.runners[2] != 0)
                out.append({p.playNumber, QStringLiteral("runners"), Tr::tr("[0, a placed runner, 0]"),
                            runnersText(s.runners)});
        } else if (expected.runners != s.runners) {
            out.append({p.playNumber, QStringLiteral("runners"), runnersText(expected.runners),
                        runnersText(s.runners)});
        }
        compare(out, p.playNumber, "on_base_code", s.onBaseCode(), p.onBaseCodeStored);
        expected = withReplacements(stateAfter(p), p.playNumber, replacements);
        // The next play starts a half-inning the rule places a runner in.
        placing = p.start.outs + p.outsRecorded >= 3 && rules.placesRunner(expected.inning);
        expectedNumber = p.playNumber + 1;
    }
    return out;
}

} // namespace statescope::replay
