#pragma once

#include "core/demo/random.h"
#include "core/demo/spacetraders.h"

#include <QByteArray>
#include <string>
#include <unordered_map>

namespace statescope::demo {

class CopyBuffer;

// Produces raw.api_events rows one at a time, in fetched_at order, as COPY text for
// (fetched_at, endpoint, request_key, status_code, payload, payload_hash). Nothing but the
// world model and the last answer per request key is kept, so ten million rows stream
// in constant memory.
//
// What the rows look like:
// - fetched_at spreads evenly over the seven days after the start, strictly increasing
//   except for deliberate ties (two responses stamped in the same millisecond);
// - endpoint is the route template ("/my/ships/{symbol}"), request_key the concrete path
//   with its query ("/systems/X1-DF55/waypoints?page=2&limit=20");
// - about a third of the events re-fetch a resource that has not changed since the last
//   fetch of the same request key, so the payload and its hash repeat exactly;
// - a few percent are errors: 429 bursts with retryAfter, 404s, 400s with game error
//   codes, the odd 500 and 502.
class ApiEventStream
{
public:
    ApiEventStream(std::uint64_t seed, qint64 startMs, qint64 count);
    // The world keeps a reference to m_rng: not copyable.
    ApiEventStream(const ApiEventStream &) = delete;
    ApiEventStream &operator=(const ApiEventStream &) = delete;

    // Appends the next event as one COPY row; returns false (appending nothing) when all
    // events were produced.
    bool next(CopyBuffer &out);
    qint64 produced() const { return m_produced; }

private:
    enum class Kind { Agent, Ships, Ship, Contracts, Waypoints, Market };
    struct Request
    {
        Kind kind = Kind::Agent;
        const char *endpoint = "";
        std::string key;
        int a = 0, b = 0; // ship, page or system, depending on the kind
    };
    struct Answer
    {
        QByteArray text;           // canonical JSON
        QByteArray hash;           // hex SHA-256 of text
        std::uint64_t version = 0; // the resource's version when it was rendered
    };

    qint64 nextTime();
    Request pickRequest();
    void touch(const Request &request, qint64 nowMs);
    nlohmann::json render(const Request &request) const;
    std::uint64_t version(const Request &request) const;
    Answer answer(const nlohmann::json &doc) const;
    // The status and error document of a failed request, or 0 for a success. May change
    // the request (a 404 asks for something that does not exist).
    int pickError(Request &request, qint64 nowMs, nlohmann::json &error);

    Random m_rng;
    SpaceTradersWorld m_world;
    qint64 m_startMs = 0;
    qint64 m_count = 0;
    qint64 m_produced = 0;
    qint64 m_lastTime = 0;
    int m_rateLimitBurst = 0; // further 429s still to come
    std::unordered_map<std::string, Answer> m_lastAnswer;
};

} // namespace statescope::demo
