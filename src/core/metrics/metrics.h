#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace statescope {
class TaskContext;
namespace pg {
class Connection;
class ConnectionSettings;
} // namespace pg
} // namespace statescope

namespace statescope::metrics {

enum class Bucket { Minute, Hour, Day, Week, ThirtyDays };
QString bucketName(Bucket bucket);                 // "1m", "1h", "1d", "1w", "30d"
// 1m/1h/1d/1w/30d, or minute/hour/day/week/month
std::optional<Bucket> parseBucket(const QString &);
qint64 bucketSeconds(Bucket bucket);
// The most buckets an automatic choice makes (one stray timestamp years away would
// otherwise give a chart of a hundred thousand empty hours).
constexpr int kMaxAutoBuckets = 2000;
// The bucket that gives at most about targetPoints buckets over [from, to): the chart asks
// again with this when the visible range changes (zoom).
Bucket bucketFor(const QDateTime &from, const QDateTime &to, int targetPoints = 500);

struct Point
{
    QDateTime t; // bucket start, UTC
    double value = 0;
    bool operator==(const Point &) const = default;
};

struct Series
{
    QString name; // e.g. the endpoint, or "value"
    QList<Point> points;
};

struct SeriesSet
{
    QString metric;
    Bucket bucket = Bucket::Hour;
    QList<Series> series;
    QString note; // e.g. "the path matched no value": an empty result explained, not an error
    QString source; // the table read, through the layout: "raw.api_events, detected"
    // Query::autoBucket: what was chosen and why, for people ("Auto: 1w buckets (593); 1h
    // would make 99,696"). Empty otherwise.
    QString bucketNote;
};

struct MetricInfo
{
    QString id;          // events, errors, distinct_payloads, payload_bytes, plays,
                         // games_completed, snapshots, payload_value
    QString title;
    QString description;
    QStringList params;  // accepted --param keys
    QString unit;
};

struct Query
{
    QString metric;
    Bucket bucket = Bucket::Hour;
    QDateTime since; // invalid: no bound
    QDateTime until; // invalid: no bound (exclusive)
    QMap<QString, QString> params;
    // The bucket is a first guess: when the rows span more than kMaxAutoBuckets of it, the
    // finest bucket that stays within that is used instead (SeriesSet::bucketNote says so).
    bool autoBucket = false;
    // Where buckets are counted from: bucket k covers [origin + k*b, origin + (k+1)*b).
    // Invalid: 2000-01-01T00:00Z, i.e. whole UTC minutes, hours, days. compare() with
    // Align::Reset sets it to each week's reset start, so bucket 0 starts at the reset.
    QDateTime origin;
};

// An ISO 8601 date ("2025-01-06") or date-time ("2025-01-06T10:00", "...:00Z",
// "...+02:00"; a space may stand for the T), in UTC; no zone given means UTC.
// nullopt when the text is not one.
std::optional<QDateTime> parseTime(const QString &text);
// ISO 8601 in UTC with a Z, with milliseconds only when there are any.
QString isoUtc(const QDateTime &t);

// The built-in metrics, each a server-side aggregate by time bucket over one weekly database.
const QList<MetricInfo> &catalogue();
const MetricInfo *findMetric(const QString &id);

// Throws Error(InvalidInput) when the query cannot run: unknown metric, unknown param
// keys, bad param values (agg, path syntax, status, rate), since >= until. Sends nothing.
void validate(const Query &query);

// Runs a built-in metric. Unknown metric or bad params: Error InvalidInput, nothing sent.
// Series are ordered by name, points by time. Counting metrics (all but payload_bytes,
// payload_value and errors with rate) have a point for every bucket between the set's first
// and last bucket, 0 where nothing was counted; averages and rates only where rows exist.
// Needs PostgreSQL 14 or newer (date_bin).
SeriesSet run(pg::Connection &conn, const Query &query, TaskContext *ctx = nullptr);

// A user-defined metric: one SELECT (or WITH ... SELECT) returning (time, value[, series]).
// Runs in a READ ONLY transaction with statement_timeout; rolled back afterwards, so the
// connection stays usable whatever happens. Not a single SELECT, wrong columns, timeout or
// failure: a clear Error, nothing written.
SeriesSet runUserSql(pg::Connection &conn, const QString &sql, int timeoutMs,
                     TaskContext *ctx = nullptr);

// The reset's start: the first raw event (else the first play, else the first snapshot).
std::optional<QDateTime> resetStart(pg::Connection &conn);

// Largest-Triangle-Three-Buckets downsampling: keeps the first and last points and the
// visually significant ones in between. Returns the input when it has <= threshold points
// or threshold <= 0 (no limit); threshold 1 or 2 gives the first and last point.
QList<Point> downsampleLttb(const QList<Point> &points, int threshold);

// Comparing resets.
enum class Align { Reset, Absolute };
struct WeekResult
{
    QString database;
    QDateTime resetStart;
    SeriesSet set;     // with Align::Reset, point times are offsets: epoch + seconds since reset
    QString error;     // this week failed; the others still count
};
// Runs the same query on each database in parallel, each on its own connection
// (server settings with dbname replaced). Cancellable through ctx. With Align::Reset,
// buckets are counted from each week's reset start (Query::origin) and query.since/until,
// when set, are offsets from it too (epoch + offset), like the times returned. Results come
// in the order of `databases`; a bad query throws InvalidInput before any week runs.
QList<WeekResult> compare(const pg::ConnectionSettings &server, const QStringList &databases,
                          const Query &query, Align align, TaskContext *ctx = nullptr);
// The same for weeks that may live on several servers: each settings names its database.
QList<WeekResult> compare(const QList<pg::ConnectionSettings> &databases, const Query &query, Align align,
                          TaskContext *ctx = nullptr);

struct Summary
{
    double total = 0;
    double mean = 0;
    double peak = 0;
    qint64 timeToPeakSeconds = 0; // from the reset start (or the first point)
    int points = 0;
};
// Time to peak counts from `start` (the reset; invalid: the first point) to the peak's
// bucket. With the series' bucket width, from the start of the bucket that holds `start` on
// the grid the points lie on (origin + k * width): whole buckets, as compare() aligned on
// the reset counts them, not a bucket's start less the first event's fraction of it.
Summary summarize(const Series &series, const QDateTime &start, qint64 bucketSeconds = 0,
                  const QDateTime &origin = {});
// Where calendar buckets are counted from when a query names no origin: 2000-01-01T00:00Z.
QDateTime defaultOrigin();

// Materialized views in the metrics schema.
struct MaterializedView
{
    QString schema;
    QString name;
    QDateTime refreshedAt; // last refresh recorded by Statescope; invalid if never
    qint64 sizeBytes = 0;
    bool canRefreshConcurrently = false; // has a unique index and is populated
    bool populated = false;
    bool hasUniqueIndex = false;     // a valid unique index on plain columns, no WHERE
    int lastDurationMs = -1;         // of the last recorded refresh; -1 if never
    bool lastConcurrently = false;   // the last recorded refresh ran CONCURRENTLY
};
QList<MaterializedView> materializedViews(pg::Connection &conn);
// REFRESH MATERIALIZED VIEW [CONCURRENTLY] schema.name (validated and quoted), recorded in
// statescope.matview_refreshes with its duration, audited.
void refresh(pg::Connection &conn, const QString &schema, const QString &name,
             TaskContext *ctx = nullptr);

// CSV of a series set: time,series,value (ISO 8601 UTC).
QByteArray toCsv(const SeriesSet &set);

} // namespace statescope::metrics
