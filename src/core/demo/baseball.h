#pragma once

#include "core/demo/random.h"

#include <QString>
#include <array>
#include <nlohmann/json.hpp>
#include <vector>

namespace statescope::demo {

// A baseball game simulated play by play in the shape of the Paper Dynasty tables
// (core.games, roster_links, lineups, plays, rolls), without any database: lineup rows
// are referred to by their index in SimulatedGame::lineups until they are inserted.
//
// Rules followed (and relied on by the consistency checks of the replay feature):
// - a play row holds the state at its START; the next play starts from it plus the play's
//   outs_recorded and runs_scored, with runners where the *_final columns put them;
// - after the third out the bases clear, outs return to 0 and the half flips (bottom ->
//   top of the next inning);
// - from the 9th inning on: a home lead after a top half ends the game without a bottom
//   half; the home side taking the lead in a bottom half ends it at once (walk-off);
//   an away lead after a bottom half ends it.

enum class Half { Top, Bottom };

constexpr int kAway = 0;
constexpr int kHome = 1;

struct RosterEntry
{
    int team = 0;     // kAway or kHome
    int personId = 0; // player_id (sba) or card_id (pd)
};

struct LineupEntry
{
    int team = 0;
    int personId = 0;
    QString position;     // "P", "C", "1B", ..., "PH"
    int battingOrder = 0; // 1..9
    bool starter = true;
    bool active = true;
    int replacing = -1;     // index of the lineup row replaced, or -1
    int afterPlay = -1;     // substitutions: takes effect after this play; -1 for starters
    int enteredInning = -1; // -1: NULL
};

struct GameState
{
    int inning = 1;
    Half half = Half::Top;
    int outs = 0;
    std::array<int, 2> score{0, 0};       // by team
    std::array<int, 3> bases{-1, -1, -1}; // lineup index on first, second, third
    std::array<int, 2> nextSlot{1, 1};    // next batting order position by team

    int battingTeam() const { return half == Half::Top ? kAway : kHome; }
    int onBaseCode() const;
};

struct PlayRecord
{
    int number = 0;
    GameState start; // the state when the play began
    int batter = -1, pitcher = -1, catcher = -1;
    int battingOrder = 0;
    // Where each man ended: 1-3 base, 4 scored, 0 out or absent (NULL in the table).
    int batterFinal = 0;
    std::array<int, 3> runnerFinal{0, 0, 0};
    int outsRecorded = 0;
    int runsScored = 0;
    QString dice;
    QString description;
    int pa = 0, ab = 0, hit = 0, doubles = 0, triples = 0, homeruns = 0, bb = 0, so = 0, rbi = 0;
    qint64 atMs = 0;
};

struct RollRecord
{
    int playNumber = 0;
    QString rollType; // "ab", "fielding", "jump"
    nlohmann::json data;
    nlohmann::json context;
    int team = 0;
    int personId = -1; // -1: NULL
    qint64 atMs = 0;
};

struct GameSetup
{
    QString league; // "sba" or "pd"
    qint64 startMs = 0;
    bool stopMidGame = false; // an 'active' game
    bool broken = false;      // corrupt one play's starting score (active games)
};

struct SimulatedGame
{
    QString id;
    QString league;
    std::array<int, 2> teamIds{0, 0};
    bool completed = false;
    GameState finalState; // after the last play (completed: the last half played)
    int winnerTeam = -1;  // kAway / kHome, completed games only
    qint64 createdAt = 0, startedAt = 0, completedAt = -1, lastActionAt = 0;
    std::vector<RosterEntry> roster;
    std::vector<LineupEntry> lineups;
    std::vector<PlayRecord> plays;
    std::vector<RollRecord> rolls;
    int brokenPlay = 0; // the corrupted play's number, or 0
};

// Simulates one game with the given random stream; the same stream state gives the same
// game. Throws Error(Internal) if a game refuses to end (it cannot in practice).
SimulatedGame simulateGame(Random &rng, const GameSetup &setup);

} // namespace statescope::demo
