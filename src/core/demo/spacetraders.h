#pragma once

#include "core/demo/random.h"

#include <QtGlobal>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace statescope::demo {

// A small SpaceTraders universe behind the demo's API events: one agent with its ships and
// contracts, a few star systems with waypoints and markets. Each render function returns
// a response document shaped like the real API's ({"data": ...} or {"data": [...],
// "meta": ...}); each touch function first changes the resource a little (credits move,
// a ship departs or docks, prices drift), the way the server's state moves on between two
// fetches that return different payloads.
//
// All numbers are integers or an integer divided once by a power of ten (conditions,
// retryAfter), so documents are the same on every machine.
class SpaceTradersWorld
{
public:
    SpaceTradersWorld(Random &rng, qint64 startMs);

    // Ids used to build request paths.
    const std::string &agentSymbol() const { return m_agentSymbol; }
    int systemCount() const { return int(m_systems.size()); }
    const std::string &systemSymbol(int system) const { return m_systems[system].symbol; }
    int waypointPages(int system, int limit) const;
    int marketCount(int system) const { return int(m_systems[system].markets.size()); }
    const std::string &marketWaypoint(int system, int market) const;
    // A waypoint of the system without a marketplace (for 404 answers), or empty.
    std::string waypointWithoutMarket(int system) const;
    int shipCount() const { return int(m_ships.size()); }
    const std::string &shipSymbol(int ship) const { return m_ships[ship].symbol; }

    // Versions: a resource's version changes whenever a document showing it would
    // change, so an unchanged version means the same document without rendering it.
    std::uint64_t agentVersion() const { return m_agentVersion; }
    std::uint64_t shipVersion(int ship) const { return m_ships[ship].version; }
    std::uint64_t shipsVersion(int page, int limit) const;
    std::uint64_t contractsVersion() const { return m_contractsVersion; }
    std::uint64_t waypointsVersion(int system) const { return m_systems[system].waypointsVersion; }
    std::uint64_t marketVersion(int system, int market) const
    {
        return m_systems[system].markets[market].version;
    }

    // Change a resource, as the server would between two fetches.
    void touchAgent(qint64 nowMs);
    void touchShip(int ship, qint64 nowMs);
    void touchContracts(qint64 nowMs);
    void touchWaypoints(int system, int page, int limit, qint64 nowMs);
    void touchMarket(int system, int market, qint64 nowMs);

    nlohmann::json agent() const;
    nlohmann::json ship(int ship) const;
    nlohmann::json ships(int page, int limit) const;
    nlohmann::json contracts(int page, int limit) const;
    nlohmann::json waypoints(int system, int page, int limit) const;
    nlohmann::json market(int system, int market) const;

private:
    struct Waypoint
    {
        std::string symbol;
        int type = 0; // index into the waypoint type catalogue
        int x = 0, y = 0;
        std::string orbits; // the parent waypoint, for moons and stations
        std::vector<std::string> orbitals;
        std::vector<int> traits; // indices into the trait catalogue
        int modifier = -1;       // index into the modifier catalogue, or none
        qint64 chartedAt = -1;   // ms; -1 while uncharted
        bool underConstruction = false;
        int market = -1; // index into System::markets
    };
    struct TradeGood
    {
        int good = 0; // index into the trade good catalogue
        int kind = 0; // 0 export, 1 import, 2 exchange
        int volume = 0, supply = 0, activity = 0;
        int purchasePrice = 0, sellPrice = 0;
    };
    struct Transaction
    {
        std::string ship;
        int good = 0;
        bool purchase = true;
        int units = 0, price = 0;
        qint64 at = 0;
    };
    struct Market
    {
        int waypoint = 0;
        std::vector<TradeGood> goods;
        std::deque<Transaction> transactions; // newest last
        std::uint64_t version = 0;
    };
    struct System
    {
        std::string symbol;
        std::vector<Waypoint> waypoints;
        std::vector<Market> markets;
        std::uint64_t waypointsVersion = 0;
    };
    struct Cargo
    {
        int good = 0;
        int units = 0;
    };
    enum class NavStatus { Docked, InOrbit, InTransit };
    struct Ship
    {
        std::string symbol;
        int role = 0; // index into the role catalogue
        int frame = 0, reactor = 0, engine = 0;
        std::vector<int> modules, mounts;
        int crew = 0;
        int morale = 100;
        int conditionPermille = 1000;
        int system = 0;
        int waypoint = 0, origin = 0;
        NavStatus status = NavStatus::Docked;
        bool burn = false;
        qint64 departure = 0, arrival = 0;
        int fuel = 0, fuelCapacity = 0;
        int fuelConsumed = 0;
        qint64 fuelConsumedAt = 0;
        int cargoCapacity = 0;
        std::vector<Cargo> cargo;
        int cooldownTotal = 0, cooldownRemaining = 0;
        qint64 cooldownUntil = 0;
        std::uint64_t version = 0;
    };
    struct Contract
    {
        std::string id;
        int faction = 0;
        int good = 0;
        std::string destination;
        int unitsRequired = 0, unitsFulfilled = 0;
        int onAccepted = 0, onFulfilled = 0;
        bool accepted = false, fulfilled = false;
        qint64 offeredAt = 0, deadline = 0;
    };

    void buildSystem(const std::string &symbol, qint64 startMs);
    void buildMarket(System &system, int waypoint);
    Ship makeShip(int role, qint64 nowMs);
    void addContract(qint64 nowMs);
    void earn(qint64 amount);
    nlohmann::json waypointRef(int system, int waypoint) const;
    nlohmann::json waypointDoc(const System &system, const Waypoint &wp) const;
    nlohmann::json shipDoc(const Ship &ship) const;
    nlohmann::json contractDoc(const Contract &contract) const;
    nlohmann::json shipNav(const Ship &ship) const;
    std::string newId(const char *prefix);

    Random &m_rng;
    qint64 m_startMs = 0;
    std::string m_agentSymbol;
    std::string m_accountId;
    qint64 m_credits = 175000;
    std::vector<System> m_systems;
    std::vector<Ship> m_ships;
    std::deque<Contract> m_contracts; // the newest few
    qint64 m_contractTotal = 0;
    std::uint64_t m_agentVersion = 0;
    std::uint64_t m_contractsVersion = 0;
};

} // namespace statescope::demo
