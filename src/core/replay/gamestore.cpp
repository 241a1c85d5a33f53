#include "gamestore.h"
#include "gamestore_p.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/timestamp.h"
#include "core/validate.h"

#include <algorithm>

#include <QTimeZone>
#include <QUuid>

#include <map>

namespace statescope::replay {

namespace {

// The consistency rule of checkConsistency(), set-based, for many games in one query
// (with the placed-runner rule; the designated hitter is checked per game, with its lineups):
// each play's start must equal the previous play's start plus its outs, runs and runners'
// finals (bases cleared and half flipped after a third out). Base placement mirrors
// stateAfter(): a final counts only for a man who was there, and when two end on one base
// the batter wins, then the runner from third, second, first.
const char *kGamesSql = R"(
WITH g AS (
  SELECT * FROM {games}
  WHERE ($1::text IS NULL OR status = $1)
    AND ($2::text IS NULL OR league_id = $2)
    AND ($3::int IS NULL OR home_team_id = $3 OR away_team_id = $3)
    AND ($4::timestamptz IS NULL OR created_at >= $4)
    AND ($5::timestamptz IS NULL OR created_at < $5)
  ORDER BY created_at DESC, id
  -- a page needs only its own games' plays; the inconsistent ones are known only by all
  LIMIT CASE WHEN $6::boolean THEN NULL ELSE $7::bigint END OFFSET CASE WHEN $6::boolean THEN 0 ELSE $9::bigint END
),
-- The substitutions: who replaced whom after which play (the last of several in a row).
r AS (
  SELECT g.id AS game_id, l.after_play, l.replacing_id, max(l.id) AS id
  FROM %SUBSTITUTIONS%
  WHERE l.replacing_id IS NOT NULL AND l.after_play IS NOT NULL
  GROUP BY 1, 2, 3
),
o AS (
  SELECT p.game_id, p.play_number, p.inning, p.half, p.outs_before, p.away_score,
         p.home_score, p.on_base_code,
         coalesce(p.on_first_id, 0) AS r1, coalesce(p.on_second_id, 0) AS r2,
         coalesce(p.on_third_id, 0) AS r3,
         lag(p.play_number) OVER w AS lp, lag(p.inning) OVER w AS li, lag(p.half) OVER w AS lh,
         lag(p.outs_before + p.outs_recorded) OVER w AS lo,
         lag(p.away_score + CASE WHEN p.half = 'top' THEN p.runs_scored ELSE 0 END) OVER w AS la,
         lag(p.home_score + CASE WHEN p.half = 'bottom' THEN p.runs_scored ELSE 0 END) OVER w AS lhm,
         lag(CASE WHEN p.batter_final = 1 THEN p.batter_id
                  WHEN p.on_third_id IS NOT NULL AND p.on_third_final = 1 THEN p.on_third_id
                  WHEN p.on_second_id IS NOT NULL AND p.on_second_final = 1 THEN p.on_second_id
                  WHEN p.on_first_id IS NOT NULL AND p.on_first_final = 1 THEN p.on_first_id
                  ELSE 0 END) OVER w AS l1,
         lag(CASE WHEN p.batter_final = 2 THEN p.batter_id
                  WHEN p.on_third_id IS NOT NULL AND p.on_third_final = 2 THEN p.on_third_id
                  WHEN p.on_second_id IS NOT NULL AND p.on_second_final = 2 THEN p.on_second_id
                  WHEN p.on_first_id IS NOT NULL AND p.on_first_final = 2 THEN p.on_first_id
                  ELSE 0 END) OVER w AS l2,
         lag(CASE WHEN p.batter_final = 3 THEN p.batter_id
                  WHEN p.on_third_id IS NOT NULL AND p.on_third_final = 3 THEN p.on_third_id
                  WHEN p.on_second_id IS NOT NULL AND p.on_second_final = 3 THEN p.on_second_id
                  WHEN p.on_first_id IS NOT NULL AND p.on_first_final = 3 THEN p.on_first_id
                  ELSE 0 END) OVER w AS l3
  FROM {plays p} JOIN g ON g.id = p.game_id
  WINDOW w AS (PARTITION BY p.game_id ORDER BY p.play_number, p.id)
),
e AS (
  SELECT o.*,
    CASE WHEN lp IS NULL THEN 1 ELSE lp + 1 END AS e_num,
    CASE WHEN lp IS NULL THEN 1 WHEN lo >= 3 AND lh = 'bottom' THEN li + 1 ELSE li END AS e_inning,
    CASE WHEN lp IS NULL THEN 'top' WHEN lo >= 3 THEN CASE lh WHEN 'top' THEN 'bottom' ELSE 'top' END
         ELSE lh END AS e_half,
    CASE WHEN lp IS NULL OR lo >= 3 THEN 0 ELSE lo END AS e_outs,
    coalesce(la, 0) AS e_away, coalesce(lhm, 0) AS e_home,
    CASE WHEN lp IS NULL OR lo >= 3 THEN 0 ELSE coalesce(l1, 0) END AS e1,
    -- a half the league's rule places a runner in ($10: from that inning) starts with
    -- whoever the row puts on second; nobody there (-1 is no lineup id) is wrong
    CASE WHEN lp IS NULL THEN 0
         WHEN lo >= 3 AND CASE WHEN lh = 'bottom' THEN li + 1 ELSE li END >= $10::int
           THEN CASE WHEN r2 <> 0 THEN r2 ELSE -1 END
         WHEN lo >= 3 THEN 0 ELSE coalesce(l2, 0) END AS e2,
    lp IS NOT NULL AND lo >= 3 AND CASE WHEN lh = 'bottom' THEN li + 1 ELSE li END >= $10::int AS placing,
    CASE WHEN lp IS NULL OR lo >= 3 THEN 0 ELSE coalesce(l3, 0) END AS e3
  FROM o
),
-- A runner replaced after the previous play (a pinch runner) is expected under the id of
-- the lineup row that replaced him (the last one, when several were made in a row).
s AS (
  SELECT e.*, coalesce(x1.id, e.e1) AS f1,
         CASE WHEN e.placing THEN e.e2 ELSE coalesce(x2.id, e.e2) END AS f2, coalesce(x3.id, e.e3) AS f3
  FROM e
  LEFT JOIN r x1 ON x1.game_id = e.game_id AND x1.after_play = e.lp AND x1.replacing_id = e.e1 AND e.e1 <> 0
  LEFT JOIN r x2 ON x2.game_id = e.game_id AND x2.after_play = e.lp AND x2.replacing_id = e.e2 AND e.e2 <> 0
  LEFT JOIN r x3 ON x3.game_id = e.game_id AND x3.after_play = e.lp AND x3.replacing_id = e.e3 AND e.e3 <> 0
),
c AS (
  SELECT game_id, count(*) AS plays, max(play_number) AS last_play,
         min(play_number) FILTER (WHERE $8 AND (play_number <> e_num OR inning <> e_inning
             OR half <> e_half OR outs_before <> e_outs OR away_score <> e_away
             OR home_score <> e_home OR r1 <> f1 OR r2 <> f2 OR r3 <> f3
             OR on_base_code <> ((r1 <> 0)::int + 2 * (r2 <> 0)::int + 4 * (r3 <> 0)::int))) AS first_bad
  FROM s GROUP BY game_id
)
SELECT g.id, g.league_id, g.home_team_id, g.away_team_id, g.status, g.current_inning,
       g.current_half, g.home_score, g.away_score, g.created_at,
       coalesce(c.plays, 0), coalesce(c.last_play, 0), coalesce(c.first_bad, 0)
FROM g LEFT JOIN c ON c.game_id = g.id
WHERE (NOT $6 OR c.first_bad IS NOT NULL)
ORDER BY g.created_at DESC, g.id
LIMIT $7::bigint OFFSET CASE WHEN $6::boolean THEN $9::bigint ELSE 0 END
)";

// How r reads the lineups: many games in one join (a page of few is read by listPage()).
const char *kSubstitutionsOfMany = "g JOIN {lineups l} ON l.game_id = g.id";
// Up to this many games, a page is read and checked by listPage() (gamepage.cpp).
constexpr int kPageGames = 500;

} // namespace

