// The Activity pane against the harness's server: a session idle in transaction is marked and
// this process's own is never offered for stopping; a real blocking chain made by two
// connections shows as a tree and is ended from it (admin mode, a preview naming the blocker,
// a typed confirmation and a reason); the Statements tab says what the server says about
// pg_stat_statements; nothing is left on screen once the server goes; and the counters sampled at
// each refresh are charted and exported as CSV, and forgotten with the server.
#include "core/activity/activity.h"
#include "core/pg/connection.h"
#include "core/task/canceltoken.h"
#include "gui/activity/activitypane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/chartview.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/widgets/jobrunner.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QScreen>
#include <QScrollBar>
#include <QTextDocument>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

using namespace statescope;
using gui::ActivityPane;

namespace {

constexpr int kTimeout = 60000;

// The settings with an application name of the test's own: not "statescope/<pid>", which would
// make the session this process's own (never stopped by the pane).
pg::ConnectionSettings named(pg::ConnectionSettings settings, const QString &application)
{
    settings.setValue(QStringLiteral("application_name"), application);
    return settings;
}

int rowOf(const QTableWidget *table, int pid)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (const QTableWidgetItem *item = table->item(r, 0); item && item->data(ActivityPane::PidRole).toInt() == pid)
            return r;
    return -1;
}

int rowWithQuery(const QTableWidget *table, const QString &text)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (const QTableWidgetItem *item = table->item(r, 8); item && item->toolTip().contains(text))
            return r;
    return -1;
}

// The item of `waiter` right under the root item of `blocker`, or nullptr.
QTreeWidgetItem *waiterUnder(const QTreeWidget *tree, int blocker, int waiter)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *root = tree->topLevelItem(i);
        if (root->data(0, ActivityPane::PidRole).toInt() != blocker)
            continue;
        for (int c = 0; c < root->childCount(); ++c)
            if (root->child(c)->data(0, ActivityPane::PidRole).toInt() == waiter)
                return root->child(c);
    }
    return nullptr;
}

// The confirmation the pane opened: its preview names every text in `listed`; types the
// expected text, then a reason (asked for), then OK.
bool confirm(QWidget *owner, const QString &expected, const QStringList &listed)
{
    gui::ConfirmDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = owner->findChild<gui::ConfirmDialog *>()) && dialog->isVisible(); },
                         kTimeout))
        return false;
    auto *browser = dialog->findChild<QTextBrowser *>(QStringLiteral("previewText"));
    const QString preview = browser->toPlainText();
    // Read whole where it opened: inside the screen, nothing wider than its box (a table of
    // six columns once wrapped the sessions' words letter by letter).
    QCoreApplication::processEvents();
    // (A few pixels of slack: the offscreen platform has no frame to place the dialog by.)
    if (!dialog->screen()->availableGeometry().adjusted(-8, -8, 8, 8).contains(dialog->frameGeometry())) {
        const QRect a = dialog->screen()->availableGeometry(), g = dialog->frameGeometry();
        qWarning("The confirmation (%d,%d %dx%d) lies outside the screen (%d,%d %dx%d)", g.x(), g.y(), g.width(),
                 g.height(), a.x(), a.y(), a.width(), a.height());
        return false;
    }
    if (browser->horizontalScrollBar()->maximum() > 0
        || browser->document()->idealWidth() > browser->viewport()->width() + 1) {
        qWarning("The preview is wider than its box: %g > %d", browser->document()->idealWidth(), browser->viewport()->width());
        return false;
    }
    for (const QString &text : listed)
        if (!preview.contains(text)) {
            qWarning("The preview does not name %s:\n%s", qPrintable(text), qPrintable(preview));
            return false;
        }
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), expected);
    if (ok->isEnabled()) // a reason is asked for too
        return false;
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit")), QStringLiteral("the game is stuck"));
    if (!ok->isEnabled())
        return false;
    QTest::mouseClick(ok, Qt::LeftButton);
    return true;
}

// Runs `fn` when the scope ends, however the test function leaves it.
struct AtExit
{
    std::function<void()> fn;
    ~AtExit() { fn(); }
};

} // namespace

class TestActivityPane : public QObject
{
    Q_OBJECT

    pg::ConnectionSettings m_db;
    std::unique_ptr<ActivityPane> m_pane;

