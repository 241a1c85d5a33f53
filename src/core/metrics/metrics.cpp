// Buckets, the catalogue, times, summaries, JSON paths, CSV and the reset start: the parts
// of the metrics API that are not one of the bigger pieces (builtin.cpp, usersql.cpp,
// lttb.cpp, compare.cpp, matview.cpp).

#include "metrics.h"

#include "core/timestamp.h"

#include "core/error.h"
#include "core/format.h"
#include "core/layout/layout.h"
#include "core/metrics/metricsinternal.h"
#include "core/pg/connection.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace statescope::metrics {

QString bucketName(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Minute: return QStringLiteral("1m");
    case Bucket::Hour: return QStringLiteral("1h");
    case Bucket::Day: return QStringLiteral("1d");
    case Bucket::Week: return QStringLiteral("1w");
    case Bucket::ThirtyDays: return QStringLiteral("30d");
    }
    return QStringLiteral("1h");
}

std::optional<Bucket> parseBucket(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1m") || t == QLatin1String("minute"))
        return Bucket::Minute;
    if (t == QLatin1String("1h") || t == QLatin1String("hour"))
        return Bucket::Hour;
    if (t == QLatin1String("1d") || t == QLatin1String("day"))
        return Bucket::Day;
    if (t == QLatin1String("1w") || t == QLatin1String("week"))
        return Bucket::Week;
    if (t == QLatin1String("30d") || t == QLatin1String("month"))
        return Bucket::ThirtyDays;
    return std::nullopt;
}

qint64 bucketSeconds(Bucket bucket)
{
    switch (bucket) {
    case Bucket::Minute: return 60;
    case Bucket::Hour: return 3600;
    case Bucket::Day: return 86400;
    case Bucket::Week: return 7 * 86400;
    case Bucket::ThirtyDays: return 30 * 86400;
    }
    return 3600;
}

Bucket bucketFor(const QDateTime &from, const QDateTime &to, int targetPoints)
{
    if (!from.isValid() || !to.isValid())
        return Bucket::Hour;
    const qint64 span = from.secsTo(to);
    const qint64 target = std::max(1, targetPoints);
    // The finest bucket whose count over the span stays within the target.
    for (Bucket b : {Bucket::Minute, Bucket::Hour}) {
        if (span <= target * bucketSeconds(b))
            return b;
    }
    return Bucket::Day;
}

const QList<MetricInfo> &catalogue()
{
    static const QList<MetricInfo> list = {
        {QStringLiteral("events"), Metrics::tr("API events"),
         Metrics::tr("Raw API events fetched per bucket, one series per endpoint."),
         {QStringLiteral("endpoint")}, Metrics::tr("events")},
        {QStringLiteral("errors"), Metrics::tr("Failed requests"),
         Metrics::tr("Responses with status 400 or more per bucket, as series 4xx and 5xx; "
                     "status=N counts one exact code; rate=true gives the share of all "
                     "requests instead."),
         {QStringLiteral("status"), QStringLiteral("rate"), QStringLiteral("endpoint")},
         Metrics::tr("requests")},
        {QStringLiteral("distinct_payloads"), Metrics::tr("Distinct payloads"),
         Metrics::tr("Different payload hashes per bucket (a re-fetch of unchanged data "
                     "counts once)."),
         {QStringLiteral("endpoint")}, Metrics::tr("payloads")},
        {QStringLiteral("payload_bytes"), Metrics::tr("Payload size"),
         Metrics::tr("Size of the stored payload text per bucket; agg=avg (default), sum or "
                     "max."),
         {QStringLiteral("agg"), QStringLiteral("endpoint")}, Metrics::tr("bytes")},
        {QStringLiteral("plays"), Metrics::tr("Plays"),
         Metrics::tr("Plays recorded per bucket (by created_at)."), {}, Metrics::tr("plays")},
        {QStringLiteral("games_completed"), Metrics::tr("Games completed"),
         Metrics::tr("Games completed per bucket (by completed_at)."), {},
         Metrics::tr("games")},
        {QStringLiteral("player_events"), Metrics::tr("Player events"),
         Metrics::tr("Per-player events (Marketland+'s player_events) per bucket by occurred_at, one series "
                     "per event type; type=T counts one type, player=ID one player. The time bounds "
                     "prune the table's partitions."),
         {QStringLiteral("type"), QStringLiteral("player")}, Metrics::tr("events")},
        {QStringLiteral("snapshots"), Metrics::tr("Snapshots"),
         Metrics::tr("World snapshots per bucket (by game_time)."), {},
         Metrics::tr("snapshots")},
        {QStringLiteral("payload_value"), Metrics::tr("Payload value"),
         Metrics::tr("A number inside the payloads of one endpoint per bucket: "
                     "endpoint=/my/agent path=data.credits (array items as [n]), "
                     "agg=avg (default), min, max or last. Values that are not JSON numbers "
                     "are left out."),
         {QStringLiteral("endpoint"), QStringLiteral("path"), QStringLiteral("agg")},
         Metrics::tr("value")},
    };
    return list;
}

