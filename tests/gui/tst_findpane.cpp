// Follow one thing (issue 59), in the window: Ctrl+K, a value typed once, the rows of every
// week of the family in the Find pane as they come, and each kind of row opened where it
// belongs, checked against SQL: an API event in Events (the event selected), a play in Replay
// (its game at that play), a snapshot found only by "Search these too" in Snapshots (that
// snapshot selected), a player's event in Players (that player), a plain table's row in Tables
// (filtered to its key). A shard set member that is down is named and the other answers; a
// scan stopped ends at once with nothing of ours left running on the server. Bad input says
// why and sends nothing.

#include "support/testhelpers.h"
#include "support/testserver.h"

#include "core/demo/demogenerator.h"
#include "core/settings.h"
#include "core/shard/shardset.h"
#include "core/weekly/serveradmin.h"
#include "core/weekly/weeklyname.h"
#include "gui/events/eventspane.h"
#include "gui/find/findpane.h"
#include "gui/find/storywindow.h"
#include "gui/players/playereventspane.h"
#include "gui/replay/replaypane.h"
#include "gui/snapshots/snapshotspane.h"
#include "gui/tables/tablespane.h"
#include "gui/widgets/banner.h"
#include "gui/widgets/jobrunner.h"
#include "gui/window/mainwindow.h"
#include "models/eventtablemodel.h"
#include "models/rowgridmodel.h"

#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace statescope;
using namespace statescope::test;

namespace {

constexpr int kTimeout = 60000;
constexpr int kWeeks = 3;

} // namespace

class TestFindPane : public QObject
{
    Q_OBJECT

    QString m_prefix;
    QString m_requestKey, m_uuid, m_player;
    QMap<int, qint64> m_eventIds;      // week -> the planted event
    qint64 m_snapshotId = 0;           // week 2's snapshot holding the uuid in its state
    QString m_game;                    // a demo game of week 3
    std::unique_ptr<gui::MainWindow> m_window;

    QString week(int n) const { return weekly::WeeklyName(m_prefix, 2097, n).databaseName(); }
    pg::ConnectionSettings db(int n) const { return serverSettings().withDatabase(week(n)); }
    gui::FindPane *pane() const { return m_window->findPane(); }

    // Ctrl+K, the value typed, Enter; waits for every database to answer.
    void findByKeyboard(const QString &value)
    {
        QLineEdit *field = m_window->findField();
        field->clearFocus();
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, value);
        QSignalSpy done(pane(), &gui::FindPane::finished);
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(pane()->window() != m_window.get() && pane()->window()->isVisible()); // its own window
        QVERIFY(done.wait(kTimeout));
    }

    // The rows shown, "database|schema.table|column" each.
    QStringList shownRows() const
    {
        QStringList out;
        for (int r = 0; r < pane()->rowCount(); ++r) {
            const gui::FoundRow f = pane()->foundRow(r);
            out << QStringLiteral("%1|%2.%3|%4").arg(f.hit.database, f.hit.schema, f.hit.table, f.hit.column);
        }
        return out;
    }

    int rowOf(const QString &database, const QString &table, const QString &column) const
    {
        for (int r = 0; r < pane()->rowCount(); ++r) {
            const gui::FoundRow f = pane()->foundRow(r);
            if (f.hit.database == database && f.hit.schema + QLatin1Char('.') + f.hit.table == table && f.hit.column == column)
                return r;
        }
        return -1;
    }

    // Double-click the row: the window shows its database.
    void activate(int row, const QString &database)
    {
        QVERIFY2(row >= 0, "no such row");
        QTableView *view = pane()->results();
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        // As a mouse does it: a click (the row selected), then the double-click event.
        const QPoint at = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), database, kTimeout);
    }

