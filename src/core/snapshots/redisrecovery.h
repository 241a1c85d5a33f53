#pragma once

#include "core/snapshots/snapshotstore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace statescope::snapshots {

// Where Galaxy keeps its live state: redis://[:password@]host[:port][/db]. hiredis 0.14 (the
// client Debian 12 ships) has neither TLS nor a URL parser: rediss:// is refused as such, and
// the URL is parsed here. The password, when the URL holds none, may come from the keychain.
struct RedisUrl
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::RedisUrl)
public:
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    int db = 0;
    QString password;

    // InvalidInput, naming the expected form, for anything else.
    static RedisUrl parse(const QString &text);
    QString display() const; // without the password
};

// The keys the game's tick engine keeps (seed 002), as Redis returned them; nullopt: absent.
struct RedisGameState
{
    std::optional<QByteArray> tick, paused, tickRate, totalSpawns;
};

// Reads those keys with GET only (never writes). Environment, naming the URL, when Redis does
// not answer within timeoutMs or refuses the password or the db.
RedisGameState readRedis(const RedisUrl &url, int timeoutMs = 3000);

// What a Galaxy restart recovers from, by the game's own rule:
//   Redis game:tick absent                 -> the newest snapshot
//   Redis game:tick > the snapshot's tick  -> Redis (it is newer)
//   otherwise                              -> the snapshot (Redis is stale)
// with the values the restart then uses (from the source that wins).
struct RecoveryAnswer
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::RecoveryAnswer)
public:
    enum class Source { Snapshot, Redis, Nothing };
    Source source = Source::Nothing;
    RecoveryChoice snapshot;            // the newest snapshot (tick, then created_at, then id)
    std::optional<qint64> redisTick;    // game:tick, when Redis had one
    bool redisAsked = false;            // a Redis was named
    QString redisError;                 // it was named but could not be read (the answer is unconfirmed)
    QString redisUrl;                   // for people (no password)
    // The values the restart uses: the snapshot's state, or Redis's keys. Text as stored.
    QString tick, paused, tickRate, totalSpawns;
    QString why; // the rule's row that applied, with both ticks

    static QString sourceName(Source source); // snapshot, redis, nothing
};

// Applies the rule: the newest snapshot (and its paused, tick_rate, total_spawns), then Redis
// when a URL is given. A Redis that does not answer is not an error: the answer is the
// snapshot's, marked unconfirmed, with the reason.
RecoveryAnswer recoveryAnswer(pg::Connection &conn, const std::optional<RedisUrl> &redis);

} // namespace statescope::snapshots
