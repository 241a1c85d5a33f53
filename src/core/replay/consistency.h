#pragma once

#include "core/replay/play.h"
#include "core/replay/rules.h"

#include <QCoreApplication>
#include <QList>

namespace statescope::replay {

// A play whose starting state does not follow from the play before it.
struct Inconsistency
{
    int playNumber = 0;
    QString field;    // play_number, inning, half, outs_before, away_score, home_score,
                      // runners, on_base_code
    QString expected;
    QString actual;
    QString message() const;
};

// A lineup row that took another's place after a play (lineups.after_play, replacing_id):
// a pinch runner takes over the replaced man's base, with his own lineup id.
struct Replacement
{
    int afterPlay = 0;
    int replacedId = 0;
    int newId = 0;
};

// The state after a play with the substitutions made after it applied: a pinch runner
// stands on the base of the man he replaced (in the order they were made, so a chain ends
// on the last one).
BaseState withReplacements(BaseState state, int afterPlay, const QList<Replacement> &replacements);

// Walks plays in play_number order. The first play must start the game (1, top, 0 outs,
// 0-0, bases empty); every later one must start where the previous one left off;
// numbers must run 1, 2, 3 ... without gaps or repeats; on_base_code must match the runner
// ids. Runners replaced between two plays are expected under their replacement's id. Where
// the rules place a runner on second at the start of a half-inning, its first play must
// have a runner on second (whoever the row names) and nobody on first or third.
// One entry per wrong field, in play order.
QList<Inconsistency> checkConsistency(const QList<Play> &plays,
                                      const QList<Replacement> &replacements = {},
                                      const GameRules &rules = {});

} // namespace statescope::replay