private slots:
    void initTestCase()
    {
        static QTemporaryDir home;
        qputenv("STATESCOPE_HOME", home.path().toLocal8Bit());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        m_prefix = QStringLiteral("fp%1").arg(QCoreApplication::applicationPid());
        m_requestKey = QStringLiteral("GET /my/ships/FINDPANE-%1").arg(QCoreApplication::applicationPid());
        m_uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_player = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (int n = 1; n <= kWeeks; ++n) {
            weekly::ServerAdmin(serverSettings()).create(week(n), QStringLiteral("tst_findpane"));
            auto conn = test::connect(db(n));
            demo::DemoOptions d;
            d.events = 60;
            d.games = 2;
            d.snapshots = 3;
            d.seed = 3000 + quint64(n);
            demo::seed(*conn, d);
        }
        // The request key in weeks 1 and 3; the uuid in week 2's snapshot state (no index
        // there: found by "Search these too") and as a plain table's key in week 1; a player's
        // events in week 3.
        for (int n : {1, 3})
            m_eventIds[n] = scalar(*test::connect(db(n)),
                                   QStringLiteral("INSERT INTO raw.api_events (fetched_at, endpoint, request_key, status_code, "
                                                  "payload, payload_hash) VALUES (now(), '/my/ships', $1, 409, "
                                                  "'{\"error\": {\"code\": 4000}}', 'h') RETURNING id"),
                                   {m_requestKey});
        m_snapshotId = scalar(*test::connect(db(2)),
                              QStringLiteral("INSERT INTO core.snapshots (tick_number, game_time, state) VALUES (777777, now(), "
                                             "jsonb_build_object('ships', jsonb_build_array(jsonb_build_object('ship_id', $1::text)))) "
                                             "RETURNING id"),
                              {m_uuid});
        test::connect(db(1))->exec(QStringLiteral("CREATE TABLE public.things (id uuid PRIMARY KEY, label text)"));
        test::connect(db(1))->exec(QStringLiteral("INSERT INTO public.things VALUES ($1::uuid, 'planted')"), {m_uuid});
        {
            auto conn = test::connect(db(3));
            conn->exec(QStringLiteral("CREATE TABLE public.player_events (id bigserial PRIMARY KEY, player_id uuid NOT NULL, "
                                      "event_type text NOT NULL, event_data jsonb NOT NULL DEFAULT '{}', "
                                      "occurred_at timestamptz NOT NULL DEFAULT now())"));
            conn->exec(QStringLiteral("CREATE INDEX ON public.player_events (player_id, occurred_at)"));
            conn->exec(QStringLiteral("INSERT INTO public.player_events (player_id, event_type) "
                                      "SELECT $1::uuid, 'login' FROM generate_series(1, 3)"),
                       {m_player});
            m_game = conn->exec(QStringLiteral("SELECT id::text FROM core.games ORDER BY id LIMIT 1")).value(0, 0);
        }
        for (int n = 1; n <= kWeeks; ++n)
            test::connect(db(n))->exec(QStringLiteral("ANALYZE"));

        m_window = std::make_unique<gui::MainWindow>();
        m_window->resize(1300, 820);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy listed(m_window.get(), &gui::MainWindow::databasesListed);
        m_window->connectTo(serverSettings(), QStringLiteral("test server"));
        QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), kTimeout);
        m_window->refresh(week(3));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentDatabase(), week(3), kTimeout);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        for (int n = 1; n <= kWeeks; ++n)
            dropDatabase(week(n));
    }

    void theScopesOffered()
    {
        m_window->findChild<QAction *>(QStringLiteral("findAction"))->trigger();
        QVERIFY(m_window->findField()->hasFocus());
        QComboBox *scope = pane()->scopeBox();
        QVERIFY2(scope->count() >= 2, qPrintable(QString::number(scope->count())));
        // The family is chosen first: every week, the newest first.
        QVERIFY2(scope->currentText().contains(m_prefix) && scope->currentText().contains(QLatin1String("3")),
                 qPrintable(scope->currentText()));
    }

    void anEventInEveryWeekThatHasIt()
    {
        findByKeyboard(m_requestKey);
        // Exactly the two planted events' request_key column (the key is in no other indexed
        // column of any week), the newest week first.
        const QStringList rows = shownRows().filter(QStringLiteral("|request_key"));
        QCOMPARE(rows, (QStringList{QStringLiteral("%1|raw.api_events|request_key").arg(week(3)),
                                    QStringLiteral("%1|raw.api_events|request_key").arg(week(1))}));
        QVERIFY2(pane()->summary()->text().contains(QLatin1String("3 of 3")) || pane()->summary()->text().contains(QLatin1String("in 3")),
                 qPrintable(pane()->summary()->text()));

        // Week 1's event: the window goes to week 1, Events selects that event.
        activate(rowOf(week(1), QStringLiteral("raw.api_events"), QStringLiteral("request_key")), week(1));
        auto *events = m_window->eventsPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(events), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowAt(events->table()->currentIndex().row()) != nullptr, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(events->model()->rowAt(events->table()->currentIndex().row())->id, m_eventIds[1], kTimeout);
        const qint64 expected = scalar(*test::connect(db(1)), QStringLiteral("SELECT id FROM raw.api_events WHERE request_key = $1"),
                                       {m_requestKey});
        QCOMPARE(m_eventIds[1], expected);
    }

    void aPlayInReplayAtItsPlay()
    {
        QVERIFY(!m_game.isEmpty());
        m_window->findField()->clear();
        findByKeyboard(m_game);
        // The game's plays are found through the plays' game column; one of them opened.
        int row = -1;
        gui::FoundRow play;
        for (int r = 0; r < pane()->rowCount() && row < 0; ++r) {
            const gui::FoundRow f = pane()->foundRow(r);
            if (f.hit.database == week(3) && f.hit.kind == QLatin1String("plays")
                && f.hit.context.value(QStringLiteral("play_number")).toInt() > 1) {
                row = r;
                play = f;
            }
        }
        QVERIFY2(row >= 0, qPrintable(shownRows().join(QLatin1Char('\n'))));
        QCOMPARE(play.hit.context.value(QStringLiteral("game_id")), m_game);
        const int playNumber = play.hit.context.value(QStringLiteral("play_number")).toInt();
        // SQL: that play is the game's, with that number.
        QCOMPARE(scalar(*test::connect(db(3)),
                        QStringLiteral("SELECT count(*) FROM core.plays WHERE game_id::text = $1 AND play_number = $2::int"),
                        {m_game, QString::number(playNumber)}),
                 1);
        activate(row, week(3));
        auto *replay = m_window->replayPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(replay), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentGame(), m_game, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentPlay(), playNumber, kTimeout);
    }

    void aSnapshotFoundOnlyByAScan()
    {
        m_window->findField()->clear();
        findByKeyboard(m_uuid);
        // By indexes: the plain table's key in week 1; week 2's snapshot state has no index, so
        // it is listed as not searched.
        QVERIFY(rowOf(week(1), QStringLiteral("public.things"), QStringLiteral("id")) >= 0);
        QCOMPARE(rowOf(week(2), QStringLiteral("core.snapshots"), QStringLiteral("state")), -1);
        QTableWidget *skipped = pane()->notSearched();
        bool listed = false;
        for (int r = 0; r < skipped->rowCount(); ++r)
            listed = listed || (skipped->item(r, 0)->text().contains(QLatin1String("W02"))
                                && skipped->item(r, 1)->text() == QLatin1String("core.snapshots.state"));
        QVERIFY(listed);
        QVERIFY(pane()->scanButton()->isEnabled());
        pane()->tabs()->setCurrentIndex(1); // Not searched
        QVERIFY(pane()->scanButton()->isVisible());
        QSignalSpy done(pane(), &gui::FindPane::finished);
        QTest::mouseClick(pane()->scanButton(), Qt::LeftButton);
        QVERIFY(done.wait(kTimeout));
        const int row = rowOf(week(2), QStringLiteral("core.snapshots"), QStringLiteral("state"));
        QVERIFY2(row >= 0, qPrintable(shownRows().join(QLatin1Char('\n'))));
        QVERIFY(!pane()->scanButton()->isEnabled()); // everything was read
        pane()->tabs()->setCurrentIndex(0);
        activate(row, week(2));
        auto *snapshots = m_window->snapshotsPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(snapshots), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            snapshots->timeline()->currentIndex().siblingAtColumn(gui::SnapshotsPane::TickColumn).data(gui::SnapshotsPane::IdRole).toLongLong(),
            m_snapshotId, kTimeout);
    }

    void aPlainTableRowInTables()
    {
        m_window->findField()->clear();
        findByKeyboard(m_uuid);
        activate(rowOf(week(1), QStringLiteral("public.things"), QStringLiteral("id")), week(1));
        auto *tables = m_window->tablesPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(tables), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tables->relation(), QStringLiteral("public.things"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tables->model()->rowCount(), 1, kTimeout);
        QCOMPARE(tables->filters().size(), 1);
        QCOMPARE(tables->filters().first().value, m_uuid);
    }

    void aPlayersEventsInPlayers()
    {
        m_window->findField()->clear();
        findByKeyboard(m_player);
        const int row = rowOf(week(3), QStringLiteral("public.player_events"), QStringLiteral("player_id"));
        QVERIFY2(row >= 0, qPrintable(shownRows().join(QLatin1Char('\n'))));
        QCOMPARE(pane()->foundRow(row).hit.kind, QStringLiteral("player_events"));
        // As many rows as SQL counts.
        QCOMPARE(qint64(shownRows().filter(QStringLiteral("public.player_events|player_id")).size()),
                 scalar(*test::connect(db(3)), QStringLiteral("SELECT count(*) FROM public.player_events WHERE player_id = $1::uuid"),
                        {m_player}));
        activate(row, week(3));
        auto *players = m_window->playerEventsPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(players), kTimeout);
        QCOMPARE(players->playerEdit()->text(), m_player);
        // From the Players pane, the player's story in the week shown: his events, as SQL counts them.
        QVERIFY(players->storyButton()->isEnabled());
        QTest::mouseClick(players->storyButton(), Qt::LeftButton);
        gui::StoryWindow *story = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((story = m_window->findChild<gui::StoryWindow *>()) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!story->isBusy() && story->entryCount() > 0, kTimeout);
        QCOMPARE(qint64(story->entryCount()),
                 scalar(*test::connect(db(3)), QStringLiteral("SELECT count(*) FROM public.player_events WHERE player_id = $1::uuid"),
                        {m_player}));
        for (int i = 0; i < story->entryCount(); ++i)
            QCOMPARE(story->entry(i).source, QStringLiteral("player_events"));
        story->close();
        m_window->activateWindow();
        QTRY_VERIFY(m_window->isActiveWindow());
    }

    // Story, from a found row: the game's story in its week, page by page as SQL counts it
    // (the game, its plays and rolls, the audit log naming it), an entry opened in Replay at its
    // play, the whole story exported.
    void aGamesStoryFromAFoundRow()
    {
        m_window->findField()->clear();
        findByKeyboard(m_game);
        int row = -1;
        for (int r = 0; r < pane()->rowCount() && row < 0; ++r)
            if (pane()->foundRow(r).hit.database == week(3))
                row = r;
        QVERIFY2(row >= 0, qPrintable(shownRows().join(QLatin1Char('\n'))));
        pane()->results()->setCurrentIndex(pane()->results()->model()->index(row, 0));
        QVERIFY(pane()->storyButton()->isEnabled());
        QCOMPARE(pane()->storyButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
        QTest::mouseClick(pane()->storyButton(), Qt::LeftButton);
        gui::StoryWindow *story = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((story = m_window->findChild<gui::StoryWindow *>()) != nullptr, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(story->entryCount() > 0 && !story->isBusy(), kTimeout);
        const qint64 expected = scalar(
            *test::connect(db(3)),
            QStringLiteral("SELECT (SELECT count(*) FROM core.games WHERE id::text = $1 AND created_at IS NOT NULL) "
                           "+ (SELECT count(*) FROM core.plays WHERE game_id::text = $1 AND created_at IS NOT NULL) "
                           "+ (SELECT count(*) FROM core.rolls WHERE game_id::text = $1 AND created_at IS NOT NULL) "
                           "+ (SELECT count(*) FROM statescope.audit_log WHERE target = $1 "
                           "   OR details @@ format('$.** == %s', to_jsonb($1::text))::jsonpath)"),
            {m_game});
        QVERIFY(expected > 0);
        // Every page, oldest first, in time order.
        qint64 seen = 0;
        qint64 last = std::numeric_limits<qint64>::min();
        for (int pages = 0; pages < 100; ++pages) {
            for (int i = 0; i < story->entryCount(); ++i) {
                QVERIFY(story->entry(i).atMicros >= last);
                last = story->entry(i).atMicros;
            }
            seen += story->entryCount();
            if (!story->newerButton()->isEnabled())
                break;
            QSignalSpy shown(story, &gui::StoryWindow::pageShown);
            QTest::mouseClick(story->newerButton(), Qt::LeftButton);
            QVERIFY(shown.wait(kTimeout));
            QVERIFY(story->olderButton()->isEnabled());
        }
        QCOMPARE(seen, expected);
        // A play of the game, opened: Replay at that play.
        story->showOldest();
        QTRY_VERIFY_WITH_TIMEOUT(!story->isBusy() && story->entryCount() > 0, kTimeout);
        int playRow = -1;
        for (int i = 0; i < story->entryCount() && playRow < 0; ++i)
            if (story->entry(i).source == QLatin1String("plays")
                && story->entry(i).context.value(QStringLiteral("play_number")).toInt() > 1)
                playRow = i;
        QVERIFY2(playRow >= 0, "no play on the story's first page");
        const int playNumber = story->entry(playRow).context.value(QStringLiteral("play_number")).toInt();
        story->view()->setCurrentIndex(story->view()->model()->index(playRow, 0));
        QVERIFY(story->detail()->toPlainText().contains(QLatin1String("play_number")));
        QTest::keyClick(story->view(), Qt::Key_Return);
        auto *replay = m_window->replayPane();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPane(), static_cast<QWidget *>(replay), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentGame(), m_game, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(replay->currentPlay(), playNumber, kTimeout);
        // The whole story exported: a header and a line per entry.
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("story.csv"));
        QSignalSpy exported(story, &gui::StoryWindow::exported);
        story->exportTo(path);
        QVERIFY(exported.wait(kTimeout));
        QCOMPARE(exported.first().at(1).toLongLong(), expected);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(qint64(file.readAll().count('\n')), expected + 1);
        story->close();
        // The offscreen platform has no window manager to hand the activation back, as a
        // desktop does when a window closes: the next test's Ctrl+K needs an active window.
        m_window->activateWindow();
        QTRY_VERIFY(m_window->isActiveWindow());
    }

    // A shard set whose second member is down: that member is named on the Not searched tab,
    // the other's rows are there.
    void aShardSetWithAMemberDown()
    {
        shard::ShardSet set;
        set.name = m_prefix + QStringLiteral("_set");
        shard::Member up;
        up.label = QStringLiteral("up");
        up.settings = db(1);
        shard::Member down;
        down.label = QStringLiteral("down");
        down.settings = pg::ConnectionSettings::parse(
            QStringLiteral("host=127.0.0.1 port=%1 dbname=gone connect_timeout=2").arg(freePort()));
        set.members = {up, down};
        shard::saveSets(shard::savedSets() + QList<shard::ShardSet>{set});
        m_window->findField()->clear();
        findByKeyboard(m_requestKey); // the scopes are read again: the set is offered
        QComboBox *scope = pane()->scopeBox();
        const int at = scope->findText(set.name, Qt::MatchContains);
        QVERIFY2(at >= 0, qPrintable(set.name));
        scope->setCurrentIndex(at);
        m_window->findField()->clear();
        findByKeyboard(m_requestKey);
        QCOMPARE(shownRows(), QStringList{QStringLiteral("%1|raw.api_events|request_key").arg(week(1))});
        QTableWidget *skipped = pane()->notSearched();
        bool named = false;
        for (int r = 0; r < skipped->rowCount(); ++r)
            named = named || (skipped->item(r, 0)->text() == QLatin1String("down")
                              && skipped->item(r, 2)->text().startsWith(QLatin1String("not searched")));
        QVERIFY(named);
        QVERIFY2(pane()->summary()->text().contains(QLatin1String("1 of 2")), qPrintable(pane()->summary()->text()));
        scope->setCurrentIndex(scope->findText(m_prefix, Qt::MatchContains)); // the family again
    }

    // Search these too on a table that takes seconds to read, then Stop: the search ends at
    // once and nothing of ours still runs on the server.
    void aScanStoppedLeavesNothingRunning()
    {
        auto conn = test::connect(db(3));
        conn->exec(QStringLiteral("CREATE TABLE public.slow AS SELECT g AS n, jsonb_build_object('a', md5(g::text), "
                                  "'b', jsonb_build_array(g, md5((g * 7)::text), md5((g * 13)::text))) AS doc "
                                  "FROM generate_series(1, 1500000) g"));
        conn->exec(QStringLiteral("ANALYZE public.slow"));
        m_window->findField()->clear();
        findByKeyboard(QStringLiteral("not-in-any-document"));
        pane()->tabs()->setCurrentIndex(1);
        QVERIFY(pane()->scanButton()->isEnabled());
        QSignalSpy done(pane(), &gui::FindPane::finished);
        QTest::mouseClick(pane()->scanButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->stopButton()->isEnabled(), kTimeout);
        QTest::qWait(500);
        QVERIFY2(pane()->isRunning(), "the scan ended before Stop: the table is too small to test Stop");
        QTest::mouseClick(pane()->stopButton(), Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(pane()->summary()->text().contains(QLatin1String("Stopped")), qPrintable(pane()->summary()->text()));
        // Nothing of ours runs on the server a moment later (the statement was cancelled).
        auto watch = test::connect(directServerSettings().withDatabase(QStringLiteral("postgres")));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(*watch,
                                         QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state <> 'idle' "
                                                        "AND application_name = $1 AND pid <> pg_backend_pid()"),
                                         {pg::Connection::ownApplicationName()}),
                                  0, 5000);
        pane()->tabs()->setCurrentIndex(0);
        conn->exec(QStringLiteral("DROP TABLE public.slow"));
    }

    void badInputSaysWhyAndSendsNothing()
    {
        const int before = pane()->rowCount();
        for (const QString &bad : {QStringLiteral("   "), QString(300, QLatin1Char('x'))}) {
            m_window->findField()->setText(bad);
            QTest::keyClick(m_window->findField(), Qt::Key_Return);
            QVERIFY(pane()->banner()->isVisible());
            QVERIFY(!pane()->isRunning());
            QCOMPARE(pane()->rowCount(), before);
        }
    }
};

QTEST_MAIN(TestFindPane)
#include "tst_findpane.moc"
