#pragma once

// Marketland+-shaped shard databases (seed 003): players with the generated shard_key, and
// player_events; what tst_shards and tst_shardspane share.

#include "support/testserver.h"

#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace statescope::test {

inline constexpr int kPlayers = 400;
inline constexpr int kEventsEach = 3;
inline const QString kRule = QStringLiteral("(('x' || substr(player_id::text, 1, 2))::bit(8)::int % 8)");

// One shard: its tables, and the players (and their events) whose rule value it holds.
// `check`: the shard says its values in a CHECK constraint, as a team that split by hand would.
inline void makeShard(const pg::ConnectionSettings &db, const QList<int> &values, bool check)
{
    auto conn = test::connect(db);
    QStringList v;
    for (int x : values)
        v << QString::number(x);
    const QString list = v.join(QLatin1Char(','));
    conn->exec(QStringLiteral("CREATE TABLE players (player_id uuid PRIMARY KEY, username text NOT NULL, "
                              "level int NOT NULL DEFAULT 1, shard_key smallint GENERATED ALWAYS AS (%1) STORED%2)")
                   .arg(kRule, check ? QStringLiteral(", CHECK (shard_key = ANY (ARRAY[%1]))").arg(list) : QString()));
    conn->exec(QStringLiteral("CREATE TABLE player_events (id bigserial PRIMARY KEY, player_id uuid NOT NULL "
                              "REFERENCES players ON DELETE CASCADE, event_type text NOT NULL, event_data jsonb NOT NULL DEFAULT '{}', occurred_at "
                              "timestamptz NOT NULL)"));
    conn->exec(QStringLiteral("CREATE INDEX ON player_events (occurred_at)"));
    conn->exec(QStringLiteral("INSERT INTO players (player_id, username, level) SELECT md5('p' || i)::uuid, 'p' || i, "
                              "i % 50 FROM generate_series(1, %1) i WHERE (('x' || substr(md5('p' || i), 1, 2))::bit(8)"
                              "::int % 8) = ANY (ARRAY[%2])")
                   .arg(kPlayers)
                   .arg(list));
    conn->exec(QStringLiteral("INSERT INTO player_events (player_id, event_type, occurred_at) SELECT p.player_id, "
                              "'login', timestamptz '2025-03-01 00:00+00' + ((hashtext(p.username || e) & 4095) "
                              "* interval '1 minute') FROM players p, generate_series(1, %1) e")
                   .arg(kEventsEach));
    conn->exec(QStringLiteral("ANALYZE"));
}

// The rule worked out by the test itself: the uuid's first byte, modulo 8.
inline int ruleValue(const QString &playerId)
{
    return playerId.left(2).toInt(nullptr, 16) % 8;
}

} // namespace statescope::test
