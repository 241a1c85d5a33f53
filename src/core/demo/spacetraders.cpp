// The demo SpaceTraders world: how it is built and how it moves on between fetches.
// The documents it answers with are in spacetradersdocs.cpp.

#include "spacetraders.h"

#include "core/demo/spacetraderscatalog.h"

#include <algorithm>
#include <numeric>

namespace statescope::demo {

namespace {

constexpr int kMaxShips = 24;
constexpr std::size_t kMaxTransactions = 20;
constexpr std::size_t kContractsKept = 10;

// Integer square root (distances on the system map), no floating point involved.
std::int64_t isqrt(std::int64_t v)
{
    std::int64_t r = 0;
    for (std::int64_t bit = std::int64_t(1) << 30; bit > 0; bit >>= 1) {
        if ((r + bit) * (r + bit) <= v)
            r += bit;
    }
    return r;
}

bool isMiningSite(int type)
{
    const std::string_view t = catalog::waypointTypes()[type];
    return t == "ASTEROID_FIELD" || t == "ASTEROID" || t == "ENGINEERED_ASTEROID";
}

} // namespace

SpaceTradersWorld::SpaceTradersWorld(Random &rng, qint64 startMs) : m_rng(rng), m_startMs(startMs)
{
    m_agentSymbol = "STATESCOPE";
    m_accountId = newId("cl");
    for (int i = 0; i < 3; ++i) {
        std::string symbol = "X1-";
        symbol += char('A' + m_rng.uniformInt(0, 25));
        symbol += char('A' + m_rng.uniformInt(0, 25));
        symbol += std::to_string(m_rng.uniformInt(10, 99));
        buildSystem(symbol, startMs);
    }
    // A new agent starts with a command frigate and a probe, as in the real game.
    m_ships.push_back(makeShip(0, startMs));
    m_ships.push_back(makeShip(3, startMs));
    addContract(startMs);
}

std::string SpaceTradersWorld::newId(const char *prefix)
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string id = prefix;
    for (int i = 0; i < 23; ++i)
        id += kAlphabet[m_rng.uniformInt(0, 35)];
    return id;
}

void SpaceTradersWorld::buildSystem(const std::string &symbol, qint64 startMs)
{
    System system;
    system.symbol = symbol;
    const int count = m_rng.uniformInt(26, 44);
    // Type weights follow catalog::waypointTypes().
    const std::vector<int> typeWeights = {8, 2, 6, 4, 1, 3, 9, 2, 1, 1, 1, 1};
    std::vector<std::string> used;
    std::vector<int> parents; // planets and gas giants, for moons and stations to orbit
    for (int i = 0; i < count; ++i) {
        Waypoint wp;
        std::string code;
        do {
            // One draw per statement: the operands of + are evaluated in an unspecified
            // order, which differs between compilers.
            const char letter = char('A' + m_rng.uniformInt(0, 25));
            code = letter + std::to_string(m_rng.uniformInt(1, 99));
        } while (std::find(used.begin(), used.end(), code) != used.end());
        used.push_back(code);
        wp.symbol = symbol + "-" + code;
        wp.type = i == 0 ? 0 : int(m_rng.weighted(typeWeights));
        const std::string_view type = catalog::waypointTypes()[wp.type];
        const bool orbital = type == "MOON" || type == "ORBITAL_STATION";
        if (orbital && !parents.empty()) {
            Waypoint &parent = system.waypoints[parents[m_rng.index(parents.size())]];
            wp.x = parent.x;
            wp.y = parent.y;
            wp.orbits = parent.symbol;
            parent.orbitals.push_back(wp.symbol);
        } else {
            wp.x = m_rng.uniformInt(-800, 800);
            wp.y = m_rng.uniformInt(-800, 800);
        }
        if (type == "PLANET" || type == "GAS_GIANT")
            parents.push_back(i);
        // Traits: a few descriptive ones, then commerce.
        std::vector<int> pool;
        for (int t = 0; t < int(catalog::traits().size()); ++t) {
            const std::string_view s = catalog::traits()[t].symbol;
            if (s != "MARKETPLACE" && s != "SHIPYARD" && s != "UNCHARTED")
                pool.push_back(t);
        }
        m_rng.shuffle(pool);
        wp.traits.assign(pool.begin(), pool.begin() + m_rng.uniformInt(1, 4));
        const bool hq = i == 0;
        const bool market = hq || type == "ORBITAL_STATION" || m_rng.chance(30);
        if (hq || m_rng.chance(10))
            wp.traits.insert(wp.traits.begin(), catalog::traitIndex("SHIPYARD"));
        if (market)
            wp.traits.insert(wp.traits.begin(), catalog::traitIndex("MARKETPLACE"));
        wp.underConstruction = type == "JUMP_GATE" && m_rng.chance(50);
        // The faction charted part of the system at the reset; the rest waits for scouts.
        wp.chartedAt = (hq || market || m_rng.chance(60)) ? startMs : -1;
        system.waypoints.push_back(std::move(wp));
        if (market)
            buildMarket(system, i);
    }
    m_systems.push_back(std::move(system));
}

