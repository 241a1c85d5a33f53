#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace statescope::pg {
class Result;
}

namespace statescope::replay {

enum class Half { Top, Bottom };

// Where a game stands between plays: what a play row records as its start.
struct BaseState
{
    int inning = 1;
    Half half = Half::Top;
    int outs = 0;
    int awayScore = 0;
    int homeScore = 0;
    // Lineup ids of the runners on first, second and third; 0 when the base is empty.
    std::array<int, 3> runners{0, 0, 0};

    int onBaseCode() const; // bits 1 = first, 2 = second, 4 = third
    bool operator==(const BaseState &) const = default;
};

QString halfName(Half half); // "top" / "bottom"
std::optional<Half> parseHalf(const QString &text);

// One core.plays row: the state at the START of the play, and what the play did.
struct Play
{
    qint64 id = 0;
    int playNumber = 0;
    BaseState start;
    int batterId = 0;
    int pitcherId = 0;
    int catcherId = 0;
    int battingOrder = 0;
    // Where each man ended: 1-3 = base, 4 = scored, nullopt = out or absent.
    std::optional<int> batterFinal;
    std::array<std::optional<int>, 3> runnerFinals; // runner from first, second, third
    int outsRecorded = 0;
    int runsScored = 0;
    QString diceRoll;
    QString description;
    int onBaseCodeStored = 0; // as stored, to check against the runner ids
    // The play's counting columns (pa, ab, hit, homerun, bb, so, error, passed_ball), 0 where
    // the table has none.
    int pa = 0, ab = 0, hit = 0, homerun = 0, bb = 0, so = 0, error = 0, passedBall = 0;
};

// The state after a play: its start plus its outs, runs and runners' finals; after the
// third out the bases clear, the outs reset and the half flips (bottom -> next inning).
// When the play ends the game (the last play of a completed game) there is no next
// half-inning: the state stays in the play's inning and half, with the outs it reached
// (bases cleared after a third out), as the games row records the end.
BaseState stateAfter(const Play &play, bool endsGame = false);

// The column list and row reader shared by every query that loads plays.
QString playColumns();
Play playFromRow(const pg::Result &result, int row);
// The counting columns a box score sums, in Play's order.
const QStringList &countRoles();

} // namespace statescope::replay
