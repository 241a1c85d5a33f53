#include "playerevents.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/validate.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace statescope::events {

struct PlayerEventStore::Statement
{
    QStringList where;
    std::vector<pg::Param> params;
    QString bind(const pg::Param &p)
    {
        params.push_back(p);
        return QStringLiteral("$%1").arg(params.size());
    }
};

bool PlayerEventStore::available() const
{
    return layout::of(m_conn)->has(layout::Kind::PlayerEvents);
}

QString PlayerEventStore::source() const
{
    const layout::Relation &rel = layout::of(m_conn)->require(layout::Kind::PlayerEvents);
    return rel.partitions > 0 ? tr("%1 (%n partition(s))", nullptr, rel.partitions).arg(rel.describe())
                              : rel.describe();
}

PlayerEventStore::Statement PlayerEventStore::where(const PlayerEventFilter &f,
                                                    const std::optional<PlayerEventCursor> &after) const
{
    const auto lay = layout::of(m_conn);
    const layout::Relation &rel = lay->require(layout::Kind::PlayerEvents);
    Statement st;
    if (!f.player.isEmpty()) {
        const auto player = rel.columns.find(QStringLiteral("player_id"));
        const bool uuid = player != rel.columns.end() && player->second.typeClass == layout::TypeClass::Uuid;
        if (uuid && !validate::uuid(f.player))
            throw Error::invalidInput(tr("\"%1\" is not a player id.").arg(f.player),
                                      tr("Player ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000."));
        st.where << QStringLiteral("player_id = %1").arg(st.bind(f.player.trimmed()));
    }
    if (!f.types.isEmpty()) {
        nlohmann::json types = nlohmann::json::array();
        for (const QString &t : f.types)
            types.push_back(t.toStdString());
        st.where << QStringLiteral("event_type::text IN (SELECT jsonb_array_elements_text(%1::jsonb))")
                        .arg(st.bind(QString::fromStdString(types.dump())));
    }
    if (f.since && f.until && *f.since >= *f.until)
        throw Error::invalidInput(tr("The start of the range must come before its end."));
    if (f.since)
        st.where << QStringLiteral("occurred_at >= %1::timestamptz").arg(st.bind(f.since->toIso()));
    if (f.until)
        st.where << QStringLiteral("occurred_at < %1::timestamptz").arg(st.bind(f.until->toIso()));
    if (after) {
        // The plain bound prunes partitions; the row comparison breaks ties by id.
        const QString t = st.bind(after->occurredAt.toIso());
        st.where << QStringLiteral("occurred_at <= %1::timestamptz").arg(t);
        if (rel.has(QStringLiteral("id")))
            st.where << QStringLiteral("(occurred_at, id) < (%1::timestamptz, %2::bigint)").arg(t, st.bind(after->id));
        else
            st.where << QStringLiteral("occurred_at < %1::timestamptz").arg(t);
    }
    return st;
}

PlayerEventPage PlayerEventStore::page(const PlayerEventFilter &filter, int limit,
                                       const std::optional<PlayerEventCursor> &after) const
{
    if (limit < 1 || limit > 10000)
        throw Error::invalidInput(tr("The page size must be between 1 and 10,000."));
    const auto lay = layout::of(m_conn);
    const bool hasId = lay->require(layout::Kind::PlayerEvents).has(QStringLiteral("id"));
    Statement st = where(filter, after);
    const QString limitParam = st.bind(limit + 1);
    const QString sql =
        QStringLiteral("SELECT %1, player_id::text, event_type, left(event_data::text, 4096), "
                       "octet_length(event_data::text), occurred_at FROM {player_events}%2 "
                       "ORDER BY occurred_at DESC%3 LIMIT %4")
            .arg(hasId ? QStringLiteral("id") : QStringLiteral("0::bigint"),
                 st.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + st.where.join(QStringLiteral(" AND ")),
                 hasId ? QStringLiteral(", id DESC") : QString(), limitParam);
    const auto r = m_conn.exec(lay->sql(sql), st.params);
    PlayerEventPage out;
    for (int i = 0; i < std::min(r.rowCount(), limit); ++i) {
        PlayerEvent e;
        e.id = r.toLongLong(i, 0);
        e.player = r.value(i, 1);
        e.type = r.value(i, 2);
        e.data = r.value(i, 3);
        e.dataBytes = r.toLongLong(i, 4);
        e.occurredAt = Timestamp::fromServer(r.bytes(i, 5)).value_or(Timestamp::fromUsecs(0));
        out.rows.append(e);
    }
    if (r.rowCount() > limit)
        out.next = PlayerEventCursor{out.rows.last().occurredAt, out.rows.last().id};
    return out;
}

QList<TypeDayCount> PlayerEventStore::countsPerDay(const PlayerEventFilter &filter) const
{
    const bool bounded = filter.since && filter.until
                         && filter.until->usecsSinceEpoch() - filter.since->usecsSinceEpoch()
                                <= 366LL * 24 * 3600 * 1000000;
    if (filter.player.isEmpty() && !bounded)
        throw Error::invalidInput(tr("Counting every player's events needs a time range of at most 366 days."),
                                  tr("Give a player, or a start and an end."));
    Statement st = where(filter, std::nullopt);
    const QString sql = QStringLiteral("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), event_type, "
                                       "count(*) FROM {player_events}%1 GROUP BY 1, 2 ORDER BY 1 DESC, 2")
                            .arg(st.where.isEmpty() ? QString()
                                                    : QStringLiteral(" WHERE ") + st.where.join(QStringLiteral(" AND ")));
    const auto r = m_conn.exec(layout::of(m_conn)->sql(sql), st.params);
    QList<TypeDayCount> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({QDate::fromString(r.value(i, 0), Qt::ISODate), r.value(i, 1), r.toLongLong(i, 2)});
    return out;
}

QStringList PlayerEventStore::partitionsRead(const PlayerEventFilter &filter) const
{
    const auto lay = layout::of(m_conn);
    Statement st = where(filter, std::nullopt);
    // EXPLAIN of the same statement with the values in place (a custom plan, as the page
    // gets): the relations it scans.
    const QString sql = QStringLiteral("EXPLAIN (FORMAT JSON) SELECT * FROM {player_events}%1 ORDER BY occurred_at DESC LIMIT 200")
                            .arg(st.where.isEmpty() ? QString()
                                                    : QStringLiteral(" WHERE ") + st.where.join(QStringLiteral(" AND ")));
    // EXPLAIN takes no parameters: the values go in as quoted literals.
    QString text = lay->sql(sql);
    for (int i = int(st.params.size()); i >= 1; --i)
        text.replace(QStringLiteral("$%1").arg(i), m_conn.quoteLiteral(QString::fromUtf8(st.params[size_t(i - 1)].text().value_or(QByteArray()))));
    const auto r = m_conn.exec(text);
    QStringList out;
    std::function<void(const nlohmann::json &)> walk = [&](const nlohmann::json &node) {
        if (node.is_object()) {
            if (node.contains("Relation Name") && node["Relation Name"].is_string()) {
                const QString name = QString::fromStdString(node["Relation Name"].get<std::string>());
                if (!out.contains(name))
                    out << name;
            }
            for (const auto &[key, value] : node.items())
                walk(value);
        } else if (node.is_array()) {
            for (const auto &value : node)
                walk(value);
        }
    };
    walk(nlohmann::json::parse(r.value(0, 0).toStdString(), nullptr, false));
    return out;
}

} // namespace statescope::events