void SpaceTradersWorld::buildMarket(System &system, int waypoint)
{
    Market market;
    market.waypoint = waypoint;
    std::vector<int> pool(catalog::goods().size() - 1);
    std::iota(pool.begin(), pool.end(), 1); // every good but FUEL, which is index 0
    m_rng.shuffle(pool);
    const int exports = m_rng.uniformInt(2, 9);
    const int imports = m_rng.uniformInt(2, 9);
    const int exchange = m_rng.uniformInt(0, 4);
    auto add = [&](int good, int kind) {
        TradeGood g;
        g.good = good;
        g.kind = kind;
        const int base = catalog::goods()[good].basePrice;
        const int factor = kind == 0   ? m_rng.uniformInt(55, 90)
                           : kind == 1 ? m_rng.uniformInt(110, 170)
                                       : m_rng.uniformInt(92, 108);
        g.purchasePrice = std::max(1, base * factor / 100);
        g.sellPrice = std::max(1, g.purchasePrice * m_rng.uniformInt(86, 97) / 100);
        g.volume = m_rng.pick({6, 10, 20, 40, 60, 100});
        g.supply = m_rng.uniformInt(0, 4);
        g.activity = m_rng.uniformInt(0, 3);
        market.goods.push_back(g);
    };
    int next = 0;
    for (int i = 0; i < exports; ++i)
        add(pool[next++], 0);
    for (int i = 0; i < imports; ++i)
        add(pool[next++], 1);
    add(0, 2); // fuel is sold everywhere
    for (int i = 0; i < exchange; ++i)
        add(pool[next++], 2);
    system.waypoints[waypoint].market = int(system.markets.size());
    system.markets.push_back(std::move(market));
}

SpaceTradersWorld::Ship SpaceTradersWorld::makeShip(int role, qint64 nowMs)
{
    Ship ship;
    ship.symbol = m_agentSymbol + "-" + std::to_string(m_ships.size() + 1);
    ship.role = role;
    switch (role) {
    case 0: // command frigate
        ship.frame = 0, ship.reactor = 0, ship.engine = 0;
        ship.modules = {0, 1, 1, 2};
        ship.mounts = {0, 1, 2};
        break;
    case 1: // excavator
        ship.frame = 1, ship.reactor = 1, ship.engine = 1;
        ship.modules = {0, 2};
        ship.mounts = {1, 1};
        break;
    case 2: // hauler
        ship.frame = 2, ship.reactor = 1, ship.engine = 1;
        ship.modules = {0, 0, 4, 1};
        break;
    case 3: // satellite
        ship.frame = 3, ship.reactor = 2, ship.engine = 2;
        break;
    default: // surveyor
        ship.frame = 1, ship.reactor = 1, ship.engine = 1;
        ship.modules = {4};
        ship.mounts = {2, 3};
        break;
    }
    ship.fuelCapacity = catalog::frames()[ship.frame].fuelCapacity;
    ship.fuel = ship.fuelCapacity;
    ship.crew = catalog::frames()[ship.frame].crew + catalog::reactors()[ship.reactor].crew +
                catalog::engines()[ship.engine].crew;
    for (int m : ship.modules) {
        if (std::string_view(catalog::modules()[m].symbol).starts_with("MODULE_CARGO_HOLD"))
            ship.cargoCapacity += catalog::modules()[m].value;
    }
    ship.system = 0;
    ship.waypoint = ship.origin = 0; // headquarters
    ship.departure = ship.arrival = nowMs;
    ship.fuelConsumedAt = nowMs;
    return ship;
}

