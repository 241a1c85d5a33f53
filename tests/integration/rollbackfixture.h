#pragma once

// What tst_rollback, tst_rollback_undo and tst_rollback_safety share: digests of a game's
// rows, Statescope's own records of rollbacks, the first inconsistent play, rollback
// options, the substitutions the tests add to a demo game, and a fixture that seeds a
// fresh database per test and drops them all at the end.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"
#include "core/replay/consistency.h"
#include "core/replay/gamestore.h"
#include "core/replay/rollback.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QString>
#include <QStringList>
#include <tuple>
#include <utility>

namespace statescope::test {

// md5 over a game's rows, table by table, in a fixed order and in UTC: equal digests mean
// byte-identical rows (ids included).
struct Digest
{
    QString plays, lineups, rolls, game;
    bool operator==(const Digest &) const = default;
    QString text() const
    {
        return QStringLiteral("plays %1 lineups %2 rolls %3 game %4")
            .arg(plays, lineups, rolls, game);
    }
};

inline Digest digest(pg::Connection &conn, const QString &gameId)
{
    conn.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    auto of = [&](const char *table, const char *order) {
        return conn
            .exec(
                QStringLiteral("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY %2)), '') "
                               "FROM %1 t WHERE game_id = $1")
                    .arg(QLatin1String(table), QLatin1String(order)),
                {gameId})
            .value(0, 0);
    };
    Digest d;
    d.plays = of("core.plays", "id");
    d.lineups = of("core.lineups", "id");
    d.rolls = of("core.rolls", "roll_id");
    d.game =
        conn.exec(QStringLiteral("SELECT md5(t::text) FROM core.games t WHERE id = $1"), {gameId})
            .value(0, 0);
    return d;
}

// Statescope's own records of rollbacks: all must stay untouched by a refused rollback.
struct Records
{
    qint64 rollbacks = 0, rows = 0, audits = 0;
    QString text() const
    {
        return QStringLiteral("%1 rollbacks, %2 archived rows, %3 audit rows")
            .arg(rollbacks)
            .arg(rows)
            .arg(audits);
    }
};

inline Records records(pg::Connection &conn)
{
    return {scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.rollbacks")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.rollback_rows")),
            scalar(conn, QStringLiteral("SELECT count(*) FROM statescope.audit_log "
                                        "WHERE action IN ('rollback', 'rollback_undo')"))};
}

// The first inconsistent play by both checks, which must agree: the SQL one of
// GameStore::list() and checkConsistency() over the plays. -1 when they disagree.
inline int firstInconsistent(pg::Connection &conn, const QString &gameId)
{
    replay::GameStore store(conn);
    const auto issues = replay::checkConsistency(
        store.plays(gameId), replay::GameStore::replacements(store.lineups(gameId)));
    const int cpp = issues.isEmpty() ? 0 : issues.first().playNumber;
    replay::GameFilter all;
    all.limit = 100000;
    for (const replay::GameSummary &g : store.list(all))
        if (g.id == gameId)
            return g.firstInconsistentPlay == cpp ? cpp : -1;
    return -1;
}

inline replay::RollbackOptions
opts(int toPlay, const QString &reason = QStringLiteral("test rollback"), bool deleteRolls = false)
{
    replay::RollbackOptions o;
    o.toPlay = toPlay;
    o.reason = reason;
    o.deleteRolls = deleteRolls;
    return o;
}

// Substitutions this test adds to a demo game around play n: one before (kept by a
// rollback to n), one exactly at n and one near the end (both deleted).
struct OwnSubs
{
    int kept = 0, keptReplaced = 0;
    int atN = 0, atNReplaced = 0;
    int late = 0, lateReplaced = 0;
};

inline OwnSubs addSubs(pg::Connection &conn, const QString &gameId, int n, int lastPlay)
{
    // Starters still in the game that nobody has replaced yet, never the catcher.
    const auto free = conn.exec(
        QStringLiteral("SELECT id, team_id, batting_order FROM core.lineups l WHERE game_id = $1 "
                       "AND is_starter AND is_active AND position <> 'C' AND NOT EXISTS "
                       "(SELECT 1 FROM core.lineups s WHERE s.replacing_id = l.id) "
                       "ORDER BY batting_order, id LIMIT 3"),
        {gameId});
    if (free.rowCount() < 3)
        throw Error(Error::Kind::Internal, QStringLiteral("no free starters in %1").arg(gameId));
    auto add = [&](int row, int afterPlay, int person) {
        const int replaced = free.toInt(row, 0);
        conn.exec(QStringLiteral("UPDATE core.lineups SET is_active = false WHERE id = $1"),
                  {replaced});
        const int id =
            conn.exec(QStringLiteral("INSERT INTO core.lineups (game_id, team_id, player_id, "
                                     "position, batting_order, is_starter, is_active, "
                                     "replacing_id, after_play, entered_inning) "
                                     "VALUES ($1, $2, $3, 'PH', $4, false, true, $5, $6, 1) "
                                     "RETURNING id"),
                      {gameId, free.toInt(row, 1), person, free.toInt(row, 2), replaced, afterPlay})
                .toInt(0, 0);
        return std::pair{id, replaced};
    };
    OwnSubs s;
    std::tie(s.kept, s.keptReplaced) = add(0, n - 1, 990001);
    std::tie(s.atN, s.atNReplaced) = add(1, n, 990002);
    std::tie(s.late, s.lateReplaced) = add(2, lastPlay - 1, 990003);
    return s;
}

// The databases of one test binary: each test seeds its own, all are dropped at the end.
class RollbackFixture
{
protected:
    QStringList m_databases; // dropped at the end whatever happened

    struct Seeded
    {
        pg::ConnectionSettings db;
        demo::DemoReport report;
    };

    // A fresh weekly database with a small demo: 12 games, 4 of them active (one broken).
    Seeded seeded(const QString &hint)
    {
        Seeded s;
        s.db = freshDatabase(hint);
        m_databases << s.db.database();
        s.report = seedDemo(*test::connect(s.db));
        return s;
    }

    // Active, consistent games, the ones with most substitutions first.
    static QStringList activeGames(pg::Connection &conn, const demo::DemoReport &report)
    {
        return activeGamesOf(conn, report);
    }

public:
    static QStringList activeGamesOf(pg::Connection &conn, const demo::DemoReport &report)
    {
        const auto r = conn.exec(
            QStringLiteral("SELECT g.id FROM core.games g WHERE g.status = 'active' AND g.id <> $1 "
                           "AND (SELECT count(*) FROM core.plays p WHERE p.game_id = g.id) >= 8 "
                           "ORDER BY (SELECT count(*) FROM core.lineups l WHERE l.game_id = g.id "
                           "AND l.after_play IS NOT NULL) DESC, g.id"),
            {report.brokenGameId});
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.value(i, 0);
        return out;
    }

    static QString completedGame(pg::Connection &conn)
    {
        return conn
            .exec(QStringLiteral("SELECT id FROM core.games WHERE status = 'completed' "
                                 "ORDER BY id LIMIT 1"))
            .value(0, 0);
    }
};

} // namespace statescope::test
