// The metrics arithmetic that needs no server: LTTB downsampling on hand-computed cases,
// bucket choice and parsing, summaries, CSV, time parsing, JSON path syntax and the
// validation that rejects a query before anything is sent.

#include "core/error.h"
#include "core/metrics/metrics.h"
#include "core/metrics/metricsinternal.h"
#include "support/testhelpers.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace statescope;
using namespace statescope::metrics;
using statescope::test::errorOf;

namespace {

const QDateTime kT0(QDate(2025, 1, 6), QTime(0, 0), QTimeZone::utc());

// Points at kT0 + i * stepSeconds with the given values.
QList<Point> series(const QList<double> &values, qint64 stepSeconds = 1)
{
    QList<Point> out;
    for (qsizetype i = 0; i < values.size(); ++i)
        out.append(Point{kT0.addSecs(i * stepSeconds), values[i]});
    return out;
}

Query query(const QString &metric, const QMap<QString, QString> &params = {})
{
    Query q;
    q.metric = metric;
    q.params = params;
    return q;
}

} // namespace

class TestMetricsMath : public QObject
{
    Q_OBJECT
private slots:
    // ---- LTTB -------------------------------------------------------------------------

    void lttbHandComputedThree()
    {
        // every = (5-2)/(3-2) = 3: one middle bucket {1,2,3}, next "bucket" is the last
        // point (4, 0). Twice the area against a=(0,0): |-4*y| -> the largest y wins.
        const auto in = series({0, 5, 1, 1, 0});
        const auto out = downsampleLttb(in, 3);
        QCOMPARE(out, (QList<Point>{in[0], in[1], in[4]}));
    }

    void lttbHandComputedFour()
    {
        // every = (8-2)/(4-2) = 3.
        // Bucket 1 = {1,2,3}, next average = points 4..6 = (5, 13/3), a = (0,0):
        //   2*area = |-5*y + x*13/3|: x=1 -> 0.67, x=2 -> 26.33, x=3 -> 3  => (2, 7).
        // Bucket 2 = {4,5,6}, next = the last point (7, 0), a = (2, 7):
        //   2*area = |-5*(y-7) + 7*(2-x)|: x=4 -> 6, x=5 -> 31, x=6 -> 2  => (5, 9).
        const auto in = series({0, 1, 7, 2, 3, 9, 1, 0});
        const auto out = downsampleLttb(in, 4);
        QCOMPARE(out, (QList<Point>{in[0], in[2], in[5], in[7]}));
    }

    void lttbUsesTimeNotIndex()
    {
        // Candidates at uneven times x = 0, 1, 2, 100 | 101; next corner (101, 10), a = (0, 0):
        //   2*area = |(0-101)*y - (0-x)*10| = |-101y + 10x|:
        //   (1,5) -> 495, (2,1) -> 81, (100,4) -> 596  => index 3.
        // Counting by index instead (x = 0..4) would give |-4y + 10x|: 10, 16, 14 => index 2.
        QList<Point> in;
        const qint64 xs[] = {0, 1, 2, 100, 101};
        const double ys[] = {0, 5, 1, 4, 10};
        for (int i = 0; i < 5; ++i)
            in.append(Point{kT0.addSecs(xs[i]), ys[i]});
        QCOMPARE(downsampleLttb(in, 3), (QList<Point>{in[0], in[3], in[4]}));
    }

    void lttbThresholdAtLeastSizeReturnsInput()
    {
        const auto in = series({3, 1, 4, 1, 5});
        QCOMPARE(downsampleLttb(in, 5), in);
        QCOMPARE(downsampleLttb(in, 50), in);
        QCOMPARE(downsampleLttb(in, 0), in); // no limit
        QCOMPARE(downsampleLttb({}, 3), QList<Point>());
    }

    void lttbBelowThreeKeepsTheEnds()
    {
        const auto in = series({3, 1, 4, 1, 5});
        QCOMPARE(downsampleLttb(in, 2), (QList<Point>{in[0], in[4]}));
        QCOMPARE(downsampleLttb(in, 1), (QList<Point>{in[0], in[4]}));
    }

