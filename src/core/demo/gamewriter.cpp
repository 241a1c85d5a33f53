#include "gamewriter.h"

#include "core/demo/random.h"
#include "core/json/canonical.h"
#include "core/pg/connection.h"

namespace statescope::demo {

using nlohmann::json;

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

const char *halfName(Half half)
{
    return half == Half::Top ? "top" : "bottom";
}

pg::Param timestamp(qint64 ms)
{
    return pg::Param(sqlTimestamp(ms));
}

pg::Param jsonParam(const json &doc)
{
    return pg::Param(statescope::json::canonical(doc));
}

// A lineup row's database id, or NULL for "nobody".
void addLineupId(CopyBuffer &out, const std::vector<qint64> &ids, int index)
{
    if (index < 0)
        out.addNull();
    else
        out.add(ids[std::size_t(index)]);
}

// A *_final column: 1-3 base, 4 scored, NULL for out or absent.
void addFinal(CopyBuffer &out, int value)
{
    if (value <= 0)
        out.addNull();
    else
        out.add(value);
}

json lineupIdOrNull(const std::vector<qint64> &ids, int index)
{
    return index < 0 ? json(nullptr) : json(ids[std::size_t(index)]);
}

void sendCopy(pg::Connection &conn, const QString &sql, CopyBuffer &buffer)
{
    if (buffer.isEmpty())
        return;
    QByteArray data = buffer.take();
    conn.copyIn(sql, [&data]() {
        QByteArray chunk;
        chunk.swap(data); // everything at once, then an empty chunk ends the COPY
        return chunk;
    });
}

} // namespace

void GameWriter::write(const SimulatedGame &game)
{
    insertGame(game);
    const std::vector<qint64> lineupIds = insertLineups(game);
    insertSession(game, lineupIds);
    addPlays(game, lineupIds);
    addRolls(game);
    if (m_plays.size() + m_rolls.size() >= kFlushBytes)
        flush();
}

void GameWriter::flush()
{
    sendCopy(m_conn,
             QStringLiteral(
                 "COPY core.plays (game_id, play_number, inning, half, outs_before, away_score, "
                 "home_score, on_base_code, on_first_id, on_second_id, on_third_id, batter_id, "
                 "pitcher_id, catcher_id, batting_order, batter_final, on_first_final, "
                 "on_second_final, on_third_final, outs_recorded, runs_scored, dice_roll, "
                 "result_description, pa, ab, hit, \"double\", triple, homerun, bb, so, rbi, "
                 "created_at) FROM STDIN"),
             m_plays);
    sendCopy(m_conn,
             QStringLiteral("COPY core.rolls (roll_id, game_id, play_number, roll_type, roll_data, "
                            "context, team_id, player_id, created_at) FROM STDIN"),
             m_rolls);
}

void GameWriter::insertGame(const SimulatedGame &game)
{
    const GameState &s = game.finalState;
    m_conn.exec(
        QStringLiteral(
            "INSERT INTO core.games (id, league_id, home_team_id, away_team_id, status, "
            "current_inning, current_half, home_score, away_score, winner_team_id, created_at, "
            "started_at, completed_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"),
        {game.id, game.league, game.teamIds[kHome], game.teamIds[kAway],
         game.completed ? "completed" : "active", s.inning, halfName(s.half), s.score[kHome],
         s.score[kAway],
         game.winnerTeam >= 0 ? pg::Param(game.teamIds[game.winnerTeam]) : pg::Param(nullptr),
         timestamp(game.createdAt), timestamp(game.startedAt),
         game.completedAt >= 0 ? timestamp(game.completedAt) : pg::Param(nullptr)});

    // roster_links carries exactly one of card_id (pd) and player_id (sba).
    const bool sba = game.league == QLatin1String("sba");
    for (const RosterEntry &r : game.roster) {
        m_conn.exec(QStringLiteral("INSERT INTO core.roster_links (game_id, team_id, card_id, "
                                   "player_id) VALUES ($1, $2, $3, $4)"),
                    {game.id, game.teamIds[r.team],
                     sba ? pg::Param(nullptr) : pg::Param(r.personId),
                     sba ? pg::Param(r.personId) : pg::Param(nullptr)});
    }
}

