// The table browser's and the console's grid (issue 14), against a real server: reading
// every row top to bottom and bottom to top equals the server's ORDER BY; a far jump lands
// near the row asked for and its rows are in order; memory holds at most the window; a
// keyless table and a query read through the cursor, forward and (re-reading) back; an
// answer for an earlier open is never shown.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "models/rowgridmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace statescope;
using namespace statescope::test;
using models::RowGridModel;

namespace {

constexpr int kTimeout = 60000;
constexpr int kRows = 25000;

} // namespace

class TestRowGridModel : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;

    // Asks for row r the way a view does (data()), and waits until it is loaded.
    QString cellAt(RowGridModel &m, int r, int c = 0)
    {
        m.data(m.index(r, c));
        [&] { QTRY_VERIFY2_WITH_TIMEOUT(m.rowAt(r) != nullptr,
                                        qPrintable(QStringLiteral("row %1 of %2 never loaded (loading: %3)")
                                                       .arg(r).arg(m.rowCount()).arg(m.isLoading())),
                                        kTimeout); }();
        return m.data(m.index(r, c)).toString();
    }
    // Waits for the open to finish, failing with the model's own error if it did not.
    void waitOpened(RowGridModel &m, QSignalSpy &opened)
    {
        QString error;
        auto c = connect(&m, &RowGridModel::failed, this, [&error](const Error &e) { error = e.oneLine(); });
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !error.isEmpty(), kTimeout);
        disconnect(c);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    // Reads every row the way a scrolling view does: the count may be an estimate (or one
    // page more) until the end is seen; then it is exact.
    QStringList readAll(RowGridModel &m)
    {
        QStringList out;
        for (int r = 0; !(m.countIsExact() && r >= m.rowCount()) && r < 1000000; ++r) {
            m.data(m.index(r, 0));
            if (!QTest::qWaitFor([&] { return m.rowAt(r) || (m.countIsExact() && r >= m.rowCount()); }, kTimeout)) {
                qWarning("row %d never loaded", r);
                return out;
            }
            if (m.rowAt(r))
                out << m.data(m.index(r, 0)).toString();
        }
        return out;
    }
    QStringList expected(const QString &sql)
    {
        auto conn = test::connect(m_db);
        const auto r = conn->exec(sql);
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << r.value(i, 0);
        return out;
    }

