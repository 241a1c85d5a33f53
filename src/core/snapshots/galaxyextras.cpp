#include "galaxyextras.h"

#include "core/error.h"
#include "core/layout/layout.h"
#include "core/pg/connection.h"
#include "core/timestamp.h"
#include "core/validate.h"

#include <QLocale>

#include <nlohmann/json.hpp>

namespace statescope::snapshots {

namespace {

QDateTime timeOf(const pg::Result &r, int row, int column)
{
    if (r.isNull(row, column))
        return {};
    const auto t = Timestamp::fromServer(r.bytes(row, column));
    return t ? t->toDateTime() : QDateTime();
}

// A role's column under its canonical name, or a typed NULL when the table has none.
QString roleOr(const layout::Relation &rel, const char *role, const char *fallback)
{
    return rel.has(QLatin1String(role)) ? QLatin1String(role) : QLatin1String(fallback);
}

} // namespace

QList<ConfigEntry> readGameConfig(pg::Connection &conn)
{
    const auto lay = layout::of(conn);
    const layout::Relation *rel = lay->find(layout::Kind::GameConfig);
    if (!rel)
        return {};
    const auto r = conn.exec(lay->sql(QStringLiteral("SELECT key, value::text, %1 FROM {game_config} ORDER BY key")
                                          .arg(roleOr(*rel, "updated_at", "NULL::timestamptz"))));
    QList<ConfigEntry> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.value(i, 0), r.value(i, 1), timeOf(r, i, 2)});
    return out;
}

QString describeHistory(const QList<ConfigEntry> &config, int keep)
{
    // A retention entry of the game's own ({"max_count": 100, ...}) overrides the default.
    for (const ConfigEntry &e : config) {
        if (e.key != QLatin1String("retention"))
            continue;
        const auto v = nlohmann::json::parse(e.value.toStdString(), nullptr, false);
        if (v.is_object() && v.contains("max_count") && v["max_count"].is_number_integer()
            && v["max_count"].get<int>() > 0)
            keep = v["max_count"].get<int>();
    }
    for (const ConfigEntry &e : config) {
        if (e.key != QLatin1String("snapshot_interval"))
            continue;
        const auto v = nlohmann::json::parse(e.value.toStdString(), nullptr, false);
        double seconds = 0;
        if (v.is_number())
            seconds = v.get<double>();
        else if (v.is_string())
            seconds = QString::fromStdString(v.get<std::string>()).toDouble();
        if (seconds <= 0)
            return Maneuvers::tr("snapshot_interval is %1, not a number of seconds: the history kept "
                                 "cannot be told in time.")
                .arg(e.value);
        const double hours = seconds * keep / 3600.0;
        return Maneuvers::tr("A snapshot every %1 s (snapshot_interval): the game's prune keeps %2 of "
                             "those older than an hour, about %3 hours of history, plus every snapshot "
                             "younger than an hour.")
            .arg(QLocale().toString(seconds, 'g', 6))
            .arg(keep)
            .arg(QLocale().toString(hours, 'f', 1));
    }
    return Maneuvers::tr("game_config has no snapshot_interval: the history kept is %1 snapshots older "
                         "than an hour (plus every younger one), whatever their spacing.")
        .arg(keep);
}

QString ManeuverRetention::describe() const
{
    if (wouldDelete == 0)
        return Maneuvers::tr("The game keeps %L1 maneuver events per ship: every ship is within it "
                             "(%L2 events), the next prune deletes nothing.")
            .arg(keepPerShip)
            .arg(totalEvents);
    return Maneuvers::tr("The game keeps %L1 maneuver events per ship, pruned on insert: %L2 of %L3 events "
                         "(the oldest of %n ship(s)) go at the ship's next event.", nullptr, shipsOver)
        .arg(keepPerShip)
        .arg(wouldDelete)
        .arg(totalEvents);
}

bool Maneuvers::available() const
{
    return layout::of(m_conn)->has(layout::Kind::ManeuverEvents);
}

ManeuverRetention Maneuvers::retention(int keepPerShip, int limit) const
{
    if (keepPerShip < 1 || keepPerShip > 10'000'000)
        throw Error::invalidInput(tr("Rows kept per ship must be between 1 and 10,000,000."));
    if (limit < 1 || limit > 100'000)
        throw Error::invalidInput(tr("The ship limit must be between 1 and 100,000."));
    const auto lay = layout::of(m_conn);
    lay->require(layout::Kind::ManeuverEvents);
    // One pass over the table: per ship its count and span; the totals over every ship.
    const auto r = m_conn.exec(lay->sql(QStringLiteral(
                                   "WITH s AS (SELECT ship_id::text AS ship, count(*) AS n, max(created_at) AS newest, "
                                   "min(created_at) AS oldest FROM {maneuver_events} GROUP BY ship_id) "
                                   "SELECT ship, n, newest, oldest, greatest(n - $1, 0), "
                                   "sum(n) OVER (), sum(greatest(n - $1, 0)) OVER (), "
                                   "count(*) FILTER (WHERE n > $1) OVER () "
                                   "FROM s ORDER BY n DESC, ship LIMIT $2")),
                               {keepPerShip, limit});
    ManeuverRetention out;
    out.keepPerShip = keepPerShip;
    for (int i = 0; i < r.rowCount(); ++i) {
        out.ships.append({r.value(i, 0), r.toLongLong(i, 1), timeOf(r, i, 2), timeOf(r, i, 3), r.toLongLong(i, 4)});
        out.totalEvents = r.toLongLong(i, 5);
        out.wouldDelete = r.toLongLong(i, 6);
        out.shipsOver = r.toInt(i, 7);
    }
    return out;
}

QList<ManeuverEvent> Maneuvers::events(const QString &shipId, int limit) const
{
    const auto id = validate::uuid(shipId);
    if (!id)
        throw Error::invalidInput(tr("\"%1\" is not a ship id.").arg(shipId),
                                  tr("Ship ids are UUIDs, e.g. 7f3c2a10-0000-4000-8000-000000000000."));
    if (limit < 1 || limit > 10000)
        throw Error::invalidInput(tr("The limit must be between 1 and 10,000."));
    const auto lay = layout::of(m_conn);
    const layout::Relation &rel = lay->require(layout::Kind::ManeuverEvents);
    const auto r = m_conn.exec(
        lay->sql(QStringLiteral("SELECT %1, %2, event_type, %3, %4, %5, %6, created_at FROM {maneuver_events} "
                                "WHERE ship_id = $1 ORDER BY created_at DESC%7 LIMIT $2")
                     .arg(roleOr(rel, "id", "0::bigint"), roleOr(rel, "maneuver_type", "NULL::text"),
                          roleOr(rel, "phase", "NULL::text"), roleOr(rel, "tick", "0::bigint"),
                          roleOr(rel, "game_time", "NULL::timestamptz"), roleOr(rel, "status_text", "NULL::text"),
                          rel.has(QStringLiteral("id")) ? QStringLiteral(", id DESC") : QString())),
        {id->toString(QUuid::WithoutBraces), limit});
    QList<ManeuverEvent> out;
    for (int i = 0; i < r.rowCount(); ++i)
        out.append({r.toLongLong(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.toLongLong(i, 4),
                    timeOf(r, i, 5), r.value(i, 6), timeOf(r, i, 7)});
    return out;
}

} // namespace statescope::snapshots
