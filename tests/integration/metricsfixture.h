#pragma once

// What tst_metrics_builtin and tst_metrics_compare share: the events of a seeded week as
// fetched rows, counting them into buckets, comparing a metric's result with such counts,
// and a fixture holding the seeded database every test reads.

#include "core/demo/demogenerator.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "core/pg/connectionsettings.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

namespace statescope::test {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 86'400'000;

// (series, bucket start in ms since the epoch) -> value.
using Values = std::map<std::pair<QString, qint64>, double>;

struct Event
{
    qint64 ms = 0; // fetched_at
    qint64 id = 0;
    QString endpoint;
    int status = 0;
    QString hash;
    QByteArray payload; // payload::text
};

inline qint64 floorTo(qint64 ms, qint64 step, qint64 origin = 0)
{
    const qint64 d = ms - origin;
    return origin + (d >= 0 ? d / step : -((-d + step - 1) / step)) * step;
}

inline QDateTime utc(int y, int m, int d, int h = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), QTimeZone::utc());
}

inline bool close(double a, double b, double relative)
{
    return a == b || std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
}

// Compares a result with the expected values. gapFilled: a count metric, where buckets
// without rows are 0 and the points of a series are exactly one bucket apart; the
// expected map then lists the non-zero buckets only. Returns what differs, or nothing.
inline QString differences(const metrics::SeriesSet &set, const Values &expected, bool gapFilled,
                           double relative = 0)
{
    const qint64 step = metrics::bucketSeconds(set.bucket) * 1000;
    Values actual;
    for (const metrics::Series &s : set.series) {
        for (qsizetype i = 0; i < s.points.size(); ++i) {
            const qint64 t = s.points[i].t.toMSecsSinceEpoch();
            if (i > 0) {
                const qint64 gap = t - s.points[i - 1].t.toMSecsSinceEpoch();
                if (gap <= 0 || (gapFilled && gap != step))
                    return QStringLiteral("series %1: points %2 and %3 are %4 ms apart")
                        .arg(s.name)
                        .arg(i - 1)
                        .arg(i)
                        .arg(gap);
            }
            if (!gapFilled || s.points[i].value != 0)
                actual[{s.name, t}] = s.points[i].value;
        }
    }
    if (actual.size() != expected.size())
        return QStringLiteral("%1 values, expected %2").arg(actual.size()).arg(expected.size());
    for (const auto &[key, value] : expected) {
        const auto it = actual.find(key);
        if (it == actual.end())
            return QStringLiteral("no value for %1 at %2")
                .arg(key.first,
                     metrics::isoUtc(QDateTime::fromMSecsSinceEpoch(key.second, QTimeZone::utc())));
        if (!close(it->second, value, relative))
            return QStringLiteral("%1 at %2: %3, expected %4")
                .arg(key.first,
                     metrics::isoUtc(QDateTime::fromMSecsSinceEpoch(key.second, QTimeZone::utc())))
                .arg(it->second, 0, 'g', 17)
                .arg(value, 0, 'g', 17);
    }
    return {};
}

inline double total(const metrics::SeriesSet &set)
{
    double sum = 0;
    for (const metrics::Series &s : set.series)
        for (const metrics::Point &p : s.points)
            sum += p.value;
    return sum;
}

inline QList<Event> fetchEvents(pg::Connection &conn)
{
    const auto r = conn.exec(QStringLiteral(
        "SELECT floor(extract(epoch FROM fetched_at) * 1000)::bigint, id, endpoint, status_code, "
        "payload_hash, payload::text FROM raw.api_events ORDER BY fetched_at, id"));
    QList<Event> events;
    for (int i = 0; i < r.rowCount(); ++i)
        events.append(Event{r.toLongLong(i, 0), r.toLongLong(i, 1), r.value(i, 2), r.toInt(i, 3),
                            r.value(i, 4), r.bytes(i, 5)});
    return events;
}

inline metrics::Query query(const QString &metric, metrics::Bucket bucket = metrics::Bucket::Hour,
                            const QMap<QString, QString> &params = {})
{
    metrics::Query q;
    q.metric = metric;
    q.bucket = bucket;
    q.params = params;
    return q;
}

// The seeded week every test of a binary reads (600 events, 6 games, 30 snapshots), and
// the databases to drop at the end.
class MetricsFixture
{
protected:
    QStringList m_databases; // dropped at the end whatever happened
    pg::ConnectionSettings m_db;
    std::unique_ptr<pg::Connection> m_conn;
    demo::DemoReport m_report;
    QList<Event> m_events;

    Values expectedEvents(qint64 step, qint64 fromMs = LLONG_MIN, qint64 toMs = LLONG_MAX,
                          const QString &endpoint = {}) const
    {
        Values v;
        for (const Event &e : m_events) {
            if (e.ms >= fromMs && e.ms < toMs && (endpoint.isEmpty() || e.endpoint == endpoint))
                v[{e.endpoint, floorTo(e.ms, step)}] += 1;
        }
        return v;
    }

    // For initTestCase: a failed check here fails it (QTest::currentTestFailed()).
    void seedMetricsDatabase()
    {
        m_db = freshDatabase(QStringLiteral("metrics"));
        m_databases << m_db.database();
        m_conn = test::connect(m_db);
        demo::DemoOptions options;
        options.events = 600;
        options.games = 6;
        options.snapshots = 30;
        m_report = demo::seed(*m_conn, options);
        QCOMPARE(m_report.events, 600);
        m_events = fetchEvents(*m_conn);
        QCOMPARE(m_events.size(), 600);
    }
};

} // namespace statescope::test