    // Stops the reading every second, and waits for the read under way, so that what the
    // test looks at stays on screen.
    bool holdStill()
    {
        m_pane->setPaused(true);
        return QTest::qWaitFor([this] { return !m_pane->runner()->isBusy(); }, kTimeout);
    }

private slots:
    void initTestCase()
    {
        m_db = test::emptyDatabase(QStringLiteral("activity_gui"));
        auto conn = test::connect(m_db);
        conn->exec(QStringLiteral("CREATE TABLE t (id int)"));
        conn->exec(QStringLiteral("INSERT INTO t VALUES (1), (2), (3)"));
        m_pane = std::make_unique<ActivityPane>();
        m_pane->refreshSeconds()->setValue(1);
        QSignalSpy refreshed(m_pane.get(), &ActivityPane::refreshed);
        m_pane->setServer(test::serverSettings());
        m_pane->setDatabase(m_db.database());
        m_pane->resize(1200, 760);
        m_pane->show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, kTimeout);
        QCOMPARE(m_pane->tabs()->objectName(), QStringLiteral("activityTabs"));
        QCOMPARE(m_pane->tabs()->count(), 7);
    }

    void cleanupTestCase()
    {
        m_pane.reset();
        test::dropDatabase(m_db.database());
    }

    void marksIdleInTransactionAndNeverOffersItsOwn()
    {
        m_pane->setPaused(false);
        m_pane->tabs()->setCurrentIndex(ActivityPane::SessionsTab);
        auto idle = test::connect(named(m_db, QStringLiteral("tst_idle")));
        idle->exec(QStringLiteral("BEGIN"));
        idle->exec(QStringLiteral("SELECT count(*) FROM t"));
        const int idlePid = idle->backendPid();
        auto mine = test::connect(m_db); // this process's application name: its own session
        const int minePid = mine->backendPid();

        QTableWidget *list = m_pane->sessions();
        const auto idleShown = [&] {
            const int r = rowOf(list, idlePid);
            return r >= 0 && list->item(r, 5)->text().startsWith(QLatin1String("idle in transaction"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(idleShown() && rowOf(list, minePid) >= 0, kTimeout);
        QVERIFY(holdStill());
        const int row = rowOf(list, idlePid);
        QVERIFY(row >= 0);
        QVERIFY(list->item(row, 0)->background().style() != Qt::NoBrush);
        QVERIFY2(list->item(row, 0)->toolTip().contains(QLatin1String("Idle in transaction")),
                 qPrintable(list->item(row, 0)->toolTip()));
        QCOMPARE(list->item(row, 3)->text(), QStringLiteral("tst_idle"));
        const int mineRow = rowOf(list, minePid);
        QVERIFY2(list->item(mineRow, 3)->text().contains(QLatin1String("(this Statescope)")),
                 qPrintable(list->item(mineRow, 3)->text()));
        QVERIFY(m_pane->sessionsNote()->text().contains(QLatin1String(" of ")));

        auto *cancel = m_pane->findChild<QPushButton *>(QStringLiteral("cancelSession"));
        auto *terminate = m_pane->findChild<QPushButton *>(QStringLiteral("terminateSession"));
        auto *everyone = m_pane->findChild<QPushButton *>(QStringLiteral("terminateDatabase"));
        list->clearSelection();
        list->selectRow(row);
        QVERIFY(!cancel->isEnabled()); // not in admin mode
        QVERIFY(!terminate->isEnabled());
        QVERIFY(!everyone->isEnabled());
        QVERIFY(!everyone->isHidden());
        m_pane->setAdminMode(true);
        QVERIFY(cancel->isEnabled());
        QVERIFY(terminate->isEnabled());
        QVERIFY(everyone->isEnabled());
        list->clearSelection();
        list->selectRow(mineRow);
        QVERIFY(!cancel->isEnabled()); // never this Statescope's own session
        QVERIFY(!terminate->isEnabled());
        list->clearSelection();
        m_pane->setAdminMode(false);

        // Only the sessions idle in a transaction.
        m_pane->setPaused(false);
        m_pane->idleInTransaction()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, idlePid) >= 0 && rowOf(list, minePid) < 0, kTimeout);
        m_pane->idleInTransaction()->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, minePid) >= 0, kTimeout);
        idle->exec(QStringLiteral("ROLLBACK"));
    }

    void endsABlockingChainFromTheTree()
    {
        m_pane->setPaused(false);
        auto monitor = test::connect(test::serverSettings());
        // A holds the table; B waits for it.
        auto blocker = test::connect(named(m_db, QStringLiteral("tst_blocker")));
        blocker->exec(QStringLiteral("BEGIN"));
        blocker->exec(QStringLiteral("LOCK TABLE t IN ACCESS EXCLUSIVE MODE"));
        const int blockerPid = blocker->backendPid();
        CancelToken waiterCancel;
        std::atomic<int> waiterPid{0};
        std::atomic<bool> waiterDone{false};
        std::optional<QString> waiterError; // written by the thread before waiterDone
        std::thread waiter([&] {
            try {
                auto conn = pg::Connection::open(named(m_db, QStringLiteral("tst_waiter")),
                                                 pg::Connection::Access::ReadWrite, &waiterCancel);
                waiterPid = conn->backendPid();
                conn->exec(QStringLiteral("SELECT count(*) FROM t"));
            } catch (const Error &e) {
                waiterError = e.message();
            }
            waiterDone = true;
        });
        AtExit cleanup{[&] {
            waiterCancel.cancel();
            blocker.reset(); // its lock goes with it: the waiter ends either way
            waiter.join();
            m_pane->setAdminMode(false);
            m_pane->setPaused(false);
        }};
        QTRY_VERIFY_WITH_TIMEOUT(waiterDone || (waiterPid > 0 && test::scalar(*monitor, QStringLiteral(
                                                                     "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 "
                                                                     "AND wait_event_type = 'Lock'"),
                                                                 {waiterPid.load()}) == 1),
                                 kTimeout);
        if (waiterDone) // the thread has ended: what it wrote can be read
            QFAIL(qPrintable(waiterError.value_or(QStringLiteral("The waiter did not wait for the lock."))));
        const int waiterId = waiterPid.load();

        m_pane->tabs()->setCurrentIndex(ActivityPane::LocksTab);
        QTreeWidget *tree = m_pane->blockingTree();
        QTRY_VERIFY_WITH_TIMEOUT(waiterUnder(tree, blockerPid, waiterId) != nullptr, kTimeout);
        QVERIFY(holdStill());
        QTreeWidgetItem *waiting = waiterUnder(tree, blockerPid, waiterId);
        QVERIFY(waiting);
        QVERIFY2(m_pane->locksNote()->text().contains(QLatin1String("waiting on a lock")),
                 qPrintable(m_pane->locksNote()->text()));
        QVERIFY(m_pane->lockCounts()->rowCount() > 0);

        auto *terminate = m_pane->findChild<QPushButton *>(QStringLiteral("terminateBlockers"));
        tree->setCurrentItem(waiting);
        QVERIFY(!terminate->isEnabled()); // not in admin mode
        m_pane->setAdminMode(true);
        QVERIFY(terminate->isEnabled());
        tree->setCurrentItem(waiting->parent()); // the blocker waits for nobody: nothing to terminate
        QVERIFY(!terminate->isEnabled());
        tree->setCurrentItem(waiting);
        QVERIFY(terminate->isEnabled());

        // What the pane will ask to type: the plan as core makes it.
        const activity::StopPlan plan =
            activity::Activity::planStopBlockers(*monitor, activity::StopKind::Terminate, waiterId);
        QCOMPARE(int(plan.targets.size()), 1);
        QCOMPARE(plan.targets.first().pid, blockerPid);
        const QStringList listed{QString::number(blockerPid), QStringLiteral("tst_blocker")};
        QTest::mouseClick(terminate, Qt::LeftButton);
        QVERIFY(confirm(m_pane.get(), plan.confirmation, listed));

        QTRY_VERIFY_WITH_TIMEOUT(waiterDone.load(), kTimeout);
        QVERIFY2(!waiterError, qPrintable(waiterError.value_or(QString())));
        const QString alive = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = $1");
        QTRY_COMPARE_WITH_TIMEOUT(test::scalar(*monitor, alive, {blockerPid}), qint64(0), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->banner()->kind() == gui::Banner::Kind::Success, kTimeout);
        QVERIFY2(m_pane->banner()->plainText().contains(QString::number(blockerPid)),
                 qPrintable(m_pane->banner()->plainText()));
        // Read again after it: nobody waits any more.
        QTRY_VERIFY_WITH_TIMEOUT(!m_pane->runner()->isBusy() && !waiterUnder(tree, blockerPid, waiterId),
                                 kTimeout);
    }

    void saysWhatTheServerSaysAboutStatements()
    {
        m_pane->setPaused(false);
        m_pane->tabs()->setCurrentIndex(ActivityPane::StatementsTab);
        QLabel *note = m_pane->statementsNote();
        QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QLatin1String("no percentiles")), kTimeout);
        const QString installed = QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'");
        auto here = pg::Connection::open(m_db, pg::Connection::Access::ReadOnly);
        auto server = pg::Connection::open(test::serverSettings(), pg::Connection::Access::ReadOnly);
        auto *plan = m_pane->findChild<QPushButton *>(QStringLiteral("genericPlan"));
        if (test::scalar(*here, installed) == 0 && test::scalar(*server, installed) == 0) {
            // Not there: the pane says why and how to enable it, and lists nothing.
            const activity::StatementReport r =
                activity::Activity::statements(*here, QStringLiteral("total"), 50, m_db.database());
            QVERIFY(!r.available);
            QVERIFY2(r.problem.contains(QLatin1String("pg_stat_statements")), qPrintable(r.problem));
            QTRY_VERIFY2_WITH_TIMEOUT(note->text().contains(r.problem), qPrintable(note->text()), kTimeout);
            QCOMPARE(m_pane->statements()->rowCount(), 0);
            QVERIFY(!plan->isEnabled());
            return;
        }
        // There: the statements run in the database are listed, and one gets a generic plan.
        QTableWidget *list = m_pane->statements();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithQuery(list, QStringLiteral("count(*) FROM t")) >= 0, kTimeout);
        QVERIFY(holdStill());
        list->setCurrentCell(rowWithQuery(list, QStringLiteral("count(*) FROM t")), 0);
        QVERIFY(plan->isEnabled());
        QTest::mouseClick(plan, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->planText()->toPlainText().contains(QLatin1String("\"Plan\"")), kTimeout);
        QVERIFY(m_pane->planTree()->topLevelItemCount() == 1);
        m_pane->setPaused(false);
    }

    void measuresATablesBloatOnRequest()
    {
        test::connect(m_db)->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pgstattuple"));
        m_pane->setPaused(false);
        m_pane->tabs()->setCurrentIndex(ActivityPane::HealthTab);
        QTableWidget *tables = m_pane->tableHealthList();
        QTRY_VERIFY_WITH_TIMEOUT(tables->rowCount() > 0, kTimeout);
        QVERIFY(holdStill());
        int row = -1;
        for (int r = 0; r < tables->rowCount(); ++r)
            if (tables->item(r, 0)->text() == QLatin1String("public.t"))
                row = r;
        QVERIFY(row >= 0);
        tables->setCurrentCell(row, 0);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("measureBloat")), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(m_pane->bloatNote()->text().contains(QLatin1String("by pgstattuple")),
                                  qPrintable(m_pane->bloatNote()->text()), kTimeout);
        QVERIFY(m_pane->bloatNote()->text().startsWith(QLatin1String("public.t:")));
        m_pane->setPaused(false);
    }

    void clearsEverythingWhenTheServerGoes()
    {
        m_pane->setPaused(false);
        m_pane->tabs()->setCurrentIndex(ActivityPane::SessionsTab);
        auto held = test::connect(named(m_db, QStringLiteral("tst_held")));
        const int pid = held->backendPid();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_pane->sessions(), pid) >= 0, kTimeout);
        m_pane->setServer(std::nullopt);
        QCOMPARE(m_pane->sessions()->rowCount(), 0);
        QCOMPARE(m_pane->blockingTree()->topLevelItemCount(), 0);
        QCOMPARE(m_pane->statements()->rowCount(), 0);
        QVERIFY(!m_pane->sessionsNote()->text().contains(QLatin1String(" of ")));
        // Nothing read for the server left comes back afterwards (the pane read every second).
        QTest::qWait(2500);
        QCOMPARE(m_pane->sessions()->rowCount(), 0);
        QVERIFY(!m_pane->runner()->isBusy());
    }

    void chartsTheCountersAndExportsThem()
    {
        // Samples are taken at each refresh whatever the tab: a few on Sessions, then Charts.
        m_pane->setServer(test::serverSettings());
        m_pane->setPaused(false);
        m_pane->refreshSeconds()->setValue(1);
        m_pane->tabs()->setCurrentIndex(ActivityPane::SessionsTab);
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->history().samples().size() >= 3, kTimeout);
        m_pane->tabs()->setCurrentIndex(ActivityPane::ChartsTab);
        gui::ChartView *connections = m_pane->chart(QStringLiteral("chartConnections"));
        QVERIFY(connections);
        for (const char *name : {"chartTps", "chartCacheHit", "chartLag"})
            QVERIFY2(m_pane->chart(QLatin1String(name)), name);
        QTRY_VERIFY_WITH_TIMEOUT(connections->pointCount() > 0, kTimeout);
        QVERIFY2(m_pane->chartsNote()->text().contains(QLatin1String("older samples are dropped")),
                 qPrintable(m_pane->chartsNote()->text()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("activity.csv"));
        QString error;
        // No event is processed between the export and the count: no sample comes in between.
        QVERIFY2(m_pane->exportChartsTo(path, &error), qPrintable(error));
        const int kept = int(m_pane->history().samples().size());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QString header = activity::SampleHistory().csv().section(QLatin1Char('\n'), 0, 0);
        QVERIFY(header.startsWith(QLatin1String("at,connections,")));
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first(), header);
        QCOMPARE(int(lines.size()), kept + 1);
        QVERIFY(!m_pane->exportChartsTo(dir.filePath(QStringLiteral("missing/activity.csv")), &error));
        QVERIFY(!error.isEmpty());

        // Another server (here none): the history and the charts go with it.
        m_pane->setServer(std::nullopt);
        QVERIFY(m_pane->history().samples().isEmpty());
        QCOMPARE(connections->pointCount(), 0);
        QTest::qWait(1500); // a sample under way for the server left is dropped
        QVERIFY(m_pane->history().samples().isEmpty());
    }
};

QTEST_MAIN(TestActivityPane)
#include "tst_activitypane.moc"
