// The panes on databases Statescope did not create (sql/shapes): each reads the game's own
// tables, says which, and shows their rows; none shows a raw 42P01. Real widgets, offscreen.
#include "core/demo/shapes.h"
#include "gui/widgets/confirmdialog.h"
#include "gui/events/eventspane.h"
#include "gui/window/layoutdialog.h"
#include "gui/metrics/metricspane.h"
#include "gui/replay/replaypane.h"
#include "gui/snapshots/galaxyview.h"
#include "gui/snapshots/snapshotspane.h"
#include "models/rowgridmodel.h"
#include "gui/widgets/banner.h"
#include "gui/console/consolepane.h"
#include "gui/tables/tablespane.h"
#include "gui/players/playereventspane.h"
#include "gui/widgets/jobrunner.h"
#include "support/testhelpers.h"
#include "support/testserver.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <nlohmann/json.hpp>

using namespace statescope;

namespace {

constexpr int kTimeout = 60000;

// Every row of the open table, read to the end (the model fetches as the grid scrolls).
qint64 rowsShown(gui::TablesPane &pane)
{
    QDeadlineTimer deadline(kTimeout);
    while (!deadline.hasExpired()) {
        pane.grid()->scrollToBottom();
        if (pane.model()->countIsExact())
            return pane.model()->rowCount();
        QTest::qWait(50);
    }
    return -1;
}

pg::ConnectionSettings shaped(demo::Shape shape, QStringList &made)
{
    const pg::ConnectionSettings db = test::emptyDatabase(demo::shapeName(shape));
    made << db.database();
    auto conn = test::connect(db);
    demo::DemoOptions o;
    o.events = 300;
    o.games = 4;
    o.snapshots = 12;
    demo::seedShape(*conn, shape, o);
    return db;
}

// A picture of the pane for people reviewing the run (STATESCOPE_SHOTS=dir).
void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SHOTS");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString labelText(QWidget *pane, const char *name)
{
    const auto *label = pane->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

} // namespace

class TestLayoutPanes : public QObject
{
    Q_OBJECT
private slots:
    void cleanupTestCase()
    {
        for (const QString &name : m_made)
            test::dropDatabase(name);
    }

