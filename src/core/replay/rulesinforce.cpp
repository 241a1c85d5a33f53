// The rules in force for a GameStore: stated (rules.h), else seen in the plays of the
// database's newest games, read once in one statement.
#include "core/replay/gamestore.h"

#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/replay/rules.h"

namespace statescope::replay {

const GameRules &GameStore::rules() const
{
    if (m_given)
        return *m_given;
    if (m_stated)
        return *m_stated;
    return rulesInForce().rules;
}

const RulesInForce &GameStore::rulesInForce() const
{
    if (m_inForce)
        return *m_inForce;
    RulesInForce f;
    const auto lay = layout::of(m_conn);
    const layout::Relation *plays = lay->find(layout::Kind::Plays);
    const layout::Relation *games = lay->find(layout::Kind::Games);
    if (plays && games && canCheck(*lay) && games->has(QStringLiteral("created_at"))) {
        // The half-innings the newest games' plays start, by inning (halfStarts(), set-based),
        // and whether any of their lineups has a designated hitter. Bounded: the newest 500
        // games, each one's plays read by its game id.
        const bool lineups = lay->find(layout::Kind::Lineups) && lay->find(layout::Kind::Lineups)->has(QStringLiteral("position"));
        const auto r = m_conn.exec(sql(QStringLiteral(
            "WITH g AS (SELECT id FROM {games} ORDER BY created_at DESC NULLS LAST LIMIT 500), "
            "o AS (SELECT p.inning, p.outs_before, p.on_first_id, p.on_second_id, p.on_third_id, "
            "  lag(p.outs_before + p.outs_recorded) OVER w AS lo "
            "  FROM {plays p} JOIN g ON g.id = p.game_id WINDOW w AS (PARTITION BY p.game_id ORDER BY p.play_number, p.id)) "
            "SELECT inning, count(*), count(*) FILTER (WHERE outs_before = 0 AND on_second_id IS NOT NULL "
            "  AND on_first_id IS NULL AND on_third_id IS NULL), %1 "
            "FROM o WHERE lo >= 3 GROUP BY inning ORDER BY inning")
                                           .arg(lineups ? QStringLiteral("(SELECT EXISTS (SELECT 1 FROM {lineups l} JOIN g ON g.id = l.game_id "
                                                                         "WHERE upper(l.position) = 'DH'))")
                                                        : QStringLiteral("false"))));
        QList<HalfStarts> halves;
        for (int i = 0; i < r.rowCount(); ++i) {
            halves.append({r.toInt(i, 0), r.toInt(i, 1), r.toInt(i, 2)});
            f.designatedHitterSeen = f.designatedHitterSeen || r.toBool(i, 3);
        }
        f.placedSeen = placedRunnerSeen(halves);
    }
    if (m_given || m_stated) {
        f.rules = m_given ? *m_given : *m_stated;
        f.source = RulesInForce::Source::Stated;
        f.scope = m_given ? m_conn.database() : rulesScopeFor(m_conn.database());
    } else if (f.placedSeen || f.designatedHitterSeen) {
        f.source = RulesInForce::Source::Seen;
        f.rules.placedRunnerFrom = f.placedSeen.value_or(0);
        if (f.designatedHitterSeen)
            f.rules.designatedHitter = true;
    }
    m_inForce = f;
    return *m_inForce;
}

} // namespace statescope::replay
