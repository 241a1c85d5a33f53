#pragma once

#include "core/demo/baseball.h"
#include "core/demo/copytext.h"

namespace statescope::pg {
class Connection;
}

namespace statescope::demo {

// Writes simulated games into core.games, roster_links, lineups, plays, rolls and
// game_sessions. Rows that others point at (games, lineups) go in one by one with bound
// parameters, lineups with RETURNING id so later rows can refer to them; plays and rolls
// are gathered as COPY text and sent in chunks of about a megabyte.
class GameWriter
{
public:
    // idSalt makes this run's roll ids its own; ids stay unique within the run.
    GameWriter(pg::Connection &conn, std::uint64_t idSalt) : m_conn(conn), m_idSalt(idSalt) {}

    void write(const SimulatedGame &game);
    // Sends the plays and rolls gathered so far. Call before the transaction commits.
    void flush();

private:
    void insertGame(const SimulatedGame &game);
    std::vector<qint64> insertLineups(const SimulatedGame &game);
    void insertSession(const SimulatedGame &game, const std::vector<qint64> &lineupIds);
    void addPlays(const SimulatedGame &game, const std::vector<qint64> &lineupIds);
    void addRolls(const SimulatedGame &game);

    pg::Connection &m_conn;
    CopyBuffer m_plays;
    CopyBuffer m_rolls;
    std::uint64_t m_idSalt = 0;
    std::uint64_t m_rollCount = 0; // roll_id is the table's key: numbered across games
};

} // namespace statescope::demo