    void replayReadsPaperDynastysOwnTables()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::PaperDynasty, m_made);
        gui::ReplayPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(db);
        auto *games = pane.findChild<QTableView *>(QStringLiteral("gameView"));
        QTRY_COMPARE_WITH_TIMEOUT(games->model()->rowCount(), 4, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "gamesSource").contains(QLatin1String("public.plays, detected")),
                                 kTimeout);
        games->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(!labelText(&pane, "issueLabel").contains(QLatin1String("42P01")), kTimeout);
        QTest::qWait(500);
        shoot(&pane, QStringLiteral("replay-paperdynasty"));

        // Its plays' references to lineup rows have no indexes: admin mode offers them,
        // previewed and confirmed by name; once built the offer goes.
        auto *build = pane.findChild<QPushButton *>(QStringLiteral("indexReferences"));
        QTRY_VERIFY_WITH_TIMEOUT(build->isVisible(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.runner()->isBusy(), kTimeout);
        QVERIFY(!build->isEnabled());
        pane.setAdminMode(true);
        QVERIFY(build->isEnabled());
        shoot(&pane, QStringLiteral("replay-paperdynasty-index"));
        QTest::mouseClick(build, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = pane.findChild<gui::ConfirmDialog *>()) && dialog->isVisible(), kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        shoot(dialog, QStringLiteral("replay-paperdynasty-index-dialog"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), db.database());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!build->isVisible(), kTimeout);
        auto conn = test::connect(db);
        QCOMPARE(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                                                    "WHERE x.indrelid = 'public.plays'::regclass AND c.relname LIKE '%statescope_idx'")),
                 6);
    }

    void metricsStartOnAMetricTheDatabaseHas()
    {
        // A Galaxy week has snapshots and no API events: it opens on snapshots, not on an
        // error about events.
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy, m_made);
        gui::MetricsPane pane;
        pane.show();
        auto *combo = pane.findChild<QComboBox *>(QStringLiteral("metricCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("events"));
        pane.setServer(db.withDatabase(QStringLiteral("postgres")));
        pane.setDatabase(db.database(), {db.database()});
        QTRY_COMPARE_WITH_TIMEOUT(combo->currentData().toString(), QStringLiteral("snapshots"), kTimeout);
    }

    void replaySaysWhenThereAreNoGames()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Galaxy, m_made);
        gui::ReplayPane pane;
        pane.show();
        pane.setDatabase(db);
        auto *header = pane.findChild<QLabel *>(QStringLiteral("replayHeader"));
        Q_UNUSED(header);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "gamesSource").contains(QLatin1String("layout file")), kTimeout);
        auto *errors = pane.findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(!errors || !errors->isVisible());
    }

    void snapshotsAndSavesReadTheGamesTables()
    {
        const pg::ConnectionSettings galaxy = shaped(demo::Shape::Galaxy, m_made);
        gui::SnapshotsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(galaxy);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "recoveryLabel").contains(QLatin1String("public.snapshots, detected")),
                                 kTimeout);
        shoot(&pane, QStringLiteral("snapshots-galaxy"));

        // Marketland+: saves but no world snapshots; the Saves tab still fills.
        const pg::ConnectionSettings market = shaped(demo::Shape::Marketland, m_made);
        pane.setDatabase(market);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("public.save_snapshots")),
                                 kTimeout);
        QVERIFY2(labelText(&pane, "savesNote").contains(QLatin1String("24 player")), qPrintable(labelText(&pane, "savesNote")));
        QVERIFY(labelText(&pane, "recoveryLabel").contains(QLatin1String("no world snapshots")));
        shoot(&pane, QStringLiteral("saves-marketland"));
    }

    void galaxysConfigAndManeuversAreShown()
    {
        const pg::ConnectionSettings galaxy = shaped(demo::Shape::Galaxy, m_made);
        auto conn = test::connect(galaxy);
        // One ship over the game's 1,000 rows: its 5 oldest are what the next prune deletes.
        const QString ship = conn->exec(QStringLiteral("SELECT ship_id::text FROM public.maneuver_events "
                                                       "GROUP BY ship_id ORDER BY ship_id LIMIT 1")).value(0, 0);
        const qint64 had = test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.maneuver_events "
                                                              "WHERE ship_id = $1"), {ship});
        conn->exec(QStringLiteral("INSERT INTO public.maneuver_events (ship_id, event_type, tick, game_time, created_at) "
                                  "SELECT $1::uuid, 'phase_transition', 100000 + g, now(), now() - g * interval '1 s' "
                                  "FROM generate_series(1, $2::int) g"),
                   {ship, 1005 - had});
        gui::SnapshotsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(galaxy);
        auto *tabs = pane.findChild<QTabWidget *>(QStringLiteral("snapshotTabs"));
        tabs->setCurrentWidget(pane.galaxyView());
        gui::GalaxyView *view = pane.galaxyView();
        QTRY_VERIFY_WITH_TIMEOUT(view->ships()->rowCount() == 8, kTimeout);
        QCOMPARE(view->config()->rowCount(),
                 int(test::scalar(*conn, QStringLiteral("SELECT count(*) FROM public.game_config"))));
        QVERIFY2(view->historyLabel()->text().contains(QLatin1String("about 1.7 hours")),
                 qPrintable(view->historyLabel()->text()));
        QVERIFY2(view->retentionLabel()->text().contains(QLatin1String("5 of")), qPrintable(view->retentionLabel()->text()));
        // Most events first: the ship over the limit leads, 5 beyond the 1,000.
        QCOMPARE(view->ships()->item(0, 0)->text(), ship);
        QCOMPARE(view->ships()->item(0, 4)->text(), QStringLiteral("5"));
        view->ships()->setCurrentCell(0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(view->events()->rowCount(), 1000, kTimeout); // the newest 1,000 (default limit)
        shoot(&pane, QStringLiteral("snapshots-galaxy-maneuvers"));
        // Another database: nothing of this one stays.
        const pg::ConnectionSettings market = shaped(demo::Shape::Marketland, m_made);
        pane.setDatabase(market);
        QCOMPARE(view->ships()->rowCount(), 0);
        QCOMPARE(view->events()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(view->retentionLabel()->text().contains(QLatin1String("no maneuver events")), kTimeout);
    }

    void savesUnderRowLevelSecurityAreViewedAsAPlayer()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland, m_made);
        const QString role = test::uniqueName(QStringLiteral("gui_player"));
        auto owner = test::connect(db);
        owner->execScript(QStringLiteral("CREATE ROLE %1 LOGIN; GRANT SELECT ON public.save_snapshots TO %1;").arg(role));
        const QString player = owner->exec(QStringLiteral("SELECT player_id::text FROM public.players "
                                                          "ORDER BY display_name LIMIT 1")).value(0, 0);
        pg::ConnectionSettings asRole = db;
        asRole.setValue(QStringLiteral("user"), role);
        {
            gui::SnapshotsPane pane;
            pane.resize(1200, 700);
            pane.show();
            pane.setDatabase(asRole);
            // Not a raw 42704: what blocks, and the way to look.
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("row-level security")),
                                     kTimeout);
            QVERIFY(!labelText(&pane, "savesNote").contains(QLatin1String("42704")));
            auto *viewAs = pane.findChild<QLineEdit *>(QStringLiteral("viewAsPlayer"));
            QVERIFY(viewAs && viewAs->isVisible());
            QTest::keyClicks(viewAs, player);
            QTest::keyClick(viewAs, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "savesNote").contains(QLatin1String("1 player(s)")), kTimeout);
            shoot(&pane, QStringLiteral("saves-view-as-player"));
        }
        owner->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void tablesAndSqlViewAsAPlayer()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland, m_made);
        const QString role = test::uniqueName(QStringLiteral("rls_reader"));
        auto owner = test::connect(db);
        owner->execScript(QStringLiteral("CREATE ROLE %1 LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1;").arg(role));
        const QString player = owner->exec(QStringLiteral("SELECT player_id::text FROM public.save_snapshots "
                                                          "GROUP BY player_id ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        const qint64 saves = test::scalar(*owner, QStringLiteral("SELECT count(*) FROM public.save_snapshots "
                                                                 "WHERE player_id = $1"), {player});
        QVERIFY(saves > 0);
        QVERIFY(test::scalar(*owner, QStringLiteral("SELECT count(*) FROM public.save_snapshots")) > saves);
        const QString setting = QStringLiteral("app.current_player_id");
        pg::ConnectionSettings asRole = db;
        asRole.setValue(QStringLiteral("user"), role);
        {
            // A role under the policies: the setting is made in each transaction, the
            // policies show the player's rows.
            gui::TablesPane pane;
            pane.resize(1000, 700);
            pane.show();
            QSignalSpy read(&pane, &gui::TablesPane::rowSecurityRead);
            pane.setDatabase(asRole);
            QTRY_VERIFY_WITH_TIMEOUT(read.count() == 1, kTimeout);
            QVERIFY(pane.viewAsEdit()->isVisible());
            // A setting no policy reads: refused, said.
            QVERIFY(!pane.setViewAs(QStringLiteral("app.nothing"), player));
            QVERIFY(pane.banner()->plainText().contains(QLatin1String("app.nothing")));
            QVERIFY(pane.setViewAs(setting, player));
            pane.openRelation(QStringLiteral("public"), QStringLiteral("save_snapshots"));
            QCOMPARE(rowsShown(pane), saves);
            QVERIFY(pane.readingFilters().isEmpty()); // the policies do it, no filter added
            QVERIFY2(pane.banner()->plainText().contains(QLatin1String("policies show that player")),
                     qPrintable(pane.banner()->plainText()));
            shoot(&pane, QStringLiteral("tables-view-as-player"));

            // The SQL console, the same: reads carry the setting.
            gui::ConsolePane console;
            console.resize(1000, 700);
            console.show();
            QSignalSpy consoleRead(&console, &gui::ConsolePane::rowSecurityRead);
            console.setDatabase(asRole);
            QTRY_VERIFY_WITH_TIMEOUT(consoleRead.count() == 1, kTimeout);
            QVERIFY(console.viewAsEdit()->isVisible());
            QVERIFY(console.setViewAs(setting, player));
            console.editor()->setPlainText(QStringLiteral("SELECT count(*) FROM public.save_snapshots"));
            console.runCurrent();
            QTRY_VERIFY_WITH_TIMEOUT(console.results()->count() == 1, kTimeout);
            auto *grid = qobject_cast<QTableView *>(console.results()->widget(0));
            QVERIFY(grid);
            QTRY_COMPARE_WITH_TIMEOUT(grid->model()->index(0, 0).data().toString(), QString::number(saves), kTimeout);
        }
        {
            // The owner of the database (a superuser here) bypasses the policies: the
            // player becomes a filter on the policy's column, and the pane says why.
            gui::TablesPane pane;
            pane.resize(1000, 700);
            pane.show();
            QSignalSpy read(&pane, &gui::TablesPane::rowSecurityRead);
            pane.setDatabase(db);
            QTRY_VERIFY_WITH_TIMEOUT(read.count() == 1, kTimeout);
            QVERIFY(pane.setViewAs(setting, player));
            pane.openRelation(QStringLiteral("public"), QStringLiteral("save_snapshots"));
            QCOMPARE(rowsShown(pane), saves);
            QCOMPARE(pane.readingFilters().size(), 1);
            QCOMPARE(pane.readingFilters().first().column, QStringLiteral("player_id"));
            QVERIFY2(pane.banner()->plainText().contains(QLatin1String("do not apply")),
                     qPrintable(pane.banner()->plainText()));
            // As yourself again: every row.
            QVERIFY(pane.setViewAs(setting, {}));
            QVERIFY(pane.readingFilters().isEmpty());
            QCOMPARE(rowsShown(pane), test::scalar(*owner, QStringLiteral("SELECT count(*) FROM public.save_snapshots")));
        }
        owner->exec(QStringLiteral("DROP OWNED BY %1").arg(role));
        owner->exec(QStringLiteral("DROP ROLE %1").arg(role));
    }

    void playerEventsByPlayerTypeAndMonth()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::Marketland, m_made);
        auto owner = test::connect(db);
        const QString player = owner->exec(QStringLiteral("SELECT player_id::text FROM public.player_events GROUP BY 1 "
                                                          "ORDER BY count(*) DESC, 1 LIMIT 1")).value(0, 0);
        gui::PlayerEventsPane pane;
        pane.resize(1040, 700);
        pane.show();
        pane.setDatabase(db);
        QSignalSpy shown(&pane, &gui::PlayerEventsPane::pageShown);
        pane.playerEdit()->setText(player);
        pane.sinceEdit()->setText(QStringLiteral("2025-11-01"));
        pane.untilEdit()->setText(QStringLiteral("2025-12-01"));
        QTest::keyClick(pane.untilEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1, kTimeout);
        const qint64 inNovember = test::scalar(*owner, QStringLiteral("SELECT count(*) FROM public.player_events "
                                                                      "WHERE player_id = $1 AND occurred_at >= '2025-11-01' "
                                                                      "AND occurred_at < '2025-12-01'"), {player});
        QCOMPARE(qint64(pane.events()->rowCount()), inNovember);
        // The month's page read one partition, and the pane says which.
        QVERIFY2(pane.sourceLabel()->text().contains(QLatin1String("reads public.player_events_2025_11."))
                     || pane.sourceLabel()->text().contains(QLatin1String("reads player_events_2025_11.")),
                 qPrintable(pane.sourceLabel()->text()));
        qint64 counted = 0;
        for (int r = 0; r < pane.counts()->rowCount(); ++r)
            counted += pane.counts()->item(r, 2)->data(Qt::UserRole).toLongLong();
        QCOMPARE(counted, inNovember);
        // A time that is not one: said, the rows stay.
        pane.sinceEdit()->setText(QStringLiteral("last week"));
        pane.apply();
        QVERIFY(pane.banner()->plainText().contains(QLatin1String("last week")));
        QCOMPARE(qint64(pane.events()->rowCount()), inNovember);
        shoot(&pane, QStringLiteral("player-events"));

        // Every player, a page at a time: "Load more" goes on where the page ended.
        pane.playerEdit()->clear();
        pane.sinceEdit()->clear();
        pane.untilEdit()->clear();
        pane.apply();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2, kTimeout);
        QCOMPARE(pane.events()->rowCount(), 200);
        QVERIFY(pane.moreButton()->isEnabled());
        pane.moreButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 3, kTimeout);
        QCOMPARE(pane.events()->rowCount(), 400);
        QCOMPARE(pane.events()->item(399, 0)->text(),
                 owner->exec(QStringLiteral("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                                            "FROM public.player_events ORDER BY occurred_at DESC, event_id DESC "
                                            "OFFSET 399 LIMIT 1")).value(0, 0));
        // Another database: nothing stays.
        pane.setDatabase(db.withDatabase(QStringLiteral("postgres")));
        QCOMPARE(pane.events()->rowCount(), 0);
        QCOMPARE(pane.counts()->rowCount(), 0);
    }

    void aMappingMadeInTheDialogIsRememberedForTheFamily()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's own settings stay untouched
        gui::LayoutDialog::installMappings();
        const pg::ConnectionSettings db = test::emptyDatabase(QStringLiteral("mapped"));
        m_made << db.database();
        test::connect(db)->execScript(QStringLiteral(
            "CREATE TABLE public.world_ticks (sid serial PRIMARY KEY, tick bigint NOT NULL, "
            "  body jsonb NOT NULL, taken timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO public.world_ticks (tick, body) SELECT g, jsonb_build_object('t', g) "
            "FROM generate_series(1, 3) g;"));
        gui::LayoutDialog dialog(db);
        dialog.show();
        auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("layoutText"));
        QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(QLatin1String("statescope-layout/1")), kTimeout);
        nlohmann::json doc = nlohmann::json::parse(text->toPlainText().toStdString());
        doc["relations"]["snapshots"] = {{"schema", "public"}, {"table", "world_ticks"},
                                         {"columns", {{"id", "sid"}, {"tick_number", "tick"}, {"state", "body"},
                                                      {"created_at", "taken"}}}};
        // A bad edit is refused and remembers nothing.
        text->setPlainText(QStringLiteral("{ not json"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveLayout")), Qt::LeftButton);
        QVERIFY(labelText(&dialog, "layoutStatus").contains(QLatin1String("Not valid JSON")));
        text->setPlainText(QString::fromStdString(doc.dump(2)));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveLayout")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&dialog, "layoutStatus").contains(QLatin1String("Remembered")), kTimeout);

        gui::SnapshotsPane pane;
        pane.show();
        pane.setDatabase(db);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "recoveryLabel").contains(QLatin1String("public.world_ticks, saved mapping")),
                                 kTimeout);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("forgetLayout")), Qt::LeftButton);
    }

    void eventsOnAPrimaryKeyOnlyTableSayHowTheyArePaged()
    {
        const pg::ConnectionSettings db = shaped(demo::Shape::SpaceTraders, m_made);
        gui::EventsPane pane;
        pane.resize(1200, 700);
        pane.show();
        pane.setDatabase(db);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "eventSource").contains(QLatin1String("paged by id")), kTimeout);
        QVERIFY(labelText(&pane, "eventSource").contains(QLatin1String("raw.api_events, detected")));
        auto *table = pane.findChild<QTableView *>();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kTimeout);
        QTest::qWait(500);
        shoot(&pane, QStringLiteral("events-spacetraders"));

        // Admin mode offers the index; it is previewed, confirmed by name, then built and
        // the pages follow the time.
        auto *build = pane.findChild<QPushButton *>(QStringLiteral("buildIndex"));
        QVERIFY(build->isVisible());
        QVERIFY(!build->isEnabled());
        pane.setAdminMode(true);
        QVERIFY(build->isEnabled());
        shoot(&pane, QStringLiteral("replay-paperdynasty-index"));
        QTest::mouseClick(build, Qt::LeftButton);
        gui::ConfirmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = pane.findChild<gui::ConfirmDialog *>()) && dialog->isVisible(), kTimeout);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        shoot(dialog, QStringLiteral("replay-paperdynasty-index-dialog"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), db.database());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&pane, "eventSource").contains(QLatin1String("Source: raw.api_events"))
                                     && !labelText(&pane, "eventSource").contains(QLatin1String("paged by id")),
                                 kTimeout);
        QVERIFY(!build->isVisible());
    }

private:
    QStringList m_made;
};

QTEST_MAIN(TestLayoutPanes)
#include "tst_layoutpanes.moc"
