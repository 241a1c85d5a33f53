// The built-in metrics against a real server: every one of them on a seeded week equals a
// count made independently in C++ over the fetched rows; since/until; error classes, one
// status and rates; hand-made bucket boundaries; payload values (numbers only, array paths,
// nothing matched); bad params refused before anything is sent; the reset start. User SQL,
// comparing weeks, materialized views and the CLI are in tst_metrics_compare.

#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "core/metrics/metrics.h"
#include "core/pg/connection.h"
#include "integration/metricsfixture.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <climits>
#include <map>
#include <numeric>
#include <optional>
#include <set>

using namespace statescope;
using namespace statescope::test;
using namespace statescope::metrics;

namespace {

// Per bucket counts of one timestamp column, in C++.
Values countColumn(pg::Connection &conn, const QString &table, const QString &column,
                   qint64 step)
{
    const auto r = conn.exec(QStringLiteral("SELECT floor(extract(epoch FROM %1) * 1000)::bigint "
                                            "FROM %2 WHERE %1 IS NOT NULL")
                                 .arg(column, table));
    Values v;
    for (int i = 0; i < r.rowCount(); ++i)
        v[{QStringLiteral("value"), floorTo(r.toLongLong(i, 0), step)}] += 1;
    return v;
}

// A JSON number at a dotted path with [n] items, as the metric reads it; nullopt otherwise.
std::optional<double> jsonNumber(const QByteArray &payload, const QStringList &path)
{
    QJsonValue v = QJsonDocument::fromJson(payload).object();
    for (const QString &step : path) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        if (isIndex && v.isArray())
            v = v.toArray().at(index);
        else if (v.isObject())
            v = v.toObject().value(step);
        else
            return std::nullopt;
    }
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

} // namespace

