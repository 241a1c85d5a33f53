#include "events.h"

#include "core/demo/copytext.h"
#include "core/json/canonical.h"

namespace statescope::demo {

using nlohmann::json;

namespace {

constexpr qint64 kSpanMs = 7LL * 86'400'000; // events fall in the week after the start
constexpr int kTiePermille = 40;             // share of events stamped like the previous one
// Chance that a fetch finds its resource unchanged (when it was fetched before and
// nothing else changed it meanwhile): the source of duplicate payload hashes.
constexpr int kUnchangedPercent = 33;
constexpr int kShipsPerPage = 10;
constexpr int kWaypointsPerPage = 20;
constexpr int kContractsPerPage = 10;

std::string pageQuery(int page, int limit)
{
    return "?page=" + std::to_string(page) + "&limit=" + std::to_string(limit);
}

json errorDoc(const std::string &message, int code, json data = nullptr)
{
    json error = {{"message", message}, {"code", code}};
    if (!data.is_null())
        error["data"] = std::move(data);
    return {{"error", std::move(error)}};
}

} // namespace

ApiEventStream::ApiEventStream(std::uint64_t seed, qint64 startMs, qint64 count)
    : m_rng(Random::stream(seed, "api-events")), m_world(m_rng, startMs), m_startMs(startMs),
      m_count(count), m_lastTime(startMs)
{
}

qint64 ApiEventStream::nextTime()
{
    // Event i lands in its own slot [i * span / n, (i + 1) * span / n): slots do not
    // overlap, so times increase. Ties copy the previous time, which keeps the order.
    const qint64 i = m_produced;
    const qint64 slotStart = i * kSpanMs / m_count;
    const qint64 slotEnd = (i + 1) * kSpanMs / m_count;
    qint64 t = m_startMs + slotStart + m_rng.uniformInt64(0, slotEnd - slotStart - 1);
    if (i > 0 && m_rng.chancePerMille(kTiePermille))
        t = m_lastTime;
    m_lastTime = t;
    return t;
}

ApiEventStream::Request ApiEventStream::pickRequest()
{
    Request r;
    // Weights follow Kind: agent polling and ship/market checks dominate, as in real tools.
    r.kind = Kind(m_rng.weighted({26, 4, 28, 6, 5, 31}));
    switch (r.kind) {
    case Kind::Agent:
        r.endpoint = "/my/agent";
        r.key = "/my/agent";
        break;
    case Kind::Ships: {
        const int pages = (m_world.shipCount() + kShipsPerPage - 1) / kShipsPerPage;
        r.a = m_rng.uniformInt(1, pages);
        r.endpoint = "/my/ships";
        r.key = "/my/ships" + pageQuery(r.a, kShipsPerPage);
        break;
    }
    case Kind::Ship:
        r.a = int(m_rng.index(std::size_t(m_world.shipCount())));
        r.endpoint = "/my/ships/{symbol}";
        r.key = "/my/ships/" + m_world.shipSymbol(r.a);
        break;
    case Kind::Contracts:
        r.a = 1;
        r.endpoint = "/my/contracts";
        r.key = "/my/contracts" + pageQuery(1, kContractsPerPage);
        break;
    case Kind::Waypoints:
        r.a = int(m_rng.index(std::size_t(m_world.systemCount())));
        r.b = m_rng.uniformInt(1, m_world.waypointPages(r.a, kWaypointsPerPage));
        r.endpoint = "/systems/{system}/waypoints";
        r.key = "/systems/" + m_world.systemSymbol(r.a) + "/waypoints" +
                pageQuery(r.b, kWaypointsPerPage);
        break;
    case Kind::Market:
        // The home system's markets are watched most.
        r.a = m_rng.chance(60) ? 0 : m_rng.uniformInt(1, m_world.systemCount() - 1);
        r.b = int(m_rng.index(std::size_t(m_world.marketCount(r.a))));
        r.endpoint = "/systems/{system}/waypoints/{waypoint}/market";
        r.key = "/systems/" + m_world.systemSymbol(r.a) + "/waypoints/" +
                m_world.marketWaypoint(r.a, r.b) + "/market";
        break;
    }
    return r;
}

void ApiEventStream::touch(const Request &r, qint64 nowMs)
{
    switch (r.kind) {
    case Kind::Agent:
        m_world.touchAgent(nowMs);
        break;
    case Kind::Ships: {
        const int first = (r.a - 1) * kShipsPerPage;
        const int onPage = std::min(kShipsPerPage, m_world.shipCount() - first);
        m_world.touchShip(first + m_rng.uniformInt(0, onPage - 1), nowMs);
        break;
    }
    case Kind::Ship:
        m_world.touchShip(r.a, nowMs);
        break;
    case Kind::Contracts:
        m_world.touchContracts(nowMs);
        break;
    case Kind::Waypoints:
        m_world.touchWaypoints(r.a, r.b, kWaypointsPerPage, nowMs);
        break;
    case Kind::Market:
        m_world.touchMarket(r.a, r.b, nowMs);
        break;
    }
}

json ApiEventStream::render(const Request &r) const
{
    switch (r.kind) {
    case Kind::Agent:
        return m_world.agent();
    case Kind::Ships:
        return m_world.ships(r.a, kShipsPerPage);
    case Kind::Ship:
        return m_world.ship(r.a);
    case Kind::Contracts:
        return m_world.contracts(r.a, kContractsPerPage);
    case Kind::Waypoints:
        return m_world.waypoints(r.a, r.b, kWaypointsPerPage);
    case Kind::Market:
        return m_world.market(r.a, r.b);
    }
    return {};
}

std::uint64_t ApiEventStream::version(const Request &r) const
{
    switch (r.kind) {
    case Kind::Agent:
        return m_world.agentVersion();
    case Kind::Ships:
        return m_world.shipsVersion(r.a, kShipsPerPage);
    case Kind::Ship:
        return m_world.shipVersion(r.a);
    case Kind::Contracts:
        return m_world.contractsVersion();
    case Kind::Waypoints:
        return m_world.waypointsVersion(r.a);
    case Kind::Market:
        return m_world.marketVersion(r.a, r.b);
    }
    return 0;
}

ApiEventStream::Answer ApiEventStream::answer(const json &doc) const
{
    Answer a;
    a.text = statescope::json::canonical(doc);
    a.hash = statescope::json::sha256Hex(a.text);
    return a;
}

int ApiEventStream::pickError(Request &r, qint64 nowMs, json &error)
{
    const bool stillLimited = m_rateLimitBurst > 0;
    if (stillLimited)
        --m_rateLimitBurst;
    const int roll = stillLimited ? 0 : m_rng.uniformInt(0, 999);
    if (roll < 12) {
        // 429s come in bursts: the client keeps hitting the limit for a few requests.
        if (!stillLimited && m_rng.chance(30))
            m_rateLimitBurst = m_rng.uniformInt(1, 4);
        const int retryMs = m_rng.uniformInt(150, 2400);
        error = errorDoc("You have reached your API limit. Please wait before making "
                         "another request.",
                         429,
                         {{"type", "IncreasedRateLimit"},
                          {"retryAfter", retryMs / 1000.0}, // one exact division
                          {"limitBurst", 30},
                          {"limitPerSecond", 2},
                          {"remaining", 0},
                          {"reset", isoTimestamp(nowMs + retryMs)}});
        return 429;
    }
    if (roll < 22) {
        // Asking for something that does not exist: a market where there is none, or a
        // ship the agent never owned.
        const int system = int(m_rng.index(std::size_t(m_world.systemCount())));
        const std::string waypoint = m_world.waypointWithoutMarket(system);
        if (!waypoint.empty() && m_rng.chance(70)) {
            r.endpoint = "/systems/{system}/waypoints/{waypoint}/market";
            r.key =
                "/systems/" + m_world.systemSymbol(system) + "/waypoints/" + waypoint + "/market";
            error = errorDoc("Market not found at waypoint " + waypoint + ".", 404,
                             {{"waypointSymbol", waypoint}});
        } else {
            const std::string ship =
                m_world.agentSymbol() + "-" + std::to_string(m_rng.uniformInt(30, 99));
            r.endpoint = "/my/ships/{symbol}";
            r.key = "/my/ships/" + ship;
            error =
                errorDoc("Ship not found with symbol " + ship + ".", 404, {{"shipSymbol", ship}});
        }
        return 404;
    }
    if (roll < 32) {
        if (m_rng.chance(50)) {
            // A bad page number from a paging bug in the client.
            r.kind = Kind::Waypoints;
            r.endpoint = "/systems/{system}/waypoints";
            r.key = "/systems/" + m_world.systemSymbol(0) + "/waypoints" +
                    pageQuery(0, kWaypointsPerPage);
            error =
                errorDoc("Request could not be processed due to an invalid query.", 400,
                         {{"page", json::array({"Number must be greater than or equal to 1"})}});
        } else {
            // Game rule errors come as 400 with a game error code.
            const int ship = int(m_rng.index(std::size_t(m_world.shipCount())));
            const std::string &symbol = m_world.shipSymbol(ship);
            r.kind = Kind::Ship;
            r.endpoint = "/my/ships/{symbol}";
            r.key = "/my/ships/" + symbol;
            if (m_rng.chance(60)) {
                error =
                    errorDoc("Ship action failed. Ship " + symbol + " is still on cooldown.", 4224,
                             {{"shipSymbol", symbol},
                              {"cooldown", {{"remainingSeconds", m_rng.uniformInt(1, 70)}}}});
            } else {
                error = errorDoc("Ship " + symbol +
                                     " is currently in transit and cannot "
                                     "act until it arrives.",
                                 4214, {{"shipSymbol", symbol}});
            }
        }
        return 400;
    }
    if (roll < 36) {
        error = errorDoc("An unexpected error occurred. Please try again later.", 500);
        return 500;
    }
    if (roll < 39) {
        error = errorDoc("Bad Gateway: the game server did not answer in time.", 502);
        return 502;
    }
    return 0;
}

bool ApiEventStream::next(CopyBuffer &out)
{
    if (m_produced >= m_count)
        return false;
    const qint64 now = nextTime();
    Request request = pickRequest();
    json error;
    const int status = pickError(request, now, error);

    Answer result;
    if (status != 0) {
        result = answer(error);
    } else {
        auto previous = m_lastAnswer.find(request.key);
        bool same = false;
        if (previous != m_lastAnswer.end() && m_rng.chance(kUnchangedPercent)) {
            // A re-fetch of a resource nobody changed: the same bytes, the same hash.
            // Something else (another ship's trip, a trade) may have changed it
            // meanwhile; then the answer is simply fresh. Versions spare the rendering
            // when nothing did; when something did, the text still decides.
            if (previous->second.version == version(request)) {
                same = true;
            } else {
                const QByteArray text = statescope::json::canonical(render(request));
                same = text == previous->second.text;
                if (!same)
                    result = {text, statescope::json::sha256Hex(text), 0};
            }
            if (same)
                result = previous->second;
        } else {
            // The server's state moved on since the last fetch of this key.
            if (previous != m_lastAnswer.end())
                touch(request, now);
            result = answer(render(request));
        }
        result.version = version(request);
        if (!same || previous->second.version != result.version)
            m_lastAnswer[request.key] = result;
    }

    out.add(sqlTimestamp(now));
    out.add(request.endpoint);
    out.add(QByteArray::fromStdString(request.key));
    out.add(status != 0 ? status : 200);
    out.add(result.text);
    out.add(result.hash);
    out.endRow();
    ++m_produced;
    return true;
}

} // namespace statescope::demo
