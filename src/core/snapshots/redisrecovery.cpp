#include "core/snapshots/redisrecovery.h"

#include "core/error.h"
#include "core/pg/connection.h"

#include <QRegularExpression>
#include <QUrl>

#include <hiredis/hiredis.h>

#include <memory>

namespace statescope::snapshots {

namespace {

const char *const kExpected = "redis://[:password@]host[:port][/db], e.g. redis://127.0.0.1:6379/0";

struct ContextFree
{
    void operator()(redisContext *c) const { redisFree(c); }
};
struct ReplyFree
{
    void operator()(redisReply *r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyFree>;

Reply command(redisContext *c, const RedisUrl &url, const char *format, const QByteArray &arg = {})
{
    void *raw = arg.isNull() ? redisCommand(c, format) : redisCommand(c, format, arg.constData(), size_t(arg.size()));
    Reply reply(static_cast<redisReply *>(raw));
    if (!reply)
        throw Error(Error::Kind::Environment,
                    RedisUrl::tr("Redis at %1 stopped answering: %2").arg(url.display(), QString::fromUtf8(c->errstr)));
    if (reply->type == REDIS_REPLY_ERROR)
        throw Error(Error::Kind::Environment,
                    RedisUrl::tr("Redis at %1 refused: %2").arg(url.display(), QString::fromUtf8(reply->str, int(reply->len))));
    return reply;
}

std::optional<QByteArray> get(redisContext *c, const RedisUrl &url, const char *key)
{
    const Reply r = command(c, url, "GET %b", QByteArray(key));
    if (r->type == REDIS_REPLY_NIL)
        return std::nullopt;
    if (r->type != REDIS_REPLY_STRING)
        throw Error(Error::Kind::Environment, RedisUrl::tr("Redis at %1 holds %2 as something other than a string.")
                                                  .arg(url.display(), QLatin1String(key)));
    return QByteArray(r->str, qsizetype(r->len));
}

// The snapshot's value at a top-level key of its state, as text ("false", "1.0", "42").
QString stateValue(pg::Connection &conn, qint64 id, const char *key)
{
    const PathValue v = SnapshotStore(conn).valueAt(id, {json::PathStep{false, 0, QString::fromLatin1(key)}});
    if (!v.present)
        return {};
    QString text = QString::fromUtf8(v.text);
    if (v.type == QLatin1String("string") && text.size() >= 2)
        text = text.mid(1, text.size() - 2);
    return text;
}

} // namespace

RedisUrl RedisUrl::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1String("rediss://"), Qt::CaseInsensitive))
        throw Error::invalidInput(tr("%1 asks for TLS, which the Redis client Statescope uses (hiredis 0.14) does not "
                                     "support.").arg(t),
                                  tr("Reach Redis without TLS (a tunnel, or a port on a private network)."));
    const QUrl u(t, QUrl::StrictMode);
    if (!u.isValid() || u.scheme().compare(QLatin1String("redis"), Qt::CaseInsensitive) != 0 || u.host().isEmpty()
        || u.hasQuery() || u.hasFragment())
        throw Error::invalidInput(tr("\"%1\" is not a Redis URL.").arg(t), tr("Write it as %1.").arg(QLatin1String(kExpected)));
    RedisUrl url;
    url.host = u.host();
    url.port = u.port(6379);
    if (url.port < 1 || url.port > 65535)
        throw Error::invalidInput(tr("\"%1\" names port %2: ports run from 1 to 65535.").arg(t).arg(url.port));
    url.password = u.password(QUrl::FullyDecoded);
    const QString path = u.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        static const QRegularExpression number(QStringLiteral("^/([0-9]{1,4})$"));
        const auto m = number.match(path);
        if (!m.hasMatch())
            throw Error::invalidInput(tr("\"%1\" names database \"%2\": a Redis database is a number (0 to 9999).")
                                          .arg(t, path.mid(1)),
                                      tr("Write it as %1.").arg(QLatin1String(kExpected)));
        url.db = m.captured(1).toInt();
    }
    return url;
}

QString RedisUrl::display() const
{
    return QStringLiteral("redis://%1:%2/%3").arg(host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host).arg(port).arg(db);
}

