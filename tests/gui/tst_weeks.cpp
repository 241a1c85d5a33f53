// The week as a variable (issue 23), on real widgets against two real servers of our own: a
// family whose weeks 2 and 3 are on "live" and week 1 on "archive". The switcher lists the
// family over both servers, each week naming its server; Alt+Left/Alt+Right and the drop-down
// move between weeks (and servers) with every pane's set-up kept: the Tables pane's table and
// filter, the Events filter, the Snapshots tick, the Replay game and play, the Metrics metric,
// the SQL text. What a week lacks (a tick, a game, an endpoint) is said in the pane. Run on
// weeks streams one grid with week and server columns, shows failed weeks as rows, stops on
// Stop, and charts a number over time.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "core/sandbox/sandbox.h"
#include "core/weekly/serveradmin.h"
#include "gui/admin/adminpane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/chartview.h"
#include "gui/compare/comparedialog.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/console/consolepane.h"
#include "gui/events/filterbar.h"
#include "gui/events/eventdetail.h"
#include "gui/events/eventspane.h"
#include "gui/widgets/familyrun.h"
#include "gui/widgets/jobrunner.h"
#include "gui/window/mainwindow.h"
#include "gui/metrics/metricspane.h"
#include "gui/replay/replaypane.h"
#include "gui/window/sidebar.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/window/weekswitcher.h"
#include "models/eventtablemodel.h"
#include "models/familyresultmodel.h"
#include "models/databasetreemodel.h"
#include "models/gamelistmodel.h"
#include "models/servertreemodel.h"
#include "models/rowgridmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLabel>
#include <QListWidget>
#include <QMap>
#include <QSet>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace statescope;
using namespace statescope::test;

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

