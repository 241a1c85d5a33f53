#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace statescope::pg {
class Connection;
}

namespace statescope::snapshots {

// One row of Galaxy's game_config (key -> JSON value).
struct ConfigEntry
{
    QString key;
    QString value; // JSON text
    QDateTime updatedAt;
};

// game_config through the layout, by key; empty when the database has none.
QList<ConfigEntry> readGameConfig(pg::Connection &conn);

// What the game's snapshot retention keeps, in time, from snapshot_interval (seconds
// between snapshots): "100 snapshots at 60 s = about 1.7 hours, plus every snapshot younger
// than an hour". Says so when the interval is not configured or not a number.
QString describeHistory(const QList<ConfigEntry> &config, int keep = 100);

// Maneuver events of one ship, newest first (the game keeps 1,000 per ship, pruned on
// insert).
struct ManeuverEvent
{
    qint64 id = 0;
    QString maneuverType;
    QString eventType;
    QString phase;
    qint64 tick = 0;
    QDateTime gameTime;
    QString status;
    QDateTime createdAt;
};

struct ShipManeuvers
{
    QString shipId;
    qint64 events = 0;
    QDateTime newest;
    QDateTime oldest;
    qint64 beyondRetention = 0; // rows the game's next prune deletes (events - keep, at least 0)
};

struct ManeuverRetention
{
    int keepPerShip = 1000;
    qint64 totalEvents = 0;
    qint64 wouldDelete = 0;
    int shipsOver = 0;
    QList<ShipManeuvers> ships; // most events first (at most `limit` ships)
    QString describe() const;
};

class Maneuvers
{
    Q_DECLARE_TR_FUNCTIONS(statescope::snapshots::Maneuvers)
public:
    static constexpr int kKeepPerShip = 1000;
    explicit Maneuvers(pg::Connection &conn) : m_conn(conn) {}

    bool available() const; // the database has maneuver events
    // Per ship: events, newest and oldest, and what the game's retention would delete.
    ManeuverRetention retention(int keepPerShip = kKeepPerShip, int limit = 500) const;
    // A ship's events, newest first (the game keeps 1,000 per ship, so the default reads
    // them all). InvalidInput for a ship id that is not a UUID, limit outside 1..10000.
    QList<ManeuverEvent> events(const QString &shipId, int limit = kKeepPerShip) const;

private:
    pg::Connection &m_conn;
};

} // namespace statescope::snapshots
