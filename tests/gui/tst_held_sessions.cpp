// Nothing held (issue 60): every pane's reads, on the real window against a real server, and
// after each answer is on screen no session of Statescope's stays "idle in transaction".
// pg_stat_activity, read on a direct connection (never through the pooler the window may go
// through), is the judge: 2 s after each answer, no backend of ours (this process's
// application_name, or any backend in the test's own databases) idles in a transaction.
// A result bigger than a page keeps its cursor while it is paged and for the hold after
// (settings::cursorHoldSeconds); then it too must be gone, and paging on still reads the
// right rows (the statement run again, which the tab says).

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/settings.h"
#include "core/weekly/serveradmin.h"
#include "gui/activity/activitypane.h"
#include "gui/admin/adminpane.h"
#include "gui/compare/comparedialog.h"
#include "gui/console/consolepane.h"
#include "gui/events/eventspane.h"
#include "gui/metrics/metricspane.h"
#include "gui/players/playereventspane.h"
#include "gui/replay/replaypane.h"
#include "gui/shards/shardspane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/widgets/jobrunner.h"
#include "gui/widgets/sqleditor.h"
#include "gui/find/findpane.h"
#include "gui/find/storywindow.h"
#include "gui/window/mainwindow.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kTimeout = 60000;
constexpr int kAfterAnswerMs = 2000;

} // namespace

class TestHeldSessions : public QObject
{
    Q_OBJECT

    QString m_db;
    std::unique_ptr<gui::MainWindow> m_window;
    std::unique_ptr<pg::Connection> m_watch; // direct, to the server's postgres database

    // Sessions of ours idle in a transaction now, one line each ("" when none).
    QString held()
    {
        const pg::Result r = m_watch->exec(
            QStringLiteral("SELECT pid, datname, application_name, state, "
                           "round(extract(epoch FROM now() - state_change)::numeric, 1), left(query, 120) "
                           "FROM pg_catalog.pg_stat_activity "
                           "WHERE state LIKE 'idle in transaction%' AND pid <> pg_catalog.pg_backend_pid() "
                           "AND (application_name = $1 OR datname = $2)"),
            {pg::Connection::ownApplicationName(), m_db});
        QStringList lines;
        for (int i = 0; i < r.rowCount(); ++i)
            lines << QStringLiteral("pid %1 on %2 (%3) %4 for %5 s: %6")
                         .arg(r.value(i, 0), r.value(i, 1), r.value(i, 2), r.value(i, 3), r.value(i, 4), r.value(i, 5));
        return lines.join(QLatin1Char('\n'));
    }

    // Sessions of ours running a statement now.
    int running()
    {
        return int(scalar(*m_watch,
                          QStringLiteral("SELECT count(*) FROM pg_catalog.pg_stat_activity "
                                         "WHERE state = 'active' AND pid <> pg_catalog.pg_backend_pid() "
                                         "AND (application_name = $1 OR datname = $2)"),
                          {pg::Connection::ownApplicationName(), m_db}));
    }

    // The answer is on screen: no job of the window runs, and no session of ours runs a
    // statement, twice in a row 100 ms apart.
    void settle()
    {
        const auto busy = [this] {
            for (gui::JobRunner *r : m_window->findChildren<gui::JobRunner *>())
                if (r->isBusy())
                    return true;
            return running() > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
        QTest::qWait(100);
        QTRY_VERIFY_WITH_TIMEOUT(!busy(), kTimeout);
    }

    // After the answer of `what`, `waitMs` on: nothing of ours idles in a transaction.
    void verifyNothingHeld(const QString &what, int waitMs = kAfterAnswerMs)
    {
        settle();
        QTest::qWait(waitMs);
        const QString h = held();
        QVERIFY2(h.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(what, h)));
    }