private slots:
    void initTestCase()
    {
        m_db = freshDatabase(QStringLiteral("grid"));
        auto conn = test::connect(m_db);
        conn->execScript(QStringLiteral(
            "CREATE TABLE public.big (id integer PRIMARY KEY, grp integer, label text);"
            "INSERT INTO public.big SELECT g, g % 97, 'row ' || g FROM generate_series(1, %1) g;"
            "CREATE INDEX big_grp ON public.big (grp);"
            "CREATE TABLE public.heap (n integer, t text);"
            "INSERT INTO public.heap SELECT g, 'h' || g FROM generate_series(1, 1234) g;"
            "ANALYZE;").arg(kRows));
    }

    void cleanupTestCase() { dropDatabase(m_db.database()); }

    // The model tester reads every row on each signal, as no view does: on a table that
    // fits in the window that is fine, on 25,000 rows it would keep moving the window.
    void passesTheModelTester()
    {
        RowGridModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openTable(m_db, QStringLiteral("public"), QStringLiteral("big"),
                    {{QStringLiteral("id"), browse::Filter::Op::LessOrEqual, QStringLiteral("1500")}});
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        for (int r = 0; r < 1500; r += 97)
            QCOMPARE(cellAt(m, r), QString::number(r + 1));
        QCOMPARE(m.rowCount(), 1500);
        m.openQuery(m_db, QStringLiteral("SELECT g FROM generate_series(1, 300) g"));
        QTRY_VERIFY_WITH_TIMEOUT(m.rowAt(0) != nullptr, kTimeout);
        QCOMPARE(readAll(m).size(), 300);
        QCOMPARE(m.rowCount(), 300);
    }

    void readsEveryRowInOrderBothWays()
    {
        RowGridModel m;
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openTable(m_db, QStringLiteral("public"), QStringLiteral("big"));
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m.keyed());
        QCOMPARE(m.columnNames(), (QStringList{"id", "grp", "label"}));
        const QStringList want = expected(QStringLiteral("SELECT id FROM public.big ORDER BY id"));
        const QStringList got = readAll(m);
        QCOMPARE(m.rowCount(), kRows); // the end was reached: exact
        QVERIFY(m.countIsExact());
        QCOMPARE(got, want);
        // Bottom to top: the window moves back by keyset.
        QStringList back;
        for (int r = kRows - 1; r >= 0; --r)
            back.prepend(cellAt(m, r));
        QCOMPARE(back, want);
    }

    void aFarJumpLandsNearAndHoldsAWindowOnly()
    {
        RowGridModel m;
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openTable(m_db, QStringLiteral("public"), QStringLiteral("big"));
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        const int middle = m.rowCount() / 2;
        const int id = cellAt(m, middle).toInt();
        // The planner's histogram puts it close to where it belongs.
        QVERIFY2(std::abs(id - (middle + 1)) < kRows / 20, qPrintable(QString::number(id)));
        // Consecutive rows there are consecutive ids.
        QCOMPARE(cellAt(m, middle + 1).toInt(), id + 1);
        int loaded = 0;
        for (int r = 0; r < m.rowCount(); ++r)
            loaded += m.rowAt(r) ? 1 : 0;
        QVERIFY(loaded <= RowGridModel::kWindow);
        // From there to the very top: the top's rows, exactly.
        QCOMPARE(cellAt(m, 0), QStringLiteral("1"));
        QCOMPARE(cellAt(m, 1), QStringLiteral("2"));
    }

    // Issue 35: a row number is right, or says it is an estimate ("≈") and becomes right once
    // the rows before it are counted. The oracle: ids 1..kRows with no gaps, so the row with
    // id n (among ids above `floor`) is row n - floor. Random jumps, three sizes (one under
    // 200, one far above), from the top and the bottom.
    void rowNumbersAreRightOrSayTheyAreEstimates()
    {
        QRandomGenerator random(35);
        for (const int floor : {kRows - 150, 7, 0}) {
            RowGridModel m;
            QSignalSpy opened(&m, &RowGridModel::opened);
            m.openTable(m_db, QStringLiteral("public"), QStringLiteral("big"),
                        {{QStringLiteral("id"), browse::Filter::Op::Greater, QString::number(floor)}});
            waitOpened(m, opened);
            if (QTest::currentTestFailed())
                return;
            int estimated = 0;
            for (int jump = 0; jump < 8; ++jump) {
                const int r = jump == 0 ? m.rowCount() - 1 : int(random.bounded(m.rowCount()));
                const qint64 id = cellAt(m, r).toLongLong();
                const QVariant label = m.headerData(r, Qt::Vertical);
                if (!m.rowNumberIsExact(r)) {
                    ++estimated;
                    QVERIFY2(label.toString().startsWith(QChar(0x2248)), qPrintable(label.toString()));
                    QVERIFY(!m.headerData(r, Qt::Vertical, Qt::ToolTipRole).toString().isEmpty());
                    // Counted in the background, then exact (unless the window moved on).
                    QTRY_VERIFY_WITH_TIMEOUT(m.rowNumberIsExact(r) || !m.rowAt(r), kTimeout);
                    if (!m.rowAt(r))
                        continue;
                }
                QCOMPARE(m.rowNumber(r), id - floor);
                QCOMPARE(m.headerData(r, Qt::Vertical).toLongLong(), id - floor);
                // Its neighbours in the window too.
                for (int n : {r - 1, r + 1})
                    if (m.rowAt(n) && m.rowNumberIsExact(n))
                        QCOMPARE(m.rowNumber(n), m.data(m.index(n, 0)).toLongLong() - floor);
            }
            if (floor == kRows - 150)
                QCOMPARE(estimated, 0); // under 200 rows: all read at once, all exact
            else
                qInfo("%d of 8 jumps were numbered as estimates first", estimated);
        }
    }

    void sortedByAnIndexedColumnWithFilters()
    {
        RowGridModel m;
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openTable(m_db, QStringLiteral("public"), QStringLiteral("big"),
                    {{QStringLiteral("grp"), browse::Filter::Op::Less, QStringLiteral("3")}},
                    {QStringLiteral("grp"), true});
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        const QStringList want = expected(QStringLiteral("SELECT id FROM public.big WHERE grp < 3 ORDER BY grp DESC, id DESC"));
        QStringList got;
        for (int r = 0; r < want.size(); ++r)
            got << cellAt(m, r);
        QCOMPARE(got, want);
        QCOMPARE(m.rowCount(), int(want.size()));
    }

    void aKeylessTableAndAQueryReadThroughTheCursor()
    {
        RowGridModel m;
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openTable(m_db, QStringLiteral("public"), QStringLiteral("heap"));
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m.keyed());
        const QString first = cellAt(m, 0);
        const QStringList all = readAll(m);
        QCOMPARE(m.rowCount(), 1234);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 1234);
        // Back to the start: read again through the cursor, the same row.
        QVERIFY(!m.rowAt(0));
        QCOMPARE(cellAt(m, 0), first);

        QSignalSpy openedQuery(&m, &RowGridModel::opened);
        m.openQuery(m_db, QStringLiteral("SELECT g, NULL::text AS nothing, '' AS empty FROM generate_series(1, 9000) g"));
        waitOpened(m, openedQuery);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m.columnNames(), (QStringList{"g", "nothing", "empty"}));
        QCOMPARE(cellAt(m, 0), QStringLiteral("1"));
        QVERIFY(m.data(m.index(0, 1), RowGridModel::IsNullRole).toBool());
        QVERIFY(!m.data(m.index(0, 2), RowGridModel::IsNullRole).toBool());
        QCOMPARE(m.data(m.index(0, 2)).toString(), QString());
        QCOMPARE(readAll(m).size(), 9000);
        QCOMPARE(m.rowCount(), 9000);
        QCOMPARE(cellAt(m, 4), QStringLiteral("5")); // back, re-read
    }

    void anEarlierOpenNeverShows()
    {
        RowGridModel m;
        QSignalSpy opened(&m, &RowGridModel::opened);
        m.openQuery(m_db, QStringLiteral("SELECT 'first' FROM pg_sleep(0.5)"));
        m.openQuery(m_db, QStringLiteral("SELECT 'second'"));
        waitOpened(m, opened);
        if (QTest::currentTestFailed())
            return;
        QTest::qWait(800);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(cellAt(m, 0), QStringLiteral("second"));
    }
};

QTEST_MAIN(TestRowGridModel)
#include "tst_rowgridmodel.moc"
