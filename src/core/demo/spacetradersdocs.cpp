// The documents of the demo SpaceTraders world: what the API answers, rendered from the
// world model's current state. Rendering never changes the world.

#include "core/demo/copytext.h"
#include "core/demo/spacetraderscatalog.h"
#include "spacetraders.h"

namespace statescope::demo {

using nlohmann::json;

namespace {

json described(const catalog::Described &d)
{
    return {{"symbol", d.symbol}, {"name", d.name}, {"description", d.description}};
}

json part(const catalog::Part &p, const char *valueKey)
{
    json doc = {{"symbol", p.symbol},
                {"name", p.name},
                {"description", p.description},
                {"requirements", {{"power", p.power}, {"crew", p.crew}}}};
    if (valueKey)
        doc[valueKey] = p.value;
    return doc;
}

} // namespace

json SpaceTradersWorld::agent() const
{
    const auto &hq = m_systems[0].waypoints[0];
    return {{"data",
             {{"accountId", m_accountId},
              {"symbol", m_agentSymbol},
              {"headquarters", hq.symbol},
              {"credits", m_credits},
              {"startingFaction", catalog::factions()[0]},
              {"shipCount", m_ships.size()}}}};
}

json SpaceTradersWorld::waypointRef(int system, int waypoint) const
{
    const System &s = m_systems[system];
    const Waypoint &wp = s.waypoints[waypoint];
    return {{"symbol", wp.symbol},
            {"type", catalog::waypointTypes()[wp.type]},
            {"systemSymbol", s.symbol},
            {"x", wp.x},
            {"y", wp.y}};
}

json SpaceTradersWorld::shipNav(const Ship &ship) const
{
    static const char *const kStatus[] = {"DOCKED", "IN_ORBIT", "IN_TRANSIT"};
    return {{"systemSymbol", m_systems[ship.system].symbol},
            {"waypointSymbol", m_systems[ship.system].waypoints[ship.waypoint].symbol},
            {"route",
             {{"destination", waypointRef(ship.system, ship.waypoint)},
              {"origin", waypointRef(ship.system, ship.origin)},
              {"departureTime", isoTimestamp(ship.departure)},
              {"arrival", isoTimestamp(ship.arrival)}}},
            {"status", kStatus[int(ship.status)]},
            {"flightMode", ship.burn ? "BURN" : "CRUISE"}};
}

json SpaceTradersWorld::shipDoc(const Ship &ship) const
{
    const auto &frame = catalog::frames()[ship.frame];
    // condition and integrity are fractions in the API: permille / 1000.0 is one exact
    // division, the same everywhere.
    const double condition = ship.conditionPermille / 1000.0;
    json frameDoc = {{"symbol", frame.symbol},
                     {"name", frame.name},
                     {"description", frame.description},
                     {"condition", condition},
                     {"integrity", condition},
                     {"moduleSlots", frame.moduleSlots},
                     {"mountingPoints", frame.mountingPoints},
                     {"fuelCapacity", frame.fuelCapacity},
                     {"requirements", {{"power", frame.power}, {"crew", frame.crew}}}};
    json reactor = part(catalog::reactors()[ship.reactor], "powerOutput");
    reactor["condition"] = condition;
    reactor["integrity"] = condition;
    json engine = part(catalog::engines()[ship.engine], "speed");
    engine["condition"] = condition;
    engine["integrity"] = condition;
    json modules = json::array();
    for (int m : ship.modules) {
        const auto &p = catalog::modules()[m];
        modules.push_back(part(p, p.value > 0 ? "capacity" : nullptr));
    }
    json mounts = json::array();
    for (int m : ship.mounts)
        mounts.push_back(part(catalog::mounts()[m], "strength"));
    json inventory = json::array();
    int units = 0;
    for (const Cargo &c : ship.cargo) {
        const auto &g = catalog::goods()[c.good];
        inventory.push_back({{"symbol", g.symbol},
                             {"name", g.name},
                             {"description", g.description},
                             {"units", c.units}});
        units += c.units;
    }
    // As last seen by the demo's client, so the document depends on the ship alone.
    json cooldown = {{"shipSymbol", ship.symbol},
                     {"totalSeconds", ship.cooldownTotal},
                     {"remainingSeconds", ship.cooldownRemaining}};
    if (ship.cooldownUntil > 0)
        cooldown["expiration"] = isoTimestamp(ship.cooldownUntil);
    return {
        {"symbol", ship.symbol},
        {"registration",
         {{"name", ship.symbol},
          {"factionSymbol", catalog::factions()[0]},
          {"role", catalog::shipRoles()[ship.role]}}},
        {"nav", shipNav(ship)},
        {"crew",
         {{"current", ship.crew},
          {"required", ship.crew},
          {"capacity", ship.crew + 20},
          {"rotation", "STRICT"},
          {"morale", ship.morale},
          {"wages", 0}}},
        {"frame", frameDoc},
        {"reactor", reactor},
        {"engine", engine},
        {"cooldown", cooldown},
        {"modules", modules},
        {"mounts", mounts},
        {"cargo", {{"capacity", ship.cargoCapacity}, {"units", units}, {"inventory", inventory}}},
        {"fuel",
         {{"current", ship.fuel},
          {"capacity", ship.fuelCapacity},
          {"consumed",
           {{"amount", ship.fuelConsumed}, {"timestamp", isoTimestamp(ship.fuelConsumedAt)}}}}}};
}

json SpaceTradersWorld::ship(int index) const
{
    return {{"data", shipDoc(m_ships[index])}};
}

json SpaceTradersWorld::ships(int page, int limit) const
{
    json list = json::array();
    for (int i = (page - 1) * limit; i < std::min(int(m_ships.size()), page * limit); ++i)
        list.push_back(shipDoc(m_ships[i]));
    return {{"data", list},
            {"meta", {{"total", m_ships.size()}, {"page", page}, {"limit", limit}}}};
}

json SpaceTradersWorld::contractDoc(const Contract &c) const
{
    return {{"id", c.id},
            {"factionSymbol", catalog::factions()[c.faction]},
            {"type", "PROCUREMENT"},
            {"terms",
             {{"deadline", isoTimestamp(c.deadline)},
              {"payment", {{"onAccepted", c.onAccepted}, {"onFulfilled", c.onFulfilled}}},
              {"deliver", json::array({{{"tradeSymbol", catalog::goods()[c.good].symbol},
                                        {"destinationSymbol", c.destination},
                                        {"unitsRequired", c.unitsRequired},
                                        {"unitsFulfilled", c.unitsFulfilled}}})}}},
            {"accepted", c.accepted},
            {"fulfilled", c.fulfilled},
            {"expiration", isoTimestamp(c.offeredAt + 86'400'000)},
            {"deadlineToAccept", isoTimestamp(c.offeredAt + 86'400'000)}};
}

json SpaceTradersWorld::contracts(int page, int limit) const
{
    // Newest first; only the newest kContractsKept are kept, so later pages are empty.
    json list = json::array();
    const int first = (page - 1) * limit;
    for (int i = first; i < std::min(int(m_contracts.size()), first + limit); ++i)
        list.push_back(contractDoc(m_contracts[m_contracts.size() - 1 - std::size_t(i)]));
    return {{"data", list},
            {"meta", {{"total", m_contractTotal}, {"page", page}, {"limit", limit}}}};
}

json SpaceTradersWorld::waypointDoc(const System &system, const Waypoint &wp) const
{
    json traits = json::array();
    json modifiers = json::array();
    if (wp.chartedAt < 0) {
        traits.push_back(described(catalog::traits()[catalog::traitIndex("UNCHARTED")]));
    } else {
        for (int t : wp.traits)
            traits.push_back(described(catalog::traits()[t]));
        if (wp.modifier >= 0)
            modifiers.push_back(described(catalog::modifiers()[wp.modifier]));
    }
    json orbitals = json::array();
    for (const std::string &o : wp.orbitals)
        orbitals.push_back({{"symbol", o}});
    json doc = {{"symbol", wp.symbol},
                {"type", catalog::waypointTypes()[wp.type]},
                {"systemSymbol", system.symbol},
                {"x", wp.x},
                {"y", wp.y},
                {"orbitals", orbitals},
                {"traits", traits},
                {"modifiers", modifiers},
                {"faction", {{"symbol", catalog::factions()[0]}}},
                {"isUnderConstruction", wp.underConstruction}};
    if (!wp.orbits.empty())
        doc["orbits"] = wp.orbits;
    if (wp.chartedAt >= 0) {
        doc["chart"] = {{"waypointSymbol", wp.symbol},
                        {"submittedBy", wp.chartedAt == m_startMs ? catalog::factions()[0]
                                                                  : m_agentSymbol.c_str()},
                        {"submittedOn", isoTimestamp(wp.chartedAt)}};
    }
    return doc;
}

json SpaceTradersWorld::waypoints(int system, int page, int limit) const
{
    const System &s = m_systems[system];
    json list = json::array();
    for (int i = (page - 1) * limit; i < std::min(int(s.waypoints.size()), page * limit); ++i)
        list.push_back(waypointDoc(s, s.waypoints[i]));
    return {{"data", list},
            {"meta", {{"total", s.waypoints.size()}, {"page", page}, {"limit", limit}}}};
}

json SpaceTradersWorld::market(int system, int index) const
{
    static const char *const kKinds[] = {"EXPORT", "IMPORT", "EXCHANGE"};
    const System &s = m_systems[system];
    const Market &m = s.markets[index];
    const std::string &symbol = s.waypoints[m.waypoint].symbol;
    json lists[3] = {json::array(), json::array(), json::array()};
    json goods = json::array();
    for (const TradeGood &g : m.goods) {
        const auto &c = catalog::goods()[g.good];
        lists[g.kind].push_back(
            {{"symbol", c.symbol}, {"name", c.name}, {"description", c.description}});
        json tg = {{"symbol", c.symbol},
                   {"type", kKinds[g.kind]},
                   {"tradeVolume", g.volume},
                   {"supply", catalog::supplyLevels()[g.supply]},
                   {"purchasePrice", g.purchasePrice},
                   {"sellPrice", g.sellPrice}};
        if (g.kind != 2)
            tg["activity"] = catalog::activityLevels()[g.activity];
        goods.push_back(std::move(tg));
    }
    json transactions = json::array();
    for (const Transaction &t : m.transactions) {
        transactions.push_back({{"waypointSymbol", symbol},
                                {"shipSymbol", t.ship},
                                {"tradeSymbol", catalog::goods()[t.good].symbol},
                                {"type", t.purchase ? "PURCHASE" : "SELL"},
                                {"units", t.units},
                                {"pricePerUnit", t.price},
                                {"totalPrice", qint64(t.units) * t.price},
                                {"timestamp", isoTimestamp(t.at)}});
    }
    return {{"data",
             {{"symbol", symbol},
              {"exports", lists[0]},
              {"imports", lists[1]},
              {"exchange", lists[2]},
              {"transactions", transactions},
              {"tradeGoods", goods}}}};
}

} // namespace statescope::demo