std::vector<qint64> GameWriter::insertLineups(const SimulatedGame &game)
{
    // In order: starters first, then substitutions, each after the row it replaces.
    const bool sba = game.league == QLatin1String("sba");
    std::vector<qint64> ids;
    ids.reserve(game.lineups.size());
    for (const LineupEntry &e : game.lineups) {
        const pg::Result r = m_conn.exec(
            QStringLiteral(
                "INSERT INTO core.lineups (game_id, team_id, card_id, player_id, position, "
                "batting_order, is_starter, is_active, replacing_id, after_play, entered_inning) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"),
            {game.id, game.teamIds[e.team], sba ? pg::Param(nullptr) : pg::Param(e.personId),
             sba ? pg::Param(e.personId) : pg::Param(nullptr), e.position, e.battingOrder,
             e.starter, e.active,
             e.replacing >= 0 ? pg::Param(ids[std::size_t(e.replacing)]) : pg::Param(nullptr),
             e.afterPlay >= 0 ? pg::Param(e.afterPlay) : pg::Param(nullptr),
             e.enteredInning >= 0 ? pg::Param(e.enteredInning) : pg::Param(nullptr)});
        ids.push_back(r.toLongLong(0, 0));
    }
    return ids;
}

void GameWriter::insertSession(const SimulatedGame &game, const std::vector<qint64> &ids)
{
    // What the game server keeps in memory for the game, as it would snapshot it.
    const GameState &s = game.finalState;
    const int last = game.plays.empty() ? 0 : game.plays.back().number;
    json users = json::object();
    if (!game.completed) {
        for (int team : {kAway, kHome}) {
            users[team == kHome ? "home" : "away"] = {
                {"user", "manager-" + std::to_string(game.teamIds[team])},
                {"team_id", game.teamIds[team]},
                {"connected", true},
                {"since", isoTimestamp(game.startedAt)}};
        }
    }
    const json state = {
        {"game_id", game.id.toStdString()},
        {"status", game.completed ? "completed" : "active"},
        {"inning", s.inning},
        {"half", halfName(s.half)},
        {"outs", s.outs},
        {"away_score", s.score[kAway]},
        {"home_score", s.score[kHome]},
        {"on_base_code", s.onBaseCode()},
        {"runners",
         {{"first", lineupIdOrNull(ids, s.bases[0])},
          {"second", lineupIdOrNull(ids, s.bases[1])},
          {"third", lineupIdOrNull(ids, s.bases[2])}}},
        {"next_batting_order", {{"away", s.nextSlot[kAway]}, {"home", s.nextSlot[kHome]}}},
        {"last_play", last}};
    m_conn.exec(QStringLiteral("INSERT INTO core.game_sessions (game_id, connected_users, "
                               "last_action_at, state_snapshot) "
                               "VALUES ($1, $2::jsonb, $3, $4::jsonb)"),
                {game.id, jsonParam(users), timestamp(game.lastActionAt), jsonParam(state)});
}

void GameWriter::addPlays(const SimulatedGame &game, const std::vector<qint64> &ids)
{
    for (const PlayRecord &p : game.plays) {
        const GameState &s = p.start;
        m_plays.add(game.id);
        m_plays.add(p.number);
        m_plays.add(s.inning);
        m_plays.add(halfName(s.half));
        m_plays.add(s.outs);
        m_plays.add(s.score[kAway]);
        m_plays.add(s.score[kHome]);
        m_plays.add(s.onBaseCode());
        for (int b = 0; b < 3; ++b)
            addLineupId(m_plays, ids, s.bases[b]);
        addLineupId(m_plays, ids, p.batter);
        addLineupId(m_plays, ids, p.pitcher);
        addLineupId(m_plays, ids, p.catcher);
        m_plays.add(p.battingOrder);
        addFinal(m_plays, p.batterFinal);
        for (int b = 0; b < 3; ++b)
            addFinal(m_plays, s.bases[b] >= 0 ? p.runnerFinal[b] : 0);
        m_plays.add(p.outsRecorded);
        m_plays.add(p.runsScored);
        m_plays.add(p.dice);
        m_plays.add(p.description);
        for (int stat : {p.pa, p.ab, p.hit, p.doubles, p.triples, p.homeruns, p.bb, p.so, p.rbi})
            m_plays.add(stat);
        m_plays.add(sqlTimestamp(p.atMs));
        m_plays.endRow();
    }
}

void GameWriter::addRolls(const SimulatedGame &game)
{
    for (const RollRecord &r : game.rolls) {
        // Random-looking and unique: a bijection of the roll's number in this run.
        const std::uint64_t id = Random::scramble(m_idSalt + m_rollCount++);
        m_rolls.add("r" + QByteArray::number(qulonglong(id), 16).rightJustified(16, '0'));
        m_rolls.add(game.id);
        m_rolls.add(r.playNumber);
        m_rolls.add(r.rollType);
        m_rolls.add(statescope::json::canonical(r.data));
        m_rolls.add(statescope::json::canonical(r.context));
        m_rolls.add(game.teamIds[r.team]);
        if (r.personId >= 0 && game.league == QLatin1String("sba"))
            m_rolls.add(r.personId);
        else
            m_rolls.addNull();
        m_rolls.add(sqlTimestamp(r.atMs));
        m_rolls.endRow();
    }
}

} // namespace statescope::demo