void SpaceTradersWorld::addContract(qint64 nowMs)
{
    Contract c;
    c.id = newId("cm");
    c.faction = 0;
    c.good = m_rng.uniformInt(1, 12); // raw materials
    const System &system = m_systems[0];
    c.destination =
        system.waypoints[system.markets[m_rng.index(system.markets.size())].waypoint].symbol;
    c.unitsRequired = m_rng.uniformInt(4, 30) * 10;
    c.onAccepted = m_rng.uniformInt(20, 80) * 100;
    c.onFulfilled = m_rng.uniformInt(100, 400) * 100;
    c.offeredAt = nowMs;
    c.deadline = nowMs + 7LL * 86'400'000;
    c.accepted = m_contractTotal == 0; // the first one comes accepted
    m_contracts.push_back(c);
    ++m_contractTotal;
    // Old contracts drop off the first page; keep only what a page can show.
    while (m_contracts.size() > kContractsKept)
        m_contracts.pop_front();
}

void SpaceTradersWorld::earn(qint64 amount)
{
    m_credits = std::max<qint64>(0, m_credits + amount);
    ++m_agentVersion;
}

std::uint64_t SpaceTradersWorld::shipsVersion(int page, int limit) const
{
    // The page shows the ship count and its ships: mix their versions into one number
    // (FNV-1a style; a false "unchanged" would need a 64-bit collision).
    std::uint64_t v = 0xcbf29ce484222325ULL ^ std::uint64_t(m_ships.size());
    for (int i = (page - 1) * limit; i < std::min(int(m_ships.size()), page * limit); ++i)
        v = (v ^ (m_ships[i].version + std::uint64_t(i) * 0x9e3779b97f4a7c15ULL)) *
            0x100000001b3ULL;
    return v;
}

int SpaceTradersWorld::waypointPages(int system, int limit) const
{
    return (int(m_systems[system].waypoints.size()) + limit - 1) / limit;
}

const std::string &SpaceTradersWorld::marketWaypoint(int system, int market) const
{
    const System &s = m_systems[system];
    return s.waypoints[s.markets[market].waypoint].symbol;
}

std::string SpaceTradersWorld::waypointWithoutMarket(int system) const
{
    for (const Waypoint &wp : m_systems[system].waypoints) {
        if (wp.market < 0)
            return wp.symbol;
    }
    return {};
}

// ---- touches: how the world moves on between two different answers -------------------

void SpaceTradersWorld::touchAgent(qint64 nowMs)
{
    // Contract payments, trades by ships we are not looking at, fees: credits always move.
    const qint64 before = m_credits;
    earn(m_rng.uniformInt(-900, 2600));
    if (m_credits == before)
        earn(1);
    // Now and then the agent buys a ship, which shows as a drop in credits.
    if (m_credits > 260000 && int(m_ships.size()) < kMaxShips && m_rng.chance(12)) {
        const int role = int(m_rng.weighted({0, 5, 4, 2, 1}));
        earn(-(role == 2 ? 148000 : role == 3 ? 22000 : 96000));
        m_ships.push_back(makeShip(role, nowMs)); // shipCount changed: earn() bumped the version
    }
}

