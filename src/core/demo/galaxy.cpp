#include "galaxy.h"

#include "core/demo/copytext.h"

namespace statescope::demo {

using nlohmann::json;

namespace {

// Metres to the kilometres the documents show: one exact division, no accumulated error.
double km(qint64 metres)
{
    return double(metres) / 1000.0;
}

json vec(qint64 x, qint64 y, qint64 z)
{
    return json::array({km(x), km(y), km(z)});
}

} // namespace

GalaxySimulation::GalaxySimulation(std::uint64_t seed, qint64 startMs, qint64 totalTicks)
    : m_rng(Random::stream(seed, "galaxy")), m_startMs(startMs), m_totalTicks(totalTicks)
{
    // A star and four planets on a game scale (a planet turns in hours, not years);
    // orbit radii in kilometres, speeds as Minsky shifts.
    m_bodies.push_back({"Helios", "star", 1.989e30, 696340, 0, 0, 0, 0, 0});
    struct Planet
    {
        const char *name;
        double mass;
        qint64 radiusKm;
        qint64 orbitKm;
        int shift;
    };
    const Planet planets[] = {{"Aster", 3.30e23, 2440, 57'900, 10},
                              {"Brontes", 5.97e24, 6371, 149'600, 11},
                              {"Cinder", 6.42e23, 3390, 227'900, 12},
                              {"Dione", 1.90e27, 69911, 778'500, 13}};
    for (const Planet &p : planets) {
        Body b{p.name, "planet", p.mass, p.radiusKm, p.orbitKm * 1000, 0, 0, 0, p.shift};
        m_bodies.push_back(b);
    }
    // Start each planet somewhere along its orbit: turn it by a random number of ticks
    // (a full turn is about 2 pi * 2^shift ticks).
    for (std::size_t i = 1; i < m_bodies.size(); ++i) {
        const qint64 turn = (qint64(1) << m_bodies[i].shift) * 628 / 100;
        for (qint64 t = m_rng.uniformInt64(1, turn); t > 0; --t)
            orbit(m_bodies[i]); // at least once, so the velocity is set
    }
    for (int i = 0; i < 4; ++i)
        spawnShip(i == 2);
}

void GalaxySimulation::spawnShip(bool stuckThrottle)
{
    static const char *const kNames[] = {"Kestrel", "Osprey", "Marlin", "Tern",
                                         "Heron",   "Petrel", "Skua",   "Gannet"};
    Ship s;
    s.id = m_rng.uuid().toStdString();
    s.playerId = m_rng.uuid().toStdString();
    s.name = kNames[m_spawns % 8];
    const Body &near = m_bodies[std::size_t(1 + m_rng.uniformInt(0, 3))];
    s.x = near.x + m_rng.uniformInt64(-5'000'000, 5'000'000);
    s.y = near.y + m_rng.uniformInt64(-5'000'000, 5'000'000);
    s.z = m_rng.uniformInt64(-200'000, 200'000);
    s.vx = m_rng.uniformInt64(-2'500, 2'500);
    s.vy = m_rng.uniformInt64(-2'500, 2'500);
    s.vz = m_rng.uniformInt64(-50, 50);
    s.massKg = m_rng.uniformInt64(20, 400) * 1000;
    s.thrust = m_rng.uniformInt64(50, 400) * 1000;
    s.burnRate = m_rng.uniformInt64(2, 9); // tenths of a unit per tick
    s.stuckThrottle = stuckThrottle;
    if (stuckThrottle) {
        // Burns on every tick and carries fuel for a little over half the run.
        s.fuel = s.burnRate * std::max<qint64>(1, m_totalTicks * 55 / 100);
        s.fuelCapacity = s.fuel * 2;
        s.ax = 2, s.ay = -1, s.az = 0;
    } else {
        // Enough to burn on every remaining tick: these never run dry.
        s.fuelCapacity = s.burnRate * (m_totalTicks + 1) + 1000;
        s.fuel = s.fuelCapacity;
        s.coastUntil = m_tick + m_rng.uniformInt(10, 200);
    }
    m_ships.push_back(s);
    ++m_spawns;
}

void GalaxySimulation::orbit(Body &b)
{
    if (b.shift == 0)
        return;
    // Minsky's circle algorithm: x -= y / 2^k, then y += x / 2^k with the new x. The
    // orbit stays closed for ever, and it takes integers only (>> on a negative number
    // is an arithmetic shift since C++20).
    const qint64 x = b.x - (b.y >> b.shift);
    const qint64 y = b.y + (x >> b.shift);
    b.vx = x - b.x;
    b.vy = y - b.y;
    b.x = x;
    b.y = y;
}

void GalaxySimulation::step()
{
    ++m_tick;
    for (Body &b : m_bodies)
        orbit(b);
    for (Ship &s : m_ships) {
        if (!s.stuckThrottle) {
            // Burn for a while, coast for a while, in a new direction each time.
            if (!s.burning && m_tick >= s.coastUntil) {
                s.burning = true;
                s.burnUntil = m_tick + m_rng.uniformInt(20, 120);
                s.ax = m_rng.uniformInt(-6, 6);
                s.ay = m_rng.uniformInt(-6, 6);
                s.az = m_rng.uniformInt(-1, 1);
            } else if (s.burning && m_tick >= s.burnUntil) {
                s.burning = false;
                s.coastUntil = m_tick + m_rng.uniformInt(60, 600);
            }
        } else {
            s.burning = s.fuel > 0;
        }
        if (s.burning && s.fuel < s.burnRate)
            s.burning = false;
        if (s.burning) {
            s.vx += s.ax;
            s.vy += s.ay;
            s.vz += s.az;
            s.fuel -= s.burnRate;
        }
        s.x += s.vx;
        s.y += s.vy;
        s.z += s.vz;
    }
    // Newcomers join a third and two thirds of the way through.
    if (m_totalTicks >= 3 && (m_tick == m_totalTicks / 3 || m_tick == 2 * m_totalTicks / 3))
        spawnShip(false);
}

json GalaxySimulation::nextSnapshot()
{
    for (int i = 0; i < kSnapshotInterval; ++i)
        step();
    return document();
}

json GalaxySimulation::document() const
{
    json bodies = json::array();
    for (const Body &b : m_bodies) {
        bodies.push_back({{"name", b.name},
                          {"type", b.kind},
                          {"mass", b.mass},
                          {"radius", b.radiusKm},
                          {"position", vec(b.x, b.y, 0)},
                          {"velocity", vec(b.vx, b.vy, 0)}});
    }
    json ships = json::array();
    for (const Ship &s : m_ships) {
        const char *status = s.burning             ? "burning"
                             : s.fuel < s.burnRate ? "out_of_fuel"
                                                   : "coasting";
        ships.push_back({{"ship_id", s.id},
                         {"player_id", s.playerId},
                         {"name", s.name},
                         {"position", vec(s.x, s.y, s.z)},
                         {"velocity", vec(s.vx, s.vy, s.vz)},
                         {"fuel", double(s.fuel) / 10.0},
                         {"fuel_capacity", double(s.fuelCapacity) / 10.0},
                         {"thrust", s.burning ? s.thrust : 0},
                         {"max_thrust", s.thrust},
                         {"mass", s.massKg},
                         {"status", status}});
    }
    return {{"tick_number", m_tick},
            {"game_time", isoTimestamp(gameTimeMs())},
            {"total_spawns", m_spawns},
            {"paused", false},
            {"tick_rate", kTickRate},
            {"bodies", bodies},
            {"ships", ships}};
}

} // namespace statescope::demo