class TestMetricsBuiltin : public QObject, private MetricsFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(cliIsExecutable(), kNoCli);

        seedMetricsDatabase();
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        for (const QString &db : std::as_const(m_databases))
            dropDatabase(db);
    }

    // ---- built-in metrics against independent counts ----------------------------------

    void eventsPerEndpoint_data()
    {
        QTest::addColumn<int>("bucket");
        QTest::newRow("minute") << int(Bucket::Minute);
        QTest::newRow("hour") << int(Bucket::Hour);
        QTest::newRow("day") << int(Bucket::Day);
    }
    void eventsPerEndpoint()
    {
        QFETCH(int, bucket);
        const Bucket b = Bucket(bucket);
        const SeriesSet set = run(*m_conn, query(QStringLiteral("events"), b));
        QCOMPARE(set.metric, QStringLiteral("events"));
        QCOMPARE(set.bucket, b);
        QVERIFY(set.note.isEmpty());
        const QString diff = differences(set, expectedEvents(bucketSeconds(b) * 1000), true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(total(set), 600.0);
        QVERIFY(set.series.size() >= 5); // the demo's endpoints, one series each
    }

    void eventsOfOneEndpoint()
    {
        const QString agent = QStringLiteral("/my/agent");
        const SeriesSet set = run(*m_conn, query(QStringLiteral("events"), Bucket::Hour,
                                                 {{QStringLiteral("endpoint"), agent}}));
        QCOMPARE(set.series.size(), 1);
        QCOMPARE(set.series.first().name, agent);
        const Values expected = expectedEvents(kHour, LLONG_MIN, LLONG_MAX, agent);
        QVERIFY(expected.size() > 10);
        const QString diff = differences(set, expected, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void sinceAndUntil()
    {
        const QDateTime since = utc(2025, 1, 8);
        const QDateTime until = utc(2025, 1, 9, 12);
        Query q = query(QStringLiteral("events"));
        q.since = since;
        q.until = until;
        SeriesSet set = run(*m_conn, q);
        QString diff = differences(set, expectedEvents(kHour, since.toMSecsSinceEpoch(),
                                                       until.toMSecsSinceEpoch()), true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        for (const Series &s : set.series) {
            QVERIFY(s.points.first().t >= since);
            QVERIFY(s.points.last().t < until);
        }
        // An exclusive end: an event exactly at `until` is not counted.
        q.since = {};
        q.until = QDateTime::fromMSecsSinceEpoch(m_events[300].ms, QTimeZone::utc());
        set = run(*m_conn, q);
        diff = differences(set, expectedEvents(kHour, LLONG_MIN, m_events[300].ms), true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        q.until = {};
        q.since = QDateTime::fromMSecsSinceEpoch(m_events[300].ms, QTimeZone::utc());
        set = run(*m_conn, q);
        diff = differences(set, expectedEvents(kHour, m_events[300].ms), true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // A range without events: no series, a note.
        q.since = utc(2030, 1, 1);
        set = run(*m_conn, q);
        QVERIFY(set.series.isEmpty());
        QVERIFY(!set.note.isEmpty());
    }

    void errorsByClass()
    {
        Values expected;
        for (const Event &e : m_events) {
            if (e.status >= 400)
                expected[{e.status >= 500 ? QStringLiteral("5xx") : QStringLiteral("4xx"),
                          floorTo(e.ms, kDay)}] += 1;
        }
        const SeriesSet set = run(*m_conn, query(QStringLiteral("errors"), Bucket::Day));
        QCOMPARE(set.series.size(), 2);
        QCOMPARE(set.series[0].name, QStringLiteral("4xx"));
        QCOMPARE(set.series[1].name, QStringLiteral("5xx"));
        const QString diff = differences(set, expected, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(total(set), double(m_report.errorEvents));
        QVERIFY(m_report.errorEvents > 0);
    }

    void errorsOfOneStatus()
    {
        Values expected;
        for (const Event &e : m_events) {
            if (e.status == 429)
                expected[{QStringLiteral("429"), floorTo(e.ms, kHour)}] += 1;
        }
        QVERIFY(!expected.empty()); // the demo has rate limiting
        const SeriesSet set = run(*m_conn, query(QStringLiteral("errors"), Bucket::Hour,
                                                 {{QStringLiteral("status"), QStringLiteral("429")}}));
        QCOMPARE(set.series.size(), 1);
        QCOMPARE(set.series[0].name, QStringLiteral("429"));
        const QString diff = differences(set, expected, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void errorRates()
    {
        // Every bucket with requests has a rate, 0 included; buckets without none.
        Values expected429, expectedClass;
        std::map<qint64, double> all, n429, n4, n5;
        for (const Event &e : m_events) {
            const qint64 b = floorTo(e.ms, kHour);
            all[b] += 1;
            n429[b] += e.status == 429;
            n4[b] += e.status >= 400 && e.status < 500;
            n5[b] += e.status >= 500;
        }
        for (const auto &[b, n] : all) {
            expected429[{QStringLiteral("429"), b}] = n429[b] / n;
            expectedClass[{QStringLiteral("4xx"), b}] = n4[b] / n;
            expectedClass[{QStringLiteral("5xx"), b}] = n5[b] / n;
        }
        SeriesSet set = run(*m_conn, query(QStringLiteral("errors"), Bucket::Hour,
                                           {{QStringLiteral("status"), QStringLiteral("429")},
                                            {QStringLiteral("rate"), QStringLiteral("true")}}));
        QString diff = differences(set, expected429, false, 1e-12);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        set = run(*m_conn, query(QStringLiteral("errors"), Bucket::Hour,
                                 {{QStringLiteral("rate"), QStringLiteral("true")}}));
        diff = differences(set, expectedClass, false, 1e-12);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        for (const Series &s : set.series)
            for (const Point &p : s.points)
                QVERIFY(p.value >= 0 && p.value <= 1);
    }

    void handMadeBoundaries()
    {
        // Known rows at the edges: status classes, hour boundaries, NULL endpoint and time,
        // payload values of other JSON types, array items from the end.
        const auto db = freshDatabase(QStringLiteral("metrics_hand"));
        m_databases << db.database();
        auto conn = test::connect(db);
        conn->exec(QStringLiteral(
            "INSERT INTO raw.api_events (fetched_at, endpoint, status_code, payload, payload_hash) VALUES "
            "('2025-01-06 10:00:00+00', '/a', 399, '{\"data\": {\"credits\": 10, \"list\": [1, 2, 3]}}', 'h1'),"
            "('2025-01-06 10:30:00+00', '/a', 500, '{\"data\": {\"credits\": \"12\"}}', 'h2'),"
            "('2025-01-06 10:59:59.999+00', '/a', 400, '{\"data\": {\"credits\": 20, \"list\": [4, 5]}}', 'h1'),"
            "('2025-01-06 11:00:00+00', '/a', 429, '{\"data\": {\"credits\": null}}', 'h3'),"
            "('2025-01-06 11:00:00+00', NULL, 499, '{}', 'h3'),"
            "('2025-01-06 11:20:00+00', '/b', 502, '{\"data\": [{\"credits\": 7}]}', 'h4'),"
            "('2025-01-06 12:40:00+00', '/b', 599, '{}', 'h5'),"
            "(NULL, '/a', 503, '{}', 'h6')"));
        const qint64 h10 = utc(2025, 1, 6, 10).toMSecsSinceEpoch();
        const qint64 h11 = h10 + kHour, h12 = h11 + kHour;

        SeriesSet set = run(*conn, query(QStringLiteral("errors")));
        QString diff = differences(set, {{{QStringLiteral("4xx"), h10}, 1}, {{QStringLiteral("5xx"), h10}, 1},
                                         {{QStringLiteral("4xx"), h11}, 2}, {{QStringLiteral("5xx"), h11}, 1},
                                         {{QStringLiteral("5xx"), h12}, 1}},
                                   true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        set = run(*conn, query(QStringLiteral("errors"), Bucket::Hour,
                               {{QStringLiteral("rate"), QStringLiteral("1")}}));
        diff = differences(set, {{{QStringLiteral("4xx"), h10}, 1.0 / 3}, {{QStringLiteral("5xx"), h10}, 1.0 / 3},
                                 {{QStringLiteral("4xx"), h11}, 2.0 / 3}, {{QStringLiteral("5xx"), h11}, 1.0 / 3},
                                 {{QStringLiteral("4xx"), h12}, 0}, {{QStringLiteral("5xx"), h12}, 1}},
                           false, 1e-15);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        set = run(*conn, query(QStringLiteral("events")));
        diff = differences(set, {{{QStringLiteral("/a"), h10}, 3}, {{QStringLiteral("/a"), h11}, 1},
                                 {{QStringLiteral("(null)"), h11}, 1}, {{QStringLiteral("/b"), h11}, 1},
                                 {{QStringLiteral("/b"), h12}, 1}},
                           true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        set = run(*conn, query(QStringLiteral("distinct_payloads")));
        diff = differences(set, {{{QStringLiteral("value"), h10}, 2}, {{QStringLiteral("value"), h11}, 2},
                                 {{QStringLiteral("value"), h12}, 1}},
                           true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Only JSON numbers count: "12" (text) and null are left out.
        auto value = [&](const QString &endpoint, const QString &path, const QString &agg) {
            return run(*conn, query(QStringLiteral("payload_value"), Bucket::Hour,
                                    {{QStringLiteral("endpoint"), endpoint},
                                     {QStringLiteral("path"), path},
                                     {QStringLiteral("agg"), agg}}));
        };
        diff = differences(value(QStringLiteral("/a"), QStringLiteral("data.credits"), QStringLiteral("avg")),
                           {{{QStringLiteral("value"), h10}, 15}}, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = differences(value(QStringLiteral("/a"), QStringLiteral("data.credits"), QStringLiteral("last")),
                           {{{QStringLiteral("value"), h10}, 20}}, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = differences(value(QStringLiteral("/a"), QStringLiteral("data.list[-1]"), QStringLiteral("max")),
                           {{{QStringLiteral("value"), h10}, 5}}, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = differences(value(QStringLiteral("/b"), QStringLiteral("data[0].credits"), QStringLiteral("min")),
                           {{{QStringLiteral("value"), h11}, 7}}, false);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Bounds at the exact boundary: since inclusive, until exclusive.
        Query bounded = query(QStringLiteral("events"));
        bounded.since = QDateTime::fromMSecsSinceEpoch(h10 + 30 * 60000, QTimeZone::utc());
        bounded.until = utc(2025, 1, 6, 11);
        diff = differences(run(*conn, bounded), {{{QStringLiteral("/a"), h10}, 2}}, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void distinctPayloads()
    {
        std::map<qint64, std::set<QString>> hashes;
        for (const Event &e : m_events)
            hashes[floorTo(e.ms, kDay)].insert(e.hash);
        Values expected;
        for (const auto &[b, set] : hashes)
            expected[{QStringLiteral("value"), b}] = double(set.size());
        const SeriesSet set = run(*m_conn, query(QStringLiteral("distinct_payloads"), Bucket::Day));
        const QString diff = differences(set, expected, true);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(total(set) < 600); // re-fetches of unchanged data share a hash
    }

    void payloadBytes_data()
    {
        QTest::addColumn<QString>("agg");
        QTest::newRow("default avg") << QString();
        QTest::newRow("sum") << "sum";
        QTest::newRow("max") << "max";
    }
    void payloadBytes()
    {
        QFETCH(QString, agg);
        std::map<qint64, std::pair<double, double>> sums; // sum, count
        std::map<qint64, double> maxima;
        for (const Event &e : m_events) {
            const qint64 b = floorTo(e.ms, kHour);
            sums[b].first += double(e.payload.size());
            sums[b].second += 1;
            maxima[b] = std::max(maxima[b], double(e.payload.size()));
        }
        Values expected;
        for (const auto &[b, s] : sums)
            expected[{QStringLiteral("value"), b}] = agg == QLatin1String("sum") ? s.first
                                                     : agg == QLatin1String("max") ? maxima[b]
                                                                                  : s.first / s.second;
        QMap<QString, QString> params;
        if (!agg.isEmpty())
            params.insert(QStringLiteral("agg"), agg);
        const SeriesSet set = run(*m_conn, query(QStringLiteral("payload_bytes"), Bucket::Hour, params));
        const QString diff = differences(set, expected, false, 1e-12);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void playsGamesSnapshots()
    {
        struct Case { const char *metric; const char *table; const char *column; qint64 step; };
        for (const Case &c : {Case{"plays", "core.plays", "created_at", kHour},
                              Case{"games_completed", "core.games", "completed_at", kDay},
                              Case{"snapshots", "core.snapshots", "game_time", kHour}}) {
            const Values expected = countColumn(*m_conn, QString::fromLatin1(c.table),
                                                QString::fromLatin1(c.column), c.step);
            QVERIFY2(!expected.empty(), c.metric);
            const SeriesSet set = run(*m_conn, query(QString::fromLatin1(c.metric),
                                                     c.step == kDay ? Bucket::Day : Bucket::Hour));
            const QString diff = differences(set, expected, true);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.metric), diff)));
        }
        QCOMPARE(total(run(*m_conn, query(QStringLiteral("plays")))), double(m_report.plays));
        QCOMPARE(total(run(*m_conn, query(QStringLiteral("games_completed"), Bucket::Day))),
                 double(m_report.completedGames));
        QCOMPARE(total(run(*m_conn, query(QStringLiteral("snapshots"), Bucket::Minute))),
                 double(m_report.snapshots));
    }

    void payloadValue_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("agg");
        QTest::newRow("credits avg") << "/my/agent" << "data.credits" << "";
        QTest::newRow("credits min") << "/my/agent" << "data.credits" << "min";
        QTest::newRow("credits max") << "/my/agent" << "data.credits" << "max";
        QTest::newRow("credits last") << "/my/agent" << "data.credits" << "last";
        QTest::newRow("array item") << "/my/ships" << "data[0].fuel.current" << "max";
        QTest::newRow("meta total") << "/my/ships" << "meta.total" << "avg";
    }
    void payloadValue()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, path);
        QFETCH(QString, agg);
        QStringList steps;
        for (QString s : path.split(QLatin1Char('.'))) {
            const qsizetype bracket = s.indexOf(QLatin1Char('['));
            if (bracket >= 0) {
                steps << s.left(bracket) << s.mid(bracket + 1).chopped(1);
            } else {
                steps << s;
            }
        }
        // m_events is ordered by (fetched_at, id): the last value of a bucket is its last row.
        std::map<qint64, QList<double>> values;
        for (const Event &e : m_events) {
            if (e.endpoint != endpoint)
                continue;
            if (const auto v = jsonNumber(e.payload, steps))
                values[floorTo(e.ms, kHour)].append(*v);
        }
        QVERIFY(values.size() > 5);
        Values expected;
        for (const auto &[b, list] : values) {
            double v = 0;
            if (agg == QLatin1String("min"))
                v = *std::min_element(list.begin(), list.end());
            else if (agg == QLatin1String("max"))
                v = *std::max_element(list.begin(), list.end());
            else if (agg == QLatin1String("last"))
                v = list.last();
            else
                v = std::accumulate(list.begin(), list.end(), 0.0) / double(list.size());
            expected[{QStringLiteral("value"), b}] = v;
        }
        QMap<QString, QString> params{{QStringLiteral("endpoint"), endpoint},
                                      {QStringLiteral("path"), path}};
        if (!agg.isEmpty())
            params.insert(QStringLiteral("agg"), agg);
        const SeriesSet set = run(*m_conn, query(QStringLiteral("payload_value"), Bucket::Hour, params));
        QVERIFY(set.note.isEmpty());
        const QString diff = differences(set, expected, false, 1e-12);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void payloadValueMatchingNothing()
    {
        auto runPath = [&](const QString &endpoint, const QString &path) {
            return run(*m_conn, query(QStringLiteral("payload_value"), Bucket::Hour,
                                      {{QStringLiteral("endpoint"), endpoint},
                                       {QStringLiteral("path"), path}}));
        };
        const SeriesSet missing = runPath(QStringLiteral("/my/agent"), QStringLiteral("data.nothing"));
        QVERIFY(missing.series.isEmpty());
        QVERIFY(!missing.note.isEmpty());
        // The path exists but holds text, not a number: empty too, explained differently.
        const SeriesSet text = runPath(QStringLiteral("/my/agent"), QStringLiteral("data.symbol"));
        QVERIFY(text.series.isEmpty());
        QVERIFY(!text.note.isEmpty());
        QVERIFY(text.note != missing.note);
        const SeriesSet noEndpoint = runPath(QStringLiteral("/nowhere"), QStringLiteral("data.credits"));
        QVERIFY(noEndpoint.series.isEmpty());
        QVERIFY(!noEndpoint.note.isEmpty());
    }

    void badParamsAreRefusedBeforeSending()
    {
        // In an aborted transaction any statement sent fails with 25P02: an InvalidInput
        // error instead proves that nothing was sent.
        m_conn->exec(QStringLiteral("BEGIN"));
        QVERIFY(errorOf([&] { m_conn->exec(QStringLiteral("SELECT 1/0")); }));
        const QList<Query> bad = {
            query(QStringLiteral("no_such_metric")),
            query(QStringLiteral("events"), Bucket::Hour, {{QStringLiteral("colour"), QStringLiteral("red")}}),
            query(QStringLiteral("payload_bytes"), Bucket::Hour, {{QStringLiteral("agg"), QStringLiteral("median")}}),
            query(QStringLiteral("payload_value"), Bucket::Hour,
                  {{QStringLiteral("endpoint"), QStringLiteral("/my/agent")},
                   {QStringLiteral("path"), QStringLiteral("data.'credits")}}),
            query(QStringLiteral("payload_value"), Bucket::Hour, {{QStringLiteral("path"), QStringLiteral("data.credits")}}),
            query(QStringLiteral("errors"), Bucket::Hour, {{QStringLiteral("status"), QStringLiteral("abc")}}),
            query(QStringLiteral("errors"), Bucket::Hour, {{QStringLiteral("rate"), QStringLiteral("sometimes")}}),
        };
        for (const Query &q : bad) {
            const auto e = errorOf([&] { run(*m_conn, q); });
            QVERIFY2(e && e->kind() == Error::Kind::InvalidInput,
                     qPrintable(q.metric + QStringLiteral(": ") + (e ? e->oneLine() : QStringLiteral("no error"))));
        }
        for (const QString &sql : {QStringLiteral("DELETE FROM raw.api_events"),
                                   QStringLiteral("SELECT now(), 1; SELECT now(), 2")}) {
            const auto e = errorOf([&] { runUserSql(*m_conn, sql, 1000); });
            QVERIFY2(e && e->kind() == Error::Kind::InvalidInput, qPrintable(sql));
        }
        // The trick works: a good query does reach the server and fails there.
        const auto sent = errorOf([&] { run(*m_conn, query(QStringLiteral("events"))); });
        QVERIFY(sent);
        QCOMPARE(sent->sqlstate(), QStringLiteral("25P02"));
        m_conn->rollbackQuietly();
    }

    void resetStartIsTheFirstEvent()
    {
        const auto start = resetStart(*m_conn);
        QVERIFY(start.has_value());
        QCOMPARE(*start, QDateTime::fromMSecsSinceEpoch(m_events.first().ms, QTimeZone::utc()));
        const auto empty = freshDatabase(QStringLiteral("metrics_empty"));
        m_databases << empty.database();
        auto conn = test::connect(empty);
        QVERIFY(!resetStart(*conn).has_value());
        const SeriesSet set = run(*conn, query(QStringLiteral("events")));
        QVERIFY(set.series.isEmpty());
        QVERIFY(!set.note.isEmpty());
        // Without events the first play is the start.
        auto onlyPlays = test::connect(empty);
        seedDemo(*onlyPlays, 2, 0);
        const qint64 firstPlay = scalar(*onlyPlays, QStringLiteral(
            "SELECT floor(extract(epoch FROM min(created_at)) * 1000)::bigint FROM core.plays"));
        QCOMPARE(resetStart(*onlyPlays)->toMSecsSinceEpoch(), firstPlay);
    }
};

QTEST_GUILESS_MAIN(TestMetricsBuiltin)
#include "tst_metrics_builtin.moc"