void SpaceTradersWorld::touchShip(int index, qint64 nowMs)
{
    Ship &ship = m_ships[index];
    System &system = m_systems[ship.system];
    ++ship.version;
    ship.cooldownRemaining = int(std::max<qint64>(0, (ship.cooldownUntil - nowMs) / 1000));
    switch (ship.status) {
    case NavStatus::InTransit:
        // The demo observes the arrival at the next changed fetch; the route keeps its
        // planned arrival unless that lies ahead (then the ship was burning faster).
        if (nowMs < ship.arrival) {
            ship.arrival = nowMs;
            ship.burn = true;
        }
        ship.status = NavStatus::InOrbit;
        break;
    case NavStatus::Docked: {
        const Waypoint &wp = system.waypoints[ship.waypoint];
        if (wp.market >= 0) {
            Market &market = system.markets[wp.market];
            ++market.version; // its transactions change
            // Sell the hold, refuel, and (haulers) load something to sell elsewhere.
            for (const Cargo &c : ship.cargo) {
                const int price = catalog::goods()[c.good].basePrice;
                earn(qint64(price) * c.units);
                market.transactions.push_back({ship.symbol, c.good, false, c.units, price, nowMs});
            }
            ship.cargo.clear();
            if (ship.role == 2 && !market.goods.empty()) {
                const TradeGood &g = market.goods[m_rng.index(market.goods.size())];
                const int units = std::min(ship.cargoCapacity, g.volume);
                earn(-qint64(g.purchasePrice) * units);
                ship.cargo.push_back({g.good, units});
                market.transactions.push_back(
                    {ship.symbol, g.good, true, units, g.purchasePrice, nowMs});
            }
            while (market.transactions.size() > kMaxTransactions)
                market.transactions.pop_front();
            earn(-qint64(ship.fuelCapacity - ship.fuel) * 72 / 100);
            ship.fuel = ship.fuelCapacity;
        }
        ship.status = NavStatus::InOrbit;
        break;
    }
    case NavStatus::InOrbit: {
        const Waypoint &here = system.waypoints[ship.waypoint];
        int units = 0;
        for (const Cargo &c : ship.cargo)
            units += c.units;
        const bool miner = ship.role == 1 || ship.role == 0;
        if (miner && isMiningSite(here.type) && units < ship.cargoCapacity &&
            nowMs >= ship.cooldownUntil) {
            // Extract ore: cargo grows, the mining laser cools down.
            const int good = m_rng.pick({1, 2, 3, 4, 5, 6, 10});
            const int got = std::min(ship.cargoCapacity - units, m_rng.uniformInt(3, 14));
            auto it = std::find_if(ship.cargo.begin(), ship.cargo.end(),
                                   [good](const Cargo &c) { return c.good == good; });
            if (it == ship.cargo.end())
                ship.cargo.push_back({good, got});
            else
                it->units += got;
            ship.cooldownTotal = ship.cooldownRemaining = 70;
            ship.cooldownUntil = nowMs + 70'000;
            break;
        }
        if (here.market >= 0 && (units > 0 || ship.fuel < ship.fuelCapacity)) {
            ship.status = NavStatus::Docked;
            break;
        }
        // Fly somewhere: miners to a mining site while the hold has room, others to a
        // market.
        std::vector<int> targets;
        for (int i = 0; i < int(system.waypoints.size()); ++i) {
            const Waypoint &wp = system.waypoints[i];
            const bool wanted =
                (miner && units < ship.cargoCapacity) ? isMiningSite(wp.type) : wp.market >= 0;
            if (i != ship.waypoint && wanted)
                targets.push_back(i);
        }
        if (targets.empty())
            targets.push_back(ship.waypoint == 0 ? 1 : 0);
        const int dest = targets[m_rng.index(targets.size())];
        const Waypoint &to = system.waypoints[dest];
        const std::int64_t dx = to.x - here.x, dy = to.y - here.y;
        const int distance = int(std::max<std::int64_t>(1, isqrt(dx * dx + dy * dy)));
        const int speed = catalog::engines()[ship.engine].value;
        int cost = ship.fuelCapacity > 0 ? distance : 0;
        ship.burn = false;
        if (cost > ship.fuel) // drift: one unit of fuel, very slow
            cost = std::min(ship.fuel, 1);
        ship.fuel -= cost;
        ship.fuelConsumed = cost;
        ship.fuelConsumedAt = nowMs;
        ship.origin = ship.waypoint;
        ship.waypoint = dest;
        ship.departure = nowMs;
        ship.arrival = nowMs + (15 + qint64(distance) * 25 / speed) * 1000;
        ship.status = NavStatus::InTransit;
        break;
    }
    }
}

