// The GUI audit (issue 36): the window as a person meets it on the embedded default's demo
// data, every pane and every tab inside it, and the dialogs a person opens most, checked by
// a machine in one look per run (STATESCOPE_AUDIT_LOOK: light, dark or german) on one screen
// size (STATESCOPE_AUDIT_SCREEN, e.g. 1280x800, given to the offscreen platform as its
// screen). It fails on any finding of tests/gui/audit/uiaudit.h: a window past the screen, a
// widget outside its window, a label cut (an ElidingLabel ends in "…" instead), other text
// cut with no tooltip holding it, contrast under 4.5:1, two shortcuts answering in one place,
// English on a German screen, "(s)" plurals. Every state is saved as a screenshot under
// STATESCOPE_AUDIT_SHOTS for a person to look through.

#include "gui/audit/auditrun.h"
#include "gui/audit/auditstates.h"
#include "gui/audit/uiaudit.h"
#include "support/testserver.h"

#include "core/plurals.h"
#include "core/settings.h"
#include "gui/admin/adminpane.h"
#include "gui/activity/activitypane.h"
#include "gui/compare/comparedialog.h"
#include "gui/console/consolepane.h"
#include "gui/events/eventspane.h"
#include "gui/find/findpane.h"
#include "gui/find/storywindow.h"
#include "gui/metrics/metricspane.h"
#include "gui/players/playereventspane.h"
#include "gui/replay/boxscore.h"
#include "gui/replay/replaypane.h"
#include "gui/shards/shardspane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jsonview.h"
#include "core/json/document.h"
#include "gui/widgets/style.h"
#include "gui/window/connectiondialog.h"
#include "gui/window/mainwindow.h"
#include "gui/window/sidebar.h"
#include "gui/events/eventdetail.h"
#include "gui/widgets/diffview.h"
#include "gui/widgets/familyrun.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <memory>
#include <utility>

using namespace statescope;
using namespace statescope::test;

using namespace statescope::test::auditrun;

class TestAudit : public QObject
{
    Q_OBJECT

    std::unique_ptr<gui::MainWindow> m_window;
    std::unique_ptr<audit::Audit> m_audit;
    QDir m_shots;
    int m_shot = 0;
    int m_dockWidth = 0;