    int holdMs() const { return settings::cursorHoldSeconds() * 1000; }

private slots:
    void initTestCase()
    {
        static QTemporaryDir home;
        qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QCOMPARE(settings::cursorHoldSeconds(), settings::kDefaultCursorHoldSeconds);
        // A weekly database of its own, with every kind of game data.
        m_db = QStringLiteral("held%1_2098_w52").arg(QCoreApplication::applicationPid());
        weekly::ServerAdmin(serverSettings()).create(m_db, QStringLiteral("tst_held_sessions"));
        const pg::ConnectionSettings db = serverSettings().withDatabase(m_db);
        {
            auto conn = test::connect(db);
            demo::DemoOptions options;
            options.events = 1500;
            options.games = 3;
            options.snapshots = 20;
            demo::seed(*conn, options);
            // A table without a key, read through a cursor, and more than a page of it.
            conn->exec(QStringLiteral("CREATE TABLE public.keyless AS SELECT g, md5(g::text) AS h "
                                      "FROM generate_series(1, 6000) g"));
            conn->exec(QStringLiteral("ANALYZE"));
        }
        m_watch = test::connect(directServerSettings().withDatabase(QStringLiteral("postgres")));

        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1300, 820);
        m_window->show();
        QSignalSpy listed(m_window.get(), &gui::MainWindow::databasesListed);
        m_window->connectTo(serverSettings(), QStringLiteral("test server"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), kTimeout);
        if (m_window->currentDatabase() != m_db)
            m_window->refresh(m_db);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), m_db, kTimeout);
        verifyNothingHeld(QStringLiteral("the window opened on the week"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_watch.reset();
        if (!m_db.isEmpty())
            dropDatabase(m_db);
    }

    void eventsAndTheirDetail()
    {
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) != nullptr, kTimeout);
        verifyNothingHeld(QStringLiteral("Events, the first page"));
        events->table()->selectRow(2);
        verifyNothingHeld(QStringLiteral("Events, an event's payload"));
        // Far down the list: keyset pages, each its own transaction.
        events->table()->scrollToBottom();
        verifyNothingHeld(QStringLiteral("Events, the last page"));
    }

    void snapshotsReplayMetricsPlayers()
    {
        m_window->showPane(m_window->snapshotsPane());
        verifyNothingHeld(QStringLiteral("Snapshots"));

        auto *replay = m_window->replayPane();
        m_window->showPane(replay);
        settle();
        auto *games = replay->findChild<QTableView *>(QStringLiteral("gameView"));
        QVERIFY(games);
        QTRY_VERIFY_WITH_TIMEOUT(games->model() && games->model()->rowCount() > 0, kTimeout);
        games->selectRow(0);
        verifyNothingHeld(QStringLiteral("Replay, a game open"));

        auto *metrics = m_window->metricsPane();
        m_window->showPane(metrics);
        metrics->selectMetric(QStringLiteral("events"));
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->runner()->isBusy(), kTimeout);
        verifyNothingHeld(QStringLiteral("Metrics, a metric drawn"));

        m_window->showPane(m_window->playerEventsPane());
        verifyNothingHeld(QStringLiteral("Players"));
        m_window->showPane(m_window->shardsPane());
        verifyNothingHeld(QStringLiteral("Shards"));
        m_window->showPane(m_window->adminPane());
        verifyNothingHeld(QStringLiteral("Admin"));
        m_window->showPane(m_window->activityPane());
        verifyNothingHeld(QStringLiteral("Activity"));
    }

    void tablesKeyedAndKeyless()
    {
        auto *tables = m_window->tablesPane();
        m_window->showPane(tables);
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        verifyNothingHeld(QStringLiteral("Tables, a keyed table"));
        tables->grid()->scrollToBottom();
        verifyNothingHeld(QStringLiteral("Tables, a keyed table's end"));

        // Without a key: a cursor, bigger than a page. Held while paged, gone after the hold.
        tables->openRelation(QStringLiteral("public"), QStringLiteral("keyless"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        settle();
        // Held a while, directly; not a moment through a pooler, where it would pin a server
        // connection.
        QCOMPARE(tables->model()->cursorHeld(), !viaPgBouncer());
        verifyNothingHeld(QStringLiteral("Tables, a table without a key"), holdMs() + kAfterAnswerMs);
        QVERIFY(!tables->model()->cursorHeld());
        // Paging on after the hold: the rows come, by running the read again.
        QSignalSpy rerun(tables->model(), &models::RowGridModel::rerun);
        tables->grid()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->countIsExact(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowAt(tables->model()->rowCount() - 1) != nullptr, kTimeout);
        QCOMPARE(tables->model()->rowCount(), 6000);
        QVERIFY(!rerun.isEmpty());
        // The end was read: nothing is held from here on, hold or not.
        verifyNothingHeld(QStringLiteral("Tables, a table without a key read to its end"));

        // An export reads every row and lets go.
        QTemporaryDir dir;
        QSignalSpy exported(tables, &gui::TablesPane::exported);
        tables->exportTo(dir.filePath(QStringLiteral("keyless.csv")), false);
        QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty(), kTimeout);
        QCOMPARE(exported.first().first().toLongLong(), 6000);
        verifyNothingHeld(QStringLiteral("Tables, an export"));
    }

    void twoResultTabs()
    {
        auto *console = m_window->consolePane();
        m_window->showPane(console);
        // The case that was seen: one small result, held for as long as its tab was open.
        console->editor()->setPlainText(QStringLiteral("select count(*) from raw.api_events;\n"
                                                       "select g, g * 2 AS twice from generate_series(1, 20000) g;"));
        const int before = console->results()->count();
        console->runAll();
        QTRY_COMPARE_WITH_TIMEOUT(console->results()->count(), before + 2, kTimeout);
        auto *small = qobject_cast<QTableView *>(console->results()->widget(before));
        auto *big = qobject_cast<QTableView *>(console->results()->widget(before + 1));
        QVERIFY(small && big);
        auto *smallModel = qobject_cast<models::RowGridModel *>(small->model());
        auto *bigModel = qobject_cast<models::RowGridModel *>(big->model());
        QVERIFY(smallModel && bigModel);
        QTRY_VERIFY_WITH_TIMEOUT(smallModel->countIsExact() && bigModel->rowAt(0), kTimeout);
        QCOMPARE(smallModel->data(smallModel->index(0, 0)).toString(),
                 QString::number(scalar(*test::connect(serverSettings().withDatabase(m_db)),
                                        QStringLiteral("SELECT count(*) FROM raw.api_events"))));
        // The small one was read whole: its transaction ended with its answer.
        QVERIFY(!smallModel->cursorHeld());
        settle();
        QCOMPARE(bigModel->cursorHeld(), !viaPgBouncer()); // paged: held for a while (not through a pooler)
        verifyNothingHeld(QStringLiteral("SQL, a small and a big result"), holdMs() + kAfterAnswerMs);

        // Paging the big one after its hold: the statement runs again, the rows are right,
        // and its tab says how they were read.
        console->results()->setCurrentWidget(big);
        QSignalSpy rerun(bigModel, &models::RowGridModel::rerun);
        // A query's count is known at its end: scrolled down until the end is reached.
        for (int i = 0; i < 400 && !bigModel->countIsExact(); ++i) {
            big->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(!bigModel->isLoading(), kTimeout);
            QTest::qWait(20);
        }
        QVERIFY(bigModel->countIsExact());
        QCOMPARE(bigModel->rowCount(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(bigModel->rowAt(19999) != nullptr, kTimeout);
        QCOMPARE(bigModel->data(bigModel->index(19999, 1)).toString(), QStringLiteral("40000"));
        QVERIFY(!rerun.isEmpty());
        QVERIFY2(console->resultInfo()->text().contains(QLatin1String("again")), qPrintable(console->resultInfo()->text()));
        verifyNothingHeld(QStringLiteral("SQL, the big result read to its end"));
        // Back to the top, far outside the window kept: read again, still right.
        big->scrollToTop();
        QTRY_VERIFY_WITH_TIMEOUT(bigModel->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(bigModel->data(bigModel->index(0, 0)).toString(), QStringLiteral("1"));
        // Paged again: held for the hold, then let go.
        verifyNothingHeld(QStringLiteral("SQL, the big result's top read again"), holdMs() + kAfterAnswerMs);
    }

    // Find, then the story of what it found, page after page: each answered, nothing held.
    void findAndStory()
    {
        const pg::Result games = test::connect(serverSettings().withDatabase(m_db))
                                     ->exec(QStringLiteral("SELECT id::text FROM core.games ORDER BY id LIMIT 1"));
        const QString game = games.rowCount() ? games.value(0, 0) : QString();
        QVERIFY(!game.isEmpty());
        m_window->findField()->setText(game);
        QSignalSpy found(m_window->findPane(), &gui::FindPane::finished);
        QTest::keyClick(m_window->findField(), Qt::Key_Return);
        QVERIFY(found.wait(kTimeout));
        QVERIFY(m_window->findPane()->rowCount() > 0);
        verifyNothingHeld(QStringLiteral("Find, the rows found"));
        m_window->findPane()->results()->setCurrentIndex(m_window->findPane()->results()->model()->index(0, 0));
        QTest::mouseClick(m_window->findPane()->storyButton(), Qt::LeftButton);
        gui::StoryWindow *story = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((story = m_window->findChild<gui::StoryWindow *>()) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(story->entryCount() > 0 && !story->isBusy(), kTimeout);
        verifyNothingHeld(QStringLiteral("Story, the first page"));
        if (story->newerButton()->isEnabled()) {
            QTest::mouseClick(story->newerButton(), Qt::LeftButton);
            verifyNothingHeld(QStringLiteral("Story, the next page"));
        }
        story->close();
        qobject_cast<QDialog *>(m_window->findPane()->window())->reject();
    }

    void compareWeeks()
    {
        const QString prefix = m_db.section(QLatin1Char('_'), 0, 0);
        auto *dialog = m_window->showFamilyDrift(prefix);
        QVERIFY(dialog);
        verifyNothingHeld(QStringLiteral("Compare weeks, drift"));
        dialog->close();
    }
};

QTEST_MAIN(TestHeldSessions)
#include "tst_held_sessions.moc"