RedisGameState readRedis(const RedisUrl &url, int timeoutMs)
{
    const timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    std::unique_ptr<redisContext, ContextFree> c(redisConnectWithTimeout(url.host.toUtf8().constData(), url.port, timeout));
    if (!c || c->err)
        throw Error(Error::Kind::Environment,
                    RedisUrl::tr("Redis at %1 does not answer: %2")
                        .arg(url.display(), c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory")));
    redisSetTimeout(c.get(), timeout);
    if (!url.password.isEmpty())
        command(c.get(), url, "AUTH %b", url.password.toUtf8());
    if (url.db != 0)
        command(c.get(), url, "SELECT %b", QByteArray::number(url.db));
    RedisGameState s;
    s.tick = get(c.get(), url, "game:tick");
    s.paused = get(c.get(), url, "game:paused");
    s.tickRate = get(c.get(), url, "game:tick_rate");
    s.totalSpawns = get(c.get(), url, "game:total_spawns");
    return s;
}

QString RecoveryAnswer::sourceName(Source source)
{
    switch (source) {
    case Source::Snapshot: return QStringLiteral("snapshot");
    case Source::Redis: return QStringLiteral("redis");
    case Source::Nothing: break;
    }
    return QStringLiteral("nothing");
}

RecoveryAnswer recoveryAnswer(pg::Connection &conn, const std::optional<RedisUrl> &redis)
{
    RecoveryAnswer a;
    a.snapshot = SnapshotStore(conn).recovery();
    std::optional<RedisGameState> state;
    if (redis) {
        a.redisAsked = true;
        a.redisUrl = redis->display();
        try {
            state = readRedis(*redis);
        } catch (const Error &e) {
            a.redisError = e.message();
        }
    }
    if (state && state->tick) {
        bool ok = false;
        const qint64 t = state->tick->trimmed().toLongLong(&ok);
        if (ok)
            a.redisTick = t;
        else
            a.redisError = RecoveryAnswer::tr("game:tick holds \"%1\", not a whole number; the game cannot use it either.")
                               .arg(QString::fromUtf8(state->tick->left(40)));
    }
    const auto fromSnapshot = [&] {
        const SnapshotInfo &s = *a.snapshot.snapshot;
        a.source = RecoveryAnswer::Source::Snapshot;
        a.tick = QString::number(s.tick);
        a.paused = stateValue(conn, s.id, "paused");
        a.tickRate = stateValue(conn, s.id, "tick_rate");
        a.totalSpawns = stateValue(conn, s.id, "total_spawns");
    };
    const qint64 snapTick = a.snapshot.snapshot ? a.snapshot.snapshot->tick : 0;
    if (a.redisTick && (!a.snapshot.snapshot || *a.redisTick > snapTick)) {
        a.source = RecoveryAnswer::Source::Redis;
        a.tick = QString::number(*a.redisTick);
        a.paused = state->paused ? QString::fromUtf8(*state->paused) : QString();
        a.tickRate = state->tickRate ? QString::fromUtf8(*state->tickRate) : QString();
        a.totalSpawns = state->totalSpawns ? QString::fromUtf8(*state->totalSpawns) : QString();
        a.why = a.snapshot.snapshot
                    ? RecoveryAnswer::tr("Redis game:tick %1 is newer than the newest snapshot's tick %2: Redis is used.")
                          .arg(*a.redisTick)
                          .arg(snapTick)
                    : RecoveryAnswer::tr("Redis game:tick %1 and no snapshot: Redis is used.").arg(*a.redisTick);
        return a;
    }
    if (!a.snapshot.snapshot) {
        a.why = RecoveryAnswer::tr("No snapshot and no Redis tick: a restart starts a new world.");
        return a;
    }
    fromSnapshot();
    if (!redis)
        a.why = RecoveryAnswer::tr("The newest snapshot, tick %1, assuming Redis is empty (no Redis named: with "
                                   "game:tick above %1, Redis would win).").arg(snapTick);
    else if (!a.redisError.isEmpty())
        a.why = RecoveryAnswer::tr("The newest snapshot, tick %1 - unconfirmed: %2").arg(snapTick).arg(a.redisError);
    else if (!a.redisTick)
        a.why = RecoveryAnswer::tr("Redis has no game:tick: the newest snapshot, tick %1, is used.").arg(snapTick);
    else if (*a.redisTick == snapTick)
        a.why = RecoveryAnswer::tr("Redis game:tick %1 equals the snapshot's: the snapshot is used (authoritative).")
                    .arg(*a.redisTick);
    else
        a.why = RecoveryAnswer::tr("Redis game:tick %1 is behind the snapshot's tick %2: the snapshot is used (Redis is "
                                   "stale).").arg(*a.redisTick).arg(snapTick);
    return a;
}

} // namespace statescope::snapshots
