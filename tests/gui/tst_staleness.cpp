// Nothing stale on screen (issue 13), on real panes against two real databases: A with
// events, games and snapshots, B with no game data at all. Moving from one to the other
// empties every pane and its banner; a banner says which database it is about and goes when
// that database answers again; rows that no longer answer the fields are greyed and say so;
// the Events table's columns, hints and count tell the truth; Auto bucketing stays within
// 2,000 buckets whatever stray timestamp the data holds.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/chartview.h"
#include "gui/console/consolepane.h"
#include "gui/widgets/diffview.h"
#include "gui/events/eventdetail.h"
#include "gui/events/filterbar.h"
#include "gui/events/eventspane.h"
#include "gui/widgets/jobrunner.h"
#include "gui/metrics/metricspane.h"
#include "gui/snapshots/snapshotspane.h"
#include "models/eventtablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QColor>

using namespace statescope;
using namespace statescope::test;
using models::EventTableModel;

namespace {

constexpr int kTimeout = 60000;

template <class T> T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

} // namespace

class TestStaleness : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_a, m_b;
    qint64 m_newest = 0; // A's newest event id (by time)

private slots:
    void initTestCase()
    {
        m_a = freshDatabase(QStringLiteral("stale_a"));
        {
            auto conn = test::connect(m_a);
            demo::DemoOptions options;
            options.events = 600;
            options.games = 2;
            options.snapshots = 12;
            demo::seed(*conn, options);
            conn->exec(QStringLiteral("ANALYZE"));
            m_newest = scalar(*conn, QStringLiteral("SELECT id FROM raw.api_events "
                                                    "ORDER BY fetched_at DESC NULLS LAST, id DESC LIMIT 1"));
        }
        m_b = emptyDatabase(QStringLiteral("stale_b"));
    }

    void cleanupTestCase()
    {
        dropDatabase(m_a.database());
        dropDatabase(m_b.database());
    }

    void eventsPaneKeepsNothingOfTheOtherDatabase()
    {
        gui::EventsPane pane;
        pane.resize(1300, 800);
        pane.show();
        // B has no events table: an error, naming B.
        pane.setDatabase(m_b);
        QTRY_VERIFY_WITH_TIMEOUT(pane.errors()->isVisible(), kTimeout);
        QVERIFY2(pane.errors()->plainText().startsWith(m_b.database()), qPrintable(pane.errors()->plainText()));
        // A: the banner about B is gone at once, A's rows come.
        pane.setDatabase(m_a);
        QVERIFY(!pane.errors()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(pane.model()->rowAt(0)->id, m_newest);
        // A diff of A's events...
        auto *sel = pane.table()->selectionModel();
        sel->select(pane.model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        sel->select(pane.model()->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(pane.diffSelected());
        QTRY_VERIFY_WITH_TIMEOUT(pane.detail()->diffView()->hasResult(), kTimeout);
        // ...does not stay when the pane moves to B, nor do A's rows and count.
        pane.setDatabase(m_b);
        QVERIFY(!pane.detail()->diffView()->hasResult());
        QCOMPARE(pane.model()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(pane.errors()->isVisible(), kTimeout);
        // And with no database at all, nothing.
        pane.setDatabase(std::nullopt);
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY(!pane.errors()->isVisible());
    }

    void theConsoleKeepsEachDatabasesOwnText()
    {
        // A DELETE typed on one database must not be waiting in the editor of another: each
        // database has its own console text, and the pane names where it runs.
        gui::ConsolePane pane;
        pane.resize(1280, 800);
        pane.show();
        pane.setServerLook(QStringLiteral("prod-db"), QColor(), true);
        pane.setDatabase(m_a);
        pane.editor()->setPlainText(QStringLiteral("DELETE FROM raw.api_events"));
        QVERIFY(pane.target()->text().contains(m_a.database()));
        QVERIFY(pane.target()->text().contains(QLatin1String("PRODUCTION")));
        QVERIFY(pane.target()->styleSheet().contains(QLatin1String("border")));
        // Reading as whom: said once the pane's first session answered.
        QTRY_VERIFY_WITH_TIMEOUT(pane.target()->text().contains(QLatin1String("Reading as")), kTimeout);
        pane.setDatabase(m_b);
        QCOMPARE(pane.editor()->toPlainText(), QString());
        QVERIFY(pane.target()->text().contains(m_b.database()));
        QVERIFY(!pane.target()->text().contains(m_a.database()));
        pane.editor()->setPlainText(QStringLiteral("SELECT 1"));
        // Back on A, A's own text; another server's look replaces the first.
        pane.setDatabase(m_a);
        QCOMPARE(pane.editor()->toPlainText(), QStringLiteral("DELETE FROM raw.api_events"));
        pane.setServerLook(QStringLiteral("sandbox"), QColor(), false);
        QVERIFY(!pane.target()->text().contains(QLatin1String("PRODUCTION")));
        // An explicit move to another week of the family carries the text, on purpose.
        pane.setDatabase(m_b, true);
        QCOMPARE(pane.editor()->toPlainText(), QStringLiteral("DELETE FROM raw.api_events"));
        pane.setDatabase(std::nullopt);
        QCOMPARE(pane.editor()->toPlainText(), QString());
    }

    void rowsThatNoLongerAnswerTheFieldsAreMarked()
    {
        gui::EventsPane pane;
        pane.resize(1300, 800);
        pane.show();
        pane.setDatabase(m_a);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        QVERIFY(pane.notApplied().isEmpty());
        const QColor normal = pane.table()->palette().color(QPalette::Text);
        auto *status = child<QLineEdit>(&pane, "filterStatus");
        QTest::keyClicks(status, QStringLiteral("404"));
        QVERIFY(pane.notApplied().startsWith(QLatin1String("Not applied")));
        QVERIFY(pane.table()->palette().color(QPalette::Text) != normal); // greyed
        QTest::keyClick(status, Qt::Key_Return);
        QVERIFY(pane.notApplied().isEmpty());
        QCOMPARE(pane.table()->palette().color(QPalette::Text), normal);
        // A field that does not parse: nothing runs, and the old rows say they are old.
        const int height = pane.filterBar()->height();
        status->clear();
        QTest::keyClicks(status, QStringLiteral("abc"));
        QTest::keyClick(status, Qt::Key_Return);
        QVERIFY2(pane.notApplied().contains(QLatin1String("abc")), qPrintable(pane.notApplied()));
        QVERIFY(!child<QLabel>(&pane, "filterStatusError")->text().isEmpty());
        QCOMPARE(pane.filterBar()->height(), height); // the bar did not reflow
        status->clear();
        QTest::keyClick(status, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(pane.notApplied().isEmpty(), kTimeout);
        // Go to time with something that is not a time: said at the field, rows marked.
        auto *jump = child<QLineEdit>(&pane, "jumpTime");
        QTest::keyClicks(jump, QStringLiteral("yesterday"));
        QTest::keyClick(jump, Qt::Key_Return);
        QVERIFY(pane.notApplied().startsWith(QLatin1String("Go to time not applied")));
    }

    void eventsTableTellsTheTruth()
    {
        gui::EventsPane pane;
        pane.resize(1300, 800);
        pane.show();
        pane.setDatabase(m_a);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(pane.model()->headerData(EventTableModel::IdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Id"));
        QCOMPARE(pane.model()->index(0, EventTableModel::IdColumn).data().toString(),
                 QString::number(m_newest));
        // Sizes are never clipped to "1.": the column fits its widest text.
        const QFontMetrics fm = pane.table()->fontMetrics();
        for (int r = 0; r < 50; ++r)
            QVERIFY(pane.table()->columnWidth(EventTableModel::SizeColumn)
                    > fm.horizontalAdvance(pane.model()->index(r, EventTableModel::SizeColumn).data().toString()));
        QVERIFY(pane.model()->index(0, EventTableModel::SizeColumn).data().toString().endsWith(QLatin1String("B")));
        // Hints fit their fields.
        for (const char *name : {"filterStatus", "filterSince", "filterUntil"}) {
            auto *edit = child<QLineEdit>(&pane, name);
            QVERIFY2(edit->width() >= edit->fontMetrics().horizontalAdvance(edit->placeholderText()), name);
        }
    }

    void aCountSaysWhenItReplacedAnEstimate()
    {
        // Statistics that no longer match the table: the estimate is off.
        {
            auto conn = test::connect(m_a);
            conn->exec(QStringLiteral("ANALYZE raw.api_events"));
            conn->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, request_key, "
                                      "status_code, payload, payload_hash) SELECT fetched_at, endpoint, "
                                      "request_key, status_code, payload, payload_hash FROM raw.api_events "
                                      "WHERE fetched_at < (SELECT min(fetched_at) + interval '1 day' FROM raw.api_events)"));
        }
        gui::EventsPane pane;
        pane.show();
        pane.setDatabase(m_a);
        auto *count = child<QLabel>(&pane, "eventCount");
        QTRY_VERIFY_WITH_TIMEOUT(count->text().startsWith(QStringLiteral("≈")), kTimeout);
        QTest::mouseClick(child<QPushButton>(&pane, "countExactly"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!count->text().startsWith(QStringLiteral("≈")), kTimeout);
        QVERIFY2(count->text().contains(QLatin1String("counted; the estimate was")), qPrintable(count->text()));
        m_newest = [&] {
            auto conn = test::connect(m_a);
            return scalar(*conn, QStringLiteral("SELECT id FROM raw.api_events "
                                                "ORDER BY fetched_at DESC NULLS LAST, id DESC LIMIT 1"));
        }();
    }

    void ctrlHomeAfterGoToTimeReturnsToTheNewest()
    {
        gui::EventsPane pane;
        pane.resize(1300, 800);
        pane.show();
        pane.setDatabase(m_a);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        auto *jump = child<QLineEdit>(&pane, "jumpTime");
        QTest::keyClicks(jump, QStringLiteral("2025-01-09 12:00"));
        QTest::keyClick(jump, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(pane.table()->currentIndex().row() > 20, kTimeout);
        const int away = pane.table()->currentIndex().row();
        QVERIFY(pane.model()->rowAt(away));
        pane.table()->setFocus();
        QTest::keyClick(pane.table(), Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(pane.table()->currentIndex().row(), 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(pane.model()->rowAt(0)->id, m_newest);
        // PageUp from a jumped position reaches the top too.
        QTest::keyClicks(jump, QString());
        jump->setText(QStringLiteral("2025-01-08 00:00"));
        QTest::keyClick(jump, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(pane.table()->currentIndex().row() > 20, kTimeout);
        pane.table()->setFocus();
        for (int i = 0; i < 200 && pane.table()->currentIndex().row() > 0; ++i) {
            QTest::keyClick(pane.table(), Qt::Key_PageUp);
            QTest::qWait(5);
        }
        QCOMPARE(pane.table()->currentIndex().row(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(pane.model()->rowAt(0)->id, m_newest);
    }

    void snapshotsPaneKeepsNothingOfTheOtherDatabase()
    {
        gui::SnapshotsPane pane;
        pane.resize(1300, 800);
        pane.show();
        pane.setDatabase(m_a);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.snapshotList().isEmpty() && !pane.runner()->isBusy(), kTimeout);
        auto *path = child<QLineEdit>(&pane, "trackPath");
        path->setText(QStringLiteral("/tick_number"));
        pane.track();
        auto *trackTable = child<QTableView>(&pane, "trackTable");
        QTRY_COMPARE_WITH_TIMEOUT(trackTable->model()->rowCount(), int(pane.snapshotList().size()), kTimeout);
        // The Track chart has room to be read.
        pane.tabs()->setCurrentWidget(path->parentWidget());
        QTRY_VERIFY(child<QWidget>(&pane, "trackChart")->width() >= 300);
        QVERIFY(pane.diffSelected());
        QTRY_VERIFY_WITH_TIMEOUT(pane.diffView()->hasResult(), kTimeout);
        pane.setDatabase(m_b);
        QCOMPARE(trackTable->model()->rowCount(), 0);
        QVERIFY(!pane.diffView()->hasResult());
        QVERIFY(pane.snapshotList().isEmpty());
    }

    void metricsPaneKeepsNothingOfTheOtherDatabaseAndCapsAuto()
    {
        // One stray event years before the reset.
        {
            auto conn = test::connect(m_a);
            conn->exec(QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, request_key, "
                                      "status_code, payload, payload_hash) VALUES "
                                      "('2014-03-01 10:00+00', '/my/agent', '/my/agent', 200, '{}', 'x')"));
        }
        gui::MetricsPane pane;
        pane.resize(1200, 760);
        pane.show();
        pane.setServer(serverSettings());
        pane.setDatabase(m_a.database(), {m_a.database()});
        pane.selectMetric(QStringLiteral("events"));
        pane.run();
        QTRY_VERIFY_WITH_TIMEOUT(!pane.shown().series.isEmpty() && !pane.runner()->isBusy(), kTimeout);
        // Auto chose weeks, not 96,000 hours, and says so.
        QCOMPARE(pane.shown().bucket, metrics::Bucket::Week);
        QVERIFY2(pane.shown().bucketNote.contains(QLatin1String("1h would make")), qPrintable(pane.shown().bucketNote));
        for (const metrics::Series &s : pane.shown().series)
            QVERIFY(s.points.size() <= metrics::kMaxAutoBuckets);
        QVERIFY(pane.chart()->seriesCount() > 0);
        pane.setDatabase(m_b.database(), {m_b.database()});
        QCOMPARE(pane.chart()->seriesCount(), 0);
        QVERIFY(pane.shown().series.isEmpty());
    }
};

QTEST_MAIN(TestStaleness)
#include "tst_staleness.moc"
