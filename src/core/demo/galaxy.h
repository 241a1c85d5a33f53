#pragma once

#include "core/demo/random.h"

#include <QtGlobal>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace statescope::demo {

// The Galaxy world behind core.snapshots: a star with planets on circular orbits and a
// few ships that burn fuel in bursts and coast in between. One ship has a stuck throttle
// and runs dry about halfway through ("why does the snapshot at tick N have a ship with
// no fuel?"); two more ships spawn along the way (total_spawns grows).
//
// The physics is integer arithmetic on metres and metres per tick (planets turn with
// Minsky's circle algorithm, which needs only shifts and adds), so every machine computes
// the same positions; documents show kilometres as integer / 1000.0, one exact division.
class GalaxySimulation
{
public:
    static constexpr int kTickRate = 1;          // ticks per second of game time
    static constexpr int kSnapshotInterval = 60; // ticks between snapshots

    GalaxySimulation(std::uint64_t seed, qint64 startMs, qint64 totalTicks);

    // Runs to the next snapshot tick and returns the state document.
    nlohmann::json nextSnapshot();
    qint64 tick() const { return m_tick; }
    qint64 gameTimeMs() const { return m_startMs + m_tick * 1000 / kTickRate; }

private:
    struct Body
    {
        std::string name;
        std::string kind;
        double mass = 0; // kg, a constant of the catalogue
        qint64 radiusKm = 0;
        qint64 x = 0, y = 0;   // metres
        qint64 vx = 0, vy = 0; // metres per tick (the last step)
        int shift = 0;         // orbit speed: one radian per 2^shift ticks; 0 = fixed
    };
    struct Ship
    {
        std::string id, playerId, name;
        qint64 x = 0, y = 0, z = 0;
        qint64 vx = 0, vy = 0, vz = 0;
        qint64 ax = 0, ay = 0, az = 0;                   // thrust direction while burning, m/tick^2
        qint64 fuel = 0, fuelCapacity = 0, burnRate = 0; // tenths of a unit
        qint64 thrust = 0;                               // newtons while burning
        qint64 massKg = 0;
        qint64 burnUntil = 0, coastUntil = 0;
        bool stuckThrottle = false;
        bool burning = false;
    };

    static void orbit(Body &body);
    void step();
    void spawnShip(bool stuckThrottle);
    nlohmann::json document() const;

    Random m_rng;
    qint64 m_startMs = 0;
    qint64 m_totalTicks = 0;
    qint64 m_tick = 0;
    int m_spawns = 0;
    std::vector<Body> m_bodies;
    std::vector<Ship> m_ships;
};

} // namespace statescope::demo