void SpaceTradersWorld::touchContracts(qint64 nowMs)
{
    ++m_contractsVersion;
    Contract &last = m_contracts.back();
    if (last.accepted && !last.fulfilled) {
        last.unitsFulfilled =
            std::min(last.unitsRequired, last.unitsFulfilled + m_rng.uniformInt(1, 6) * 10);
        if (last.unitsFulfilled == last.unitsRequired) {
            last.fulfilled = true;
            earn(last.onFulfilled);
        }
    } else if (!last.accepted) {
        last.accepted = true;
        earn(last.onAccepted);
    } else {
        addContract(nowMs);
    }
}

void SpaceTradersWorld::touchWaypoints(int system, int page, int limit, qint64 nowMs)
{
    ++m_systems[system].waypointsVersion;
    std::vector<Waypoint> &wps = m_systems[system].waypoints;
    const int first = (page - 1) * limit;
    const int last = std::min(int(wps.size()), first + limit);
    // Scouts chart the page's next uncharted waypoint; once all are charted, a modifier
    // (unrest, a radiation leak...) comes or goes somewhere on the page.
    for (int i = first; i < last; ++i) {
        if (wps[i].chartedAt < 0) {
            wps[i].chartedAt = nowMs;
            return;
        }
    }
    Waypoint &wp = wps[first + m_rng.index(std::size_t(last - first))];
    wp.modifier = wp.modifier >= 0 ? -1 : int(m_rng.index(catalog::modifiers().size()));
}

void SpaceTradersWorld::touchMarket(int system, int market, qint64 nowMs)
{
    Market &m = m_systems[system].markets[market];
    ++m.version;
    for (std::size_t i = 0; i < m.goods.size(); ++i) {
        TradeGood &g = m.goods[i];
        // Prices drift a few percent; the first good always moves, so the answer changes.
        int step = g.purchasePrice * m_rng.uniformInt(-4, 4) / 100;
        if (step == 0 && (i == 0 || m_rng.chance(40)))
            step = m_rng.chance(50) ? 1 : -1;
        const int before = g.purchasePrice;
        g.purchasePrice = std::max(2, g.purchasePrice + step);
        if (i == 0 && g.purchasePrice == before)
            ++g.purchasePrice;
        g.sellPrice = std::max(1, g.purchasePrice * m_rng.uniformInt(86, 97) / 100);
        if (m_rng.chance(8))
            g.supply = std::clamp(g.supply + m_rng.pick({-1, 1}), 0, 4);
        if (m_rng.chance(5))
            g.activity = m_rng.uniformInt(0, 3);
    }
    if (!m_ships.empty() && m_rng.chance(50)) {
        const TradeGood &g = m.goods[m_rng.index(m.goods.size())];
        const bool purchase = m_rng.chance(50);
        m.transactions.push_back({m_ships[m_rng.index(m_ships.size())].symbol, g.good, purchase,
                                  m_rng.uniformInt(1, g.volume),
                                  purchase ? g.purchasePrice : g.sellPrice, nowMs});
        while (m.transactions.size() > kMaxTransactions)
            m.transactions.pop_front();
    }
}

} // namespace statescope::demo