namespace detail {

GameSummary summaryFromRow(const pg::Result &r, int i)
{
    GameSummary s;
    s.id = r.value(i, 0);
    s.league = r.value(i, 1);
    s.homeTeam = r.toInt(i, 2);
    s.awayTeam = r.toInt(i, 3);
    s.status = r.value(i, 4);
    s.inning = r.toInt(i, 5);
    s.half = r.value(i, 6);
    s.homeScore = r.toInt(i, 7);
    s.awayScore = r.toInt(i, 8);
    s.createdAt = QDateTime::fromString(r.value(i, 9), Qt::ISODateWithMs);
    s.plays = r.toInt(i, 10);
    s.lastPlay = r.toInt(i, 11);
    s.firstInconsistentPlay = r.toInt(i, 12);
    return s;
}

pg::Param dayStart(const QDate &day)
{
    if (!day.isValid())
        return nullptr;
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace detail

using detail::dayStart;
using detail::summaryFromRow;

QString LineupEntry::label() const
{
    const QString who = cardId ? GameStore::tr("card %1").arg(cardId)
                               : GameStore::tr("player %1").arg(playerId);
    return QStringLiteral("%1 %2 (#%3)").arg(position, who).arg(id);
}

QList<Replacement> GameStore::replacements(const QList<LineupEntry> &lineups)
{
    QList<LineupEntry> subs;
    for (const LineupEntry &e : lineups)
        if (e.afterPlay && e.replacingId)
            subs << e;
    std::sort(subs.begin(), subs.end(), [](const LineupEntry &a, const LineupEntry &b) {
        return std::pair(*a.afterPlay, a.id) < std::pair(*b.afterPlay, b.id);
    });
    QList<Replacement> out;
    for (const LineupEntry &e : subs)
        out.append({*e.afterPlay, e.replacingId, e.id});
    return out;
}

GameStore::GameStore(pg::Connection &conn) : m_conn(conn)
{
    if (!rulesScopeFor(conn.database()).isEmpty())
        m_stated = rulesFor(conn.database());
}

QString GameStore::sql(const QString &templ) const
{
    return layout::of(m_conn)->sql(templ);
}

bool GameStore::canCheck(const layout::Layout &layout)
{
    const layout::Relation *plays = layout.find(layout::Kind::Plays);
    if (!plays)
        return false;
    for (const QString &role : checkRoles())
        if (!plays->has(role))
            return false;
    return true;
}

QStringList GameStore::checkRoles()
{
    return {QStringLiteral("on_first_id"), QStringLiteral("on_second_id"), QStringLiteral("on_third_id"),
            QStringLiteral("batter_final"), QStringLiteral("on_first_final"),
            QStringLiteral("on_second_final"), QStringLiteral("on_third_final"),
            QStringLiteral("outs_recorded"), QStringLiteral("runs_scored")};
}

QStringList GameStore::sources() const
{
    const auto lay = layout::of(m_conn);
    QStringList out;
    for (layout::Kind k : {layout::Kind::Games, layout::Kind::Plays, layout::Kind::Lineups,
                           layout::Kind::Rolls})
        if (const layout::Relation *r = lay->find(k))
            out << r->describe();
    return out;
}

QStringList GameStore::limitations() const
{
    const auto lay = layout::of(m_conn);
    QStringList out;
    const layout::Relation *plays = lay->find(layout::Kind::Plays);
    if (plays && !canCheck(*lay)) {
        QStringList absent;
        for (const QString &r : checkRoles())
            if (!plays->has(r))
                absent << r;
        out << tr("%1 has no %2: the consistency check cannot run.")
                   .arg(plays->qualifiedName(), absent.join(QStringLiteral(", ")));
    }
    if (!lay->has(layout::Kind::Rolls))
        out << tr("No dice rolls table: rolls are not shown.");
    if (const layout::Relation *l = lay->find(layout::Kind::Lineups);
        l && (!l->has(QStringLiteral("after_play")) || !l->has(QStringLiteral("replacing_id"))))
        out << tr("%1 has no substitution columns (after_play, replacing_id): lineups are shown "
                  "as started.").arg(l->qualifiedName());
    return out;
}

QString GameStore::normalizeGameId(const QString &text)
{
    const std::optional<QUuid> id = validate::uuid(text);
    if (!id)
        throw Error::invalidInput(tr("\"%1\" is not a game id.").arg(text),
                                  tr("Game ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000."));
    return id->toString(QUuid::WithoutBraces);
}

QList<GameSummary> GameStore::list(const GameFilter &f) const
{
    if (f.limit < 1 || f.limit > 100000)
        throw Error::invalidInput(tr("The limit must be between 1 and 100000."));
    if (f.offset < 0)
        throw Error::invalidInput(tr("The offset cannot be negative."));
    const auto layout = layout::of(m_conn);
    layout->require(layout::Kind::Games, {QStringLiteral("created_at")}, tr("listing games"));
    layout->require(layout::Kind::Plays);
    const bool checkable = canCheck(*layout);
    const bool page = !f.onlyInconsistent && f.limit <= kPageGames;
    if (page)
        return listPage(f, *layout, checkable);
    const auto r = m_conn.exec(
        layout->sql(QString::fromLatin1(kGamesSql)
                        .replace(QLatin1String("%SUBSTITUTIONS%"),
                                 QLatin1String(kSubstitutionsOfMany))),
        {f.status.isEmpty() ? pg::Param(nullptr) : pg::Param(f.status),
         f.league.isEmpty() ? pg::Param(nullptr) : pg::Param(f.league), pg::Param(f.team),
         dayStart(f.from), dayStart(f.to.isValid() ? f.to.addDays(1) : QDate()),
         f.onlyInconsistent, f.limit, checkable, f.offset,
         rules().placedRunnerFrom > 0 ? pg::Param(rules().placedRunnerFrom) : pg::Param(nullptr)});
    QList<GameSummary> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append(summaryFromRow(r, i));
    return out;
}

GameSummary GameStore::summary(const QString &gameId) const
{
    // One game's row and the extent of its plays; its consistency is the caller's
    // checkConsistency() over the plays it loads anyway (list() checks many games in SQL).
    const QString id = normalizeGameId(gameId);
    const auto r = m_conn.exec(
        sql(QStringLiteral("SELECT g.id, g.league_id, g.home_team_id, g.away_team_id, g.status, "
                           "g.current_inning, g.current_half, g.home_score, g.away_score, g.created_at, "
                           "p.n, p.last, 0 FROM {games g}, LATERAL (SELECT count(*) AS n, "
                           "coalesce(max(play_number), 0) AS last FROM {plays} WHERE game_id = g.id) p "
                           "WHERE g.id = $1")),
        {id});
    if (r.rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no game %1.").arg(id));
    return summaryFromRow(r, 0);
}

namespace {

pg::Connection::Statement playsStatement(const layout::Layout &lay, const QString &id)
{
    // The counting columns the table has (0 for the others: absentCountRoles() names them).
    const layout::Relation &rel = lay.require(layout::Kind::Plays);
    QStringList counts;
    for (const QString &role : countRoles())
        counts << (rel.has(role) ? QStringLiteral("coalesce(%1, 0)::int").arg(role) : QStringLiteral("0"));
    // A play number unique in its game needs no second key: the index on it then gives the
    // order as it is (a tie-breaker made the server sort 100,000 plays again).
    const bool unique = rel.uniqueOn({QStringLiteral("game_id"), QStringLiteral("play_number")});
    return {lay.sql(QStringLiteral("SELECT %1, %2 FROM {plays} WHERE game_id = $1 ORDER BY play_number%3")
                        .arg(playColumns(), counts.join(QStringLiteral(", ")),
                             unique ? QString() : QStringLiteral(", id"))),
            {id}};
}

QList<Play> playsFrom(const pg::Result &r)
{
    const int first = r.columnCount() - int(countRoles().size());
    QList<Play> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        Play p = playFromRow(r, i);
        int *fields[] = {&p.pa, &p.ab, &p.hit, &p.homerun, &p.bb, &p.so, &p.error, &p.passedBall};
        for (int c = 0; c < int(std::size(fields)); ++c)
            *fields[c] = r.toInt(i, first + c);
        out.append(std::move(p));
    }
    return out;
}

pg::Connection::Statement lineupsStatement(const layout::Layout &lay, const QString &id)
{
    return {lay.sql(QStringLiteral("SELECT id, team_id, coalesce(card_id, 0), coalesce(player_id, 0), "
                                   "position, coalesce(batting_order, 0), coalesce(is_starter, after_play IS "
                                   "NULL), coalesce(is_active, true), coalesce(replacing_id, 0), after_play "
                                   "FROM {lineups} WHERE game_id = $1 ORDER BY id")),
            {id}};
}

QList<LineupEntry> lineupsFrom(const pg::Result &r)
{
    QList<LineupEntry> out;
    out.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        LineupEntry e;
        e.id = r.toInt(i, 0);
        e.teamId = r.toInt(i, 1);
        e.cardId = r.toInt(i, 2);
        e.playerId = r.toInt(i, 3);
        e.position = r.value(i, 4);
        e.battingOrder = r.toInt(i, 5);
        e.starter = r.toBool(i, 6);
        e.active = r.toBool(i, 7);
        e.replacingId = r.toInt(i, 8);
        if (!r.isNull(i, 9))
            e.afterPlay = r.toInt(i, 9);
        out.append(e);
    }
    return out;
}

} // namespace

QList<Play> GameStore::plays(const QString &gameId) const
{
    const auto lay = layout::of(m_conn);
    const auto st = playsStatement(*lay, normalizeGameId(gameId));
    return playsFrom(m_conn.exec(st.sql, st.params));
}

QList<LineupEntry> GameStore::lineups(const QString &gameId) const
{
    const auto lay = layout::of(m_conn);
    const auto st = lineupsStatement(*lay, normalizeGameId(gameId));
    return lineupsFrom(m_conn.exec(st.sql, st.params));
}

GameData GameStore::open(const QString &gameId) const
{
    const QString id = normalizeGameId(gameId);
    const auto lay = layout::of(m_conn);
    // The extent of the plays is taken from the plays themselves: counting them in the
    // game's statement as summary() does read them all a second time.
    // In a transaction of the caller's, in that one.
    const bool own = !m_conn.inTransaction();
    pg::Connection::Framing framing;
    framing.begin = own;
    framing.readOnly = true;
    framing.isolation = QByteArrayLiteral("ISOLATION LEVEL REPEATABLE READ");
    framing.commit = own;
    const std::vector<pg::Result> r = m_conn.pipeline(
        {{lay->sql(QStringLiteral("SELECT id, league_id, home_team_id, away_team_id, status, current_inning, "
                                  "current_half, home_score, away_score, created_at, 0, 0, 0 FROM {games} "
                                  "WHERE id = $1")),
          {id}},
         playsStatement(*lay, id), lineupsStatement(*lay, id)},
        framing);
    if (r[0].rowCount() == 0)
        throw Error(Error::Kind::NotFound, tr("There is no game %1.").arg(id));
    GameData out;
    out.summary = summaryFromRow(r[0], 0);
    out.plays = playsFrom(r[1]);
    out.lineups = lineupsFrom(r[2]);
    out.summary.plays = int(out.plays.size());
    for (const Play &p : out.plays)
        out.summary.lastPlay = std::max(out.summary.lastPlay, p.playNumber);
    return out;
}

QStringList GameStore::absentCountRoles() const
{
    const layout::Relation *rel = layout::of(m_conn)->find(layout::Kind::Plays);
    QStringList out;
    for (const QString &role : countRoles())
        if (!rel || !rel->has(role))
            out << role;
    return out;
}

QList<RosterEntry> GameStore::rosters(const QString &gameId) const
{
    const auto lay = layout::of(m_conn);
    if (!lay->has(layout::Kind::RosterLinks))
        return {};
    const layout::Relation &rel = *lay->find(layout::Kind::RosterLinks);
    const QString card = rel.has(QStringLiteral("card_id")) ? QStringLiteral("card_id") : QStringLiteral("NULL::int");
    const QString player = rel.has(QStringLiteral("player_id")) ? QStringLiteral("player_id")
                                                                 : QStringLiteral("NULL::int");
    const auto r = m_conn.exec(lay->sql(QStringLiteral("SELECT team_id, coalesce(%1, 0), coalesce(%2, 0) "
                                                       "FROM {roster_links} WHERE game_id = $1 "
                                                       "ORDER BY team_id, %1, %2")
                                            .arg(card, player)),
                               {normalizeGameId(gameId)});
    QList<RosterEntry> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.toInt(i, 0), r.toInt(i, 1), r.toInt(i, 2)});
    return out;
}

