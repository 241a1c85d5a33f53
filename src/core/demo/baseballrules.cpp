#include "baseballrules.h"

#include <algorithm>

namespace statescope::demo {

int GameState::onBaseCode() const
{
    return (bases[0] >= 0 ? 1 : 0) | (bases[1] >= 0 ? 2 : 0) | (bases[2] >= 0 ? 4 : 0);
}

namespace rules {

namespace {

QString spot(const char *const (&spots)[6], const Dice &dice)
{
    return QString::fromLatin1(spots[dice.twoD6() % 6]);
}

// A game-ending hit in the bottom of the 9th or later counts only the runs needed to win
// (a home run is the exception: all its runs count). The batter is credited with as
// many bases as the winning runner advanced (rule 9.06(f)), and the runners behind the
// winning run move at most as far; the play ends when the winning run touches home.
void capWalkOff(const GameState &s, PlayRecord &play)
{
    if (s.half != Half::Bottom || s.inning < 9)
        return;
    const int needed = s.score[kAway] - s.score[kHome] + 1;
    if (needed <= 0 || play.runsScored < needed)
        return;
    if (play.homeruns || play.runsScored == needed) {
        play.description += QStringLiteral(" (walk-off)");
        return;
    }
    // More runs would cross than are needed, which takes runners only (the batter scores
    // on home runs alone). They score lead runner first: find the winning run.
    int scored = 0;
    int winningBase = 0; // 1..3
    for (int b = 2; b >= 0 && !winningBase; --b) {
        if (play.runnerFinal[b] == 4 && ++scored == needed)
            winningBase = b + 1;
    }
    const int advanced = 4 - winningBase;
    for (int b = winningBase - 2; b >= 0; --b) { // the runners behind the winning run
        if (s.bases[b] >= 0)
            play.runnerFinal[b] = std::min(play.runnerFinal[b], b + 1 + advanced);
    }
    play.batterFinal = std::min(play.batterFinal, advanced);
    play.doubles = play.batterFinal == 2 ? 1 : 0;
    play.triples = play.batterFinal == 3 ? 1 : 0;
    play.runsScored = needed;
    play.rbi = needed;
    static const char *const kHitNames[] = {"", "Single", "Double", "Triple"};
    play.description = QStringLiteral("%1, winning run scores (walk-off)")
                           .arg(QString::fromLatin1(kHitNames[play.batterFinal]));
}

} // namespace

Outcome chart(const Dice &dice)
{
    // Cells out of 120: K 27, GO 28, FO 25, BB 9, 1B 20, 2B 6, 3B 1, HR 4: about a
    // modern league's rates (on base ~.333, about ten runs a game for both sides).
    const int cell = (dice.d20 - 1) * 6 + (dice.d6 - 1);
    if (cell < 27)
        return Outcome::Strikeout;
    if (cell < 55)
        return Outcome::Groundout;
    if (cell < 80)
        return Outcome::Flyout;
    if (cell < 89)
        return Outcome::Walk;
    if (cell < 109)
        return Outcome::Single;
    if (cell < 115)
        return Outcome::Double;
    if (cell < 116)
        return Outcome::Triple;
    return Outcome::HomeRun;
}

bool doublePlayPossible(Outcome outcome, const GameState &state)
{
    return outcome == Outcome::Groundout && state.bases[0] >= 0 && state.outs < 2;
}

void resolve(Outcome outcome, const Dice &dice, bool doublePlayTurned, const GameState &s,
             PlayRecord &play)
{
    static const char *const kGround[] = {"SS", "2B", "3B", "1B", "P", "SS"};
    static const char *const kFly[] = {"LF", "CF", "RF", "CF", "2B", "RF"};
    static const char *const kHit[] = {"LF", "CF", "RF", "LF", "CF", "RF"};
    const auto occupied = [&](int base) { return s.bases[base] >= 0; };
    // By default every runner stays where he is and the batter is out (final NULL = 0).
    for (int b = 0; b < 3; ++b)
        play.runnerFinal[b] = occupied(b) ? b + 1 : 0;
    play.batterFinal = 0;
    play.pa = 1;
    play.ab = 1;
    bool doublePlay = false;
    switch (outcome) {
    case Outcome::Strikeout:
        play.outsRecorded = 1;
        play.so = 1;
        play.description = dice.d6 % 2 ? QStringLiteral("Strikeout swinging")
                                       : QStringLiteral("Strikeout looking");
        break;
    case Outcome::Groundout:
        if (doublePlayTurned && doublePlayPossible(outcome, s)) {
            // Batter and the runner from first are out. With nobody out before, the
            // inning goes on with two out and the others move up, the man on third
            // scoring; with one out it is the third out and nobody moves or scores.
            doublePlay = true;
            play.outsRecorded = 2;
            play.runnerFinal[0] = 0;
            if (s.outs == 0) {
                if (occupied(1))
                    play.runnerFinal[1] = 3;
                if (occupied(2))
                    play.runnerFinal[2] = 4;
            }
            // Scored the usual way: the fielder who took the ball, second base, first.
            static const char *const kTurns[] = {"6-4-3", "4-6-3", "5-4-3",
                                                 "3-6-3", "1-6-3", "6-4-3"};
            play.description =
                QStringLiteral("Grounded into double play, %1").arg(spot(kTurns, dice));
        } else {
            play.outsRecorded = 1;
            if (s.outs < 2) { // a productive out: every runner moves up one base
                for (int b = 0; b < 3; ++b) {
                    if (occupied(b))
                        play.runnerFinal[b] = b + 2;
                }
            }
            play.description = QStringLiteral("Groundout to %1").arg(spot(kGround, dice));
        }
        break;
    case Outcome::Flyout: {
        play.outsRecorded = 1;
        const QString where = spot(kFly, dice);
        const bool outfield = where != QLatin1String("2B");
        // An outfield fly that is not too shallow lets the runner on third tag up and
        // score with fewer than two out: a sacrifice fly, which is not an at-bat. Other
        // runners hold; nobody scores on an infield pop-up.
        if (outfield && occupied(2) && s.outs < 2 && dice.d6 >= 2) {
            play.runnerFinal[2] = 4;
            play.ab = 0;
            play.description = QStringLiteral("Sacrifice fly to %1, runner scores").arg(where);
        } else {
            play.description = outfield ? QStringLiteral("Flyout to %1").arg(where)
                                        : QStringLiteral("Popout to %1").arg(where);
        }
        break;
    }
    case Outcome::Walk:
        // Only forced runners move: each one pushed by the man behind him.
        play.ab = 0;
        play.bb = 1;
        play.batterFinal = 1;
        if (occupied(0)) {
            play.runnerFinal[0] = 2;
            if (occupied(1)) {
                play.runnerFinal[1] = 3;
                if (occupied(2))
                    play.runnerFinal[2] = 4;
            }
        }
        play.description = QStringLiteral("Walk");
        break;
    case Outcome::Single:
        play.hit = 1;
        play.batterFinal = 1;
        if (occupied(2))
            play.runnerFinal[2] = 4;
        if (occupied(1))
            play.runnerFinal[1] = dice.twoD6() >= 6 ? 4 : 3;
        if (occupied(0)) {
            // First to third only when third is free by then.
            const bool thirdFree = !occupied(1) || play.runnerFinal[1] == 4;
            play.runnerFinal[0] = thirdFree && dice.twoD6() >= 10 ? 3 : 2;
        }
        play.description = QStringLiteral("Single to %1").arg(spot(kHit, dice));
        break;
    case Outcome::Double:
        play.hit = 1;
        play.doubles = 1;
        play.batterFinal = 2;
        for (int b = 1; b < 3; ++b) {
            if (occupied(b))
                play.runnerFinal[b] = 4;
        }
        if (occupied(0))
            play.runnerFinal[0] = dice.twoD6() >= 9 ? 4 : 3;
        play.description = QStringLiteral("Double to %1").arg(spot(kHit, dice));
        break;
    case Outcome::Triple:
    case Outcome::HomeRun: {
        const bool homer = outcome == Outcome::HomeRun;
        play.hit = 1;
        (homer ? play.homeruns : play.triples) = 1;
        play.batterFinal = homer ? 4 : 3;
        for (int b = 0; b < 3; ++b) {
            if (occupied(b))
                play.runnerFinal[b] = 4;
        }
        const QString what = !homer                ? QStringLiteral("Triple to %1")
                             : s.onBaseCode() == 7 ? QStringLiteral("Grand slam to %1")
                                                   : QStringLiteral("Home run to %1");
        play.description = what.arg(spot(kHit, dice));
        break;
    }
    }
    play.runsScored = play.batterFinal == 4 ? 1 : 0;
    for (int b = 0; b < 3; ++b)
        play.runsScored += play.runnerFinal[b] == 4 ? 1 : 0;
    // No runs batted in on a double play, even when a run scores on it.
    play.rbi = doublePlay ? 0 : play.runsScored;
    capWalkOff(s, play);
}

void advance(GameState &s, const PlayRecord &play)
{
    const int batting = s.battingTeam();
    s.score[batting] += play.runsScored;
    s.outs += play.outsRecorded;
    std::array<int, 3> bases{-1, -1, -1};
    for (int b = 0; b < 3; ++b) {
        const int f = play.runnerFinal[b];
        if (s.bases[b] >= 0 && f >= 1 && f <= 3)
            bases[f - 1] = s.bases[b];
    }
    if (play.batterFinal >= 1 && play.batterFinal <= 3)
        bases[play.batterFinal - 1] = play.batter;
    s.bases = bases;
    s.nextSlot[batting] = s.nextSlot[batting] % 9 + 1;
}

bool endOfPlay(GameState &s)
{
    const bool late = s.inning >= 9;
    if (late && s.half == Half::Bottom && s.score[kHome] > s.score[kAway])
        return true; // walk-off
    if (s.outs < 3)
        return false;
    if (late && s.half == Half::Top && s.score[kHome] > s.score[kAway])
        return true; // the home side needs no bottom half
    if (late && s.half == Half::Bottom && s.score[kHome] != s.score[kAway])
        return true; // the visitors lead after a full inning
    s.outs = 0;
    s.bases = {-1, -1, -1};
    if (s.half == Half::Bottom) {
        s.half = Half::Top;
        ++s.inning;
    } else {
        s.half = Half::Bottom;
    }
    return false;
}

} // namespace rules

} // namespace statescope::demo
