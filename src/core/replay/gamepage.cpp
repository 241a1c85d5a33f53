// A page of the games list (GameStore::list with a limit of a page): the games in three plain
// statements (two round trips, one snapshot), each as simple to plan as psql's own SELECT ...
// LIMIT, and their consistency by checkConsistency() here. The set-based check of kGamesSql
// (gamestore.cpp) cost more to plan on a new session (about 12 ms) than these cost to run; it
// stays for pages of many games and for finding the inconsistent ones among all, and the
// tests hold the two to each other.
#include "gamestore.h"
#include "gamestore_p.h"

#include "core/layout/layout.h"
#include "core/pg/arrayliteral.h"
#include "core/pg/connection.h"
#include "core/replay/consistency.h"

#include <QHash>
#include <QScopeGuard>

#include <algorithm>

namespace statescope::replay {

using detail::dayStart;
using detail::summaryFromRow;

namespace {

// The columns of playColumns() the check reads; the others as constants in their places.
const char *kCheckedPlayColumns =
    "id, play_number, inning, half, outs_before, away_score, home_score, on_base_code, "
    "coalesce(on_first_id, 0), coalesce(on_second_id, 0), coalesce(on_third_id, 0), "
    "batter_id, 0, 0, 0, batter_final, on_first_final, on_second_final, on_third_final, outs_recorded, "
    "runs_scored, '', ''";

} // namespace

QList<GameSummary> GameStore::listPage(const GameFilter &f, const layout::Layout &lay, bool checkable) const
{
    // Only the filters given, so that the statement is the one psql would send and the index on
    // created_at serves it (with "$1 IS NULL OR ..." for each, the planner sorted every game).
    QStringList where;
    std::vector<pg::Param> params;
    const auto filter = [&](const QString &condition, pg::Param value) {
        params.push_back(std::move(value));
        where << QString(condition).replace(QLatin1String("$N"), QStringLiteral("$%1").arg(params.size()));
    };
    if (!f.status.isEmpty())
        filter(QStringLiteral("status = $N"), f.status);
    if (!f.league.isEmpty())
        filter(QStringLiteral("league_id = $N"), f.league);
    if (f.team)
        filter(QStringLiteral("(home_team_id = $N::int OR away_team_id = $N::int)"), *f.team);
    if (f.from.isValid())
        filter(QStringLiteral("created_at >= $N::timestamptz"), dayStart(f.from));
    if (f.to.isValid())
        filter(QStringLiteral("created_at < $N::timestamptz"), dayStart(f.to.addDays(1)));
    params.push_back(f.limit);
    params.push_back(f.offset);
    // The games, then their plays and lineups: two round trips, one snapshot (a rollback
    // committed in between must not make a game look inconsistent).
    const bool own = !m_conn.inTransaction();
    pg::Connection::Framing opening;
    opening.begin = own;
    opening.readOnly = true;
    opening.isolation = QByteArrayLiteral("ISOLATION LEVEL REPEATABLE READ");
    pg::Connection::Framing closing;
    closing.commit = own;
    const auto r = std::move(m_conn.pipeline({{
        lay.sql(QStringLiteral("SELECT id, league_id, home_team_id, away_team_id, status, current_inning, current_half, "
                               "home_score, away_score, created_at, 0, 0, 0 FROM {games}%1 "
                               "ORDER BY created_at DESC, id LIMIT $%2::bigint OFFSET $%3::bigint")
                    .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND ")))
                    .arg(params.size() - 1)
                    .arg(params.size())),
        params}}, opening).front());
    // Ends the snapshot's transaction however the page ends.
    auto rollback = qScopeGuard([&] {
        if (own)
            m_conn.rollbackQuietly();
    });
    QList<GameSummary> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append(summaryFromRow(r, i));
    if (out.isEmpty()) {
        if (own)
            m_conn.exec(QStringLiteral("COMMIT"));
        return out;
    }
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < out.size(); ++i)
        at.insert(out[i].id, i);
    QStringList idList;
    for (const GameSummary &g : std::as_const(out))
        idList << g.id;
    const QByteArray ids = pg::textArrayLiteral(idList); // whatever text the ids are

    if (!checkable) {
        const auto n = std::move(
            m_conn.pipeline({{lay.sql(QStringLiteral("SELECT game_id::text, count(*), coalesce(max(play_number), 0) "
                                                     "FROM {plays} WHERE game_id = ANY ($1) GROUP BY 1")),
                              {ids}}},
                            closing)
                .front());
        for (int i = 0; i < n.rowCount(); ++i)
            if (const auto it = at.constFind(n.value(i, 0)); it != at.constEnd()) {
                out[*it].plays = n.toInt(i, 1);
                out[*it].lastPlay = n.toInt(i, 2);
            }
        return out;
    }

    // Unordered: the rows are grouped by game and put in order here. Sorting them on the
    // server (ORDER BY game_id, play_number) took 1 of the 2 ms the read took on a season's
    // database, the index's order being lost to the bitmap scan that reads ten games.
    std::vector<pg::Connection::Statement> reads{
        {lay.sql(QStringLiteral("SELECT %1, game_id::text FROM {plays} WHERE game_id = ANY ($1)")
                     .arg(QLatin1String(kCheckedPlayColumns))),
         {ids}}};
    // Every lineup row of the page's games, the substitutions kept here: asked for in SQL,
    // the planner read every substitution of the season by an index on replacing_id.
    if (lay.has(layout::Kind::Lineups))
        reads.push_back({lay.sql(QStringLiteral("SELECT game_id::text, after_play, replacing_id, id FROM {lineups} "
                                                "WHERE game_id = ANY ($1)")),
                         {ids}});
    const std::vector<pg::Result> rows = m_conn.pipeline(reads, closing);
    rollback.dismiss();
    QHash<QString, QList<Replacement>> reps;
    if (rows.size() > 1) {
        const pg::Result &l = rows[1];
        for (int i = 0; i < l.rowCount(); ++i)
            if (!l.isNull(i, 1) && !l.isNull(i, 2))
                reps[l.value(i, 0)].append({l.toInt(i, 1), l.toInt(i, 2), l.toInt(i, 3)});
        for (QList<Replacement> &list : reps)
            std::sort(list.begin(), list.end(), [](const Replacement &a, const Replacement &b) {
                return std::pair(a.afterPlay, a.newId) < std::pair(b.afterPlay, b.newId);
            });
    }
    const pg::Result &p = rows[0];
    const int idColumn = p.columnCount() - 1;
    std::vector<QList<Play>> plays(size_t(out.size()));
    for (int i = 0; i < p.rowCount(); ++i)
        if (const auto it = at.constFind(p.value(i, idColumn)); it != at.constEnd())
            plays[size_t(*it)].append(playFromRow(p, i));
    for (qsizetype g = 0; g < out.size(); ++g) {
        QList<Play> &list = plays[size_t(g)];
        if (list.isEmpty())
            continue;
        // By play number, then by id where a number repeats (GameStore::open()'s order).
        std::sort(list.begin(), list.end(), [](const Play &a, const Play &b) {
            return std::pair(a.playNumber, a.id) < std::pair(b.playNumber, b.id);
        });
        GameSummary &s = out[g];
        s.plays = int(list.size());
        s.lastPlay = list.back().playNumber;
        const QList<Inconsistency> issues = checkConsistency(list, reps.value(s.id), rules());
        s.firstInconsistentPlay = issues.isEmpty() ? 0 : issues.first().playNumber;
    }
    return out;
}

} // namespace statescope::replay
