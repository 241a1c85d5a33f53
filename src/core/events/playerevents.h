#pragma once

#include "core/timestamp.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::events {

// Which per-player events to read (Marketland+'s player_events: append-only, partitioned by
// month on occurred_at). Every value is a bound parameter.
struct PlayerEventFilter
{
    QString player;      // empty: every player (a UUID where the column is one)
    QStringList types;   // empty: every type
    std::optional<Timestamp> since, until; // occurred_at >= since, < until
};

struct PlayerEvent
{
    qint64 id = 0;
    QString player;
    QString type;
    QString data;      // the event's JSON text, at most its first 4 kB
    qint64 dataBytes = 0;
    Timestamp occurredAt = Timestamp::fromUsecs(0);
};

// Where a page ended, to read on from (newest first: the next page is older).
struct PlayerEventCursor
{
    Timestamp occurredAt = Timestamp::fromUsecs(0);
    qint64 id = 0;
};

struct PlayerEventPage
{
    QList<PlayerEvent> rows;
    std::optional<PlayerEventCursor> next; // set when more rows follow
};

struct TypeDayCount
{
    QDate day; // UTC
    QString type;
    qint64 count = 0;
};

class PlayerEventStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::events::PlayerEventStore)
public:
    explicit PlayerEventStore(pg::Connection &conn) : m_conn(conn) {}

    bool available() const;
    QString source() const; // "public.player_events, detected (3 partitions)"
    // Newest first, keyset-paged by (occurred_at, id): the time bounds (and the cursor's
    // time) prune the partitions, so a month's page reads one. InvalidInput for a limit
    // outside 1..10000, a player that is not a UUID where the column is one, since >= until.
    PlayerEventPage page(const PlayerEventFilter &filter, int limit = 200,
                         const std::optional<PlayerEventCursor> &after = std::nullopt) const;
    // Events per type per UTC day, newest day first. Needs a player or a range of at most
    // 366 days (a day of a big game is hundreds of millions of rows).
    QList<TypeDayCount> countsPerDay(const PlayerEventFilter &filter) const;
    // The partitions the first page's statement reads, from its plan (for the pane to say,
    // and to check that pruning works).
    QStringList partitionsRead(const PlayerEventFilter &filter) const;

private:
    struct Statement;
    Statement where(const PlayerEventFilter &filter, const std::optional<PlayerEventCursor> &after) const;
    pg::Connection &m_conn;
};

} // namespace statescope::events
