#pragma once

#include "core/events/eventfilter.h"
#include "core/pg/connection.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace statescope::events {

// One row of the events table, without its payload.
struct EventRow
{
    qint64 id = 0;
    QByteArray time;     // fetched_at exactly as the server wrote it (UTC); empty = NULL
    QDateTime fetchedAt; // the same, for display (millisecond precision)
    QString endpoint;
    QString requestKey;
    int status = -1;       // -1 = NULL
    qint64 storedBytes = 0; // pg_column_size(payload): on-disk, maybe compressed
    QString payloadHash;
};

// Where a page starts: the browsing order is fetched_at DESC, id DESC, with the events
// whose fetched_at is NULL after all others (by id DESC). A key is exact: the time
// keeps the server's microseconds.
struct EventKey
{
    QByteArray time; // empty = NULL time
    qint64 id = 0;
    static EventKey of(const EventRow &row) { return {row.time, row.id}; }
};

// A payload as stored, with the type of its column (jsonb in the canonical schema;
// json, text or bytea in others).
struct Payload
{
    qint64 id = 0;
    QByteArray bytes; // the column's text; bytea decoded to its bytes
    QString columnType;
    bool isNull = false;
    // payloadInPlace() only: the server's result, which `bytes` points into (no copy).
    pg::Result result;
};

// One entry of a history: a run of consecutive fetches that returned the same payload.
struct HistoryEntry
{
    qint64 firstId = 0; // the fetch that brought this payload
    qint64 lastId = 0;
    QDateTime firstSeen;
    QDateTime lastSeen;
    qint64 fetches = 0;
    int status = -1;
    QString payloadHash;
};

struct History
{
    enum class By { RequestKey, Endpoint };
    By by = By::RequestKey;
    QString key;                       // the request key or endpoint followed
    qint64 totalFetches = 0;
    std::vector<HistoryEntry> entries; // newest first
};

struct EndpointCount
{
    QString endpoint;
    qint64 estimate = 0; // the planner's estimate
};

// The distribution of fetched_at, to place a time on the scroll bar and back.
struct TimeScale
{
    std::vector<QDateTime> bounds; // ascending quantile bounds (pg_stats or min/max)
    bool isEmpty() const { return bounds.size() < 2; }
    // Share of events at or after t (0 = newest end), by linear interpolation.
    double fractionFromTop(const QDateTime &t) const;
    QDateTime timeAtFractionFromTop(double f) const;
};

// Read queries over raw.api_events. Every page is one index-backed keyset query; no
// OFFSET anywhere. Call from a worker thread; the connection is the caller's.
class EventStore
{
    Q_DECLARE_TR_FUNCTIONS(statescope::events::EventStore)
public:
    explicit EventStore(pg::Connection &conn);

    // Sets the session up for browsing (time zone UTC, so keys are exact) and checks the
    // table is there.
    void prepare();
    // Asks the server to check what only it can (the JSON path and containment as it
    // parses them) without touching the table. Empty when the filter may run.
    std::vector<FieldError> checkOnServer(const EventFilter &filter);

    enum class Direction { Older, Newer };
    // Up to limit rows after `from` in the direction given (from = nullopt: from the
    // newest for Older, from the oldest for Newer). Rows come back in browsing order
    // (newest first) either way.
    std::vector<EventRow> page(const EventFilter &filter, const std::optional<EventKey> &from,
                               Direction direction, int limit);
    // The rows at or older than t, newest first: jumping to a point in time.
    std::vector<EventRow> pageAt(const EventFilter &filter, const Timestamp &t, int limit);

    qint64 estimateCount(const EventFilter &filter);
    qint64 exactCount(const EventFilter &filter);
    TimeScale timeScale(const EventFilter &filter);
    std::vector<EndpointCount> endpoints();

    std::optional<EventRow> row(qint64 id);
    Payload payload(qint64 id);
    // The same without copying the value out of the server's result: `bytes` points into
    // `result`, so it is valid only while that Payload lives (a 200 MB payload then costs
    // its size once, not twice). For writing it out, not for keeping.
    Payload payloadInPlace(qint64 id);

    // Events sharing a payload hash: the total and the newest `limit` of them.
    qint64 duplicateCount(const QString &payloadHash);
    std::vector<EventRow> duplicates(const QString &payloadHash, int limit);
    // The distinct payloads a request key (or endpoint) returned over time.
    History history(qint64 eventId, History::By by, int limit);

    // Newest id now; events with a larger id arrived later.
    qint64 maxId();
    // Events with id > afterId that match, oldest first, at most limit.
    std::vector<EventRow> arrivedAfter(const EventFilter &filter, qint64 afterId, int limit);

    // The table read: "raw.api_events, detected".
    QString source();
    // True when no index starts with the fetch time: pages then key on the primary key
    // (insertion order), newest first, and orderNote() says so and names the index to make.
    bool pagesById();
    QString orderNote();

private:
    std::vector<EventRow> rows(const QString &sql, const std::vector<pg::Param> &params);
    pg::Result run(const QString &templ, const std::vector<pg::Param> &params = {});
    pg::Connection &m_conn;
};

QDateTime timeFromServer(const QByteArray &text);

} // namespace statescope::events