std::optional<GameSession> GameStore::session(const QString &gameId) const
{
    const auto lay = layout::of(m_conn);
    const layout::Relation *rel = lay->find(layout::Kind::GameSessions);
    if (!rel)
        return std::nullopt;
    auto column = [rel](const char *role, const char *cast) {
        return rel->has(QLatin1String(role)) ? QStringLiteral("%1%2").arg(QLatin1String(role), QLatin1String(cast))
                                             : QStringLiteral("NULL");
    };
    // The snapshot can be large: its size and its first 64 kB are enough to look at.
    const auto r = m_conn.exec(
        lay->sql(QStringLiteral("SELECT %1, %2, octet_length(%3), left(%3, 65536) FROM {game_sessions} "
                                "WHERE game_id = $1 LIMIT 1")
                     .arg(column("connected_users", "::text"), column("last_action_at", ""),
                          column("state_snapshot", "::text"))),
        {normalizeGameId(gameId)});
    if (r.rowCount() == 0)
        return std::nullopt;
    GameSession s;
    s.connectedUsers = r.value(0, 0);
    if (const auto at = Timestamp::fromServer(r.bytes(0, 1)); !r.isNull(0, 1) && at)
        s.lastActionAt = at->toDateTime();
    s.snapshotBytes = r.isNull(0, 2) ? 0 : r.toLongLong(0, 2);
    s.snapshotHead = r.value(0, 3);
    return s;
}