const MetricInfo *findMetric(const QString &id)
{
    for (const MetricInfo &m : catalogue()) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

std::optional<QDateTime> parseTime(const QString &text)
{
    // One parser for every time a person types (see Timestamp). Chart bounds are kept at
    // millisecond precision: buckets are seconds wide at the finest.
    const auto t = Timestamp::parse(text);
    if (!t)
        return std::nullopt;
    return t->toDateTime();
}

QString isoUtc(const QDateTime &t)
{
    const QDateTime u = t.toUTC();
    return u.toString(u.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

QDateTime defaultOrigin()
{
    return fromMs(946'684'800'000); // 2000-01-01T00:00Z
}

Summary summarize(const Series &series, const QDateTime &start, qint64 bucketSeconds, const QDateTime &origin)
{
    Summary s;
    s.points = int(series.points.size());
    if (series.points.isEmpty())
        return s;
    const Point *peak = &series.points.first();
    for (const Point &p : series.points) {
        s.total += p.value;
        if (p.value > peak->value)
            peak = &p; // the first time the peak is reached
    }
    s.mean = s.total / s.points;
    s.peak = peak->value;
    qint64 fromMs = (start.isValid() ? start : series.points.first().t).toMSecsSinceEpoch();
    if (bucketSeconds > 0) {
        const qint64 originMs = (origin.isValid() ? origin : defaultOrigin()).toMSecsSinceEpoch();
        const qint64 width = bucketSeconds * 1000;
        const qint64 k = (fromMs - originMs) / width - ((fromMs - originMs) % width < 0 ? 1 : 0);
        fromMs = originMs + k * width;
    }
    // Rounded, not cut: a peak half a second short of the hour is an hour.
    s.timeToPeakSeconds = (peak->t.toMSecsSinceEpoch() - fromMs + (peak->t.toMSecsSinceEpoch() >= fromMs ? 500 : -500)) / 1000;
    return s;
}

namespace {

constexpr int kMaxPathLength = 512;
constexpr int kMaxPathSegments = 32;

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')
           || c == QLatin1Char('$');
}

} // namespace

QStringList parseJsonPath(const QString &path)
{
    auto bad = [&path](const QString &why) {
        return Error::invalidInput(
            Metrics::tr("The path \"%1\" is not valid: %2").arg(path, why),
            Metrics::tr("Write keys with dots and array items as [n], e.g. data.credits or "
                        "data.ships[0].fuel.current."));
    };
    if (path.isEmpty())
        throw bad(Metrics::tr("it is empty."));
    if (path.size() > kMaxPathLength)
        throw bad(Metrics::tr("it is longer than %1 characters.").arg(kMaxPathLength));
    QStringList segments;
    qsizetype i = 0;
    const qsizetype n = path.size();
    for (;;) {
        if (path[i] == QLatin1Char('[')) {
            qsizetype j = i + 1;
            if (j < n && path[j] == QLatin1Char('-'))
                ++j;
            const qsizetype digits = j;
            while (j < n && path[j].isDigit())
                ++j;
            if (j == digits || j >= n || path[j] != QLatin1Char(']') || j - digits > 9)
                throw bad(Metrics::tr("an array index must be [n] with a whole number n."));
            segments << path.mid(i + 1, j - i - 1);
            i = j + 1;
        } else {
            qsizetype j = i;
            while (j < n && isKeyChar(path[j]))
                ++j;
            if (j == i)
                throw bad(Metrics::tr("expected a key at position %1.").arg(i + 1));
            segments << path.mid(i, j - i);
            i = j;
        }
        if (segments.size() > kMaxPathSegments)
            throw bad(Metrics::tr("it has more than %1 steps.").arg(kMaxPathSegments));
        if (i == n)
            break;
        if (path[i] == QLatin1Char('.')) {
            ++i;
            if (i == n || path[i] == QLatin1Char('['))
                throw bad(Metrics::tr("expected a key after the dot at position %1.").arg(i));
        } else if (path[i] != QLatin1Char('[')) {
            throw bad(Metrics::tr("unexpected \"%1\" at position %2.").arg(path[i]).arg(i + 1));
        }
    }
    return segments;
}

QByteArray toCsv(const SeriesSet &set)
{
    QByteArray out = "time,series,value\n";
    for (const Series &s : set.series) {
        const QByteArray name = format::csvField(s.name);
        for (const Point &p : s.points) {
            out += isoUtc(p.t).toUtf8();
            out += ',';
            out += name;
            out += ',';
            // Shortest text that reads back as the same double.
            out += QByteArray::number(p.value, 'g', QLocale::FloatingPointShortest);
            out += '\n';
        }
    }
    return out;
}

std::optional<QDateTime> resetStart(pg::Connection &conn)
{
    // Through the layout: whichever of the kinds this database has, under its own names.
    const auto lay = layout::of(conn);
    QStringList parts;
    if (lay->has(layout::Kind::ApiEvents))
        parts << QStringLiteral("(SELECT min(fetched_at) FROM {api_events})");
    if (const layout::Relation *p = lay->find(layout::Kind::Plays); p && p->has(QStringLiteral("created_at")))
        parts << QStringLiteral("(SELECT min(created_at) FROM {plays})");
    if (lay->has(layout::Kind::PlayerEvents))
        parts << QStringLiteral("(SELECT min(occurred_at) FROM {player_events})");
    if (const layout::Relation *s = lay->find(layout::Kind::Snapshots))
        parts << (s->has(QStringLiteral("game_time")) ? QStringLiteral("(SELECT min(game_time) FROM {snapshots})")
                                                      : QStringLiteral("(SELECT min(created_at) FROM {snapshots})"));
    if (parts.isEmpty())
        return std::nullopt;
    // coalesce evaluates the later sub-selects only when the earlier ones are NULL.
    // Milliseconds rounded down: the start must not come after the first event, or that
    // event would land before bucket 0 when buckets are counted from the start.
    const pg::Result r = conn.exec(
        lay->sql(QStringLiteral("SELECT floor(extract(epoch FROM coalesce(%1)) * 1000)::bigint")
                     .arg(parts.join(QStringLiteral(", ")))));
    if (r.isNull(0, 0))
        return std::nullopt;
    return fromMs(r.toLongLong(0, 0));
}

void fillGaps(SeriesSet &set)
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (const Series &s : set.series) {
        if (s.points.isEmpty())
            continue;
        first = std::min(first, s.points.first().t.toMSecsSinceEpoch());
        last = std::max(last, s.points.last().t.toMSecsSinceEpoch());
    }
    const qint64 step = bucketSeconds(set.bucket) * 1000;
    // A guard against absurd spans (minute buckets over years): leave those sparse.
    if (first > last || (last - first) / step > 5'000'000)
        return;
    for (Series &s : set.series) {
        QList<Point> filled;
        filled.reserve((last - first) / step + 1);
        qsizetype i = 0;
        for (qint64 t = first; t <= last; t += step) {
            // Points off the grid (not with one origin, but never lose one) pass through.
            while (i < s.points.size() && s.points[i].t.toMSecsSinceEpoch() < t)
                filled.append(s.points[i++]);
            if (i < s.points.size() && s.points[i].t.toMSecsSinceEpoch() == t)
                filled.append(s.points[i++]);
            else
                filled.append(Point{fromMs(t), 0});
        }
        s.points = std::move(filled);
    }
}

} // namespace statescope::metrics