    void lttbLargeSeriesShape()
    {
        QList<double> values;
        QRandomGenerator rng(42);
        for (int i = 0; i < 10000; ++i)
            values.append(rng.bounded(1000.0));
        values[5000] = 5000; // a spike LTTB must keep
        const auto in = series(values, 60);
        const auto out = downsampleLttb(in, 100);
        QCOMPARE(out.size(), 100);
        QCOMPARE(out.first(), in.first());
        QCOMPARE(out.last(), in.last());
        bool spike = false;
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (i > 0)
                QVERIFY(out[i - 1].t < out[i].t);
            const qint64 index = kT0.secsTo(out[i].t) / 60;
            QCOMPARE(out[i], in[index]); // a point of the input, not a made-up one
            spike = spike || out[i].value == 5000;
        }
        QVERIFY(spike);
    }

    // ---- buckets ----------------------------------------------------------------------

    void bucketForBoundaries()
    {
        QCOMPARE(bucketFor(kT0, kT0.addSecs(500 * 60), 500), Bucket::Minute);
        QCOMPARE(bucketFor(kT0, kT0.addSecs(500 * 60 + 1), 500), Bucket::Hour);
        QCOMPARE(bucketFor(kT0, kT0.addSecs(500 * 3600), 500), Bucket::Hour);
        QCOMPARE(bucketFor(kT0, kT0.addSecs(500 * 3600 + 1), 500), Bucket::Day);
        QCOMPARE(bucketFor(kT0, kT0.addDays(7), 200), Bucket::Hour);  // 168 hours
        QCOMPARE(bucketFor(kT0, kT0.addDays(7), 100), Bucket::Day);   // 168 > 100
        QCOMPARE(bucketFor(kT0, kT0.addSecs(60), 0), Bucket::Minute); // target at least 1
        QCOMPARE(bucketFor(kT0, kT0.addSecs(61), 0), Bucket::Hour);
        QCOMPARE(bucketFor(kT0, kT0.addSecs(-10)), Bucket::Minute);
        QCOMPARE(bucketFor(QDateTime(), kT0), Bucket::Hour);
    }

    void parsesBuckets()
    {
        QCOMPARE(parseBucket(QStringLiteral("1m")), Bucket::Minute);
        QCOMPARE(parseBucket(QStringLiteral("minute")), Bucket::Minute);
        QCOMPARE(parseBucket(QStringLiteral("1h")), Bucket::Hour);
        QCOMPARE(parseBucket(QStringLiteral(" HOUR ")), Bucket::Hour);
        QCOMPARE(parseBucket(QStringLiteral("1D")), Bucket::Day);
        QCOMPARE(parseBucket(QStringLiteral("day")), Bucket::Day);
        QCOMPARE(parseBucket(QStringLiteral("1w")), Bucket::Week);
        QCOMPARE(parseBucket(QStringLiteral("month")), Bucket::ThirtyDays);
        for (const char *bad : {"", "2h", "2w", "hours", "h", "31d"})
            QVERIFY2(!parseBucket(QString::fromLatin1(bad)), bad);
        for (Bucket b : {Bucket::Minute, Bucket::Hour, Bucket::Day, Bucket::Week, Bucket::ThirtyDays})
            QCOMPARE(parseBucket(bucketName(b)), b);
        QCOMPARE(bucketSeconds(Bucket::Week), 7 * 86400);
        QCOMPARE(bucketSeconds(Bucket::Minute), 60);
        QCOMPARE(bucketSeconds(Bucket::Hour), 3600);
        QCOMPARE(bucketSeconds(Bucket::Day), 86400);
    }

    // ---- summaries, CSV, times --------------------------------------------------------

    void summarizes()
    {
        const Series s{QStringLiteral("x"), series({1, 5, 3, 5}, 3600)};
        const Summary a = summarize(s, kT0.addSecs(-3600));
        QCOMPARE(a.total, 14.0);
        QCOMPARE(a.mean, 3.5);
        QCOMPARE(a.peak, 5.0);
        QCOMPARE(a.timeToPeakSeconds, 7200); // the first peak, one hour after the first point
        QCOMPARE(a.points, 4);
        QCOMPARE(summarize(s, {}).timeToPeakSeconds, 3600); // from the first point
        // The reset ten minutes and half a second into the first hour: without the bucket,
        // the time from it, rounded; with it, whole hours from the hour that holds it.
        const QDateTime reset = kT0.addMSecs(600'500);
        QCOMPARE(summarize(s, reset).timeToPeakSeconds, 3600 - 600); // 2999.5 s, rounded
        QCOMPARE(summarize(s, reset, 3600, kT0).timeToPeakSeconds, 3600);
        QCOMPARE(summarize(s, reset, 3600).timeToPeakSeconds, 3600); // the calendar's hours
        QCOMPARE(summarize(s, kT0.addSecs(-1), 3600).timeToPeakSeconds, 7200); // the hour before
        const Summary empty = summarize(Series{}, kT0);
        QCOMPARE(empty.points, 0);
        QCOMPARE(empty.total, 0.0);
        QCOMPARE(empty.peak, 0.0);
        const Summary negative = summarize(Series{{}, series({-3, -1, -2})}, kT0);
        QCOMPARE(negative.peak, -1.0);
        QCOMPARE(negative.timeToPeakSeconds, 1);
    }

    void writesCsv()
    {
        SeriesSet set;
        set.series.append(Series{QStringLiteral("/my/agent"), series({1.5, 2}, 3600)});
        set.series.append(Series{QStringLiteral("a,\"b\""),
                                 {Point{kT0.addMSecs(250), 0.1}}});
        QCOMPARE(toCsv(set), QByteArray("time,series,value\n"
                                        "2025-01-06T00:00:00Z,/my/agent,1.5\n"
                                        "2025-01-06T01:00:00Z,/my/agent,2\n"
                                        "2025-01-06T00:00:00.250Z,\"a,\"\"b\"\"\",0.1\n"));
        QCOMPARE(toCsv(SeriesSet{}), QByteArray("time,series,value\n"));
    }

    void parsesTimes()
    {
        QCOMPARE(parseTime(QStringLiteral("2025-01-06")), kT0);
        QCOMPARE(parseTime(QStringLiteral("2025-01-06T10:00")), kT0.addSecs(10 * 3600));
        QCOMPARE(parseTime(QStringLiteral("2025-01-06 10:00:00Z")), kT0.addSecs(10 * 3600));
        QCOMPARE(parseTime(QStringLiteral("2025-01-06T10:00:00+02:00")), kT0.addSecs(8 * 3600));
        QCOMPARE(parseTime(QStringLiteral("2025-01-06T10:00:00.250Z")),
                 kT0.addMSecs(10 * 3600 * 1000 + 250));
        QCOMPARE(parseTime(QStringLiteral("2025-01-06T10:00"))->timeSpec(), Qt::UTC);
        for (const char *bad : {"", "yesterday", "2025-13-01", "2025-01-06T25:00", "2025-01-06X",
                                "06.01.2025", "2025-01-06T10"})
            QVERIFY2(!parseTime(QString::fromLatin1(bad)), bad);
        QCOMPARE(isoUtc(kT0), QStringLiteral("2025-01-06T00:00:00Z"));
        QCOMPARE(isoUtc(kT0.addMSecs(5)), QStringLiteral("2025-01-06T00:00:00.005Z"));
    }

    // ---- JSON paths and validation ----------------------------------------------------

    void parsesJsonPaths()
    {
        QCOMPARE(parseJsonPath(QStringLiteral("data.credits")),
                 (QStringList{QStringLiteral("data"), QStringLiteral("credits")}));
        QCOMPARE(parseJsonPath(QStringLiteral("data.ships[0].fuel.current")),
                 (QStringList{QStringLiteral("data"), QStringLiteral("ships"), QStringLiteral("0"),
                              QStringLiteral("fuel"), QStringLiteral("current")}));
        QCOMPARE(parseJsonPath(QStringLiteral("data[-1][2]")),
                 (QStringList{QStringLiteral("data"), QStringLiteral("-1"), QStringLiteral("2")}));
        QCOMPARE(parseJsonPath(QStringLiteral("[3].x")),
                 (QStringList{QStringLiteral("3"), QStringLiteral("x")}));
        QCOMPARE(parseJsonPath(QStringLiteral("data.0.symbol")),
                 (QStringList{QStringLiteral("data"), QStringLiteral("0"), QStringLiteral("symbol")}));
        for (const char *bad : {"", ".a", "a.", "a..b", "a[x]", "a[]", "a.[0]", "a b", "a[0]b",
                                "a[1", "a'b", "a\"b", "a{b}"}) {
            const auto e = errorOf([&] { parseJsonPath(QString::fromLatin1(bad)); });
            QVERIFY2(e && e->kind() == Error::Kind::InvalidInput, bad);
        }
        const QByteArray literal =
            textArrayLiteral({QStringLiteral("a"), QStringLiteral("b\"c"), QStringLiteral("d\\e")});
        QCOMPARE(literal, QByteArray("{\"a\",\"b\\\"c\",\"d\\\\e\"}"));
    }

    void validationRejectsBadQueries_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QStringList>("params"); // key, value, key, value...
        QTest::newRow("unknown metric") << "nope" << QStringList();
        QTest::newRow("unknown param") << "plays" << QStringList{"endpoint", "/x"};
        QTest::newRow("param of another metric") << "events" << QStringList{"agg", "avg"};
        QTest::newRow("bad agg") << "payload_bytes" << QStringList{"agg", "median"};
        QTest::newRow("last is not a bytes agg") << "payload_bytes" << QStringList{"agg", "last"};
        QTest::newRow("status not a number") << "errors" << QStringList{"status", "4xx"};
        QTest::newRow("status out of range") << "errors" << QStringList{"status", "42"};
        QTest::newRow("rate not a bool") << "errors" << QStringList{"rate", "maybe"};
        QTest::newRow("empty endpoint") << "events" << QStringList{"endpoint", ""};
        QTest::newRow("value without endpoint") << "payload_value" << QStringList{"path", "data.credits"};
        QTest::newRow("value without path") << "payload_value" << QStringList{"endpoint", "/my/agent"};
        QTest::newRow("bad path") << "payload_value"
                                  << QStringList{"endpoint", "/my/agent", "path", "data..credits"};
        QTest::newRow("bad value agg") << "payload_value"
                                       << QStringList{"endpoint", "/my/agent", "path", "data.credits",
                                                      "agg", "sum"};
    }
    void validationRejectsBadQueries()
    {
        QFETCH(QString, metric);
        QFETCH(QStringList, params);
        Query q = query(metric);
        for (qsizetype i = 0; i + 1 < params.size(); i += 2)
            q.params.insert(params[i], params[i + 1]);
        const auto e = errorOf([&] { validate(q); });
        QVERIFY(e.has_value());
        QCOMPARE(e->kind(), Error::Kind::InvalidInput);
    }

    void validationAcceptsGoodQueries()
    {
        for (const MetricInfo &m : catalogue()) {
            Query q = query(m.id);
            if (m.id == QLatin1String("payload_value"))
                q.params = {{QStringLiteral("endpoint"), QStringLiteral("/my/agent")},
                            {QStringLiteral("path"), QStringLiteral("data.credits")}};
            QVERIFY2(!errorOf([&] { validate(q); }), qPrintable(m.id));
            QCOMPARE(findMetric(m.id), &m);
        }
        QCOMPARE(catalogue().size(), 9); // with player_events
        QVERIFY(!findMetric(QStringLiteral("sql")));
        Query range = query(QStringLiteral("events"));
        range.since = kT0;
        range.until = kT0;
        QVERIFY(errorOf([&] { validate(range); }));
        range.until = kT0.addSecs(1);
        QVERIFY(!errorOf([&] { validate(range); }));
    }

    void fillsGapsWithZeros()
    {
        SeriesSet set;
        set.bucket = Bucket::Hour;
        set.series.append(Series{QStringLiteral("a"), {Point{kT0, 1}, Point{kT0.addSecs(3 * 3600), 2}}});
        set.series.append(Series{QStringLiteral("b"), {Point{kT0.addSecs(3600), 4}}});
        fillGaps(set);
        QCOMPARE(set.series[0].points,
                 (QList<Point>{Point{kT0, 1}, Point{kT0.addSecs(3600), 0},
                               Point{kT0.addSecs(7200), 0}, Point{kT0.addSecs(3 * 3600), 2}}));
        QCOMPARE(set.series[1].points,
                 (QList<Point>{Point{kT0, 0}, Point{kT0.addSecs(3600), 4},
                               Point{kT0.addSecs(7200), 0}, Point{kT0.addSecs(3 * 3600), 0}}));
    }
};

QTEST_GUILESS_MAIN(TestMetricsMath)
#include "tst_metrics_math.moc"