class TestWeeks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_liveDir{QStringLiteral("/tmp/sswk-live-XXXXXX")};
    QTemporaryDir m_archiveDir{QStringLiteral("/tmp/sswk-arch-XXXXXX")};
    sandbox::Info m_live, m_archive;
    std::unique_ptr<gui::MainWindow> m_window;
    QString m_prefix = QStringLiteral("wk");

    QString week(int n) const { return QStringLiteral("%1_2025_w%2").arg(m_prefix).arg(n, 2, 10, QLatin1Char('0')); }

    static void seed(const pg::ConnectionSettings &db, int snapshots, quint64 seed)
    {
        auto conn = test::connect(db);
        demo::DemoOptions o;
        o.events = 400;
        o.games = 3;
        o.snapshots = snapshots;
        o.seed = seed;
        demo::seed(*conn, o);
        conn->exec(QStringLiteral("ANALYZE"));
    }

    static sandbox::Info start(const QString &dir)
    {
        sandbox::Options o;
        o.dir = dir;
        o.durable = false;
        return sandbox::Sandbox(o).start();
    }

    gui::WeekSwitcher *switcher() const { return m_window->weekSwitcher(); }

    // The schema tree's row for a table (under the "table" group); nullptr when not there.
    static QTreeWidgetItem *tableChange(const gui::CompareDialog &dialog, const QString &table)
    {
        for (QTreeWidgetItem *item : dialog.schemaTree()->findItems(table, Qt::MatchContains | Qt::MatchRecursive))
            if (item->parent() && item->parent()->text(0) == QLatin1String("table"))
                return item;
        return nullptr;
    }

    void goTo(int weekIndex)
    {
        const QString before = m_window->currentDatabase();
        switcher()->combo()->setCurrentIndex(weekIndex);
        emit switcher()->combo()->activated(weekIndex);
        QVERIFY(m_window->currentDatabase() != before);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_liveDir.isValid() && m_archiveDir.isValid());
        m_live = start(m_liveDir.path());
        m_archive = start(m_archiveDir.path());
        const weekly::ServerAdmin live(m_live.settings), archive(m_archive.settings);
        live.create(week(2), QStringLiteral("tst_weeks"));
        live.create(week(3), QStringLiteral("tst_weeks"));
        archive.create(week(1), QStringLiteral("tst_weeks"));
        // Weeks 2 and 3 from one seed (the same games, the same ticks); week 1 from another,
        // with fewer snapshots and no /my/agent events.
        seed(live.databaseSettings(week(2)), 12, 7);
        seed(live.databaseSettings(week(3)), 12, 7);
        seed(archive.databaseSettings(week(1)), 4, 99);
        test::connect(archive.databaseSettings(week(1)))
            ->execScript(QStringLiteral("DELETE FROM raw.api_events WHERE endpoint = '/my/agent'; ANALYZE raw.api_events"));
        test::connect(live.databaseSettings(week(2)))->exec(QStringLiteral("CREATE TABLE public.only_w02 (x int)"));
        // A table of rows in both live weeks, with differences planted in week 3.
        const QString items = QStringLiteral(
            "CREATE TABLE public.items (id int PRIMARY KEY, name text, doc jsonb);"
            "INSERT INTO public.items SELECT g, 'item ' || g, jsonb_build_object('g', g) FROM generate_series(1, 50) g;");
        test::connect(live.databaseSettings(week(2)))->execScript(items);
        test::connect(live.databaseSettings(week(3)))->execScript(items + QStringLiteral(
            "DELETE FROM public.items WHERE id = 7; INSERT INTO public.items VALUES (51, 'new', NULL);"
            "UPDATE public.items SET doc = '{\"g\": 0}' WHERE id = 9;"));

        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        m_window->connectTo(m_archive.settings, QStringLiteral("archive"));
        m_window->connectTo(m_live.settings, QStringLiteral("live"));
        for (const QString &id : m_window->sidebar()->model()->serverIds())
            QTRY_COMPARE_WITH_TIMEOUT(m_window->sidebar()->model()->serverState(id),
                                      models::ServerTreeModel::ServerState::Listed, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->family().weeks().size(), 3, kTimeout);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        for (const QString &dir : {m_liveDir.path(), m_archiveDir.path()}) {
            sandbox::Options o;
            o.dir = dir;
            sandbox::Sandbox(o).stop();
        }
    }

    void init()
    {
        // Each test starts on the newest week.
        if (m_window && m_window->currentDatabase() != week(3) && switcher()->current() >= 0)
            goTo(2);
    }

    void theSwitcherIsTheFamilyOverBothServers()
    {
        QVERIFY(switcher()->isVisible());
        QCOMPARE(switcher()->current(), 2);
        QCOMPARE(switcher()->combo()->count(), 3);
        QCOMPARE(switcher()->combo()->itemText(0), QStringLiteral("2025-W01 on archive"));
        QCOMPARE(switcher()->combo()->itemText(2), QStringLiteral("2025-W03 on live"));
        QVERIFY(switcher()->nextAction()->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Right));
        QVERIFY(switcher()->previousAction()->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Left));
        QVERIFY(!switcher()->nextAction()->isEnabled()); // the newest week
        QVERIFY(switcher()->previousAction()->isEnabled());
        // It is in the shortcut list, once.
        int listed = 0;
        for (const QStringList &row : m_window->shortcutList())
            listed += row.value(0).contains(QLatin1String("Previous week"));
        QCOMPARE(listed, 1);
    }

    void tablesAndTheConsoleKeepTheirSetUp()
    {
        gui::TablesPane *tables = m_window->tablesPane();
        m_window->showPane(tables);
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"),
                             {browse::Filter{QStringLiteral("status_code"), browse::Filter::Op::Equals, QStringLiteral("200")}});
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        m_window->consolePane()->editor()->setPlainText(QStringLiteral("SELECT count(*) FROM raw.api_events"));

        // Alt+Left, as a person presses it.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(2), kTimeout);
        QCOMPARE(switcher()->current(), 1);
        // The status bar names the week shown, not the last listing.
        QVERIFY(child<QLabel>(m_window.get(), "statusLabel")->text().contains(week(2)));
        QCOMPARE(tables->relation(), QStringLiteral("raw.api_events"));
        QCOMPARE(tables->filters().size(), 1);
        QCOMPARE(tables->filters().first().value, QStringLiteral("200"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        QCOMPARE(m_window->consolePane()->editor()->toPlainText(), QStringLiteral("SELECT count(*) FROM raw.api_events"));

        // A table only this week has: on another week the pane says so, keeping the choice.
        tables->openRelation(QStringLiteral("public"), QStringLiteral("only_w02"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->columnCount() > 0, kTimeout);
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(tables->relation(), QStringLiteral("public.only_w02"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->banner()->isVisible(), kTimeout);
        QVERIFY2(tables->banner()->plainText().contains(QLatin1String("only_w02")), qPrintable(tables->banner()->plainText()));
        // Nothing is on its way: the title does not say "loading".
        const QString title = child<QLabel>(tables, "tableTitle")->text();
        QVERIFY2(!title.contains(QLatin1String("loading")) && title.contains(QLatin1String("not read")), qPrintable(title));
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"));
    }

    void snapshotsKeepTheTickOrSayItIsMissing()
    {
        gui::SnapshotsPane *snapshots = m_window->snapshotsPane();
        m_window->showPane(snapshots);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 12, kTimeout);
        // The fifth newest tick of week 3; week 2 has it too (same seed).
        snapshots->timeline()->selectRow(4);
        const QString tick = snapshots->timeline()->model()->index(4, gui::SnapshotsPane::TickColumn).data().toString();
        goTo(1);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 12, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(snapshots->timeline()->currentIndex().row(), 4, kTimeout);
        QCOMPARE(snapshots->timeline()->model()->index(4, gui::SnapshotsPane::TickColumn).data().toString(), tick);
        // Week 1 (on archive) has 4 snapshots: the newest ticks of week 2 are not there.
        snapshots->timeline()->selectRow(0);
        const QString newest = snapshots->timeline()->model()->index(0, gui::SnapshotsPane::TickColumn).data().toString();
        goTo(0);
        QCOMPARE(m_window->currentDatabase(), week(1));
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->timeline()->model()->rowCount() == 4, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots->messages()->isVisible(), kTimeout);
        QVERIFY2(snapshots->messages()->plainText().contains(QStringLiteral("no snapshot at tick %1").arg(newest.section(QLatin1Char(' '), 0, 0))),
                 qPrintable(snapshots->messages()->plainText()));
        QVERIFY(!snapshots->timeline()->selectionModel()->hasSelection()); // nothing chosen in its place
        // The window is now on the archive server, and Alt+Right comes back to live.
        QCOMPARE(m_window->currentServer(), m_window->sidebar()->model()->serverIds().value(0));
        QVERIFY(!switcher()->previousAction()->isEnabled());
        goTo(2);
        QCOMPARE(m_window->currentDatabase(), week(3));
    }

    void eventsSayWhichEndpointAWeekLacks()
    {
        gui::EventsPane *events = m_window->eventsPane();
        m_window->showPane(events);
        auto *menu = child<QToolButton>(events, "filterEndpoints")->menu();
        // This week's endpoints (the list of the week before may still be there a moment).
        const auto listed = [menu] {
            for (QAction *a : menu->actions())
                if (a->data().toString() == QLatin1String("/my/agent"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), kTimeout);
        for (QAction *a : menu->actions())
            if (a->data().toString() == QLatin1String("/my/agent"))
                a->setChecked(true);
        events->applyFilter();
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) && events->model()->rowAt(0)->endpoint == QLatin1String("/my/agent"),
                                 kTimeout);
        goTo(0);
        QTRY_VERIFY_WITH_TIMEOUT(events->errors()->isVisible(), kTimeout);
        QVERIFY2(events->errors()->plainText().contains(QLatin1String("/my/agent")), qPrintable(events->errors()->plainText()));
        // Still chosen, marked: the filter says what it asks for.
        bool chosen = false;
        for (QAction *a : menu->actions())
            if (a->data().toString() == QLatin1String("/my/agent"))
                chosen = a->isChecked() && a->text().contains(QLatin1String("none in this database"));
        QVERIFY(chosen);
        QCOMPARE(events->model()->rowCount(), 0);
        goTo(2);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(events->model()->rowAt(0)->endpoint, QStringLiteral("/my/agent"));
    }

    void eventsKeepEachWeeksSelectedEvent()
    {
        gui::EventsPane *events = m_window->eventsPane();
        m_window->showPane(events);
        const auto select = [events](int row) {
            QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(row) != nullptr, kTimeout);
            events->table()->selectionModel()->setCurrentIndex(
                events->model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            QCOMPARE(events->detail()->currentId(), events->model()->rowAt(row)->id);
        };
        const auto selectedId = [events]() -> qint64 {
            const auto *row = events->model()->rowAt(events->table()->currentIndex().row());
            return row ? row->id : 0;
        };
        QCOMPARE(m_window->currentDatabase(), week(3));
        select(2);
        const qint64 third = events->detail()->currentId();
        // Another week shows none of this one's selection; it gets its own.
        goTo(1);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(0) != nullptr, kTimeout);
        QCOMPARE(events->detail()->currentId(), qint64(0));
        select(1);
        const qint64 second = events->detail()->currentId();
        // Coming back selects each week's own event again, row and viewer alike.
        goTo(2);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), third, kTimeout);
        QCOMPARE(selectedId(), third);
        goTo(1);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), second, kTimeout);
        QCOMPARE(selectedId(), second);
        goTo(2);
        QTRY_COMPARE_WITH_TIMEOUT(events->detail()->currentId(), third, kTimeout);
    }

    void replayKeepsTheGameAndPlay()
    {
        gui::ReplayPane *replay = m_window->replayPane();
        m_window->showPane(replay);
        QTRY_VERIFY_WITH_TIMEOUT(replay->gameModel()->rowCount() > 0, kTimeout);
        auto *games = replay->findChild<QTableView *>();
        QVERIFY(games);
        replay->openGame(replay->gameModel()->game(0)->id);
        QTRY_VERIFY_WITH_TIMEOUT(replay->currentPlay() > 0, kTimeout);
        const QString game = replay->currentGame();
        replay->seek(replay->playModel()->rowCount() > 3 ? 3 : 1);
        const int play = replay->currentPlay();
        goTo(1); // week 2: the same seed, the same game
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentGame(), game, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentPlay(), play, kTimeout);
        goTo(0); // week 1: another seed, no such game
        auto *banner = replay->findChild<gui::Banner *>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->plainText().contains(game), kTimeout);
        QVERIFY(replay->currentGame().isEmpty());
        goTo(2);
    }

    void oneFamilyInTheSidebarTheAdminPaneAndMetrics()
    {
        // The sidebar: "Families across servers" holds the family once, its weeks in week
        // order, each naming its server; choosing one is choosing that week there.
        models::ServerTreeModel *tree = m_window->sidebar()->model();
        QAbstractItemModelTester treeTester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex group = tree->indexOfFamilies();
        QVERIFY(group.isValid());
        QCOMPARE(tree->rowCount(group), 1);
        const QModelIndex family = tree->index(0, 0, group);
        QVERIFY2(family.data().toString().startsWith(QLatin1String("wk (3 week"))
                     && family.data().toString().endsWith(QLatin1String(" on 2 servers)")),
                 qPrintable(family.data().toString()));
        QCOMPARE(tree->rowCount(family), 3);
        const QModelIndex first = tree->index(0, 0, family);
        QCOMPARE(first.data().toString(), QStringLiteral("%1 on archive").arg(week(1)));
        QCOMPARE(tree->index(2, 0, family).data().toString(), QStringLiteral("%1 on live").arg(week(3)));
        QVERIFY(!tree->hasChildren(first)); // its schema tree is under its server
        m_window->sidebar()->view()->setCurrentIndex(first);
        QCOMPARE(m_window->currentDatabase(), week(1));
        QCOMPARE(m_window->currentServer(), first.data(models::ServerTreeModel::ServerIdRole).toString());

        // The admin pane of the archive: the family holds the live weeks too, greyed, naming
        // live, and never a target of the actions.
        models::DatabaseTreeModel *admin = m_window->databaseModel();
        QAbstractItemModelTester adminTester(admin, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QModelIndex wk;
        for (int r = 0; r < admin->rowCount(); ++r)
            if (admin->index(r, 0).data(models::DatabaseTreeModel::FamilyRole).toString() == m_prefix)
                wk = admin->index(r, 0);
        QVERIFY(wk.isValid());
        QCOMPARE(admin->rowCount(wk), 3);
        QCOMPARE(admin->index(0, 0, wk).data(models::DatabaseTreeModel::DatabaseNameRole).toString(), week(1));
        const QModelIndex liveWeek = admin->index(1, 0, wk);
        QCOMPARE(liveWeek.data(models::DatabaseTreeModel::ElsewhereRole).toString(), QStringLiteral("live"));
        QVERIFY(liveWeek.data(models::DatabaseTreeModel::DatabaseNameRole).toString().isEmpty());
        QCOMPARE(admin->index(1, models::DatabaseTreeModel::Server, wk).data().toString(), QStringLiteral("live"));
        QCOMPARE(admin->index(0, models::DatabaseTreeModel::Server, wk).data().toString(), QStringLiteral("archive"));
        QVERIFY(!m_window->adminPane()->findChild<QTreeView *>()->isColumnHidden(models::DatabaseTreeModel::Server));
        // Its drift matrix, from the admin pane: every week of both servers.
        m_window->adminPane()->findChild<QTreeView *>()->setCurrentIndex(wk);
        auto *driftButton = m_window->adminPane()->findChild<QPushButton *>(QStringLiteral("driftButton"));
        QVERIFY(driftButton->isEnabled()); // read-only: admin mode is off
        gui::CompareDialog *drift = m_window->showFamilyDrift(m_prefix);
        QVERIFY(drift);
        QSignalSpy driftDone(drift, &gui::CompareDialog::finished);
        QVERIFY(driftDone.wait(kTimeout));
        QCOMPARE(drift->driftTable()->rowCount(), 3);
        QVERIFY(drift->driftTable()->item(0, 0)->text().contains(QLatin1String("archive")));
        drift->close();

        // Metrics compares weeks over both servers, each read where it lives.
        goTo(2);
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *list = child<QListWidget>(metrics, "weekList");
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(0)->text(), QStringLiteral("%1 on archive").arg(week(1)));
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("events")));
        QVERIFY(combo->currentIndex() >= 0);
        metrics->setCompare({QStringLiteral("%1 on archive").arg(week(1)), week(3)}, metrics::Align::Reset);
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 2 && !metrics->runner()->isBusy(), kTimeout);
        QCOMPARE(metrics->shown().series.at(0).name, QStringLiteral("2025-W01 on archive"));
        QCOMPARE(metrics->shown().series.at(1).name, QStringLiteral("2025-W03"));
        double archived = 0;
        for (const auto &p : metrics->shown().series.at(0).points)
            archived += p.value;
        QCOMPARE(qint64(archived), scalar(*test::connect(m_archive.settings.withDatabase(week(1))),
                                          QStringLiteral("SELECT count(*) FROM raw.api_events")));
        metrics->setCompare({}, metrics::Align::Reset);
    }

    void metricsKeepTheMetric()
    {
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        const int pick = combo->count() > 2 ? 2 : 1;
        combo->setCurrentIndex(pick);
        const QString id = combo->currentData().toString();
        goTo(1);
        QCOMPARE(combo->currentData().toString(), id);
        goTo(2);
    }

    void metricsKeepTheTickedWeeksAndTheirColours()
    {
        gui::MetricsPane *metrics = m_window->metricsPane();
        auto *list = child<QListWidget>(metrics, "weekList");
        auto *combo = child<QComboBox>(metrics, "metricCombo");
        combo->setCurrentIndex(combo->findData(QStringLiteral("events")));
        goTo(1);
        const QStringList all{QStringLiteral("%1 on archive").arg(week(1)), week(2), week(3)};
        const auto ticked = [list] {
            QStringList out;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    out << list->item(i)->data(Qt::UserRole).toString();
            return out;
        };
        const auto colours = [metrics] {
            QMap<QString, int> out;
            const QList<int> drawn = metrics->chart()->colourIndexes();
            for (qsizetype i = 0; i < metrics->shown().series.size(); ++i)
                out.insert(metrics->shown().series.at(i).name, drawn.value(i, -1));
            return out;
        };
        metrics->setCompare(all, metrics::Align::Reset);
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 3 && !metrics->runner()->isBusy(), kTimeout);
        const QMap<QString, int> first = colours();
        QCOMPARE(QSet<int>(first.cbegin(), first.cend()).size(), 3); // three colours

        // Alt+Right with three weeks ticked: the same three stay ticked, each its colour.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(ticked(), all);
        QTRY_VERIFY_WITH_TIMEOUT(metrics->shown().series.size() == 3 && !metrics->runner()->isBusy(), kTimeout);
        QCOMPARE(colours(), first);
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(2), kTimeout);
        QCOMPARE(ticked(), all);

        // A lone tick on the week shown moves with it.
        metrics->setCompare({}, metrics::Align::Reset);
        list->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(ticked(), QStringList{week(2)});
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        QCOMPARE(ticked(), QStringList{week(3)});
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->runner()->isBusy(), kTimeout);
    }

    void compareWeeksSideBySide()
    {
        // From week 1 (archive) to week 2 (live): the schema; week 2 to 3: rows; drift of all.
        gui::CompareDialog dialog(switcher()->family(), switcher()->current());
        dialog.show();
        QSignalSpy done(&dialog, &gui::CompareDialog::finished);
        dialog.setSides(0, 1);
        dialog.compareSchemas();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("schema"));
        QTreeWidgetItem *added = tableChange(dialog, QStringLiteral("only_w02"));
        QVERIFY2(added, qPrintable(dialog.status()->text()));
        QCOMPARE(added->text(1), QStringLiteral("added"));
        dialog.schemaTree()->setCurrentItem(added);
        QVERIFY(dialog.rightDdl()->toPlainText().contains(QLatin1String("CREATE TABLE")));
        QVERIFY(dialog.leftDdl()->toPlainText().contains(QLatin1String("not there")));
        QVERIFY(dialog.script()->toPlainText().contains(QLatin1String("only_w02")));
        QTemporaryDir dir;
        QVERIFY(dialog.saveScript(dir.filePath(QStringLiteral("s.sql"))));

        dialog.setSides(1, 2);
        QAbstractItemModelTester rowsTester(dialog.rowsTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.compareRows(QStringLiteral("public.items"));
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("rows"));
        QCOMPARE(dialog.rowsTable()->rowCount(), 3);
        QVERIFY2(dialog.rowsSummary()->text().contains(QLatin1String("1 added, 1 removed, 1 changed, 48 the same")),
                 qPrintable(dialog.rowsSummary()->text()));
        bool marked = false;
        for (int r = 0; r < 3; ++r)
            if (dialog.rowsTable()->item(r, 0)->text() == QLatin1String("changed"))
                for (int c = 1; c < dialog.rowsTable()->columnCount(); ++c)
                    marked = marked || (dialog.rowsTable()->item(r, c)->background().style() != Qt::NoBrush
                                        && dialog.rowsTable()->item(r, c)->text().contains(QStringLiteral("→")));
        QVERIFY(marked);
        // The jsonb cell reads as the keyed JSON diff, not as two whole documents.
        bool jsonDiffed = false;
        QStringList cells;
        for (int r = 0; r < 3; ++r)
            for (int c = 1; c < dialog.rowsTable()->columnCount(); ++c) {
                cells << dialog.rowsTable()->item(r, c)->text();
                jsonDiffed = jsonDiffed || cells.last() == QStringLiteral("$.g: 9 → 0");
            }
        QVERIFY2(jsonDiffed, qPrintable(cells.join(QLatin1Char('|'))));
        // Filters: by change, and by text in any cell.
        dialog.filterRows(QStringLiteral("added"), {});
        QCOMPARE(dialog.visibleRows(), 1);
        dialog.filterRows({}, QStringLiteral("ITEM 7"));
        QCOMPARE(dialog.visibleRows(), 1);
        dialog.filterRows(QStringLiteral("changed"), QStringLiteral("item 7"));
        QCOMPARE(dialog.visibleRows(), 0);
        dialog.filterRows({}, {});
        QCOMPARE(dialog.visibleRows(), 3);
        const QString jsonl = dir.filePath(QStringLiteral("d.jsonl"));
        dialog.exportRows(jsonl);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("export"));
        QFile lines(jsonl);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        const QList<QByteArray> records = lines.readAll().trimmed().split('\n');
        QCOMPARE(records.size(), 3);
        bool changedDoc = false;
        for (const QByteArray &record : records) {
            const QJsonObject o = QJsonDocument::fromJson(record).object();
            QVERIFY2(!o.isEmpty(), record.constData());
            if (o.value(QStringLiteral("change")).toString() == QLatin1String("changed")) {
                QCOMPARE(o.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("9"));
                changedDoc = o.value(QStringLiteral("changed")).toArray().contains(QStringLiteral("doc"));
            }
        }
        QVERIFY(changedDoc);
        const QString csv = dir.filePath(QStringLiteral("d.csv"));
        dialog.exportRows(csv);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("export"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 4); // header and three differences
        QVERIFY(!QFile::exists(csv + QStringLiteral(".partial")));
        // A table one side lacks is a clear result, not a failure.
        dialog.compareRows(QStringLiteral("public.only_w02"), {QStringLiteral("x")});
        QVERIFY(done.wait(kTimeout));
        done.clear();
        QVERIFY2(dialog.status()->text().contains(QLatin1String("missing")), qPrintable(dialog.status()->text()));
        // One kind of game data through each week's layout: the snapshots, matched by tick.
        dialog.compareKind(layout::Kind::Snapshots);
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("rows"));
        QVERIFY2(dialog.rowsSummary()->text().contains(QLatin1String("0 added, 0 removed"))
                     && dialog.rowsSummary()->text().contains(QLatin1String("matched by tick_number")),
                 qPrintable(dialog.rowsSummary()->text()));

        // A week against the schema Statescope's migrations make (in a scratch database of
        // the local sandbox, here the live server): what the week has of its own is removed.
        qputenv("STATESCOPE_SANDBOX_DIR", m_liveDir.path().toLocal8Bit());
        dialog.setSides(1, 1);
        dialog.compareWithMigrations();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(done.takeFirst().value(0).toString(), QStringLiteral("schema"));
        QTreeWidgetItem *own = tableChange(dialog, QStringLiteral("only_w02"));
        QVERIFY2(own && own->text(1) == QLatin1String("removed"), qPrintable(dialog.status()->text()));
        QVERIFY(dialog.script()->toPlainText().contains(QLatin1String("DROP TABLE")) && dialog.script()->toPlainText().contains(QLatin1String("only_w02")));
        QVERIFY(scalar(*test::connect(m_live.settings), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'statescope_scratch%'")) == 0);

        dialog.setSides(0, 2);
        dialog.compareApi();
        QVERIFY(done.wait(kTimeout));
        const auto agent = dialog.apiTree()->findItems(QStringLiteral("/my/agent"), Qt::MatchExactly);
        QCOMPARE(agent.size(), 1);
        QVERIFY2(agent.first()->text(1).startsWith(QStringLiteral("0 →")), qPrintable(agent.first()->text(1)));

        dialog.readDrift();
        QVERIFY(done.wait(kTimeout));
        QCOMPARE(dialog.driftTable()->rowCount(), 3);
        for (int r = 0; r < 3; ++r)
            QVERIFY(dialog.driftTable()->item(r, 1)->text().contains(QLatin1String("Statescope")));
    }

    void runOnWeeksStreamsOneGrid()
    {
        gui::ConsolePane *console = m_window->consolePane();
        m_window->showPane(console);
        QCOMPARE(console->family().weeks().size(), 3);
        // The dialog: every week ticked, two at once.
        console->editor()->setPlainText(QStringLiteral("SELECT count(*) AS n FROM raw.api_events"));
        {
            gui::FamilyRunDialog dialog(console->family(), console->editor()->currentStatement());
            QCOMPARE(dialog.weekList()->count(), 3);
            QCOMPARE(dialog.chosen().size(), 3);
            QCOMPARE(dialog.parallelism(), 2);
        }
        gui::FamilyRunView *view = console->runOnWeeks(console->family().weeks(), 2);
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(view, &gui::FamilyRunView::finished);
        QVERIFY(finished.wait(kTimeout));
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("week"));
        QCOMPARE(view->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("server"));
        QCOMPARE(view->model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("n"));
        QStringList weeks;
        for (int r = 0; r < 3; ++r) {
            weeks << view->model()->text(r, 0) + QLatin1Char('@') + view->model()->text(r, 1);
            // Each week's count as that database answers it.
            const bool archived = view->model()->text(r, 1) == QLatin1String("archive");
            const int n = view->model()->text(r, 0).right(2).toInt();
            const pg::ConnectionSettings db = (archived ? m_archive.settings : m_live.settings).withDatabase(week(n));
            QCOMPARE(view->model()->text(r, 2).toLongLong(), scalar(*test::connect(db), QStringLiteral("SELECT count(*) FROM raw.api_events")));
        }
        weeks.sort();
        QCOMPARE(weeks, (QStringList{QStringLiteral("2025-W01@archive"), QStringLiteral("2025-W02@live"), QStringLiteral("2025-W03@live")}));
        for (int r = 0; r < 3; ++r)
            QCOMPARE(view->weeksTable()->item(r, 2)->text(), QStringLiteral("done"));

        // A table only week 2 has: the other weeks are rows saying why; week 2's row is there.
        console->editor()->setPlainText(QStringLiteral("SELECT count(*) AS n FROM public.only_w02"));
        gui::FamilyRunView *partial = console->runOnWeeks(console->family().weeks(), 1);
        QSignalSpy partialDone(partial, &gui::FamilyRunView::finished);
        QVERIFY(partialDone.wait(kTimeout));
        QCOMPARE(partial->model()->failedWeeks(), 2);
        QCOMPARE(partial->model()->rowCount(), 3);
        int failedRows = 0;
        for (int r = 0; r < 3; ++r)
            failedRows += partial->model()->index(r, 0).data(models::FamilyResultModel::FailedRole).toBool();
        QCOMPARE(failedRows, 2);
        QVERIFY(partial->summary()->text().contains(QLatin1String("2 failed")));

        // A write is refused before anything runs.
        console->editor()->setPlainText(QStringLiteral("DELETE FROM raw.api_events"));
        QVERIFY(!console->runOnWeeks(console->family().weeks(), 2));
        QVERIFY(console->banner()->isVisible());
    }

    void runOnWeeksStopsAndCharts()
    {
        gui::ConsolePane *console = m_window->consolePane();
        console->editor()->setPlainText(QStringLiteral("SELECT 1 AS one, pg_sleep(30)"));
        gui::FamilyRunView *slow = console->runOnWeeks(console->family().weeks(), 3);
        QSignalSpy done(slow, &gui::FamilyRunView::finished);
        QTest::qWait(500);
        QVERIFY(slow->isRunning());
        QTest::mouseClick(child<QPushButton>(slow, "familyRunStop"), Qt::LeftButton);
        QVERIFY(done.wait(kTimeout));
        // Stopped, not waited out: no week got to the end of its 30-second statement.
        QVERIFY(slow->summary()->text().contains(QLatin1String("Stopped")));
        for (int r = 0; r < 3; ++r)
            QVERIFY2(slow->weeksTable()->item(r, 2)->text() != QLatin1String("done"),
                     qPrintable(slow->weeksTable()->item(r, 2)->text()));

        // Events per hour, a line per week.
        console->editor()->setPlainText(QStringLiteral(
            "SELECT date_trunc('hour', fetched_at) AS hour, count(*) AS events FROM raw.api_events GROUP BY 1 ORDER BY 1"));
        gui::FamilyRunView *chart = console->runOnWeeks(console->family().weeks(), 2);
        QSignalSpy chartDone(chart, &gui::FamilyRunView::finished);
        QVERIFY(chartDone.wait(kTimeout));
        QVERIFY(chart->showChart());
        QCOMPARE(chart->chart()->seriesCount(), 3);
        // A result without a time column says there is nothing to chart.
        QVERIFY(!slow->showChart());
        QVERIFY(slow->summary()->text().contains(QLatin1String("Nothing to chart")));
    }

    void movingAWeekToTheArchiveServer()
    {
        // Last: week 2 leaves the live server for the archive, from the Admin pane, and the
        // family still has its three weeks, week 2 now on the archive.
        if (m_window->sidebar()->currentServer() != m_window->sidebar()->model()->serverIds().last())
            m_window->sidebar()->select(m_window->sidebar()->model()->serverIds().last(), week(3));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
        const qint64 events = test::scalar(*test::connect(m_live.settings.withDatabase(week(2))),
                                           QStringLiteral("SELECT count(*) FROM raw.api_events"));
        gui::AdminPane *admin = m_window->adminPane();
        m_window->showPane(admin);
        m_window->adminModeAction()->setChecked(true);
        const QModelIndex row = m_window->databaseModel()->indexOfDatabase(week(2));
        QVERIFY(row.isValid());
        admin->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto *move = admin->findChild<QPushButton *>(QStringLiteral("moveButton"));
        QTRY_VERIFY_WITH_TIMEOUT(move->isEnabled(), kTimeout);
        QTest::mouseClick(move, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = admin->findChild<gui::ConfirmDialog *>(QStringLiteral("moveConfirm")))
                                     && dialog->isVisible(),
                                 kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // the name is to be typed first
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), week(2));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        // On the archive server now, listed there, gone from the live one.
        QTRY_VERIFY_WITH_TIMEOUT(admin->findChild<gui::Banner *>()->isVisible()
                                     && admin->findChild<gui::Banner *>()->text().contains(QLatin1String("Moved")),
                                 kTimeout);
        QCOMPARE(test::scalar(*test::connect(m_archive.settings.withDatabase(week(2))),
                              QStringLiteral("SELECT count(*) FROM raw.api_events")),
                 events);
        QCOMPARE(test::scalar(*test::connect(m_live.settings), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"),
                              {week(2)}),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->combo()->count(), 3, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(switcher()->combo()->itemText(1), QStringLiteral("2025-W02 on archive"), kTimeout);
        m_window->adminModeAction()->setChecked(false);
    }
};

QTEST_MAIN(TestWeeks)
#include "tst_weeks.moc"
