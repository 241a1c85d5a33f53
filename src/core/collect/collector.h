#pragma once

#include "config.h"
#include "http.h"
#include "ratelimit.h"

#include "core/pg/connectionsettings.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace statescope {
class CancelToken;
}

namespace statescope::collect {

class BatchStore;
class HttpClient;
struct Row;

struct Options
{
    pg::ConnectionSettings server; // the server itself (the advisory lock is per session)
    QString prefix;                // the family: {prefix}_{isoyear}_w{week}
    QString token;                 // bearer token; never logged, never stored
    bool once = false;             // each endpoint (all its pages) one time, then stop
    int durationSeconds = 0;       // 0: until stopped
    double backoffBaseSeconds = 0.5;
};

// What the collector has done so far (for the CLI's summary and the GUI's panel).
struct Stats
{
    QString database;                 // where rows go now
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 rows = 0;                  // stored (committed)
    qint64 batches = 0;
    qint64 pending = 0;               // rows in the batch not stored yet
    qint64 noAnswer = 0;              // timeouts, refused connections
    std::map<int, qint64> byStatus;   // HTTP status -> responses
    double tokens = 0;                // the rate limit's bucket now
    double burst = 0, perSecond = 0;
    double requestsPerMinute = 0;     // over the last minute
    QStringList switches;             // databases switched to at a reset, in order
    QDateTime started;
};

// Fills the current reset's database from a game's HTTP API, the ELT way (seed 000): every
// response, errors included, one row of the API events table with its canonical JSON and
// SHA-256; requests spaced by a token bucket, pages followed to the end, 429 and 5xx retried
// (Retry-After, else exponential backoff with jitter), rows stored in batches of one
// transaction each. The database is named from the reset date the game reports (or the
// current ISO week) and created when missing, through the admin's create path. Runs on the
// calling thread (it blocks; a worker's thread in the GUI). One collector per token and
// family at a time (a session advisory lock on the server).
class Collector
{
    Q_DECLARE_TR_FUNCTIONS(statescope::collect::Collector)
public:
    Collector(Config config, Options options);
    ~Collector();

    // Until cancelled, the duration ends, or (once) every endpoint was fetched; the batch
    // in flight is stored before it returns. `progress` is called on this thread after each
    // request and batch.
    Stats run(CancelToken &cancel, const std::function<void(const Stats &)> &progress = {});

    // The token's reference stored with batches: 16 hex digits of its SHA-256.
    static QString tokenRef(const QString &token);

private:
    double now() const;
    void sleepFor(double seconds, CancelToken &cancel);
    // GET with the rate limit and retries; every answer kept as a row (the last one only
    // when keepAnswer).
    Response request(const QString &path, const QString &endpoint, const QString &query,
                     CancelToken &cancel, bool keepAnswer = true);
    void fetchEndpoint(const Endpoint &e, CancelToken &cancel);
    QString databaseForNow(CancelToken &cancel, std::optional<Response> *answer);
    void checkReset(CancelToken &cancel);
    void switchTo(const QString &database);
    void keep(const Response &r);
    void flush();
    void report();

    Config m_config;
    Options m_options;
    TokenBucket m_bucket;
    Stats m_stats;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<BatchStore> m_store;
    std::vector<Row> m_batch;
    std::vector<double> m_recent; // request times of the last minute
    std::function<void(const Stats &)> m_progress;
    QDateTime m_clockStart;
};

} // namespace statescope::collect
