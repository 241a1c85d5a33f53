#pragma once

#include "core/replay/consistency.h"
#include "core/replay/play.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace statescope::pg {
class Connection;
}
namespace statescope::layout {
class Layout;
}

namespace statescope::replay {

struct GameSummary
{
    QString id;
    QString league;
    int homeTeam = 0;
    int awayTeam = 0;
    QString status;
    int inning = 1;
    QString half;
    int homeScore = 0;
    int awayScore = 0;
    QDateTime createdAt;
    int plays = 0;
    int lastPlay = 0;
    int firstInconsistentPlay = 0; // 0: consistent (filled by list(), not by summary())
};

struct GameFilter
{
    QString status;            // empty: any
    QString league;            // empty: any
    std::optional<int> team;   // home or away
    QDate from, to;            // created_at, inclusive days (UTC)
    bool onlyInconsistent = false;
    int limit = 1000;
    int offset = 0;            // games skipped (newest first): the next page
};

struct LineupEntry
{
    int id = 0;
    int teamId = 0;
    int cardId = 0;
    int playerId = 0;
    QString position;
    int battingOrder = 0;
    bool starter = true;
    bool active = true;
    int replacingId = 0;
    std::optional<int> afterPlay; // takes effect after this play
    QString label() const;        // "SS #12 (card 4711)"
};

// A card (Paper Dynasty) or a player (other leagues) on a team's roster for the game.
struct RosterEntry
{
    int teamId = 0;
    int cardId = 0;
    int playerId = 0;
};

// The game's live session row: who is connected, when they last acted, its state snapshot.
struct GameSession
{
    QString connectedUsers; // JSON text
    QDateTime lastActionAt;
    qint64 snapshotBytes = 0;
    QString snapshotHead;   // the first 64 kB of the snapshot's JSON text
};

struct Roll
{
    QString rollId;
    int playNumber = 0;
    QString type;
    QString data; // JSON text
};

// Reads games, plays, lineups and rolls. Every value is a bound parameter; a game id must
// be a UUID (Error InvalidInput otherwise, NotFound when no such game).
// One game as the replay opens it: its row, plays and lineup rows, read in one round trip
// from one snapshot (a game being played cannot show plays its row does not count).
struct GameData
{
    GameSummary summary; // plays and lastPlay from the plays read with it
    QList<Play> plays;
    QList<LineupEntry> lineups;
};

class GameStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::replay::GameStore)
public:
    // The league's rules in force for the connection's database: those stated for it or its
    // family (rulesFor()), else those its plays show (rulesInForce()); or these.
    explicit GameStore(pg::Connection &conn);
    GameStore(pg::Connection &conn, GameRules rules) : m_conn(conn), m_given(std::move(rules)) {}
    const GameRules &rules() const;
    // The rules in force and where they come from, with what the plays of the database's
    // newest games show of them (read once, in one statement), to compare with stated ones.
    const RulesInForce &rulesInForce() const;

    QList<GameSummary> list(const GameFilter &filter = {}) const;
    GameSummary summary(const QString &gameId) const;
    QList<Play> plays(const QString &gameId) const;
    QList<LineupEntry> lineups(const QString &gameId) const;
    GameData open(const QString &gameId) const; // NotFound when no such game
    // The substitutions among `lineups` (after_play and replacing_id set), in the order they
    // were made, for checkConsistency().
    static QList<Replacement> replacements(const QList<LineupEntry> &lineups);
    QList<Roll> rolls(const QString &gameId, int playNumber) const;
    QList<RosterEntry> rosters(const QString &gameId) const; // empty without a roster table
    std::optional<GameSession> session(const QString &gameId) const; // none without one
    // The counting columns (countRoles()) the plays table lacks: the box score shows them as
    // unknown.
    QStringList absentCountRoles() const;

    static QString normalizeGameId(const QString &text); // throws InvalidInput

    // The tables read ("public.plays, detected") and what their missing columns cost.
    QStringList sources() const;
    QStringList limitations() const;
    // Whether the plays carry what the consistency check needs (runners, finals, outs, runs).
    static bool canCheck(const layout::Layout &layout);
    static QStringList checkRoles();

private:
    QString sql(const QString &templ) const;
    // A page of list(), checked here (gamepage.cpp).
    QList<GameSummary> listPage(const GameFilter &filter, const layout::Layout &layout, bool checkable) const;
    pg::Connection &m_conn;
    std::optional<GameRules> m_given;
    mutable std::optional<GameRules> m_stated;
    mutable std::optional<RulesInForce> m_inForce;
};

// The state after the last play (with the substitutions made after it), or the start of a
// game when there are none. endsGame: the last play ended the game (a completed game).
BaseState finalState(const QList<Play> &plays, const QList<Replacement> &replacements = {},
                     bool endsGame = false);
// The lineup rows of a team in force at play n: starters, with substitutions whose
// after_play < n replacing the rows they name.
QList<LineupEntry> lineupAt(const QList<LineupEntry> &all, int teamId, int playNumber);

} // namespace statescope::replay