    void record(QWidget *window, const QString &context)
    {
        QCoreApplication::processEvents();
        m_audit->check(window, context);
        // The sidebar keeps the width it was first shown with: a pane that asks for more than
        // is left beside it squeezes it, and the databases' names are cut from then on.
        if (window == m_window.get()) {
            const auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("databasesDock"));
            if (m_dockWidth == 0)
                m_dockWidth = dock->width();
            else if (dock->width() < m_dockWidth - 2) {
                // Named: the deepest widget shown that asks for (nearly) the whole width.
                QWidget *central = m_window->centralWidget();
                const int need = central->minimumSizeHint().width();
                const QWidget *widest = central;
                for (QWidget *w : central->findChildren<QWidget *>())
                    if (w->isVisible() && w->minimumSizeHint().width() >= need - 60
                        && audit::pathOf(w).size() > audit::pathOf(widest).size())
                        widest = w;
                m_audit->report(QStringLiteral("squeezed"), widest,
                                QStringLiteral("the sidebar is %1 px wide, first %2 px: this asks for %3 px")
                                    .arg(dock->width()).arg(m_dockWidth).arg(widest->minimumSizeHint().width()));
            }
        }
        const QString name = QStringLiteral("%1-%2.png").arg(++m_shot, 3, 10, QLatin1Char('0')).arg(fileName(context));
        QVERIFY(window->grab().save(m_shots.filePath(name)));
    }

    // The pane, then each tab of each tab widget in it (one level), each once loaded.
    void walk(QWidget *pane, const QString &name)
    {
        m_window->showPane(pane);
        settle(m_window.get());
        record(m_window.get(), name);
        for (QTabWidget *tabs : pane->findChildren<QTabWidget *>()) {
            if (!tabs->isVisible())
                continue;
            const int was = tabs->currentIndex();
            for (int i = 0; i < tabs->count(); ++i) {
                if (i == was || !tabs->isTabEnabled(i))
                    continue;
                tabs->setCurrentIndex(i);
                settle(m_window.get());
                record(m_window.get(), QStringLiteral("%1, %2").arg(name, tabs->tabText(i).remove(QLatin1Char('&'))));
            }
            tabs->setCurrentIndex(was);
        }
    }

    // The dialog a button opens (after its preview is read), checked and shot, then
    // cancelled: nothing it offers is done.
    void dialogOfButton(QAbstractButton *button, const QString &name)
    {
        QVERIFY2(button && button->isEnabled(), qPrintable(name));
        const auto opened = [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                return modal;
            for (QWidget *w : QApplication::topLevelWidgets()) // a dialog that is not modal
                if (qobject_cast<QDialog *>(w) && w->isVisible())
                    return w;
            return static_cast<QWidget *>(nullptr);
        };
        button->click();
        QTRY_VERIFY2_WITH_TIMEOUT(opened() != nullptr, qPrintable(name), kTimeout);
        QWidget *dialog = opened();
        settle(m_window.get());
        QTest::qWait(200);
        record(dialog, name);
        if (auto *d = qobject_cast<QDialog *>(dialog))
            d->reject();
        else
            dialog->close();
        QTRY_VERIFY(opened() == nullptr);
    }

    // A destructive action's button on a pane: its confirmation checked, shot and cancelled,
    // or, where the week refuses it (not adopted, nothing to prune), the pane saying why.
    void confirmationOrReason(QWidget *pane, const char *button, const QString &name)
    {
        m_window->showPane(pane);
        settle(m_window.get());
        auto *b = pane->findChild<QAbstractButton *>(QLatin1String(button));
        QVERIFY2(b, button);
        if (!b->isEnabled()) {
            qInfo("%s: disabled here (%s)", qPrintable(name), qPrintable(b->toolTip()));
            return;
        }
        b->click();
        settle(m_window.get());
        QTest::qWait(200);
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            record(dialog, name);
            qobject_cast<QDialog *>(dialog)->reject();
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
        } else {
            record(m_window.get(), name + QStringLiteral(", refused"));
        }
    }

    // A modal dialog the action opens, checked and shot, then closed.
    void dialogOf(QAction *action, const QString &name)
    {
        QVERIFY2(action, qPrintable(name));
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, kTimeout);
            QWidget *dialog = QApplication::activeModalWidget();
            QTest::qWait(200);
            record(dialog, name);
            seen = true;
            if (auto *d = qobject_cast<QDialog *>(dialog))
                d->reject();
            else
                dialog->close();
        });
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(seen, kTimeout);
    }