QList<Roll> GameStore::rolls(const QString &gameId, int playNumber) const
{
    const auto lay = layout::of(m_conn);
    if (!lay->has(layout::Kind::Rolls))
        return {}; // a game system without stored dice rolls
    // Asked at every step through a game: prepared once per connection.
    const auto r = m_conn.pipeline({{lay->sql(QStringLiteral("SELECT roll_id, play_number, roll_type, "
                                                              "roll_data::text FROM {rolls} WHERE game_id = $1 "
                                                              "AND play_number = $2 ORDER BY created_at, roll_id")),
                                     {normalizeGameId(gameId), playNumber},
                                     true}})
                       .front();
    QList<Roll> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.value(i, 0), r.toInt(i, 1), r.value(i, 2), r.value(i, 3)});
    return out;
}

BaseState finalState(const QList<Play> &plays, const QList<Replacement> &replacements, bool endsGame)
{
    if (plays.isEmpty())
        return BaseState{};
    return withReplacements(stateAfter(plays.last(), endsGame), plays.last().playNumber, replacements);
}

QList<LineupEntry> lineupAt(const QList<LineupEntry> &all, int teamId, int playNumber)
{
    std::map<int, LineupEntry> inForce; // by id
    for (const LineupEntry &e : all) {
        if (e.teamId != teamId)
            continue;
        if (e.starter && !e.afterPlay)
            inForce[e.id] = e;
    }
    // Substitutions in the order they happened.
    QList<LineupEntry> subs;
    for (const LineupEntry &e : all)
        if (e.teamId == teamId && e.afterPlay && *e.afterPlay < playNumber)
            subs.append(e);
    std::stable_sort(subs.begin(), subs.end(), [](const LineupEntry &a, const LineupEntry &b) {
        return *a.afterPlay < *b.afterPlay;
    });
    for (const LineupEntry &s : subs) {
        inForce.erase(s.replacingId);
        inForce[s.id] = s;
    }
    QList<LineupEntry> out;
    for (const auto &[id, e] : inForce)
        out.append(e);
    std::stable_sort(out.begin(), out.end(), [](const LineupEntry &a, const LineupEntry &b) {
        return a.battingOrder < b.battingOrder;
    });
    return out;
}

} // namespace statescope::replay
