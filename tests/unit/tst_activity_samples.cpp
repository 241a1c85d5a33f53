// The Activity charts' history: bounded, rates and ratios per interval, a counter that went
// back (statistics reset) gives no point, and the CSV it exports.
#include "core/activity/activity.h"

#include <QTest>

using namespace statescope::activity;

class TestActivitySamples : public QObject
{
    Q_OBJECT

    static Sample at(int second, int connections, qint64 xacts, qint64 hit, qint64 read, std::optional<double> lag = {})
    {
        Sample s;
        s.at = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC).addSecs(second);
        s.connections = connections;
        s.transactions = xacts;
        s.blocksHit = hit;
        s.blocksRead = read;
        s.lagSeconds = lag;
        return s;
    }

private slots:
    void ratesAndRatiosArePerInterval()
    {
        SampleHistory h;
        h.add(at(0, 10, 1000, 900, 100));
        h.add(at(5, 12, 1500, 1890, 110, 0.5)); // 500 xacts in 5 s; 990 hits of 1000 reads
        h.add(at(10, 11, 200, 1900, 110));      // the counters were reset: no rate, no ratio
        QCOMPARE(h.connections().size(), 3);
        QCOMPARE(h.connections()[1].second, 12.0);
        const auto tps = h.transactionsPerSecond();
        QCOMPARE(tps.size(), 1);
        QCOMPARE(tps[0].second, 100.0);
        const auto hit = h.cacheHitRatio();
        QCOMPARE(hit.size(), 2); // the third interval: 10 hits, 0 reads
        QCOMPARE(hit[0].second, 0.99);
        QCOMPARE(hit[1].second, 1.0);
        QCOMPARE(h.replicationLag().size(), 1);
        const QStringList lines = h.csv().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QStringLiteral("at,connections,transactions_per_second,cache_hit_ratio,replication_lag_seconds"));
        QCOMPARE(lines[2], QStringLiteral("2026-11-24T12:00:05.000Z,12,100,0.99,0.5"));
        QCOMPARE(lines[3], QStringLiteral("2026-11-24T12:00:10.000Z,11,,1,"));
    }

    void theOldestGoFirst()
    {
        SampleHistory h(3);
        for (int i = 0; i < 10; ++i)
            h.add(at(i, i, 0, 0, 0));
        QCOMPARE(h.samples().size(), 3);
        QCOMPARE(h.samples().first().connections, 7);
        h.clear();
        QVERIFY(h.samples().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestActivitySamples)
#include "tst_activity_samples.moc"
