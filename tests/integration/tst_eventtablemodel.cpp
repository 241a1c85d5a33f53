// The keyset-paged events table model against a real server: a view scrolling it top to
// bottom and bottom to top, a far jump into the middle, filters, jumps to a time and to an
// event, stale answers dropped, and the live tail. The seeded events share times in groups
// and carry microseconds, so only an exact (fetched_at, id) keyset gives the right order.

#include "core/events/eventfilter.h"
#include "core/pg/connection.h"
#include "models/eventtablemodel.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <algorithm>
#include <set>

using namespace statescope;
using namespace statescope::test;
using events::EventFilter;
using models::EventTableModel;

// After a helper that checks: its failure ends the test too.
#define RETURN_IF_FAILED()                                                                         \
    do {                                                                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

namespace {

constexpr int kTimeout = 60000;
constexpr int kWindow = 40; // rows a view shows at once
constexpr auto kTesterMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Asks for rows first..last (clamped to the model) as a view painting them does; true once
// every one of them is loaded.
bool shows(const EventTableModel &m, int first, int last)
{
    last = std::min(last, m.rowCount() - 1);
    bool all = true;
    for (int r = std::max(first, 0); r <= last; ++r) {
        m.data(m.index(r, EventTableModel::TimeColumn));
        all = all && m.rowAt(r) != nullptr;
    }
    return all;
}

QList<qint64> idsAt(const EventTableModel &m, int first, int last)
{
    QList<qint64> ids;
    for (int r = first; r <= last; ++r)
        ids << (m.rowAt(r) ? m.rowAt(r)->id : -1);
    return ids;
}

} // namespace

class TestEventTableModel : public QObject
{
    Q_OBJECT

private:
    pg::ConnectionSettings m_db;

    // The events matching `where` in browsing order, straight from the server.
    QList<qint64> expected(const QString &where = QStringLiteral("TRUE"),
                           const std::vector<pg::Param> &params = {})
    {
        auto conn = test::connect(m_db);
        const pg::Result r =
            conn->exec(QStringLiteral("SELECT id FROM raw.api_events WHERE %1 "
                                      "ORDER BY fetched_at DESC NULLS LAST, id DESC")
                           .arg(where),
                       params);
        QList<qint64> ids;
        for (int i = 0; i < r.rowCount(); ++i)
            ids << r.toLongLong(i, 0);
        return ids;
    }

    void start(EventTableModel &m, const EventFilter &filter)
    {
        m.setDatabase(m_db);
        m.setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(m.rowAt(0) != nullptr && !m.isLoading(), kTimeout);
    }

    void countExactly(EventTableModel &m, qint64 truth)
    {
        QSignalSpy counted(&m, &EventTableModel::countChanged);
        QSignalSpy counting(&m, &EventTableModel::countingChanged);
        m.countExactly();
        const auto exact = [&] {
            return std::any_of(counted.cbegin(), counted.cend(),
                               [](const QList<QVariant> &signal) { return signal.at(1).toBool(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(exact(), kTimeout);
        QVERIFY(m.countIsExact());
        QCOMPARE(m.count(), truth);
        QCOMPARE(m.rowCount(), int(truth));
        // Started once, ended once: an older count ending does not end this one.
        QList<bool> states;
        for (const QList<QVariant> &signal : std::as_const(counting))
            states << signal.at(0).toBool();
        QCOMPARE(states, QList<bool>({true, false}));
    }

    // Windows from row 0 down until the last row is loaded: every id in model order.
    void scrollDown(EventTableModel &m, QList<qint64> &ids)
    {
        ids.clear();
        int first = 0;
        for (int step = 0; first < m.rowCount(); ++step) {
            QVERIFY2(step < 1000, "the table never ended");
            QTRY_VERIFY_WITH_TIMEOUT(shows(m, first, first + kWindow - 1), kTimeout);
            const int last = std::min(first + kWindow, m.rowCount()) - 1;
            ids << idsAt(m, first, last);
            QVERIFY2(m.cachedRows() <= EventTableModel::kMaxCached,
                     qPrintable(QString::number(m.cachedRows())));
            first = last + 1;
        }
    }

    // Windows from the last row up to row 0 (the count is exact, so rows do not move).
    void scrollUp(EventTableModel &m, QList<qint64> &ids)
    {
        ids.clear();
        for (int last = m.rowCount() - 1, step = 0; last >= 0; last -= kWindow, ++step) {
            QVERIFY2(step < 1000, "the table never began");
            const int first = std::max(0, last - kWindow + 1);
            QTRY_VERIFY_WITH_TIMEOUT(shows(m, first, last), kTimeout);
            ids = idsAt(m, first, last) + ids;
            QVERIFY2(m.cachedRows() <= EventTableModel::kMaxCached,
                     qPrintable(QString::number(m.cachedRows())));
        }
    }

    // Rows first..last hold a run of consecutive events of `order`; returns where it starts.
    qsizetype sliceOf(const EventTableModel &m, int first, int last, const QList<qint64> &order)
    {
        const QList<qint64> ids = idsAt(m, first, last);
        const qsizetype at = order.indexOf(ids.value(0, -1));
        if (at < 0 || order.mid(at, ids.size()) != ids) {
            qWarning() << "rows" << first << ".." << last << "are not consecutive:" << ids;
            return -1;
        }
        return at;
    }

private slots:
    void initTestCase()
    {
        m_db = freshDatabase(QStringLiteral("eventmodel"));
        auto conn = test::connect(m_db);
        // 1100 groups of 3-5 events sharing a time; two neighbouring groups are only a
        // microsecond apart. Inserted in a shuffled order, so ids say nothing about time; 8
        // events without a time. About 4,400 events: more than the model keeps in memory.
        conn->exec(QStringLiteral(
            "INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, "
            "  payload, payload_hash) "
            "SELECT CASE WHEN n % 500 = 0 THEN NULL ELSE timestamptz '2025-01-06 00:00:00+00' "
            "         + (g / 2) * interval '250 milliseconds' + interval '123457 microseconds' "
            "         + (g % 2) * interval '1 microsecond' END, "
            "  (ARRAY['/v1/alpha','/v1/beta','/v1/gamma','/v1/delta','/v1/epsilon'])[1 + n % 5], "
            "  'key-' || n % 50, (ARRAY[200, 200, 404, 500])[1 + (n / 5) % 4], "
            "  jsonb_build_object('k', n % 3, 'n', n), md5(n::text) "
            "FROM (SELECT g, k, row_number() OVER (ORDER BY md5(g || ':' || k)) AS n "
            "      FROM generate_series(0, 1099) g, LATERAL generate_series(1, 3 + g % 3) k) s "
            "ORDER BY n"));
        conn->exec(QStringLiteral("ANALYZE raw.api_events"));
        QVERIFY(expected().size() > EventTableModel::kMaxCached);
        QCOMPARE(scalar(*conn, QStringLiteral("SELECT count(*) FROM raw.api_events "
                                              "WHERE fetched_at IS NULL")),
                 qint64(8));
    }

    void cleanupTestCase()
    {
        if (!m_db.database().isEmpty())
            dropDatabase(m_db.database());
    }

    void scrollsTopToBottom()
    {
        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        start(m, {});
        RETURN_IF_FAILED();
        const QList<qint64> order = expected();
        QList<qint64> ids;
        scrollDown(m, ids);
        RETURN_IF_FAILED();
        QCOMPARE(ids, order);
        QCOMPARE(m.rowCount(), int(order.size()));
    }

    void scrollsBottomToTopOnceCounted()
    {
        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        m.setDatabase(m_db);
        m.setFilter({});
        const QList<qint64> order = expected();
        countExactly(m, order.size()); // asked at once, as a pane may: it can beat the first page
        RETURN_IF_FAILED();
        QTRY_VERIFY_WITH_TIMEOUT(m.rowAt(0) != nullptr && !m.isLoading(), kTimeout);
        QVERIFY(m.countIsExact());
        QCOMPARE(m.count(), qint64(order.size()));
        QCOMPARE(m.rowCount(), int(order.size()));

        // A count still running when the filter changes was for the old filter: it must
        // neither keep this filter's count from starting nor end it.
        EventFilter before;
        before.status = QStringLiteral("404");
        m.setFilter(before);
        m.countExactly();
        m.setFilter({});
        QVERIFY(!m.countIsExact());
        countExactly(m, order.size());
        RETURN_IF_FAILED();
        QTRY_VERIFY_WITH_TIMEOUT(m.rowAt(0) != nullptr && !m.isLoading(), kTimeout);
        QVERIFY(m.countIsExact());
        QCOMPARE(m.rowCount(), int(order.size()));
        QList<qint64> ids;
        scrollUp(m, ids);
        RETURN_IF_FAILED();
        QCOMPARE(ids, order);
        QCOMPARE(m.rowCount(), int(order.size()));
    }

    void farJumpIntoTheMiddle()
    {
        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        start(m, {});
        RETURN_IF_FAILED();
        const QList<qint64> order = expected();
        countExactly(m, order.size());
        RETURN_IF_FAILED();
        // Nothing in the middle is loaded: the model has to place a new run there.
        const int mid = int(order.size()) / 2;
        QVERIFY(!m.rowAt(mid - 300) && !m.rowAt(mid + 300));
        QTRY_VERIFY_WITH_TIMEOUT(shows(m, mid, mid + kWindow - 1), kTimeout);
        qsizetype at = sliceOf(m, mid, mid + kWindow - 1, order);
        QVERIFY(at >= 0);
        // Roughly where it belongs (pg_stats' histogram leaves the most common times out).
        QVERIFY2(std::abs(at - mid) < qsizetype(order.size()) / 7,
                 qPrintable(QStringLiteral("row %1 shows event #%2").arg(mid).arg(at)));

        // Up and down from there: the shown rows stay one slice that grows around the first.
        int lo = mid, hi = mid + kWindow - 1;
        for (int step = 0; step < 8; ++step) {
            const bool up = step % 2 == 0;
            const int first = up ? lo - kWindow : hi + 1, last = up ? lo - 1 : hi + kWindow;
            QTRY_VERIFY_WITH_TIMEOUT(shows(m, first, last), kTimeout);
            const qsizetype was = at;
            lo = std::min(lo, first);
            hi = std::max(hi, last);
            at = sliceOf(m, lo, hi, order);
            QVERIFY(at >= 0);
            QCOMPARE(at, up ? was - kWindow : was);
        }

        // On up to the top: once the newest event is loaded, rows are where they belong.
        const qint64 anchor = m.rowAt(lo)->id;
        for (int step = 0; lo > 0; ++step) {
            QVERIFY2(step < 1000, "the top never came");
            QTRY_VERIFY_WITH_TIMEOUT(shows(m, lo - kWindow, lo - 1), kTimeout);
            lo = std::max(0, lo - kWindow);
            QVERIFY(m.rowOfEvent(anchor) >= 0);
        }
        const int anchorRow = m.rowOfEvent(anchor);
        QCOMPARE(qsizetype(anchorRow), order.indexOf(anchor));
        QCOMPARE(idsAt(m, 0, anchorRow + 2 * kWindow), order.mid(0, anchorRow + 2 * kWindow + 1));
        QVERIFY(m.cachedRows() <= EventTableModel::kMaxCached);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("endpoints");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("contains");
        QTest::addColumn<QString>("where");
        QTest::newRow("one endpoint") << QStringList{QStringLiteral("/v1/gamma")} << QString()
                                      << QString() << QStringLiteral("endpoint = '/v1/gamma'");
        QTest::newRow("two endpoints")
            << QStringList{QStringLiteral("/v1/alpha"), QStringLiteral("/v1/epsilon")} << QString()
            << QString() << QStringLiteral("endpoint IN ('/v1/alpha', '/v1/epsilon')");
        QTest::newRow("5xx") << QStringList() << QStringLiteral("5xx") << QString()
                             << QStringLiteral("status_code BETWEEN 500 AND 599");
        QTest::newRow("contains") << QStringList() << QString() << QStringLiteral(R"({"k": 1})")
                                  << QStringLiteral("payload->>'k' = '1'");
        QTest::newRow("endpoint and 404")
            << QStringList{QStringLiteral("/v1/beta")} << QStringLiteral("404") << QString()
            << QStringLiteral("endpoint = '/v1/beta' AND status_code = 404");
    }

    void filters()
    {
        QFETCH(QStringList, endpoints);
        QFETCH(QString, status);
        QFETCH(QString, contains);
        QFETCH(QString, where);
        EventFilter f;
        f.endpoints = endpoints;
        f.status = status;
        f.contains = contains;
        const QList<qint64> order = expected(where);
        QVERIFY(order.size() > EventTableModel::kPage && order.size() < expected().size());

        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        start(m, f);
        RETURN_IF_FAILED();
        QList<qint64> ids;
        scrollDown(m, ids);
        RETURN_IF_FAILED();
        QCOMPARE(ids, order);
        QCOMPARE(m.rowCount(), int(order.size()));
    }

    void jumpsToATimeAndToAnEvent()
    {
        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        start(m, {});
        RETURN_IF_FAILED();
        const QList<qint64> order = expected();
        QSignalSpy jumped(&m, &EventTableModel::jumped);

        // 00:01:15.123 falls just before the events at 00:01:15.123457: they are newer.
        const Timestamp t = *Timestamp::parse(QStringLiteral("2025-01-06T00:01:15.123Z"));
        const QList<qint64> atOrBefore = expected(QStringLiteral("fetched_at <= $1::timestamptz"),
                                                  {QStringLiteral("2025-01-06 00:01:15.123+00")});
        QVERIFY(!atOrBefore.isEmpty());
        m.jumpToTime(t);
        QTRY_COMPARE_WITH_TIMEOUT(jumped.size(), 1, kTimeout);
        int row = jumped.takeFirst().at(0).toInt();
        QVERIFY(m.rowAt(row));
        QCOMPARE(m.rowAt(row)->id, atOrBefore.first());
        QTRY_VERIFY_WITH_TIMEOUT(shows(m, row, row + kWindow - 1), kTimeout);
        QCOMPARE(sliceOf(m, row, row + kWindow - 1, order), order.indexOf(atOrBefore.first()));

        // An event far below what is loaded, then one without a time.
        const qint64 far = order[order.size() - 300];
        QCOMPARE(m.rowOfEvent(far), -1);
        m.jumpToEvent(far);
        QTRY_COMPARE_WITH_TIMEOUT(jumped.size(), 1, kTimeout);
        row = jumped.takeFirst().at(0).toInt();
        QVERIFY(m.rowAt(row));
        QCOMPARE(m.rowAt(row)->id, far);

        const qint64 timeless = order[order.size() - 3];
        QCOMPARE(m.rowOfEvent(timeless), -1);
        m.jumpToEvent(timeless);
        QTRY_COMPARE_WITH_TIMEOUT(jumped.size(), 1, kTimeout);
        row = jumped.takeFirst().at(0).toInt();
        QVERIFY(m.rowAt(row));
        QCOMPARE(m.rowAt(row)->id, timeless);
        QVERIFY(m.rowAt(row)->time.isEmpty());

        // The scroll bar dragged back to the top: the newest events, not more of the old run.
        QCOMPARE(m.rowOfEvent(order.first()), -1);
        QTRY_VERIFY_WITH_TIMEOUT(shows(m, 0, kWindow - 1), kTimeout);
        QCOMPARE(idsAt(m, 0, kWindow - 1), order.mid(0, kWindow));
    }

    void staleAnswersAreDropped()
    {
        EventFilter a, b;
        a.endpoints = QStringList{QStringLiteral("/v1/alpha")};
        b.status = QStringLiteral("404");
        const QList<qint64> order = expected(QStringLiteral("status_code = 404"));
        // A has rows of its own that could leak.
        QVERIFY(
            !expected(QStringLiteral("endpoint = '/v1/alpha' AND status_code <> 404")).isEmpty());
        const std::set<qint64> inB(order.begin(), order.end());

        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        // Every row the model ever holds, checked whenever it tells a view something changed.
        QList<qint64> strays;
        auto check = [&] {
            for (int r = 0; r < m.rowCount(); ++r)
                if (const events::EventRow *row = m.rowAt(r); row && !inB.count(row->id))
                    strays << row->id;
        };
        connect(&m, &QAbstractItemModel::modelReset, this, check);
        connect(&m, &QAbstractItemModel::rowsInserted, this, check);
        connect(&m, &QAbstractItemModel::dataChanged, this, check);
        m.setDatabase(m_db);
        m.setFilter(a);
        // Without an event loop, A's first page is read meanwhile but not handed over: it
        // arrives after B was asked for, and must be dropped.
        QThread::msleep(1000);
        m.setFilter(b);
        QTRY_VERIFY_WITH_TIMEOUT(m.rowAt(0) != nullptr && !m.isLoading(), kTimeout);
        QList<qint64> ids;
        scrollDown(m, ids);
        RETURN_IF_FAILED();
        QCOMPARE(strays, QList<qint64>());
        QCOMPARE(ids, order);
    }

    // Last: it adds events.
    void liveTailShowsNewEventsOnTop()
    {
        EventTableModel m;
        QAbstractItemModelTester tester(&m, kTesterMode);
        start(m, {});
        RETURN_IF_FAILED();
        const QList<qint64> before = expected();
        const qint64 countBefore = m.count();
        const int rowsBefore = m.rowCount();
        QSignalSpy arrived(&m, &EventTableModel::arrived);
        m.setLiveTail(true, 100);
        QVERIFY(m.liveTail());

        // From another connection, newest times, ids in another order than the times: the
        // first two share a time, the third is older than both.
        auto conn = test::connect(m_db);
        QList<qint64> added;
        for (const char *time :
             {"2025-01-07 00:00:02.5+00", "2025-01-07 00:00:01+00", "2025-01-07 00:00:02.5+00"}) {
            added << conn->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, "
                                               "status_code, payload) VALUES ($1, '/v1/alpha', "
                                               "200, '{}') RETURNING id"),
                                {QByteArray(time)})
                         .toLongLong(0, 0);
        }
        const QList<qint64> newestFirst{added[2], added[0], added[1]};
        QCOMPARE(expected().mid(0, 3), newestFirst);

        QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty() && m.count() == countBefore + 3, kTimeout);
        m.setLiveTail(false);
        int shown = 0;
        for (const QList<QVariant> &signal : std::as_const(arrived))
            shown += signal.at(0).toInt();
        QCOMPARE(shown, 3);
        QCOMPARE(idsAt(m, 0, 2), newestFirst);
        QCOMPARE(idsAt(m, 3, 3 + kWindow), before.mid(0, kWindow + 1));
        QCOMPARE(m.rowCount(), rowsBefore + 3);
        QCOMPARE(m.count(), countBefore + 3);
    }
};

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
