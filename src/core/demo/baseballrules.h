#pragma once

#include "core/demo/baseball.h"

namespace statescope::demo::rules {

// The rules of one plate appearance, as pure functions of the game state: what the
// simulator uses, and what a test can exercise case by case.

enum class Outcome { Strikeout, Groundout, Flyout, Walk, Single, Double, Triple, HomeRun };

// One at-bat roll: a d6 and a d20 pick the outcome from a 120-cell chart; the 2d6 sum
// (two dice, kept apart for the roll record) decides locations and how far runners go.
struct Dice
{
    int d6 = 1, d20 = 1;
    int twoD6a = 1, twoD6b = 1;
    int twoD6() const { return twoD6a + twoD6b; }
};

Outcome chart(const Dice &dice);

// True when a ground ball can become a double play (runner on first, fewer than two out);
// the simulator then rolls a fielding d20 and passes the verdict to resolve().
bool doublePlayPossible(Outcome outcome, const GameState &state);

// Fills what the play did (runner and batter finals, outs, runs, stat columns and a
// description) from the state at its start. Walk-offs count only the runs needed to win.
void resolve(Outcome outcome, const Dice &dice, bool doublePlayTurned, const GameState &state,
             PlayRecord &play);

// Moves the state past a play: runs, outs, runners, the next batter of the batting team.
// Does not end the half-inning; see endOfPlay().
void advance(GameState &state, const PlayRecord &play);

// After advance(): returns true when the game is over (leaving the state as it is);
// otherwise, after a third out, clears the bases and flips the half.
bool endOfPlay(GameState &state);

} // namespace statescope::demo::rules