private slots:
    void initTestCase()
    {
        useOwnHome();
        m_shots = QDir(qEnvironmentVariable("STATESCOPE_AUDIT_SHOTS", QDir::tempPath() + QStringLiteral("/audit-shots")));
        const QString folder = QStringLiteral("%1-%2x%3").arg(look()).arg(screenSize().width()).arg(screenSize().height());
        QVERIFY(m_shots.mkpath(folder));
        QVERIFY(m_shots.cd(folder));
        for (const QString &old : m_shots.entryList({QStringLiteral("*.png")}))
            m_shots.remove(old);
        QCOMPARE(QGuiApplication::primaryScreen()->size(), screenSize());
        m_audit = std::make_unique<audit::Audit>(screenSize(), look() == QLatin1String("german"));

        m_window = std::make_unique<gui::MainWindow>();
        QVERIFY2(openOnSandbox(*m_window).size() >= 6, "the demo databases");
        settle(m_window.get());
    }

    void cleanupTestCase() { m_window.reset(); }

    QList<QPair<QWidget *, QString>> panes() const
    {
        return {{m_window->eventsPane(), QStringLiteral("Events")},     {m_window->snapshotsPane(), QStringLiteral("Snapshots")},
                {m_window->metricsPane(), QStringLiteral("Metrics")},   {m_window->replayPane(), QStringLiteral("Replay")},
                {m_window->tablesPane(), QStringLiteral("Tables")},     {m_window->consolePane(), QStringLiteral("SQL")},
                {m_window->adminPane(), QStringLiteral("Admin")},       {m_window->playerEventsPane(), QStringLiteral("Players")},
                {m_window->activityPane(), QStringLiteral("Activity")}, {m_window->shardsPane(), QStringLiteral("Shards")}};
    }

    void everyPane()
    {
        for (const auto &[pane, name] : panes())
            walk(pane, name);

        // The week's tables in the tree, each with its rows and size beside its name.
        QTreeView *tree = m_window->sidebar()->view();
        const QModelIndex week = tree->currentIndex();
        openTables(tree, week);
        if (QTest::currentTestFailed())
            return;
        record(m_window.get(), QStringLiteral("the server tree with a week's tables"));
        const auto collapse = qScopeGuard([&] { tree->collapse(week); });

        // The server tree dragged narrow: its names are cut, each still told apart (a
        // family's weeks once all read "spacetraders_2025_...").
        auto *side = m_window->findChild<QWidget *>(QStringLiteral("sidebarPanel"));
        auto *dock = side ? qobject_cast<QDockWidget *>(side->parentWidget()) : nullptr;
        QVERIFY(dock);
        const int before = dock->width();
        const int narrow = side->minimumWidth();
        m_window->resizeDocks({dock}, {narrow}, Qt::Horizontal);
        settle(m_window.get());
        QVERIFY2(dock->width() <= before, qPrintable(QStringLiteral("%1 px, was %2").arg(dock->width()).arg(before)));
        // Narrowed on purpose here, not squeezed by a pane.
        const int first = std::exchange(m_dockWidth, dock->width());
        record(m_window.get(), QStringLiteral("the server tree narrowed"));
        m_dockWidth = first;
        m_window->resizeDocks({dock}, {before}, Qt::Horizontal);
        settle(m_window.get());
        QVERIFY2(dock->width() >= before - 2, qPrintable(QStringLiteral("%1 px, was %2").arg(dock->width()).arg(before)));
    }

    // The states a person works in: a diff of two events, a filter refused with its
    // error under the field, a diff of two snapshots, a statement's result grid.
    void withContent()
    {
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        settle(m_window.get());
        auto *sel = events->table()->selectionModel();
        sel->select(events->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        sel->select(events->model()->index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(events->diffSelected());
        QTRY_VERIFY_WITH_TIMEOUT(events->detail()->diffView()->hasResult(), kTimeout);
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("Events, diff of two events"));

        auto *contains = events->findChild<QLineEdit *>(QStringLiteral("filterContains"));
        QVERIFY(contains);
        contains->setText(QStringLiteral("{\"data\": {\"symbol\": "));
        events->findChild<QPushButton *>(QStringLiteral("filterApply"))->click();
        settle(m_window.get());
        QTRY_VERIFY_WITH_TIMEOUT(events->findChild<QLabel *>(QStringLiteral("filterContainsError"))->isVisible(), kTimeout);
        record(m_window.get(), QStringLiteral("Events, a filter refused"));
        events->findChild<QPushButton *>(QStringLiteral("filterClear"))->click();
        settle(m_window.get());

        auto *snapshots = m_window->snapshotsPane();
        m_window->showPane(snapshots);
        settle(m_window.get());
        if (snapshots->diffSelected()) {
            QTRY_VERIFY_WITH_TIMEOUT(snapshots->diffView()->hasResult(), kTimeout);
            settle(m_window.get());
            record(m_window.get(), QStringLiteral("Snapshots, diff of two snapshots"));
        }

        auto *replay = m_window->replayPane();
        m_window->showPane(replay);
        settle(m_window.get());
        auto *games = replay->findChild<QTableView *>(QStringLiteral("gameView"));
        QVERIFY(games && games->model()->rowCount() > 0);
        games->selectRow(1);
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("Replay, a game open"));
        // The same game under a placed-runner rule, stated in its dialog: the rules line, the
        // play flagged where the demo's 10th has no runner, the box score's PR column.
        const auto rulesDialog = [&](const char *button) {
            replay->findChild<QAbstractButton *>(QStringLiteral("editRules"))->click();
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, kTimeout);
            QWidget *dialog = QApplication::activeModalWidget();
            if (QLatin1String(button) == QLatin1String("save")) {
                dialog->findChild<QAbstractButton *>(QStringLiteral("placedRunner"))->setChecked(true);
                dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
            } else {
                dialog->findChild<QAbstractButton *>(QStringLiteral("forgetRules"))->click();
            }
            QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
            settle(m_window.get());
        };
        rulesDialog("save");
        games->selectRow(1);
        settle(m_window.get());
        replay->detailTabs()->setCurrentWidget(replay->boxScore());
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("Replay, a game under a placed-runner rule"));
        replay->detailTabs()->setCurrentIndex(0);
        rulesDialog("forget");

        // A table open: its title names its kind, size and how it is paged.
        auto *tables = m_window->tablesPane();
        m_window->showPane(tables);
        tables->openRelation(QStringLiteral("raw"), QStringLiteral("api_events"));
        QTRY_VERIFY_WITH_TIMEOUT(tables->model()->rowCount() > 0, kTimeout);
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("Tables, a table open"));

        auto *console = m_window->consolePane();
        m_window->showPane(console);
        console->editor()->setPlainText(QStringLiteral("SELECT id, endpoint, status_code, payload FROM raw.api_events ORDER BY id LIMIT 50"));
        console->runCurrent();
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("SQL, a result"));

        // A result paged after its cursor was let go (the hold passed): read again by running
        // the statement again, and the tab says so.
        console->editor()->setPlainText(QStringLiteral("SELECT g, md5(g::text) AS h FROM generate_series(1, 20000) g"));
        console->runCurrent();
        settle(m_window.get());
        auto *grid = qobject_cast<QTableView *>(console->results()->currentWidget());
        QVERIFY(grid);
        auto *rows = qobject_cast<models::RowGridModel *>(grid->model());
        QVERIFY(rows);
        QTRY_VERIFY_WITH_TIMEOUT(!rows->cursorHeld(), kTimeout);
        QSignalSpy reran(rows, &models::RowGridModel::rerun);
        for (int i = 0; i < 400 && !rows->countIsExact(); ++i) {
            grid->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(!rows->isLoading(), kTimeout);
            QTest::qWait(20);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!reran.isEmpty(), kTimeout);
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("SQL, rows read again"));

        // Charts at the size the panes give them: events per hour of each week, run on
        // every week of the family, and a metric of one week.
        console->editor()->setPlainText(QStringLiteral(
            "SELECT date_trunc('hour', fetched_at) AS hour, count(*) AS events FROM raw.api_events GROUP BY 1 ORDER BY 1"));
        gui::FamilyRunView *run = console->runOnWeeks(console->family().weeks(), 2);
        QVERIFY(run);
        QSignalSpy runDone(run, &gui::FamilyRunView::finished);
        QVERIFY(runDone.wait(kTimeout));
        QVERIFY(run->showChart());
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("SQL, run on weeks charted"));

        auto *metrics = m_window->metricsPane();
        m_window->showPane(metrics);
        metrics->selectMetric(QStringLiteral("events"));
        metrics->run();
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->shown().series.isEmpty() && !metrics->runner()->isBusy(), kTimeout);
        settle(m_window.get());
        record(m_window.get(), QStringLiteral("Metrics, a metric drawn"));

        // Find (Ctrl+K): an event's request key, in every week of the family, the rows under
        // the panes.
        m_window->showPane(events);
        settle(m_window.get());
        const auto *row = events->model()->rowAt(0);
        QVERIFY(row);
        const QString value = row->requestKey.isEmpty() ? QString::number(row->id) : row->requestKey;
        m_window->activateWindow();
        m_window->findChild<QAction *>(QStringLiteral("findAction"))->trigger(); // Ctrl+K
        QTRY_VERIFY(m_window->findField()->hasFocus());
        QTest::keyClicks(m_window->findField(), value);
        QSignalSpy found(m_window->findPane(), &gui::FindPane::finished);
        QTest::keyClick(m_window->findField(), Qt::Key_Return);
        QVERIFY(found.wait(kTimeout));
        QVERIFY(m_window->findPane()->rowCount() > 0);
        settle(m_window.get());
        QWidget *findWindow = m_window->findPane()->window();
        QVERIFY(findWindow != m_window.get() && findWindow->isVisible());
        record(findWindow, QStringLiteral("Find, rows found in every week"));
        m_window->findPane()->tabs()->setCurrentIndex(1);
        record(findWindow, QStringLiteral("Find, what was not searched"));
        m_window->findPane()->tabs()->setCurrentIndex(0);
        // Story, from the first row found: the value's story in that week.
        m_window->findPane()->results()->setCurrentIndex(m_window->findPane()->results()->model()->index(0, 0));
        QTest::mouseClick(m_window->findPane()->storyButton(), Qt::LeftButton);
        gui::StoryWindow *story = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((story = m_window->findChild<gui::StoryWindow *>()) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(story->entryCount() > 0 && !story->isBusy(), kTimeout);
        settle(story);
        record(story, QStringLiteral("Story of a found value"));
        story->close();
        qobject_cast<QDialog *>(findWindow)->reject();
        QTRY_VERIFY(!findWindow->isVisible());
    }

    void adminMode()
    {
        m_window->adminModeAction()->setChecked(true);
        walk(m_window->adminPane(), QStringLiteral("Admin, admin mode on"));
        // What a support engineer opens there, each cancelled: previews and typed confirmations.
        for (const auto &[button, name] : QList<QPair<const char *, QString>>{
                 {"resetButton", QStringLiteral("Reset dialog")},
                 {"dropButton", QStringLiteral("Drop dialog")},
                 {"createButton", QStringLiteral("Create next week dialog")},
                 {"upkeepButton", QStringLiteral("Upkeep dialog")},
                 {"retentionButton", QStringLiteral("Dump retention dialog")},
                 {"auditLogButton", QStringLiteral("Audit log dialog")}})
            dialogOfButton(m_window->adminPane()->findChild<QAbstractButton *>(QLatin1String(button)), name);
        // The game's own destructive actions: prune and roll back the snapshots, roll a game
        // back to a play.
        confirmationOrReason(m_window->snapshotsPane(), "pruneButton", QStringLiteral("Snapshots, prune"));
        if (auto *timeline = m_window->snapshotsPane()->findChild<QAbstractItemView *>(QStringLiteral("snapshotTimeline"));
            timeline && timeline->model() && timeline->model()->rowCount() > 2)
            timeline->setCurrentIndex(timeline->model()->index(2, 0)); // an older snapshot
        confirmationOrReason(m_window->snapshotsPane(), "rollbackButton", QStringLiteral("Snapshots, roll back"));
        {
            auto *replay = m_window->replayPane();
            m_window->showPane(replay);
            settle(m_window.get());
            auto *games = replay->findChild<QTableView *>(QStringLiteral("gameView"));
            auto *rollback = replay->findChild<QAbstractButton *>(QStringLiteral("rollbackButton"));
            QVERIFY(games && rollback);
            // The first game still in play (a completed one cannot be rolled back).
            for (int row = 0; row < games->model()->rowCount() && !rollback->isEnabled(); ++row) {
                games->selectRow(row);
                settle(m_window.get());
            }
            confirmationOrReason(replay, "rollbackButton", QStringLiteral("Replay, roll back to a play"));
            confirmationOrReason(replay, "editRules", QStringLiteral("Replay, league rules"));
            // A game's own tables without an index on a reference to lineup rows: the offer
            // and its dialog (the weekly schema has them all; one is taken away meanwhile).
            QVERIFY(replay->database());
            // The runs share the database: one at a time (a session lock, given up with it).
            auto conn = test::connect(*replay->database());
            conn->exec(QStringLiteral("SELECT pg_advisory_lock(38038)"));
            conn->exec(QStringLiteral("DROP INDEX core.plays_batter_idx"));
            const auto restore = qScopeGuard([&] {
                conn->exec(QStringLiteral("CREATE INDEX plays_batter_idx ON core.plays (batter_id)"));
                conn->exec(QStringLiteral("SELECT pg_advisory_unlock(38038)"));
                replay->reloadGames();
                settle(m_window.get());
            });
            replay->reloadGames();
            settle(m_window.get());
            QVERIFY(replay->findChild<QAbstractButton *>(QStringLiteral("indexReferences"))->isVisible());
            record(m_window.get(), QStringLiteral("Replay, offer to index the references to lineups"));
            confirmationOrReason(replay, "indexReferences", QStringLiteral("Replay, index the references to lineups"));
        }
        // A write the read-only console refused, offered to run after a typed confirmation:
        // the whole statement, its WHERE clause too, is in sight.
        m_window->showPane(m_window->consolePane());
        m_window->consolePane()->editor()->setPlainText(
            QStringLiteral("update core.game_config set value = '7' where key = 'tick_rate' and value is distinct from '7'"));
        m_window->consolePane()->runCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, kTimeout);
        {
            QWidget *dialog = QApplication::activeModalWidget();
            QTest::qWait(200);
            record(dialog, QStringLiteral("SQL, write confirmation"));
            qobject_cast<QDialog *>(dialog)->reject();
        }
        // The admin bar's keys beside every pane's own.
        for (QWidget *pane : std::initializer_list<QWidget *>{m_window->eventsPane(), m_window->snapshotsPane(),
                                                              m_window->replayPane(), m_window->tablesPane(),
                                                              m_window->consolePane(), m_window->shardsPane()}) {
            m_window->showPane(pane);
            settle(m_window.get());
            record(m_window.get(), QStringLiteral("%1, admin mode on").arg(QString::fromLatin1(pane->metaObject()->className()).section(QLatin1String("::"), -1)));
        }
        m_window->adminModeAction()->setChecked(false);
    }

    void dialogs()
    {
        dialogOf(m_window->findChild<QAction *>(QStringLiteral("shortcutsAction")), QStringLiteral("Keyboard shortcuts"));
        dialogOf(m_window->findChild<QAction *>(QStringLiteral("connectAction")), QStringLiteral("Connect"));
        QWidget *guide = openGuide(m_window.get());
        QVERIFY2(guide, "Help > User guide");
        record(guide, QStringLiteral("User guide"));
        guide->close();
        {
            // A pg_auto_failover formation typed in: its fields filled, host and port off.
            gui::ConnectionDialog connect(m_window.get());
            connect.show();
            QTest::mouseClick(connect.findChild<QPushButton *>(QStringLiteral("newButton")), Qt::LeftButton);
            QTest::keyClicks(connect.findChild<QLineEdit *>(QStringLiteral("conninfoEdit")),
                             QStringLiteral("monitor='postgres://autoctl_node@mon:5000/pg_auto_failover' formation=games "
                                            "pooler_port=6432 target_session_attrs=prefer-standby dbname=game_w01"));
            QVERIFY(!connect.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->isEnabled());
            settle(&connect);
            record(&connect, QStringLiteral("Connect, a formation"));
        }
        // The current week gets a comment, extended statistics, a rule and a table of another
        // owner the others lack, so the schema and drift tabs name those kinds too (restored
        // after; one run at a time).
        QVERIFY(m_window->replayPane()->database());
        auto planted = test::connect(*m_window->replayPane()->database());
        planted->exec(QStringLiteral("SELECT pg_advisory_lock(38038)"));
        planted->execScript(QStringLiteral(
            // A run killed before its clean-up left them: planted afresh.
            "DROP STATISTICS IF EXISTS core.audit_stats; DROP RULE IF EXISTS audit_rule ON core.game_config;"
            "COMMENT ON TABLE core.games IS 'audit'; CREATE STATISTICS core.audit_stats ON inning, half FROM core.plays;"
            "CREATE RULE audit_rule AS ON UPDATE TO core.game_config DO ALSO NOTHING;"
            "DO $$ BEGIN IF to_regrole('audit_owner') IS NULL THEN CREATE ROLE audit_owner; END IF; END $$;"
            "ALTER TABLE core.game_config OWNER TO audit_owner;"));
        const auto unplant = qScopeGuard([&] {
            planted->execScript(QStringLiteral("COMMENT ON TABLE core.games IS NULL; DROP STATISTICS core.audit_stats;"
                                               "DROP RULE audit_rule ON core.game_config;"
                                               "REASSIGN OWNED BY audit_owner TO CURRENT_USER;"));
            planted->exec(QStringLiteral("SELECT pg_advisory_unlock(38038)"));
        });
        gui::CompareDialog *compare = m_window->showFamilyDrift(QStringLiteral("spacetraders"));
        QVERIFY(compare);
        auto *tabs = compare->findChild<QTabWidget *>();
        QVERIFY(tabs);
        if (auto *table = compare->findChild<QLineEdit *>(QStringLiteral("rowsTableName")))
            table->setText(QStringLiteral("core.games"));
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            // Each tab with its answer: the compare (or drift) button pressed.
            for (QPushButton *b : tabs->widget(i)->findChildren<QPushButton *>())
                if (b->isVisible() && b->isEnabled() && (b->objectName().startsWith(QLatin1String("compare")) || b->objectName() == QLatin1String("readDrift"))) {
                    b->click();
                    break;
                }
            settle(compare);
            record(compare, QStringLiteral("Compare weeks, %1").arg(tabs->tabText(i).remove(QLatin1Char('&'))));
        }
        compare->close();
    }

    // Work under way, caught while it runs (issue 62): a statement that takes seconds, Stop
    // pressed on it, and a large document laid out for the JSON text view.
    void jobsShowThatTheyRun()
    {
        auto *console = m_window->consolePane();
        m_window->showPane(console);
        settle(m_window.get());
        // Typed as a person types, the last word offered for completion when Ctrl+Enter runs
        // it: the offer must not outlive the keystroke that ran the statement.
        typeWithAnOffer(console->editor(), QStringLiteral("SELECT pg_sleep(4) AS raw"));
        if (QTest::currentTestFailed())
            return;
        // Ctrl+Enter as a desktop delivers it: the Run button's shortcut takes it before the
        // editor sees a key, and presses the button (QAbstractButton on a shortcut event).
        // Offscreen, a key sent here reaches the editor, which closes its list itself.
        auto *run = console->findChild<QAbstractButton *>(QStringLiteral("runStatement"));
        QVERIFY(run && run->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Return));
        run->animateClick();
        QTest::qWait(700);
        m_audit->running(m_window.get(), QStringLiteral("SQL, a statement running"));
        QVERIFY(m_window->grab().save(m_shots.filePath(QStringLiteral("%1-sql-a-statement-running.png").arg(++m_shot, 3, 10, QLatin1Char('0')))));
        auto *stop = console->findChild<QAbstractButton *>(QStringLiteral("stopStatement"));
        QVERIFY(stop && stop->isEnabled());
        stop->click();
        settle(m_window.get());
        // A Stop asked for is no error.
        auto *banner = console->findChild<gui::Banner *>();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kTimeout);
        if (banner->kind() == gui::Banner::Kind::Error)
            m_audit->report(QStringLiteral("message"), banner, QStringLiteral("Stop pressed, and it reads as an error: ") + banner->plainText());
        QVERIFY(!stop->isEnabled()); // nothing runs: nothing to stop
        record(m_window.get(), QStringLiteral("SQL, a statement stopped"));

        // 9 MB of JSON in the Text view, laid out on the worker.
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        settle(m_window.get());
        gui::JsonView *json = events->detail()->jsonView();
        auto *tabs = json->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(tabs->count() - 1); // Text
        json->setDocument(json::Document::parse(manyShips(150000)), QStringLiteral("audit"));
        QTest::qWait(350);
        m_audit->running(m_window.get(), QStringLiteral("Events, a large document laid out"));
        settle(m_window.get());
        tabs->setCurrentIndex(0);
        events->table()->selectRow(0);
        settle(m_window.get());
    }

    // The theme switched while the app runs (View > Theme), as a person does: every pane and
    // its tabs again, with the colours each computed for the other theme now wrong where
    // they were kept (a JSON view's keys, a finding's tint, an icon's strokes).
    void themeSwitchedLive()
    {
        const bool dark = look() == QLatin1String("dark");
        const settings::Theme to = dark ? settings::Theme::Light : settings::Theme::Dark;
        auto *action = m_window->findChild<QAction *>(QStringLiteral("theme%1").arg(int(to)));
        QVERIFY(action);
        action->trigger();
        QVERIFY(gui::style::isDark() != dark);
        const auto restore = qScopeGuard([&] {
            m_window->findChild<QAction *>(QStringLiteral("theme%1").arg(int(dark ? settings::Theme::Dark : settings::Theme::Light)))->trigger();
        });
        const QString switched = dark ? QStringLiteral("Dark to Light live") : QStringLiteral("Light to Dark live");
        settle(m_window.get());
        for (const auto &[pane, name] : panes())
            walk(pane, QStringLiteral("%1, %2").arg(switched, name));
        // An event's payload in each of its views (the text view's keys, strings, numbers).
        auto *events = m_window->eventsPane();
        m_window->showPane(events);
        events->table()->selectRow(0);
        settle(m_window.get());
        for (QTabWidget *tabs : events->detail()->findChildren<QTabWidget *>())
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isVisible() || !tabs->isTabEnabled(i))
                    continue;
                tabs->setCurrentIndex(i);
                settle(m_window.get());
                record(m_window.get(), QStringLiteral("%1, Events, an event's %2").arg(switched, tabs->tabText(i).remove(QLatin1Char('&'))));
            }
        m_window->adminModeAction()->setChecked(true);
        walk(m_window->adminPane(), QStringLiteral("%1, Admin, admin mode on").arg(switched));
        m_window->adminModeAction()->setChecked(false);
    }

    // Last: every finding of every state, then the verdict.
    void noFindings()
    {
        QVERIFY2(m_audit->looked() > 1000, qPrintable(QString::number(m_audit->looked())));
        QStringList lines;
        for (const audit::Finding &f : m_audit->findings())
            lines << f.line();
        for (const QString &l : std::as_const(lines))
            qInfo().noquote() << l;
        QVERIFY2(lines.isEmpty(), qPrintable(QStringLiteral("%1 finding(s) in %2 (screenshots in %3)")
                                                 .arg(lines.size()).arg(look(), m_shots.path())));
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir config; // the screen, given to the offscreen platform before the application starts
    if (!setOffscreenScreen(screenSize(), config))
        return 2;

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("statescope"));
    QCoreApplication::setApplicationName(QStringLiteral("statescope"));
    // As the application starts (src/app/main.cpp): English plurals first, then the language's.
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    std::vector<std::unique_ptr<QTranslator>> translators;
    if (look() == QLatin1String("german")) {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        auto qt = std::make_unique<QTranslator>();
        // Without Qt's own German (qt6-translations-l10n) every standard button says
        // "Cancel": the German look would report them all, so say why once.
        if (!qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qFatal("no Qt German translation (qtbase_de.qm) in %s: install qt6-translations-l10n",
                   qPrintable(QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(translators.emplace_back(std::move(qt)).get());
        auto ours = std::make_unique<QTranslator>();
        if (!ours->load(QStringLiteral(STATESCOPE_QM_DIR "/statescope_de.qm")))
            qFatal("no German translation at %s", STATESCOPE_QM_DIR);
        QCoreApplication::installTranslator(translators.emplace_back(std::move(ours)).get());
    }
    gui::style::applyTheme(look() == QLatin1String("dark") ? settings::Theme::Dark : settings::Theme::Light);
    TestAudit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_audit.moc"
